import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { rolesFor } from "../../resolvers/auth/role-matrix";
import { ROLES } from "../../resolvers/context";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 9, item 5: every mutation × every role over real HTTP, against the table in code. The mutations
// come from the served schema (introspection), so a new mutation is walked without touching this file.

const tenant = uniqueTenant("roles");
let api: TestApi;
let schema: GraphQLSchema;

/** A sample literal for each scalar the schema's mutations take. */
const SCALARS: Record<string, string> = {
  String: '"x"',
  ID: '"x"',
  Int: "1",
  Float: "1",
  Boolean: "false",
  DateTimeISO: '"2026-01-01T00:00:00Z"',
  JSON: "{}",
  JSONObject: "{}",
};

/** The smallest literal of a type: required fields only, empty lists. */
function sample(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return "[]";
  if (isEnumType(type)) return (type.getValues()[0] as { name: string }).name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${sample(f.type)}`).join(", ")} }`;
  }
  if (isScalarType(type)) {
    const literal = SCALARS[type.name];
    if (!literal) throw new Error(`Add a sample value for the scalar ${type.name} to role-matrix.test.ts.`);
    return literal;
  }
  throw new Error(`No sample for ${String(type)}`);
}

/** A call of the mutation with its required arguments and the smallest selection. */
function call(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length > 0 ? `(${args.map((a) => `${a.name}: ${sample(a.type)}`).join(", ")})` : "";
  const selection = isObjectType(getNamedType(field.type)) ? " { __typename }" : "";
  return `mutation { ${field.name}${argText}${selection} }`;
}

beforeAll(async () => {
  api = await startTestApi();
  const introspection = await api.post<IntrospectionQuery>(getIntrospectionQuery(), {}, { token: api.token(tenant) });
  schema = buildClientSchema(dataOf(introspection));
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("every mutation × every role (issue 9)", () => {
  it("answers as the role matrix says: allowed roles are never FORBIDDEN, others are, naming the roles needed", async () => {
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(10);
    const outcomes: Array<{ mutation: string; role: string; outcome: string }> = [];
    const expected: typeof outcomes = [];
    for (const field of mutations) {
      const allowed = rolesFor("Mutation", field.name);
      for (const role of ROLES) {
        const response = await api.post(call(field), {}, { token: api.token(tenant, role) });
        const errors = response.body.errors ?? [];
        const codes = errors.map((e) => e.extensions?.code);
        let outcome: string;
        if (!codes.includes("FORBIDDEN")) {
          // Allowed: the call may still fail on its sample arguments, but never on the role or as a crash.
          outcome = codes.some((c) => c === "UNAUTHENTICATED" || c === "INTERNAL_SERVER_ERROR")
            ? `unexpected ${codes.join(", ")}`
            : "allowed";
        } else {
          const [error] = errors;
          const namesRoles =
            errors.length === 1 &&
            response.status === 200 &&
            (response.body.data ?? null) === null &&
            JSON.stringify(error?.path) === JSON.stringify([field.name]) &&
            error?.message.startsWith(`Your role (${role}) may not call ${field.name}: it needs the `) === true &&
            allowed.every((r) => error.message.includes(r));
          outcome = namesRoles ? "forbidden" : `forbidden without naming the roles: ${JSON.stringify(errors)}`;
        }
        outcomes.push({ mutation: field.name, role, outcome });
        expected.push({ mutation: field.name, role, outcome: allowed.includes(role) ? "allowed" : "forbidden" });
      }
    }
    expect(outcomes).toEqual(expected);
    // Both answers occur: the walk is not vacuous.
    expect(new Set(outcomes.map((o) => o.outcome))).toEqual(new Set(["allowed", "forbidden"]));
  }, 300_000);

  it("stores nothing for a refused call", async () => {
    const refused = uniqueTenant("roles-refused");
    const response = await api.post(
      `mutation { upsertAccounts(input: [{ sourceSystem: "crm", externalId: "R-1", name: "Refused Ltd" }]) { created } }`,
      {},
      { token: api.token(refused, "analyst") },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const count = await api.post<{ accounts: { totalCount: number } }>(
      "{ accounts { totalCount } }",
      {},
      { token: api.token(refused, "viewer") },
    );
    expect(dataOf(count).accounts.totalCount).toBe(0);
  });
});
