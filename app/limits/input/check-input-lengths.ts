import {
  DocumentNode,
  GraphQLArgument,
  GraphQLError,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  getNamedType,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  typeFromAST,
  ValueNode,
} from "graphql";
import { formatCount, limitRefusal } from "../limit-refusal";
import { RequestLimits } from "../request-limits";
import { LENGTH_CLASS_ADVICE, lengthClassOf, lengthLimitOf } from "./length-classes";

/** Nesting allowed inside a JSON argument (mapping transforms, model weights); real ones nest a few levels. */
export const MAX_JSON_DEPTH = 32;

const BUILT_IN_STRINGS = new Set(["String", "ID"]);

/** Where a value sits, for the refusal: `Query.accounts(filter.search)`. */
interface Position {
  /** The schema coordinate that decides the value's length class. */
  coordinate: string;
  name: string;
  /** The field whose argument holds the value, e.g. "Query.accounts". */
  field: string;
  /** The path inside the argument, e.g. "filter.search" or "input[3].name". */
  path: string;
}

class TooLong extends Error {
  constructor(readonly refusal: GraphQLError) {
    super(refusal.message);
  }
}

/**
 * Checks the length of every string an operation passes to the API, in literals and in variables, before
 * it runs: every argument of every field (fragments included) and of every directive, down through lists,
 * input objects and JSON values. The limit of each value follows from its schema coordinate
 * ({@link lengthClassOf}), so a new argument or input field is covered without being listed.
 * Returns the refusal for the first value over its limit, or null.
 */
