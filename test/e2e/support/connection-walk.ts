import {
  astFromValue,
  GraphQLArgument,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  print,
} from "graphql";

/** One step from a type to the next: a field (with the values of its required arguments) or a type condition. */
type Step = { kind: "field"; name: string; args: string } | { kind: "fragment"; type: string };

/** A connection field of the schema and how to reach it from the query root. */
export interface ConnectionTarget {
  /** `Type.field`, e.g. `Account.contacts` or `Query.concepts`. */
  name: string;
  /** The operation asking for the connection's totalCount, pageInfo and edge cursors, with a page size. */
  query(first: number | null): string;
  /** Every instance of the connection in a response to {@link query}, in document order. */
  instances(data: unknown): ConnectionInstance[];
}

export interface ConnectionInstance {
  totalCount: unknown;
  pageInfo: { hasNextPage: unknown; hasPreviousPage: unknown; startCursor: unknown; endCursor: unknown };
  edges: Array<{ cursor: unknown }>;
}

/**
 * Values for required arguments on the way to a connection, and for a connection's own optional arguments
 * the walk should set, keyed `Type.field.argument`.
 */
export type KnownArguments = Readonly<Record<string, unknown>>;

function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return false;
  const fields = type.getFields();
  return "totalCount" in fields && "pageInfo" in fields && "edges" in fields;
}

function requiredArgs(field: GraphQLField<unknown, unknown>): GraphQLArgument[] {
  return field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

function argText(args: ReadonlyArray<[GraphQLArgument, unknown]>): string {
  if (args.length === 0) return "";
  const parts = args.map(([arg, value]) => {
    const ast = astFromValue(value, arg.type);
    if (!ast) throw new Error(`cannot write ${JSON.stringify(value)} as a value of ${arg.name}: ${String(arg.type)}`);
    return `${arg.name}: ${print(ast)}`;
  });
  return `(${parts.join(", ")})`;
}

/** The steps out of a type: its fields leading to composite types, or a union's members. */
function stepsFrom(type: GraphQLNamedType, known: KnownArguments | null): Array<{ step: Step; to: GraphQLNamedType }> {
  if (isUnionType(type)) {
    return type.getTypes().map((member) => ({ step: { kind: "fragment", type: member.name }, to: member }));
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return [];
  const out: Array<{ step: Step; to: GraphQLNamedType }> = [];
  for (const field of Object.values(type.getFields())) {
    const to = getNamedType(field.type);
    if (!isObjectType(to) && !isInterfaceType(to) && !isUnionType(to)) continue;
    const required = requiredArgs(field);
    let args = "";
    if (known !== null) {
      const keys = required.map((arg) => `${type.name}.${field.name}.${arg.name}`);
      if (keys.some((key) => !(key in known))) continue;
      args = argText(required.map((arg, i) => [arg, known[keys[i]!]]));
    }
    out.push({ step: { kind: "field", name: field.name, args }, to });
  }
  return out;
}

/** Shortest paths from the query root to every reachable type (breadth first). */
function pathsFromRoot(schema: GraphQLSchema, known: KnownArguments | null): Map<string, Step[]> {
  const root = schema.getQueryType();
  if (!root) throw new Error("the schema has no query type");
  const paths = new Map<string, Step[]>([[root.name, []]]);
  const queue: GraphQLNamedType[] = [root];
  while (queue.length > 0) {
    const type = queue.shift()!;
    for (const { step, to } of stepsFrom(type, known)) {
      if (paths.has(to.name)) continue;
      paths.set(to.name, [...paths.get(type.name)!, step]);
      queue.push(to);
    }
  }
  return paths;
}

function collect(value: unknown, steps: readonly Step[], out: unknown[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, steps, out);
    return;
  }
  if (steps.length === 0) {
    out.push(value);
    return;
  }
  const [step, ...rest] = steps as [Step, ...Step[]];
  // A type condition selects nothing of its own: the object's fields sit beside the others.
  if (step.kind === "fragment") collect(value, rest, out);
  else collect((value as Record<string, unknown>)[step.name], rest, out);
}

/**
 * Every field of the schema whose type is a Relay connection, reachable from the query root, at top level
 * or nested under the types its fields lead to; each with the shortest path that reaches it using only
 * arguments the caller can fill in. New connections are found without a change here; a connection that
 * can be reached only through an argument missing from `known` is an error naming it.
 */
export function connectionTargets(schema: GraphQLSchema, known: KnownArguments): ConnectionTarget[] {
  const reachable = pathsFromRoot(schema, null);
  const usable = pathsFromRoot(schema, known);
  const targets: ConnectionTarget[] = [];
  for (const typeName of [...reachable.keys()].sort()) {
    const type = schema.getType(typeName)!;
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isConnection(getNamedType(field.type))) continue;
      const name = `${typeName}.${field.name}`;
      const path = usable.get(typeName);
      if (path === undefined) {
        throw new Error(
          `${name} can be reached only through fields with required arguments the walk has no values for; ` +
            `add them to its known arguments (e.g. "${reachable.get(typeName)!.find((s) => s.kind === "field")?.name}")`,
        );
      }
      const unknownArgs = requiredArgs(field).filter((arg) => !(`${name}.${arg.name}` in known));
      if (unknownArgs.length > 0) {
        throw new Error(`${name} requires ${unknownArgs.map((a) => a.name).join(", ")}; add values to the walk`);
      }
      const hasFirst = field.args.some((arg) => arg.name === "first");
      // Required arguments, and optional ones the caller chose a value for (e.g. a filter's threshold).
      const fixedArgs = field.args
        .filter((arg) => arg.name !== "first" && `${name}.${arg.name}` in known)
        .map((arg) => [arg, known[`${name}.${arg.name}`]] as [GraphQLArgument, unknown]);
      const steps: Step[] = [...path, { kind: "field", name: field.name, args: "" }];
      targets.push({
        name,
        query(first) {
          const firstArg = hasFirst && first !== null ? [[field.args.find((a) => a.name === "first")!, first]] : [];
          const args = argText([...fixedArgs, ...(firstArg as Array<[GraphQLArgument, unknown]>)]);
          const leaf = `${field.name}${args} { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } }`;
          const body = path.reduceRight(
            (inner, step) =>
              step.kind === "fragment" ? `... on ${step.type} { ${inner} }` : `${step.name}${step.args} { ${inner} }`,
            leaf,
          );
          return `query Walk { ${body} }`;
        },
        instances(data) {
          const out: unknown[] = [];
          collect(data, steps, out);
          return out as ConnectionInstance[];
        },
      });
    }
  }
  return targets;
}
