import { attributeGap, AttributionItem } from "../../../domain/anchors/anchor-attribution";
import { MEASURES } from "../../../domain/anchors/anchor-metric";

/** A small generator (mulberry32) so the golden data set is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = [
  { key: "tem_first", label: "team First line" },
  { key: "tem_technical", label: "team Technical" },
  { key: "tem_billing", label: "team Billing" },
];

/**
 * Tickets of key accounts: every ticket is held by first line for 1–3 h; a third go on to Technical, who
 * sit on them for 30–90 h (the planted cause), a third to Billing for 1–3 h. Categories and regions are
 * spread evenly and carry no cause.
 */
function plantedTickets(count: number, seed = 1): AttributionItem[] {
  const next = random(seed);
  return [...Array(count).keys()].map((i) => {
    const first = 1 + next() * 2;
    const route = i % 3;
    const second = route === 1 ? 30 + next() * 60 : route === 2 ? 1 + next() * 2 : 0;
    const holds = [{ ...TEAMS[0]!, hours: first }, ...(route === 0 ? [] : [{ ...TEAMS[route]!, hours: second }])];
    const total = first + second;
    return {
      id: `tkt_${String(i).padStart(4, "0")}`,
      accountId: `acc_${i % 40}`,
      value: total,
      groups: {
        HOLDER: holds.map((h) => ({ key: h.key, label: h.label, weight: h.hours / total })),
        CATEGORY: [{ key: ["billing", "technical", "access"][Math.floor(i / 3) % 3]!, label: "x", weight: 1 }],
        REGION: [{ key: i % 2 === 0 ? "north" : "south", label: i % 2 === 0 ? "north" : "south", weight: 1 }],
        SOURCE_SYSTEM: [{ key: "zendesk", label: "zendesk", weight: 1 }],
      },
    };
  });
}

const options = {
  aggregation: "MEDIAN" as const,
  direction: "DECREASE" as const,
  target: 4,
  measure: MEASURES.RESOLUTION_HOURS,
  top: 3,
  maxRecordIds: 5,
};

describe("attribution (golden, planted cause)", () => {
  it("names the department late tickets wait on, with the largest share and the records behind it", () => {
    const tickets = plantedTickets(300);
    const result = attributeGap(tickets, { ...options, aggregation: "P90" });
    expect(result.method).toBe("EXCESS_OVER_TARGET");
    const top = result.groups[0]!;
    expect(top).toMatchObject({ dimension: "HOLDER", key: "tem_technical" });
    expect(top.share).toBeGreaterThan(0.9);
    expect(top.recordIds).toHaveLength(5);
    expect(top.finding).toMatch(
      /^9\d% of the excess resolution time of tickets beyond the target \(4 h\) was held by team Technical/,
    );
    expect(top.finding).toMatch(/tighten that team's SLA/);
    // A dimension everything belongs to is not named a cause.
    expect(result.groups.some((g) => g.dimension === "SOURCE_SYSTEM")).toBe(false);
  });

  it("shares out the gap of a mean exactly within each dimension", () => {
    const tickets = plantedTickets(90, 3);
    const result = attributeGap(tickets, { ...options, aggregation: "MEAN", top: 100 });
    expect(result.method).toBe("EXACT_ADDITIVE");
    const mean = tickets.reduce((s, t) => s + t.value, 0) / tickets.length;
    expect(result.total).toBeCloseTo(mean - 4, 9);
    const regions = result.groups.filter((g) => g.dimension === "REGION");
    expect(regions.reduce((s, g) => s + g.contribution, 0)).toBeCloseTo(mean - 4, 9);
  });

  it("gives each group of a rate its Shapley value n_g/n · (t − r_g), adding up to the gap", () => {
    const items: AttributionItem[] = [];
    // 100 renewals: region east renews 40%, west 90%; target 85%.
    for (let i = 0; i < 100; i += 1) {
      const east = i < 50;
      const renewed = east ? i % 5 < 2 : i % 10 < 9;
      items.push({
        id: `o${i}`,
        accountId: `a${i}`,
        value: renewed ? 1 : 0,
        groups: { REGION: [{ key: east ? "east" : "west", label: east ? "east" : "west", weight: 1 }] },
      });
    }
    const result = attributeGap(items, {
      ...options,
      aggregation: "RATE",
      direction: "INCREASE",
      target: 0.85,
      measure: MEASURES.RENEWED,
    });
    expect(result.method).toBe("EXACT_RATE_SHAPLEY");
    expect(result.total).toBeCloseTo(0.85 - 0.65, 9);
    const east = result.groups.find((g) => g.key === "east")!;
    expect(east.contribution).toBeCloseTo(0.5 * (0.85 - 0.4), 9);
    expect(result.groups[0]!.key).toBe("east");
  });

  it("attributes nothing when the metric meets the target", () => {
    const result = attributeGap(plantedTickets(30), { ...options, target: 500 });
    expect(result.groups).toEqual([]);
    expect(result.note).toMatch(/meets the target/);
  });
});
