/**
 * Small checks shared by the record validators. Each returns a problem in plain words, or null.
 * `where` names the field as the integrator wrote it, e.g. "account.externalId".
 */

export const SOURCE_SYSTEM_KEY = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredText(value: unknown, where: string, maxLength: number): string | null {
  if (typeof value !== "string") return `${where} is required and must be text`;
  if (value.trim().length === 0) return `${where} must not be empty`;
  if (value.length > maxLength) return `${where} is ${value.length} characters long; at most ${maxLength} are allowed`;
  return null;
}

export function optionalText(value: unknown, where: string, maxLength: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") return `${where} must be text`;
  if (value.length > maxLength) return `${where} is ${value.length} characters long; at most ${maxLength} are allowed`;
  return null;
}

export function sourceSystemKey(value: unknown, where: string): string | null {
  if (typeof value !== "string" || !SOURCE_SYSTEM_KEY.test(value)) {
    return (
      `${where} must be a source system key of lower-case letters, digits, ".", "_" or "-" ` +
      `(at most 64, e.g. "salesforce"); received ${JSON.stringify(value)}`
    );
  }
  return null;
}

export function oneOf(value: unknown, where: string, allowed: readonly string[], required: boolean): string | null {
  if (value === null || value === undefined) return required ? `${where} is required` : null;
  if (typeof value !== "string" || !allowed.includes(value)) {
    return `${where} must be one of ${allowed.join(", ")}; received ${JSON.stringify(value)}`;
  }
  return null;
}

export function nonNegativeNumber(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) return `${where} must be a finite number`;
  if (value < 0) return `${where} must not be negative; received ${value}`;
  return null;
}

/** Whether Y-M-D names a real calendar day (Date.parse would roll 2026-02-30 over to March). */
function realDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isoDate(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string" || !ISO_DATE.test(value) || !realDay(value)) {
    return `${where} must be a date written YYYY-MM-DD; received ${JSON.stringify(value)}`;
  }
  return null;
}

export function isoInstant(value: unknown, where: string): string | null {
  if (typeof value !== "string" || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)) || !realDay(value)) {
    return (
      `${where} must be an ISO-8601 date and time with a zone, e.g. "2026-03-01T09:30:00Z"; ` +
      `received ${JSON.stringify(value)}`
    );
  }
  return null;
}

export function email(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string" || !EMAIL.test(value) || value.length > 320) {
    return `${where} is not an e-mail address; received ${JSON.stringify(value)}`;
  }
  return null;
}

/** The first problem of a list of checks, or null. */
export function firstProblem(...problems: Array<string | null>): string | null {
  return problems.find((p): p is string => p !== null) ?? null;
}
