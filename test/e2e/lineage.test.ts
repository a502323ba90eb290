import {
  AccountIdentitiesDocument,
  ImpactDocument,
  LineageDocument,
  MergeIdentitiesDocument,
  OntologyDiffImpactDocument,
  ResolveIdentitiesDocument,
  SavePlaybookDocument,
} from "../../schema/generated/graphql";
import { PlaybookDefinition } from "../../domain/automation/playbook";
import { sourceSystemId } from "../../domain/ids/global-id";
import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

// Issue 17, data lineage: lineage of a health score reaches its signals (a duplicate account's signal through
// identity resolution), of a concept value its mapping and signals, of a golden-record field its identity;
// impact of a source field lists its mappings, the health model and a playbook reading its concept; the
// ontology diff warns what a removed mapping breaks; another tenant's ids are not found.

const NOW = Date.parse("2026-11-15T12:00:00Z");
const DAY_MS = 86_400_000;
const tenant = uniqueTenant("lineage");
const other = uniqueTenant("lineage-other");
let api: TestApi;

const pack = (version: string, withLogins: boolean) => `
pack: lin
version: ${version}
title: { en: Lineage }
namespace: https://ontology.example/lin/
concepts:
  - id: lin:health
    prefLabel: { en: Health }
    parts:
      - { concept: lin:satisfaction, weight: 0.4 }
      - { concept: lin:usage, weight: 0.6 }
  - id: lin:satisfaction
    prefLabel: { en: Satisfaction }
  - id: lin:usage
    prefLabel: { en: Usage }
mappings:
${packMapping("survey", "csat", "lin:satisfaction", "    dataType: NUMBER\n    unit: score_1_5\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }\n    aggregation: { kind: latest, window: P90D }")}
${withLogins ? packMapping("product", "logins", "lin:usage", "    dataType: NUMBER\n    unit: count\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 0, max: 100 }\n    aggregation: { kind: mean, window: P30D }") : ""}
`;

const USAGE_PLAYBOOK: PlaybookDefinition = {
  name: "Usage drops",
  intent: "Call the customer when usage falls.",
  mode: "SUGGEST",
  ownerUserId: "u-csm",
  trigger: { kind: "CONCEPT_THRESHOLD", concept: "lin:usage", op: "BELOW", value: 0.2, scope: "ACCOUNT" },
  conditions: [],
  actions: [
    { kind: "CREATE_TASK", template: "call", title: "Call", assignee: { kind: "ACCOUNT_OWNER" }, dueInDays: 3 },
  ],
  feedback: { kind: "HEALTH_IMPROVED", withinDays: 30 },
  limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
};

const RED_PLAYBOOK: PlaybookDefinition = {
  ...USAGE_PLAYBOOK,
  name: "Red accounts",
  trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
};

function signal(system: string, field: string, recordId: string, value: number, daysAgo: number, externalId: string) {
  return {
    sourceSystem: system,
    recordId,
    field,
    numberValue: value,
    unit: system === "survey" ? "score_1_5" : "count",
    observedAt: new Date(NOW - daysAgo * DAY_MS).toISOString(),
    subject: { kind: "ACCOUNT", externalId, sourceSystem: "crm" },
  };
}

let resolvedId: string;
let duplicateId: string;

