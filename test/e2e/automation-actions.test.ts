import { signToken } from "../../app/auth/token";
import { PlaybookAction } from "../../domain/automation/playbook";
import { PlaybookFiring } from "../../domain/automation/playbook-firing";
import { CypherExecutor } from "../../graph/executor";
import { Role } from "../../resolvers/context";
import {
  AccountAutomationDocument,
  ChangesDocument,
  AcknowledgeReceiptDocument,
  CompleteTaskDocument,
  ConfirmProposalDocument,
  CreateTaskDocument,
  MyTasksDocument,
  ProposalsDocument,
  ReceiptsDocument,
  RegisterWebhookDocument,
  RejectProposalDocument,
  TaskDocument,
  TasksDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertOrganizationsDocument,
  UpsertTeamsDocument,
  UpsertUsersDocument,
  WebhookDeliveriesDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 11, the actions side: a playbook's firing carried out under its owner's permissions (SUGGEST
// proposals, AUTO receipts), the task queue, and every decision in the audit trail. Firings are built here
// as the engine would hand them over; users, teams, owners, serving regions and batches come in through
// ingest like any record.

let api: TestApi;
let db: CypherExecutor;

const token = (tenant: string, role: Role, subject: string) => signToken({ tenant, role, subject }, TEST_JWT_SECRET);

/** People of the fixture: names and emails stored on the users, which must never reach the audit trail. */
const USERS = [
  { externalId: "u-owner", name: "Olga Owner", email: "olga@example.com", roles: ["integrator"] },
  { externalId: "u-sales", name: "Sam Sales", email: "sam@example.com", roles: ["viewer"] },
  { externalId: "u-compliance", name: "Cleo Check", email: "cleo@example.com", roles: ["analyst"] },
  { externalId: "u-viewer", name: "Vic Viewer", email: "vic@example.com", roles: ["viewer"] },
  {
    externalId: "u-rnd",
    name: "Rita Research",
    email: "rita@example.com",
    roles: ["viewer"],
    team: { externalId: "rnd" },
  },
  { externalId: "u-analyst", name: "Ann Analyst", email: "ann@example.com", roles: ["analyst"] },
];

interface Seeded {
  tenant: string;
  hospital: string;
  fleet: string;
  assetIds: string[];
  partner: string;
  endpointId: string;
}

async function seed(prefix: string): Promise<Seeded> {
  const tenant = uniqueTenant(prefix);
  const writer = token(tenant, "integrator", "loader");
  const sourced = <T extends object>(records: T[]) => records.map((r) => ({ sourceSystem: "crm", ...r }));
  dataOf(
    await api.run(UpsertTeamsDocument, { input: sourced([{ externalId: "rnd", name: "R&D" }]) }, { token: writer }),
  );
  const users = dataOf(await api.run(UpsertUsersDocument, { input: sourced(USERS) as never }, { token: writer }));
  expect(users.upsertUsers.rejections).toEqual([]);
  const accounts = dataOf(
    await api.run(
      UpsertAccountsDocument,
      {
        input: sourced([
          {
            externalId: "H-1",
            name: "City Hospital",
            region: "north",
            industry: "healthcare",
            owner: { externalId: "u-sales" },
          },
          { externalId: "F-1", name: "Fleet Co", region: "north", industry: "mobility" },
        ]),
      },
      { token: writer },
    ),
  ).upsertAccounts.records;
  const assets = dataOf(
    await api.run(
      UpsertAssetsDocument,
      {
        input: sourced(
          ["V-1", "V-2"].map((externalId) => ({
            externalId,
            name: `Van ${externalId}`,
            account: { externalId: "F-1" },
            region: "north",
            batch: "CB-7",
          })),
        ),
      },
      { token: writer },
    ),
  ).upsertAssets.records;
  const orgs = dataOf(
    await api.run(
      UpsertOrganizationsDocument,
      {
        input: sourced([
          {
            externalId: "P-1",
            name: "North Service",
            kind: "SERVICE_PROVIDER" as never,
            servesRegions: ["north"],
            links: [{ account: { externalId: "F-1" }, relationship: "SERVICES" as never }],
          },
        ]),
      },
      { token: writer },
    ),
  ).upsertOrganizations.records;
  const registered = dataOf(
    await api.run(
      RegisterWebhookDocument,
      { url: "http://127.0.0.1:9/playbook-hook", eventTypes: ["ACCOUNT_CREATED"] as never, description: "actions" },
      { token: token(tenant, "integrator", "u-owner") },
    ),
  ).registerWebhook;
  const [hospital, fleet] = accounts.map((r) => r.id);
  return {
    tenant,
    hospital: hospital!,
    fleet: fleet!,
    assetIds: assets.map((r) => r.id),
    partner: orgs[0]!.id,
    endpointId: registered.endpoint.id,
  };
}

let firings = 0;
function firing(
  s: Seeded,
  overrides: Partial<PlaybookFiring> & { actions: readonly PlaybookAction[] },
): PlaybookFiring {
  firings += 1;
  return {
    firingId: `fir-${firings}-${s.tenant}`,
    playbookId: "pb-remote-qc",
    playbookVersion: 3,
    playbookName: "Remote QC interest",
    mode: "AUTO",
    ownerUserId: "u-owner",
    firedAt: "2026-11-20T10:00:00.000Z",
    accountIds: [s.hospital],
    triggeringEvents: [
      {
        seq: 41,
        type: "SIGNAL_CREATED",
        recordId: "sig_view1",
        recordType: "SIGNAL",
        sourceSystem: "web",
        externalId: "pv-1",
      },
      {
        seq: 42,
        type: "SIGNAL_CREATED",
        recordId: "sig_view2",
        recordType: "SIGNAL",
        sourceSystem: "web",
        externalId: "pv-2",
      },
    ],
    basis: [
      { condition: "trigger", passed: true, facts: { count: 3, withinDays: 7, signalIds: ["sig_view1", "sig_view2"] } },
      { condition: "conditions[0]:ACCOUNT_FIELD", passed: true, facts: { field: "industry", value: "healthcare" } },
    ],
    healthExcerpt: { grade: "B", top: [{ concept: "engagement", contribution: -4.2 }] },
    ...overrides,
  };
}

function carryOut(tenant: string, f: PlaybookFiring) {
  return api.runtime.server.contexts
    .forPrincipal({ tenant, role: "admin", subject: "job:playbooks" })
    .automation.firing.carryOut(f);
}

interface AuditRow {
  seq: number;
  kind: string;
  firingId: string | null;
  actor: string;
  userIds: string[];
  accountIds: string[];
  payload: Record<string, unknown>;
  raw: string;
}

async function auditOf(tenant: string, firingId?: string): Promise<AuditRow[]> {
  const rows = await db.read(
    {
      name: "test.audit",
      text: `MATCH (r:AuditRecord {tenant: $tenant}) WHERE $firingId IS NULL OR r.firingId = $firingId
             RETURN r.seq AS seq, r.kind AS kind, r.firingId AS firingId, r.actor AS actor, r.userIds AS userIds,
               r.accountIds AS accountIds, r.payload AS payload ORDER BY r.seq`,
    },
    { tenant, firingId: firingId ?? null },
  );
  return rows.map((row) => ({
    seq: Number(row.seq),
    kind: String(row.kind),
    firingId: (row.firingId as string | null) ?? null,
    actor: String(row.actor),
    userIds: row.userIds as string[],
    accountIds: row.accountIds as string[],
    payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
    raw: String(row.payload),
  }));
}

function expectNoPersonalValues(records: readonly AuditRow[]) {
  for (const record of records) {
    for (const user of USERS) {
      expect(record.raw).not.toContain(user.name);
      expect(record.raw).not.toContain(user.email);
    }
  }
}

async function tasksOf(tenant: string, playbookId: string) {
  return dataOf(
    await api.run(TasksDocument, { filter: { playbookId }, first: 50 }, { token: token(tenant, "admin", "boss") }),
  ).tasks.items;
}

beforeAll(async () => {
  api = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  db = api.runtime.database.executor(30_000);
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("an AUTO firing", () => {
  let s: Seeded;
  let f: PlaybookFiring;
  let outcome: Awaited<ReturnType<typeof carryOut>>;

  beforeAll(async () => {
    s = await seed("act-auto");
    f = firing(s, {
      accountIds: [s.hospital, s.fleet],
      region: "north",
      assetIds: s.assetIds,
      batchCodes: ["CB-7"],
      actions: [
        {
          kind: "CREATE_TASK",
          template: "demo-plan",
          title: "Plan a remote QC demo",
          assignee: { kind: "ACCOUNT_OWNER" },
          dueInDays: 5,
        },
        {
          kind: "OPEN_REVIEW",
          reviewType: "compliance-pre-review",
          title: "Pre-review the demo",
          assignee: { kind: "ROLE", role: "analyst" },
          dueInDays: 3,
        },
        { kind: "RAISE_INTENT_SIGNAL", intent: "remote-qc-interest", strength: 0.8 },
        { kind: "FLAG_RECORDS", target: "BATCH", flag: "rnd-review", note: "cells degrade fast" },
        { kind: "FLAG_RECORDS", target: "ASSET", flag: "watch" },
        { kind: "CALL_WEBHOOK", endpointId: s.endpointId },
        {
          kind: "CREATE_TASK",
          template: "work-order",
          title: "Inspect the vans",
          assignee: { kind: "ORGANIZATION", servingRegion: true, relationship: "SERVICES" },
          dueInDays: 2,
        },
        {
          kind: "CREATE_TASK",
          template: "rnd-analysis",
          title: "Analyse batch CB-7",
          assignee: { kind: "TEAM", teamId: "rnd" },
          dueInDays: 10,
        },
      ],
    });
    outcome = await carryOut(s.tenant, f);
  }, 120_000);

  it("carries out every action at once and says what each made", () => {
    expect(outcome.actions.map((a) => [a.status, a.reason])).toEqual(Array(8).fill(["DONE", null]));
    expect(outcome.status).toBe("EXECUTED");
    expect(outcome.actions.every((a) => typeof a.resultId === "string")).toBe(true);
    expect(outcome.auditSeqs).toHaveLength(9);
  });

  it("makes tasks and a review with resolved assignees, due dates and evidence", async () => {
    const tasks = await tasksOf(s.tenant, "pb-remote-qc");
    const byTemplate = Object.fromEntries(tasks.map((t) => [t.template, t]));
    expect(byTemplate["demo-plan"]).toMatchObject({
      kind: "TASK",
      status: "OPEN",
      firingId: f.firingId,
      playbookVersion: 3,
      assignee: { kind: "USER", id: "u-sales", requested: "ACCOUNT_OWNER" },
    });
    expect([...byTemplate["demo-plan"]!.accountIds].sort()).toEqual([s.hospital, s.fleet].sort());
    expect(byTemplate["compliance-pre-review"]).toMatchObject({
      kind: "REVIEW",
      reviewType: "compliance-pre-review",
      assignee: { kind: "ROLE", role: "analyst", id: null },
    });
    expect(byTemplate["work-order"]!.assignee).toMatchObject({ kind: "ORGANIZATION", id: s.partner });
    expect(byTemplate["rnd-analysis"]!.assignee).toMatchObject({ kind: "TEAM", id: expect.stringMatching(/./) });
    const evidence = JSON.parse(byTemplate["demo-plan"]!.evidence ?? "{}") as Record<string, unknown>;
    expect(evidence).toMatchObject({ firingId: f.firingId, triggeringRecordIds: ["sig_view1", "sig_view2"] });
    expect(byTemplate["demo-plan"]!.dueAt).toBeTruthy();
  });

  it("puts each task in the queue of its user, role holders and team members", async () => {
    const mine = async (subject: string, role: Role = "viewer") =>
      dataOf(
        await api.run(MyTasksDocument, { status: "OPEN" as never }, { token: token(s.tenant, role, subject) }),
      ).myTasks.items.map((t) => t.template);
    expect(await mine("u-sales")).toEqual(["demo-plan"]);
    expect(await mine("u-compliance")).toEqual(["compliance-pre-review"]);
    expect(await mine("u-rnd")).toEqual(["rnd-analysis"]);
    expect(await mine("u-viewer", "viewer")).toEqual([]);
  });

  it("raises the intent signal on the accounts and flags the batch, the assets and shows them on the account", async () => {
    const fleet = dataOf(
      await api.run(AccountAutomationDocument, { id: s.fleet }, { token: token(s.tenant, "viewer", "v") }),
    ).account!;
    const intent = fleet.signals.edges.map((e) => e.node).filter((n) => n.field === "intent:remote-qc-interest");
    expect(intent).toEqual([expect.objectContaining({ numberValue: 0.8, sourceSystem: "relata-automation" })]);
    expect(fleet.tasks.map((t) => t.template).sort()).toEqual(
      ["compliance-pre-review", "demo-plan", "rnd-analysis", "work-order"].sort(),
    );
    expect(fleet.assets.edges.map((e) => e.node.flags.map((x) => x.flag))).toEqual([["watch"], ["watch"]]);
    const batches = fleet.assets.edges.map((e) => e.node.batch);
    expect(batches).toEqual([
      { code: "CB-7", flags: [{ flag: "rnd-review", note: "cells degrade fast", firingId: f.firingId }] },
      { code: "CB-7", flags: [{ flag: "rnd-review", note: "cells degrade fast", firingId: f.firingId }] },
    ]);
  });

  it("puts the intent signals (and their source system) in the change feed, as the firing's", async () => {
    const events = dataOf(
      await api.run(
        ChangesDocument,
        { after: null, types: ["SIGNAL_CREATED", "SOURCE_SYSTEM_CREATED"] as never, first: 100 },
        { token: token(s.tenant, "viewer", "v") },
      ),
    ).changes.events.filter((e) => e.sourceSystem === "relata-automation" || e.recordId === "relata-automation");
    expect(events.map((e) => e.type).sort()).toEqual(["SIGNAL_CREATED", "SIGNAL_CREATED", "SOURCE_SYSTEM_CREATED"]);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(["job:playbooks"]));
  });

  it("queues a signed delivery of the action to the tenant's endpoint", async () => {
    const log = dataOf(
      await api.run(
        WebhookDeliveriesDocument,
        { endpointId: s.endpointId, first: 10 },
        { token: token(s.tenant, "admin", "boss") },
      ),
    ).webhookDeliveries.deliveries;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: "PENDING", eventCount: 0 });
    const [row] = await db.read(
      { name: "test.delivery", text: `MATCH (d:WebhookDelivery {tenant: $tenant}) RETURN d.payload AS payload` },
      { tenant: s.tenant },
    );
    const body = JSON.parse(String(row!.payload)) as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe("relata.playbook-action");
    expect(body.data).toMatchObject({
      firingId: f.firingId,
      playbookId: "pb-remote-qc",
      actionIndex: 5,
      batchCodes: ["CB-7"],
    });
  });

  it("records the firing (input, basis, owner) and every action with its parameters and result", async () => {
    const records = await auditOf(s.tenant, f.firingId);
    expect(records.map((r) => r.kind)).toEqual(["FIRING", ...Array(8).fill("ACTION")]);
    expect(records.map((r) => r.seq)).toEqual(outcome.auditSeqs);
    const [fired, ...actions] = records;
    expect(fired!.actor).toBe("agent:playbook/pb-remote-qc");
    expect(fired!.userIds).toEqual(["u-owner"]);
    expect(fired!.payload).toMatchObject({
      owner: { userId: "u-owner" },
      input: { triggeringEvents: [expect.objectContaining({ recordId: "sig_view1", seq: 41 }), expect.anything()] },
      basis: {
        playbookVersion: 3,
        conditions: [
          expect.objectContaining({ condition: "trigger", facts: expect.objectContaining({ count: 3 }) }),
          expect.anything(),
        ],
        healthExcerpt: { grade: "B" },
      },
    });
    expect(actions[0]!.payload).toMatchObject({
      kind: "CREATE_TASK",
      parameters: { template: "demo-plan", assignee: { kind: "ACCOUNT_OWNER" } },
      result: { status: "DONE", resultId: outcome.actions[0]!.resultId },
    });
    expect(actions[0]!.userIds).toEqual(["u-owner", "u-sales"]);
    expectNoPersonalValues(records);
  });

  it("refuses to carry the same firing out twice", async () => {
    await expect(carryOut(s.tenant, f)).rejects.toMatchObject({ code: "FIRING_ALREADY_CARRIED_OUT" });
    expect(await tasksOf(s.tenant, "pb-remote-qc")).toHaveLength(4);
  });

  it("leaves the owner a receipt that only the owner acknowledges, once", async () => {
    const receipts = dataOf(
      await api.run(
        ReceiptsDocument,
        { filter: { status: "UNACKNOWLEDGED" as never } },
        { token: token(s.tenant, "viewer", "u-owner") },
      ),
    ).receipts.items;
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt).toMatchObject({ firingId: f.firingId, ownerUserId: "u-owner", outcome: "EXECUTED" });
    expect(receipt.actions).toHaveLength(8);

    const stranger = await api.run(
      AcknowledgeReceiptDocument,
      { id: receipt.id },
      { token: token(s.tenant, "admin", "u-sales") },
    );
    expect(onlyErrorOf(stranger, 200).extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_PLAYBOOK_OWNER" });

    const acknowledged = dataOf(
      await api.run(AcknowledgeReceiptDocument, { id: receipt.id }, { token: token(s.tenant, "viewer", "u-owner") }),
    ).acknowledgeReceipt;
    expect(acknowledged).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: "u-owner" });
    const again = await api.run(
      AcknowledgeReceiptDocument,
      { id: receipt.id },
      { token: token(s.tenant, "viewer", "u-owner") },
    );
    expect(onlyErrorOf(again, 200).extensions).toMatchObject({
      code: "CONFLICT",
      reason: "RECEIPT_ALREADY_ACKNOWLEDGED",
    });

    const last = (await auditOf(s.tenant, f.firingId)).at(-1)!;
    expect(last).toMatchObject({ kind: "RECEIPT_ACKNOWLEDGED", actor: "user:u-owner" });
    expect(last.payload).toMatchObject({ receiptId: receipt.id, by: { userId: "u-owner" } });
  });
});

