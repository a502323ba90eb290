/**
 * How numbers and raw values are written in problems and explanations. Explanations are read by people
 * (and shown in the API), so numbers are rounded to what matters and never printed as 0.30000000000000004.
 */

/** Significant digits in explanations: enough to recompute a score by hand, short enough to read. */
const SIGNIFICANT_DIGITS = 6;

/** A number as people read it: integers in full, others to six significant digits. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}

/** A raw value with its type, for "expected …; received …" messages: `the string "high"`, `the number 4`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? `the number ${formatNumber(value)}` : formatNumber(value);
    case "string":
      return `the string ${JSON.stringify(shorten(value))}`;
    case "boolean":
      return `the boolean ${String(value)}`;
    default:
      if (Array.isArray(value)) return "a list";
      if (value instanceof Date) return "a date object";
      return `a value of type ${typeof value}`;
  }
}

/** A value as it appears in an explanation step: strings quoted, numbers formatted. */
export function showValue(value: number | string | boolean): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(shorten(value));
  return String(value);
}

/** Long strings are cut so one bad record cannot flood a message. */
function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
