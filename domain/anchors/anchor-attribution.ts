import { aggregate } from "./aggregate";
import { AnchorAggregation, AnchorDirection, MeasureSpec } from "./anchor-metric";
import { meetsTarget } from "./anchor-projection";

/**
 * The graph's dimensions a gap is decomposed over. HOLDER is who held a ticket (its assignment history;
 * tickets only); OWNER the account's owner; the others what the record or its account is linked to.
 */
export const ATTRIBUTION_DIMENSIONS = [
  "HOLDER",
  "OWNER",
  "PARTNER",
  "ASSET_MODEL",
  "REGION",
  "SOURCE_SYSTEM",
  "CATEGORY",
  "PLAYBOOK",
  "MPU",
] as const;
export type AttributionDimension = (typeof ATTRIBUTION_DIMENSIONS)[number];

/** One group an item belongs to in a dimension, with the item's weight in it (an item's weights sum to 1). */
export interface ItemGroup {
  key: string;
  label: string;
  weight: number;
}

/** One record of the anchor's population in the attribution window. */
export interface AttributionItem {
  id: string;
  accountId: string;
  value: number;
  /** Per dimension the groups it belongs to; a dimension left out or empty puts it in "(none)". */
  groups: Partial<Record<AttributionDimension, readonly ItemGroup[]>>;
}

export type AttributionMethod = "EXCESS_OVER_TARGET" | "EXACT_ADDITIVE" | "EXACT_RATE_SHAPLEY";

export interface AttributedGroup {
  dimension: AttributionDimension;
  key: string;
  label: string;
  /** The group's part of what is shared out (the gap, or the excess over target); shares of a dimension add to 1. */
  share: number;
  /** The group's part of the population (items, weighted as the gap is); a share well above it is a cause. */
  populationShare: number;
  contribution: number;
  /** Items of the group that contribute (weight > 0 and contribution > 0). */
  items: number;
  /** Those items' ids, the largest contributions first, at most `maxRecordIds`. */
  recordIds: string[];
  finding: string;
}

export interface AnchorAttribution {
  method: AttributionMethod;
  current: number | null;
  target: number;
  /** What is shared out: the gap (current − target, in the direction that misses) or the summed excess. */
  total: number;
  items: number;
  /** Items that miss the target on their own (value beyond it); for percentile metrics the ones that carry excess. */
  missing: number;
  groups: AttributedGroup[];
  /** Why there are no groups, when there are none. */
  note: string | null;
}

export interface AttributionOptions {
  aggregation: AnchorAggregation;
  direction: AnchorDirection;
  target: number;
  measure: MeasureSpec;
  top: number;
  maxRecordIds: number;
}

const NONE: ItemGroup = { key: "(none)", label: "(none)", weight: 1 };

/** The method for an aggregation (docs/value-anchors.md, "Attribution"). */
export function attributionMethod(aggregation: AnchorAggregation): AttributionMethod {
  if (aggregation === "MEDIAN" || aggregation === "P90") return "EXCESS_OVER_TARGET";
  return aggregation === "RATE" ? "EXACT_RATE_SHAPLEY" : "EXACT_ADDITIVE";
}

/**
 * Each item's part of what is shared out. Signed so that "worse than target" is positive.
 * - MEAN/RATE: (v − t)/n; summed, exactly mean − t. For a rate this is each group's Shapley value in the
 *   game "the group performs at target" (the rate is linear in the groups' rates, so the Shapley value is
 *   n_g/n · (r_g − t), and the values add up to the gap).
 * - SUM/COUNT: v − t/n (a count's v is 1); summed, exactly total − t.
 * - MEDIAN/P90: the item's excess beyond the target, max(0, v − t); what a percentile misses by is not
 *   additive over groups, so the approximation shares out the excess of the items that miss the target.
 */