describe("a SUGGEST firing", () => {
  let s: Seeded;

  beforeAll(async () => {
    s = await seed("act-suggest");
  }, 120_000);

  const actions: PlaybookAction[] = [
    {
      kind: "CREATE_TASK",
      template: "demo-plan",
      title: "Plan a demo",
      assignee: { kind: "USER", userId: "u-sales" },
      dueInDays: 5,
    },
    { kind: "RAISE_INTENT_SIGNAL", intent: "remote-qc-interest" },
  ];

  it("writes a pending proposal and nothing else until the owner confirms", async () => {
    const f = firing(s, { mode: "SUGGEST", playbookId: "pb-suggest", actions });
    const outcome = await carryOut(s.tenant, f);
    expect(outcome.status).toBe("PROPOSED");
    expect(outcome.actions.map((a) => a.status)).toEqual(["PROPOSED", "PROPOSED"]);
    expect(await tasksOf(s.tenant, "pb-suggest")).toEqual([]);
    expect((await auditOf(s.tenant, f.firingId)).map((r) => r.kind)).toEqual(["FIRING", "PROPOSAL"]);

    const pending = dataOf(
      await api.run(
        ProposalsDocument,
        { filter: { status: "PENDING" as never, playbookId: "pb-suggest", accountId: s.hospital } },
        { token: token(s.tenant, "viewer", "u-owner") },
      ),
    ).proposals.items;
    expect(pending).toHaveLength(1);
    const proposal = pending[0]!;
    expect(JSON.parse(proposal.basis)).toEqual(f.basis);

    const stranger = await api.run(
      ConfirmProposalDocument,
      { id: proposal.id },
      { token: token(s.tenant, "analyst", "u-sales") },
    );
    expect(onlyErrorOf(stranger, 200).extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_PLAYBOOK_OWNER" });
    expect(await tasksOf(s.tenant, "pb-suggest")).toEqual([]);

    const confirmed = dataOf(
      await api.run(ConfirmProposalDocument, { id: proposal.id }, { token: token(s.tenant, "viewer", "u-owner") }),
    ).confirmProposal;
    expect(confirmed.status).toBe("EXECUTED");
    expect(confirmed.proposal).toMatchObject({ status: "CONFIRMED", decidedBy: "u-owner", outcome: "EXECUTED" });
    expect(confirmed.proposal.actions.map((a) => a.status)).toEqual(["DONE", "DONE"]);
    const tasks = await tasksOf(s.tenant, "pb-suggest");
    expect(tasks.map((t) => t.assignee.id)).toEqual(["u-sales"]);

    const records = await auditOf(s.tenant, f.firingId);
    expect(records.map((r) => r.kind)).toEqual(["FIRING", "PROPOSAL", "ACTION", "ACTION", "CONFIRMATION"]);
    expect(records.at(-1)).toMatchObject({ actor: "user:u-owner" });
    expect(records.at(-1)!.payload).toMatchObject({
      decision: "CONFIRMED",
      by: { userId: "u-owner" },
      outcome: "EXECUTED",
    });
    expect(records.map((r) => r.seq).slice(2)).toEqual(confirmed.auditSeqs);
    expectNoPersonalValues(records);

    const twice = await api.run(
      ConfirmProposalDocument,
      { id: proposal.id },
      { token: token(s.tenant, "viewer", "u-owner") },
    );
    expect(onlyErrorOf(twice, 200).extensions).toMatchObject({ code: "CONFLICT", reason: "PROPOSAL_ALREADY_DECIDED" });
  });

  it("lets an admin reject a proposal; nothing is carried out and the rejection is audited", async () => {
    const f = firing(s, { mode: "SUGGEST", playbookId: "pb-reject", actions });
    await carryOut(s.tenant, f);
    const [proposal] = dataOf(
      await api.run(
        ProposalsDocument,
        { filter: { playbookId: "pb-reject" } },
        { token: token(s.tenant, "admin", "boss") },
      ),
    ).proposals.items;
    const rejected = dataOf(
      await api.run(
        RejectProposalDocument,
        { id: proposal!.id, reason: "not now" },
        { token: token(s.tenant, "admin", "boss") },
      ),
    ).rejectProposal;
    expect(rejected).toMatchObject({ status: "REJECTED", decidedBy: "boss", reason: "not now" });
    expect(await tasksOf(s.tenant, "pb-reject")).toEqual([]);
    const last = (await auditOf(s.tenant, f.firingId)).at(-1)!;
    expect(last).toMatchObject({ kind: "CONFIRMATION", actor: "user:boss" });
    expect(last.payload).toMatchObject({ decision: "REJECTED", by: { userId: "boss" } });
  });
});

describe("governance: a playbook acts with its owner's permissions", () => {
  let s: Seeded;

  beforeAll(async () => {
    s = await seed("act-gov");
  }, 120_000);

  it("refuses and audits every action of an owner with the viewer role; nothing is done", async () => {
    const f = firing(s, {
      playbookId: "pb-viewer",
      ownerUserId: "u-viewer",
      actions: [
        { kind: "CREATE_TASK", template: "t", title: "T", assignee: { kind: "USER", userId: "u-sales" }, dueInDays: 1 },
        { kind: "RAISE_INTENT_SIGNAL", intent: "sneaky" },
      ],
    });
    const outcome = await carryOut(s.tenant, f);
    expect(outcome.status).toBe("REFUSED");
    expect(outcome.actions.map((a) => a.status)).toEqual(["REFUSED", "REFUSED"]);
    expect(outcome.actions[0]!.reason).toContain("Mutation.createTask");
    expect(await tasksOf(s.tenant, "pb-viewer")).toEqual([]);
    const [signals] = await db.read(
      { name: "test.signals", text: `MATCH (g:Signal {tenant: $tenant, field: 'intent:sneaky'}) RETURN count(g) AS n` },
      { tenant: s.tenant },
    );
    expect(signals!.n).toBe(0);
    const records = await auditOf(s.tenant, f.firingId);
    expect(records.map((r) => r.kind)).toEqual(["FIRING", "ACTION_REFUSED", "ACTION_REFUSED"]);
    expect(records[1]!.payload).toMatchObject({
      result: { status: "REFUSED", reason: expect.stringContaining("viewer") },
    });
  });

  it("does what an analyst owner may (tasks) and refuses the rest (signals): PARTIAL", async () => {
    const f = firing(s, {
      playbookId: "pb-analyst",
      ownerUserId: "u-analyst",
      actions: [
        {
          kind: "CREATE_TASK",
          template: "t",
          title: "T",
          assignee: { kind: "ROLE", role: "analyst" },
          dueInDays: 1,
        },
        { kind: "RAISE_INTENT_SIGNAL", intent: "x" },
      ],
    });
    const outcome = await carryOut(s.tenant, f);
    expect(outcome.status).toBe("PARTIAL");
    expect(outcome.actions.map((a) => a.status)).toEqual(["DONE", "REFUSED"]);
  });

  it("refuses everything when the owner is not a user of the tenant", async () => {
    const f = firing(s, {
      playbookId: "pb-gone",
      ownerUserId: "u-left-the-company",
      mode: "SUGGEST",
      actions: [{ kind: "FLAG_RECORDS", target: "ACCOUNT", flag: "x" }],
    });
    const outcome = await carryOut(s.tenant, f);
    expect(outcome.status).toBe("REFUSED");
    expect(outcome.actions[0]!.reason).toContain("not a user of this tenant");
    const proposals = dataOf(
      await api.run(
        ProposalsDocument,
        { filter: { playbookId: "pb-gone" } },
        { token: token(s.tenant, "admin", "boss") },
      ),
    ).proposals.items;
    expect(proposals).toEqual([]);
  });

  it("fails an action whose assignee nobody is, and refuses another tenant's webhook endpoint", async () => {
    const other = await seed("act-gov-other");
    const f = firing(s, {
      playbookId: "pb-fail",
      actions: [
        {
          kind: "CREATE_TASK",
          template: "t",
          title: "T",
          assignee: { kind: "USER", userId: "u-nobody" },
          dueInDays: 1,
        },
        { kind: "CREATE_TASK", template: "t", title: "T", assignee: { kind: "ROLE", role: "astronaut" }, dueInDays: 1 },
        { kind: "CALL_WEBHOOK", endpointId: other.endpointId },
        { kind: "FLAG_RECORDS", target: "BATCH", flag: "x" },
      ],
    });
    const outcome = await carryOut(s.tenant, f);
    expect(outcome.status).toBe("FAILED");
    expect(outcome.actions.map((a) => a.status)).toEqual(["FAILED", "FAILED", "REFUSED", "FAILED"]);
    expect(outcome.actions[0]!.reason).toContain("no user u-nobody");
    expect(outcome.actions[1]!.reason).toContain("astronaut");
    expect(outcome.actions[2]!.reason).toContain("not a webhook endpoint of this tenant");
    const [deliveries] = await db.read(
      { name: "test.otherDeliveries", text: `MATCH (d:WebhookDelivery {tenant: $tenant}) RETURN count(d) AS n` },
      { tenant: other.tenant },
    );
    expect(deliveries!.n).toBe(0);
    const kinds = (await auditOf(s.tenant, f.firingId)).map((r) => r.kind);
    expect(kinds).toEqual(["FIRING", "ACTION", "ACTION", "ACTION_REFUSED", "ACTION"]);
  });
});

describe("the task queue", () => {
  let s: Seeded;
  let f: PlaybookFiring;
  let taskIds: Record<string, string>;

  beforeAll(async () => {
    s = await seed("act-queue");
    f = firing(s, {
      playbookId: "pb-queue",
      actions: [
        {
          kind: "OPEN_REVIEW",
          reviewType: "compliance-pre-review",
          title: "Review",
          assignee: { kind: "ROLE", role: "analyst" },
          dueInDays: 3,
        },
        {
          kind: "CREATE_TASK",
          template: "analysis",
          title: "Analyse",
          assignee: { kind: "TEAM", teamId: "rnd" },
          dueInDays: 30,
        },
        {
          kind: "CREATE_TASK",
          template: "call",
          title: "Call",
          assignee: { kind: "USER", userId: "u-sales" },
          dueInDays: 1,
        },
      ],
    });
    await carryOut(s.tenant, f);
    taskIds = Object.fromEntries((await tasksOf(s.tenant, "pb-queue")).map((t) => [t.template, t.id]));
  }, 120_000);

  it("lets a role holder complete a review with a verdict, audited with who and when; a second completion is a conflict", async () => {
    const viewer = await api.run(
      CompleteTaskDocument,
      { id: taskIds["compliance-pre-review"]! },
      { token: token(s.tenant, "viewer", "u-viewer") },
    );
    expect(onlyErrorOf(viewer, 200).extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_ASSIGNEE" });

    const done = dataOf(
      await api.run(
        CompleteTaskDocument,
        { id: taskIds["compliance-pre-review"]!, verdict: "APPROVED", note: "Looks fine" },
        { token: token(s.tenant, "analyst", "u-compliance") },
      ),
    ).completeTask;
    expect(done).toMatchObject({
      status: "DONE",
      completedBy: "u-compliance",
      verdict: "APPROVED",
      note: "Looks fine",
    });
    const last = (await auditOf(s.tenant, f.firingId)).at(-1)!;
    expect(last).toMatchObject({ kind: "TASK_COMPLETED", actor: "user:u-compliance", userIds: ["u-compliance"] });
    expect(last.payload).toMatchObject({
      taskId: done.id,
      verdict: "APPROVED",
      by: { userId: "u-compliance" },
      hasNote: true,
    });
    expect(last.raw).not.toContain("Looks fine");

    const again = await api.run(
      CompleteTaskDocument,
      { id: done.id },
      { token: token(s.tenant, "analyst", "u-compliance") },
    );
    expect(onlyErrorOf(again, 200).extensions).toMatchObject({ code: "CONFLICT", reason: "TASK_ALREADY_CLOSED" });
  });

  it("lets a team member and an admin complete tasks; refuses a free-text verdict", async () => {
    const bad = await api.run(
      CompleteTaskDocument,
      { id: taskIds.analysis!, verdict: "see rita@example.com" },
      { token: token(s.tenant, "viewer", "u-rnd") },
    );
    expect(onlyErrorOf(bad, 200).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "INVALID_AUTOMATION_INPUT",
    });
    const byMember = dataOf(
      await api.run(CompleteTaskDocument, { id: taskIds.analysis! }, { token: token(s.tenant, "viewer", "u-rnd") }),
    ).completeTask;
    expect(byMember.completedBy).toBe("u-rnd");
    const byAdmin = dataOf(
      await api.run(CompleteTaskDocument, { id: taskIds.call! }, { token: token(s.tenant, "admin", "boss") }),
    ).completeTask;
    expect(byAdmin.completedBy).toBe("boss");
    const open = dataOf(
      await api.run(
        TasksDocument,
        { filter: { playbookId: "pb-queue", status: "OPEN" as never } },
        { token: token(s.tenant, "viewer", "v") },
      ),
    ).tasks.items;
    expect(open).toEqual([]);
  });

  it("filters and pages the tenant's tasks", async () => {
    const admin = token(s.tenant, "admin", "boss");
    const first = dataOf(
      await api.run(TasksDocument, { filter: { playbookId: "pb-queue" }, first: 2 }, { token: admin }),
    ).tasks;
    expect(first.items).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(
      await api.run(
        TasksDocument,
        { filter: { playbookId: "pb-queue" }, first: 2, after: first.pageInfo.endCursor },
        { token: admin },
      ),
    ).tasks;
    expect(rest.items).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...first.items, ...rest.items].map((t) => t.id)).size).toBe(3);
    const teamId = [...first.items, ...rest.items].find((t) => t.assignee.kind === "TEAM")!.assignee.id!;
    const teamTasks = dataOf(await api.run(TasksDocument, { filter: { teamId } }, { token: admin })).tasks.items;
    expect(teamTasks.map((t) => t.template)).toEqual(["analysis"]);
    const userTasks = dataOf(await api.run(TasksDocument, { filter: { assigneeUserId: "u-sales" } }, { token: admin }))
      .tasks.items;
    expect(userTasks.map((t) => t.template)).toEqual(["call"]);
    const dueSoon = dataOf(
      await api.run(
        TasksDocument,
        { filter: { playbookId: "pb-queue", dueBefore: "2100-01-01T00:00:00Z" } },
        { token: admin },
      ),
    ).tasks.items;
    expect(dueSoon).toHaveLength(3);
    const dueLongAgo = dataOf(
      await api.run(
        TasksDocument,
        { filter: { playbookId: "pb-queue", dueBefore: "2000-01-01T00:00:00Z" } },
        { token: admin },
      ),
    ).tasks.items;
    expect(dueLongAgo).toEqual([]);
  });

  it("lets analysts create tasks by hand and refuses viewers (the permission CREATE_TASK needs)", async () => {
    const input = { title: "Call back", accountId: s.hospital, assignee: { kind: "ACCOUNT_OWNER" as never } };
    const viewer = await api.run(CreateTaskDocument, { input }, { token: token(s.tenant, "viewer", "u-viewer") });
    expect(onlyErrorOf(viewer, 200).extensions).toMatchObject({ code: "FORBIDDEN" });
    const made = dataOf(
      await api.run(CreateTaskDocument, { input }, { token: token(s.tenant, "analyst", "u-analyst") }),
    ).createTask;
    expect(made).toMatchObject({
      status: "OPEN",
      firingId: null,
      assignee: { kind: "USER", id: "u-sales" },
      accountIds: [s.hospital],
    });
  });
});