export function checkInputLengths(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  limits: RequestLimits,
): GraphQLError | null {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );

  const refuse = (position: Position, length: number, limit: number, what: string, advice: string): never => {
    const where = `${position.field}(${position.path})`;
    throw new TooLong(
      limitRefusal(
        "INPUT_TOO_LONG",
        `${where} is ${formatCount(length)} characters long; at most ${formatCount(limit)} are allowed for ` +
          `${what}. ${advice}`,
        { details: { argument: where, length, limit }, afterValidation: true },
      ),
    );
  };

  const checkString = (value: string, position: Position, typeName: string): void => {
    const lengthClass = lengthClassOf(position.coordinate, position.name, typeName);
    const limit = lengthLimitOf(lengthClass, limits);
    if (value.length > limit) {
      const { what, advice } = LENGTH_CLASS_ADVICE[lengthClass];
      refuse(position, value.length, limit, what, advice);
    }
  };

  const tooDeep = (position: Position): never => {
    const where = `${position.field}(${position.path})`;
    throw new TooLong(
      limitRefusal(
        "INPUT_TOO_DEEP",
        `${where} nests more than ${MAX_JSON_DEPTH} levels of lists and objects; flatten it.`,
        {
          details: { argument: where, limit: MAX_JSON_DEPTH },
          afterValidation: true,
        },
      ),
    );
  };

  /** Any JSON value (custom scalars): every string and key is text; nesting is bounded. */
  const checkJson = (value: unknown, position: Position, depth: number): void => {
    if (depth > MAX_JSON_DEPTH) tooDeep(position);
    if (typeof value === "string") {
      if (value.length > limits.maxTextLength) {
        const { what, advice } = LENGTH_CLASS_ADVICE.text;
        refuse(position, value.length, limits.maxTextLength, what, advice);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => checkJson(item, { ...position, path: `${position.path}[${i}]` }, depth + 1));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const at = { ...position, path: `${position.path}.${key.slice(0, 40)}` };
        if (key.length > limits.maxTextLength) {
          refuse(at, key.length, limits.maxTextLength, "a key", "Use shorter keys.");
        }
        checkJson(item, at, depth + 1);
      }
    }
  };

  /**
   * A value as sent in the variables, checked against the type expected where it is used. Bulk inputs carry
   * thousands of values, so the walk allocates nothing per value: the path below `root` is a stack of keys,
   * written out only for a refusal, and each input field's coordinate and limit are worked out once per
   * input type (issue 18).
   */
  const checkSent = (value: unknown, type: GraphQLInputType, root: Position, depth: number): void => {
    const below: Array<string | number> = [];
    const at = (where: { coordinate: string; name: string }): Position => ({
      coordinate: where.coordinate,
      name: where.name,
      field: root.field,
      path: below.reduce<string>(appendKey, root.path),
    });
    const walk = (item: unknown, itemType: GraphQLInputType, where: FieldPosition): void => {
      if (item === null || item === undefined) return;
      if (isNonNullType(itemType)) return walk(item, itemType.ofType, where);
      if (isListType(itemType)) {
        const items: readonly unknown[] = Array.isArray(item) ? item : [item];
        for (let i = 0; i < items.length; i += 1) {
          below.push(i);
          walk(items[i], itemType.ofType, where);
          below.pop();
        }
        return;
      }
      if (isInputObjectType(itemType)) {
        if (typeof item !== "object" || Array.isArray(item)) return;
        const fields = fieldPositions(itemType);
        for (const name of Object.keys(item)) {
          const field = fields.get(name);
          // An unknown field fails coercion before anything runs.
          if (field === undefined) continue;
          below.push(name);
          walk((item as Record<string, unknown>)[name], field.type, field);
          below.pop();
        }
        return;
      }
      if (isScalarType(itemType) && BUILT_IN_STRINGS.has(itemType.name)) {
        if (typeof item !== "string") return;
        if (item.length > (where.limit ?? limitOf(where, itemType.name))) checkString(item, at(where), itemType.name);
        return;
      }
      if (isScalarType(itemType)) checkJson(item, at(where), depth);
    };
    walk(value, type, { coordinate: root.coordinate, name: root.name, type, limit: null });
  };

  /** Each input field's coordinate and string limit (null: not a built-in string), made once per type. */
  const positionsByType = new Map<GraphQLInputObjectType, Map<string, FieldPosition>>();
  const fieldPositions = (type: GraphQLInputObjectType): Map<string, FieldPosition> => {
    let positions = positionsByType.get(type);
    if (positions === undefined) {
      positions = new Map();
      for (const field of Object.values(type.getFields())) {
        const where = { coordinate: `${type.name}.${field.name}`, name: field.name };
        const named = getNamedType(field.type);
        const limit = isScalarType(named) && BUILT_IN_STRINGS.has(named.name) ? limitOf(where, named.name) : null;
        positions.set(field.name, { ...where, type: field.type, limit });
      }
      positionsByType.set(type, positions);
    }
    return positions;
  };

  const limitOf = (where: { coordinate: string; name: string }, typeName: string): number =>
    lengthLimitOf(lengthClassOf(where.coordinate, where.name, typeName), limits);

  /** A literal value written in the document (variables inside it are checked as sent). */
  const checkLiteral = (node: ValueNode, type: GraphQLInputType, position: Position): void => {
    if (node.kind === Kind.VARIABLE) return checkSent(variables[node.name.value], type, position, 0);
    if (isNonNullType(type)) return checkLiteral(node, type.ofType, position);
    if (isListType(type)) {
      const items = node.kind === Kind.LIST ? node.values : [node];
      items.forEach((item, i) => checkLiteral(item, type.ofType, { ...position, path: `${position.path}[${i}]` }));
      return;
    }
    if (isInputObjectType(type)) {
      if (node.kind !== Kind.OBJECT) return;
      const fields = type.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (definition === undefined) continue;
        checkLiteral(field.value, definition.type, inputField(position, type.name, field.name.value));
      }
      return;
    }
    if (isEnumType(type)) return;
    if (node.kind === Kind.STRING && isScalarType(type) && BUILT_IN_STRINGS.has(type.name)) {
      checkString(node.value, position, type.name);
    } else if (isScalarType(type) && !BUILT_IN_STRINGS.has(type.name)) {
      checkLiteralJson(node, position, 0);
    }
  };

  const checkLiteralJson = (node: ValueNode, position: Position, depth: number): void => {
    if (node.kind === Kind.VARIABLE) return checkJson(variables[node.name.value], position, depth);
    if (node.kind === Kind.STRING) return checkJson(node.value, position, depth);
    if ((node.kind === Kind.LIST || node.kind === Kind.OBJECT) && depth >= MAX_JSON_DEPTH) tooDeep(position);
    if (node.kind === Kind.LIST) {
      node.values.forEach((item, i) =>
        checkLiteralJson(item, { ...position, path: `${position.path}[${i}]` }, depth + 1),
      );
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) {
        const at = { ...position, path: `${position.path}.${field.name.value}` };
        checkJson(field.name.value, at, depth + 1);
        checkLiteralJson(field.value, at, depth + 1);
      }
    }
  };

  const checkArguments = (
    owner: string,
    definitions: readonly GraphQLArgument[],
    nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  ): void => {
    for (const node of nodes ?? []) {
      const definition = definitions.find((argument) => argument.name === node.name.value);
      if (definition === undefined) continue;
      checkLiteral(node.value, definition.type, {
        coordinate: `${owner}(${definition.name}:)`,
        name: definition.name,
        field: owner,
        path: definition.name,
      });
    }
  };

  const visitedFragments = new Set<string>();
  const visit = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): void => {
    for (const selection of set.selections) {
      for (const directive of selection.directives ?? []) {
        const definition = schema.getDirective(directive.name.value);
        if (definition) checkArguments(`@${definition.name}`, definition.args, directive.arguments);
      }
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parent, selection.name.value);
        if (field === undefined || parent === undefined) continue;
        checkArguments(`${parent.name}.${field.name}`, field.args, selection.arguments);
        if (selection.selectionSet) visit(selection.selectionSet, namedTypeOf(field));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        visit(selection.selectionSet, narrowed);
      } else {
        // Each fragment's arguments are the same wherever it is spread: check them once.
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment === undefined || visitedFragments.has(name)) continue;
        visitedFragments.add(name);
        visit(fragment.selectionSet, typeFromAST(schema, fragment.typeCondition));
      }
    }
  };

  try {
    const root = schema.getRootType(operation.operation) ?? undefined;
    visit(operation.selectionSet, root);
    return null;
  } catch (error) {
    if (error instanceof TooLong) return error.refusal;
    throw error;
  }
}

/** Where a value sits below an argument: its schema coordinate and name, its type, and its string limit. */
interface FieldPosition {
  coordinate: string;
  name: string;
  type: GraphQLInputType;
  /** The length limit when the value is a built-in string, worked out once; null: work it out per value. */
  limit: number | null;
}

function appendKey(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : `${path}.${key}`;
}

function inputField(position: Position, typeName: string, name: string): Position {
  return { ...position, coordinate: `${typeName}.${name}`, name, path: `${position.path}.${name}` };
}

function fieldOf(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === undefined || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
  return parent.getFields()[name];
}

function namedTypeOf(field: GraphQLField<unknown, unknown>): GraphQLNamedType | undefined {
  let type = field.type;
  while (isNonNullType(type) || isListType(type)) type = type.ofType;
  return isCompositeType(type) ? type : undefined;
}
