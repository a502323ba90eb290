import { CypherExecutor } from "../../graph/executor";
import {
  AnchorEffectDocument,
  ChangesDocument,
  DefineValueAnchorDocument,
  ImpactDocument,
  LineageDocument,
  UpdateValueAnchorDocument,
  UpsertAccountsDocument,
  UpsertTeamsDocument,
  UpsertTicketsDocument,
  ValueAnchorDocument,
  ValueAnchorInput,
  ValueAnchorsDocument,
} from "../../schema/generated/graphql";
import { sourceSystemId } from "../../domain/ids/global-id";
import { Role } from "../../resolvers/context";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

/**
 * Issue 17, value anchors over a generated support data set: tickets of key accounts wait on the Technical
 * department. The anchor "first resolution time on key accounts from 72 h to 4 h" shows the miss, attribution
 * names that department with the largest share, an MPU applied to five key accounts shows its effect against
 * the untouched ones, and another tenant sees none of it.
 */
let api: TestApi;
let executor: CypherExecutor;
let tenant: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
/** When the MPU was applied to the first five key accounts: their tickets opened since are resolved in 2 h. */
const MPU_APPLIED = NOW - 24.5 * DAY;
/** When the playbook fired for standard accounts 20–24: their tickets opened since are resolved in 1 h. */
const PLAYBOOK_FIRED = NOW - 24.5 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const as = (role: Role, t = tenant) => ({ token: api.token(t, role) });

const team = (externalId: string) => ({ externalId, sourceSystem: "hr" });

/**
 * One ticket per account and week for six weeks. Key accounts: by (account + week) % 10, a ticket is solved by
 * first line in 2 h, or passed to Billing (10 h), or — eight times in ten — to Technical, who hold it 64–83 h.
 * Standard accounts' tickets are solved by first line within 10 h (outside the anchor's population); since a
 * playbook fired for standard accounts 20–24, theirs are solved in 1 h.
 */
function tickets() {
  const out: Array<Record<string, unknown>> = [];
  for (let a = 0; a < 40; a += 1) {
    const key = a < 20;
    for (let w = 0; w < 6; w += 1) {
      const opened = NOW - (w + 1) * 7 * DAY + (a % 5) * 3 * HOUR;
      const route = (a + w) % 10;
      const fast = !key || (a < 5 && opened >= MPU_APPLIED) || route === 0;
      const l1 = 2;
      const second = fast ? 0 : route === 1 ? 8 : 64 + ((a * 7 + w * 3) % 20);
      const holder = route === 1 ? "T-BILL" : "T-TECH";
      const assignments = [
        { team: team("T-L1"), from: iso(opened) },
        ...(second > 0 ? [{ team: team(holder), from: iso(opened + l1 * HOUR) }] : []),
      ];
      out.push({
        sourceSystem: "zendesk",
        externalId: `Z-${a}-${w}`,
        account: { externalId: `A-${a}`, sourceSystem: "crm" },
        category: ["access", "billing", "technical"][(a + 2 * w) % 3],
        priority: "HIGH",
        openedAt: iso(opened),
        firstResponseAt: iso(opened + HOUR),
        resolvedAt: iso(
          opened + (a >= 20 && a < 25 && opened >= PLAYBOOK_FIRED ? 1 : l1 + (key ? second : (a % 8) + 1)) * HOUR,
        ),
        assignments,
      });
    }
  }
  return out;
}

const deadline = iso(NOW + 42 * DAY).slice(0, 10);

function anchorInput(overrides: Partial<ValueAnchorInput> = {}): ValueAnchorInput {
  return {
    name: "First resolution on key accounts",
    metric: {
      population: "TICKETS",
      measure: "RESOLUTION_HOURS",
      aggregation: "MEDIAN",
      filter: { segments: ["Key Account"] },
    },
    target: 4,
    direction: "DECREASE",
    deadline,
    historyWeeks: 8,
    baselineWeeks: 4,
    ...overrides,
  };
}

let anchorId: string;

