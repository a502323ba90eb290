import { nodeId } from "../../domain/ids/node-id";
import {
  AccountOwnerDocument,
  ChangesDocument,
  NodeByExternalIdDocument,
  TeamsDocument,
  UpsertAccountsDocument,
  UpsertTeamsDocument,
  UpsertUsersDocument,
  UserByExternalIdDocument,
  UsersDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

// Issue 11 (people and data): users and teams are records, through the same bulk ingest.

const tenant = uniqueTenant("people");
const otherTenant = uniqueTenant("people-other");
let api: TestApi;
let token: string;

const TEAMS = [
  { sourceSystem: "hr", externalId: "T-SALES", name: "Sales East" },
  { sourceSystem: "hr", externalId: "T-SERVICE", name: "Service East" },
];
const user = (externalId: string, extra: Record<string, unknown> = {}) => ({
  sourceSystem: "hr",
  externalId,
  name: `User ${externalId}`,
  ...extra,
});

async function userOf(externalId: string, forToken = token) {
  return dataOf(await api.run(UserByExternalIdDocument, { externalId }, { token: forToken })).user;
}

beforeAll(async () => {
  api = await startTestApi();
  token = api.token(tenant, "integrator");
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("upserting users and teams", () => {
  it("stores teams, then users with roles, team, seniority and a manager sent after them in the same batch", async () => {
    const teams = dataOf(await api.run(UpsertTeamsDocument, { input: TEAMS }, { token })).upsertTeams;
    expect(teams).toMatchObject({ created: 2, rejected: 0 });
    const users = dataOf(
      await api.run(
        UpsertUsersDocument,
        {
          input: [
            user("lena", {
              email: "lena@volta.example",
              roles: ["viewer", "analyst", "viewer"],
              team: { externalId: "T-SALES" },
              manager: { externalId: "boss" },
              seniority: "LEAD",
            }),
            user("boss", { roles: ["admin"], seniority: "EXECUTIVE" }),
          ],
        },
        { token },
      ),
    ).upsertUsers;
    expect(users).toMatchObject({ created: 2, rejected: 0 });
    expect(users.records.map((r) => r.id)).toEqual([
      nodeId("User", tenant, "hr", "lena"),
      nodeId("User", tenant, "hr", "boss"),
    ]);
    expect(await userOf("lena")).toEqual({
      id: nodeId("User", tenant, "hr", "lena"),
      sourceSystem: "hr",
      externalId: "lena",
      name: "User lena",
      email: "lena@volta.example",
      roles: ["analyst", "viewer"],
      seniority: "LEAD",
      team: { id: nodeId("Team", tenant, "hr", "T-SALES"), externalId: "T-SALES", name: "Sales East" },
      manager: { externalId: "boss", name: "User boss" },
    });
  });

  it("reports a resend unchanged and keeps omitted fields (MERGE)", async () => {
    const again = dataOf(
      await api.run(UpsertUsersDocument, { input: [user("lena"), user("boss", { roles: ["admin"] })] }, { token }),
    ).upsertUsers;
    expect(again).toMatchObject({ unchanged: 2 });
    expect(await userOf("lena")).toMatchObject({ roles: ["analyst", "viewer"], team: { externalId: "T-SALES" } });
  });

  it("links a manager who arrives in a later call", async () => {
    dataOf(
      await api.run(UpsertUsersDocument, { input: [user("tom", { manager: { externalId: "later" } })] }, { token }),
    );
    expect((await userOf("tom"))?.manager).toBeNull();
    dataOf(await api.run(UpsertUsersDocument, { input: [user("later")] }, { token }));
    expect((await userOf("tom"))?.manager).toEqual({ externalId: "later", name: "User later" });
  });

  it("moves a user to another team and lists members per team", async () => {
    const moved = dataOf(
      await api.run(UpsertUsersDocument, { input: [user("tom", { team: { externalId: "T-SERVICE" } })] }, { token }),
    ).upsertUsers;
    expect(moved).toMatchObject({ updated: 1 });
    const teams = dataOf(await api.run(TeamsDocument, { first: 10 }, { token })).teams;
    expect(teams.totalCount).toBe(2);
    expect(teams.edges.map(({ node }) => [node.externalId, node.members.map((m) => m.externalId)])).toEqual([
      ["T-SALES", ["lena"]],
      ["T-SERVICE", ["tom"]],
    ]);
  });

  it("filters users by role, team and search, and pages them", async () => {
    const admins = dataOf(await api.run(UsersDocument, { filter: { roles: ["admin"] } }, { token })).users;
    expect(admins.edges.map((e) => e.node.externalId)).toEqual(["boss"]);
    const sales = dataOf(
      await api.run(UsersDocument, { filter: { teamIds: [nodeId("Team", tenant, "hr", "T-SALES")] } }, { token }),
    ).users;
    expect(sales.edges.map((e) => e.node.externalId)).toEqual(["lena"]);
    const search = dataOf(await api.run(UsersDocument, { filter: { search: "VOLTA.example" } }, { token })).users;
    expect(search.edges.map((e) => e.node.externalId)).toEqual(["lena"]);
    const first = dataOf(await api.run(UsersDocument, { first: 2 }, { token })).users;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(await api.run(UsersDocument, { first: 2, after: first.pageInfo.endCursor }, { token })).users;
    expect([...first.edges, ...rest.edges].map((e) => e.node.externalId)).toEqual(["boss", "later", "lena", "tom"]);
  });

  it("reads a page of users with their teams and managers in one statement each (list, count, teams, managers)", async () => {
    const response = await api.run(
      UsersDocument,
      { first: 50 },
      {
        token: api.token(tenant, "admin"),
        headers: { "x-relata-debug": "1" },
      },
    );
    expect(dataOf(response).users.edges.length).toBe(4);
    expect(statementNames(response).sort()).toEqual([
      "team.byIds",
      "user.byExternalIds",
      "user.list",
      "user.list.count",
    ]);
    const teams = await api.run(
      TeamsDocument,
      { first: 10 },
      {
        token: api.token(tenant, "admin"),
        headers: { "x-relata-debug": "1" },
      },
    );
    expect(statementNames(teams).sort()).toEqual(["team.list", "team.list.count", "team.members"]);
  });

  it("reads users and teams by external id and global id", async () => {
    const found = dataOf(
      await api.run(
        NodeByExternalIdDocument,
        { type: "USER" as never, sourceSystem: "hr", externalId: "lena" },
        { token },
      ),
    ).nodeByExternalId;
    expect(found).toMatchObject({ __typename: "User", id: nodeId("User", tenant, "hr", "lena") });
  });

  it("sets an account's owner through upsertAccounts, also before the owner exists", async () => {
    const accounts = [
      { sourceSystem: "crm", externalId: "A-1", name: "Volta Fleet", owner: { externalId: "lena" } },
      { sourceSystem: "crm", externalId: "A-2", name: "Ampere Bus", owner: { externalId: "newcomer" } },
    ];
    dataOf(await api.run(UpsertAccountsDocument, { input: accounts }, { token }));
    const owner = async (externalId: string) =>
      dataOf(await api.run(AccountOwnerDocument, { id: nodeId("Account", tenant, "crm", externalId) }, { token }))
        .account?.owner;
    expect(await owner("A-1")).toEqual({ externalId: "lena", name: "User lena" });
    expect(await owner("A-2")).toBeNull();
    dataOf(await api.run(UpsertUsersDocument, { input: [user("newcomer")] }, { token }));
    expect(await owner("A-2")).toEqual({ externalId: "newcomer", name: "User newcomer" });
    const cleared = dataOf(
      await api.run(UpsertAccountsDocument, { input: [{ ...accounts[0], owner: null }] }, { token }),
    ).upsertAccounts;
    expect(cleared).toMatchObject({ updated: 1 });
    expect(await owner("A-1")).toBeNull();
  });

  it("records user events with name and email marked personal", async () => {
    const events = dataOf(
      await api.run(
        ChangesDocument,
        { after: null, types: ["USER_CREATED", "TEAM_CREATED"] as never, first: 100 },
        { token },
      ),
    ).changes.events;
    expect(events.filter((e) => e.type === "TEAM_CREATED")).toHaveLength(2);
    const lena = events.find((e) => e.type === "USER_CREATED" && e.externalId === "lena");
    expect(lena?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "name", new: "User lena", personal: true }),
        expect.objectContaining({ field: "email", new: "lena@volta.example", personal: true }),
        expect.objectContaining({ field: "roles", new: ["analyst", "viewer"], personal: false }),
        expect.objectContaining({ field: "managerExternalId", new: "boss", personal: false }),
      ]),
    );
  });
});

