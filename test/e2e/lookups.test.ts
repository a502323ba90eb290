import { sourceSystemId } from "../../domain/ids/global-id";
import { nodeId } from "../../domain/ids/node-id";
import {
  NodeByExternalIdDocument,
  NodeByIdDocument,
  NodesByExternalIdsDocument,
  NodesByIdsDocument,
} from "../../schema/generated/graphql";
import { GraphQLResponse, startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { loadFixture } from "./support/record-fixtures";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

// Issue 19, "No lookups": Relay node(id)/nodes(ids) for every record type, and lookups by (source system,
// external id), singly and in bulk.

const tenant = uniqueTenant("lookups");
const other = uniqueTenant("lookups-other");
let api: TestApi;
let token: string;
let otherToken: string;

const id = (kind: Parameters<typeof nodeId>[0], sourceSystem: string, externalId: string, t = tenant) =>
  nodeId(kind, t, sourceSystem, externalId);
const debug = { "x-relata-debug": "1" };

beforeAll(async () => {
  api = await startTestApi({}, { clock: () => new Date("2026-11-01T12:00:00.000Z") });
  token = api.token(tenant, "admin");
  otherToken = api.token(other, "admin");
  await loadFixture(api, token);
  // The other tenant has a record with the same key as one of ours, and one of its own.
  await loadFixture(api, otherToken);
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe("node(id:)", () => {
  it.each([
    ["Account", id("Account", "crm", "A-1"), { name: "Acme Health", region: "APAC-CN", externalId: "A-1" }],
    ["Contact", id("Contact", "crm", "C-1"), { name: "Ada Lin", account: { id: id("Account", "crm", "A-1") } }],
    ["Opportunity", id("Opportunity", "crm", "O-1"), { stage: "NEGOTIATION", amount: 120000 }],
    ["Asset", id("Asset", "crm", "S-1"), { model: "MX-200", account: { id: id("Account", "crm", "A-1") } }],
    ["Organization", id("Organization", "crm", "N-1"), { kind: "SERVICE_PROVIDER" }],
    [
      "Signal",
      id("Signal", "iot", "R-1"),
      { field: "mtbf_hours", subjectKind: "ASSET", subjectId: id("Asset", "crm", "S-1") },
    ],
    ["SourceSystem", sourceSystemId(tenant, "crm"), { key: "crm", systemKind: "CRM" }],
    ["Concept", "core:satisfaction", { pack: "core" }],
  ])("reads a %s back by its id", async (typename, nodeIdValue, fields) => {
    const data = dataOf(await api.run(NodeByIdDocument, { id: nodeIdValue }, { token }));
    expect(data.node).toMatchObject({ __typename: typename, id: nodeIdValue, ...fields });
  });

  it("gives source systems an id that sourceSystems lists and node reads back", async () => {
    const listed = dataOf(
      await api.post<{ sourceSystems: Array<{ id: string; key: string }> }>(
        "{ sourceSystems { id key } }",
        {},
        { token },
      ),
    );
    const crm = listed.sourceSystems.find((s) => s.key === "crm");
    expect(crm?.id).toBe(sourceSystemId(tenant, "crm"));
    const read = dataOf(await api.run(NodeByIdDocument, { id: crm!.id }, { token }));
    expect(read.node).toMatchObject({ __typename: "SourceSystem", key: "crm" });
  });

  it("answers null for a well-formed id nobody has", async () => {
    const data = dataOf(await api.run(NodeByIdDocument, { id: id("Account", "crm", "NO-SUCH") }, { token }));
    expect(data.node).toBeNull();
  });

  it("answers null for another tenant's ids, as for unknown ones", async () => {
    for (const theirs of [
      id("Account", "crm", "A-1", other),
      id("Signal", "iot", "R-1", other),
      sourceSystemId(other, "crm"),
    ]) {
      const data = dataOf(await api.run(NodeByIdDocument, { id: theirs }, { token }));
      expect({ theirs, node: data.node }).toEqual({ theirs, node: null });
    }
  });

  it.each([
    ["an unknown prefix", "xyz_AAAAAAAAAAAAAAAAAAAAAA", 'unknown prefix "xyz_"'],
    ["a truncated record id", "acc_short", "is not a Relata id"],
    ["an empty id", "", "is not a Relata id"],
    ["a source-system id altered by hand", "src_Y3Jt!.AAAAAAAAAAAA", "is not a Relata id"],
  ])("refuses %s with INVALID_ID saying what ids look like", async (_what, bad, says) => {
    const error = onlyErrorOf(await api.run(NodeByIdDocument, { id: bad }, { token }), 200);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
    expect(error.message).toContain(says);
    expect(error.message).toContain('"acc_"');
  });
});

describe("nodes(ids:)", () => {
  it("reads records of mixed types in the order asked, with null for unknown and foreign ids", async () => {
    const ids = [
      id("Signal", "callcenter", "T-3"),
      id("Account", "erp", "E-1"),
      id("Account", "crm", "A-1", other),
      id("Contact", "crm", "C-3"),
      sourceSystemId(tenant, "crm"),
      id("Opportunity", "crm", "NOPE"),
      id("Organization", "crm", "N-2"),
    ];
    const response = await api.run(NodesByIdsDocument, { ids }, { token, headers: debug });
    const nodes = dataOf(response).nodes;
    expect(nodes.map((n) => n?.__typename ?? null)).toEqual([
      "Signal",
      "Account",
      null,
      "Contact",
      "SourceSystem",
      null,
      "Organization",
    ]);
    expect(nodes.map((n) => n?.id ?? null)).toEqual(ids.map((i, k) => ([2, 5].includes(k) ? null : i)));
    // Every record type in one statement, and the contact's account (NodeFields asks for it) in one more.
    expect(statementNames(response)).toEqual(["node.byIds", "account.byIds"]);
  });

  it("reads concepts beside records in one more statement, and each nested account once", async () => {
    const response = await api.run(
      NodesByIdsDocument,
      {
        ids: [
          "core:satisfaction",
          id("Contact", "crm", "C-1"),
          id("Asset", "crm", "S-2"),
          id("Opportunity", "crm", "O-4"),
        ],
      },
      { token, headers: debug },
    );
    expect(dataOf(response).nodes.map((n) => n?.__typename)).toEqual(["Concept", "Contact", "Asset", "Opportunity"]);
    expect(statementNames(response).sort()).toEqual(["account.byIds", "concept.byIds", "node.byIds"]);
  });

  it("refuses the whole call when one id is malformed, naming its position", async () => {
    const error = onlyErrorOf(
      await api.run(NodesByIdsDocument, { ids: [id("Account", "crm", "A-1"), "acc_nope"] }, { token }),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
    expect(error.message).toMatch(/^ids\[1\]: "acc_nope"/);
  });

  it("refuses more ids than the largest page, saying how many were sent", async () => {
    const ids = Array.from({ length: 501 }, (_, i) => id("Account", "crm", `X-${i}`));
    const error = onlyErrorOf(
      await api.post("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids }, { token }),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "TOO_MANY_IDS" });
    expect(error.message).toContain("ids has 501 entries; at most 500");
  });

  it("counts every id asked for in the query cost, so nested pages under many ids are refused up front", async () => {
    const ids = Array.from({ length: 200 }, (_, i) => id("Account", "crm", `X-${i}`));
    const costly = `query Costly($ids: [ID!]!) { nodes(ids: $ids) { ... on Account { contacts(first: 500) { edges { node { id name } } } } } }`;
    const refused = await api.post(costly, { ids }, { token });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "QUERY_TOO_COSTLY" });
    const fine = await api.post(costly, { ids: ids.slice(0, 2) }, { token });
    expect(dataOf(fine as GraphQLResponse<{ nodes: unknown[] }>).nodes).toEqual([null, null]);
  });
});

describe("lookups by source system and external id", () => {
  it.each([
    ["ACCOUNT", "crm", "A-2", "Account", { name: "Borealis Bank" }],
    ["CONTACT", "erp", "EC-1", "Contact", { name: "Dora Diaz" }],
    ["OPPORTUNITY", "crm", "O-3", "Opportunity", { stage: "CLOSED_WON" }],
    ["ASSET", "crm", "S-3", "Asset", { name: "Charger" }],
    ["ORGANIZATION", "crm", "N-2", "Organization", { name: "Parts Co" }],
    ["SIGNAL", "iot", "R-2", "Signal", { numberValue: 650 }],
  ] as const)("finds the %s %s/%s", async (type, sourceSystem, externalId, typename, fields) => {
    const data = dataOf(await api.run(NodeByExternalIdDocument, { type, sourceSystem, externalId }, { token }));
    expect(data.nodeByExternalId).toMatchObject({ __typename: typename, sourceSystem, externalId, ...fields });
  });

  it("answers null for a key of the wrong type or source system", async () => {
    for (const key of [
      { type: "CONTACT" as const, sourceSystem: "crm", externalId: "A-1" },
      { type: "ACCOUNT" as const, sourceSystem: "erp", externalId: "A-1" },
    ]) {
      expect(dataOf(await api.run(NodeByExternalIdDocument, key, { token })).nodeByExternalId).toBeNull();
    }
  });

  it("resolves many keys of mixed types in one statement, aligned with the keys", async () => {
    const keys = [
      { type: "OPPORTUNITY" as const, sourceSystem: "crm", externalId: "O-2" },
      { type: "ACCOUNT" as const, sourceSystem: "crm", externalId: "MISSING" },
      { type: "SIGNAL" as const, sourceSystem: "callcenter", externalId: "T-1" },
      { type: "ACCOUNT" as const, sourceSystem: "crm", externalId: "A-3" },
    ];
    const response = await api.run(NodesByExternalIdsDocument, { keys }, { token, headers: debug });
    const found = dataOf(response).nodesByExternalIds;
    expect(found.map((n) => (n && "externalId" in n ? `${n.__typename}:${n.externalId}` : null))).toEqual([
      "Opportunity:O-2",
      null,
      "Signal:T-1",
      "Account:A-3",
    ]);
    expect(statementNames(response)).toEqual(["node.byIds", "account.byIds"]);
  });

  it("keeps tenants apart: the same key names each tenant's own record", async () => {
    const key = { type: "ACCOUNT" as const, sourceSystem: "crm", externalId: "A-1" };
    const ours = dataOf(await api.run(NodeByExternalIdDocument, key, { token })).nodeByExternalId;
    const theirs = dataOf(await api.run(NodeByExternalIdDocument, key, { token: otherToken })).nodeByExternalId;
    expect(ours?.id).toBe(id("Account", "crm", "A-1"));
    expect(theirs?.id).toBe(id("Account", "crm", "A-1", other));
    expect(ours?.id).not.toBe(theirs?.id);
  });

  it("refuses over-long keys and too many keys before reading anything", async () => {
    const long = onlyErrorOf(
      await api.run(
        NodeByExternalIdDocument,
        { type: "ACCOUNT", sourceSystem: "crm", externalId: "x".repeat(300) },
        { token },
      ),
      400,
    );
    expect(long.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INPUT_TOO_LONG" });
    const keys = Array.from({ length: 501 }, (_, i) => ({
      type: "ACCOUNT" as const,
      sourceSystem: "crm",
      externalId: `K-${i}`,
    }));
    const many = onlyErrorOf(await api.run(NodesByExternalIdsDocument, { keys }, { token }), 200);
    expect(many.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "TOO_MANY_IDS" });
  });
});
