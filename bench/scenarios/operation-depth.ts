import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from "graphql";

/**
 * How deeply an operation nests fields, counted as Relata's depth limit counts them (fragments
 * expanded, introspection fields ignored).
 */
export function operationDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
  }
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (set === undefined) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === "Field") {
        if (!selection.name.value.startsWith("__")) {
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet) : 1);
        }
      } else if (selection.kind === "InlineFragment") {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, depthOf(fragments.get(selection.name.value)?.selectionSet));
      }
    }
    return deepest;
  };
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  return operation && "selectionSet" in operation ? depthOf(operation.selectionSet) : 0;
}
