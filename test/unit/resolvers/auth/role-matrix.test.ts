import "reflect-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { AccessDeniedError } from "../../../../resolvers/auth/access.errors";
import { enforceRoleMatrix } from "../../../../resolvers/auth/role-guard";
import {
  accessDenial,
  allowsOperation,
  broadestRole,
  HTTP_ROUTE_ROLES,
  ROLE_MATRIX,
  RoleMatrix,
  rolesFor,
} from "../../../../resolvers/auth/role-matrix";
import { PERSONAL_CATEGORIES } from "../../../../domain/personal-data/catalogue";
import { ROLE_MATRIX_DOC, roleMatrixMarkdown, withRoleMatrix } from "../../../../resolvers/auth/role-matrix.markdown";
import { buildRelataSchema } from "../../../../resolvers/build-schema";
import { Role, ROLES } from "../../../../resolvers/context";

describe("the role matrix", () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildRelataSchema();
  }, 60_000);

  it("has an entry for every mutation of the schema (a new mutation without one fails here)", () => {
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(10);
    expect(mutations.filter((name) => !(`Mutation.${name}` in ROLE_MATRIX))).toEqual([]);
  });

  it("names only operations the schema has", () => {
    const fields = (type: "Query" | "Mutation") =>
      Object.keys((type === "Query" ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {});
    const stale = Object.keys(ROLE_MATRIX).filter((key) => {
      const [type, field] = key.split(".") as ["Query" | "Mutation", string];
      return !fields(type).includes(field);
    });
    expect(stale).toEqual([]);
  });

  it("is the matrix issue 9 asks for", () => {
    const writers = [
      "upsertSourceSystems",
      "upsertAccounts",
      "upsertContacts",
      "upsertOpportunities",
      "upsertAssets",
      "upsertOrganizations",
      "ingestSignals",
      "setOutcomes",
      "importOntology",
      "upsertMapping",
      "deleteMapping",
    ];
    const health = ["defineHealthModel", "calibrateHealthModel", "recomputeHealth", "setManualMeasure"];
    const allowed = (field: string) => [...rolesFor("Mutation", field)].sort();
    for (const field of writers)
      expect({ field, roles: allowed(field) }).toEqual({ field, roles: ["admin", "integrator"] });
    for (const field of health)
      expect({ field, roles: allowed(field) }).toEqual({ field, roles: ["admin", "analyst"] });
    expect(allowed("revokeToken")).toEqual(["admin"]);
    expect(allowed("exportOntology")).toEqual([...ROLES].sort());
  });

  it("lets admins call every operation", () => {
    expect(Object.entries(ROLE_MATRIX).filter(([, roles]) => !roles.includes("admin"))).toEqual([]);
  });

  it("leaves viewers only the reads that are mutations, and their own work (issue 11)", () => {
    const forViewers = Object.entries(ROLE_MATRIX).flatMap(([key, roles]) =>
      roles.includes("viewer") && key.startsWith("Mutation.") ? [key] : [],
    );
    // Completing a task assigned to you, deciding your playbook's proposal, acknowledging its receipt: the
    // service checks that the caller is the assignee or owner (or an admin); the role only lets them ask.
    expect(forViewers).toEqual([
      "Mutation.exportOntology",
      "Mutation.completeTask",
      "Mutation.confirmProposal",
      "Mutation.rejectProposal",
      "Mutation.acknowledgeReceipt",
    ]);
  });

  it("opens unlisted queries to every role and closes unlisted mutations to all", () => {
    expect(rolesFor("Query", "accounts")).toEqual(ROLES);
    expect(rolesFor("Mutation", "somethingNew")).toEqual([]);
  });
});

describe("accessDenial", () => {
  it("lets an allowed role through", () => {
    expect(accessDenial("integrator", "Mutation", "upsertAccounts")).toBeNull();
  });

  it("names the caller's role and every role that may call the operation", () => {
    expect(accessDenial("viewer", "Mutation", "upsertAccounts")).toBe(
      "Your role (viewer) may not call upsertAccounts: it needs the admin or integrator role. " +
        "Ask an admin of your tenant for a token with one of those roles.",
    );
    expect(accessDenial("integrator", "Mutation", "revokeToken")).toMatch(
      /^Your role \(integrator\) may not call revokeToken: it needs the admin role\. .*with that role\.$/,
    );
  });

  it("refuses a mutation missing from the matrix to everyone, admins included", () => {
    expect(accessDenial("admin", "Mutation", "somethingNew")).toMatch(
      /^No role may call somethingNew: it has no entry in the role matrix/,
    );
  });
});

describe("broadestRole", () => {
  it.each<[Role[], Role | null]>([
    [["viewer", "admin"], "admin"],
    [["viewer", "analyst"], "analyst"],
    [["integrator", "viewer", "integrator"], "integrator"],
    [["analyst", "integrator"], null],
    [["analyst", "integrator", "admin"], "admin"],
    [[], null],
  ])("collapses %p to %p", (roles, expected) => {
    expect(broadestRole(roles)).toBe(expected);
  });
});

