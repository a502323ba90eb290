import { ROLES, Role } from "../../resolvers/context";

/** An OpenID Connect identity provider whose RS256/ES256 tokens the API accepts. */
export interface OidcSettings {
  /** Must equal the tokens' `iss`; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** Where the signing keys are; null: from the issuer's discovery document. */
  jwksUri: string | null;
  /** Must be among the tokens' `aud`. */
  audience: string;
  /** The claim naming the tenant; a dotted path reaches into objects (`app_metadata.tenant`). */
  tenantClaim: string;
  /** The claim carrying the role: one name or a list (e.g. groups). */
  roleClaim: string;
  /** The identity provider's role or group names to Relata roles; null: the claim holds Relata role names. */
  roleMap: ReadonlyMap<string, Role> | null;
  /** The least time between two key-set fetches caused by tokens naming an unknown key. */
  jwksCooldownSeconds: number;
}

/** How bearer tokens are verified, limited and revoked. */
export interface AuthSettings {
  /** The longest lifetime (exp − iat) a token may have. */
  maxTokenLifetimeHours: number;
  /** How often each instance reads the revocation list again. */
  revocationRefreshSeconds: number;
  /**
   * How long each instance uses what it read about a token subject's user (their roles, or that there is
   * none) before reading it again: a role change made through another instance applies within this.
   */
  userRolesTtlSeconds: number;
  oidc: OidcSettings | null;
}

/**
 * Parses `RELATA_OIDC_ROLE_MAP`: `idp-name=role` pairs separated by commas, e.g.
 * `relata-admins=admin,crm-sync=integrator`.
 */
export function parseRoleMap(raw: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const [i, pair] of raw.split(",").entries()) {
    const match = /^\s*([^=]+?)\s*=\s*([^=]+?)\s*$/.exec(pair);
    const role = match?.[2];
    if (!match || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(
        `RELATA_OIDC_ROLE_MAP entry ${i + 1} ("${pair.trim()}") must be <identity provider name>=<role>, ` +
          `the role one of ${ROLES.join(", ")}; e.g. "relata-admins=admin,crm-sync=integrator".`,
      );
    }
    map.set(match[1] as string, role as Role);
  }
  return map;
}

/** Checks that an OIDC setting holds an http(s) URL. */
export function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL; it is "${raw}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`${name} must be an http(s) URL; it is "${raw}".`);
  }
  return raw;
}
