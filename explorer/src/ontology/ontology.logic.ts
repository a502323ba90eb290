export interface ConceptRow {
  id: string;
  broader: ReadonlyArray<{ id: string }>;
}

export interface ConceptTreeNode<T extends ConceptRow> {
  concept: T;
  children: ConceptTreeNode<T>[];
}

/**
 * A pack's concepts as a tree by their broader links: a concept under each broader concept of the same
 * list (a concept with two broader ones appears under both), roots (no broader concept in the list) first
 * level; siblings by id. Pure.
 */
export function conceptTree<T extends ConceptRow>(concepts: readonly T[]): ConceptTreeNode<T>[] {
  const ids = new Set(concepts.map((c) => c.id));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const concept of concepts) {
    const parents = concept.broader.map((b) => b.id).filter((id) => ids.has(id) && id !== concept.id);
    if (parents.length === 0) roots.push(concept);
    for (const parent of parents) children.set(parent, [...(children.get(parent) ?? []), concept]);
  }
  const build = (concept: T, seen: ReadonlySet<string>): ConceptTreeNode<T> => ({
    concept,
    children: (children.get(concept.id) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => build(c, new Set([...seen, c.id]))),
  });
  return roots.sort((a, b) => a.id.localeCompare(b.id)).map((r) => build(r, new Set([r.id])));
}

/** Mappings grouped by source system, systems and fields by name. Pure. */
export function mappingsBySystem<T extends { system: string; field: string }>(
  mappings: readonly T[],
): Array<{ system: string; mappings: T[] }> {
  const groups = new Map<string, T[]>();
  for (const m of mappings) groups.set(m.system, [...(groups.get(m.system) ?? []), m]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([system, list]) => ({ system, mappings: [...list].sort((a, b) => a.field.localeCompare(b.field)) }));
}
