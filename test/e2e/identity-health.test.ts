import {
  AccountIdentitiesDocument,
  MergeIdentitiesDocument,
  ResolveIdentitiesDocument,
  SplitIdentityDocument,
} from "../../schema/generated/graphql";
import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 14: signals, contacts and manual measures of a duplicate account (its "crm-account" identity is a
// member of another account) count for the account it resolved to, in the fresh explained score and in a
// recompute; a split reverts it. A control tenant holds the same signals on one account.

const NOW = Date.parse("2026-11-15T12:00:00Z");
const DAY_MS = 86_400_000;
const merged = uniqueTenant("identity-health");
const control = uniqueTenant("identity-health-control");
let api: TestApi;

const PACK = `
pack: idh
version: 1.0.0
title: { en: Identity health }
namespace: https://ontology.example/idh/
concepts:
  - id: idh:health
    prefLabel: { en: Health }
    parts:
      - { concept: idh:satisfaction, weight: 0.4 }
      - { concept: idh:usage, weight: 0.3 }
      - { concept: idh:engagement, weight: 0.3 }
  - id: idh:satisfaction
    prefLabel: { en: Satisfaction }
  - id: idh:usage
    prefLabel: { en: Usage }
  - id: idh:engagement
    prefLabel: { en: Engagement }
mappings:
${packMapping("survey", "csat", "idh:satisfaction", "    dataType: NUMBER\n    unit: score_1_5\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }\n    aggregation: { kind: latest, window: P90D }")}
${packMapping("product", "logins", "idh:usage", "    dataType: NUMBER\n    unit: count\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 100 }\n    aggregation: { kind: mean, window: P30D }")}
${packMapping("mail", "replies", "idh:engagement", "    dataType: NUMBER\n    unit: count\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 10 }\n    aggregation: { kind: sum, window: P30D }")}
`;

interface Health {
  score: number;
  stored: boolean;
  explanation: Array<{
    kind: string;
    conceptId: string | null;
    value: number | null;
    signals: Array<{ recordId: string | null }>;
  }>;
}

const HEALTH = `query($id: ID!, $fresh: Boolean) { account(id: $id) { health(fresh: $fresh, modelId: "idh") {
  score stored explanation { kind conceptId value signals { recordId } } } } }`;

async function setUp(tenant: string): Promise<TenantClient> {
  const client = new TenantClient(api, api.token(tenant, "admin"));
  await client.importPack(PACK);
  await client.ok(
    `mutation { defineHealthModel(input: { id: "idh", name: "idh", rootConcept: "idh:health", includeContacts: true, includeAssets: false }) { version } }`,
  );
  return client;
}

function signal(system: string, field: string, recordId: string, value: number, daysAgo: number, subject: object) {
  return {
    sourceSystem: system,
    recordId,
    field,
    numberValue: value,
    unit: system === "survey" ? "score_1_5" : "count",
    observedAt: new Date(NOW - daysAgo * DAY_MS).toISOString(),
    subject,
  };
}

/** csat on the resolved account; logins on `usageAccount`; mail replies of a contact at `usageAccount`. */
async function loadSignals(client: TenantClient, resolved: string, usageAccount: string): Promise<void> {
  await client.ok(`mutation($input: [ContactInput!]!) { upsertContacts(input: $input) { created } }`, {
    input: [{ sourceSystem: "crm", externalId: "C-1", account: { externalId: usageAccount }, name: "Jo Meyer" }],
  });
  const account = (externalId: string) => ({ kind: "ACCOUNT", externalId, sourceSystem: "crm" });
  const contact = { kind: "CONTACT", externalId: "C-1", sourceSystem: "crm" };
  await client.ok(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, {
    input: [
      signal("survey", "csat", "csat-1", 2, 3, account(resolved)),
      signal("product", "logins", "logins-1", 80, 2, account(usageAccount)),
      signal("product", "logins", "logins-2", 60, 9, account(usageAccount)),
      signal("mail", "replies", "replies-1", 4, 4, contact),
      signal("mail", "replies", "replies-2", 3, 12, contact),
    ],
  });
}

async function health(tenant: string, id: string, fresh: boolean): Promise<Health> {
  const response = await api.post<{ account: { health: Health } }>(
    HEALTH,
    { id, fresh },
    { token: api.token(tenant, "admin") },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.account.health;
}

async function recompute(tenant: string): Promise<number> {
  const response = await api.post<{ recomputeHealth: { processed: number } }>(
    `mutation { recomputeHealth(modelId: "idh") { processed } }`,
    {},
    { token: api.token(tenant, "admin") },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.recomputeHealth.processed;
}

const recordIds = (h: Health) => h.explanation.flatMap((n) => n.signals.map((s) => s.recordId)).sort();

let controlScore: number;
let resolvedId: string;
let duplicateId: string;
let duplicateExternal: string;
let duplicateIdentity: string;

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  // Control: every signal on one account.
  const controlClient = await setUp(control);
  await controlClient.ok(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
    input: [{ sourceSystem: "crm", externalId: "ACME", name: "Acme GmbH" }],
  });
  await loadSignals(controlClient, "ACME", "ACME");
  controlScore = (await health(control, nodeId("Account", control, "crm", "ACME"), true)).score;

  // Merged tenant: two accounts, resolved into one by a person's merge.
  const client = await setUp(merged);
  await client.ok(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
    input: [
      { sourceSystem: "crm", externalId: "ACME", name: "Acme GmbH" },
      { sourceSystem: "crm", externalId: "ACME-OLD", name: "Globex Holdings Ltd" },
    ],
  });
  const writer = api.token(merged, "admin");
  const run = dataOf(
    await api.run(ResolveIdentitiesDocument, { entity: "ORGANIZATION", mode: "INCREMENTAL" }, { token: writer }),
  ).resolveIdentities;
  expect(run.status).toBe("SUCCEEDED");
  const identityOf = async (externalId: string) => {
    const node = dataOf(
      await api.run(AccountIdentitiesDocument, { id: nodeId("Account", merged, "crm", externalId) }, { token: writer }),
    ).node;
    const identities = node && "identities" in node ? node.identities : [];
    return identities.find((i) => i.channel === "crm-account")!.id;
  };
  const [acme, old] = [await identityOf("ACME"), await identityOf("ACME-OLD")];
  const merge = dataOf(
    await api.run(MergeIdentitiesDocument, { a: acme, b: old, reason: "same company, renamed" }, { token: writer }),
  ).mergeIdentities;
  const customer = merge.resolvedCustomers.find((c) => c.kind === "ACCOUNT")!;
  // The cluster resolves to one of the two accounts; the other is its duplicate.
  resolvedId = customer.id;
  const acmeId = nodeId("Account", merged, "crm", "ACME");
  const resolvedExternal = resolvedId === acmeId ? "ACME" : "ACME-OLD";
  duplicateExternal = resolvedId === acmeId ? "ACME-OLD" : "ACME";
  duplicateId = nodeId("Account", merged, "crm", duplicateExternal);
  duplicateIdentity = resolvedId === acmeId ? old : acme;
  expect(customer.identities.map((i) => i.recordId).sort()).toEqual([resolvedId, duplicateId].sort());
  await loadSignals(client, resolvedExternal, duplicateExternal);
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("health reads through identity resolution", () => {
  it("counts the duplicate account's and its contact's signals for the resolved account, as if they were its own", async () => {
    const fresh = await health(merged, resolvedId, true);
    expect(fresh.stored).toBe(false);
    expect(fresh.score).toBeCloseTo(controlScore, 9);
    expect(recordIds(fresh)).toEqual(["csat-1", "logins-1", "logins-2", "replies-1", "replies-2"]);
  });

  it("scores the resolved account in a recompute with its duplicate's signals, and not the duplicate on its own", async () => {
    expect(await recompute(merged)).toBe(1);
    const stored = await health(merged, resolvedId, false);
    expect(stored.stored).toBe(true);
    expect(stored.score).toBeCloseTo(controlScore, 9);
  });

  it("recomputes the resolved account incrementally when its duplicate gets a signal, and counts the duplicate's manual measures", async () => {
    const newSignal = (externalId: string) => [
      signal("product", "logins", "logins-3", 10, 1, { kind: "ACCOUNT", externalId, sourceSystem: "crm" }),
    ];
    for (const [tenant, externalId] of [
      [merged, duplicateExternal],
      [control, "ACME"],
    ] as const) {
      const client = new TenantClient(api, api.token(tenant, "admin"));
      await client.ok(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, {
        input: newSignal(externalId),
      });
    }
    const incremental = await api.post<{ recomputeHealth: { processed: number } }>(
      `mutation { recomputeHealth(modelId: "idh", incremental: true) { processed } }`,
      {},
      { token: api.token(merged, "admin") },
    );
    expect(incremental.body.errors).toBeUndefined();
    expect(incremental.body.data!.recomputeHealth.processed).toBe(1);
    const newControl = (await health(control, nodeId("Account", control, "crm", "ACME"), true)).score;
    expect(newControl).not.toBeCloseTo(controlScore, 3);
    expect((await health(merged, resolvedId, false)).score).toBeCloseTo(newControl, 9);

    // A manual measure set on the duplicate counts as if set on the resolved account.
    for (const [tenant, accountId] of [
      [merged, duplicateId],
      [control, nodeId("Account", control, "crm", "ACME")],
    ] as const) {
      const client = new TenantClient(api, api.token(tenant, "admin"));
      await client.ok(`mutation($input: ManualMeasureInput!) { setManualMeasure(input: $input) { id } }`, {
        input: { accountId, concept: "idh:usage", value: 0.9, comment: "QBR" },
      });
    }
    const measuredControl = (await health(control, nodeId("Account", control, "crm", "ACME"), true)).score;
    expect(measuredControl).not.toBeCloseTo(newControl, 3);
    expect((await health(merged, resolvedId, true)).score).toBeCloseTo(measuredControl, 9);
    expect(await recompute(merged)).toBe(1);
    expect((await health(merged, resolvedId, false)).score).toBeCloseTo(measuredControl, 9);
  });

  it("reverts when the duplicate is split off: each account counts its own signals again", async () => {
    const split = dataOf(
      await api.run(
        SplitIdentityDocument,
        { identityId: duplicateIdentity, reason: "not the same company after all" },
        { token: api.token(merged, "admin") },
      ),
    ).splitIdentity;
    expect(split.moved).toBeGreaterThan(0);
    const resolved = await health(merged, resolvedId, true);
    expect(recordIds(resolved)).toEqual(["csat-1"]);
    expect(resolved.score).not.toBeCloseTo(controlScore, 3);
    const duplicate = await health(merged, duplicateId, true);
    expect(recordIds(duplicate)).toEqual(["logins-1", "logins-2", "logins-3", "replies-1", "replies-2"]);
    expect(await recompute(merged)).toBe(2);
    expect((await health(merged, resolvedId, false)).score).toBeCloseTo(resolved.score, 9);
  });
});
