import jwt from "jsonwebtoken";
import { tokenCommand } from "../../../cli/token";

const SECRET = "cli-token-test-secret-0123456789abcdef";
const env = { RELATA_JWT_SECRET: SECRET };

describe("npm run token", () => {
  it("signs a 12 h token for the tenant and role asked for, with a jti", () => {
    const result = tokenCommand(["--tenant", "acme", "--role", "analyst"], env);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const payload = jwt.verify(result.stdout.trim(), SECRET, { algorithms: ["HS256"] }) as jwt.JwtPayload;
    expect(payload).toMatchObject({ tenant: "acme", role: "analyst", iss: "relata" });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(12 * 3600);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it("accepts a lifetime up to the cap", () => {
    const result = tokenCommand(["--hours", "24"], env);
    const payload = jwt.decode(result.stdout.trim()) as jwt.JwtPayload;
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(24 * 3600);
  });

  it("refuses a lifetime beyond the cap and names it", () => {
    expect(tokenCommand(["--hours", "25"], env)).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(
        /--hours must be a number above 0 and at most 24 \(RELATA_MAX_TOKEN_LIFETIME_HOURS/,
      ),
    });
  });

  it("follows a configured cap", () => {
    const capped = { ...env, RELATA_MAX_TOKEN_LIFETIME_HOURS: "2" };
    expect(tokenCommand(["--hours", "3"], capped).stderr).toMatch(/at most 2 /);
    expect(tokenCommand(["--hours", "1.5"], capped).code).toBe(0);
  });

  it("refuses an unknown role and an invalid tenant", () => {
    expect(tokenCommand(["--role", "root"], env).stderr).toMatch(/--role must be one of admin, analyst/);
    expect(tokenCommand(["--tenant", "Acme"], env).stderr).toMatch(/tenant "Acme" is not valid/);
  });

  it("makes a user's token with --user: the user's externalId as sub and the usr claim", () => {
    const result = tokenCommand(["--tenant", "acme", "--role", "admin", "--user", "lena"], env);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const payload = jwt.verify(result.stdout.trim(), SECRET, { algorithms: ["HS256"] }) as jwt.JwtPayload;
    expect(payload).toMatchObject({ tenant: "acme", role: "admin", sub: "lena", usr: true });
  });

  it("leaves the usr claim out of a token without --user", () => {
    const payload = jwt.decode(tokenCommand(["--tenant", "acme"], env).stdout.trim()) as jwt.JwtPayload;
    expect(payload.sub).toBe("admin@acme");
    expect(payload).not.toHaveProperty("usr");
  });

  it("refuses --user without an externalId", () => {
    for (const args of [["--user"], ["--user", "--role", "admin"], ["--user", " "]]) {
      const result = tokenCommand(args, env);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^--user must be followed by a user's externalId/);
    }
  });

  describe("--scope", () => {
    const scopeOf = (args: string[]) => (jwt.decode(tokenCommand(args, env).stdout.trim()) as jwt.JwtPayload).scope;

    it("signs the scope claim: npm run token -- --scope pii:sensitive", () => {
      const result = tokenCommand(["--tenant", "acme", "--role", "integrator", "--scope", "pii:sensitive"], env);
      expect(result).toMatchObject({ code: 0, stderr: "" });
      const payload = jwt.verify(result.stdout.trim(), SECRET, { algorithms: ["HS256"] }) as jwt.JwtPayload;
      expect(payload).toMatchObject({ tenant: "acme", role: "integrator", scope: "pii:sensitive" });
    });

    it("takes the option repeated or comma-separated, once each", () => {
      expect(scopeOf(["--scope", "pii:sensitive", "--scope", "pii:sensitive"])).toBe("pii:sensitive");
      expect(scopeOf(["--scope", "pii:sensitive,pii:sensitive"])).toBe("pii:sensitive");
    });

    it("leaves the scope claim out without --scope", () => {
      expect(jwt.decode(tokenCommand(["--tenant", "acme"], env).stdout.trim())).not.toHaveProperty("scope");
    });

    it("refuses an unknown scope, naming it and the known ones", () => {
      const result = tokenCommand(["--scope", "pii:sensitive,pii:everything", "--scope", "admin"], env);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(
        /^--scope: "pii:everything", "admin" are not scopes Relata knows; known scopes: pii:sensitive\./,
      );
    });

    it("refuses --scope without a value", () => {
      for (const args of [["--scope"], ["--scope", "--role", "admin"], ["--scope", " "]]) {
        const result = tokenCommand(args, env);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^--scope must be followed by a scope, e.g. --scope pii:sensitive/);
      }
    });

    it("lists the known scopes in --help", () => {
      expect(tokenCommand(["--help"], env).stdout).toContain("pii:sensitive: SENSITIVE personal data in clear");
    });
  });
});
