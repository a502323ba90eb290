import jwt from "jsonwebtoken";
import { AuthError } from "../../../../app/auth/auth.errors";
import { AuthSettings } from "../../../../app/auth/auth-settings";
import { Authenticator } from "../../../../app/auth/authenticator";
import { assertTenant, isRole, signToken } from "../../../../app/auth/token";

const SECRET = "token-test-secret-0123456789abcdef0123";
const SETTINGS: AuthSettings = {
  maxTokenLifetimeHours: 24,
  revocationRefreshSeconds: 5,
  userRolesTtlSeconds: 5,
  oidc: null,
};
const revoked = new Set<string>();
const authenticator = new Authenticator({
  secret: SECRET,
  settings: SETTINGS,
  revoked: { isRevoked: (tenant, tokenId) => revoked.has(`${tenant}/${tokenId}`) },
});

const now = (): number => Math.floor(Date.now() / 1000);
const bearer = (token: string): string => `Bearer ${token}`;

/** A token signed with the secret with the claims given (jsonwebtoken adds iat unless told not to). */
function crafted(claims: Record<string, unknown>, options: jwt.SignOptions = {}): string {
  return jwt.sign(claims, SECRET, { algorithm: "HS256", ...options });
}

/** Relata's claims with a lifetime of `seconds` from now. */
const valid = (seconds = 3600): Record<string, unknown> => ({
  tenant: "acme",
  role: "admin",
  iss: "relata",
  iat: now(),
  exp: now() + seconds,
});

