import type { MappingSpec } from "../model/mapping.model";
import { ConceptSpec, OntologyPack } from "../model/ontology.model";

export interface ChangedItem {
  key: string;
  /** The top-level fields whose values differ, e.g. ["definition", "parts"]. */
  fields: string[];
}

export interface PackDiff {
  addedConcepts: string[];
  removedConcepts: string[];
  changedConcepts: ChangedItem[];
  addedMappings: string[];
  removedMappings: string[];
  changedMappings: ChangedItem[];
}

/** The key of a mapping within a pack: which field measures which concept. */
export function mappingKey(mapping: Pick<MappingSpec, "system" | "field" | "concept">): string {
  return `${mapping.system}/${mapping.field} → ${mapping.concept}`;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Concept lists whose order carries no meaning are compared as sets. */
function normalizedConcept(concept: ConceptSpec): Record<string, unknown> {
  return {
    ...concept,
    broader: [...concept.broader].sort(),
    exactMatch: [...concept.exactMatch].sort(),
    closeMatch: [...concept.closeMatch].sort(),
    parts: [...concept.parts].sort((a, b) => a.concept.localeCompare(b.concept)),
    altLabel: Object.fromEntries(Object.entries(concept.altLabel).map(([lang, list]) => [lang, [...list].sort()])),
  };
}

function diffItems<T>(
  from: readonly T[],
  to: readonly T[],
  keyOf: (item: T) => string,
  normalize: (item: T) => Record<string, unknown>,
): { added: string[]; removed: string[]; changed: ChangedItem[] } {
  const before = new Map(from.map((item) => [keyOf(item), normalize(item)]));
  const after = new Map(to.map((item) => [keyOf(item), normalize(item)]));
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed: ChangedItem[] = [];
  for (const [key, next] of after) {
    const previous = before.get(key);
    if (previous === undefined) continue;
    const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])]
      .filter((field) => stable(previous[field]) !== stable(next[field]))
      .sort();
    if (fields.length > 0) changed.push({ key, fields });
  }
  changed.sort((a, b) => a.key.localeCompare(b.key));
  return { added, removed, changed };
}

/** What changed between two versions of a pack: concepts and mappings added, removed and changed. */
export function diffPacks(from: OntologyPack, to: OntologyPack): PackDiff {
  const concepts = diffItems(from.concepts, to.concepts, (c) => c.id, normalizedConcept);
  const mappings = diffItems(from.mappings, to.mappings, mappingKey, (m) => ({ ...m }));
  return {
    addedConcepts: concepts.added,
    removedConcepts: concepts.removed,
    changedConcepts: concepts.changed,
    addedMappings: mappings.added,
    removedMappings: mappings.removed,
    changedMappings: mappings.changed,
  };
}

/** A canonical JSON form of a pack, independent of the order of concepts, mappings and lists. */
export function canonicalPack(pack: OntologyPack): string {
  return stable({
    ...pack,
    concepts: [...pack.concepts].map(normalizedConcept).sort((a, b) => String(a.id).localeCompare(String(b.id))),
    mappings: [...pack.mappings].sort((a, b) => mappingKey(a).localeCompare(mappingKey(b))),
  });
}
