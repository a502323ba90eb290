import { buildSchema, GraphQLError, parse, validate } from "graphql";
import { fieldRepeatLimitRule } from "../../../../app/validation/field-repeat-limit.rule";

const schema = buildSchema(`type Viewer { tenant: String, role: String } type Query { viewer: Viewer }`);

const errorsOf = (query: string, max: number): readonly GraphQLError[] =>
  validate(schema, parse(query), [fieldRepeatLimitRule(max)]);

describe("fieldRepeatLimitRule", () => {
  it("accepts a field selected as often as allowed", () => {
    expect(errorsOf("{ viewer { tenant tenant role } }", 2)).toEqual([]);
  });

  it("rejects a field selected more often, naming it, the count and the limit", () => {
    const errors = errorsOf(`query Again { viewer { ${"tenant ".repeat(11)} } }`, 10);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "FIELD_REPEATED" });
    expect(errors[0]?.message).toMatch(/^The operation "Again" selects "tenant" 11 times in one selection set/);
    expect(errors[0]?.message).toMatch(/at most 10 are allowed\. Select each field once/);
  });

  it("rejects a fragment diamond: 21 levels select the field millions of times", () => {
    let query = "{ viewer { ...F0 } }";
    for (let i = 0; i < 21; i += 1) query += ` fragment F${i} on Viewer { tenant ...F${i + 1} ...F${i + 1} }`;
    query += " fragment F21 on Viewer { tenant }";
    const [error] = errorsOf(query, 10);
    expect(error?.message).toMatch(/selects "tenant" 4,194,303 times/);
  });

  it("does not count __typename, which clients add to every selection set and fragment", () => {
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Viewer { __typename role }`).join(" ");
    const spreads = Array.from({ length: 12 }, (_, i) => `...F${i}`).join(" ");
    const query = `{ viewer { __typename ${spreads} } } ${fragments}`;
    expect(errorsOf(query, 12)).toEqual([]);
    expect(errorsOf(query, 11)[0]?.message).toMatch(/selects "role" 12 times/);
  });

  it("counts the same response key, not the same field: aliases of one field are different keys", () => {
    expect(errorsOf("{ viewer { a: tenant b: tenant c: tenant } }", 1)).toEqual([]);
  });
});