async function refusal(header: string | undefined): Promise<AuthError> {
  try {
    await authenticator.principalFromHeader(header);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error(`expected header ${JSON.stringify(header)} to be refused`);
}

describe("Authenticator with Relata's HS256 tokens", () => {
  describe("accepted tokens", () => {
    it("round-trips tenant and role, with a default subject and the jti as token id", async () => {
      const token = signToken({ tenant: "acme", role: "analyst" }, SECRET);
      const { jti } = jwt.decode(token) as jwt.JwtPayload;
      expect(await authenticator.principalFromHeader(bearer(token))).toEqual({
        tenant: "acme",
        role: "analyst",
        subject: "analyst@acme",
        tokenId: jti,
      });
    });

    it("keeps an explicit subject", async () => {
      const token = signToken({ tenant: "acme", role: "admin", subject: "lena@acme.example" }, SECRET);
      expect((await authenticator.principalFromHeader(bearer(token))).subject).toBe("lena@acme.example");
    });

    it("accepts the scheme in any case and surrounding whitespace", async () => {
      const token = signToken({ tenant: "acme", role: "viewer" }, SECRET);
      expect((await authenticator.principalFromHeader(`  bearer   ${token} `)).role).toBe("viewer");
    });

    it("names a token without a jti by a stable hash of the token", async () => {
      const token = crafted(valid());
      const first = await authenticator.principalFromHeader(bearer(token));
      const again = await authenticator.principalFromHeader(bearer(token));
      const other = await authenticator.principalFromHeader(bearer(crafted({ ...valid(), sub: "x" })));
      expect(first.tokenId).toMatch(/^sha256:[0-9a-f]{32}$/);
      expect(again.tokenId).toBe(first.tokenId);
      expect(other.tokenId).not.toBe(first.tokenId);
    });

    it("accepts a token that lives exactly the cap", async () => {
      const principal = await authenticator.principalFromHeader(bearer(crafted(valid(24 * 3600))));
      expect(principal.tenant).toBe("acme");
    });
  });

  describe("signing", () => {
    it("signs HS256 tokens issued by relata, with iat, exp and a fresh jti", () => {
      const decoded = jwt.decode(signToken({ tenant: "acme", role: "viewer" }, SECRET, 60), { complete: true });
      const again = jwt.decode(signToken({ tenant: "acme", role: "viewer" }, SECRET, 60)) as jwt.JwtPayload;
      expect(decoded?.header.alg).toBe("HS256");
      const payload = decoded?.payload as jwt.JwtPayload;
      expect(payload.iss).toBe("relata");
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
      expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
      expect(again.jti).not.toBe(payload.jti);
    });

    it("refuses to sign a token for an invalid tenant", () => {
      expect(() => signToken({ tenant: "Acme", role: "admin" }, SECRET)).toThrow(/tenant "Acme" is not valid/);
    });
  });

  describe("refused headers", () => {
    it("refuses a missing header and says how to get a token", async () => {
      for (const header of [undefined, ""]) {
        const error = await refusal(header);
        expect(error.code).toBe("UNAUTHENTICATED");
        expect(error.message).toMatch(/^No token/);
        expect(error.message).toContain("npm run token");
      }
    });

    it.each([
      ["another scheme", "Basic dXNlcjpwYXNz"],
      ["no token after the scheme", "Bearer"],
      ["two tokens", "Bearer a b"],
      ["a bare token", "eyJhbGciOiJIUzI1NiJ9.e30.x"],
    ])("refuses a header with %s", async (_why, header) => {
      const error = await refusal(header);
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/must be "Bearer <token>"/);
    });
  });

  describe("refused tokens", () => {
    it("refuses a token that is not a JWT", async () => {
      expect((await refusal(bearer("not-a-jwt"))).message).toMatch(/token is invalid/);
    });

    it("refuses a token signed with another secret", async () => {
      const token = signToken({ tenant: "acme", role: "admin" }, "another-secret-0123456789abcdef0123456");
      expect((await refusal(bearer(token))).message).toMatch(/signed with another secret/);
    });

    it("refuses an expired token and says so", async () => {
      const error = await refusal(bearer(crafted({ ...valid(), iat: now() - 120, exp: now() - 60 })));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/the token has expired/);
      expect(error.message).toContain("npm run token");
    });

    it("refuses a token that is not valid yet", async () => {
      const error = await refusal(bearer(crafted({ ...valid(), nbf: now() + 600 })));
      expect(error.message).toMatch(/not valid yet \(its nbf is in the future\)/);
    });

    it("refuses a token from another issuer", async () => {
      const error = await refusal(bearer(crafted({ ...valid(), iss: "someone-else" })));
      expect(error.message).toMatch(/not issued by relata/);
    });

    it("refuses an unsigned (alg none) token", async () => {
      const token = jwt.sign(valid(), "", { algorithm: "none" });
      expect((await refusal(bearer(token))).message).toMatch(/not signed \(alg none\)/);
    });

    it("refuses a token signed with another HMAC algorithm and names the accepted one", async () => {
      const error = await refusal(bearer(crafted(valid(), { algorithm: "HS512" })));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/signed with "HS512"; this server accepts HS256 tokens only/);
    });

    it("refuses an RS256 token when no identity provider is configured", async () => {
      const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
      const body = Buffer.from(JSON.stringify(valid())).toString("base64url");
      const error = await refusal(bearer(`${header}.${body}.c2ln`));
      expect(error.message).toMatch(/signed with "RS256"; this server accepts HS256 tokens only/);
    });

    it("refuses a token with an unknown role and lists the roles", async () => {
      const error = await refusal(bearer(crafted({ ...valid(), role: "superuser" })));
      expect(error.message).toMatch(/one of admin, analyst, integrator, viewer/);
    });

    it("refuses a token without a tenant, with an invalid one, or with a list of tenants", async () => {
      for (const tenant of [undefined, "Acme Corp", ["acme"], ["acme", "other"]]) {
        const error = await refusal(bearer(crafted({ ...valid(), tenant })));
        expect({ tenant, message: error.message }).toEqual({
          tenant,
          message: expect.stringMatching(/must carry a tenant and a role/),
        });
      }
    });

    it("refuses a token without exp, and says that tokens must expire", async () => {
      const { exp: _exp, ...claims } = valid();
      const error = await refusal(bearer(crafted(claims)));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/the token has no expiry \("exp"\); tokens must expire within the 24 h/);
      expect(error.message).toContain("RELATA_MAX_TOKEN_LIFETIME_HOURS");
    });

    it("refuses a token without iat", async () => {
      const { iat: _iat, ...claims } = valid();
      const error = await refusal(bearer(crafted(claims, { noTimestamp: true })));
      expect(error.message).toMatch(/no issue time \("iat"\)/);
    });

    it("refuses a token that lives longer than the cap, with its lifetime and the cap", async () => {
      const error = await refusal(bearer(crafted(valid(48 * 3600))));
      expect(error.message).toMatch(/the token lives 48 h \(exp − iat\), longer than the 24 h this server accepts/);
    });

    it("refuses a long-lived token even near its end", async () => {
      const error = await refusal(bearer(crafted({ ...valid(), iat: now() - 30 * 86400, exp: now() + 600 })));
      expect(error.message).toMatch(/the token lives 30 days \(exp − iat\)/);
    });

    it("refuses a token whose iat is in the future to stretch its life", async () => {
      const error = await refusal(bearer(crafted({ ...valid(), iat: now() + 40 * 3600, exp: now() + 48 * 3600 })));
      expect(error.message).toMatch(/the token expires in 48 h, later than the 24 h/);
    });

    it("refuses a jti that is not a short string", async () => {
      for (const jti of ["", 42, "j".repeat(257)]) {
        const error = await refusal(bearer(crafted({ ...valid(), jti })));
        expect({ jti, message: error.message }).toEqual({ jti, message: expect.stringMatching(/"jti" must be/) });
      }
    });

    it("refuses a revoked token of the tenant that revoked it, and no other tenant's", async () => {
      revoked.add("acme/revoked-1");
      const error = await refusal(bearer(crafted({ ...valid(), jti: "revoked-1" })));
      expect(error.message).toMatch(/the token has been revoked/);
      const elsewhere = await authenticator.principalFromHeader(
        bearer(crafted({ ...valid(), tenant: "other", jti: "revoked-1" })),
      );
      expect(elsewhere).toMatchObject({ tenant: "other", tokenId: "revoked-1" });
    });
  });

  describe("a configured cap", () => {
    it("follows maxTokenLifetimeHours", async () => {
      const short = new Authenticator({
        secret: SECRET,
        settings: { ...SETTINGS, maxTokenLifetimeHours: 1 },
        revoked: { isRevoked: () => false },
      });
      await expect(short.principalFromHeader(bearer(crafted(valid(3600))))).resolves.toMatchObject({ role: "admin" });
      await expect(short.principalFromHeader(bearer(crafted(valid(2 * 3600))))).rejects.toThrow(
        /lives 2 h \(exp − iat\), longer than the 1 h this server accepts/,
      );
    });
  });
});

describe("assertTenant", () => {
  it.each(["acme", "t-1", "a_b", "0", "a".repeat(63)])("accepts %p", (tenant) => {
    expect(assertTenant(tenant)).toBe(tenant);
  });

  it.each(["", "Acme", "-acme", "_acme", "a b", "a".repeat(64), "acme\n"])("rejects %p", (tenant) => {
    expect(() => assertTenant(tenant)).toThrow(/use 1-63 lower-case letters, digits/);
  });
});

describe("isRole", () => {
  it("knows exactly the four roles", () => {
    expect(["admin", "analyst", "integrator", "viewer"].every(isRole)).toBe(true);
    expect([undefined, null, "Admin", "root", 1].some(isRole)).toBe(false);
  });
});
