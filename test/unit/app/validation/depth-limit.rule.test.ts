import { buildSchema, GraphQLError, parse, specifiedRules, validate } from "graphql";
import { depthLimitRule } from "../../../../app/validation/depth-limit.rule";

/** A tiny recursive schema: every level can nest another. */
const schema = buildSchema(`
  type Node { name: String, child: Node, children: [Node!] }
  type Query { root: Node, version: String }
`);

function depthErrors(query: string, maxDepth: number): readonly GraphQLError[] {
  return validate(schema, parse(query), [depthLimitRule(maxDepth)]);
}

/** `{ root { child { child { ... { name } } } } }` with `depth` field levels in all. */
function nested(depth: number): string {
  let selection = "name";
  for (let level = 2; level < depth; level += 1) selection = `child { ${selection} }`;
  return depth === 1 ? "{ version }" : `{ root { ${selection} } }`;
}

describe("depthLimitRule", () => {
  describe("operations within the limit", () => {
    it("accepts an operation exactly as deep as the limit", () => {
      expect(depthErrors(nested(4), 4)).toEqual([]);
    });

    it("counts leaf fields as one level", () => {
      expect(depthErrors("{ version }", 1)).toEqual([]);
      expect(depthErrors("{ root { name } }", 1)).toHaveLength(1);
    });

    it("measures the deepest branch, not the sum of branches", () => {
      const wide = "{ root { name child { name } children { name } } version }";
      expect(depthErrors(wide, 3)).toEqual([]);
    });

    it("does not count inline fragments as a level", () => {
      expect(depthErrors("{ root { ... on Node { child { name } } } }", 3)).toEqual([]);
    });

    it("ignores introspection fields", () => {
      const introspection = "{ __schema { types { fields { type { ofType { name } } } } } }";
      expect(depthErrors(introspection, 2)).toEqual([]);
      expect(depthErrors("{ root { __typename name } }", 2)).toEqual([]);
    });

    it("is satisfied by the specified rules too (a valid document stays valid)", () => {
      expect(validate(schema, parse(nested(3)), [...specifiedRules, depthLimitRule(3)])).toEqual([]);
    });
  });

  describe("operations over the limit", () => {
    it("rejects an operation one level deeper than the limit", () => {
      const errors = depthErrors(nested(5), 4);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "QUERY_TOO_DEEP" });
    });

    it("says how deep the operation is, the limit, its name and what to do", () => {
      const [error] = depthErrors(`query Deep ${nested(6)}`, 4);
      expect(error?.message).toBe(
        'The operation "Deep" is nested 6 levels deep; at most 4 are allowed. Split it into several operations.',
      );
    });

    it("counts the depth inside named fragments", () => {
      const query = `
        { root { ...Two } }
        fragment Two on Node { child { ...One } }
        fragment One on Node { child { name } }`;
      expect(depthErrors(query, 4)).toEqual([]);
      expect(depthErrors(query, 3)).toHaveLength(1);
      expect(depthErrors(query, 3)[0]?.message).toMatch(/nested 4 levels deep/);
    });

    it("counts the depth inside inline fragments", () => {
      expect(depthErrors("{ root { ... on Node { child { child { name } } } } }", 3)).toHaveLength(1);
    });

    it("reports each operation of a document that is too deep, and only those", () => {
      const document = `query Shallow { version } query Deep ${nested(5)}`;
      const errors = depthErrors(document, 3);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatch(/"Deep"/);
    });

    it("terminates on fragment cycles (which other rules reject)", () => {
      const cyclic = `
        { root { ...A } }
        fragment A on Node { child { ...B } }
        fragment B on Node { child { ...A } }`;
      expect(() => depthErrors(cyclic, 10)).not.toThrow();
      expect(depthErrors(cyclic, 2)).toHaveLength(1);
    });

    it("cannot be fooled by an alias or repeating a field", () => {
      const aliased = "{ a: root { b: child { c: child { name } } } }";
      expect(depthErrors(aliased, 3)).toHaveLength(1);
    });
  });
});

describe("depthLimitRule on fragment diamonds", () => {
  it("measures a diamond of 300 fragments, each spreading the next twice, without walking 2^300 paths", () => {
    let query = "query Diamond { root { ...F0 } }";
    for (let i = 0; i < 300; i += 1) query += ` fragment F${i} on Node { child { ...F${i + 1} ...F${i + 1} } }`;
    query += " fragment F300 on Node { name }";
    const [error] = depthErrors(query, 12);
    expect(error?.message).toBe(
      'The operation "Diamond" is nested 302 levels deep; at most 12 are allowed. Split it into several operations.',
    );
  });
});
