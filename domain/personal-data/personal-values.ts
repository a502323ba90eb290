import { PersonalJsonKey, personalProperty } from "./catalogue";

/**
 * The personal values of one person, gathered from the stores the catalogue declares (a contact's name,
 * email and phone; a channel identity's attributes at the declared JSON paths) plus the identifiers they
 * are known by (external ids). Erasure scrubs exactly these wherever else they were copied.
 */
export interface PersonalValueSources {
  contacts: ReadonlyArray<Record<string, unknown>>;
  identities: ReadonlyArray<{ externalId: string; attributes: string | null; normalised: string | null }>;
  /** Free texts that may repeat them (consent evidence). */
  extra?: readonly string[];
}

/** Values shorter than this are scrubbed only where a whole value equals them (never inside other text). */
export const MIN_SUBSTRING_LENGTH = 4;

/** Leaf values of `json` at a catalogue path such as `address.lines[]` or `emails[]`. */
export function valuesAtPath(json: unknown, path: string): unknown[] {
  let current: unknown[] = [json];
  for (const step of path.split(".")) {
    const many = step.endsWith("[]");
    const name = many ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const node of current) {
      if (node === null || typeof node !== "object" || Array.isArray(node)) continue;
      const value = (node as Record<string, unknown>)[name];
      if (value === undefined || value === null) continue;
      if (many && Array.isArray(value)) next.push(...value);
      else next.push(value);
    }
    current = next;
  }
  return current;
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function strings(values: readonly unknown[]): string[] {
  return values.flatMap((v) => (typeof v === "string" ? [v] : typeof v === "number" ? [String(v)] : []));
}

/** Every personal value of the person, trimmed, distinct, longest first (so a long value is scrubbed before its parts). */
export function personalValuesOf(sources: PersonalValueSources): string[] {
  const found: string[] = [];
  for (const contact of sources.contacts) {
    for (const [property, value] of Object.entries(contact)) {
      if (property === "externalId" || personalProperty("Contact", property) !== undefined || property === "title") {
        found.push(...strings([value]));
      }
    }
  }
  const attributeKeys: readonly PersonalJsonKey[] = personalProperty("Identity", "attributes")?.json ?? [];
  const normalisedKeys: readonly PersonalJsonKey[] = personalProperty("Identity", "normalised")?.json ?? [];
  for (const identity of sources.identities) {
    found.push(identity.externalId);
    const attributes = parse(identity.attributes);
    const normalised = parse(identity.normalised);
    for (const key of attributeKeys) found.push(...strings(valuesAtPath(attributes, key.path)));
    for (const key of normalisedKeys) found.push(...strings(valuesAtPath(normalised, key.path)));
  }
  found.push(...(sources.extra ?? []));
  const distinct = [...new Set(found.map((v) => v.trim()).filter((v) => v.length > 0))];
  return distinct.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
