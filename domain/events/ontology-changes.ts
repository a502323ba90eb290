import { RecordChange } from "./change-event";
import { diffFields } from "./field-diff";

/** What a pack's active version was before a store, and what the stored version holds. */
export interface PackVersionCounts {
  version: string;
  conceptCount: number;
  mappingCount: number;
}

/**
 * ONTOLOGY_PACK_STORED: a tenant stored a version of one of its packs. `recordId` is the pack id;
 * `changes` are `version`, `conceptCount` and `mappingCount` (old: the pack's active version before, null
 * for a new pack), then `active`: whether the stored version became the live one (a version older than
 * the active one is kept for export and diff only).
 */
export function packStoredChange(
  pack: string,
  stored: PackVersionCounts,
  previous: PackVersionCounts | null,
  activated: boolean,
): RecordChange {
  return {
    type: "ONTOLOGY_PACK_STORED",
    recordId: pack,
    externalId: null,
    sourceSystem: null,
    changes: [
      { field: "version", old: previous?.version ?? null, new: stored.version },
      { field: "conceptCount", old: previous?.conceptCount ?? null, new: stored.conceptCount },
      { field: "mappingCount", old: previous?.mappingCount ?? null, new: stored.mappingCount },
      { field: "active", old: null, new: activated },
    ],
  };
}

/** The id a mapping's events carry: its source system, field and concept, which together identify it. */
export function mappingRecordId(system: string, field: string, concept: string): string {
  return `${system}|${field}|${concept}`;
}

/** Mapping properties that are bookkeeping, not part of the mapping. */
const BOOKKEEPING = new Set(["updatedAt", "scope", "pack", "system", "field", "concept"]);

/** Nested specs, stored as JSON text; events carry them as values. */
const JSON_SETTINGS = new Set(["transform", "normalization", "aggregation"]);

function settings(props: Readonly<Record<string, unknown>> | null): Record<string, unknown> | null {
  if (props === null) return null;
  return Object.fromEntries(
    Object.entries(props)
      .filter(([key]) => !BOOKKEEPING.has(key))
      .map(([key, value]) => [
        key,
        JSON_SETTINGS.has(key) && typeof value === "string" ? (JSON.parse(value) as unknown) : value,
      ]),
  );
}

/**
 * MAPPING_SET when a tenant's mapping is new or its settings changed (the fields that differ, old and
 * new; every setting for a new one), MAPPING_REMOVED (every setting, new null) when `after` is null; null
 * when nothing changed. Nested specs (transform, normalization, aggregation) are values, not JSON text.
 */
export function mappingChange(
  key: { system: string; field: string; concept: string },
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>> | null,
): RecordChange | null {
  const old = settings(before);
  const now = settings(after);
  if (old === null && now === null) return null;
  const fields = [...new Set([...Object.keys(now ?? {}), ...Object.keys(old ?? {})])];
  const changes = diffFields(fields, old, now ?? {});
  if (changes.length === 0) return null;
  return {
    type: now === null ? "MAPPING_REMOVED" : "MAPPING_SET",
    recordId: mappingRecordId(key.system, key.field, key.concept),
    externalId: key.field,
    sourceSystem: key.system,
    changes,
  };
}
