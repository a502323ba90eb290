import { PlaybookDefinition } from "../../domain/automation/playbook";
import { CypherExecutor } from "../../graph/executor";
import { PlaybookRunner } from "../../services/automation/playbook-runner";
import {
  ActivatePlaybookDocument,
  PausePlaybookDocument,
  PlaybookDocument,
  PlaybookFiringsDocument,
  RetirePlaybookDocument,
  SavePlaybookDocument,
  SimulatePlaybookDocument,
} from "../../schema/generated/graphql";
import { BATTERY_FADE_PLAYBOOK, REMOTE_QC_PLAYBOOK } from "../support/playbook-examples";
import { signToken } from "../../app/auth/token";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 11, the playbook engine: playbooks as versioned data, the runner on the change feed (polled by the
// test: RELATA_AUTOMATION_POLL_MS is an hour, so only the test's own polls run after start-up), breakers,
// simulation without side effects. Firings are carried out by the real actions side (FiringService):
// proposals, tasks, reviews, flags and their audit records. Owners are ingested users (upsertUsers).

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let api: TestApi;
let runner: PlaybookRunner;
let executor: CypherExecutor;

const READ = (name: string, text: string) => ({ name: `test.playbooks.${name}`, text });

async function save(tenant: string, definition: PlaybookDefinition, id: string | null = null, role = "analyst") {
  const response = await api.run(
    SavePlaybookDocument,
    { id, definition: definition as never },
    { token: api.token(tenant, role as never) },
  );
  return dataOf(response).savePlaybook;
}

async function activate(tenant: string, id: string) {
  return dataOf(await api.run(ActivatePlaybookDocument, { id }, { token: api.token(tenant, "admin") }))
    .activatePlaybook;
}

async function firings(tenant: string, playbookId: string | null = null) {
  return dataOf(
    await api.run(PlaybookFiringsDocument, { playbookId, first: 50 }, { token: api.token(tenant, "viewer") }),
  ).playbookFirings.firings;
}

async function post(tenant: string, query: string, variables: Record<string, unknown>) {
  const response = await api.post<Record<string, { created?: number; rejected?: number }>>(query, variables, {
    token: api.token(tenant, "integrator"),
  });
  return dataOf(response);
}

/** Runs the runner until it has evaluated every event committed so far (one poll may stop at a page bound). */
async function runPlaybooks(): Promise<void> {
  for (let i = 0; i < 20; i += 1) if ((await runner.poll()) === 0) return;
}

/** The engine's own audit records of a playbook: its changes and its breakers' trips. */
async function auditKinds(tenant: string, playbookId: string): Promise<string[]> {
  const rows = await executor.read(
    READ(
      "audit",
      `MATCH (a:AuditRecord {tenant: $tenant, playbookId: $id}) WHERE a.kind IN ['PLAYBOOK_CHANGED', 'BREAKER_TRIPPED']
       RETURN a.kind AS kind, a.payload AS payload ORDER BY a.seq`,
    ),
    { tenant, id: playbookId },
  );
  return rows.map((r) => {
    const payload = JSON.parse(String(r.payload)) as { change?: string; breaker?: string };
    return `${String(r.kind)}:${payload.change ?? payload.breaker}`;
  });
}

/** Ingests users with roles. */
async function upsertUsers(tenant: string, list: Array<{ id: string; roles: string[] }>) {
  await post(tenant, `mutation($input: [UserInput!]!) { upsertUsers(input: $input) { created } }`, {
    input: list.map((u) => ({ sourceSystem: "hr", externalId: u.id, name: u.id, roles: u.roles })),
  });
}

/**
 * A user holding a role outside the API's four (e.g. "compliance", which a ROLE assignee names): upsertUsers
 * accepts only admin, analyst, integrator and viewer, so it is written directly.
 */
async function users(tenant: string, list: Array<{ id: string; roles: string[]; owns?: string[] }>) {
  await executor.write(
    READ(
      "users",
      `UNWIND $users AS u
       MERGE (n:User {tenant: $tenant, externalId: u.id})
       SET n.id = 'usr-' + u.id, n.roles = u.roles
       WITH n, u UNWIND u.owns AS owned
       MATCH (a:Account {tenant: $tenant, externalId: owned})
       MERGE (n)-[:OWNS]->(a)`,
    ),
    { tenant, users: list.map((u) => ({ ...u, owns: u.owns ?? [] })) },
  );
}

const userToken = (tenant: string, subject: string, role: "analyst" | "admin" | "integrator") =>
  signToken({ tenant, role, subject }, TEST_JWT_SECRET);

const ingestSignals = `mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created rejected } }`;

beforeAll(async () => {
  api = await startTestApi({ RELATA_AUTOMATION: "1", RELATA_AUTOMATION_POLL_MS: "3600000" });
  runner = api.runtime.automation.runner!;
  executor = api.runtime.database.executor(30_000);
});

afterAll(async () => {
  await api?.stop();
});

describe("saving playbooks", () => {
  const tenant = uniqueTenant("pb-save");

  it("creates a draft and saves new versions, never changing a saved one", async () => {
    const first = await save(tenant, REMOTE_QC_PLAYBOOK);
    expect(first).toMatchObject({ status: "DRAFT", currentVersion: 1, ownerUserId: "u-sales-lead" });
    const second = await save(tenant, { ...REMOTE_QC_PLAYBOOK, intent: "Demo remote QC to hospitals." }, first.id);
    expect(second).toMatchObject({ id: first.id, currentVersion: 2 });
    const stored = dataOf(
      await api.run(PlaybookDocument, { id: first.id }, { token: api.token(tenant, "viewer") }),
    ).playbook;
    expect(stored.versions.map((v) => [v.version, (v.definition as PlaybookDefinition).intent])).toEqual([
      [2, "Demo remote QC to hospitals."],
      [1, REMOTE_QC_PLAYBOOK.intent],
    ]);
    expect(stored.definition).toEqual({ ...REMOTE_QC_PLAYBOOK, intent: "Demo remote QC to hospitals." });
  });

  it("records each change of a playbook in the audit trail", async () => {
    const playbook = await save(tenant, REMOTE_QC_PLAYBOOK);
    await activate(tenant, playbook.id);
    dataOf(
      await api.run(
        PausePlaybookDocument,
        { id: playbook.id, reason: "season over" },
        { token: api.token(tenant, "analyst") },
      ),
    );
    expect(await auditKinds(tenant, playbook.id)).toEqual([
      "PLAYBOOK_CHANGED:SAVED",
      "PLAYBOOK_CHANGED:ACTIVATED",
      "PLAYBOOK_CHANGED:PAUSED",
    ]);
  });
});

describe("refusals", () => {
  const tenant = uniqueTenant("pb-refuse");

  it("refuses an invalid definition, naming every problem's path", async () => {
    const definition = {
      ...REMOTE_QC_PLAYBOOK,
      trigger: { ...REMOTE_QC_PLAYBOOK.trigger, count: 0 },
      limits: { ...REMOTE_QC_PLAYBOOK.limits, periodDays: 9999 },
    };
    const response = await api.run(
      SavePlaybookDocument,
      { id: null, definition: definition as never },
      { token: api.token(tenant, "admin") },
    );
    const error = onlyErrorOf(response, 200) as {
      extensions?: { code?: string; reason?: string; problems?: string[] };
    };
    expect(error.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_PLAYBOOK",
      problems: [
        "trigger.count: must be a whole number 1-1000, got 0",
        "limits.periodDays: must be a whole number 1-365, got 9999",
      ],
    });
  });

  it("lets only admins and analysts author playbooks", async () => {
    for (const role of ["viewer", "integrator"] as const) {
      const response = await api.run(
        SavePlaybookDocument,
        { id: null, definition: REMOTE_QC_PLAYBOOK as never },
        { token: api.token(tenant, role) },
      );
      expect(onlyErrorOf(response, 200).extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("keeps another tenant's playbooks and firings out of sight", async () => {
    const playbook = await save(tenant, REMOTE_QC_PLAYBOOK);
    const other = uniqueTenant("pb-other");
    const read = await api.run(PlaybookDocument, { id: playbook.id }, { token: api.token(other, "admin") });
    expect(onlyErrorOf(read, 200).extensions?.code).toBe("NOT_FOUND");
    const activated = await api.run(
      ActivatePlaybookDocument,
      { id: playbook.id },
      { token: api.token(other, "admin") },
    );
    expect(onlyErrorOf(activated, 200).extensions?.code).toBe("NOT_FOUND");
    const listed = await api.run(
      PlaybookFiringsDocument,
      { playbookId: playbook.id, first: 5 },
      { token: api.token(other, "admin") },
    );
    expect(onlyErrorOf(listed, 200).extensions?.code).toBe("NOT_FOUND");
  });

  it("keeps a retired playbook as it was", async () => {
    const playbook = await save(tenant, REMOTE_QC_PLAYBOOK);
    dataOf(await api.run(RetirePlaybookDocument, { id: playbook.id }, { token: api.token(tenant, "admin") }));
    const again = await api.run(
      SavePlaybookDocument,
      { id: playbook.id, definition: REMOTE_QC_PLAYBOOK as never },
      { token: api.token(tenant, "admin") },
    );
    expect(onlyErrorOf(again, 200).extensions).toMatchObject({ code: "CONFLICT", reason: "PLAYBOOK_RETIRED" });
  });
});

describe("scenario 1: three views of the remote quality-control page by a hospital's contacts in a week", () => {
  const tenant = uniqueTenant("pb-remote-qc");
  let playbookId: string;
  let viewCount = 0;
  const view = (contact: string, page = "/remote-quality-control", at = daysAgo(0.01)) => {
    viewCount += 1;
    return {
      sourceSystem: "web",
      recordId: `V-${viewCount}`,
      field: "page_view",
      stringValue: page,
      observedAt: at,
      subject: { kind: "CONTACT", externalId: contact, sourceSystem: "crm" },
    };
  };

  beforeAll(async () => {
    await upsertUsers(tenant, [{ id: "u-sales-lead", roles: ["analyst", "integrator"] }]);
    await post(
      tenant,
      `mutation { upsertAccounts(input: [
        { sourceSystem: "crm", externalId: "H-1", name: "St. Mary Hospital", industry: "Hospital",
          owner: { externalId: "u-sales-lead" } },
        { sourceSystem: "crm", externalId: "F-1", name: "Factory", industry: "Manufacturing" }]) { created } }`,
      {},
    );
    await post(
      tenant,
      `mutation { upsertContacts(input: [
        { sourceSystem: "crm", externalId: "C-1", name: "Dr. A", account: { externalId: "H-1" } },
        { sourceSystem: "crm", externalId: "C-2", name: "Dr. B", account: { externalId: "H-1" } },
        { sourceSystem: "crm", externalId: "C-3", name: "Ms. C", account: { externalId: "F-1" } }]) { created } }`,
      {},
    );
    await users(tenant, [{ id: "u-compliance", roles: ["compliance"] }]);
    playbookId = (await save(tenant, REMOTE_QC_PLAYBOOK)).id;
    await activate(tenant, playbookId);
  });

  it("does not fire on two views, nor on views of another page or by another account's contacts", async () => {
    await post(tenant, ingestSignals, {
      input: [
        view("C-1", undefined, daysAgo(3)),
        view("C-2", undefined, daysAgo(1)),
        view("C-1", "/pricing"),
        view("C-3"),
        view("C-3"),
        view("C-3"),
      ],
    });
    await runPlaybooks();
    expect(await firings(tenant, playbookId)).toEqual([]);
  });

  it("fires on the third view with the facts it decided on", async () => {
    await post(tenant, ingestSignals, { input: [view("C-2")] });
    await runPlaybooks();
    const [firing, ...more] = await firings(tenant, playbookId);
    expect(more).toEqual([]);
    expect(firing).toMatchObject({ playbookId, version: 1, outcome: "PROPOSED" });
    expect(firing!.subject).toBe(`account:${firing!.accountIds[0]}`);
    const [trigger, industry, noOpenTask] = firing!.basis as Array<{
      condition: string;
      passed: boolean;
      facts: Record<string, unknown>;
    }>;
    expect(trigger).toMatchObject({ condition: "trigger", passed: true, facts: { count: 3, required: 3 } });
    expect(industry).toMatchObject({
      condition: "conditions[0]:ACCOUNT_FIELD",
      passed: true,
      facts: { seen: [{ accountId: firing!.accountIds[0], value: "Hospital" }] },
    });
    expect(noOpenTask).toMatchObject({ condition: "conditions[1]:NO_OPEN_TASK", passed: true });
  });

  it("does not fire again on the evidence it already used", async () => {
    await post(tenant, ingestSignals, { input: [view("C-1")] });
    await runPlaybooks();
    expect(await firings(tenant, playbookId)).toHaveLength(1);
  });

  it("waits for the owner's confirmation, then plans the demo for the owner and opens the compliance review", async () => {
    const owner = userToken(tenant, "u-sales-lead", "analyst");
    const proposals = dataOf(
      await api.post<{ proposals: { items: Array<{ id: string; status: string }> } }>(
        `query($id: ID) { proposals(filter: { playbookId: $id }) { items { id status } } }`,
        { id: playbookId },
        { token: owner },
      ),
    ).proposals.items;
    expect(proposals.map((p) => p.status)).toEqual(["PENDING"]);
    const confirmed = dataOf(
      await api.post<{ confirmProposal: { status: string } }>(
        `mutation($id: ID!) { confirmProposal(id: $id) { status } }`,
        { id: proposals[0]!.id },
        { token: owner },
      ),
    ).confirmProposal;
    expect(confirmed).toEqual({ status: "EXECUTED" });
    const tasks = dataOf(
      await api.post<{
        tasks: { items: Array<{ id: string; kind: string; template: string; reviewType: string | null }> };
      }>(
        `query($id: ID) { tasks(filter: { playbookId: $id }) { items { id kind template reviewType } } }`,
        { id: playbookId },
        { token: api.token(tenant, "admin") },
      ),
    ).tasks.items;
    expect(tasks.map((t) => [t.kind, t.template, t.reviewType]).sort()).toEqual([
      ["REVIEW", expect.any(String), "compliance-pre-review"],
      ["TASK", "demo-plan", null],
    ]);
    const demo = tasks.find((t) => t.template === "demo-plan")!;
    dataOf(
      await api.post(
        `mutation($id: ID!) { completeTask(id: $id, note: "booked") { status } }`,
        { id: demo.id },
        { token: owner },
      ),
    );
  });

  it("measures the playbook: confirmed, its task done in time, its feedback met", async () => {
    const { stats } = dataOf(
      await api.run(PlaybookDocument, { id: playbookId }, { token: api.token(tenant, "viewer") }),
    ).playbook;
    expect(stats).toMatchObject({
      firings: 1,
      outcomes: [{ outcome: "PROPOSED", count: 1 }],
      proposalsConfirmed: 1,
      proposalsPending: 0,
      tasks: 2,
      tasksCompletedInTime: 1,
      feedbackMet: 1,
      feedbackPending: 0,
      feedbackMissed: 0,
      successRate: 1,
    });
  });

  it("simulates where it would have fired, changing nothing at all", async () => {
    const state = async () => {
      const [row] = await executor.read(
        READ(
          "state",
          // Audit checkpoints are left out: the checkpoint job signs the (unchanged) head on its own schedule; so
          // are usage counts, which the metering flushes on its own schedule (the earlier calls' and this one's).
          `CALL () { MATCH (n {tenant: $tenant}) WHERE NOT n:AuditCheckpoint AND NOT n:UsageCount RETURN count(n) AS nodes }
           CALL () { MATCH (n {tenant: $tenant})-[r]->() RETURN count(r) AS relationships }
           OPTIONAL MATCH (s:ChangeSequence {tenant: $tenant})
           OPTIONAL MATCH (h:AuditHead {tenant: $tenant})
           RETURN nodes, relationships, s.last AS feedHead, h.seq AS auditHead, h.hash AS auditHash`,
        ),
        { tenant },
      );
      return row;
    };
    const before = await state();
    const simulated = dataOf(
      await api.run(
        SimulatePlaybookDocument,
        { id: playbookId, from: daysAgo(30), to: new Date(Date.now() + 60_000).toISOString() },
        { token: api.token(tenant, "analyst") },
      ),
    ).simulatePlaybook;
    expect(await state()).toEqual(before);
    expect(simulated.version).toBe(1);
    expect(simulated.firings).toHaveLength(1);
    expect(simulated.firings[0]).toMatchObject({ subject: (await firings(tenant, playbookId))[0]!.subject });
    // The fourth view alone is not three new views: nothing to fire on, nothing for a breaker to hold.
    expect(simulated.held).toEqual([]);
    // Another account's contacts viewed the page three times too: triggered, but not a hospital.
    expect(simulated.conditionsFailed).toBe(1);
  });
});

describe("scenario 2: battery health falling faster than a threshold across a region's vehicles", () => {
  const tenant = uniqueTenant("pb-battery");
  let playbookId: string;

  beforeAll(async () => {
    await post(
      tenant,
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "FLEET-1", name: "Volta Fleet" },
        { sourceSystem: "crm", externalId: "FLEET-2", name: "Ride Co" }]) { created } }`,
      {},
    );
    const vehicle = (id: string, account: string, region: string, batch: string) =>
      `{ sourceSystem: "iot", externalId: "${id}", name: "${id}", account: { externalId: "${account}", sourceSystem: "crm" }, region: "${region}", batch: "${batch}" }`;
    await post(
      tenant,
      `mutation { upsertAssets(input: [${[
        vehicle("V-1", "FLEET-1", "CN-East", "CB-7"),
        vehicle("V-2", "FLEET-2", "CN-East", "CB-7"),
        vehicle("V-3", "FLEET-1", "CN-East", "CB-9"),
        vehicle("V-4", "FLEET-1", "CN-West", "CB-7"),
      ].join(", ")}]) { created } }`,
      {},
    );
    await post(
      tenant,
      `mutation { upsertOrganizations(input: [{ sourceSystem: "crm", externalId: "SP-EAST", name: "East Service",
        kind: SERVICE_PROVIDER, links: [], servesRegions: ["CN-East"] }]) { created } }`,
      {},
    );
    await upsertUsers(tenant, [{ id: "u-service-manager", roles: ["integrator"] }]);
    playbookId = (await save(tenant, BATTERY_FADE_PLAYBOOK)).id;
    await activate(tenant, playbookId);
  });

  const soh = (vehicle: string, days: number, value: number) => ({
    sourceSystem: "iot",
    recordId: `${vehicle}-${days}`,
    field: "battery_soh_pct",
    numberValue: value,
    unit: "percent",
    observedAt: daysAgo(days),
    subject: { kind: "ASSET", externalId: vehicle },
  });

  it("fires for the region when two vehicles fade faster than the rate, naming them and their batch", async () => {
    await post(tenant, ingestSignals, {
      input: [
        // 0.2 %/day and 0.15 %/day: faster than 0.05; V-3 holds steady; V-4 fades in another region alone.
        ...[20, 10, 0.01].map((d) => soh("V-1", d, 90 - 0.2 * (20 - d))),
        ...[20, 10, 0.01].map((d) => soh("V-2", d, 92 - 0.15 * (20 - d))),
        ...[20, 10, 0.01].map((d) => soh("V-3", d, 95)),
        ...[20, 10, 0.01].map((d) => soh("V-4", d, 90 - 0.3 * (20 - d))),
      ],
    });
    await runPlaybooks();
    const all = await firings(tenant, playbookId);
    expect(all.map((f) => f.subject)).toEqual(["region:CN-East"]);
    const [trigger, partner] = all[0]!.basis as Array<{ passed: boolean; facts: Record<string, unknown> }>;
    expect(trigger!.facts).toMatchObject({ subjectsMoving: 2, required: 2, direction: "FALLING" });
    expect(partner).toMatchObject({ passed: true, facts: { region: "CN-East", servingRegion: true } });
    expect((partner!.facts.organizationIds as string[]).length).toBe(1);
    // AUTO: carried out at once — the work order for the region's service partner, the batch flagged.
    expect(all[0]).toMatchObject({ region: "CN-East", batchCodes: ["CB-7"], outcome: "EXECUTED" });
    expect(all[0]!.accountIds).toHaveLength(2);
    expect(all[0]!.assetIds).toHaveLength(2);
    const [row] = await executor.read(
      READ("assets", `MATCH (a:Asset {tenant: $tenant}) WHERE a.id IN $ids RETURN collect(a.externalId) AS ids`),
      { tenant, ids: ((trigger!.facts.slopes as Array<{ subjectId: string }>) ?? []).map((s) => s.subjectId) },
    );
    expect([...(row!.ids as string[])].sort()).toEqual(["V-1", "V-2", "V-3"]);
  });

  it("leaves a work order with the region's service partner and the cell batch flagged for R&D", async () => {
    const data = (await post(
      tenant,
      `{ organizations(first: 5) { edges { node { id externalId } } }
         assets(first: 10) { edges { node { externalId batch { code flags { flag note } } } } } }`,
      {},
    )) as {
      organizations: { edges: Array<{ node: { id: string; externalId: string } }> };
      assets: {
        edges: Array<{ node: { externalId: string; batch: { code: string; flags: Array<{ flag: string }> } } }>;
      };
    };
    const partner = data.organizations.edges.find((e) => e.node.externalId === "SP-EAST")!.node.id;
    const orders = (await post(
      tenant,
      `query($org: ID!) { tasks(filter: { organizationId: $org }, first: 10) { items { template status accountIds } } }`,
      { org: partner },
    )) as { tasks: { items: Array<{ template: string; status: string; accountIds: string[] }> } };
    expect(orders.tasks.items).toHaveLength(1);
    expect(orders.tasks.items[0]).toMatchObject({ template: "battery-work-order", status: "OPEN" });
    const flagsOf = (id: string) =>
      data.assets.edges.find((e) => e.node.externalId === id)!.node.batch.flags.map((f) => f.flag);
    expect(flagsOf("V-1")).toEqual(["rnd-review"]);
    // CB-9 (the steady vehicle's batch) is not flagged.
    expect(flagsOf("V-3")).toEqual([]);
  });

  it("explains the fleet's health drop by product reliability (battery health under it)", async () => {
    const answer = (await post(
      tenant,
      `{ accounts(first: 5) { edges { node { externalId health(fresh: true) {
          score grade explanation { conceptId value } } } } } }`,
      {},
    )) as {
      accounts: {
        edges: Array<{
          node: {
            externalId: string;
            health: {
              score: number | null;
              grade: string | null;
              explanation: Array<{ conceptId: string; value: number | null }>;
            } | null;
          };
        }>;
      };
    };
    const fleet = answer.accounts.edges.find((e) => e.node.externalId === "FLEET-1")!.node.health!;
    // Faded batteries (84-90 % state of health) read low on the 70-100 % scale: below the green band.
    expect(fleet.score).toBeLessThan(70);
    const withData = [...new Set(fleet.explanation.filter((n) => n.value !== null).map((n) => n.conceptId))];
    expect(withData.sort()).toEqual(["automotive:battery-state-of-health", "core:customer-health", "core:reliability"]);
    const reliability = fleet.explanation.find((n) => n.conceptId === "core:reliability")!;
    expect(reliability.value).toBeLessThan(0.7);
  });
});

describe("breakers", () => {
  const tenant = uniqueTenant("pb-breaker");

  it("stop a runaway playbook at its firings per subject, once in the audit trail", async () => {
    await post(
      tenant,
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "R-1", name: "Runaway" }]) { created } }`,
      {},
    );
    const playbook = await save(tenant, {
      ...REMOTE_QC_PLAYBOOK,
      name: "Every account update",
      trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_UPDATED"] },
      conditions: [],
      actions: [{ kind: "RAISE_INTENT_SIGNAL", intent: "touched" }],
      limits: { maxFiringsPerSubject: 2, periodDays: 1, pauseAfterFailures: 3 },
    });
    await activate(tenant, playbook.id);
    for (let i = 0; i < 6; i += 1) {
      await post(
        tenant,
        `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "R-1", name: "Runaway ${i}" }]) { created } }`,
        {},
      );
    }
    await runPlaybooks();
    expect(await firings(tenant, playbook.id)).toHaveLength(2);
    expect(await auditKinds(tenant, playbook.id)).toEqual([
      "PLAYBOOK_CHANGED:SAVED",
      "PLAYBOOK_CHANGED:ACTIVATED",
      "BREAKER_TRIPPED:SUBJECT_LIMIT",
    ]);
  });

  it("pause a playbook whose actions keep being refused, and say why", async () => {
    await post(
      tenant,
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "R-2", name: "Refused" }]) { created } }`,
      {},
    );
    // The owner holds no role that may raise signals: every firing is refused (and audited by the actions side).
    await upsertUsers(tenant, [{ id: "u-viewer", roles: ["viewer"] }]);
    const playbook = await save(tenant, {
      ...REMOTE_QC_PLAYBOOK,
      name: "Refused every time",
      mode: "AUTO",
      ownerUserId: "u-viewer",
      trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_UPDATED"] },
      conditions: [],
      actions: [{ kind: "RAISE_INTENT_SIGNAL", intent: "touched" }],
      limits: { maxFiringsPerSubject: 100, periodDays: 1, pauseAfterFailures: 2 },
    });
    await activate(tenant, playbook.id);
    for (let i = 0; i < 4; i += 1) {
      await post(
        tenant,
        `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "R-2", name: "Refused ${i}" }]) { created } }`,
        {},
      );
    }
    await runPlaybooks();
    expect((await firings(tenant, playbook.id)).map((f) => f.outcome)).toEqual(["REFUSED", "REFUSED"]);
    const paused = dataOf(
      await api.run(PlaybookDocument, { id: playbook.id }, { token: api.token(tenant, "viewer") }),
    ).playbook;
    expect(paused.status).toBe("PAUSED");
    expect(paused.pausedReason).toMatch(
      /^Paused automatically: 2 firings in a row ended REFUSED \(last: RAISE_INTENT_SIGNAL needs/,
    );
    expect(await auditKinds(tenant, playbook.id)).toEqual([
      "PLAYBOOK_CHANGED:SAVED",
      "PLAYBOOK_CHANGED:ACTIVATED",
      "BREAKER_TRIPPED:FAILURES",
    ]);
  });
});

describe("the tenant-wide rate", () => {
  const tenant = uniqueTenant("pb-rate");
  let limited: TestApi;

  beforeAll(async () => {
    limited = await startTestApi({
      RELATA_AUTOMATION: "1",
      RELATA_AUTOMATION_POLL_MS: "3600000",
      RELATA_AUTOMATION_TENANT_RATE_PER_HOUR: "1",
    });
  });

  afterAll(async () => {
    await limited?.stop();
  });

  it("holds back firings beyond the tenant's hourly rate, whatever the subject, audited once", async () => {
    await post(
      tenant,
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "T-1", name: "One" },
        { sourceSystem: "crm", externalId: "T-2", name: "Two" }, { sourceSystem: "crm", externalId: "T-3", name: "Three" }]) { created } }`,
      {},
    );
    const playbook = await save(tenant, {
      ...REMOTE_QC_PLAYBOOK,
      name: "Any account update",
      trigger: { kind: "EVENT", eventTypes: ["ACCOUNT_UPDATED"] },
      conditions: [],
      actions: [{ kind: "RAISE_INTENT_SIGNAL", intent: "touched" }],
      limits: { maxFiringsPerSubject: 100, periodDays: 1, pauseAfterFailures: 100 },
    });
    await activate(tenant, playbook.id);
    await post(
      tenant,
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "T-1", name: "One!" },
        { sourceSystem: "crm", externalId: "T-2", name: "Two!" }, { sourceSystem: "crm", externalId: "T-3", name: "Three!" }]) { created } }`,
      {},
    );
    const limitedRunner = limited.runtime.automation.runner!;
    for (let i = 0; i < 20; i += 1) if ((await limitedRunner.poll()) === 0) break;
    expect(await firings(tenant, playbook.id)).toHaveLength(1);
    expect(await auditKinds(tenant, playbook.id)).toEqual([
      "PLAYBOOK_CHANGED:SAVED",
      "PLAYBOOK_CHANGED:ACTIVATED",
      "BREAKER_TRIPPED:TENANT_RATE",
    ]);
  });
});