describe("rejected users", () => {
  it("rejects a user whose externalId another source system already has, naming both", async () => {
    const result = dataOf(
      await api.run(UpsertUsersDocument, { input: [{ ...user("lena"), sourceSystem: "ldap" }] }, { token }),
    ).upsertUsers;
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    expect(result.rejections[0]?.reason).toMatch(
      /^externalId "lena" is already the id of a user from source system "hr"; user external ids are unique per tenant/,
    );
    expect((await userOf("lena"))?.sourceSystem).toBe("hr");
  });

  it("rejects one externalId twice in a batch even from two source systems", async () => {
    const result = dataOf(
      await api.run(UpsertUsersDocument, { input: [user("dup"), { ...user("dup"), sourceSystem: "ldap" }] }, { token }),
    ).upsertUsers;
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    expect(result.rejections[0]?.reason).toMatch(/^duplicate of record 0 in this batch \(same user externalId/);
  });

  it("rejects an unknown team, an unknown role, a bad e-mail and a self-manager, storing the valid ones", async () => {
    const result = dataOf(
      await api.run(
        UpsertUsersDocument,
        {
          input: [
            user("u1", { team: { externalId: "NOPE" } }),
            user("u2", { roles: ["superuser"] }),
            user("u3", { email: "not-an-email" }),
            user("u4", { manager: { externalId: "u4" } }),
            user("u5", { roles: ["viewer"] }),
          ],
        },
        { token },
      ),
    ).upsertUsers;
    expect(result).toMatchObject({ created: 1, rejected: 4 });
    expect(result.rejections.map((r) => [r.externalId, r.reason])).toEqual([
      [
        "u1",
        'team "NOPE" from source system "hr" does not exist in this tenant; upsert the team first (upsertTeams), or correct team.externalId / team.sourceSystem',
      ],
      ["u2", 'roles[0] must be one of admin, analyst, integrator, viewer, rep; received "superuser"'],
      ["u3", 'email is not an e-mail address; received "not-an-email"'],
      ["u4", 'manager.externalId names the user itself ("u4"); leave manager out or name another user'],
    ]);
  });

  it("refuses upsertUsers and upsertTeams to analysts and viewers", async () => {
    for (const role of ["analyst", "viewer"] as const) {
      for (const response of [
        await api.run(UpsertUsersDocument, { input: [user("x")] }, { token: api.token(tenant, role) }),
        await api.run(UpsertTeamsDocument, { input: TEAMS }, { token: api.token(tenant, role) }),
      ]) {
        const error = onlyErrorOf(response, 200);
        expect(error.extensions?.code).toBe("FORBIDDEN");
        expect(error.message).toMatch(/needs the admin or integrator role/);
      }
    }
  });
});

describe("tenant isolation of users and teams", () => {
  it("shows another tenant none of them, and lets it reuse the same external ids", async () => {
    const other = api.token(otherTenant, "admin");
    expect(dataOf(await api.run(UsersDocument, { first: 10 }, { token: other })).users.edges).toEqual([]);
    expect(dataOf(await api.run(TeamsDocument, { first: 10 }, { token: other })).teams.edges).toEqual([]);
    expect(await userOf("lena", other)).toBeNull();
    const byId = dataOf(
      await api.post(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: nodeId("User", tenant, "hr", "lena") },
        { token: other },
      ),
    ) as { node: unknown };
    expect(byId.node).toBeNull();
    const team = dataOf(
      await api.post(
        `query($id: ID!) { node(id: $id) { id } }`,
        { id: nodeId("Team", tenant, "hr", "T-SALES") },
        { token: other },
      ),
    ) as { node: unknown };
    expect(team.node).toBeNull();
    const members = dataOf(
      await api.run(
        UsersDocument,
        { filter: { teamIds: [nodeId("Team", tenant, "hr", "T-SALES")] } },
        { token: other },
      ),
    ).users;
    expect(members.edges).toEqual([]);
    const reuse = dataOf(
      await api.run(
        UpsertUsersDocument,
        { input: [{ ...user("lena"), sourceSystem: "ldap", team: { externalId: "T-SALES" } }] },
        { token: other },
      ),
    ).upsertUsers;
    expect(reuse.rejections[0]?.reason).toMatch(
      /^team "T-SALES" from source system "ldap" does not exist in this tenant/,
    );
    dataOf(
      await api.run(UpsertUsersDocument, { input: [{ ...user("lena"), sourceSystem: "ldap" }] }, { token: other }),
    );
    expect((await userOf("lena", other))?.sourceSystem).toBe("ldap");
    expect((await userOf("lena"))?.sourceSystem).toBe("hr");
  });
});