beforeAll(async () => {
  api = await startTestApi();
  executor = api.runtime.database.executor(60_000);
  tenant = uniqueTenant("anchors");
  const accounts = [...Array(40).keys()].map((a) => ({
    sourceSystem: "crm",
    externalId: `A-${a}`,
    name: `Hospital ${a}`,
    segment: a < 20 ? "Key Account" : "Standard",
    region: a % 2 === 0 ? "north" : "south",
  }));
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, as("integrator")));
  dataOf(
    await api.run(
      UpsertTeamsDocument,
      {
        input: [
          { sourceSystem: "hr", externalId: "T-L1", name: "First line" },
          { sourceSystem: "hr", externalId: "T-BILL", name: "Billing" },
          { sourceSystem: "hr", externalId: "T-TECH", name: "Technical" },
        ],
      },
      as("integrator"),
    ),
  );
  const stored = dataOf(
    await api.run(UpsertTicketsDocument, { input: tickets() as never }, as("integrator")),
  ).upsertTickets;
  expect(stored).toMatchObject({ created: 240, rejected: 0 });
  // The MPU engineer's graph contract (issue 16): (:MpuUse {tenant, id, mpuId, accountId, appliedAt, status})-[:ON]->(:Account).
  await executor.write(
    {
      name: "test.anchors.mpuUses",
      text: `UNWIND range(0, 4) AS i
MATCH (a:Account {tenant: $tenant, externalId: 'A-' + toString(i)})
CREATE (:MpuUse {tenant: $tenant, id: 'use-' + toString(i), mpuId: 'mpu-fast-triage', accountId: a.id,
  appliedAt: datetime($appliedAt), status: 'APPLIED'})-[:ON]->(a)`,
    },
    { tenant, appliedAt: iso(MPU_APPLIED) },
  );
  // The automation's graph contract: (:Playbook {tenant, id, name}), (:PlaybookFiring {tenant, playbookId,
  // accountIds, firedAt}). "pb-speedy" fired for standard accounts 20–24, "pb-pair" for two of them,
  // "pb-idle" never; "mpu-late" was applied to a key account an hour ago (no records after it yet).
  await executor.write(
    {
      name: "test.anchors.playbooks",
      text: `UNWIND [['pb-speedy', 'Speedy triage', range(20, 24)], ['pb-pair', 'Pair', [20, 21]], ['pb-idle', 'Idle', []]] AS p
CREATE (:Playbook {tenant: $tenant, id: p[0], name: p[1], status: 'ACTIVE'})
WITH p WHERE size(p[2]) > 0
MATCH (a:Account {tenant: $tenant}) WHERE a.externalId IN [i IN p[2] | 'A-' + toString(i)]
WITH p, collect(a.id) AS accountIds
CREATE (:PlaybookFiring {tenant: $tenant, id: p[0] + '-firing', playbookId: p[0], accountIds: accountIds,
  firedAt: datetime($firedAt)})`,
    },
    { tenant, firedAt: iso(PLAYBOOK_FIRED) },
  );
  await executor.write(
    {
      name: "test.anchors.lateMpuUse",
      text: `MATCH (a:Account {tenant: $tenant, externalId: 'A-10'})
CREATE (:MpuUse {tenant: $tenant, id: 'use-late', mpuId: 'mpu-late', accountId: a.id, appliedAt: datetime($appliedAt),
  status: 'PENDING'})-[:ON]->(a)`,
    },
    { tenant, appliedAt: iso(NOW - HOUR) },
  );
  const defined = dataOf(await api.run(DefineValueAnchorDocument, { input: anchorInput() }, as("analyst")));
  anchorId = defined.defineValueAnchor.id;
}, 420_000);

afterAll(async () => {
  await api?.stop();
});

