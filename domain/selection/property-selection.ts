/**
 * Which stored properties of a node a read returns (issue 18, decision 0035): the ones the request's
 * selection needs, named from a fixed allow-list, or all of them. Free of GraphQL and Neo4j: resolvers
 * compute it from the selection, repositories turn it into a Cypher map projection.
 */
export interface PropertySelection<P extends string = string> {
  /** Sorted and unique; null reads every property (`n {.*}`). */
  readonly properties: readonly P[] | null;
  /** The selection's shape as text, stable for equal selections: a cache key for statement text. */
  readonly key: string;
}

/** Every property: what a read returns when nothing narrower is known. */
export const ALL_PROPERTIES: PropertySelection<never> = Object.freeze({ properties: null, key: "*" });

/**
 * What each field of a type needs from the stored node to be resolved: its own property, others
 * (a masked or computed field), or none (a field served by its own loader, which needs only the id).
 */
export type FieldNeeds<P extends string> = Readonly<Record<string, readonly P[]>>;

/** A selection of exactly `properties` (deduplicated and sorted, so equal sets share one key). */
export function someProperties<P extends string>(properties: Iterable<P>): PropertySelection<P> {
  const sorted = [...new Set(properties)].sort();
  return { properties: sorted, key: sorted.join(",") };
}

/**
 * The properties that resolving `fields` needs, plus `always` (the id: loaders align rows by it and
 * nested lists start from it). A field that `needs` does not know reads every property: a field added to
 * the type later, without an entry here, still gets what it reads, only not faster.
 */
export function propertiesFor<P extends string>(
  fields: Iterable<string>,
  needs: FieldNeeds<P>,
  always: readonly P[],
): PropertySelection<P> {
  const properties = new Set<P>(always);
  for (const field of fields) {
    if (field === "__typename") continue;
    const need = Object.prototype.hasOwnProperty.call(needs, field) ? needs[field] : undefined;
    if (need === undefined) return ALL_PROPERTIES;
    for (const property of need) properties.add(property);
  }
  return someProperties(properties);
}

/** One selection that serves all of `selections` (a batch of loads of differently shaped requests). */
export function unionOf<P extends string>(
  selections: Iterable<PropertySelection<P> | undefined>,
): PropertySelection<P> {
  const properties = new Set<P>();
  let any = false;
  for (const selection of selections) {
    if (selection === undefined || selection.properties === null) return ALL_PROPERTIES;
    any = true;
    for (const property of selection.properties) properties.add(property);
  }
  return any ? someProperties(properties) : ALL_PROPERTIES;
}
