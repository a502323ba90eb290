import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import {
  buildSchema,
  getNamedType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signToken } from "../../app/auth/token";
import { tokenCommand } from "../../cli/token";
import { createRelataMcpServer } from "../../app/mcp/mcp-server";
import { RelataClient, relataClientOptionsFromEnv } from "../../app/mcp/relata-client";
import { NO_ACCESS } from "../../domain/personal-data/access-policy";
import { maskedWebhookPayload } from "../../domain/webhooks/webhook-payload";
import { WebhookDispatchRepository } from "../../graph/webhooks/webhook-dispatch.repository";
import { GuardedField, guardedFields } from "../../resolvers/auth/personal-data-guard";
import { RequestContext, Role } from "../../resolvers/context";
import { ChangesLiveDocument, ExplorerRecordSearchDocument } from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { getChanges } from "./support/change-stream";
import { dataOf } from "./support/responses";
import { subscribe } from "./support/subscription-client";
import { PEOPLE, PersonalDataTenant, seedPersonalData, tokenFor } from "./support/personal-data-fixture";

// Issue 15, field-level access: every field the personal-data catalogue maps is masked for a viewer and clear
// for an admin, through every GraphQL path that reaches it (found by walking the catalogue and the schema),
// the change feed (GraphQL, subscription, NDJSON), webhook deliveries, an MCP tool and an explorer operation;
// another tenant reads none of it; automation's reads of SENSITIVE values are audited without the values.

let api: TestApi;
let t: PersonalDataTenant;
let schema: GraphQLSchema;
let resolvedCustomerId: string;

/** Every clear personal value the fixture loaded that a masked reader must never receive. */
const CLEAR_VALUES = [
  PEOPLE.contact.name,
  PEOPLE.contact.email,
  PEOPLE.contact.phone,
  PEOPLE.contact.title,
  PEOPLE.contact.externalId,
  PEOPLE.user.name,
  PEOPLE.user.email,
  PEOPLE.identity.givenName,
  PEOPLE.identity.familyName,
  PEOPLE.identity.fullName,
  PEOPLE.identity.email,
  PEOPLE.identity.phone,
  "+8613800138000",
  PEOPLE.identity.line,
  PEOPLE.identity.locality,
  PEOPLE.identity.region,
  PEOPLE.identity.postcode,
  PEOPLE.identity.dateOfBirth,
  PEOPLE.identity.nationalId,
  PEOPLE.identity.taxId,
  PEOPLE.identity.deviceId,
  "AMZ-PD-1",
  "SHOP-PD-1",
];

/** The clear values in `text`; a short one (a given name such as "Wei") only as a whole word, not inside "Weight". */
function clearValuesIn(text: string): string[] {
  return CLEAR_VALUES.filter((value) =>
    value.length >= 5
      ? text.includes(value)
      : new RegExp(`(?<![\\p{L}\\p{N}])${value}(?![\\p{L}\\p{N}])`, "u").test(text),
  );
}

function expectNoClearValue(text: string): void {
  for (const value of CLEAR_VALUES) {
    expect({ value, found: clearValuesIn(text).includes(value) }).toEqual({ value, found: false });
  }
}

/**
 * A response as text with every cursor's body decoded beside it: a list sorted by name must not hand the
 * name out inside its cursors either.
 */
function withCursorsDecoded(body: unknown): string {
  const text = JSON.stringify(body);
  const cursors = text.match(/[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16}/g) ?? [];
  return [text, ...cursors.map((c) => Buffer.from(c.split(".")[0]!, "base64url").toString("utf8"))].join("\n");
}

const post = (role: Role, query: string, variables: Record<string, unknown> = {}) =>
  api.post<Record<string, unknown>>(query, variables, { token: tokenFor(t.tenant, role) });

/** A path from a root query to objects of one type: the query (given their selection) and how to find them. */
interface TypePath {
  name: string;
  query: (selection: string) => string;
  objects: (data: Record<string, unknown>) => Array<Record<string, unknown>>;
}

const edges = (connection: unknown) =>
  ((connection as { edges: Array<{ node: Record<string, unknown> }> }).edges ?? []).map((e) => e.node);
const at = (data: Record<string, unknown>, ...keys: string[]): unknown =>
  keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], data);

/**
 * How to reach each type whose fields the catalogue exposes. The test fails when the catalogue exposes a
 * field of a type missing here: every mapped field is read through at least one path.
 */
