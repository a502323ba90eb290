import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTPayload, jwtVerify, RemoteJWKSet } from "jose";
import { broadestRole } from "../../resolvers/auth/role-matrix";
import { ROLES, Role } from "../../resolvers/context";
import { AuthError, notAuthenticated } from "./auth.errors";
import { OidcSettings } from "./auth-settings";
import { isRole, isTenant } from "./token";

/** The algorithms accepted from an identity provider: asymmetric only, so its keys can be public. */
export const OIDC_ALGORITHMS = ["RS256", "ES256"] as const;

/** Clock skew tolerated between the identity provider and this server (exp, nbf). */
export const OIDC_CLOCK_TOLERANCE_SECONDS = 30;

/** Keys are read again in the background this often, so no request waits for the provider. */
const KEY_REFRESH_MS = 10 * 60_000;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * A verified token is trusted again without checking its signature for this long (RS256/ES256 cost a few
 * hundred microseconds of CPU; a client sends the same token many times). Short, so a key the provider
 * retires stops working within a minute of the next key refresh.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX_ENTRIES = 5_000;

/** A claim by name, or by dotted path when no claim has that exact name (`https://…` names have dots). */
function claim(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function shown(values: readonly unknown[]): string {
  const parts = values.slice(0, 5).map((v) => JSON.stringify(v).slice(0, 40));
  return parts.join(", ") + (values.length > 5 ? `, … (${values.length} in all)` : "");
}

/**
 * An OpenID Connect identity provider: verifies its RS256/ES256 tokens against its key set (JWKS, found by
 * discovery unless configured) and reads the tenant and role from the configured claims. Keys are cached
 * and refreshed in the background; a token naming an unknown key makes one fetch at most every cooldown
 * (key rotation), so a request waits on the network only for the first token or a new key.
 */
export class OidcIssuer {
  private keySet: Promise<RemoteJWKSet> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly howTo: string;
  /** Recently verified tokens and their claims, oldest first (a Map keeps insertion order). */
  private readonly verified = new Map<string, { payload: JWTPayload; at: number }>();

  constructor(
    private readonly settings: OidcSettings,
    private readonly onRefreshError: (error: unknown) => void,
  ) {
    this.howTo = `Get a token from ${settings.issuer} (see "Authentication" in docs/security.md).`;
  }

  /** Fetches the keys now (a failure is reported, not thrown) and keeps them fresh until {@link stop}. */
  start(): void {
    const refresh = () => {
      this.keys()
        .then((keys) => keys.reload())
        .catch((error: unknown) => this.onRefreshError(error));
    };
    refresh();
    this.timer ??= setInterval(refresh, KEY_REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Verifies a token's signature, issuer, audience, expiry and not-before; returns its claims. A token
   * verified in the last minute is taken from memory while it has not expired.
   */
  async verify(token: string): Promise<JWTPayload> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known) {
      const exp = typeof known.payload.exp === "number" ? known.payload.exp : 0;
      if (now - known.at < VERIFIED_TTL_MS && now < (exp + OIDC_CLOCK_TOLERANCE_SECONDS) * 1000) {
        return known.payload;
      }
      this.verified.delete(token);
    }
    const keys = await this.keys();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...OIDC_ALGORITHMS],
        clockTolerance: OIDC_CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw this.refusal(error, token);
    }
    if (this.verified.size >= VERIFIED_MAX_ENTRIES) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { payload, at: now });
    return payload;
  }

  /** The tenant and role a verified token carries, by the configured claims and role map. */
  tenantAndRole(payload: JWTPayload): { tenant: string; role: Role } {
    const { tenantClaim, roleClaim, roleMap } = this.settings;
    const tenant = claim(payload, tenantClaim);
    if (tenant === undefined || tenant === null) {
      throw this.refused(
        `the token has no "${tenantClaim}" claim naming its tenant (RELATA_OIDC_TENANT_CLAIM); ` +
          `the identity provider must add it`,
      );
    }
    if (!isTenant(tenant)) {
      throw this.refused(
        Array.isArray(tenant)
          ? `the "${tenantClaim}" claim must name one tenant, not a list (${shown(tenant)})`
          : `the "${tenantClaim}" claim (${shown([tenant])}) is not a tenant name: 1-63 lower-case letters, ` +
              `digits, "_" or "-"`,
      );
    }
    const raw = claim(payload, roleClaim);
    const names = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : null;
    if (names === null) {
      throw this.refused(
        `the token has no "${roleClaim}" claim (RELATA_OIDC_ROLE_CLAIM) holding a role name or a list of them`,
      );
    }
    const roles = names.flatMap((name): Role[] => {
      const role = roleMap ? roleMap.get(String(name)) : name;
      return isRole(role) ? [role] : [];
    });
    if (roles.length === 0) {
      throw this.refused(
        `the "${roleClaim}" claim (${shown(names)}) names no Relata role (${ROLES.join(", ")})` +
          (roleMap ? " mapped by RELATA_OIDC_ROLE_MAP" : "; map the provider's names with RELATA_OIDC_ROLE_MAP"),
      );
    }
    const role = broadestRole(roles);
    if (role === null) {
      throw this.refused(
        `the "${roleClaim}" claim gives the roles ${[...new Set(roles)].join(" and ")}, and none of them may do ` +
          `everything the others may; give the user one of them in the identity provider`,
      );
    }
    return { tenant, role };
  }

  /** Refuses with this provider's advice. */
  refused(why: string): AuthError {
    return notAuthenticated(why, this.howTo);
  }

  private keys(): Promise<RemoteJWKSet> {
    this.keySet ??= this.jwksUri().then(
      (uri) =>
        createRemoteJWKSet(new URL(uri), {
          cooldownDuration: this.settings.jwksCooldownSeconds * 1000,
          // Refreshed in the background (start), so a request never waits for an old key set to be re-read.
          cacheMaxAge: Infinity,
          timeoutDuration: FETCH_TIMEOUT_MS,
        }),
      (error: unknown) => {
        this.keySet = null;
        throw error;
      },
    );
    return this.keySet;
  }

  private async jwksUri(): Promise<string> {
    if (this.settings.jwksUri) return this.settings.jwksUri;
    const url = `${this.settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw new AuthError(
        "UNAVAILABLE",
        `The identity provider's discovery document (${url}) could not be read (${(error as Error).message}), ` +
          `so tokens from it cannot be checked yet; try again shortly, or set RELATA_OIDC_JWKS_URI.`,
      );
    }
    if (document.issuer !== this.settings.issuer || typeof document.jwks_uri !== "string") {
      throw new AuthError(
        "UNAVAILABLE",
        `The discovery document at ${url} names the issuer ${JSON.stringify(document.issuer)} (expected ` +
          `"${this.settings.issuer}") or no jwks_uri; fix RELATA_OIDC_ISSUER or set RELATA_OIDC_JWKS_URI.`,
      );
    }
    return document.jwks_uri;
  }

  private refusal(error: unknown, token: string): AuthError {
    if (error instanceof errors.JWTExpired) return this.refused("the token has expired");
    if (error instanceof errors.JWTClaimValidationFailed) {
      const value = (error.payload as JWTPayload)[error.claim];
      switch (error.claim) {
        case "iss":
          return this.refused(
            `the token was issued by ${JSON.stringify(value)}, not by ${this.settings.issuer} (RELATA_OIDC_ISSUER)`,
          );
        case "aud":
          return this.refused(
            `the token is for the audience ${JSON.stringify(value)}, not "${this.settings.audience}" ` +
              `(RELATA_OIDC_AUDIENCE)`,
          );
        case "nbf":
          return this.refused("the token is not valid yet (its nbf is in the future)");
        default:
          return this.refused(`the token's "${error.claim}" claim is not valid (${error.message})`);
      }
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      const { kid } = decodeProtectedHeader(token);
      return this.refused(
        `the identity provider has no key ${kid === undefined ? "for this token" : `with kid ${JSON.stringify(kid)}`}; ` +
          `it was not signed by ${this.settings.issuer}, or with a key that has been retired`,
      );
    }
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      return this.refused("the token names no key (kid) and the identity provider has several");
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return this.refused(`the signature does not match the key of ${this.settings.issuer}`);
    }
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isFetchFailure(error)) {
      return new AuthError(
        "UNAVAILABLE",
        `The identity provider's keys could not be fetched (${failure(error)}), so the token cannot be checked ` +
          `yet; try again shortly.`,
      );
    }
    return this.refused("the token is invalid (malformed, or not a signed JWT)");
  }
}

/** A fetch failure in words, with its cause's code (ECONNREFUSED, ENOTFOUND) when it has one. */
function failure(error: unknown): string {
  const { message, cause } = error as { message?: unknown; cause?: { code?: unknown } };
  return [String(message), typeof cause?.code === "string" ? cause.code : null].filter(Boolean).join(": ");
}

/** A network failure of `fetch` or a non-200 answer from the key-set URL. */
function isFetchFailure(error: unknown): boolean {
  // By name, not instanceof: fetch's TypeError may come from another realm (a test runner's sandbox).
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (name === "TypeError" && typeof message === "string" && /fetch failed/i.test(message)) return true;
  return error instanceof errors.JOSEError && /expected 200 OK/i.test(error.message);
}
