import { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  buildSchema,
  defaultFieldResolver,
  DocumentNode,
  execute,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  isObjectType,
  parse,
  validate,
} from "graphql";
import { readFileSync } from "node:fs";
import {
  ACCOUNT_FIELD_NEEDS,
  ASSET_FIELD_NEEDS,
  ASSET_RECORD_NEEDS,
  CONTACT_FIELD_NEEDS,
  CONTACT_RECORD_NEEDS,
  connectionNodes,
  OPPORTUNITY_FIELD_NEEDS,
  OPPORTUNITY_RECORD_NEEDS,
  ORGANIZATION_FIELD_NEEDS,
  selectedProperties,
  SIGNAL_FIELD_NEEDS,
  SIGNAL_RECORD_NEEDS,
} from "../../../resolvers/account/account-selections";
import { FieldSelection } from "../../../resolvers/common/field-selection";
import { ACCOUNT_HEALTH_FIELD_NEEDS, selectedSnapshot } from "../../../resolvers/health/health-selections";
import {
  AccountByIdDocument,
  AccountsWithContactsAndHealthDocument,
  Customer360Document,
} from "../../../schema/generated/graphql";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));

/** Runs `document` against the real schema and returns the resolve info of the first `fieldName` field. */
function infoOf(
  document: DocumentNode | TypedDocumentNode<unknown, unknown>,
  fieldName: string,
  variables: Record<string, unknown> = {},
): GraphQLResolveInfo {
  expect(validate(schema, document)).toEqual([]);
  let captured: GraphQLResolveInfo | undefined;
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    if (info.fieldName === fieldName && captured === undefined) captured = info;
    return info.parentType.name === "Query" ? null : defaultFieldResolver(source, args, context, info);
  };
  // Query fields resolve to null (non-null ones then error): only the info handed to them matters here.
  execute({ schema, document, fieldResolver, variableValues: variables, rootValue: {} });
  if (captured === undefined) throw new Error(`the document has no ${fieldName} field`);
  return captured;
}

const accountFields = (query: string, variables: Record<string, unknown> = {}) =>
  [...FieldSelection.of(infoOf(parse(query), "account", variables)).fieldsOn("Account")].sort();

describe("FieldSelection", () => {
  it("lists the fields of the canonical AccountById operation, through its fragment", () => {
    const selection = FieldSelection.of(infoOf(AccountByIdDocument, "account", { id: "Account:x" }));
    expect([...selection.fieldsOn("Account")].sort()).toEqual([
      "annualRevenue",
      "externalId",
      "firstSeenAt",
      "id",
      "industry",
      "lastUpdatedAt",
      "name",
      "region",
      "segment",
      "sourceSystem",
    ]);
  });

  it("looks through aliases and merges a field asked twice", () => {
    expect(accountFields(`{ account(id: "a") { key: id title: name again: name } }`)).toEqual(["id", "name"]);
  });

  it("leaves out __typename", () => {
    expect(accountFields(`{ account(id: "a") { __typename name } }`)).toEqual(["name"]);
  });

  it("follows inline fragments and fragments on the type or on an interface it implements", () => {
    const query = `
      query { account(id: "a") { ... on Account { industry } ...Sourced ... on Node { id } ... { region } } }
      fragment Sourced on SourcedRecord { sourceSystem }`;
    expect(accountFields(query)).toEqual(["id", "industry", "region", "sourceSystem"]);
  });

  it("ignores fragments whose type condition is another type", () => {
    const query = `query { node(id: "a") { id ... on Contact { email } ... on Account { name } } }`;
    const selection = FieldSelection.of(infoOf(parse(query), "node"));
    expect([...selection.fieldsOn("Account")].sort()).toEqual(["id", "name"]);
    expect([...selection.fieldsOn("Contact")].sort()).toEqual(["email", "id"]);
  });

  it("honours @skip and @include with their variables", () => {
    const query = `query($on: Boolean!, $off: Boolean!) {
      account(id: "a") { id name @include(if: $on) industry @include(if: $off) region @skip(if: $on) ... @skip(if: $off) { segment } }
    }`;
    expect(accountFields(query, { on: true, off: false })).toEqual(["id", "name", "segment"]);
  });

  it("reads the nodes of a connection through edges and node", () => {
    const info = infoOf(AccountsWithContactsAndHealthDocument, "accounts", { first: 2, contacts: 3 });
    const nodes = connectionNodes(FieldSelection.of(info), "AccountConnection", "AccountEdge");
    expect([...nodes.fieldsOn("Account")].sort()).toEqual(["contacts", "health", "id", "name"]);
    const contacts = connectionNodes(nodes.below("Account", "contacts"), "ContactConnection", "ContactEdge");
    expect([...contacts.fieldsOn("Contact")].sort()).toEqual(["buyingRole", "id", "name", "title"]);
  });
});

