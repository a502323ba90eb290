import { buildSchema, getOperationAST, GraphQLError, parse } from "graphql";
import { readFileSync } from "node:fs";
import { checkInputLengths, MAX_JSON_DEPTH } from "../../../../app/limits/input/check-input-lengths";
import { variablesWithDefaults } from "../../../../app/limits/operation-variables";
import { loadRequestLimits, RequestLimits } from "../../../../app/limits/request-limits";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const limits: RequestLimits = loadRequestLimits((_name, fallback) => fallback, 20_000);

function refusalOf(query: string, variables: Record<string, unknown> = {}, within = limits): GraphQLError | null {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no single operation");
  return checkInputLengths(schema, document, operation, variablesWithDefaults(operation, variables), within);
}

const SEARCH = "query($filter: AccountFilter) { accounts(filter: $filter) { totalCount } }";

describe("checkInputLengths", () => {
  describe("values within their limits", () => {
    it("accepts a search of exactly the search limit", () => {
      expect(refusalOf(SEARCH, { filter: { search: "a".repeat(limits.maxSearchLength) } })).toBeNull();
    });

    it("accepts a whole ontology pack far longer than any other value", () => {
      const content = "x".repeat(1_000_000);
      expect(
        refusalOf("mutation($c: String!) { importOntology(format: PACK, content: $c) { status } }", { c: content }),
      ).toBeNull();
    });

    it("accepts a record's text up to the text limit", () => {
      const input = [{ sourceSystem: "crm", externalId: "A-1", name: "n".repeat(limits.maxTextLength) }];
      expect(
        refusalOf("mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }", { input }),
      ).toBeNull();
    });
  });

  describe("values over their limits", () => {
    it("refuses a 10 MB search in a variable, naming the argument, its length and the limit", () => {
      const refusal = refusalOf(SEARCH, { filter: { search: "x".repeat(10 * 1024 * 1024) } });
      expect(refusal?.extensions).toEqual({
        code: "BAD_USER_INPUT",
        reason: "INPUT_TOO_LONG",
        argument: "Query.accounts(filter.search)",
        length: 10_485_760,
        limit: 200,
        http: { status: 400 },
      });
      expect(refusal?.message).toBe(
        "Query.accounts(filter.search) is 10,485,760 characters long; at most 200 are allowed for a search text. " +
          "Search with a few words.",
      );
    });

    it("refuses the same search written inline in the document", () => {
      const refusal = refusalOf(`{ accounts(filter: { search: "${"x".repeat(201)}" }) { totalCount } }`);
      expect(refusal?.extensions?.argument).toBe("Query.accounts(filter.search)");
    });

    it("refuses a long concepts search, a long id and a long cursor with their own limits", () => {
      expect(refusalOf(`{ concepts(search: "${"x".repeat(201)}") { totalCount } }`)?.extensions?.limit).toBe(200);
      const id = refusalOf("query($id: ID!) { account(id: $id) { id } }", { id: "x".repeat(257) });
      expect(id?.extensions).toMatchObject({ argument: "Query.account(id)", limit: 256 });
      const after = refusalOf(`{ accounts(after: "${"x".repeat(4097)}") { totalCount } }`);
      expect(after?.message).toMatch(/at most 4,096 are allowed for a cursor/);
    });

    it("refuses a long argument of a nested field, named by its schema coordinate", () => {
      const refusal = refusalOf(
        `query($id: ID!, $f: String) { account(id: $id) { signals(field: $f) { totalCount } } }`,
        { id: "acc_x", f: "f".repeat(257) },
      );
      expect(refusal?.extensions?.argument).toBe("Account.signals(field)");
    });

    it("refuses a long value inside a fragment", () => {
      const refusal = refusalOf(`
        query { ...Search }
        fragment Search on Query { accounts(filter: { search: "${"x".repeat(300)}" }) { totalCount } }`);
      expect(refusal?.extensions?.reason).toBe("INPUT_TOO_LONG");
    });

    it("refuses one long external id in a bulk call with the record's index", () => {
      const input = [
        { sourceSystem: "crm", externalId: "A-1", name: "Fine" },
        { sourceSystem: "crm", externalId: "x".repeat(300), name: "Too long an id" },
      ];
      const refusal = refusalOf("mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }", {
        input,
      });
      expect(refusal?.extensions?.argument).toBe("Mutation.upsertAccounts(input[1].externalId)");
      expect(refusal?.message).toMatch(/for an id or key/);
    });

    it("refuses a long string deep inside a JSON argument, and JSON nested too deeply", () => {
      const mapping = (transform: unknown) => ({
        input: {
          system: "crm",
          field: "csat",
          concept: "core:satisfaction",
          dataType: "NUMBER",
          polarity: "HIGHER_IS_BETTER",
          author: "a",
          aggregation: { kind: "latest" },
          normalization: { kind: "fixed", min: 0, max: 1 },
          transform,
        },
      });
      const query = "mutation($input: MappingInput!) { upsertMapping(input: $input) { field } }";
      const long = refusalOf(query, mapping({ kind: "lookup", table: { a: "x".repeat(5000) } }));
      expect(long?.extensions?.argument).toBe("Mutation.upsertMapping(input.transform.table.a)");

      let deep: unknown = 1;
      for (let i = 0; i <= MAX_JSON_DEPTH; i += 1) deep = [deep];
      const nested = refusalOf(query, mapping({ kind: "lookup", table: deep }));
      expect(nested?.extensions?.reason).toBe("INPUT_TOO_DEEP");
    });

    it("refuses an ontology over the document limit", () => {
      const small = { ...limits, maxDocumentLength: 1_000 };
      const refusal = refusalOf(
        "mutation($c: String!) { importOntology(format: PACK, content: $c) { status } }",
        { c: "y".repeat(1_001) },
        small,
      );
      expect(refusal?.message).toMatch(/for a whole document\. Split it into smaller parts\.$/);
    });

    it("checks the operation's declared default values too", () => {
      const refusal = refusalOf(
        `query($filter: AccountFilter = { search: "${"z".repeat(201)}" }) { accounts(filter: $filter) { totalCount } }`,
      );
      expect(refusal?.extensions?.reason).toBe("INPUT_TOO_LONG");
    });
  });
});