describe("tenant isolation and bad input", () => {
  let s: Seeded;
  let other: string;
  let ids: { task: string; proposal: string; receipt: string };

  beforeAll(async () => {
    s = await seed("act-iso");
    other = uniqueTenant("act-iso-other");
    await carryOut(
      s.tenant,
      firing(s, {
        playbookId: "pb-iso",
        actions: [
          {
            kind: "CREATE_TASK",
            template: "t",
            title: "T",
            assignee: { kind: "USER", userId: "u-sales" },
            dueInDays: 1,
          },
        ],
      }),
    );
    await carryOut(
      s.tenant,
      firing(s, {
        playbookId: "pb-iso",
        mode: "SUGGEST",
        actions: [{ kind: "FLAG_RECORDS", target: "ACCOUNT", flag: "x" }],
      }),
    );
    const admin = token(s.tenant, "admin", "boss");
    ids = {
      task: (await tasksOf(s.tenant, "pb-iso"))[0]!.id,
      proposal: dataOf(await api.run(ProposalsDocument, {}, { token: admin })).proposals.items[0]!.id,
      receipt: dataOf(await api.run(ReceiptsDocument, {}, { token: admin })).receipts.items[0]!.id,
    };
  }, 120_000);

  it("answers another tenant's task, proposal and receipt ids with NOT_FOUND and lists none of them", async () => {
    const stranger = token(other, "admin", "u-owner");
    const code = (r: Awaited<ReturnType<TestApi["post"]>>) => onlyErrorOf(r, 200).extensions?.code;
    expect(code(await api.run(TaskDocument, { id: ids.task }, { token: stranger }))).toBe("NOT_FOUND");
    expect(code(await api.run(CompleteTaskDocument, { id: ids.task }, { token: stranger }))).toBe("NOT_FOUND");
    expect(code(await api.run(ConfirmProposalDocument, { id: ids.proposal }, { token: stranger }))).toBe("NOT_FOUND");
    expect(code(await api.run(RejectProposalDocument, { id: ids.proposal }, { token: stranger }))).toBe("NOT_FOUND");
    expect(code(await api.run(AcknowledgeReceiptDocument, { id: ids.receipt }, { token: stranger }))).toBe("NOT_FOUND");
    expect(dataOf(await api.run(TasksDocument, {}, { token: stranger })).tasks.items).toEqual([]);
    expect(dataOf(await api.run(ProposalsDocument, {}, { token: stranger })).proposals.items).toEqual([]);
    expect(dataOf(await api.run(ReceiptsDocument, {}, { token: stranger })).receipts.items).toEqual([]);
    expect(
      dataOf(await api.run(MyTasksDocument, {}, { token: token(other, "analyst", "u-sales") })).myTasks.items,
    ).toEqual([]);
    // The proposal is still pending in its own tenant.
    const mine = dataOf(
      await api.run(
        ProposalsDocument,
        { filter: { status: "PENDING" as never } },
        { token: token(s.tenant, "admin", "boss") },
      ),
    );
    expect(mine.proposals.items.map((p) => p.id)).toEqual([ids.proposal]);
  });

  it("refuses malformed ids, oversized pages, foreign cursors and bad filters with BAD_USER_INPUT", async () => {
    const admin = token(s.tenant, "admin", "boss");
    const reason = (r: Awaited<ReturnType<TestApi["post"]>>) => {
      const error = onlyErrorOf(r, 200);
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      return error.extensions?.reason;
    };
    expect(reason(await api.run(TaskDocument, { id: "not-a-task" }, { token: admin }))).toBe(
      "INVALID_AUTOMATION_INPUT",
    );
    expect(reason(await api.run(CompleteTaskDocument, { id: "x".repeat(250) }, { token: admin }))).toBe(
      "INVALID_AUTOMATION_INPUT",
    );
    // Past the server's id length limit, the request is refused before any resolver runs.
    const huge = await api.run(CompleteTaskDocument, { id: "x".repeat(5000) }, { token: admin });
    expect(onlyErrorOf(huge, 400).extensions?.code).toBe("BAD_USER_INPUT");
    expect(reason(await api.run(ConfirmProposalDocument, { id: ids.task }, { token: admin }))).toBe(
      "INVALID_AUTOMATION_INPUT",
    );
    expect(reason(await api.run(TasksDocument, { first: 100_000 }, { token: admin }))).toBe("PAGE_SIZE_OUT_OF_RANGE");
    expect(reason(await api.run(MyTasksDocument, { first: -1 }, { token: admin }))).toBe("PAGE_SIZE_OUT_OF_RANGE");
    const cursor = dataOf(await api.run(ProposalsDocument, { first: 1 }, { token: admin })).proposals.pageInfo
      .endCursor;
    expect(reason(await api.run(TasksDocument, { after: cursor }, { token: admin }))).toBe("INVALID_CURSOR");
    expect(reason(await api.run(TasksDocument, { after: "garbage" }, { token: admin }))).toBe("INVALID_CURSOR");
    expect(reason(await api.run(TasksDocument, { filter: { accountId: "acc_short" } }, { token: admin }))).toBe(
      "INVALID_ID",
    );
    expect(reason(await api.run(TasksDocument, { filter: { dueBefore: "soon" } }, { token: admin }))).toBe(
      "INVALID_AUTOMATION_INPUT",
    );
    expect(reason(await api.run(TasksDocument, { filter: { playbookId: "p".repeat(250) } }, { token: admin }))).toBe(
      "INVALID_AUTOMATION_INPUT",
    );
    expect(
      reason(await api.run(RejectProposalDocument, { id: ids.proposal, reason: "r".repeat(4050) }, { token: admin })),
    ).toBe("INVALID_AUTOMATION_INPUT");
  });
});