describe("a support anchor that is missed", () => {
  it("computes a baseline near 72 h, backfills the weekly series and is at risk", async () => {
    const anchor = dataOf(await api.run(ValueAnchorDocument, { id: anchorId }, as("viewer"))).valueAnchor;
    expect(anchor.id).toMatch(/^anc_/);
    expect(anchor.baseline.value!).toBeGreaterThan(60);
    expect(anchor.baseline.n).toBeGreaterThan(50);
    expect(anchor.series).toHaveLength(8);
    const withRecords = anchor.series.filter((p) => p.n > 0);
    expect(withRecords.length).toBeGreaterThanOrEqual(5);
    // Only key accounts' tickets count: all 120 of them (20 accounts, six weeks) are resolved inside the eight
    // weeks, the 120 of standard accounts are not counted. Per week the count depends on where Monday falls
    // (a ticket is counted in the week it was resolved), so the test asserts the total.
    expect(withRecords.reduce((sum, p) => sum + p.n, 0)).toBe(120);
    expect(anchor.status).toBe("AT_RISK");
    expect(anchor.statusReason).toMatch(/against the target 4/);
    expect(anchor.projection.method).toBe("THEIL_SEN");
    expect(anchor.projection.valueAtDeadline!).toBeGreaterThan(4);
    expect(anchor.metric.description).toBe("median resolution time of tickets (segments: Key Account)");
  });

  it("keeps every point traceable to its anchor version, metric and ticket records", async () => {
    const anchor = dataOf(await api.run(ValueAnchorDocument, { id: anchorId }, as("viewer"))).valueAnchor;
    const point = anchor.latest!;
    expect(point.anchorVersion).toBe(1);
    expect(point.metricHash).toBe(anchor.metricHash);
    expect(JSON.parse(point.population)).toMatchObject({
      measure: "RESOLUTION_HOURS",
      aggregation: "MEDIAN",
      filter: { segments: ["Key Account"] },
    });
    expect(point.recordIds).toHaveLength(point.n);
    const rows = await executor.read(
      {
        name: "test.anchors.pointRecords",
        text: `MATCH (t:Ticket {tenant: $tenant})-[:FOR_ACCOUNT]->(a:Account) WHERE t.id IN $ids
RETURN count(t) AS tickets, collect(DISTINCT a.segment) AS segments`,
      },
      { tenant, ids: point.recordIds },
    );
    expect(rows[0]).toEqual({ tickets: point.n, segments: ["Key Account"] });
  });

  it("traces one point through its anchor version and metric to exactly its ticket records and source system", async () => {
    const anchor = dataOf(await api.run(ValueAnchorDocument, { id: anchorId }, as("viewer"))).valueAnchor;
    const point = anchor.latest!;
    const lineage = dataOf(
      await api.run(LineageDocument, { of: { id: anchorId, field: point.weekStart } }, as("viewer")),
    ).lineage;
    expect(lineage.kind).toBe("ANCHOR_POINT");
    expect(lineage.rootId).toBe(`anchor-point:${anchorId}@${point.weekStart}`);
    expect(lineage.recordCount).toBe(point.n);
    expect(lineage.truncated).toBe(false);
    const kinds = (kind: string) => lineage.nodes.filter((n) => n.kind === kind);
    expect(kinds("ANCHOR_VERSION").map((n) => n.version)).toEqual(["1"]);
    expect(kinds("METRIC_DEFINITION")[0]!.properties).toMatchObject({
      metricHash: anchor.metricHash,
      measure: "RESOLUTION_HOURS",
      aggregation: "MEDIAN",
    });
    const derived = lineage.edges
      .filter((e) => e.from === lineage.rootId && e.kind === "DERIVED_FROM")
      .map((e) => e.to);
    expect(
      kinds("TICKET")
        .map((n) => n.id)
        .sort(),
    ).toEqual([...point.recordIds!].sort());
    expect(derived.sort()).toEqual([...point.recordIds!].sort());
    const zendesk = sourceSystemId(tenant, "zendesk");
    expect(kinds("SOURCE_SYSTEM").map((n) => n.id)).toEqual([zendesk]);
    const observed = lineage.edges.filter((e) => e.kind === "OBSERVED_IN" && e.to === zendesk);
    expect(observed).toHaveLength(point.n);
    const ticket = kinds("TICKET")[0]!;
    const properties = ticket.properties as Record<string, unknown>;
    expect(properties).toMatchObject({ sourceSystem: "zendesk", priority: "HIGH" });
    expect(String(properties.externalId).startsWith("Z-")).toBe(true);
    expect(lineage.edges.some((e) => e.from === ticket.id && e.kind === "ABOUT")).toBe(true);
  });

  it("pages through a point's records with a small node budget and reaches each record once", async () => {
    const anchor = dataOf(await api.run(ValueAnchorDocument, { id: anchorId }, as("viewer"))).valueAnchor;
    const point = anchor.latest!;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const lineage: { nodes: Array<{ id: string; kind: string; properties: unknown }> } = dataOf(
        await api.run(
          LineageDocument,
          { of: { id: `anchor-point:${anchorId}@${point.weekStart}`, maxNodes: 9, after } },
          as("viewer"),
        ),
      ).lineage;
      const root = lineage.nodes.find((n) => n.kind === "ANCHOR_POINT")!.properties as Record<string, unknown>;
      expect(root.recordCount).toBe(point.n);
      seen.push(...lineage.nodes.filter((n) => n.kind === "TICKET").map((n) => n.id));
      after = (root.nextRecordsAfter as string | null) ?? null;
      if (after === null) break;
    }
    expect(seen.length).toBe(point.n);
    expect([...seen].sort()).toEqual([...point.recordIds!].sort());
  });

  it("names the Technical department with the largest share of the excess, with its tickets", async () => {
    const anchor = dataOf(
      await api.run(ValueAnchorDocument, { id: anchorId, top: 3, weeks: 4 }, as("viewer")),
    ).valueAnchor;
    const attribution = anchor.attribution;
    expect(attribution.method).toBe("EXCESS_OVER_TARGET");
    expect(attribution.groups.length).toBeGreaterThan(0);
    const top = attribution.groups[0]!;
    expect(top).toMatchObject({ dimension: "HOLDER", label: "team Technical" });
    expect(top.share).toBeGreaterThan(0.8);
    expect(top.recordIds.length).toBeGreaterThan(0);
    expect(top.recordIds.every((id) => id.startsWith("tkt_"))).toBe(true);
    expect(top.finding).toMatch(
      /^\d+% of the excess resolution time of tickets beyond the target \(4 h\) was held by team Technical/,
    );
    const holders = attribution.groups.filter((g) => g.dimension === "HOLDER");
    expect(Math.max(...holders.map((g) => g.share))).toBe(top.share);
  });

  it("shows the MPU's effect on the accounts it was applied to against the untouched key accounts", async () => {
    const effect = dataOf(
      await api.run(AnchorEffectDocument, { anchorId, mpuId: "mpu-fast-triage", weeks: 3 }, as("viewer")),
    ).anchorEffect;
    expect(effect).toMatchObject({ subjectKind: "MPU", subjectId: "mpu-fast-triage", treatedAccounts: 5 });
    expect(effect.controlAccounts).toBeGreaterThanOrEqual(10);
    expect(effect.difference!).toBeLessThan(-20);
    expect(effect.low!).toBeLessThanOrEqual(effect.difference!);
    expect(effect.high!).toBeGreaterThanOrEqual(effect.difference!);
    expect(effect.improved).toBe(true);
  });

  it("stores a new version on update and records both on the audit trail and in the change feed", async () => {
    const updated = dataOf(
      await api.run(UpdateValueAnchorDocument, { id: anchorId, input: { target: 8 } }, as("admin")),
    ).updateValueAnchor;
    expect(updated).toMatchObject({ version: 2, target: 8 });
    expect(updated.latest!.anchorVersion).toBe(2);
    const audit = await executor.read(
      {
        name: "test.anchors.audit",
        text: `MATCH (r:AuditRecord {tenant: $tenant}) WHERE r.kind STARTS WITH 'VALUE_ANCHOR' RETURN r.kind AS kind ORDER BY r.seq`,
      },
      { tenant },
    );
    expect(audit.map((r) => r.kind)).toEqual(["VALUE_ANCHOR_DEFINED", "VALUE_ANCHOR_UPDATED"]);
    const changes = dataOf(
      await api.run(
        ChangesDocument,
        { types: ["VALUE_ANCHOR_DEFINED", "VALUE_ANCHOR_UPDATED"], first: 100 },
        as("admin"),
      ),
    ).changes.events.filter((e) => e.recordId === anchorId);
    expect(changes.map((e) => [e.type, e.recordType])).toEqual([
      ["VALUE_ANCHOR_DEFINED", "VALUE_ANCHOR"],
      ["VALUE_ANCHOR_UPDATED", "VALUE_ANCHOR"],
    ]);
    const list = dataOf(await api.run(ValueAnchorsDocument, {}, as("viewer"))).valueAnchors;
    expect(list.map((a) => a.id)).toEqual([anchorId]);
  });
});

