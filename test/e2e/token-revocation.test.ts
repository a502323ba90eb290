import { setTimeout as sleep } from "node:timers/promises";
import jwt from "jsonwebtoken";
import { signToken } from "../../app/auth/token";
import { RevokeTokenDocument } from "../../schema/generated/graphql";
import { Role } from "../../resolvers/context";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 9, item 13: revoking a token by jti. Two API instances on one Neo4j stand for instances behind a
// load balancer; each reads the revocation list again every second.

const tenantA = uniqueTenant("revoke-a");
const tenantB = uniqueTenant("revoke-b");
let first: TestApi;
let second: TestApi;

function token(tenant: string, role: Role = "viewer"): { token: string; jti: string } {
  const signed = signToken({ tenant, role }, TEST_JWT_SECRET);
  return { token: signed, jti: (jwt.decode(signed) as jwt.JwtPayload).jti as string };
}

async function status(api: TestApi, bearer: string): Promise<number> {
  return (await api.post("{ viewer { tenant } }", {}, { token: bearer })).status;
}

/** Polls until `condition` holds; the deadline is generous (a busy machine), not a timing assertion. */
async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

beforeAll(async () => {
  const env = { RELATA_REVOCATION_REFRESH_SECONDS: "1" };
  first = await startTestApi(env);
  second = await startTestApi(env);
}, 180_000);

afterAll(async () => {
  await first?.stop();
  await second?.stop();
});

describe("revoking a token", () => {
  it("refuses it at once where it was revoked, within the refresh interval elsewhere, and nothing else", async () => {
    const admin = token(tenantA, "admin").token;
    const victim = token(tenantA);
    const bystander = token(tenantA);
    expect([await status(first, victim.token), await status(second, victim.token)]).toEqual([200, 200]);

    const revoked = await first.run(RevokeTokenDocument, { jti: victim.jti, reason: "laptop lost" }, { token: admin });
    expect(dataOf(revoked).revokeToken).toEqual({
      jti: victim.jti,
      revokedAt: expect.any(String),
      revokedBy: `admin@${tenantA}`,
      reason: "laptop lost",
    });

    const refused = await first.post("{ viewer { tenant } }", {}, { token: victim.token });
    const error = onlyErrorOf(refused, 401);
    expect(error.extensions?.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/the token has been revoked; get a new one/);

    await eventually("the second instance refusing the revoked token", async () => {
      return (await status(second, victim.token)) === 401;
    });
    expect([await status(first, bystander.token), await status(second, bystander.token)]).toEqual([200, 200]);
  });

  it("keeps the first record when a token is revoked twice", async () => {
    const admin = token(tenantA, "admin").token;
    const { jti } = token(tenantA);
    const once = dataOf(await first.run(RevokeTokenDocument, { jti, reason: "first" }, { token: admin }));
    const twice = dataOf(await second.run(RevokeTokenDocument, { jti, reason: "second" }, { token: admin }));
    expect(twice.revokeToken).toEqual(once.revokeToken);
    expect(twice.revokeToken.reason).toBe("first");
  });

  it("lets an admin revoke only their own tenant's tokens", async () => {
    const otherAdmin = token(tenantB, "admin").token;
    const target = token(tenantA);
    const marker = token(tenantB);
    // Tenant B's admin names tenant A's jti: it is recorded for tenant B only.
    dataOf(await second.run(RevokeTokenDocument, { jti: target.jti }, { token: otherAdmin }));
    dataOf(await second.run(RevokeTokenDocument, { jti: marker.jti }, { token: otherAdmin }));
    // Once the first instance refuses B's marker, it has read the list with both of B's revocations.
    await eventually("the first instance refusing tenant B's revoked token", async () => {
      return (await status(first, marker.token)) === 401;
    });
    expect([await status(first, target.token), await status(second, target.token)]).toEqual([200, 200]);
  });

  it("is for admins only, and says so", async () => {
    const { jti } = token(tenantA);
    for (const role of ["viewer", "analyst", "integrator"] as const) {
      const response = await first.run(RevokeTokenDocument, { jti }, { token: token(tenantA, role).token });
      const error = onlyErrorOf(response, 200);
      expect({ role, code: error.extensions?.code, message: error.message }).toEqual({
        role,
        code: "FORBIDDEN",
        message: expect.stringContaining("may not call revokeToken: it needs the admin role"),
      });
    }
  });

  it("refuses an empty or overlong id before any Cypher runs", async () => {
    const admin = token(tenantA, "admin").token;
    for (const jti of ["  ", "j".repeat(257)]) {
      const response = await first.run(
        RevokeTokenDocument,
        { jti },
        { token: admin, headers: { "x-relata-debug": "1" } },
      );
      const error = onlyErrorOf(response, 200);
      expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_REVOCATION" });
      expect(error.message).toMatch(/jti must be a token id of 1-256 printable characters/);
      expect((response.body.extensions?.relata as { cypherQueries: number }).cypherQueries).toBe(0);
    }
  });
});

describe("checking tokens against the revocation list", () => {
  it("runs no Cypher per request", async () => {
    const admin = token(tenantA, "admin").token;
    const response = await second.post(
      "{ viewer { tenant } }",
      {},
      { token: admin, headers: { "x-relata-debug": "1" } },
    );
    expect(dataOf(response)).toEqual({ viewer: { tenant: tenantA } });
    expect((response.body.extensions?.relata as { cypherQueries: number }).cypherQueries).toBe(0);
  });
});
