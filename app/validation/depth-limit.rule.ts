import { ASTVisitor, FragmentDefinitionNode, GraphQLError, SelectionSetNode, ValidationContext } from "graphql";

/**
 * Rejects operations nested deeper than `maxDepth` fields, before anything runs, so that one query
 * cannot fan out across the whole graph.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
    }

    function depthOf(set: SelectionSetNode | undefined, seen: Set<string>): number {
      if (set === undefined) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === "Field") {
          if (selection.name.value.startsWith("__")) continue;
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
        } else if (selection.kind === "InlineFragment") {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment === undefined || seen.has(name)) continue;
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name])));
        }
      }
      return deepest;
    }

    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          const name = node.name ? `"${node.name.value}" ` : "";
          context.reportError(
            new GraphQLError(
              `The operation ${name}is nested ${depth} levels deep; at most ${maxDepth} are allowed. ` +
                `Split it into several operations.`,
              { nodes: [node], extensions: { code: "BAD_USER_INPUT", reason: "QUERY_TOO_DEEP" } },
            ),
          );
        }
      },
    };
  };
}