describe("effect of actions (difference in differences over HTTP)", () => {
  let standardAnchorId: string;
  const effectOf = async (subject: { playbookId?: string; mpuId?: string }, id = standardAnchorId) =>
    dataOf(await api.run(AnchorEffectDocument, { anchorId: id, weeks: 3, ...subject }, as("viewer"))).anchorEffect;

  beforeAll(async () => {
    const defined = dataOf(
      await api.run(
        DefineValueAnchorDocument,
        {
          input: anchorInput({
            name: "Resolution on standard accounts",
            metric: {
              population: "TICKETS",
              measure: "RESOLUTION_HOURS",
              aggregation: "MEAN",
              filter: { segments: ["Standard"] },
            },
            target: 1,
          }),
        },
        as("analyst"),
      ),
    );
    standardAnchorId = defined.defineValueAnchor.id;
  }, 120_000);

  it("finds the playbook's planted effect on the accounts it fired for, with an interval on the improving side", async () => {
    const effect = await effectOf({ playbookId: "pb-speedy" });
    expect(effect).toMatchObject({ subjectKind: "PLAYBOOK", subjectId: "pb-speedy", treatedAccounts: 5, weeks: 3 });
    expect(effect.controlAccounts).toBeGreaterThanOrEqual(10);
    // Accounts 20–24 went from 3–10 h to 1 h (−6.4 h on average); the others did not change.
    expect(effect.treatedChange!).toBeCloseTo(-6.4, 1);
    expect(effect.controlChange!).toBeCloseTo(0, 6);
    expect(effect.difference!).toBeCloseTo(-6.4, 1);
    expect(effect.low!).toBeLessThanOrEqual(effect.difference!);
    expect(effect.high!).toBeLessThan(0);
    expect(effect.improved).toBe(true);
    expect(effect.note).toBeNull();
    expect(Date.parse(effect.from)).toBeLessThan(Date.parse(effect.to));
  });

  it("gives the same interval for the same data (seeded bootstrap)", async () => {
    const [a, b] = [await effectOf({ playbookId: "pb-speedy" }), await effectOf({ playbookId: "pb-speedy" })];
    expect([a.low, a.high]).toEqual([b.low, b.high]);
  });

  it("finds the MPU's effect against the untouched key accounts over the key-account anchor", async () => {
    const effect = await effectOf({ mpuId: "mpu-fast-triage" }, anchorId);
    expect(effect).toMatchObject({ subjectKind: "MPU", treatedAccounts: 5, improved: true });
    expect(effect.difference!).toBeLessThan(-20);
  });

  it("says there is no data when the playbook touched no account", async () => {
    const effect = await effectOf({ playbookId: "pb-idle" });
    expect(effect).toMatchObject({ difference: null, low: null, high: null, treatedAccounts: 0, improved: false });
    expect(effect.note).toMatch(/has touched no account yet/);
  });

  it("says there is no data when the touched accounts have no records after the touch", async () => {
    const effect = await effectOf({ mpuId: "mpu-late" }, anchorId);
    expect(effect).toMatchObject({ difference: null, treatedAccounts: 0, improved: false });
    expect(effect.note).toMatch(/no touched account has records both before and after its first touch/);
  });

  it("warns that a comparison of fewer than five touched accounts is fragile", async () => {
    const effect = await effectOf({ playbookId: "pb-pair" });
    expect(effect.treatedAccounts).toBe(2);
    expect(effect.difference!).toBeLessThan(0);
    expect(effect.note).toMatch(/fewer than 5 accounts in a group/);
  });

  it("refuses to measure two actions at once", async () => {
    const error = onlyErrorOf(
      await api.run(
        AnchorEffectDocument,
        { anchorId: standardAnchorId, playbookId: "pb-speedy", mpuId: "mpu-fast-triage" },
        as("viewer"),
      ),
      200,
    );
    expect(error.extensions!.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/Name exactly one of playbookId and mpuId/);
  });
});

