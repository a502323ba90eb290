import { GraphQLSchema } from "graphql";
import { nodeId } from "../../domain/ids/node-id";
import { buildRelataSchema } from "../../resolvers/build-schema";
import {
  IngestSignalsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
  UpsertTicketsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { ConnectionInstance, connectionTargets } from "./support/connection-walk";
import { dataOf } from "./support/responses";

// Issue 19: concepts { totalCount } and atRiskAccounts { totalCount } answered INTERNAL_SERVER_ERROR. This walk
// asks every connection of the schema for its totalCount and pageInfo, so a new connection is covered on arrival.

const tenant = uniqueTenant("connections");
const NOW = new Date("2026-11-01T12:00:00.000Z");
const MAX_PAGE = 500;
let api: TestApi;
let token: string;
let schema: GraphQLSchema;

const ACCOUNTS = ["Walk One", "Walk Two", "Walk Three"].map((name, i) => ({
  sourceSystem: "crm",
  externalId: `W-${i}`,
  name,
  industry: "Software",
}));
/** The account every nested connection is read from: it has some of everything. */
const RICH = nodeId("Account", tenant, "crm", "W-0");

beforeAll(async () => {
  schema = await buildRelataSchema();
  api = await startTestApi({}, { clock: () => NOW });
  token = api.token(tenant, "admin");
  const ref = { externalId: "W-0" };
  dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS }, { token }));
  dataOf(
    await api.run(
      UpsertContactsDocument,
      {
        input: ["Ada", "Ben"].map((name, i) => ({ sourceSystem: "crm", externalId: `WC-${i}`, account: ref, name })),
      },
      { token },
    ),
  );
  dataOf(
    await api.run(
      UpsertOpportunitiesDocument,
      { input: [{ sourceSystem: "crm", externalId: "WO-0", account: ref, name: "Renewal", stage: "PROPOSAL" }] },
      { token },
    ),
  );
  dataOf(
    await api.run(
      UpsertAssetsDocument,
      { input: [{ sourceSystem: "crm", externalId: "WA-0", account: ref, name: "Pump" }] },
      { token },
    ),
  );
  dataOf(
    await api.run(
      UpsertOrganizationsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "WN-0",
            name: "Service Partner",
            kind: "SERVICE_PROVIDER",
            links: [{ account: ref, relationship: "SERVICES" }],
          },
        ],
      },
      { token },
    ),
  );
  const signals = ACCOUNTS.flatMap((account, i) =>
    [3, 4, 5].map((score, j) => ({
      sourceSystem: "callcenter",
      recordId: `WS-${i}-${j}`,
      field: "csat_score",
      numberValue: score - i,
      observedAt: new Date(NOW.getTime() - (j + 1) * 86_400_000).toISOString(),
      subject: { kind: "ACCOUNT" as const, externalId: account.externalId, sourceSystem: "crm" },
    })),
  );
  dataOf(await api.run(IngestSignalsDocument, { input: signals }, { token }));
  dataOf(await api.post("mutation { recomputeHealth { processed } }", {}, { token }));
  // Issue 11: users and teams, and an audit record (a playbook saved), so their lists have something to count.
  dataOf(
    await api.post(
      `mutation { upsertTeams(input: [{ sourceSystem: "hr", externalId: "WT-0", name: "Compliance" }]) { created } }`,
      {},
      { token },
    ),
  );
  dataOf(
    await api.post(
      `mutation { upsertUsers(input: [
        { sourceSystem: "hr", externalId: "WU-0", name: "Ola", roles: ["admin"], team: { externalId: "WT-0" } },
        { sourceSystem: "hr", externalId: "WU-1", name: "Pia", roles: ["analyst"] }]) { created } }`,
      {},
      { token },
    ),
  );
  await api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" }).playbooks.save(null, {
    name: "Walk",
    intent: "Give the audit trail a record",
    mode: "SUGGEST",
    ownerUserId: "WU-0",
    trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
    conditions: [],
    actions: [
      { kind: "CREATE_TASK", template: "call", title: "Call", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 2 },
    ],
    feedback: { kind: "HEALTH_IMPROVED", withinDays: 30 },
    limits: { maxFiringsPerSubject: 1, periodDays: 7, pauseAfterFailures: 3 },
  });
  // Issue 17: a support ticket on the rich account, so tickets and Account.tickets have something to count.
  dataOf(
    await api.run(
      UpsertTicketsDocument,
      {
        input: [
          {
            sourceSystem: "zendesk",
            externalId: "WK-0",
            account: { externalId: "W-0", sourceSystem: "crm" },
            category: "access",
            priority: "HIGH",
            openedAt: "2026-10-20T09:00:00.000Z",
            resolvedAt: "2026-10-21T09:00:00.000Z",
          },
        ],
      },
      { token },
    ),
  );
  // Issue 15: a value contract, so valueContracts has something to count.
  await api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" }).contracts.define({
    accountId: RICH,
    grant: { categories: ["USAGE"], purposes: ["ANALYTICS"], anonymisedOnly: true, startsAt: "2026-10-01T00:00:00Z" },
    benefit: { kind: "API_QUOTA", formula: { kind: "LINEAR", base: 100, rate: 1 } },
  });
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

