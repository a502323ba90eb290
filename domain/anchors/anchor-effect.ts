import { aggregate, percentile } from "./aggregate";
import { AnchorAggregation, AnchorDirection } from "./anchor-metric";

/** One record of the anchor's population, with its account and when it happened. */
export interface EffectItem {
  accountId: string;
  /** ISO-8601 instant. */
  at: string;
  value: number;
}

export interface AnchorEffectOptions {
  aggregation: AnchorAggregation;
  direction: AnchorDirection;
  /** Weeks before and after each account's first touch that are compared. */
  weeks: number;
  /** Bootstrap resamples. */
  resamples: number;
  seed: number;
}

export interface AnchorEffectResult {
  /** (after − before) of touched accounts minus (after − before) of untouched ones; null without both groups. */
  difference: number | null;
  /** 95% bootstrap percentile interval of `difference`. */
  low: number | null;
  high: number | null;
  treatedChange: number | null;
  controlChange: number | null;
  treatedAccounts: number;
  controlAccounts: number;
  /** When untouched accounts are compared around (the median first touch). */
  controlPivot: string | null;
  /** Whether the interval lies wholly on the improving side (DECREASE: below 0). */
  improved: boolean;
  note: string | null;
}

const WEEK_MS = 7 * 86_400_000;

/** A small seeded generator (mulberry32): the same seed, the same resamples and interval. */
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

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Each account's change: the metric over its items in the weeks after its pivot minus the weeks before. */
function changes(
  byAccount: ReadonlyMap<string, EffectItem[]>,
  pivots: ReadonlyMap<string, number>,
  o: AnchorEffectOptions,
): number[] {
  const out: number[] = [];
  const span = o.weeks * WEEK_MS;
  for (const [accountId, pivot] of pivots) {
    const items = byAccount.get(accountId) ?? [];
    const before: number[] = [];
    const after: number[] = [];
    for (const item of items) {
      const t = Date.parse(item.at);
      if (t >= pivot - span && t < pivot) before.push(item.value);
      else if (t >= pivot && t < pivot + span) after.push(item.value);
    }
    if (before.length === 0 || after.length === 0) continue;
    const b = aggregate(o.aggregation, before);
    const a = aggregate(o.aggregation, after);
    if (a !== null && b !== null) out.push(a - b);
  }
  return out;
}

/**
 * Difference in differences (docs/value-anchors.md, "Effect of actions"): each touched account is compared
 * before and after its first touch (a playbook firing or task on it, an MPU applied to it), each untouched
 * account of the same population around the touched accounts' median first touch; the effect is the mean
 * change of the touched minus the mean change of the untouched. The 95% interval resamples accounts with
 * replacement within each group (percentile bootstrap, seeded). Accounts without records on both sides
 * are left out.
 */
export function differenceInDifferences(
  items: readonly EffectItem[],
  touched: ReadonlyMap<string, string>,
  o: AnchorEffectOptions,
): AnchorEffectResult {
  const byAccount = new Map<string, EffectItem[]>();
  for (const item of items) {
    const list = byAccount.get(item.accountId) ?? [];
    list.push(item);
    byAccount.set(item.accountId, list);
  }
  const treatedPivots = new Map<string, number>();
  for (const [accountId, at] of touched) treatedPivots.set(accountId, Date.parse(at));
  const pivotMs = percentile([...treatedPivots.values()], 0.5);
  const controlPivots = new Map<string, number>();
  if (pivotMs !== null) {
    for (const accountId of byAccount.keys())
      if (!touched.has(accountId)) controlPivots.set(accountId, Math.round(pivotMs));
  }
  const treated = changes(byAccount, treatedPivots, o);
  const control = changes(byAccount, controlPivots, o);
  const empty = {
    treatedAccounts: treated.length,
    controlAccounts: control.length,
    controlPivot: pivotMs === null ? null : new Date(Math.round(pivotMs)).toISOString(),
  };
  if (treated.length === 0 || control.length === 0) {
    return {
      ...empty,
      difference: null,
      low: null,
      high: null,
      treatedChange: treated.length === 0 ? null : mean(treated),
      controlChange: control.length === 0 ? null : mean(control),
      improved: false,
      note:
        treated.length === 0
          ? "no touched account has records both before and after its first touch"
          : "no untouched account of the population has records on both sides of the comparison date",
    };
  }
  const difference = mean(treated) - mean(control);
  const next = random(o.seed);
  const draws: number[] = [];
  const resample = (xs: readonly number[]) => {
    let s = 0;
    for (let i = 0; i < xs.length; i += 1) s += xs[Math.floor(next() * xs.length)] as number;
    return s / xs.length;
  };
  for (let r = 0; r < o.resamples; r += 1) draws.push(resample(treated) - resample(control));
  const low = percentile(draws, 0.025) as number;
  const high = percentile(draws, 0.975) as number;
  const improved = o.direction === "DECREASE" ? high < 0 : low > 0;
  const few = treated.length < 5 || control.length < 5;
  return {
    ...empty,
    difference,
    low,
    high,
    treatedChange: mean(treated),
    controlChange: mean(control),
    improved,
    note: few ? "fewer than 5 accounts in a group: the interval is wide and the comparison fragile" : null,
  };
}
