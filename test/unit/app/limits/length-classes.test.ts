import { buildSchema, getNamedType, GraphQLNamedType, isInputObjectType, isObjectType, isScalarType } from "graphql";
import { readFileSync } from "node:fs";
import { LENGTH_CLASS_OVERRIDES, lengthClassOf } from "../../../../app/limits/input/length-classes";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));

/** Every string-valued argument and input field of the schema, as [coordinate, name, type]. */
function stringPositions(): Array<[string, string, string]> {
  const positions: Array<[string, string, string]> = [];
  const isString = (type: GraphQLNamedType) => isScalarType(type) && (type.name === "String" || type.name === "ID");
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const argument of field.args) {
          const named = getNamedType(argument.type);
          if (isString(named))
            positions.push([`${type.name}.${field.name}(${argument.name}:)`, argument.name, named.name]);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isString(named)) positions.push([`${type.name}.${field.name}`, field.name, named.name]);
      }
    }
  }
  return positions;
}

describe("lengthClassOf", () => {
  it("names only coordinates that exist in the schema in its override table", () => {
    const coordinates = new Set(stringPositions().map(([coordinate]) => coordinate));
    for (const coordinate of Object.keys(LENGTH_CLASS_OVERRIDES)) expect(coordinates).toContain(coordinate);
  });

  it("classes the searches as search, importOntology's content as a document, cursors as cursors", () => {
    expect(lengthClassOf("AccountFilter.search", "search", "String")).toBe("search");
    expect(lengthClassOf("Query.concepts(search:)", "search", "String")).toBe("search");
    expect(lengthClassOf("Mutation.importOntology(content:)", "content", "String")).toBe("document");
    expect(lengthClassOf("Query.accounts(after:)", "after", "String")).toBe("cursor");
  });

  it("classes ID values and id-like names as ids, and every other string as text", () => {
    expect(lengthClassOf("Query.account(id:)", "id", "ID")).toBe("id");
    expect(lengthClassOf("AccountInput.externalId", "externalId", "String")).toBe("id");
    expect(lengthClassOf("SignalInput.sourceSystem", "sourceSystem", "String")).toBe("id");
    expect(lengthClassOf("AccountInput.name", "name", "String")).toBe("text");
    expect(lengthClassOf("Query.somethingNew(note:)", "note", "String")).toBe("text");
  });

  it("gives every string argument and input field of the schema a class", () => {
    const classes = new Set(stringPositions().map(([coordinate, name, type]) => lengthClassOf(coordinate, name, type)));
    expect([...classes].sort()).toEqual(["cursor", "document", "id", "search", "text"]);
  });
});
