import jwt from "jsonwebtoken";
import { Authenticator } from "../../../../app/auth/authenticator";
import { AuthSettings } from "../../../../app/auth/auth-settings";
import { isAgentName, signToken } from "../../../../app/auth/token";
import { tokenCommand } from "../../../../cli/token";
import { actorOf } from "../../../../domain/audit/actor";

const SECRET = "agent-claim-test-secret-0123456789abcdef";
const SETTINGS: AuthSettings = {
  maxTokenLifetimeHours: 24,
  revocationRefreshSeconds: 5,
  userRolesTtlSeconds: 5,
  oidc: null,
};
const authenticator = new Authenticator({ secret: SECRET, settings: SETTINGS, revoked: { isRevoked: () => false } });

describe("the agent claim (agt, issue 12)", () => {
  it("accepts 1-64 letters, digits, dot, underscore and dash, and nothing else", () => {
    expect(["a", "claude-desktop", "Bot_1.2", "x".repeat(64)].every(isAgentName)).toBe(true);
    expect(["", "x".repeat(65), "has space", "semi;colon", "agent:x", "é", 42, null].some(isAgentName)).toBe(false);
  });

  it("npm run token -- --agent puts it in the token, next to the user", () => {
    const result = tokenCommand(["--tenant", "acme", "--role", "analyst", "--user", "u-1", "--agent", "helper.bot"], {
      RELATA_JWT_SECRET: SECRET,
    });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const payload = jwt.verify(result.stdout.trim(), SECRET, { algorithms: ["HS256"] }) as jwt.JwtPayload;
    expect(payload).toMatchObject({ tenant: "acme", role: "analyst", sub: "u-1", usr: true, agt: "helper.bot" });
  });

  it("npm run token refuses a bad or missing agent name and says what is allowed", () => {
    for (const args of [["--agent", "bad name"], ["--agent"], ["--agent", "y".repeat(65)]]) {
      const result = tokenCommand(args, { RELATA_JWT_SECRET: SECRET });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--agent: agent name ".*" is not valid: use 1-64 letters, digits/);
    }
    expect(() => signToken({ tenant: "acme", role: "viewer", agent: "no/slash" }, SECRET)).toThrow(/not valid/);
  });

  it("the authenticator puts the agent on the principal, with the token's role unchanged", async () => {
    const token = signToken({ tenant: "acme", role: "viewer", user: "u-1", agent: "helper" }, SECRET);
    await expect(authenticator.principalFromHeader(`Bearer ${token}`)).resolves.toMatchObject({
      tenant: "acme",
      role: "viewer",
      subject: "u-1",
      agent: "helper",
    });
    const plain = await authenticator.principalFromHeader(
      `Bearer ${signToken({ tenant: "acme", role: "viewer" }, SECRET)}`,
    );
    expect(plain.agent).toBeUndefined();
  });

  it("the authenticator refuses a token whose agt is not a valid name", async () => {
    const bad = jwt.sign({ tenant: "acme", role: "admin", agt: "x y" }, SECRET, {
      algorithm: "HS256",
      issuer: "relata",
      expiresIn: 3600,
    });
    await expect(authenticator.principalFromHeader(`Bearer ${bad}`)).rejects.toThrow(/"agt" \(agent\) claim/);
  });

  it("audit actors name the agent when there is one, the user otherwise", () => {
    expect(actorOf("u-1", "helper")).toBe("agent:helper");
    expect(actorOf("u-1")).toBe("user:u-1");
  });
});
