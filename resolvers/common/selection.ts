import { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

function selects(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): boolean {
  if (set === undefined) return false;
  return set.selections.some((selection) => {
    switch (selection.kind) {
      case "Field":
        return selection.name.value === name;
      case "InlineFragment":
        return selects(selection.selectionSet, name, info);
      case "FragmentSpread": {
        const fragment = info.fragments[selection.name.value];
        return fragment !== undefined && selects(fragment.selectionSet, name, info);
      }
      default:
        return false;
    }
  });
}

/** Whether the current field's selection asks for `name` directly (e.g. a connection's totalCount). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node: FieldNode) => selects(node.selectionSet, name, info));
}
