import { buildSchema, GraphQLError, parse, validate } from "graphql";
import { aliasLimitRule } from "../../../../app/validation/alias-limit.rule";

const schema = buildSchema(`type Query { version: String, list(first: Int): [String] }`);

const errorsOf = (query: string, max: number): readonly GraphQLError[] =>
  validate(schema, parse(query), [aliasLimitRule(max)]);

const aliases = (n: number): string =>
  `query Many { ${Array.from({ length: n }, (_, i) => `a${i}: list(first: 500)`).join(" ")} }`;

describe("aliasLimitRule", () => {
  it("accepts an operation with exactly the allowed number of aliases", () => {
    expect(errorsOf(aliases(3), 3)).toEqual([]);
  });

  it("rejects one alias more with TOO_MANY_ALIASES, the count, the limit and what to do", () => {
    const errors = errorsOf(aliases(1000), 30);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_ALIASES" });
    expect(errors[0]?.message).toBe(
      'The operation "Many" has 1,000 aliased fields (a fragment counts every time it is spread); at most 30 are ' +
        "allowed. Ask for a list once with a larger page, or split the work into several requests.",
    );
  });

  it("counts the aliases of a fragment each time it is spread", () => {
    const query = `{ ...A ...A ...A } fragment A on Query { x: version }`;
    expect(errorsOf(query, 3)).toEqual([]);
    expect(errorsOf(query, 2)).toHaveLength(1);
  });
});