function typePaths(): Record<string, TypePath[]> {
  return {
    Contact: [
      {
        name: "contacts (list)",
        query: (s) => `{ contacts(first: 20) { edges { cursor node { ${s} } } pageInfo { endCursor } } }`,
        objects: (d) => edges(d.contacts),
      },
      {
        // A masked reader finds a contact by a whole email it already knows (decision 0033).
        name: "contacts (search by the whole email)",
        query: (s) =>
          `{ contacts(first: 20, filter: { search: "${PEOPLE.contact.email.toUpperCase()}" }) { edges { cursor node { ${s} } } } }`,
        objects: (d) => edges(d.contacts),
      },
      {
        name: "account.contacts (nested)",
        query: (s) => `{ account(id: "${t.accountId}") { contacts(first: 20) { edges { node { ${s} } } } } }`,
        objects: (d) => edges(at(d, "account", "contacts")),
      },
      {
        name: "node(id)",
        query: (s) => `{ node(id: "${t.contactId}") { ... on Contact { ${s} } } }`,
        objects: (d) => [d.node as Record<string, unknown>],
      },
      {
        name: "nodes(ids)",
        query: (s) => `{ nodes(ids: ["${t.contactId}"]) { ... on Contact { ${s} } } }`,
        objects: (d) => d.nodes as Array<Record<string, unknown>>,
      },
    ],
    User: [
      {
        name: "users (list)",
        query: (s) => `{ users(first: 20) { edges { cursor node { ${s} } } pageInfo { endCursor } } }`,
        objects: (d) => edges(d.users),
      },
      {
        name: "users (search by the whole name)",
        query: (s) =>
          `{ users(first: 20, filter: { search: " ${PEOPLE.user.name} " }) { edges { cursor node { ${s} } } } }`,
        objects: (d) => edges(d.users),
      },
      {
        name: "user(externalId)",
        query: (s) => `{ user(externalId: "${PEOPLE.user.externalId}") { ${s} } }`,
        objects: (d) => [d.user as Record<string, unknown>],
      },
      {
        name: "node(id)",
        query: (s) => `{ node(id: "${t.userId}") { ... on User { ${s} } } }`,
        objects: (d) => [d.node as Record<string, unknown>],
      },
    ],
    GraphNode: [
      {
        name: "neighbourhood",
        query: (s) => `{ neighbourhood(id: "${t.accountId}", depth: 1) { nodes { ${s} } } }`,
        objects: (d) => at(d, "neighbourhood", "nodes") as Array<Record<string, unknown>>,
      },
    ],
    Identity: [
      {
        name: "identity(id)",
        query: (s) => `{ identity(id: "${t.identityIds[0]}") { ${s} } }`,
        objects: (d) => [d.identity as Record<string, unknown>],
      },
      {
        name: "resolvedCustomer.identities",
        query: (s) => `{ resolvedCustomer(id: "${resolvedCustomerId}") { identities { ${s} } } }`,
        objects: (d) => at(d, "resolvedCustomer", "identities") as Array<Record<string, unknown>>,
      },
    ],
    IdentityAttributes: [
      {
        name: "identity.attributes",
        query: (s) => `{ identity(id: "${t.identityIds[0]}") { attributes { ${s} } } }`,
        objects: (d) => [at(d, "identity", "attributes") as Record<string, unknown>],
      },
      {
        name: "resolvedCustomer.identities.attributes",
        query: (s) => `{ resolvedCustomer(id: "${resolvedCustomerId}") { identities { id attributes { ${s} } } } }`,
        objects: (d) =>
          (at(d, "resolvedCustomer", "identities") as Array<Record<string, unknown>>).map(
            (identity) => identity.attributes as Record<string, unknown>,
          ),
      },
    ],
    PostalAddress: [
      {
        name: "identity.attributes.address",
        query: (s) => `{ identity(id: "${t.identityIds[0]}") { attributes { address { ${s} } } } }`,
        objects: (d) => [at(d, "identity", "attributes", "address") as Record<string, unknown>],
      },
      {
        name: "resolvedCustomer.identities.attributes.address",
        query: (s) =>
          `{ resolvedCustomer(id: "${resolvedCustomerId}") { identities { id attributes { address { ${s} } } } } }`,
        objects: (d) =>
          (at(d, "resolvedCustomer", "identities") as Array<{ attributes: { address: Record<string, unknown> } }>).map(
            (identity) => identity.attributes.address,
          ),
      },
    ],
    GoldenRecordField: [
      {
        name: "resolvedCustomer.goldenRecord",
        query: (s) => `{ resolvedCustomer(id: "${resolvedCustomerId}") { goldenRecord { ${s} } } }`,
        objects: (d) => at(d, "resolvedCustomer", "goldenRecord") as Array<Record<string, unknown>>,
      },
    ],
    ChangeEventView: [
      {
        name: "changes",
        query: (s) => `{ changes(first: 500) { events { ${s} } } }`,
        objects: (d) => at(d, "changes", "events") as Array<Record<string, unknown>>,
      },
      {
        name: "recentChanges",
        query: (s) => `{ recentChanges(first: 500) { events { ${s} } } }`,
        objects: (d) => at(d, "recentChanges", "events") as Array<Record<string, unknown>>,
      },
    ],
  };
}

