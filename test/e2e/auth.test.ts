import jwt from "jsonwebtoken";
import { signToken } from "../../app/auth/token";
import { UpsertAccountsDocument, ViewerDocument } from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

const tenant = uniqueTenant("auth");
let api: TestApi;

const ACCOUNT = { sourceSystem: "crm", externalId: "AUTH-1", name: "Auth Probe Ltd" };
const COUNT_ACCOUNTS = "{ accounts { totalCount } }";

/** A token signed with the test secret but with claims of our choosing. */
function craftedToken(claims: Record<string, unknown>, options: jwt.SignOptions = {}): string {
  return jwt.sign(claims, TEST_JWT_SECRET, { algorithm: "HS256", issuer: "relata", ...options });
}

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.stop();
});

describe("authenticated callers", () => {
  it("echoes the token's tenant, role, subject and jti in viewer", async () => {
    const token = signToken({ tenant, role: "analyst", subject: "lena@example.test" }, TEST_JWT_SECRET);
    const { jti } = jwt.decode(token) as jwt.JwtPayload;
    const data = dataOf(await api.run(ViewerDocument, {}, { token }));
    expect(data.viewer).toEqual({ tenant, role: "analyst", subject: "lena@example.test", tokenId: jti });
  });

  it("gives viewer a default subject of role@tenant", async () => {
    const data = dataOf(await api.run(ViewerDocument, {}, { token: api.token(tenant, "viewer") }));
    expect(data.viewer).toMatchObject({ tenant, role: "viewer", subject: `viewer@${tenant}` });
  });

  it("names a token without a jti by a hash of it", async () => {
    const token = craftedToken({ tenant, role: "viewer" }, { expiresIn: 600 });
    const data = dataOf(await api.run(ViewerDocument, {}, { token }));
    expect(data.viewer.tokenId).toMatch(/^sha256:[0-9a-f]{32}$/);
  });

  it("accepts a token that lives just under the 24 h cap", async () => {
    const token = craftedToken({ tenant, role: "viewer" }, { expiresIn: 23 * 3600 });
    expect(dataOf(await api.run(ViewerDocument, {}, { token })).viewer.tenant).toBe(tenant);
  });

  it("accepts the bearer scheme in lower case", async () => {
    const token = api.token(tenant, "viewer");
    const response = await api.post<{ viewer: { tenant: string } }>(
      "{ viewer { tenant } }",
      {},
      {
        headers: { authorization: `bearer ${token}` },
      },
    );
    expect(dataOf(response).viewer.tenant).toBe(tenant);
  });

  it("lets every role read", async () => {
    for (const role of ["viewer", "analyst", "integrator", "admin"] as const) {
      const response = await api.post<{ accounts: { totalCount: number } }>(
        COUNT_ACCOUNTS,
        {},
        { token: api.token(tenant, role) },
      );
      expect(dataOf(response).accounts.totalCount).toBeGreaterThanOrEqual(0);
    }
  });

  it("lets the integrator and admin roles write", async () => {
    for (const role of ["integrator", "admin"] as const) {
      const response = await api.run(UpsertAccountsDocument, { input: [ACCOUNT] }, { token: api.token(tenant, role) });
      expect(dataOf(response).upsertAccounts.rejected).toBe(0);
    }
  });
});