describe("impact of source fields on anchors", () => {
  const anchorUsages = async (system: string, field: string) =>
    dataOf(
      await api.run(ImpactDocument, { of: { id: sourceSystemId(tenant, system), field } }, as("viewer")),
    ).impact.usages.filter((u) => u.kind === "VALUE_ANCHOR");

  it("lists the anchor whose measure reads the tickets' resolvedAt of the system that sends them", async () => {
    // Both anchors of the file (key and standard accounts) measure resolution time of zendesk's tickets.
    const usages = await anchorUsages("zendesk", "resolvedAt");
    expect(usages).toHaveLength(2);
    expect(usages.find((u) => u.id === anchorId)!.label).toBe("First resolution on key accounts");
    for (const usage of usages) {
      expect(usage.relation).toMatch(/measures RESOLUTION_HOURS from resolvedAt of tickets from zendesk/);
    }
  });

  it("lists the anchor whose filter reads the accounts' segment", async () => {
    const usages = await anchorUsages("crm", "segment");
    expect(usages.find((u) => u.id === anchorId)!.relation).toBe("filters accounts by segment (Key Account)");
    expect(usages.map((u) => u.relation).sort()).toEqual([
      "filters accounts by segment (Key Account)",
      "filters accounts by segment (Standard)",
    ]);
  });

  it("does not list the anchor for a field it does not read, or a system that sends no tickets", async () => {
    expect(await anchorUsages("zendesk", "category")).toEqual([]);
    expect(await anchorUsages("crm", "resolvedAt")).toEqual([]);
  });
});

