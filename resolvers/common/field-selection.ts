import {
  FieldNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  InlineFragmentNode,
  FragmentSpreadNode,
  isAbstractType,
  isObjectType,
  SelectionSetNode,
} from "graphql";

/**
 * The selection below one field of the request, as far as reads need it (issue 18, decision 0035):
 * which fields are asked of an object type, and what is asked below each of them. Fragment spreads and
 * inline fragments are followed when their type condition applies to the object type, `@skip` and
 * `@include` are honoured, aliases are looked through (the same field twice under two aliases is one
 * field whose sub-selections merge).
 */
export class FieldSelection {
  private constructor(
    private readonly info: GraphQLResolveInfo,
    private readonly sets: readonly SelectionSetNode[],
  ) {}

  /** The selection of the field being resolved (all of its nodes, when it is asked more than once). */
  static of(info: GraphQLResolveInfo): FieldSelection {
    return new FieldSelection(info, selectionSets(info.fieldNodes));
  }

  /** The names of the fields asked of an object of `typeName` (without `__typename`). */
  fieldsOn(typeName: string): Set<string> {
    return new Set(this.fieldNodes(typeName).map((node) => node.name.value));
  }

  /** The selection below field `name` of an object of `typeName`, merged over its aliases. */
  below(typeName: string, name: string): FieldSelection {
    const nodes = this.fieldNodes(typeName).filter((node) => node.name.value === name);
    return new FieldSelection(this.info, selectionSets(nodes));
  }

  /** Whether field `name` is asked of an object of `typeName`. */
  has(typeName: string, name: string): boolean {
    return this.fieldNodes(typeName).some((node) => node.name.value === name);
  }

  private fieldNodes(typeName: string): FieldNode[] {
    const out: FieldNode[] = [];
    const visitedFragments = new Set<string>();
    const visit = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (!this.included(selection)) continue;
        switch (selection.kind) {
          case "Field":
            if (selection.name.value !== "__typename") out.push(selection);
            break;
          case "InlineFragment":
            if (this.applies(selection, typeName)) visit(selection.selectionSet);
            break;
          case "FragmentSpread": {
            const name = selection.name.value;
            const fragment = this.info.fragments[name];
            if (fragment === undefined || visitedFragments.has(name)) break;
            visitedFragments.add(name);
            if (this.appliesTo(fragment.typeCondition.name.value, typeName)) visit(fragment.selectionSet);
            break;
          }
        }
      }
    };
    for (const set of this.sets) visit(set);
    return out;
  }

  private included(selection: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    const variables = this.info.variableValues;
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
  }

  private applies(fragment: InlineFragmentNode, typeName: string): boolean {
    return fragment.typeCondition === undefined || this.appliesTo(fragment.typeCondition.name.value, typeName);
  }

  /** Whether a fragment on `condition` applies to an object of `typeName` (the type, or an interface or union of it). */
  private appliesTo(condition: string, typeName: string): boolean {
    if (condition === typeName) return true;
    const schema = this.info.schema;
    const conditionType = schema.getType(condition);
    const objectType = schema.getType(typeName);
    if (!isAbstractType(conditionType) || !isObjectType(objectType)) return false;
    return schema.isSubType(conditionType, objectType);
  }
}

function selectionSets(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet === undefined ? [] : [node.selectionSet]));
}
