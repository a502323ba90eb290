import { KeyObject, createSecretKey } from "node:crypto";
import jwt from "jsonwebtoken";
import { Principal, ROLES, Role } from "../../resolvers/context";
import { AuthError } from "./auth.errors";

const TENANT = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const ISSUER = "relata";

export interface TokenClaims {
  tenant: string;
  role: Role;
  subject?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function assertTenant(tenant: string): string {
  if (!TENANT.test(tenant)) {
    throw new Error(
      `tenant "${tenant}" is not valid: use 1-63 lower-case letters, digits, "_" or "-", starting with a letter or digit`,
    );
  }
  return tenant;
}

/** Signs a bearer token (HS256) for a tenant and role. */
export function signToken(claims: TokenClaims, secret: string, expiresInSeconds = 12 * 3600): string {
  assertTenant(claims.tenant);
  return jwt.sign({ tenant: claims.tenant, role: claims.role }, secret, {
    algorithm: "HS256",
    issuer: ISSUER,
    subject: claims.subject ?? `${claims.role}@${claims.tenant}`,
    expiresIn: expiresInSeconds,
  });
}

const HOW_TO =
  "Send `Authorization: Bearer <token>`; for local use, get one with `npm run token -- --tenant demo --role admin`.";

let cachedKey: { secret: string; key: KeyObject } | null = null;

/**
 * The secret as a KeyObject, made once. Given a string, jsonwebtoken first tries it as a public key and
 * builds (and throws away) an error with a stack trace on every request before falling back to a secret.
 */
function verificationKey(secret: string): KeyObject {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createSecretKey(Buffer.from(secret, "utf8")) };
  return cachedKey.key;
}

/** The caller of a request, from its Authorization header; an UNAUTHENTICATED error says what is wrong. */
export function principalFromHeader(authorization: string | undefined, secret: string): Principal {
  if (!authorization) throw new AuthError("UNAUTHENTICATED", `No token: this API needs a bearer token. ${HOW_TO}`);
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) {
    throw new AuthError("UNAUTHENTICATED", `The Authorization header must be "Bearer <token>". ${HOW_TO}`);
  }
  let payload: jwt.JwtPayload;
  try {
    payload = jwt.verify(match[1] as string, verificationKey(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
    }) as jwt.JwtPayload;
  } catch (error) {
    const why =
      error instanceof jwt.TokenExpiredError
        ? "the token has expired"
        : "the token is invalid (malformed, or signed with another secret)";
    throw new AuthError("UNAUTHENTICATED", `Not authenticated: ${why}. ${HOW_TO}`);
  }
  const tenant = payload.tenant;
  const role = payload.role;
  if (typeof tenant !== "string" || !TENANT.test(tenant) || !isRole(role)) {
    throw new AuthError(
      "UNAUTHENTICATED",
      `The token must carry a tenant and a role (one of ${ROLES.join(", ")}). ${HOW_TO}`,
    );
  }
  return { tenant, role, subject: payload.sub ?? `${role}@${tenant}` };
}
