import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import { ROLES, Role } from "../../resolvers/context";

const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const AGENT = /^[A-Za-z0-9._-]{1,64}$/;

/** The `iss` of the HS256 tokens Relata signs itself. */
export const RELATA_ISSUER = "relata";

export interface TokenClaims {
  tenant: string;
  role: Role;
  subject?: string;
  /**
   * The external id of the user the token is for: it becomes the `sub`, and the `usr` claim marks the token
   * as a user's, so the API refuses it when the tenant has no such user. Its role is capped by the user's.
   */
  user?: string;
  /**
   * The AI agent acting with this token (the `agt` claim, `npm run token -- --agent NAME`): everything the
   * request does is attributed to `agent:<NAME>` in the audit trail. Same role and role cap as without it.
   */
  agent?: string;
  /** OAuth scopes, signed as the space-separated `scope` claim; `pii:sensitive` (decision 0028). */
  scopes?: readonly string[];
}

/** Whether a value is a valid agent name: 1-64 letters, digits, ".", "_" or "-". */
export function isAgentName(value: unknown): value is string {
  return typeof value === "string" && AGENT.test(value);
}

export function assertAgentName(agent: string): string {
  if (!isAgentName(agent)) {
    throw new Error(`agent name "${agent}" is not valid: use 1-64 letters, digits, ".", "_" or "-"`);
  }
  return agent;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether a value is a valid tenant name (see {@link assertTenant}). */
export function isTenant(value: unknown): value is string {
  return typeof value === "string" && TENANT.test(value);
}

export function assertTenant(tenant: string): string {
  if (!isTenant(tenant)) {
    throw new Error(
      `tenant "${tenant}" is not valid: use 1-63 lower-case letters, digits, "_" or "-", starting with a letter or digit`,
    );
  }
  return tenant;
}

/**
 * Signs a bearer token (HS256) for a tenant and role, with a fresh `jti` (so it can be revoked alone). The
 * API refuses tokens that live longer than its cap (RELATA_MAX_TOKEN_LIFETIME_HOURS, 24 h by default).
 */
export function signToken(claims: TokenClaims, secret: string, expiresInSeconds = 12 * 3600): string {
  assertTenant(claims.tenant);
  if (claims.agent !== undefined) assertAgentName(claims.agent);
  const forUser = claims.user !== undefined;
  const payload = {
    tenant: claims.tenant,
    role: claims.role,
    ...(forUser ? { usr: true } : {}),
    ...(claims.agent === undefined ? {} : { agt: claims.agent }),
    ...(claims.scopes === undefined || claims.scopes.length === 0 ? {} : { scope: claims.scopes.join(" ") }),
  };
  return jwt.sign(payload, secret, {
    algorithm: "HS256",
    issuer: RELATA_ISSUER,
    subject: claims.user ?? claims.subject ?? `${claims.role}@${claims.tenant}`,
    expiresIn: expiresInSeconds,
    jwtid: randomUUID(),
  });
}