/** Values for the required arguments on the way to nested connections. */
// The fixture's scores rest on a few signals, so they are all below the at-risk list's default confidence.
const known = () => ({
  "Query.account.id": RICH,
  "Query.concept.id": "core:satisfaction",
  "Query.atRiskAccounts.minConfidence": 0,
});

function problemsOf(instance: ConnectionInstance, first: number): string[] {
  const problems: string[] = [];
  const { totalCount, pageInfo, edges } = instance;
  if (!Number.isInteger(totalCount) || (totalCount as number) < 0) problems.push(`totalCount ${String(totalCount)}`);
  if (pageInfo.hasPreviousPage !== false) problems.push("hasPreviousPage on a first page");
  if (edges.length > first) problems.push(`${edges.length} edges on a page of ${first}`);
  if (pageInfo.hasNextPage === false && edges.length !== totalCount) {
    problems.push(`the page holds everything, yet ${edges.length} edges against totalCount ${String(totalCount)}`);
  }
  if (pageInfo.hasNextPage === true && (edges.length !== first || (totalCount as number) <= first)) {
    problems.push(`hasNextPage with ${edges.length} edges of ${first} and totalCount ${String(totalCount)}`);
  }
  if (pageInfo.startCursor !== (edges[0]?.cursor ?? null)) problems.push("startCursor is not the first edge's");
  if (pageInfo.endCursor !== (edges[edges.length - 1]?.cursor ?? null)) problems.push("endCursor is not the last's");
  return problems;
}

