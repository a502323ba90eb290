import { describeValue } from "./format";
import { ok, problem, Result } from "./result";

/**
 * ISO-8601 durations as used for aggregation windows ("P90D", "PT12H", "P1Y"). Only the
 * `PnYnMnWnDTnHnMnS` form is accepted. Windows are spans of elapsed time, not calendar arithmetic, so
 * "P1M" means the same span whatever the evaluation date: a year is the mean Gregorian year
 * ({@link YEAR_MS}, 365.2425 days) and a month a twelfth of it ({@link MONTH_MS}, 30.436875 days), the same
 * lengths as the `years` and `months` units (see units.ts and docs/decisions/0007), so that "P12M" is
 * "P1Y" and 12 months convert to exactly 1 year.
 */

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
/** Milliseconds in one day; also the unit of trend slopes. */
export const DAY_MS = 24 * HOUR_MS;
/**
 * The mean Gregorian year: 400 years have 146,097 days, so a year is 365.2425 days, exactly 31,556,952
 * seconds (the length numpy and XML Schema use for a year of elapsed time).
 */
export const YEAR_MS = 31_556_952 * SECOND_MS;
/** A twelfth of {@link YEAR_MS}: 30.436875 days, exactly 2,629,746 seconds. */
export const MONTH_MS = YEAR_MS / 12;

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const DURATION = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);

/** Component sizes in the order the pattern captures them. */
const COMPONENT_MS = [YEAR_MS, MONTH_MS, 7 * DAY_MS, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS] as const;

const EXAMPLES = `e.g. "P90D" (90 days), "PT12H" (12 hours), "P1Y" (365.2425 days) or "P1M2W" (44.44 days)`;

/**
 * Parses an ISO-8601 duration to milliseconds. Components may be combined; only the last one may have a
 * fraction ("PT1.5H"), as ISO-8601 requires. Negative durations and lower-case designators are rejected.
 */
export function parseDuration(text: unknown): Result<number> {
  if (typeof text !== "string") {
    return problem(`a duration must be ISO-8601 text, ${EXAMPLES}; received ${describeValue(text)}`);
  }
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const match = DURATION.exec(text);
  if (match === null) {
    const hint = /^p/.test(text) || /[a-z]/.test(text.slice(1)) ? " (designators are upper-case)" : "";
    return problem(`${shown} is not an ISO-8601 duration${hint}; write P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S, ${EXAMPLES}`);
  }
  const components = match.slice(1);
  const given = components.flatMap((value, index) => (value === undefined ? [] : [index]));
  if (given.length === 0) {
    return problem(`${shown} has no components; a duration needs at least one, ${EXAMPLES}`);
  }
  if (text.endsWith("T")) {
    return problem(`${shown} has a "T" but no hours, minutes or seconds after it; drop the "T" or add a time part`);
  }
  const last = given[given.length - 1];
  let total = 0;
  for (const index of given) {
    const written = components[index] as string;
    if (index !== last && /[.,]/.test(written)) {
      return problem(`${shown} has a fraction in a component other than the last; only the smallest may be fractional`);
    }
    total += Number(written.replace(",", ".")) * COMPONENT_MS[index];
  }
  if (!Number.isFinite(total)) return problem(`${shown} is too long to represent`);
  return ok(total);
}

/** Parses an aggregation window: an ISO-8601 duration that is longer than zero. */
export function parseWindow(text: unknown): Result<number> {
  const parsed = parseDuration(text);
  if (!parsed.ok) return parsed;
  if (parsed.value <= 0) {
    return problem(`the window ${JSON.stringify(text)} is empty; a window must be longer than zero, ${EXAMPLES}`);
  }
  return parsed;
}
