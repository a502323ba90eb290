import { ImportColumn } from "./record-coercer";

export type HeaderResolution =
  | { ok: true; columns: ImportColumn[] }
  | { ok: false; code: "UNKNOWN_COLUMN" | "MISSING_COLUMN" | "DUPLICATE_COLUMN"; message: string };

/**
 * Matches a CSV header against the columns of a record type (names as the input's fields, nested ones
 * dotted, compared exactly after trimming). Every column of the file must be known and each given once,
 * and every required column must be there.
 */
export function resolveHeader(
  cells: readonly string[],
  columns: readonly ImportColumn[],
  typeName: string,
): HeaderResolution {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const resolved: ImportColumn[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of cells.entries()) {
    const name = raw.trim();
    const column = byName.get(name);
    if (column === undefined) {
      const near = columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
      return {
        ok: false,
        code: "UNKNOWN_COLUMN",
        message:
          `Column ${i + 1} of the header, "${name}", is not a field of ${typeName}` +
          (near ? ` (did you mean "${near.name}"? names are case-sensitive)` : "") +
          `. The columns are: ${columns.map((c) => c.name).join(", ")}.`,
      };
    }
    if (seen.has(name)) {
      return { ok: false, code: "DUPLICATE_COLUMN", message: `The header names column "${name}" twice; keep one.` };
    }
    seen.add(name);
    resolved.push(column);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    return {
      ok: false,
      code: "MISSING_COLUMN",
      message:
        `The header lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${typeName}. ` +
        `Required: ${columns
          .filter((c) => c.required)
          .map((c) => c.name)
          .join(", ")}.`,
    };
  }
  return { ok: true, columns: resolved };
}
