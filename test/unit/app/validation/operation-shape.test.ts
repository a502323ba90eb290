import { buildSchema, getOperationAST, parse, specifiedRules, validate } from "graphql";
import { operationShape } from "../../../../app/validation/operation-shape";

const schema = buildSchema(`
  type Node { name: String, child: Node, children: [Node!] }
  type Query { root: Node, version: String }
`);

function shapeOf(query: string) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no single operation");
  return operationShape(document, operation);
}

/** Fragments F0..F(levels-1), each spreading the next twice (and, when `nested`, once more one level down). */
function diamond(levels: number, nested = false): string {
  let text = "query Diamond { root { ...F0 } }\n";
  for (let i = 0; i < levels; i += 1) {
    const down = nested ? ` child { ...F${i + 1} }` : "";
    text += `fragment F${i} on Node { name ...F${i + 1} ...F${i + 1}${down} }\n`;
  }
  return `${text}fragment F${levels} on Node { name }\n`;
}

describe("operationShape", () => {
  it("measures depth, aliases, directives and the most repeated field of a plain operation", () => {
    const shape = shapeOf("{ a: root { name b: child { name @include(if: true) name } } version @skip(if: false) }");
    expect(shape).toEqual({ depth: 3, aliases: 2, directives: 2, worstRepeat: { key: "name", count: 2 } });
  });

  it("counts a fragment every time it is spread", () => {
    const shape = shapeOf(`
      { root { ...A child { ...A } } }
      fragment A on Node { x: name @include(if: true) }`);
    expect(shape.aliases).toBe(2);
    expect(shape.directives).toBe(2);
    expect(shape.depth).toBe(3);
  });

  it("merges the fields of inline fragments and spreads into the selection set that holds them", () => {
    const shape = shapeOf(`
      { root { name ... on Node { name } ...A ...A } }
      fragment A on Node { name }`);
    expect(shape.worstRepeat).toEqual({ key: "name", count: 4 });
  });

  it("sees the exponential size of a fragment diamond, in linear time", () => {
    // 2^200 spreads: a walker that re-walked fragments would never finish this test.
    const shape = shapeOf(diamond(200));
    expect(shape.worstRepeat?.key).toBe("name");
    expect(shape.worstRepeat?.count).toBeGreaterThan(2 ** 199);
    expect(shape.depth).toBe(2);
  });

  it("sees the depth of a nested diamond, in linear time", () => {
    const shape = shapeOf(diamond(300, true));
    expect(shape.depth).toBe(302);
  });

  it("leaves a depth-21 diamond valid for GraphQL's own rules: only the request limits refuse it", () => {
    expect(validate(schema, parse(diamond(21)), specifiedRules)).toEqual([]);
  });

  it("terminates on fragment cycles and unknown fragments (which other rules reject)", () => {
    const shape = shapeOf(`
      { root { ...A ...Missing } }
      fragment A on Node { child { ...B } }
      fragment B on Node { child { ...A } }`);
    expect(shape.depth).toBeGreaterThanOrEqual(3);
  });

  it("does not count introspection fields as depth", () => {
    expect(shapeOf("{ __schema { types { fields { name } } } version }").depth).toBe(1);
  });
});
