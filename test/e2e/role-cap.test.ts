import { signToken } from "../../app/auth/token";
import { nodeId } from "../../domain/ids/node-id";
import {
  RevokeTokenDocument,
  UpsertAccountsDocument,
  UpsertUsersDocument,
  ViewerUserDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { getChanges } from "./support/change-stream";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 11 (people and data): a token naming a user may do what its role AND one of the user's roles allow.

const tenant = uniqueTenant("role-cap");
const otherTenant = uniqueTenant("role-cap-other");
let api: TestApi;
let integrator: string;

const userToken = (user: string, role: "admin" | "analyst" | "integrator" | "viewer" = "admin", forTenant = tenant) =>
  signToken({ tenant: forTenant, role, user }, TEST_JWT_SECRET);
const ACCOUNT = [{ sourceSystem: "crm", externalId: "A-1", name: "Capped" }];
const users = (roles: Record<string, string[]>) =>
  Object.entries(roles).map(([externalId, r]) => ({
    sourceSystem: "hr",
    externalId,
    name: `User ${externalId}`,
    roles: r,
  }));

beforeAll(async () => {
  api = await startTestApi();
  integrator = api.token(tenant, "integrator");
  const stored = dataOf(
    await api.run(
      UpsertUsersDocument,
      { input: users({ vera: ["viewer"], ina: ["integrator", "viewer"], nobody: [], ana: ["analyst"] }) },
      { token: integrator },
    ),
  ).upsertUsers;
  expect(stored).toMatchObject({ created: 4, rejected: 0 });
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

describe("a token capped by its user's roles", () => {
  it("refuses a mutation to a viewer user's admin token, naming the token's role, the user and their roles", async () => {
    const response = await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token: userToken("vera") });
    const error = onlyErrorOf(response, 200);
    expect(error.extensions?.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      `Your token's role (admin) is capped by your user: user "vera" has the role viewer, and upsertAccounts ` +
        `needs the admin or integrator role. Ask an admin of your tenant to give the user one of those roles ` +
        `(upsertUsers), or use a token for another user.`,
    );
  });

  it("still lets that token read, and shows its user in viewer", async () => {
    const viewer = dataOf(await api.run(ViewerUserDocument, {}, { token: userToken("vera") })).viewer;
    expect(viewer).toEqual({
      role: "admin",
      subject: "vera",
      // Capped to a viewer, the token sees people's names masked, its own user's too (decision 0028).
      user: { id: nodeId("User", tenant, "hr", "vera"), externalId: "vera", name: "U*** v***", roles: ["viewer"] },
    });
  });

  it("allows what both allow, and refuses what only the user's roles would", async () => {
    dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token: userToken("ina") }));
    const revoke = onlyErrorOf(
      await api.run(RevokeTokenDocument, { jti: "some-jti" }, { token: userToken("ina", "admin") }),
      200,
    );
    expect(revoke.message).toMatch(
      /^Your token's role \(admin\) is capped by your user: user "ina" has the roles integrator, viewer, and revokeToken needs the admin role/,
    );
    const byToken = onlyErrorOf(
      await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token: userToken("ina", "analyst") }),
      200,
    );
    expect(byToken.message).toMatch(/^Your role \(analyst\) may not call upsertAccounts/);
  });

  it("caps a token whose sub names a user even without the usr claim", async () => {
    const token = signToken({ tenant, role: "admin", subject: "vera" }, TEST_JWT_SECRET);
    const error = onlyErrorOf(await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token }), 200);
    expect(error.message).toMatch(/user "vera" has the role viewer/);
  });

  it("leaves service tokens (no user) uncapped", async () => {
    const viewer = dataOf(await api.run(ViewerUserDocument, {}, { token: integrator })).viewer;
    expect(viewer.user).toBeNull();
    dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token: api.token(tenant, "admin") }));
  });

  it("applies a role change made through this instance at once", async () => {
    const token = userToken("ana");
    expect(
      onlyErrorOf(await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token }), 200).extensions?.code,
    ).toBe("FORBIDDEN");
    dataOf(
      await api.run(UpsertUsersDocument, { input: users({ ana: ["analyst", "integrator"] }) }, { token: integrator }),
    );
    dataOf(await api.run(UpsertAccountsDocument, { input: ACCOUNT }, { token }));
  });

  it("caps the HTTP routes too: a user with no roles may not read the change stream", async () => {
    expect((await getChanges(api, userToken("vera", "viewer"))).status).toBe(200);
    const refused = await getChanges(api, userToken("nobody", "viewer"));
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/^User "nobody" of tenant "t-role-cap-[0-9a-f]+" has no roles/);
  });
});

describe("tokens for users who do not exist", () => {
  it("refuses a token issued for an unknown user with 403, naming the user", async () => {
    const error = onlyErrorOf(await api.run(ViewerUserDocument, {}, { token: userToken("ghost") }), 403);
    expect(error.extensions?.code).toBe("FORBIDDEN");
    expect(error.message).toBe(
      `This token was issued for user "ghost", but tenant "${tenant}" has no such user (never upserted, or ` +
        `deleted). Upsert the user (upsertUsers), or use a token for another user.`,
    );
  });

  it("refuses a token for a user of another tenant", async () => {
    const error = onlyErrorOf(
      await api.run(ViewerUserDocument, {}, { token: userToken("vera", "admin", otherTenant) }),
      403,
    );
    expect(error.message).toMatch(/^This token was issued for user "vera", but tenant "t-role-cap-other-/);
  });

  it("refuses every request of a user with no roles", async () => {
    const error = onlyErrorOf(await api.run(ViewerUserDocument, {}, { token: userToken("nobody") }), 403);
    expect(error.message).toMatch(/^User "nobody" of tenant .* has no roles, so a token naming them may do nothing/);
  });
});