describe("refusals", () => {
  it("refuses a target on the wrong side of the baseline", async () => {
    const error = onlyErrorOf(
      await api.run(DefineValueAnchorDocument, { input: anchorInput({ target: 100 }) }, as("analyst")),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "ANCHOR_DIRECTION_INCONSISTENT" });
    expect(error.message).toMatch(/direction DECREASE needs a target below the baseline/);
  });

  it("lists every problem of an invalid definition with its path", async () => {
    const error = onlyErrorOf(
      await api.run(
        DefineValueAnchorDocument,
        {
          input: anchorInput({
            deadline: "2020-01-01",
            metric: { population: "TICKETS", measure: "RESOLUTION_HOURS", aggregation: "RATE" },
          }),
        },
        as("analyst"),
      ),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ANCHOR" });
    const paths = ((error.extensions as Record<string, unknown>).problems as Array<{ path: string }>)
      .map((p) => p.path)
      .sort();
    // RATE on hours, so the target 4 is no share either; and the deadline has passed.
    expect(paths).toEqual(["deadline", "metric.aggregation", "target"]);
  });

  it("lets only analysts and admins define anchors", async () => {
    const error = onlyErrorOf(await api.run(DefineValueAnchorDocument, { input: anchorInput() }, as("viewer")), 200);
    expect(error.extensions!.code).toBe("FORBIDDEN");
  });

  it("says which playbook is unknown", async () => {
    const error = onlyErrorOf(
      await api.run(AnchorEffectDocument, { anchorId, playbookId: "pb_nope" }, as("viewer")),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", reason: "EFFECT_SUBJECT_NOT_FOUND" });
  });

  it("shows another tenant neither the anchor nor its list", async () => {
    const other = uniqueTenant("anchors-other");
    const error = onlyErrorOf(await api.run(ValueAnchorDocument, { id: anchorId }, as("admin", other)), 200);
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", reason: "ANCHOR_NOT_FOUND" });
    expect(dataOf(await api.run(ValueAnchorsDocument, {}, as("admin", other))).valueAnchors).toEqual([]);
  });

  it("does not trace another tenant's anchor point", async () => {
    const other = uniqueTenant("anchors-other");
    const error = onlyErrorOf(await api.run(LineageDocument, { of: { id: anchorId } }, as("admin", other)), 200);
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", reason: "LINEAGE_TARGET_NOT_FOUND" });
  });

  it("says which weeks an anchor has when asked for a week outside its series", async () => {
    const error = onlyErrorOf(
      await api.run(LineageDocument, { of: { id: anchorId, field: "2001-01-03" } }, as("viewer")),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "NOT_FOUND", reason: "LINEAGE_TARGET_NOT_FOUND" });
    expect(error.message).toMatch(/has no point for the week of 2001-01-01; its series covers \d{4}-\d{2}-\d{2} to/);
  });
});