describe("every connection of the schema", () => {
  it("is found by the walk, at top level and nested", () => {
    const names = connectionTargets(schema, known()).map((t) => t.name);
    // The ones there were when the walk was written; later ones are walked too, without being listed here.
    expect(names).toEqual(
      expect.arrayContaining([
        "Query.accounts",
        "Query.atRiskAccounts",
        "Query.concepts",
        "Account.contacts",
        "Account.opportunities",
        "Account.assets",
        "Account.network",
        "Account.signals",
        "Query.contacts",
        "Query.opportunities",
        "Query.assets",
        "Query.organizations",
        "Query.signals",
      ]),
    );
  });

  it("answers totalCount and pageInfo without errors, consistent with the edges, on any page size", async () => {
    const report: Record<string, string[]> = {};
    for (const target of connectionTargets(schema, known())) {
      const totals: unknown[][] = [];
      for (const first of [1, MAX_PAGE]) {
        const response = await api.post(target.query(first), {}, { token });
        if (response.body.errors) {
          report[target.name] = response.body.errors.map((e) => `${e.extensions?.code}: ${e.message}`);
          break;
        }
        const instances = target.instances(response.body.data);
        const problems = instances.flatMap((instance) => problemsOf(instance, first));
        if (instances.length === 0) problems.push("no instance was reached; give the walk's tenant data for it");
        if (!instances.some((i) => (i.totalCount as number) > 0)) problems.push("nothing to count in the tenant");
        if (first === MAX_PAGE && instances.some((i) => i.pageInfo.hasNextPage)) {
          problems.push(`more than ${MAX_PAGE} items: the page should hold everything in this tenant`);
        }
        if (problems.length > 0) report[`${target.name} (first: ${first})`] = problems;
        totals.push(instances.map((i) => i.totalCount));
      }
      if (totals.length === 2 && JSON.stringify(totals[0]) !== JSON.stringify(totals[1])) {
        report[`${target.name} totals by page size`] = [JSON.stringify(totals)];
      }
    }
    expect(report).toEqual({});
  });

  it("counts the tenant's own items: the rich account's children and the scored accounts", async () => {
    const data = dataOf(
      await api.post<{
        account: Record<string, { totalCount: number }>;
        atRiskAccounts: { totalCount: number };
        accounts: { totalCount: number };
      }>(
        `query($id: ID!) { accounts { totalCount } atRiskAccounts(minConfidence: 0) { totalCount }
          account(id: $id) { contacts { totalCount } opportunities { totalCount } assets { totalCount }
            network { totalCount } signals { totalCount } } }`,
        { id: RICH },
        { token },
      ),
    );
    expect(data.accounts.totalCount).toBe(3);
    expect(data.atRiskAccounts.totalCount).toBe(3);
    expect(data.account).toEqual({
      contacts: { totalCount: 2 },
      opportunities: { totalCount: 1 },
      assets: { totalCount: 1 },
      network: { totalCount: 1 },
      signals: { totalCount: 3 },
    });
  });

  it("counts concepts by pack and by search, matching the pages", async () => {
    const data = dataOf(
      await api.post<{
        all: { totalCount: number; edges: unknown[] };
        core: { totalCount: number; edges: unknown[] };
        found: { totalCount: number; edges: unknown[] };
        none: { totalCount: number; edges: unknown[] };
      }>(
        `{ all: concepts(first: ${MAX_PAGE}) { totalCount edges { cursor } }
           core: concepts(ontology: "core", first: ${MAX_PAGE}) { totalCount edges { cursor } }
           found: concepts(search: "satisfaction", first: ${MAX_PAGE}) { totalCount edges { cursor } }
           none: concepts(search: "zzqqxx", first: 5) { totalCount edges { cursor } } }`,
        {},
        { token },
      ),
    );
    expect(data.core.totalCount).toBe(data.core.edges.length);
    expect(data.core.totalCount).toBeGreaterThan(0);
    expect(data.all.totalCount).toBe(data.all.edges.length);
    expect(data.all.totalCount).toBeGreaterThan(data.core.totalCount);
    expect(data.found.totalCount).toBe(data.found.edges.length);
    expect(data.found.totalCount).toBeGreaterThan(0);
    expect(data.none).toEqual({ totalCount: 0, edges: [] });
  });

  it("counts at-risk accounts of one grade as the sum over grades", async () => {
    const grades = ["GREEN", "YELLOW", "RED"];
    const data = dataOf(
      await api.post<Record<string, { totalCount: number }>>(
        `{ all: atRiskAccounts(minConfidence: 0) { totalCount } ${grades.map((g) => `${g}: atRiskAccounts(grade: "${g}", minConfidence: 0) { totalCount }`).join(" ")} }`,
        {},
        { token },
      ),
    );
    expect(grades.reduce((sum, g) => sum + data[g]!.totalCount, 0)).toBe(data.all!.totalCount);
  });
});