const admin = () => api.token(tenant, "admin");
const lineage = (of: Record<string, unknown>, token = admin()) =>
  api.run(LineageDocument, { of: of as never }, { token });

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  const client = new TenantClient(api, admin());
  await client.importPack(pack("1.0.0", true));
  await client.ok(
    `mutation { defineHealthModel(input: { id: "lin", name: "Lineage health", rootConcept: "lin:health", includeContacts: false, includeAssets: false }) { version } }`,
  );
  await client.ok(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
    input: [
      { sourceSystem: "crm", externalId: "ACME", name: "Acme GmbH" },
      { sourceSystem: "crm", externalId: "ACME-OLD", name: "Globex Holdings Ltd" },
    ],
  });
  const run = dataOf(
    await api.run(ResolveIdentitiesDocument, { entity: "ORGANIZATION", mode: "INCREMENTAL" }, { token: admin() }),
  ).resolveIdentities;
  expect(run.status).toBe("SUCCEEDED");
  const identityOf = async (externalId: string) => {
    const node = dataOf(
      await api.run(
        AccountIdentitiesDocument,
        { id: nodeId("Account", tenant, "crm", externalId) },
        { token: admin() },
      ),
    ).node;
    const identities = node && "identities" in node ? node.identities : [];
    return identities.find((i) => i.channel === "crm-account")!.id;
  };
  const [acme, old] = [await identityOf("ACME"), await identityOf("ACME-OLD")];
  const merge = dataOf(
    await api.run(MergeIdentitiesDocument, { a: acme, b: old, reason: "renamed" }, { token: admin() }),
  ).mergeIdentities;
  resolvedId = merge.resolvedCustomers.find((c) => c.kind === "ACCOUNT")!.id;
  const acmeId = nodeId("Account", tenant, "crm", "ACME");
  const [resolvedExternal, duplicateExternal] = resolvedId === acmeId ? ["ACME", "ACME-OLD"] : ["ACME-OLD", "ACME"];
  duplicateId = nodeId("Account", tenant, "crm", duplicateExternal);
  await client.ok(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, {
    input: [
      signal("survey", "csat", "csat-1", 4, 3, resolvedExternal),
      signal("product", "logins", "logins-dup-1", 30, 2, duplicateExternal),
      signal("product", "logins", "logins-dup-2", 50, 5, duplicateExternal),
    ],
  });
  await client.ok(`mutation { recomputeHealth(modelId: "lin") { processed } }`);
  await client.ok(`mutation($input: [UserInput!]!) { upsertUsers(input: $input) { created } }`, {
    input: [{ sourceSystem: "hr", externalId: "u-csm", name: "u-csm", roles: ["analyst"] }],
  });
  for (const definition of [USAGE_PLAYBOOK, RED_PLAYBOOK]) {
    dataOf(
      await api.run(
        SavePlaybookDocument,
        { id: null, definition: definition as never },
        { token: api.token(tenant, "analyst") },
      ),
    );
  }
  await new TenantClient(api, api.token(other, "admin")).ok(
    `mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`,
    { input: [{ sourceSystem: "crm", externalId: "ACME", name: "Other Acme" }] },
  );
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("lineage of a health score", () => {
  it("reaches the model version, the mappings and the signals, a duplicate account's signal through resolution", async () => {
    const answer = dataOf(await lineage({ id: resolvedId, modelId: "lin" })).lineage;
    expect(answer.kind).toBe("HEALTH_SCORE");
    const byId = new Map(answer.nodes.map((n) => [n.id, n]));
    const root = byId.get(answer.rootId)!;
    expect(root.properties).toMatchObject({ stored: true, accountId: resolvedId });
    expect(byId.get("model:lin@1")).toMatchObject({ kind: "HEALTH_MODEL", version: "1" });
    expect(byId.get("concept-value:lin:usage")?.properties).toMatchObject({ weight: 0.6 });
    expect(byId.get("mapping:product/logins→lin:usage")?.properties).toMatchObject({
      signalCount: 2,
      aggregation: "mean",
    });
    expect(byId.get(sourceSystemId(tenant, "product"))?.kind).toBe("SOURCE_SYSTEM");
    const signals = answer.nodes
      .filter((n) => n.kind === "SIGNAL")
      .map((n) => (n.properties as { recordId: string }).recordId);
    expect(signals.sort()).toEqual(["csat-1", "logins-dup-1", "logins-dup-2"]);
    expect(answer.edges).toContainEqual(
      expect.objectContaining({ from: duplicateId, to: resolvedId, kind: "RESOLVED_TO" }),
    );
    expect(answer.recordCount).toBe(3);
    expect(answer.truncated).toBe(false);
    expect(answer.notes[0]).toMatch(/stored score/);
  });

  it("computes the score as of a time before any stored score, and says so", async () => {
    const answer = dataOf(await lineage({ id: resolvedId, modelId: "lin", at: "2026-11-14T00:00:00Z" })).lineage;
    const root = answer.nodes.find((n) => n.id === answer.rootId)!;
    expect(root.properties).toMatchObject({ stored: false, asOf: "2026-11-14T00:00:00.000Z" });
    // logins-dup-1 was observed on the 13th, csat-1 on the 12th; logins-dup-2 on the 10th.
    expect(answer.nodes.filter((n) => n.kind === "SIGNAL")).toHaveLength(3);
    expect(answer.notes[0]).toMatch(/No stored score/);
  });

  it("keeps within a small node budget and flags the answer truncated", async () => {
    const answer = dataOf(await lineage({ id: resolvedId, modelId: "lin", maxNodes: 5 })).lineage;
    expect(answer.nodes).toHaveLength(5);
    expect(answer.truncated).toBe(true);
  });
});

