import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { ChangeOutbox } from "../../graph/events/change-outbox";
import { HealthRepository } from "../../graph/health/health.repository";
import { ChangesDocument, ChangesQuery } from "../../schema/generated/graphql";
import { packMapping, TenantClient } from "../support/health-fixtures";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 10: outcomes, manual measures, health recomputes and model versions append their change events in
// the same transaction as the write; a write that changes nothing appends none.

type Event = ChangesQuery["changes"]["events"][number];

const tenant = uniqueTenant("ev-health");
const otherTenant = uniqueTenant("ev-health-other");
const NOW = Date.parse("2026-11-15T12:00:00Z");
const DAY_MS = 86_400_000;

const PACK = `
pack: evh
version: 1.0.0
title: { en: Event health }
namespace: https://ontology.example/evh/
concepts:
  - id: evh:health
    prefLabel: { en: Health }
    parts:
      - { concept: evh:satisfaction, weight: 1 }
  - id: evh:satisfaction
    prefLabel: { en: Satisfaction }
mappings:
${packMapping("survey", "csat", "evh:satisfaction", "    dataType: NUMBER\n    unit: score_1_5\n    transform: { kind: linear }\n    polarity: HIGHER_IS_BETTER\n    normalization: { kind: fixed, min: 1, max: 5 }\n    aggregation: { kind: latest, window: P90D }")}
`;

const MODEL = `mutation($weights: JSONObject) { defineHealthModel(input: { id: "evh", name: "Event health",
  rootConcept: "evh:health", weights: $weights, includeContacts: false, includeAssets: false }) { version } }`;
const RECOMPUTE = `mutation { recomputeHealth(modelId: "evh") { processed scored } }`;
const OUTCOMES = `mutation($input: [OutcomeInput!]!) { setOutcomes(input: $input) { created updated unchanged } }`;
const MEASURE = `mutation($input: ManualMeasureInput!) { setManualMeasure(input: $input) { id } }`;

let api: TestApi;
let token: string;
let client: TenantClient;
let cursor: string | null = null;

const accountId = (externalId: string) => nodeId("Account", tenant, "crm", externalId);

async function feed(after: string | null, asToken = token): Promise<{ events: Event[]; end: string }> {
  const events: Event[] = [];
  let from = after;
  for (;;) {
    const page = dataOf(
      await api.run(ChangesDocument, { after: from, types: null, first: 500 }, { token: asToken }),
    ).changes;
    events.push(...page.events);
    from = page.endCursor;
    if (!page.hasMore) return { events, end: from };
  }
}

/** The events since the last call of `since`, and moves the cursor past them. */
async function since(): Promise<Event[]> {
  const { events, end } = await feed(cursor);
  cursor = end;
  return events;
}

const fields = (event: Event) => event.changes.map(({ field, old, new: now }) => ({ field, old, new: now }));

async function signal(externalId: string, csat: number, daysAgo: number, recordId: string): Promise<void> {
  await client.ok(`mutation($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }`, {
    input: [
      {
        sourceSystem: "survey",
        recordId,
        field: "csat",
        numberValue: csat,
        unit: "score_1_5",
        observedAt: new Date(NOW - daysAgo * DAY_MS).toISOString(),
        subject: { kind: "ACCOUNT", externalId, sourceSystem: "crm" },
      },
    ],
  });
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(NOW) });
  token = api.token(tenant, "admin");
  client = new TenantClient(api, token);
  await client.importPack(PACK);
  await client.ok(`mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`, {
    input: ["H-1", "H-2"].map((externalId) => ({ sourceSystem: "crm", externalId, name: externalId })),
  });
  await signal("H-1", 5, 5, "h1-a");
  await signal("H-2", 1, 5, "h2-a");
  cursor = (await feed(null)).end;
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("health model versions", () => {
  it("records a new model with its first version and settings", async () => {
    await client.ok(MODEL, { weights: null });
    const events = await since();
    expect(events.map((e) => e.type)).toEqual(["HEALTH_MODEL_VERSION_SAVED"]);
    expect(events[0]).toMatchObject({ recordType: "HEALTH_MODEL", recordId: "evh", externalId: null });
    expect(fields(events[0]!)).toEqual(
      expect.arrayContaining([
        { field: "version", old: null, new: 1 },
        { field: "rootConcept", old: null, new: "evh:health" },
      ]),
    );
  });

  it("records a new version with what differs from the one it replaces", async () => {
    await client.ok(MODEL, { weights: { "evh:satisfaction": 1 } });
    const events = await since();
    expect(events.map((e) => e.type)).toEqual(["HEALTH_MODEL_VERSION_SAVED"]);
    expect(fields(events[0]!)).toEqual([
      { field: "version", old: 1, new: 2 },
      { field: "weights", old: {}, new: { "evh:satisfaction": 1 } },
    ]);
  });
});

