import { FilterError } from "./filter.errors";

/** A day written YYYY-MM-DD (a real calendar day), or null; anything else is an INVALID_FILTER error. */
export function isoDayFilter(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new FilterError(
      `${argument} must be a day written YYYY-MM-DD, e.g. 2026-12-31; received "${value.slice(0, 40)}".`,
    );
  }
  return value;
}

/** A filter's list as given, or null when not given (an empty list matches nothing, as asked). */
export function listFilter<T>(values: readonly T[] | null | undefined): readonly T[] | null {
  return values === null || values === undefined ? null : values;
}