describe("round trips", () => {
  it("reads a score's lineage in a fixed set of statements: one for the evidence, one for the signals' subjects", async () => {
    const response = await api.run(
      LineageDocument,
      { of: { id: resolvedId, modelId: "lin" } },
      { token: admin(), headers: { "x-relata-debug": "1" } },
    );
    dataOf(response);
    const names = statementNames(response);
    // The account, the snapshot, the model version, the scorer's four reads, the evidence, the subjects.
    expect([...names].sort()).toEqual(
      [
        "node.byIds",
        "lineage.scoreSnapshot",
        "health.modelVersions",
        "health.conceptTree",
        "concept.mappings",
        "health.manualMeasures",
        "health.fieldAggregates",
        "health.evidenceSignals",
        "lineage.signalSubjects",
      ].sort(),
    );
  });
});

describe("lineage of a concept value and of a golden-record field", () => {
  it("traces a concept's value on the account to its mapping and signals only", async () => {
    const answer = dataOf(await lineage({ id: resolvedId, field: "lin:usage", modelId: "lin" })).lineage;
    expect(answer.kind).toBe("CONCEPT_VALUE");
    expect(answer.rootId).toBe("concept-value:lin:usage");
    const records = answer.nodes
      .filter((n) => n.kind === "SIGNAL")
      .map((n) => (n.properties as { recordId: string }).recordId);
    expect(records.sort()).toEqual(["logins-dup-1", "logins-dup-2"]);
    expect(answer.nodes.map((n) => n.id)).not.toContain("mapping:survey/csat→lin:satisfaction");
  });

  it("traces a golden-record field to the identity and channel it survived from, and the rule", async () => {
    const answer = dataOf(await lineage({ id: resolvedId, field: "companyName" })).lineage;
    expect(answer.kind).toBe("GOLDEN_FIELD");
    const won = answer.edges.find((e) => e.from === answer.rootId && e.kind === "DERIVED_FROM")!;
    expect(answer.nodes.find((n) => n.id === won.to)).toMatchObject({
      kind: "IDENTITY",
      properties: { channel: "crm-account" },
    });
    expect(answer.nodes.find((n) => n.kind === "SURVIVORSHIP_RULE")?.properties).toMatchObject({ strategy: "longest" });
    expect(answer.edges.some((e) => e.kind === "CONSIDERED")).toBe(true);
  });
});