describe("health recompute", () => {
  let first: Event[];

  it("announces every first score as a grade change from nothing, with the account's keys", async () => {
    await client.ok(RECOMPUTE);
    first = (await since()).sort((a, b) => (a.externalId ?? "").localeCompare(b.externalId ?? ""));
    expect(first.map((e) => [e.type, e.recordType, e.recordId, e.externalId, e.sourceSystem])).toEqual([
      ["HEALTH_GRADE_CHANGED", "HEALTH", accountId("H-1"), "H-1", "crm"],
      ["HEALTH_GRADE_CHANGED", "HEALTH", accountId("H-2"), "H-2", "crm"],
    ]);
    expect(fields(first[0]!)).toEqual([
      { field: "score", old: null, new: expect.any(Number) },
      { field: "grade", old: null, new: "GREEN" },
    ]);
    expect(fields(first[1]!)).toEqual([
      { field: "score", old: null, new: expect.any(Number) },
      { field: "grade", old: null, new: "RED" },
    ]);
  });

  it("announces nothing when a recompute finds the same scores", async () => {
    await client.ok(RECOMPUTE);
    expect(await since()).toEqual([]);
  });

  it("announces a score move without a grade change, and a grade change, with old and new", async () => {
    await signal("H-1", 4.6, 1, "h1-b");
    await signal("H-2", 5, 1, "h2-b");
    expect((await since()).map((e) => e.type)).toEqual(["SIGNAL_CREATED", "SIGNAL_CREATED"]);
    await client.ok(RECOMPUTE);
    const events = (await since()).sort((a, b) => (a.externalId ?? "").localeCompare(b.externalId ?? ""));
    expect(events.map((e) => [e.type, e.externalId])).toEqual([
      ["HEALTH_SCORE_CHANGED", "H-1"],
      ["HEALTH_GRADE_CHANGED", "H-2"],
    ]);
    const [moved, regraded] = events as [Event, Event];
    expect(fields(moved)).toEqual([{ field: "score", old: fields(first[0]!)[0]!.new, new: expect.any(Number) }]);
    expect(fields(moved)[0]!.new).toBeLessThan(fields(moved)[0]!.old as number);
    expect(fields(regraded)).toEqual([
      { field: "score", old: fields(first[1]!)[0]!.new, new: expect.any(Number) },
      { field: "grade", old: "RED", new: "GREEN" },
    ]);
    expect(moved.actor).toBe(first[0]!.actor);
    expect(moved.actor).not.toMatch(/^job:/);
  });

  it("never announces a snapshot twice when a batch is written again (a retry or a resumed run)", async () => {
    const executor = api.runtime.database.executor(30_000);
    const health = new HealthRepository(executor, tenant, new ChangeOutbox(tenant, "job:test-recompute"));
    const write = {
      id: `replayed-${Date.now()}`,
      eventId: `replayed-event-${Date.now()}`,
      accountId: accountId("H-2"),
      props: {
        score: 1,
        grade: "RED",
        confidence: 1,
        asOf: new Date(NOW).toISOString(),
        explanation: "[]",
        runId: null,
      },
    };
    const [model] = await executor.read(
      {
        name: "test.activeVersion",
        text: "MATCH (m:HealthModel {tenant: $tenant, id: 'evh'}) RETURN m.activeVersion AS v",
      },
      { tenant },
    );
    const version = Number(model!.v);
    const now = new Date(NOW).toISOString();
    await health.writeScores(null, "evh", version, [write], write.accountId, now);
    await health.writeScores(null, "evh", version, [write], write.accountId, now);
    const events = await since();
    expect(events.map((e) => [e.type, e.actor])).toEqual([["HEALTH_GRADE_CHANGED", "job:test-recompute"]]);
    expect(fields(events[0]!)[1]).toEqual({ field: "grade", old: "GREEN", new: "RED" });
  });
});