function itemParts(values: readonly number[], o: AttributionOptions): number[] {
  const n = values.length;
  const sign = o.direction === "DECREASE" ? 1 : -1;
  switch (attributionMethod(o.aggregation)) {
    case "EXCESS_OVER_TARGET":
      return values.map((v) => Math.max(0, sign * (v - o.target)));
    case "EXACT_RATE_SHAPLEY":
      return values.map((v) => (sign * (v - o.target)) / n);
    case "EXACT_ADDITIVE":
      if (o.aggregation === "MEAN") return values.map((v) => (sign * (v - o.target)) / n);
      return values.map((v) => sign * ((o.aggregation === "COUNT" ? 1 : v) - o.target / n));
    default:
      throw new Error("unknown method");
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

const GROUP_PHRASES: Record<AttributionDimension, (label: string) => string> = {
  HOLDER: (l) => `was held by ${l}`,
  OWNER: (l) => `is on accounts owned by ${l}`,
  PARTNER: (l) => `is on accounts served by partner ${l}`,
  ASSET_MODEL: (l) => `is on accounts running asset model ${l}`,
  REGION: (l) => `is in region ${l}`,
  SOURCE_SYSTEM: (l) => `came through source system ${l}`,
  CATEGORY: (l) => `is in category ${l}`,
  PLAYBOOK: (l) => `is on accounts playbook ${l} fired for`,
  MPU: (l) => `is on accounts using MPU ${l}`,
};

const ACTIONS: Record<AttributionDimension, string> = {
  HOLDER: "tighten that holder's SLA or rebalance its queue",
  OWNER: "review those accounts with their owner",
  PARTNER: "review the partner's service agreement",
  ASSET_MODEL: "ask the product team about known issues of that model",
  REGION: "check staffing and routing in that region",
  SOURCE_SYSTEM: "check how that system hands records over",
  CATEGORY: "route that category to a specialised queue",
  PLAYBOOK: "check whether that playbook helps or hurts",
  MPU: "check whether that practice is applied as intended",
};

function finding(
  g: Omit<AttributedGroup, "finding">,
  method: AttributionMethod,
  o: AttributionOptions,
  current: number | null,
): string {
  const spec = o.measure;
  const unit = spec.unit === "" ? "" : ` ${spec.unit}`;
  const lead =
    method === "EXCESS_OVER_TARGET"
      ? `${pct(g.share)} of the excess ${spec.label} of ${spec.noun} beyond the target (${fmt(o.target)}${unit})`
      : `${pct(g.share)} of the gap between the ${spec.label} (${current === null ? "none" : fmt(current)}${unit}) and the target (${fmt(o.target)}${unit})`;
  const action =
    g.dimension === "HOLDER" && g.key.startsWith("tem_")
      ? "tighten that team's SLA or rebalance its queue"
      : ACTIONS[g.dimension];
  const population =
    g.dimension === "HOLDER"
      ? `it held ${pct(g.populationShare)} of the ${spec.noun}' time`
      : `${pct(g.populationShare)} of the ${spec.noun}`;
  return `${lead} ${GROUP_PHRASES[g.dimension](g.label)} (${population}; ${g.items} ${spec.noun} behind it); ${action}.`;
}

/**
 * Decomposes an anchor's miss over the graph's dimensions (docs/value-anchors.md, "Attribution"). Every
 * item's part ({@link itemParts}) is split over its groups by weight, so within one dimension the groups'
 * contributions add up to the total exactly. Groups are ranked by how much more of the gap they carry than
 * of the population (share − populationShare), so a group everything belongs to (one source system) does not
 * top the list for being everywhere; the `top` of them are returned.
 */
export function attributeGap(items: readonly AttributionItem[], o: AttributionOptions): AnchorAttribution {
  const values = items.map((i) => i.value);
  const current = aggregate(o.aggregation, values);
  const method = attributionMethod(o.aggregation);
  const base = { method, current, target: o.target, items: items.length };
  if (items.length === 0) {
    return { ...base, total: 0, missing: 0, groups: [], note: "no records of the population fall in the window" };
  }
  if (current !== null && meetsTarget(current, o.target, o.direction)) {
    return {
      ...base,
      total: 0,
      missing: 0,
      groups: [],
      note: `the metric (${fmt(current)}) meets the target; there is no gap to attribute`,
    };
  }
  const parts = itemParts(values, o);
  const total = parts.reduce((s, p) => s + p, 0);
  const sign = o.direction === "DECREASE" ? 1 : -1;
  const missing = values.filter((v) => sign * (v - o.target) > 0).length;
  if (!(total > 0)) {
    return {
      ...base,
      total,
      missing,
      groups: [],
      note: "no record misses the target on its own; nothing to attribute",
    };
  }
  const groups: Array<Omit<AttributedGroup, "finding">> = [];
  const dimensions = new Set<AttributionDimension>();
  for (const item of items) for (const d of Object.keys(item.groups) as AttributionDimension[]) dimensions.add(d);
  for (const dimension of dimensions) {
    const byKey = new Map<
      string,
      { label: string; contribution: number; population: number; ids: Array<[string, number]> }
    >();
    items.forEach((item, i) => {
      const listed = item.groups[dimension];
      const memberships = listed === undefined || listed.length === 0 ? [NONE] : listed;
      for (const m of memberships) {
        const entry = byKey.get(m.key) ?? { label: m.label, contribution: 0, population: 0, ids: [] };
        const part = (parts[i] as number) * m.weight;
        entry.contribution += part;
        entry.population += m.weight;
        if (part > 0 && m.weight > 0) entry.ids.push([item.id, part]);
        byKey.set(m.key, entry);
      }
    });
    for (const [key, e] of byKey) {
      if (key === NONE.key) continue;
      const ids = e.ids.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      groups.push({
        dimension,
        key,
        label: e.label,
        share: e.contribution / total,
        populationShare: e.population / items.length,
        contribution: e.contribution,
        items: ids.length,
        recordIds: ids.slice(0, o.maxRecordIds).map(([id]) => id),
      });
    }
  }
  const ranked = groups
    .filter((g) => g.contribution > 0)
    .sort(
      (a, b) =>
        b.share - b.populationShare - (a.share - a.populationShare) ||
        b.share - a.share ||
        a.dimension.localeCompare(b.dimension) ||
        a.key.localeCompare(b.key),
    )
    .slice(0, o.top);
  return {
    ...base,
    total,
    missing,
    groups: ranked.map((g) => ({ ...g, finding: finding(g, method, o, current) })),
    note: ranked.length === 0 ? "no group carries a part of the gap" : null,
  };
}
