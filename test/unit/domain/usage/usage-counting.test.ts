import { categoriesOf } from "../../../../domain/usage/operation-categories";
import { UsageAggregator } from "../../../../domain/usage/usage-aggregator";
import { usagePrincipal } from "../../../../domain/usage/usage-principal";
import { fullWeeksBefore, weekStartOf } from "../../../../domain/usage/usage-week";

describe("usage weeks", () => {
  it("starts weeks on Monday, UTC", () => {
    expect(weekStartOf(new Date("2026-12-02T16:00:00Z"))).toBe("2026-11-30");
    expect(weekStartOf(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
    expect(weekStartOf(new Date("2026-11-29T23:59:59Z"))).toBe("2026-11-23");
  });

  it("lists the whole weeks before the current one, oldest first", () => {
    expect(fullWeeksBefore(new Date("2026-12-02T16:00:00Z"), 2)).toEqual(["2026-11-16", "2026-11-23"]);
  });
});

describe("categoriesOf", () => {
  it("marks automation and AI by the root field, anchors by any selected field, and every agent call as AI", () => {
    expect(categoriesOf("savePlaybook", [], false)).toEqual(["AUTOMATION"]);
    expect(categoriesOf("draftPlaybookFromText", [], false)).toEqual(["AI"]);
    expect(categoriesOf("account", ["name", "valueAnchors"], false)).toEqual(["ANCHOR"]);
    expect(categoriesOf("valueAnchor", ["attribution"], true)).toEqual(["AI", "ANCHOR"]);
    expect(categoriesOf("accounts", ["name"], false)).toEqual([]);
  });

  it("takes an extended prefix list", () => {
    const prefixes = { AUTOMATION: [], AI: [], ANCHOR: ["anchorBoard"] };
    expect(categoriesOf("anchorBoards", [], false, prefixes)).toEqual(["ANCHOR"]);
  });
});

describe("usagePrincipal", () => {
  it("names users by id, agents by name, and other tokens by a hash of their subject", () => {
    expect(usagePrincipal({ tenant: "t", subject: "ana@example.com", userId: "usr_1" })).toEqual({
      key: "usr_1",
      kind: "USER",
    });
    expect(usagePrincipal({ tenant: "t", subject: "x", userId: "usr_1", agent: "bot" })).toEqual({
      key: "agent:bot",
      kind: "AGENT",
    });
    const service = usagePrincipal({ tenant: "t", subject: "ana@example.com" });
    expect(service.kind).toBe("SERVICE");
    expect(service.key).not.toContain("ana");
  });
});

describe("UsageAggregator", () => {
  const user = { key: "usr_1", kind: "USER" as const };

  it("adds calls of the same cell up and drains them", () => {
    const agg = new UsageAggregator(10);
    agg.add("t", "2026-11-30", user, "accounts", []);
    agg.add("t", "2026-11-30", user, "accounts", []);
    agg.add("t", "2026-11-30", user, "lineage", []);
    const rows = agg.drain();
    expect(rows.map((r) => [r.operation, r.count])).toEqual([
      ["accounts", 2],
      ["lineage", 1],
    ]);
    expect(agg.size).toBe(0);
  });

  it("holds at most its cells and counts the calls it could not", () => {
    const agg = new UsageAggregator(1);
    agg.add("t", "w", user, "a", []);
    agg.add("t", "w", user, "b", []);
    agg.add("t", "w", user, "a", []);
    expect(agg.size).toBe(1);
    expect(agg.dropped).toBe(1);
    expect(agg.drain()[0]?.count).toBe(2);
  });
});