describe("outcomes", () => {
  const input = [
    { account: { externalId: "H-1" }, label: "RENEWED", occurredOn: "2026-11-01" },
    { account: { externalId: "H-2" }, label: "CHURNED", occurredOn: "2026-11-01" },
  ];

  it("records each new outcome on its account", async () => {
    expect((await client.ok<{ setOutcomes: unknown }>(OUTCOMES, { input })).setOutcomes).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const events = await since();
    expect(events.map((e) => [e.type, e.recordType, e.recordId, e.externalId])).toEqual([
      ["OUTCOME_RECORDED", "OUTCOME", accountId("H-1"), "H-1"],
      ["OUTCOME_RECORDED", "OUTCOME", accountId("H-2"), "H-2"],
    ]);
    expect(fields(events[1]!)).toEqual([
      { field: "occurredOn", old: null, new: "2026-11-01" },
      { field: "label", old: null, new: "CHURNED" },
    ]);
  });

  it("records nothing when the same outcomes are sent again", async () => {
    await client.ok(OUTCOMES, { input });
    expect(await since()).toEqual([]);
  });

  it("records a relabelled outcome with its old and new label", async () => {
    await client.ok(OUTCOMES, { input: [{ ...input[1]!, label: "RENEWED" }] });
    const events = await since();
    expect(events.map((e) => e.type)).toEqual(["OUTCOME_RECORDED"]);
    expect(fields(events[0]!)).toEqual([
      { field: "occurredOn", old: "2026-11-01", new: "2026-11-01" },
      { field: "label", old: "CHURNED", new: "RENEWED" },
    ]);
  });
});

describe("manual measures", () => {
  const measure = { accountId: accountId("H-1"), concept: "evh:satisfaction", value: 0.3 };

  it("records a first measure with its value", async () => {
    const { setManualMeasure } = await client.ok<{ setManualMeasure: { id: string } }>(MEASURE, { input: measure });
    const events = await since();
    expect(events.map((e) => [e.type, e.recordType, e.recordId, e.externalId])).toEqual([
      ["MANUAL_MEASURE_SET", "MANUAL_MEASURE", accountId("H-1"), "H-1"],
    ]);
    expect(fields(events[0]!)).toEqual(
      expect.arrayContaining([
        { field: "concept", old: null, new: "evh:satisfaction" },
        { field: "value", old: null, new: 0.3 },
        { field: "measureId", old: null, new: setManualMeasure.id },
      ]),
    );
  });

  it("records nothing when the same judgement is set again", async () => {
    await client.ok(MEASURE, { input: measure });
    expect(await since()).toEqual([]);
  });

  it("records a new value with the one it replaces", async () => {
    await client.ok(MEASURE, { input: { ...measure, value: 0.6 } });
    const events = await since();
    expect(events.map((e) => e.type)).toEqual(["MANUAL_MEASURE_SET"]);
    expect(fields(events[0]!).filter((c) => c.field !== "measureId")).toEqual([
      { field: "concept", old: "evh:satisfaction", new: "evh:satisfaction" },
      { field: "value", old: 0.3, new: 0.6 },
    ]);
  });
});

describe("tenant scoping", () => {
  it("shows another tenant none of these events", async () => {
    const other = api.token(otherTenant, "admin");
    expect((await feed(null, other)).events).toEqual([]);
  });
});