describe("selectedProperties", () => {
  it("asks for the ten scalar fields of B1 and nothing else", () => {
    const selection = FieldSelection.of(infoOf(AccountByIdDocument, "account", { id: "Account:x" }));
    expect(selectedProperties(selection, "Account", ACCOUNT_FIELD_NEEDS, "id").properties).toEqual([
      "annualRevenue",
      "externalId",
      "firstSeenAt",
      "id",
      "industry",
      "lastUpdatedAt",
      "name",
      "region",
      "segment",
      "sourceSystem",
    ]);
  });

  it("asks for each Customer360 list's selected properties, the id always, and a signal's record id as externalId", () => {
    const account = FieldSelection.of(infoOf(Customer360Document, "account", { id: "Account:x", signals: 5 }));
    const list = (field: string, type: string) =>
      connectionNodes(account.below("Account", field), `${type}Connection`, `${type}Edge`);
    expect(selectedProperties(list("contacts", "Contact"), "Contact", CONTACT_FIELD_NEEDS, "id").properties).toEqual([
      "buyingRole",
      "email",
      "id",
      "name",
      "title",
    ]);
    expect(
      selectedProperties(list("opportunities", "Opportunity"), "Opportunity", OPPORTUNITY_FIELD_NEEDS, "id").properties,
    ).toEqual(["amount", "closeDate", "currency", "id", "name", "stage"]);
    expect(selectedProperties(list("assets", "Asset"), "Asset", ASSET_FIELD_NEEDS, "id").properties).toEqual([
      "id",
      "installedOn",
      "model",
      "name",
      "serialNumber",
    ]);
    expect(
      selectedProperties(list("network", "Network"), "Organization", ORGANIZATION_FIELD_NEEDS, "id").properties,
    ).toEqual(["id", "kind", "name", "region"]);
    expect(selectedProperties(list("signals", "Signal"), "Signal", SIGNAL_FIELD_NEEDS, "id").properties).toEqual([
      "booleanValue",
      "externalId",
      "field",
      "id",
      "numberValue",
      "observedAt",
      "sourceSystem",
      "stringValue",
      "unit",
      "valueType",
    ]);
  });

  it("reads only the id for fields served by their own loaders, and the owner's key for owner", () => {
    const selection = FieldSelection.of(
      infoOf(parse(`{ account(id: "a") { health { score } owner { id } } }`), "account"),
    );
    expect(selectedProperties(selection, "Account", ACCOUNT_FIELD_NEEDS, "id").properties).toEqual([
      "id",
      "ownerExternalId",
    ]);
  });

  it("reads a masked personal field when it is selected, so that it can be masked", () => {
    const query = `{ account(id: "a") { contacts { edges { node { email phone externalId } } } } }`;
    const account = FieldSelection.of(infoOf(parse(query), "account"));
    const contacts = connectionNodes(account.below("Account", "contacts"), "ContactConnection", "ContactEdge");
    expect(selectedProperties(contacts, "Contact", CONTACT_FIELD_NEEDS, "id").properties).toEqual([
      "email",
      "externalId",
      "id",
      "phone",
    ]);
  });

  it("reads a record's account, or a signal's subject, on its own only when a field needs it (decision 0040)", () => {
    const query = `{ node(id: "a") { ... on Contact { name account { id } } ... on Signal { field subjectId } } }`;
    const selection = FieldSelection.of(infoOf(parse(query), "node"));
    expect(selectedProperties(selection, "Contact", CONTACT_RECORD_NEEDS, "id").properties).toEqual([
      "accountId",
      "id",
      "name",
    ]);
    expect(selectedProperties(selection, "Signal", SIGNAL_RECORD_NEEDS, "id").properties).toEqual([
      "field",
      "id",
      "subject",
    ]);
    const plain = FieldSelection.of(infoOf(parse(`{ contacts { edges { node { name email } } } }`), "contacts"));
    const nodes = connectionNodes(plain, "ContactConnection", "ContactEdge");
    expect(selectedProperties(nodes, "Contact", CONTACT_RECORD_NEEDS, "id").properties).toEqual([
      "email",
      "id",
      "name",
    ]);
  });

  it("reads of B3's latest health only the five selected snapshot properties, not the explanation", () => {
    const info = infoOf(AccountsWithContactsAndHealthDocument, "accounts", { first: 2, contacts: 3 });
    const health = connectionNodes(FieldSelection.of(info), "AccountConnection", "AccountEdge").below(
      "Account",
      "health",
    );
    expect(selectedSnapshot(health).properties).toEqual(["computedAt", "confidence", "grade", "score", "version"]);
    const explained = FieldSelection.of(
      infoOf(parse(`{ account(id: "a") { health { lowConfidence drivers { conceptId } } } }`), "account"),
    ).below("Account", "health");
    expect(selectedSnapshot(explained).properties).toEqual(["confidence", "explanation", "version"]);
  });

  it("reads the id alone when only totalCount or __typename is asked", () => {
    const info = infoOf(parse(`{ accounts { totalCount edges { node { __typename } } } }`), "accounts");
    const nodes = connectionNodes(FieldSelection.of(info), "AccountConnection", "AccountEdge");
    expect(selectedProperties(nodes, "Account", ACCOUNT_FIELD_NEEDS, "id")).toEqual({ properties: ["id"], key: "id" });
  });
});

describe("the field needs", () => {
  const cases = [
    ["Account", ACCOUNT_FIELD_NEEDS],
    ["Contact", CONTACT_FIELD_NEEDS],
    ["Opportunity", OPPORTUNITY_FIELD_NEEDS],
    ["Asset", ASSET_FIELD_NEEDS],
    ["Organization", ORGANIZATION_FIELD_NEEDS],
    ["Signal", SIGNAL_FIELD_NEEDS],
    ["Contact", CONTACT_RECORD_NEEDS],
    ["Opportunity", OPPORTUNITY_RECORD_NEEDS],
    ["Asset", ASSET_RECORD_NEEDS],
    ["Signal", SIGNAL_RECORD_NEEDS],
    ["AccountHealth", ACCOUNT_HEALTH_FIELD_NEEDS],
  ] as const;

  it.each(cases)("name every field of %s in the schema and no other", (typeName, needs) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    expect(Object.keys(needs).sort()).toEqual(Object.keys(type.getFields()).sort());
  });
});
