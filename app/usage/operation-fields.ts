import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";

/** The most nested field names read per root field: enough to find an anchor field in any real query. */
const MAX_NESTED_NAMES = 500;

/** One root field of an operation and the names of the fields selected below it (schema names, never values). */
export interface RootFieldUse {
  name: string;
  nested: Set<string>;
}

/**
 * The root fields an operation selects, following fragments, each with the field names selected below it.
 * Only names from the document's selections are read: arguments, variables and aliases are not.
 */
export function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): RootFieldUse[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const nestedOf = (selectionSet: SelectionSetNode | undefined, into: Set<string>, seen: Set<string>): void => {
    if (selectionSet === undefined) return;
    for (const selection of selectionSet.selections) {
      if (into.size >= MAX_NESTED_NAMES) return;
      if (selection.kind === Kind.FIELD) {
        into.add(selection.name.value);
        nestedOf(selection.selectionSet, into, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        nestedOf(selection.selectionSet, into, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        nestedOf(fragments.get(selection.name.value)?.selectionSet, into, seen);
      }
    }
  };
  const roots: RootFieldUse[] = [];
  const rootsOf = (selectionSet: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__")) continue;
        const nested = new Set<string>();
        nestedOf(selection.selectionSet, nested, new Set());
        roots.push({ name: selection.name.value, nested });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        rootsOf(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) rootsOf(fragment.selectionSet, seen);
      }
    }
  };
  rootsOf(operation.selectionSet, new Set());
  return roots;
}
