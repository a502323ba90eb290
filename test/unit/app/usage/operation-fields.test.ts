import { OperationDefinitionNode, parse } from "graphql";
import { rootFieldsOf } from "../../../../app/usage/operation-fields";

function fields(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  return rootFieldsOf(document, operation).map((f) => ({ name: f.name, nested: [...f.nested].sort() }));
}

describe("rootFieldsOf", () => {
  it("names root fields and the fields below them, through fragments, never arguments or aliases", () => {
    const result = fields(`
      query Secret($x: String) { mine: account(id: "acc_secret-text") { ...F } ... on Query { viewer { tenant } } __typename }
      fragment F on Account { name valueAnchors { id } }`);
    expect(result).toEqual([
      { name: "account", nested: ["id", "name", "valueAnchors"] },
      { name: "viewer", nested: ["tenant"] },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/secret|mine|Secret/);
  });
});