/** Fields a masked field's rule depends on: selected beside it. */
const HELPER_FIELDS: Record<string, string[]> = {
  GoldenRecordField: ["field"],
  ChangeEventView: ["recordType", "type"],
};

function selectionOf(type: string, fields: readonly GuardedField[]): string {
  const object = schema.getType(type) as GraphQLObjectType;
  const names = new Set<string>(HELPER_FIELDS[type] ?? []);
  const parts: string[] = [];
  for (const guarded of fields) {
    if (guarded.when !== null) names.add(guarded.when.field);
    const name = guarded.coordinate.split(".")[1]!.replace(/\[.*$/, "");
    const named = getNamedType(object.getFields()[name]!.type);
    parts.push(named instanceof GraphQLObjectType ? `${name} { field old new }` : name);
  }
  return [...names, ...parts].join(" ");
}

/** The context a masked reader's fields are resolved with, for computing what the guard must answer. */
const maskedContext = {
  personalData: { access: NO_ACCESS, noteSensitive: () => undefined },
} as unknown as RequestContext;

beforeAll(async () => {
  api = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  t = await seedPersonalData(api, uniqueTenant("pd-access"));
  schema = buildSchema(readFileSync(join(__dirname, "../../schema/schema.graphql"), "utf8"));
  // The resolve run may finish in the background; the two channel identities become one person.
  resolvedCustomerId = await waitFor(
    "the channel identities are resolved to a person",
    async () => {
      const read = dataOf(await post("admin", `{ identity(id: "${t.identityIds[0]}") { resolvedCustomerId } }`)) as {
        identity: { resolvedCustomerId: string | null };
      };
      return read.identity.resolvedCustomerId ?? undefined;
    },
    { timeoutMs: 60_000 },
  );
}, 480_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("GraphQL reads, walked from the catalogue", () => {
  const byType = new Map<string, GuardedField[]>();

  beforeAll(() => {
    for (const guarded of guardedFields()) {
      const type = guarded.coordinate.split(".")[0]!;
      byType.set(type, [...(byType.get(type) ?? []), guarded]);
    }
  });

  it("has a query path for every type whose fields the catalogue exposes", () => {
    const paths = typePaths();
    expect([...byType.keys()].filter((type) => paths[type] === undefined)).toEqual([]);
    expect(byType.size).toBeGreaterThanOrEqual(8);
  });

  it.each(["viewer", "rep"] as const)(
    "masks every mapped field for a %s and shows it in clear to an admin, on every path",
    async (maskedRole) => {
      const paths = typePaths();
      const covered = new Set<string>();
      for (const [type, fields] of byType) {
        const selection = selectionOf(type, fields);
        for (const path of paths[type] ?? []) {
          const query = path.query(selection);
          // Background work (automation, the MPU tracker) may append change events between two reads: compare
          // a masked read with a clear one taken when the answer stood still around it.
          let admin = dataOf(await post("admin", query));
          let viewerResponse = await post(maskedRole, query);
          for (let attempt = 0; attempt < 10; attempt += 1) {
            const again = dataOf(await post("admin", query));
            if (JSON.stringify(again) === JSON.stringify(admin)) break;
            admin = again;
            viewerResponse = await post(maskedRole, query);
          }
          const viewer = dataOf(viewerResponse);
          expectNoClearValue(withCursorsDecoded(viewerResponse.body));
          const clear = path.objects(admin);
          const masked = path.objects(viewer);
          expect({ path: path.name, count: masked.length }).toEqual({ path: path.name, count: clear.length });
          clear.forEach((parent, i) => {
            for (const guarded of fields) {
              const name = guarded.coordinate.split(".")[1]!.replace(/\[.*$/, "");
              const value = parent[name];
              const applies = guarded.when === null || String(parent[guarded.when.field]) === guarded.when.value;
              const expected = applies ? guarded.mask(value, parent, maskedContext, guarded.coordinate) : value;
              expect({ path: path.name, field: guarded.coordinate, value: masked[i]![name] }).toEqual({
                path: path.name,
                field: guarded.coordinate,
                value: expected,
              });
              // A parent the rule does not apply to (a golden record's country, an account's change) keeps its
              // value; where it applies, a mask that changed nothing would pass the comparison above, so the
              // field counts as covered only where the clear value had to change.
              if (JSON.stringify(expected) !== JSON.stringify(value)) {
                expect({
                  field: guarded.coordinate,
                  same: JSON.stringify(masked[i]![name]) === JSON.stringify(value),
                }).toEqual({ field: guarded.coordinate, same: false });
                covered.add(guarded.coordinate);
              }
            }
          });
        }
      }
      // Every mapped field held a personal value in the fixture, so every one was seen masked.
      expect(
        [...byType.values()]
          .flat()
          .map((g) => g.coordinate)
          .filter((c) => !covered.has(c)),
      ).toEqual([]);
    },
    180_000,
  );

  it("shows an admin every value the fixture loaded", async () => {
    const admin = await post(
      "admin",
      `{ contacts(first: 5) { edges { node { name email phone title externalId } } }
         user(externalId: "${PEOPLE.user.externalId}") { name email }
         identity(id: "${t.identityIds[0]}") { externalId attributes { givenName familyName emails phones dateOfBirth
           nationalId taxId deviceIds address { lines locality region postcode } } } }`,
    );
    const text = JSON.stringify(dataOf(admin));
    for (const value of CLEAR_VALUES.filter((v) => !["SHOP-PD-1", "+8613800138000", "Zhang Wei"].includes(v))) {
      expect({ value, found: text.includes(value) }).toEqual({ value, found: true });
    }
  });

  it("masks for an admin token whose user is a viewer (the role cap)", async () => {
    const writer = tokenFor(t.tenant, "integrator", "loader");
    dataOf(
      await api.post(
        `mutation { upsertUsers(input: [{ sourceSystem: "crm", externalId: "u-pd-capped", name: "Cap Ped", roles: ["viewer"] }]) { created } }`,
        {},
        { token: writer },
      ),
    );
    const capped = signToken({ tenant: t.tenant, role: "admin", user: "u-pd-capped" }, TEST_JWT_SECRET);
    const read = await api.post(
      `{ node(id: "${t.contactId}") { ... on Contact { name email } } }`,
      {},
      { token: capped },
    );
    expect(dataOf(read)).toEqual({ node: { name: "Z*** Å***", email: "z***@example.com" } });
  });

  it("opens SENSITIVE values to an analyst only with the pii:sensitive scope", async () => {
    const query = `{ identity(id: "${t.identityIds[0]}") { attributes { dateOfBirth emails } } }`;
    const plain = dataOf(await post("analyst", query)) as { identity: { attributes: Record<string, unknown> } };
    expect(plain.identity.attributes).toEqual({ dateOfBirth: null, emails: [PEOPLE.identity.email] });
    const scoped = signToken({ tenant: t.tenant, role: "analyst", scopes: ["pii:sensitive"] }, TEST_JWT_SECRET);
    const open = dataOf(await api.post(query, {}, { token: scoped })) as {
      identity: { attributes: Record<string, unknown> };
    };
    expect(open.identity.attributes.dateOfBirth).toBe(PEOPLE.identity.dateOfBirth);
  });
});

/**
 * A selection of every field of `type` down to `depth` levels, leaving out fields with required arguments:
 * what a client could ask for without knowing anything. Interfaces and unions select each possible type.
 */
function everything(type: GraphQLNamedType, depth: number): string | null {
  if (isLeafType(type)) return "";
  if (depth === 0) return null;
  const fieldsOf = (object: GraphQLObjectType | import("graphql").GraphQLInterfaceType) =>
    Object.values(object.getFields())
      .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
      .map((field) => {
        const named = getNamedType(field.type);
        if (isLeafType(named)) return field.name;
        const sub = everything(named, depth - 1);
        return sub === null || sub === "" ? null : `${field.name} { ${sub} }`;
      })
      .filter((part): part is string => part !== null);
  if (isUnionType(type) || isInterfaceType(type)) {
    const own = isInterfaceType(type) ? fieldsOf(type) : [];
    const each = schema
      .getPossibleTypes(type)
      .map((object) => {
        const sub = fieldsOf(object);
        return sub.length === 0 ? null : `... on ${object.name} { ${sub.join(" ")} }`;
      })
      .filter((part): part is string => part !== null);
    return ["__typename", ...own, ...each].join(" ");
  }
  if (!isObjectType(type)) return null;
  const parts = fieldsOf(type);
  return parts.length === 0 ? null : parts.join(" ");
}

describe("every query of the schema, swept for a masked reader (decision 0033)", () => {
  /** Arguments for the root fields that need some: the fixture's records. */
  const rootArguments = (): Record<string, string> => ({
    node: `(id: "${t.contactId}")`,
    nodes: `(ids: ["${t.contactId}", "${t.userId}", "${t.identityIds[0]}"])`,
    nodeByExternalId: `(type: CONTACT, sourceSystem: "crm", externalId: "${PEOPLE.contact.externalId}")`,
    nodesByExternalIds: `(keys: [{ type: CONTACT, sourceSystem: "crm", externalId: "${PEOPLE.contact.externalId}" }])`,
    account: `(id: "${t.accountId}")`,
    identity: `(id: "${t.identityIds[0]}")`,
    resolvedCustomer: `(id: "${resolvedCustomerId}")`,
    neighbourhood: `(id: "${t.accountId}", depth: 2)`,
    user: `(externalId: "${PEOPLE.user.externalId}")`,
    consents: `(personId: "${resolvedCustomerId}")`,
    exportPersonData: `(personId: "${resolvedCustomerId}")`,
  });

  it.each(["viewer", "rep"] as const)(
    "hands a %s no clear personal value through any query, at any depth it may ask",
    async (role) => {
      const query = schema.getQueryType()!;
      const args = rootArguments();
      const answered: string[] = [];
      for (const field of Object.values(query.getFields())) {
        const needs = field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
        if (needs && args[field.name] === undefined) continue;
        const named = getNamedType(field.type);
        // Deep first; a selection the cost or depth guard refuses is asked again shallower.
        for (const depth of [4, 3, 2, 1]) {
          const sub = everything(named, depth);
          const text = `{ ${field.name}${args[field.name] ?? ""}${sub === "" || sub === null ? "" : ` { ${sub} }`} }`;
          const response = await post(role, text);
          const leaks = clearValuesIn(withCursorsDecoded(response.body));
          expect({ root: field.name, depth, leaks }).toEqual({ root: field.name, depth, leaks: [] });
          if ((response.body.errors ?? []).length === 0) {
            answered.push(field.name);
            break;
          }
        }
      }
      // The paths people data comes out of answered in full (others may be refused to the role: fine).
      // node, nodes and nodeByExternalId select every type of Node, some of whose fields are refused to these
      // roles: they answer with partial errors, still checked for leaks above and walked field by field in
      // the catalogue test.
      const required = [
        "contacts",
        "users",
        "account",
        "identity",
        "resolvedCustomer",
        "neighbourhood",
        "changes",
        "recentChanges",
        "user",
      ];
      expect(required.filter((root) => !answered.includes(root))).toEqual([]);
    },
    600_000,
  );

  it.each(["viewer", "rep"] as const)(
    "hands a %s masked values in the NDJSON export, with or without a stated purpose",
    async (role) => {
      const purposes: Array<Record<string, string>> = [
        {},
        { "x-relata-purpose": "ANALYTICS" },
        { "x-relata-purpose": "kyc-check" },
      ];
      for (const headers of purposes) {
        const stream = await getChanges(api, tokenFor(t.tenant, role), "", headers);
        expect(stream.status).toBe(200);
        expectNoClearValue(JSON.stringify(stream));
      }
    },
  );

  it.each(["viewer", "rep"] as const)(
    "hands a %s masked values through the MCP tools",
    async (role) => {
      const options = relataClientOptionsFromEnv({ RELATA_URL: api.url, RELATA_TOKEN: tokenFor(t.tenant, role) });
      const server = createRelataMcpServer(new RelataClient(options));
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      await server.connect(serverSide);
      const mcp = new Client({ name: "relata-pd-sweep", version: "1.0.0" });
      await mcp.connect(clientSide);
      try {
        for (const [name, args] of [
          ["find_accounts", {}],
          ["customer_360", { accountId: t.accountId }],
          ["list_tasks", {}],
        ] as const) {
          const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
          expectNoClearValue(JSON.stringify(result.content));
        }
      } finally {
        await mcp.close();
      }
    },
    120_000,
  );

  it("opens SENSITIVE values to a token minted with npm run token -- --scope pii:sensitive", async () => {
    const minted = tokenCommand(["--tenant", t.tenant, "--role", "integrator", "--scope", "pii:sensitive"], {
      RELATA_JWT_SECRET: TEST_JWT_SECRET,
    });
    expect(minted.code).toBe(0);
    const read = await api.post(
      `{ identity(id: "${t.identityIds[0]}") { attributes { dateOfBirth } } }`,
      {},
      { token: minted.stdout.trim() },
    );
    expect(dataOf(read)).toEqual({ identity: { attributes: { dateOfBirth: PEOPLE.identity.dateOfBirth } } });
  });
});

describe("search by a role that sees personal data masked (decision 0033)", () => {
  const CONTACTS = (search: string) =>
    `{ contacts(first: 20, filter: { search: ${JSON.stringify(search)} }) { totalCount edges { cursor node { id name email phone title externalId } } pageInfo { endCursor } } }`;
  const USERS = (search: string) =>
    `{ users(first: 20, filter: { search: ${JSON.stringify(search)} }) { totalCount edges { cursor node { id externalId name email } } pageInfo { endCursor } } }`;
  /** Parts of the clear values: each would confirm a guess a character at a time. */
  const PARTS = [
    "z",
    "Zo",
    "zoe",
    "ZOË",
    "ångström",
    "example.com",
    "@",
    "zoe.angstrom@",
    "Procurement",
    "C-PD",
    "70 123",
  ];
  const USER_PARTS = ["o", "Olga", "østergaard", "olga.ostergaard@", "example.com"];

  for (const role of ["viewer", "rep"] as const) {
    it(`a ${role} finds no contact or user by a part of a name or email`, async () => {
      for (const part of PARTS) {
        const response = await post(role, CONTACTS(part));
        const data = dataOf(response) as { contacts: { totalCount: number } };
        expect({ part, found: data.contacts.totalCount }).toEqual({ part, found: 0 });
      }
      for (const part of USER_PARTS) {
        const data = dataOf(await post(role, USERS(part))) as { users: { totalCount: number } };
        expect({ part, found: data.users.totalCount }).toEqual({ part, found: 0 });
      }
    });

    it(`a ${role} finds a contact by its whole email or name (any case) and gets it masked, cursors included`, async () => {
      for (const whole of [PEOPLE.contact.email, PEOPLE.contact.email.toUpperCase(), ` ${PEOPLE.contact.name} `]) {
        const response = await post(role, CONTACTS(whole));
        const data = dataOf(response) as {
          contacts: { totalCount: number; edges: Array<{ node: { id: string; name: string; email: string } }> };
        };
        expect(data.contacts.totalCount).toBe(1);
        expect(data.contacts.edges[0]!.node).toMatchObject({
          id: t.contactId,
          name: "Z*** Å***",
          email: "z***@example.com",
        });
        expectNoClearValue(withCursorsDecoded(response.body));
      }
      const users = await post(role, USERS(PEOPLE.user.email));
      expect((dataOf(users) as { users: { totalCount: number } }).users.totalCount).toBe(1);
      expectNoClearValue(withCursorsDecoded(users.body));
    });
  }

  it("no search path hands a viewer or rep a clear value: lists, searches, lookups by key, notices", async () => {
    const queries = [
      CONTACTS(""),
      CONTACTS(PEOPLE.contact.email),
      USERS(""),
      USERS(PEOPLE.user.name),
      `{ contacts(first: 20, filter: { search: "zoe", sourceSystems: ["nope"] }) { totalCount notices { filter value message closest } } }`,
      `{ nodeByExternalId(type: CONTACT, sourceSystem: "crm", externalId: "${PEOPLE.contact.externalId}") { id ... on Contact { name email externalId } } }`,
      `{ nodesByExternalIds(keys: [{ type: CONTACT, sourceSystem: "crm", externalId: "${PEOPLE.contact.externalId}" }]) { id ... on Contact { name email } } }`,
      `{ user(externalId: "${PEOPLE.user.externalId}") { name email } }`,
    ];
    for (const role of ["viewer", "rep"] as const) {
      for (const query of queries) {
        const response = await post(role, query);
        expect({ query, errors: response.body.errors ?? [] }).toEqual({ query, errors: [] });
        expectNoClearValue(withCursorsDecoded(response.body));
      }
    }
  });

  it("an analyst still searches by any part of a name or email, in clear", async () => {
    const data = dataOf(await post("analyst", CONTACTS("ångstr"))) as {
      contacts: { edges: Array<{ node: { name: string } }> };
    };
    expect(data.contacts.edges.map((e) => e.node.name)).toEqual([PEOPLE.contact.name]);
  });
});

describe("the change feed out of GraphQL", () => {
  it("masks contact and user values in the NDJSON stream for a viewer, not for an admin", async () => {
    const viewer = await getChanges(api, tokenFor(t.tenant, "viewer"), "");
    const admin = await getChanges(api, tokenFor(t.tenant, "admin"), "");
    expect(viewer.status).toBe(200);
    expect(viewer.events.length).toBeGreaterThan(5);
    expectNoClearValue(JSON.stringify(viewer.events));
    const created = (lines: readonly unknown[]) =>
      (lines as Array<Record<string, unknown>>).find((line) => line.type === "CONTACT_CREATED") as {
        externalId: string;
        changes: Array<{ field: string; new: unknown }>;
      };
    const masked = created(viewer.events);
    expect(masked.externalId).toBe("C***");
    expect(masked.changes.find((c) => c.field === "email")?.new).toBe("z***@example.com");
    expect(masked.changes.find((c) => c.field === "phone")?.new).toBe("+46 ** *** ** 67");
    const clear = created(admin.events);
    expect(clear.changes.find((c) => c.field === "email")?.new).toBe(PEOPLE.contact.email);
  });

  it("masks a live subscription's events for a viewer", async () => {
    const head = (
      dataOf(await post("viewer", `{ changes(first: 1) { headCursor } }`)) as {
        changes: { headCursor: string };
      }
    ).changes.headCursor;
    // From the head: the event written below is delivered whether or not the socket was open when it was.
    const live = subscribe(api, tokenFor(t.tenant, "viewer"), ChangesLiveDocument, {
      after: head,
      types: ["CONTACT_CREATED" as never],
    });
    try {
      dataOf(
        await api.post(
          `mutation { upsertContacts(input: [{ sourceSystem: "crm", externalId: "C-PD-LIVE", account: { externalId: "A-PD-1" },
             name: "Live Person", email: "live.person@example.com" }]) { created } }`,
          {},
          { token: tokenFor(t.tenant, "integrator", "loader") },
        ),
      );
      await waitFor(
        "the subscription delivers the new contact's event",
        () => (live.items.length > 0 ? true : undefined),
        {
          timeoutMs: 30_000,
        },
      );
      const text = JSON.stringify(live.items);
      expect(text).not.toContain("live.person@example.com");
      expect(text).not.toContain("Live Person");
      expect(text).toContain("l***@example.com");
      expect(live.errors).toEqual([]);
    } finally {
      await live.close();
    }
  });

  it("masks webhook deliveries by the endpoint's categories: [] masks every personal value", async () => {
    const admin = tokenFor(t.tenant, "admin");
    const register = async (personalData: string) =>
      (
        dataOf(
          await api.post<{ registerWebhook: { endpoint: { id: string; personalData: string[] } } }>(
            `mutation { registerWebhook(url: "http://127.0.0.1:9/pd-${personalData.length}", eventTypes: [CONTACT_CREATED]
               ${personalData}) { endpoint { id personalData } } }`,
            {},
            { token: admin },
          ),
        ) as { registerWebhook: { endpoint: { id: string; personalData: string[] } } }
      ).registerWebhook.endpoint;
    const partner = await register("personalData: []");
    const sync = await register("");
    expect(partner.personalData).toEqual([]);
    expect(sync.personalData).toEqual(["IDENTIFIER", "CONTACT", "SENSITIVE"]);
    dataOf(
      await api.post(
        `mutation { upsertContacts(input: [{ sourceSystem: "crm", externalId: "C-PD-HOOK", account: { externalId: "A-PD-1" },
           name: "Hook Person", email: "hook.person@example.com", phone: "+44 20 7946 0958" }]) { created } }`,
        {},
        { token: tokenFor(t.tenant, "integrator", "loader") },
      ),
    );
    // The dispatcher's own steps, for these endpoints only (a running dispatcher would serve every test
    // file's endpoints in the shared Neo4j): claim, make the delivery, read its events, build its body.
    const repository = new WebhookDispatchRepository(api.runtime.database.executor(30_000));
    const body = async (id: string) => {
      const owner = `pd-test-${id}`;
      const claimed = await repository.claim(id, owner, Date.now(), 60_000);
      expect(claimed).not.toBeNull();
      try {
        const next = await repository.nextDelivery(claimed!, owner, Date.now(), 60_000, 100, `msg_${id}`);
        const delivery = next!.delivery!;
        const events = await repository.events(t.tenant, delivery);
        return maskedWebhookPayload(delivery.createdAt, events, next!.endpoint.personalData);
      } finally {
        await repository.release(id, owner, Date.now());
      }
    };
    const masked = await body(partner.id);
    expect(masked).not.toContain("hook.person@example.com");
    expect(masked).not.toContain("Hook Person");
    expect(masked).toContain("h***@example.com");
    expect(masked).toContain("+44 ** **** **58");
    const clear = await body(sync.id);
    expect(clear).toContain("hook.person@example.com");
  });

  it("refuses a webhook asking for more personal data in clear than its registrant sees", async () => {
    const response = await api.post(
      `mutation { registerWebhook(url: "http://127.0.0.1:9/pd-x", eventTypes: [CONTACT_CREATED], personalData: [SENSITIVE]) { secret } }`,
      {},
      { token: tokenFor(t.tenant, "integrator") },
    );
    expect(response.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.body.errors?.[0]?.message).toContain("SENSITIVE");
  });
});

describe("the API's clients", () => {
  it("the MCP customer_360 tool hands a viewer masked contacts", async () => {
    const options = relataClientOptionsFromEnv({ RELATA_URL: api.url, RELATA_TOKEN: tokenFor(t.tenant, "viewer") });
    const server = createRelataMcpServer(new RelataClient(options));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const mcp = new Client({ name: "relata-pd", version: "1.0.0" });
    await mcp.connect(clientSide);
    try {
      const result = (await mcp.callTool({
        name: "customer_360",
        arguments: { accountId: t.accountId },
      })) as CallToolResult;
      const first = result.content[0];
      const text = first?.type === "text" ? first.text : "";
      expect(result.isError).not.toBe(true);
      expect(text).toContain("z***@example.com");
      expectNoClearValue(text);
    } finally {
      await mcp.close();
    }
  });

  it("the explorer's record search hands a viewer masked contacts", async () => {
    const response = await api.run(
      ExplorerRecordSearchDocument,
      { search: PEOPLE.contact.email, first: 10 },
      { token: tokenFor(t.tenant, "viewer") },
    );
    const text = JSON.stringify(dataOf(response));
    expect(text).toContain("Z*** Å***");
    expectNoClearValue(text);
  });
});

describe("another tenant", () => {
  it("reads none of this tenant's people, masked or not", async () => {
    const other = tokenFor(uniqueTenant("pd-other"), "admin");
    const nodes = dataOf(
      await api.post(
        `{ nodes(ids: ["${t.contactId}", "${t.userId}"]) { id } contacts(first: 50) { edges { node { id } } } }`,
        {},
        {
          token: other,
        },
      ),
    );
    expect(nodes).toEqual({ nodes: [null, null], contacts: { edges: [] } });
    const identity = await api.post(`{ identity(id: "${t.identityIds[0]}") { id } }`, {}, { token: other });
    expect(identity.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const stream = await getChanges(api, other, "");
    expect(stream.status).toBe(200);
    expect(stream.events).toEqual([]);
  });
});

describe("the audit of SENSITIVE reads", () => {
  const auditOf = async () =>
    (
      dataOf(
        await post(
          "admin",
          `{ auditTrail(first: 50, filter: { kind: "PERSONAL_DATA_READ" }) { edges { node { kind actor payloadText userIds } } } }`,
        ),
      ) as { auditTrail: { edges: Array<{ node: { kind: string; actor: string; payloadText: string } }> } }
    ).auditTrail.edges.map((e) => e.node);

  it("records an agent's read of SENSITIVE values: who, which fields, purpose, how many, never the values", async () => {
    const before = (await auditOf()).length;
    const agent = signToken({ tenant: t.tenant, role: "admin", agent: "pd-bot" }, TEST_JWT_SECRET);
    const read = await api.post(
      `query AgentReadsBirthDates { identity(id: "${t.identityIds[0]}") { attributes { dateOfBirth nationalId givenName } } }`,
      {},
      { token: agent, headers: { "x-relata-purpose": "kyc-check" } },
    );
    expect(
      (dataOf(read) as { identity: { attributes: { dateOfBirth: string } } }).identity.attributes.dateOfBirth,
    ).toBe(PEOPLE.identity.dateOfBirth);
    const records = await auditOf();
    expect(records).toHaveLength(before + 1);
    const record = records[0]!;
    expect(record.actor).toBe("agent:pd-bot");
    expect(JSON.parse(record.payloadText)).toEqual({
      categories: ["SENSITIVE"],
      channel: "graphql",
      fields: [
        { field: "IdentityAttributes.dateOfBirth", records: 1 },
        { field: "IdentityAttributes.nationalId", records: 1 },
      ],
      operation: "AgentReadsBirthDates",
      purpose: "kyc-check",
      records: 2,
    });
    expectNoClearValue(record.payloadText);
    const verified = dataOf(await post("admin", `{ verifyAuditTrail { ok } }`)) as {
      verifyAuditTrail: { ok: boolean };
    };
    expect(verified.verifyAuditTrail.ok).toBe(true);
  });

  it("does not record a person's interactive read, nor an agent's read of masked values", async () => {
    const before = (await auditOf()).length;
    dataOf(await post("admin", `{ identity(id: "${t.identityIds[0]}") { attributes { dateOfBirth } } }`));
    const agent = signToken({ tenant: t.tenant, role: "analyst", agent: "pd-bot" }, TEST_JWT_SECRET);
    dataOf(
      await api.post(`{ identity(id: "${t.identityIds[0]}") { attributes { dateOfBirth } } }`, {}, { token: agent }),
    );
    expect(await auditOf()).toHaveLength(before);
  });
});