describe("unauthenticated callers", () => {
  it("answers a request without a token with HTTP 401, UNAUTHENTICATED and how to get a token", async () => {
    const response = await api.post("{ viewer { tenant } }", {}, { token: null });
    const error = onlyErrorOf(response, 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/No token/);
    expect(error.message).toContain("Authorization: Bearer <token>");
    expect(error.message).toContain("npm run token");
    expect(response.body.data ?? null).toBeNull();
  });

  it.each([
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["the scheme without a token", "Bearer"],
    ["a bare token", "eyJhbGciOiJIUzI1NiJ9.e30.sig"],
  ])("rejects an Authorization header with %s as malformed", async (_why, authorization) => {
    const response = await api.post("{ viewer { tenant } }", {}, { headers: { authorization } });
    const error = onlyErrorOf(response, 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/must be "Bearer <token>"/);
  });

  it("rejects a token that is not a JWT", async () => {
    const error = onlyErrorOf(await api.post("{ viewer { tenant } }", {}, { token: "not.a.jwt" }), 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/the token is invalid/);
  });

  it("rejects a token signed with another secret", async () => {
    const token = signToken({ tenant, role: "admin" }, "another-secret-0123456789abcdef0123456789");
    const error = onlyErrorOf(await api.post("{ viewer { tenant } }", {}, { token }), 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/signed with another secret/);
  });

  it("rejects an expired token and says it has expired", async () => {
    const token = craftedToken({ tenant, role: "admin", exp: Math.floor(Date.now() / 1000) - 5 });
    const error = onlyErrorOf(await api.post("{ viewer { tenant } }", {}, { token }), 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/the token has expired/);
    expect(error.message).toContain("npm run token");
  });

  it("rejects a token with an unknown role and lists the roles", async () => {
    const token = craftedToken({ tenant, role: "superuser" });
    const error = onlyErrorOf(await api.post("{ viewer { tenant } }", {}, { token }), 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/one of admin, analyst, integrator, viewer/);
  });

  it("rejects a token without a tenant", async () => {
    const error = onlyErrorOf(
      await api.post("{ viewer { tenant } }", {}, { token: craftedToken({ role: "admin" }) }),
      401,
    );
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("rejects a token from another issuer", async () => {
    const token = craftedToken({ tenant, role: "admin" }, { issuer: "not-relata" });
    expect(onlyErrorOf(await api.post("{ viewer { tenant } }", {}, { token }), 401).extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("serves the health check without a token", async () => {
    const response = await fetch(api.url.replace("/graphql", "/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("runs nothing for an unauthenticated mutation", async () => {
    const other = uniqueTenant("auth-anon");
    const forged = signToken({ tenant: other, role: "admin" }, "another-secret-0123456789abcdef0123456789");
    const response = await api.run(UpsertAccountsDocument, { input: [ACCOUNT] }, { token: forged });
    expect(onlyErrorOf(response, 401).extensions?.code).toBe("UNAUTHENTICATED");
    const count = await api.post<{ accounts: { totalCount: number } }>(COUNT_ACCOUNTS, {}, { token: api.token(other) });
    expect(dataOf(count).accounts.totalCount).toBe(0);
  });
});

describe("token lifetimes and the probes of issue 9", () => {
  const now = () => Math.floor(Date.now() / 1000);

  async function refusal(token: string): Promise<string> {
    const response = await api.post("{ viewer { tenant } }", {}, { token });
    const error = onlyErrorOf(response, 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.body.data ?? null).toBeNull();
    return error.message;
  }

  it("refuses a token without exp, which would never expire", async () => {
    expect(await refusal(craftedToken({ tenant, role: "admin" }))).toMatch(
      /the token has no expiry \("exp"\); tokens must expire within the 24 h this server accepts \(RELATA_MAX_TOKEN_LIFETIME_HOURS\)/,
    );
  });

  it("refuses a token that lives longer than the cap, and says how long it lives", async () => {
    expect(await refusal(craftedToken({ tenant, role: "admin" }, { expiresIn: 30 * 86400 }))).toMatch(
      /the token lives 30 days \(exp − iat\), longer than the 24 h/,
    );
  });

  it("refuses a token that is not valid yet", async () => {
    const token = craftedToken({ tenant, role: "admin", nbf: now() + 3600 }, { expiresIn: 7200 });
    expect(await refusal(token)).toMatch(/not valid yet/);
  });

  it("refuses an unsigned (alg none) token", async () => {
    const token = jwt.sign({ tenant, role: "admin", iss: "relata", exp: now() + 600 }, "", { algorithm: "none" });
    expect(await refusal(token)).toMatch(/not signed \(alg none\)/);
  });

  it("refuses an HS512 token signed with the right secret", async () => {
    const token = craftedToken({ tenant, role: "admin" }, { algorithm: "HS512", expiresIn: 600 });
    expect(await refusal(token)).toMatch(/signed with "HS512"; this server accepts HS256/);
  });

  it("refuses a token naming a list of tenants", async () => {
    const token = craftedToken({ tenant: [tenant, "other"], role: "admin" }, { expiresIn: 600 });
    expect(await refusal(token)).toMatch(/must carry a tenant and a role/);
  });
});

describe("callers without the right role", () => {
  it.each(["viewer", "analyst"] as const)(
    "refuses a mutation from the %s role with FORBIDDEN and stores nothing",
    async (role) => {
      const readOnlyTenant = uniqueTenant(`auth-${role}`);
      const response = await api.run(
        UpsertAccountsDocument,
        { input: [{ ...ACCOUNT, externalId: `RO-${role}` }] },
        { token: api.token(readOnlyTenant, role) },
      );
      const error = onlyErrorOf(response, 200);
      expect(error.extensions?.code).toBe("FORBIDDEN");
      expect(error.message).toBe(
        `Your role (${role}) may not call upsertAccounts: it needs the admin or integrator role. ` +
          "Ask an admin of your tenant for a token with one of those roles.",
      );
      expect(error.path).toEqual(["upsertAccounts"]);
      expect(response.body.data ?? null).toBeNull();

      const count = await api.post<{ accounts: { totalCount: number } }>(
        COUNT_ACCOUNTS,
        {},
        {
          token: api.token(readOnlyTenant, "admin"),
        },
      );
      expect(dataOf(count).accounts.totalCount).toBe(0);
    },
  );

  it("refuses every ingest mutation to a viewer", async () => {
    const mutations = [
      "upsertSourceSystems(input: [])",
      "upsertAccounts(input: [])",
      "upsertContacts(input: [])",
      "upsertOpportunities(input: [])",
      "upsertAssets(input: [])",
      "upsertOrganizations(input: [])",
      "ingestSignals(input: [])",
    ];
    for (const mutation of mutations) {
      const response = await api.post(
        `mutation { ${mutation} { created } }`,
        {},
        { token: api.token(tenant, "viewer") },
      );
      expect({ mutation, code: onlyErrorOf(response, 200).extensions?.code }).toEqual({ mutation, code: "FORBIDDEN" });
    }
  });
});
