import { generateDemoData } from "../../demo/demo-data.generator";
import { clockStartingAt } from "../../domain/time/clock";
import { PlaybookRunner } from "../../services/automation/playbook-runner";
import { loadDemoData } from "../../services/demo/load-demo-data";
import {
  DEMO_PLAYBOOK_OWNER,
  seedDemoPeople,
  seedDemoPlaybooks,
  withDemoAutomation,
} from "../../services/demo/demo-automation";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

// Issue 11: the demo tenant (npm start) comes with people, owners, regions, cell batches, service partners
// and the product brief's two scenarios as active playbooks; a hospital's three views of the remote
// quality-control page in a week then produce the demo plan, the compliance pre-review and the intent signal.

const tenant = uniqueTenant("demo-auto");
const referenceDate = "2026-11-20";
const data = generateDemoData({ accounts: 40, signalsPerAccount: 4, seed: 7, referenceDate });
let api: TestApi;
let runner: PlaybookRunner;
let playbookIds: string[];

async function query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await api.post<T>(text, variables, { token: api.token(tenant, "admin") });
  expect(response.body.errors).toBeUndefined();
  return response.body.data as T;
}

beforeAll(async () => {
  api = await startTestApi(
    { RELATA_AUTOMATION: "1", RELATA_AUTOMATION_POLL_MS: "3600000" },
    { clock: clockStartingAt(referenceDate) },
  );
  runner = api.runtime.automation.runner!;
  const context = api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "demo-loader" });
  await seedDemoPeople(context.ingest);
  await loadDemoData(context.ingest, withDemoAutomation(data), { advance: () => undefined });
  playbookIds = await seedDemoPlaybooks(context.playbooks);
}, 240_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("the demo tenant's automation (issue 11)", () => {
  it("gives every account with a region its region's sales lead as owner", async () => {
    const { accounts } = await query<{
      accounts: { edges: Array<{ node: { region: string | null; owner: { externalId: string } | null } }> };
    }>("{ accounts(first: 100) { edges { node { region owner { externalId } } } } }");
    const withRegion = accounts.edges.filter((e) => e.node.region !== null);
    expect(withRegion.length).toBeGreaterThan(0);
    for (const { node } of withRegion) expect(node.owner?.externalId).toBe(`sales-${node.region!.toLowerCase()}`);
  });

  it("puts vehicles in their account's region with a cell batch, and service providers serve their region", async () => {
    const { assets, organizations } = await query<{
      assets: {
        edges: Array<{
          node: {
            region: string | null;
            batch: { code: string } | null;
            account: { industry: string; region: string };
          };
        }>;
      };
      organizations: { edges: Array<{ node: { kind: string; region: string | null; servesRegions: string[] } }> };
    }>(
      `{ assets(first: 500) { edges { node { region batch { code } account { industry region } } } }
         organizations(first: 500) { edges { node { kind region servesRegions } } } }`,
    );
    const vehicles = assets.edges.filter((e) => e.node.account.industry === "AUTOMOTIVE");
    expect(vehicles.length).toBeGreaterThan(0);
    for (const { node } of vehicles) {
      expect(node.region).toBe(node.account.region);
      expect(node.batch?.code).toMatch(new RegExp(`^CB-${node.account.region}-[1-4]$`));
    }
    const providers = organizations.edges.filter((e) => e.node.kind === "SERVICE_PROVIDER" && e.node.region);
    for (const { node } of providers) expect(node.servesRegions).toEqual([node.region]);
  });

  it("has both scenario playbooks active, owned by the operations lead", async () => {
    const { playbooks } = await query<{
      playbooks: { playbooks: Array<{ id: string; status: string; ownerUserId: string }> };
    }>("{ playbooks(first: 10) { playbooks { id status ownerUserId } } }");
    expect(playbooks.playbooks.map((p) => p.id).sort()).toEqual([...playbookIds].sort());
    for (const playbook of playbooks.playbooks) {
      expect(playbook).toMatchObject({ status: "ACTIVE", ownerUserId: DEMO_PLAYBOOK_OWNER });
    }
  });

  it("turns three views of the remote quality-control page in a week into a demo plan, a pre-review and an intent signal", async () => {
    const hospital = [...data.accounts()].find((a) => a.industry === "HEALTHCARE" && a.region)!;
    const contact = [...data.contacts()].find((c) => c.account.externalId === hospital.externalId)!;
    const views = [1, 2, 3].map((day) => ({
      sourceSystem: "web",
      recordId: `WEB-QC-${day}`,
      field: "viewed_page",
      stringValue: "/solutions/remote-quality-control",
      // The runner counts a week back from now (real time), whatever day the demo data is anchored to.
      observedAt: new Date(Date.now() - day * 3_600_000).toISOString(),
      subject: { kind: "CONTACT", externalId: contact.externalId, sourceSystem: contact.sourceSystem },
    }));
    const ingested = await query<{ ingestSignals: { created: number; rejected: number } }>(
      "mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created rejected } }",
      { input: views },
    );
    expect(ingested.ingestSignals).toEqual({ created: 3, rejected: 0 });
    for (let i = 0; i < 20; i += 1) if ((await runner.poll()) === 0) break;

    const { nodeByExternalId } = await query<{
      nodeByExternalId: {
        id: string;
        tasks: Array<{ template: string; kind: string; assignee: { kind: string; id: string | null } }>;
      };
    }>(
      `query($id: String!, $system: String!) { nodeByExternalId(type: ACCOUNT, externalId: $id, sourceSystem: $system) {
         ... on Account { id tasks { template kind assignee { kind id } } } } }`,
      { id: hospital.externalId, system: hospital.sourceSystem },
    );
    const tasks = nodeByExternalId.tasks;
    expect(tasks).toContainEqual({
      template: "demo-plan",
      kind: "TASK",
      assignee: { kind: "USER", id: `sales-${hospital.region!.toLowerCase()}` },
    });
    const { teams } = await query<{ teams: { edges: Array<{ node: { id: string; externalId: string } }> } }>(
      "{ teams(first: 10) { edges { node { id externalId } } } }",
    );
    const compliance = teams.edges.find((e) => e.node.externalId === "compliance")!.node.id;
    expect(tasks).toContainEqual({
      template: "compliance-pre-review",
      kind: "REVIEW",
      assignee: { kind: "TEAM", id: compliance },
    });
    const { auditTrail } = await query<{ auditTrail: { edges: Array<{ node: { kind: string } }> } }>(
      "query($account: ID!) { auditTrail(filter: { accountId: $account }, first: 50) { edges { node { kind } } } }",
      { account: nodeByExternalId.id },
    );
    const kinds = auditTrail.edges.map((e) => e.node.kind);
    expect(kinds).toContain("FIRING");
    expect(kinds.filter((k) => k === "ACTION")).toHaveLength(3);
  }, 120_000);
});
