/**
 * How an upsert treats the optional fields a record leaves out.
 *
 * - `MERGE` (the default): an omitted field keeps its stored value, an explicit `null` clears it.
 * - `REPLACE`: the record is the whole truth; an omitted field is cleared, as if sent as `null`.
 */
export const UPSERT_MODES = ["MERGE", "REPLACE"] as const;
export type UpsertMode = (typeof UPSERT_MODES)[number];

/**
 * The properties a record will have once written: the sent ones, and for each field left out (`undefined`)
 * its stored value when merging, or `null`. The result has every field of `sent`, so its content hash is
 * the same whether a field was resent or kept, and a resend that changes nothing stays unchanged.
 */
export function mergeProperties(
  sent: Readonly<Record<string, unknown>>,
  stored: Readonly<Record<string, unknown>> | null,
  mode: UpsertMode,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(sent)) {
    const value = sent[key];
    if (value !== undefined) merged[key] = value;
    else merged[key] = mode === "MERGE" && stored !== null ? (stored[key] ?? null) : null;
  }
  return merged;
}
