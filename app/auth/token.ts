import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import { ROLES, Role } from "../../resolvers/context";

const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;

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
  const forUser = claims.user !== undefined;
  return jwt.sign({ tenant: claims.tenant, role: claims.role, ...(forUser ? { usr: true } : {}) }, secret, {
    algorithm: "HS256",
    issuer: RELATA_ISSUER,
    subject: claims.user ?? claims.subject ?? `${claims.role}@${claims.tenant}`,
    expiresIn: expiresInSeconds,
    jwtid: randomUUID(),
  });
}
