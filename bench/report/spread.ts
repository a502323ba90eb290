import type { Spread } from "./bench-result";

/** Median and range of a non-empty list. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error("spread of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

/** The spread of the non-null values, or null when there are none. */
export function spreadOrNull(values: ReadonlyArray<number | null>): Spread | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length === 0 ? null : spread(present);
}
