import { buildSchema, graphql } from "graphql";
import { NO_ACCESS, PersonalDataAccess } from "../../../../domain/personal-data/access-policy";
import { enforcePersonalDataAccess, guardedFields } from "../../../../resolvers/auth/personal-data-guard";

const SDL = `
  type Contact { name: String! email: String }
  type GraphNode { kind: String! label: String! }
  type Query { contact: Contact nodes: [GraphNode!]! }
`;

const root = {
  contact: () => Promise.resolve({ name: "Zoë Ångström", email: "zoe@example.com" }),
  nodes: () => [
    { kind: "Contact", label: "Zoë Ångström" },
    { kind: "Account", label: "Nordic Clinics" },
  ],
};

function run(access: PersonalDataAccess, noted: string[] = []) {
  const fields = guardedFields().filter(
    (f) => ["Contact.name", "Contact.email"].includes(f.coordinate) || f.coordinate.startsWith("GraphNode."),
  );
  const schema = enforcePersonalDataAccess(buildSchema(SDL), fields);
  return graphql({
    schema,
    source: "{ contact { name email } nodes { kind label } }",
    rootValue: root,
    contextValue: { personalData: { access, noteSensitive: (field: string) => noted.push(field) } },
  });
}

describe("enforcePersonalDataAccess", () => {
  it("masks the catalogue's fields for a reader who may not see them, resolvers' promises included", async () => {
    const result = await run(NO_ACCESS);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      contact: { name: "Z*** Å***", email: "z***@example.com" },
      nodes: [
        { kind: "Contact", label: "Z*** Å***" },
        { kind: "Account", label: "Nordic Clinics" },
      ],
    });
  });

  it("leaves them in clear for a reader who may see them", async () => {
    const result = await run(new Set(["IDENTIFIER", "CONTACT"]));
    expect(result.data?.contact).toEqual({ name: "Zoë Ångström", email: "zoe@example.com" });
  });

  it("refuses to start when the catalogue exposes a field the schema does not have", () => {
    expect(() => enforcePersonalDataAccess(buildSchema(SDL), guardedFields())).toThrow(
      /exposes .*, which the schema does not have/,
    );
  });

  it("refuses a coordinate that is not Type.field", () => {
    expect(() =>
      enforcePersonalDataAccess(buildSchema(SDL), [{ coordinate: "Contact", when: null, mask: (v) => v }]),
    ).toThrow(/not a field coordinate/);
  });
});
