import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  typeFromAST,
  valueFromASTUntyped,
} from "graphql";
import { FieldArguments } from "./field-costs";
import { CostModel, FieldCost } from "./cost-model";

export interface PageSizes {
  defaultSize: number;
  maxSize: number;
}

/** An operation's estimated cost and its most expensive top-level field. */
export interface CostEstimate {
  total: number;
  /** The top-level field (by response key) that costs most, and its cost; null for an empty operation. */
  largest: { key: string; cost: number } | null;
  /** The part of `total` under top-level `__schema` and `__type`: answered from memory, budgeted apart. */
  introspection: number;
}

/**
 * Estimates what an operation will cost before it runs: about one unit per object it returns, with lists
 * multiplied through their nesting (a connection holds `first` items, or the default page size), plus
 * the extra units of expensive fields ({@link CostModel}). Fragments count every time they are spread and
 * are costed once per page size (memoised), so the estimate is an upper bound computed in linear time.
 */
export function estimateCost(
  model: CostModel,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  pages: PageSizes,
): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, number>();

  const argumentsOf = (node: FieldNode, cost: FieldCost): FieldArguments => {
    const args: Record<string, unknown> = {};
    for (const argument of cost.field.args) {
      if (argument.defaultValue !== undefined) args[argument.name] = argument.defaultValue;
    }
    for (const argument of node.arguments ?? []) {
      args[argument.name.value] = valueFromASTUntyped(argument.value, variables);
    }
    return args;
  };

  const pageSize = (first: unknown): number => {
    if (typeof first !== "number" || !Number.isFinite(first)) return pages.defaultSize;
    // Out-of-range sizes are refused when the field runs; until then, count the most a page can hold.
    return Math.min(Math.max(0, Math.ceil(first)), pages.maxSize);
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, page: number | undefined): number => {
    if (node.name.value === "__typename") return 0;
    const cost = model.field(parent, node.name.value);
    if (cost === null) return 0;
    const args = cost.readsArguments ? argumentsOf(node, cost) : {};
    const items = cost.list ? (page ?? cost.listSize(args)) : 1;
    const own = cost.extra(args);
    if (cost.objectType === null || node.selectionSet === undefined) return items * own;
    const childPage = cost.paged ? pageSize(args.first) : undefined;
    return items * (1 + own + setCost(node.selectionSet, cost.objectType, childPage));
  };

  const fragmentCost = (name: string, page: number | undefined): number => {
    const key = `${name}|${page ?? ""}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (fragment === undefined) return 0;
    // A cycle (which validation rejects) costs nothing more instead of looping.
    memo.set(key, 0);
    const type = typeFromAST(schema, fragment.typeCondition);
    const cost = type === undefined ? 0 : setCost(fragment.selectionSet, type, page);
    memo.set(key, cost);
    return cost;
  };

  const setCost = (set: SelectionSetNode, parent: GraphQLNamedType, page: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        if (type !== undefined) total += setCost(selection.selectionSet, type, page);
      } else {
        total += fragmentCost(selection.name.value, page);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) return { total: 0, largest: null, introspection: 0 };
  // Top-level parts one by one (a field by its response key, a fragment by its name), to name the most
  // expensive in a refusal.
  const parts = new Map<string, number>();
  let introspection = 0;
  const add = (key: string, cost: number) => parts.set(key, (parts.get(key) ?? 0) + cost);
  const collect = (set: SelectionSetNode, type: GraphQLNamedType): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const cost = fieldCost(selection, type, undefined);
        if (INTROSPECTION_ROOTS.has(selection.name.value)) introspection += cost;
        add(selection.alias?.value ?? selection.name.value, cost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, type);
      } else {
        add(`...${selection.name.value}`, fragmentCost(selection.name.value, undefined));
      }
    }
  };
  collect(operation.selectionSet, root);
  let total = 0;
  let largest: CostEstimate["largest"] = null;
  for (const [key, cost] of parts) {
    total += cost;
    if (largest === null || cost > largest.cost) largest = { key, cost };
  }
  return { total, largest, introspection };
}

const INTROSPECTION_ROOTS: ReadonlySet<string> = new Set(["__schema", "__type"]);
