import { AnchorAggregation } from "./anchor-metric";

/**
 * The p-quantile of `values` by linear interpolation between order statistics at position p·(n − 1): the
 * definition of Cypher's `percentileCont`, so that points computed in the database and figures computed
 * here agree exactly. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** An anchor aggregation over item values (yes/no values as 1/0); null when there is nothing to aggregate. */
export function aggregate(aggregation: AnchorAggregation, values: readonly number[]): number | null {
  switch (aggregation) {
    case "COUNT":
      return values.length;
    case "SUM":
      return values.reduce((s, v) => s + v, 0);
    case "MEAN":
    case "RATE":
      return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
    case "MEDIAN":
      return percentile(values, 0.5);
    case "P90":
      return percentile(values, 0.9);
    default: {
      const never: never = aggregation;
      throw new Error(`unknown aggregation ${String(never)}`);
    }
  }
}
