import { FieldChange } from "./change-event";

/** Dates and date-times compare and travel as ISO text; everything else as it is. */
export function comparableValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields whose value differs between `before` (null: the record is new) and `after`, in `fields`
 * order, each marked personal when `personal` names it. A new record lists its non-null fields.
 */
export function diffFields(
  fields: readonly string[],
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
  personal: ReadonlySet<string> = new Set(),
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = comparableValue(before?.[field]);
    const now = comparableValue(after[field]);
    if (same(old, now)) continue;
    changes.push(personal.has(field) ? { field, old, new: now, personal: true } : { field, old, new: now });
  }
  return changes;
}
