import neo4j from "neo4j-driver";

/**
 * Converts a value read from Neo4j into plain JavaScript: integers to numbers, temporal values to ISO
 * strings, nodes and relationships to their properties. Driver types never leave `graph/`.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = toPlain(value[i]);
    return out;
  }
  // Maps come back from the driver as plain objects: the common case, checked before the driver types.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key in source) out[key] = toPlain(source[key]);
    return out;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isTemporalValue(value)) return normalizeTemporal(value as { toString(): string });
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) {
    return toPlain((value as { properties: Record<string, unknown> }).properties);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(item);
  return out;
}

/** Whether `value` is one of the driver's date, time or duration types. */
export function isTemporalValue(value: unknown): boolean {
  return (
    neo4j.isDateTime(value) ||
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  );
}

function normalizeTemporal(value: { toString(): string }): string {
  const text = value.toString();
  // DateTime values in UTC print as "...Z"; anything else keeps Neo4j's ISO rendering.
  if (neo4j.isDateTime(value)) return new Date(Date.parse(text)).toISOString();
  return text;
}

/** Prepares properties for writing: `Date` values become Neo4j DateTime (UTC), everything else passes. */
export function toNeo4jProperties(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => [
      key,
      value instanceof Date ? neo4j.types.DateTime.fromStandardDate(value) : value,
    ]),
  );
}
