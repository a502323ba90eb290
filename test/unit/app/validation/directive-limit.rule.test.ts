import { buildSchema, GraphQLError, parse, validate } from "graphql";
import { directiveLimitRule } from "../../../../app/validation/directive-limit.rule";

const schema = buildSchema(`type Viewer { tenant: String } type Query { viewer: Viewer }`);

const errorsOf = (query: string, max: number): readonly GraphQLError[] =>
  validate(schema, parse(query), [directiveLimitRule(max)]);

/** `n` inline fragments nested in each other, each with a directive. */
const nested = (n: number): string => `{ viewer { ${"... @include(if: true) { ".repeat(n)}tenant${" }".repeat(n)} } }`;

describe("directiveLimitRule", () => {
  it("accepts as many directives as allowed", () => {
    expect(errorsOf(nested(5), 5)).toEqual([]);
  });

  it("rejects more, with TOO_MANY_DIRECTIVES, the count and the limit", () => {
    const errors = errorsOf(nested(51), 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_DIRECTIVES" });
    expect(errors[0]?.message).toMatch(/^The operation has 51 directives .*; at most 50 are allowed\./);
  });

  it("counts a fragment's directives each time it is spread, and the fragment's own", () => {
    const query = `{ viewer { ...A ...A } } fragment A on Viewer @include(if: true) { tenant @skip(if: false) }`;
    expect(errorsOf(query, 4)).toEqual([]);
    expect(errorsOf(query, 3)).toHaveLength(1);
  });
});