describe("impact", () => {
  it("of a source field lists its mapping, the health model weighting its concept and the playbook reading it", async () => {
    const answer = dataOf(
      await api.run(
        ImpactDocument,
        { of: { id: sourceSystemId(tenant, "product"), field: "logins" } },
        { token: admin() },
      ),
    ).impact;
    expect(answer.direct).toEqual(["lin:usage"]);
    expect(answer.reach).toEqual(["lin:health", "lin:usage"]);
    const kinds = answer.usages.map((u) => `${u.kind} ${u.id}`);
    expect(kinds).toEqual(
      expect.arrayContaining(["MAPPING mapping:product/logins→lin:usage", "HEALTH_MODEL model:lin@1"]),
    );
    const playbook = answer.usages.find((u) => u.kind === "PLAYBOOK")!;
    expect(playbook).toMatchObject({ label: "Usage drops", via: "lin:usage" });
    expect(playbook.relation).toMatch(/reads concept lin:usage in its trigger/);
    // The default model's tree (core:customer-health) does not hold lin:usage.
    expect(kinds).not.toContain("HEALTH_MODEL model:default@1");
  });

  it("of a concept lists the mappings that measure it", async () => {
    const answer = dataOf(await api.run(ImpactDocument, { of: { id: "lin:satisfaction" } }, { token: admin() })).impact;
    expect(answer.usages.filter((u) => u.kind === "MAPPING").map((u) => u.label)).toEqual([
      "survey.csat → lin:satisfaction",
    ]);
    expect(answer.usages.some((u) => u.kind === "PLAYBOOK")).toBe(false);
  });

  it("of a concept the default model rolls up lists that model and the playbooks reading the health grade", async () => {
    const answer = dataOf(
      await api.run(ImpactDocument, { of: { id: "core:satisfaction" } }, { token: admin() }),
    ).impact;
    expect(answer.reach).toContain("core:customer-health");
    expect(answer.usages.map((u) => `${u.kind} ${u.label}`)).toEqual(
      expect.arrayContaining(["HEALTH_MODEL Customer health (default) version 1", "PLAYBOOK Red accounts"]),
    );
    expect(answer.usages.find((u) => u.label === "Red accounts")!.relation).toMatch(
      /reads the default health model's grade or score \(root core:customer-health\) in its trigger/,
    );
    // "Usage drops" reads no core concept, but its feedback waits for the health grade to improve.
    expect(answer.usages.find((u) => u.label === "Usage drops")!.relation).toMatch(
      /grade or score .* in its feedback$/,
    );
  });

  it("warns in the ontology diff what removing a mapping would break", async () => {
    await new TenantClient(api, admin()).importPack(pack("1.1.0", false));
    const diff = dataOf(
      await api.run(OntologyDiffImpactDocument, { from: "lin@1.0.0", to: "lin@1.1.0" }, { token: admin() }),
    ).ontologyDiff;
    expect(diff.removedMappings).toEqual(["product/logins → lin:usage"]);
    const warning = diff.impact.find((w) => w.conceptId === "lin:usage")!;
    expect(warning.change).toBe("mapping product/logins → lin:usage removed");
    expect(warning.usages.map((u) => u.kind).sort()).toEqual(["HEALTH_MODEL", "PLAYBOOK"]);
    expect(warning.message).toMatch(/check them before activating/);
  });
});

describe("tenant isolation and bad input", () => {
  it("reports another tenant's account and source system as not found, like ids that do not exist", async () => {
    const theirs = onlyErrorOf(await lineage({ id: resolvedId }, api.token(other, "admin")), 200);
    const none = onlyErrorOf(
      await lineage({ id: nodeId("Account", other, "crm", "NOPE") }, api.token(other, "admin")),
      200,
    );
    expect(theirs.extensions).toMatchObject({ code: "NOT_FOUND", reason: "LINEAGE_TARGET_NOT_FOUND" });
    expect(none.extensions).toMatchObject({ code: "NOT_FOUND", reason: "LINEAGE_TARGET_NOT_FOUND" });
    const field = onlyErrorOf(
      await api.run(
        ImpactDocument,
        { of: { id: sourceSystemId(tenant, "product"), field: "logins" } },
        { token: api.token(other, "admin") },
      ),
      200,
    );
    expect(field.extensions).toMatchObject({ code: "NOT_FOUND" });
    const golden = onlyErrorOf(await lineage({ id: resolvedId, field: "companyName" }, api.token(other, "admin")), 200);
    expect(golden.extensions).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses ids and arguments it cannot read, saying what it understands", async () => {
    const malformed = onlyErrorOf(await lineage({ id: "nonsense" }), 200);
    expect(malformed.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_LINEAGE_TARGET" });
    expect(malformed.message).toMatch(/it understands an account id/);
    const date = onlyErrorOf(await lineage({ id: resolvedId, at: "yesterday" }), 200);
    expect(date.message).toMatch(/"yesterday" is not an ISO 8601 date-time/);
    const concept = onlyErrorOf(await lineage({ id: resolvedId, field: "lin:nothing", modelId: "lin" }), 200);
    expect(concept.extensions).toMatchObject({ code: "NOT_FOUND" });
    const account = onlyErrorOf(await api.run(ImpactDocument, { of: { id: resolvedId } }, { token: admin() }), 200);
    expect(account.message).toMatch(/is an Account id/);
    const noField = onlyErrorOf(
      await api.run(ImpactDocument, { of: { id: sourceSystemId(tenant, "product") } }, { token: admin() }),
      200,
    );
    expect(noField.message).toMatch(/of\.field is missing/);
  });
});
