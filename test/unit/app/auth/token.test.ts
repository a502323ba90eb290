import jwt from "jsonwebtoken";
import { AuthError } from "../../../../app/auth/auth.errors";
import { assertTenant, isRole, principalFromHeader, signToken } from "../../../../app/auth/token";

const SECRET = "token-test-secret-0123456789abcdef0123";

function authError(header: string | undefined): AuthError {
  try {
    principalFromHeader(header, SECRET);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error(`expected header ${JSON.stringify(header)} to be rejected`);
}

const bearer = (token: string): string => `Bearer ${token}`;

describe("signToken / principalFromHeader", () => {
  describe("accepted tokens", () => {
    it("round-trips tenant and role, with a default subject", () => {
      const token = signToken({ tenant: "acme", role: "analyst" }, SECRET);
      expect(principalFromHeader(bearer(token), SECRET)).toEqual({
        tenant: "acme",
        role: "analyst",
        subject: "analyst@acme",
      });
    });

    it("keeps an explicit subject", () => {
      const token = signToken({ tenant: "acme", role: "admin", subject: "lena@acme.example" }, SECRET);
      expect(principalFromHeader(bearer(token), SECRET).subject).toBe("lena@acme.example");
    });

    it("accepts the scheme in any case and surrounding whitespace", () => {
      const token = signToken({ tenant: "acme", role: "viewer" }, SECRET);
      expect(principalFromHeader(`  bearer   ${token} `, SECRET).role).toBe("viewer");
    });

    it("signs HS256 tokens issued by relata that expire", () => {
      const decoded = jwt.decode(signToken({ tenant: "acme", role: "viewer" }, SECRET, 60), { complete: true });
      expect(decoded?.header.alg).toBe("HS256");
      const payload = decoded?.payload as jwt.JwtPayload;
      expect(payload.iss).toBe("relata");
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(60);
    });
  });

  describe("rejected headers and tokens", () => {
    it("rejects a missing header and says how to get a token", () => {
      for (const header of [undefined, ""]) {
        const error = authError(header);
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
    ])("rejects a header with %s", (_why, header) => {
      const error = authError(header);
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/must be "Bearer <token>"/);
    });

    it("rejects a token that is not a JWT", () => {
      expect(authError(bearer("not-a-jwt")).message).toMatch(/token is invalid/);
    });

    it("rejects a token signed with another secret", () => {
      const token = signToken({ tenant: "acme", role: "admin" }, "another-secret-0123456789abcdef0123456");
      expect(authError(bearer(token)).message).toMatch(/signed with another secret/);
    });

    it("rejects an expired token and says so", () => {
      const token = jwt.sign({ tenant: "acme", role: "admin", exp: Math.floor(Date.now() / 1000) - 60 }, SECRET, {
        algorithm: "HS256",
        issuer: "relata",
      });
      const error = authError(bearer(token));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/the token has expired/);
      expect(error.message).toContain("npm run token");
    });

    it("rejects a token from another issuer", () => {
      const token = jwt.sign({ tenant: "acme", role: "admin" }, SECRET, { algorithm: "HS256", issuer: "someone-else" });
      expect(authError(bearer(token)).code).toBe("UNAUTHENTICATED");
    });

    it("rejects an unsigned (alg none) token", () => {
      const token = jwt.sign({ tenant: "acme", role: "admin", iss: "relata" }, "", { algorithm: "none" });
      expect(authError(bearer(token)).code).toBe("UNAUTHENTICATED");
    });

    it("rejects a token signed with another HMAC algorithm", () => {
      const token = jwt.sign({ tenant: "acme", role: "admin" }, SECRET, { algorithm: "HS512", issuer: "relata" });
      expect(authError(bearer(token)).code).toBe("UNAUTHENTICATED");
    });

    it("rejects a token with an unknown role and lists the roles", () => {
      const token = jwt.sign({ tenant: "acme", role: "superuser" }, SECRET, { algorithm: "HS256", issuer: "relata" });
      const error = authError(bearer(token));
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/one of admin, analyst, integrator, viewer/);
    });

    it("rejects a token without a tenant, or with an invalid one", () => {
      const noTenant = jwt.sign({ role: "admin" }, SECRET, { algorithm: "HS256", issuer: "relata" });
      expect(authError(bearer(noTenant)).message).toMatch(/must carry a tenant and a role/);
      const badTenant = jwt.sign({ tenant: "Acme Corp", role: "admin" }, SECRET, {
        algorithm: "HS256",
        issuer: "relata",
      });
      expect(authError(bearer(badTenant)).message).toMatch(/must carry a tenant and a role/);
    });
  });

  describe("signing", () => {
    it("refuses to sign a token for an invalid tenant", () => {
      expect(() => signToken({ tenant: "Acme", role: "admin" }, SECRET)).toThrow(/tenant "Acme" is not valid/);
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