describe("enforceRoleMatrix", () => {
  const calls: string[] = [];
  const resolver = (name: string) => () => {
    calls.push(name);
    return name;
  };
  const tiny = () =>
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: "Query",
        fields: {
          open: { type: GraphQLString, resolve: resolver("open") },
          restricted: { type: GraphQLString, resolve: resolver("restricted") },
        },
      }),
      mutation: new GraphQLObjectType({
        name: "Mutation",
        fields: {
          listed: { type: GraphQLString, resolve: resolver("listed") },
          forgotten: { type: GraphQLString, resolve: resolver("forgotten") },
        },
      }),
    });
  const matrix: RoleMatrix = { "Mutation.listed": ["admin", "analyst"], "Query.restricted": ["admin"] };

  async function run(schema: GraphQLSchema, source: string, role: Role) {
    const result = await graphql({
      schema,
      source,
      contextValue: { principal: { tenant: "t", role, subject: "s", tokenId: "j" } },
    });
    return { data: result.data, errors: (result.errors ?? []).map((e) => e.originalError) };
  }

  beforeEach(() => {
    calls.length = 0;
  });

  it("runs an allowed mutation", async () => {
    const result = await run(enforceRoleMatrix(tiny(), matrix), "mutation { listed }", "analyst");
    expect(result).toEqual({ data: { listed: "listed" }, errors: [] });
  });

  it("refuses a mutation to a role it does not list, before its resolver runs", async () => {
    const result = await run(enforceRoleMatrix(tiny(), matrix), "mutation { listed }", "viewer");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toBeInstanceOf(AccessDeniedError);
    expect(result.errors[0]?.message).toMatch(
      /Your role \(viewer\) may not call listed: it needs the admin or analyst/,
    );
    expect(calls).toEqual([]);
  });

  it("fails closed for a mutation missing from the matrix", async () => {
    const result = await run(enforceRoleMatrix(tiny(), matrix), "mutation { forgotten }", "admin");
    expect(result.errors[0]).toBeInstanceOf(AccessDeniedError);
    expect(result.errors[0]?.message).toMatch(/No role may call forgotten/);
    expect(calls).toEqual([]);
  });

  it("refuses a restricted query and leaves open ones as they were", async () => {
    const schema = tiny();
    const openResolve = schema.getQueryType()?.getFields().open?.resolve;
    enforceRoleMatrix(schema, matrix);
    expect(schema.getQueryType()?.getFields().open?.resolve).toBe(openResolve);
    const result = await run(schema, "{ open restricted }", "viewer");
    expect(result.data).toEqual({ open: "open", restricted: null });
    expect(result.errors[0]?.message).toMatch(/may not call restricted: it needs the admin role/);
    expect(calls).toEqual(["open"]);
  });

  it("refuses a matrix that names a field the schema does not have", () => {
    expect(() => enforceRoleMatrix(tiny(), { ...matrix, "Mutation.gone": ["admin"] })).toThrow(
      /The role matrix names Mutation\.gone, which the schema does not have/,
    );
  });
});

describe("the role matrix in docs/security.md", () => {
  /** Cell text per row: the comparison ignores column padding, which prettier may change. */
  const cells = (block: string) =>
    block
      .split("\n")
      .filter((line) => line.startsWith("|") && !/^\|[\s|-]+\|$/.test(line))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );

  it("is the table in code (run `npm run docs:roles` when this fails)", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "..", "..", ROLE_MATRIX_DOC.file), "utf8");
    const start = doc.indexOf(ROLE_MATRIX_DOC.start);
    const end = doc.indexOf(ROLE_MATRIX_DOC.end);
    expect({ start: start >= 0, end: end > start }).toEqual({ start: true, end: true });
    expect(cells(doc.slice(start, end))).toEqual(cells(roleMatrixMarkdown()));
  });

  it("prints one row per entry and one per default, each with a column per role", () => {
    const rows = cells(roleMatrixMarkdown());
    expect(rows[0]).toEqual(["Operation", ...ROLES]);
    // One row per personal-data category (issue 15, decision 0028) besides the operations.
    expect(rows).toHaveLength(
      1 + Object.keys(ROLE_MATRIX).length + Object.keys(HTTP_ROUTE_ROLES).length + PERSONAL_CATEGORIES.length + 2,
    );
    expect(rows.find((row) => row[0] === "personal data: SENSITIVE in clear")).toEqual([
      "personal data: SENSITIVE in clear",
      "yes",
      "no",
      "no",
      "no",
      "no",
    ]);
    expect(rows.find((row) => row[0] === "`revokeToken` (mutation)")).toEqual([
      "`revokeToken` (mutation)",
      "yes",
      "no",
      "no",
      "no",
      "no",
    ]);
  });

  it("replaces only the block between the markers", () => {
    const doc = `before\n${ROLE_MATRIX_DOC.start}\nold\n${ROLE_MATRIX_DOC.end}\nafter`;
    expect(withRoleMatrix(doc, "NEW")).toBe("before\nNEW\nafter");
    expect(() => withRoleMatrix("no markers")).toThrow(/has no role-matrix markers/);
  });
});

describe("allowsOperation: the matrix with the role cap (issue 11)", () => {
  it("caps a token's role by its user's roles", () => {
    expect(allowsOperation("Mutation.upsertAccounts", { tokenRole: "admin", userRoles: ["viewer"] })).toBe(false);
    expect(allowsOperation("Mutation.upsertAccounts", { tokenRole: "admin", userRoles: ["integrator"] })).toBe(true);
    expect(allowsOperation("Mutation.upsertAccounts", { tokenRole: "integrator", userRoles: null })).toBe(true);
  });

  it("lets a user's roles alone decide when no token is involved", () => {
    expect(allowsOperation("Mutation.revokeToken", { tokenRole: null, userRoles: ["admin"] })).toBe(true);
    expect(allowsOperation("Mutation.revokeToken", { tokenRole: null, userRoles: ["integrator"] })).toBe(false);
  });

  it("keeps the defaults of unlisted fields: reads open, writes closed", () => {
    expect(allowsOperation("Query.accounts", { tokenRole: "viewer", userRoles: ["viewer"] })).toBe(true);
    expect(allowsOperation("Mutation.notInTheMatrix", { tokenRole: "admin", userRoles: ["admin"] })).toBe(false);
  });
});
