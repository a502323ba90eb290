import { createSecretKey, KeyObject } from "node:crypto";
import { decodeProtectedHeader, JWTPayload } from "jose";
import jwt from "jsonwebtoken";
import { Principal, ROLES } from "../../resolvers/context";
import { AuthError, notAuthenticated } from "./auth.errors";
import { AuthSettings } from "./auth-settings";
import { OIDC_ALGORITHMS, OIDC_CLOCK_TOLERANCE_SECONDS, OidcIssuer } from "./oidc-issuer";
import { isAgentName, isRole, isTenant, RELATA_ISSUER } from "./token";
import { lifetimeProblem, MAX_JTI_LENGTH, tokenIdOf } from "./token-claims";

const HOW_TO =
  "Send `Authorization: Bearer <token>`; for local use, get one with `npm run token -- --tenant demo --role admin`.";

/** The revoked tokens, as this process knows them (a set lookup, never a database call). */
export interface RevokedTokens {
  isRevoked(tenant: string, tokenId: string): boolean;
}

export interface AuthenticatorOptions {
  /** Relata's own HS256 secret (RELATA_JWT_SECRET). */
  secret: string;
  settings: AuthSettings;
  revoked: RevokedTokens;
  /** Hears about failed background key refreshes of the identity provider. */
  onKeyRefreshError?: (error: unknown) => void;
}

/** What a verified token says, before the checks every token kind shares. */
interface VerifiedToken {
  payload: JWTPayload;
  tenant: string;
  role: Principal["role"];
  refused(why: string): AuthError;
  toleranceSeconds: number;
}

/**
 * Turns an Authorization header into the caller: one path for Relata's own HS256 tokens and an identity
 * provider's RS256/ES256 ones (OpenID Connect). The token's algorithm picks the key: the secret only ever
 * checks HS256, the provider's public keys only RS256/ES256, so one cannot pass for the other. Then every
 * token must carry `exp` and `iat` within the lifetime cap, a tenant and a role, and not be revoked.
 *
 * Per request this is CPU only: the secret is a cached KeyObject, the provider's keys are cached, and the
 * revocation list is held in memory.
 */
export class Authenticator {
  private readonly key: KeyObject;
  private readonly maxLifetimeSeconds: number;
  readonly oidc: OidcIssuer | null;

  constructor(private readonly options: AuthenticatorOptions) {
    // A KeyObject made once: given a string, jsonwebtoken first tries it as a public key and builds (and
    // throws away) an error with a stack trace on every request before falling back to a secret.
    this.key = createSecretKey(Buffer.from(options.secret, "utf8"));
    this.maxLifetimeSeconds = options.settings.maxTokenLifetimeHours * 3600;
    const oidc = options.settings.oidc;
    this.oidc = oidc ? new OidcIssuer(oidc, options.onKeyRefreshError ?? (() => undefined)) : null;
  }

  /** Starts fetching the identity provider's keys in the background (when one is configured). */
  start(): void {
    this.oidc?.start();
  }

  stop(): void {
    this.oidc?.stop();
  }

  /** The caller of a request; an UNAUTHENTICATED AuthError says what is wrong and what to do. */
  async principalFromHeader(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new AuthError("UNAUTHENTICATED", `No token: this API needs a bearer token. ${HOW_TO}`);
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) {
      throw new AuthError("UNAUTHENTICATED", `The Authorization header must be "Bearer <token>". ${HOW_TO}`);
    }
    const token = match[1] as string;
    const verified = await this.verify(token);
    const { payload, refused } = verified;
    const problem = lifetimeProblem(
      payload,
      this.maxLifetimeSeconds,
      Math.floor(Date.now() / 1000),
      verified.toleranceSeconds,
    );
    if (problem) throw refused(problem);
    const tokenId = tokenIdOf(payload, token);
    if (tokenId === null) throw refused(`the token's "jti" must be a string of 1-${MAX_JTI_LENGTH} characters`);
    if (this.options.revoked.isRevoked(verified.tenant, tokenId)) {
      throw refused("the token has been revoked; get a new one");
    }
    const subject =
      typeof payload.sub === "string" && payload.sub ? payload.sub : `${verified.role}@${verified.tenant}`;
    // `usr`: issued for a user (npm run token -- --user); refused later when the tenant has no such user.
    const issuedForUser = payload.usr === true;
    const agent: unknown = payload.agt;
    if (agent !== undefined && !isAgentName(agent)) {
      throw refused('the token\'s "agt" (agent) claim must be 1-64 letters, digits, ".", "_" or "-"');
    }
    const scopes = scopesOf(payload.scope ?? payload.scp);
    if (scopes === null)
      throw refused('the token\'s "scope" claim must be a space-separated string or a list of strings');
    return {
      tenant: verified.tenant,
      role: verified.role,
      subject,
      tokenId,
      ...(issuedForUser ? { issuedForUser } : {}),
      ...(agent === undefined ? {} : { agent }),
      ...(scopes.length === 0 ? {} : { scopes }),
    };
  }

  private async verify(token: string): Promise<VerifiedToken> {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw notAuthenticated("the token is invalid (malformed, or signed with another secret)", HOW_TO);
    }
    if (alg === "HS256") return this.verifyRelataToken(token);
    if (this.oidc && (OIDC_ALGORITHMS as readonly unknown[]).includes(alg)) {
      const oidc = this.oidc;
      const payload = await oidc.verify(token);
      return {
        payload,
        ...oidc.tenantAndRole(payload),
        refused: (why) => oidc.refused(why),
        toleranceSeconds: OIDC_CLOCK_TOLERANCE_SECONDS,
      };
    }
    const accepted = this.oidc
      ? `HS256 (npm run token) and ${OIDC_ALGORITHMS.join("/")} from the identity provider`
      : "HS256";
    throw notAuthenticated(
      alg === "none"
        ? "the token is not signed (alg none)"
        : `the token is signed with ${JSON.stringify(alg)}; this server accepts ${accepted} tokens only`,
      HOW_TO,
    );
  }

  private verifyRelataToken(token: string): VerifiedToken {
    const refused = (why: string) => notAuthenticated(why, HOW_TO);
    let payload: jwt.JwtPayload;
    try {
      payload = jwt.verify(token, this.key, { algorithms: ["HS256"], issuer: RELATA_ISSUER }) as jwt.JwtPayload;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw refused("the token has expired");
      if (error instanceof jwt.NotBeforeError) throw refused("the token is not valid yet (its nbf is in the future)");
      if (error instanceof jwt.JsonWebTokenError && error.message.startsWith("jwt issuer invalid")) {
        throw refused(`the token was not issued by ${RELATA_ISSUER} (its "iss" claim)`);
      }
      throw refused("the token is invalid (malformed, or signed with another secret)");
    }
    const { tenant, role } = payload;
    if (!isTenant(tenant) || !isRole(role)) {
      throw new AuthError(
        "UNAUTHENTICATED",
        `The token must carry a tenant and a role (one of ${ROLES.join(", ")}). ${HOW_TO}`,
      );
    }
    return { payload, tenant, role, refused, toleranceSeconds: 0 };
  }
}

/**
 * The token's scopes: OAuth's space-separated `scope` string, or a list (`scp`, as some providers send it).
 * Only `pii:sensitive` means something to Relata (decision 0028); null when the claim is malformed.
 */
function scopesOf(claim: unknown): string[] | null {
  if (claim === undefined || claim === null) return [];
  if (typeof claim === "string") return claim.split(/\s+/).filter((scope) => scope !== "");
  if (Array.isArray(claim) && claim.every((scope) => typeof scope === "string")) return claim as string[];
  return null;
}
