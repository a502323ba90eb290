/**
 * Issue 18: bulk ingest without type-graphql's per-record instances, with the one-pass content hash and
 * without reading stored values when no record leaves a field out. Same answers as before: clear per-record
 * rejections with their index, nothing half-written, a rerun that changes nothing.
 */
import { nodeId } from "../../domain/ids/node-id";
import {
  AccountInput,
  Customer360Document,
  IngestSignalsDocument,
  SignalInput,
  UpsertAccountsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import type { GraphQLResponse } from "../support/test-api";
import { dataOf } from "./support/responses";

/**
 * The rows the signal write transaction answered, as the debug header reports them: one per record written,
 * one for the change-event append, and one per record whose stored values were read first.
 */
function writeRows(response: GraphQLResponse<unknown>): number {
  const relata = response.body.extensions?.relata as { queries: Array<{ name: string; rows: number }> };
  const writes = relata.queries.filter((q) => q.name.startsWith("upsert.Signal."));
  expect(writes).toHaveLength(1);
  return writes[0]?.rows ?? 0;
}

const tenant = uniqueTenant("bulk-fast");
const debug = { "x-relata-debug": "1" };
let api: TestApi;
let token: string;

const ACCOUNTS: AccountInput[] = [
  { sourceSystem: "crm", externalId: "F-1", name: "Fern Labs" },
  { sourceSystem: "crm", externalId: "F-2", name: "Flint Works" },
];

/** A complete signal: every field given (unit as null), as integrators that send whole records do. */
const signal = (recordId: string, account: string, numberValue: number): SignalInput => ({
  sourceSystem: "probe",
  recordId,
  field: "usage.logins",
  numberValue,
  stringValue: null,
  booleanValue: null,
  unit: null,
  observedAt: "2026-10-01T10:00:00Z",
  subject: { kind: "ACCOUNT", externalId: account, sourceSystem: "crm" },
});

const BATCH: SignalInput[] = Array.from({ length: 60 }, (_, i) => signal(`P-${i}`, i % 2 === 0 ? "F-1" : "F-2", i));

async function signalsOf(externalId: string): Promise<Array<{ recordId: string; numberValue?: number | null }>> {
  const id = nodeId("Account", tenant, "crm", externalId);
  const data = dataOf(await api.run(Customer360Document, { id, signals: 200 }, { token: api.token(tenant, "admin") }));
  return (data.account?.signals.edges ?? []).map((e) => e.node as { recordId: string; numberValue?: number | null });
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "admin");
  expect(dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNTS }, { token })).upsertAccounts.created).toBe(2);
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("bulk ingest of complete records", () => {
  it("stores a batch without reading stored values first, and a rerun creates nothing", async () => {
    const first = await api.run(IngestSignalsDocument, { input: BATCH }, { token, headers: debug });
    expect(dataOf(first).ingestSignals).toMatchObject({ created: 60, updated: 0, unchanged: 0, rejected: 0 });
    // 60 rows written and one change-event append: no read of stored values.
    expect(writeRows(first)).toBe(61);

    const rerun = await api.run(IngestSignalsDocument, { input: BATCH }, { token, headers: debug });
    expect(dataOf(rerun).ingestSignals).toMatchObject({ created: 0, updated: 0, unchanged: 60, rejected: 0 });
    expect(dataOf(rerun).ingestSignals.records.map((r) => r.index)).toEqual(BATCH.map((_, i) => i));
    // 60 rows, no change events, no read of stored values.
    expect(writeRows(rerun)).toBe(60);
  });

  it("still reads stored values when a record leaves a field out, and keeps them", async () => {
    const withUnit = { ...signal("U-1", "F-1", 5), unit: "logins" };
    expect(dataOf(await api.run(IngestSignalsDocument, { input: [withUnit] }, { token })).ingestSignals.created).toBe(
      1,
    );
    const complete = await api.run(IngestSignalsDocument, { input: [withUnit] }, { token, headers: debug });
    expect(dataOf(complete).ingestSignals).toMatchObject({ unchanged: 1, updated: 0 });
    const { unit: _unit, ...withoutUnit } = withUnit;
    const resent = await api.run(IngestSignalsDocument, { input: [withoutUnit] }, { token, headers: debug });
    // Left out, the unit keeps its stored value: the record is unchanged, and its stored values were read first.
    expect(dataOf(resent).ingestSignals).toMatchObject({ unchanged: 1, updated: 0 });
    expect(writeRows(complete)).toBe(1);
    expect(writeRows(resent)).toBe(2);
  });

  it("reports a changed value updated, keyed by index, after an unchanged rerun", async () => {
    const changed = BATCH.map((s, i) => (i === 7 ? { ...s, numberValue: 700 } : s));
    const result = dataOf(await api.run(IngestSignalsDocument, { input: changed }, { token })).ingestSignals;
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 59, rejected: 0 });
    expect(result.records.find((r) => r.status === "UPDATED")?.index).toBe(7);
    expect((await signalsOf("F-2")).find((s) => s.recordId === "P-7")?.numberValue).toBe(700);
  });
});

describe("bulk ingest with invalid records", () => {
  it("rejects each invalid record with its index and reason, stores the others whole", async () => {
    const batch: SignalInput[] = [
      signal("B-0", "F-1", 1),
      { ...signal("B-1", "F-1", 2), stringValue: "two" },
      signal("B-2", "F-1", 3),
      { ...signal("B-3", "F-1", 4), observedAt: "yesterday" },
      signal("B-4", "NOPE", 5),
    ];
    const result = dataOf(await api.run(IngestSignalsDocument, { input: batch }, { token })).ingestSignals;
    expect(result).toMatchObject({ created: 2, rejected: 3 });
    expect(result.records.map((r) => r.index)).toEqual([0, 2]);
    expect(result.rejections.map((r) => [r.index, r.externalId])).toEqual([
      [1, "B-1"],
      [3, "B-3"],
      [4, "B-4"],
    ]);
    expect(result.rejections[0]?.reason).toMatch(/exactly one of numberValue, stringValue and booleanValue/);
    expect(result.rejections[1]?.reason).toMatch(/observedAt/);
    expect(result.rejections[2]?.reason).toMatch(/subject account "NOPE" .* does not exist/);
    const stored = (await signalsOf("F-1")).filter((s) => s.recordId.startsWith("B-"));
    expect(stored.map((s) => s.recordId).sort()).toEqual(["B-0", "B-2"]);
    expect(stored.find((s) => s.recordId === "B-2")?.numberValue).toBe(3);
  });

  it("refuses a record of the wrong type before anything is written, naming its index and field", async () => {
    const batch = [signal("W-0", "F-1", 1), { ...signal("W-1", "F-1", 2), numberValue: "two" }];
    const response = await api.post(
      "mutation ($input: [SignalInput!]!) { ingestSignals(input: $input) { created } }",
      { input: batch },
      { token },
    );
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.message).toMatch(/at "input\[1\]\.numberValue"/);
    expect((await signalsOf("F-1")).filter((s) => s.recordId.startsWith("W-"))).toEqual([]);
  });
});
