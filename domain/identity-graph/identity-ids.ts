import { createHash, randomBytes } from "node:crypto";

const HASH_LENGTH = 22;

/** The prefixes of identity resolution's public ids. */
export const IDENTITY_ID_PREFIXES = {
  identity: "idn",
  person: "per",
  organization: "rorg",
  run: "irun",
} as const;

const IDENTITY_ID = /^idn_[A-Za-z0-9_-]{22}$/;
const RESOLVED_ID = /^(per|rorg|acc)_[A-Za-z0-9_-]{22}$/;
const RUN_ID = /^irun_[A-Za-z0-9_-]{22}$/;

/**
 * The public id of a channel identity, derived from its key (tenant, channel, external id): sending the same
 * record again gives the same id, and the tenant is part of the hash, so no two tenants share one.
 */
export function identityId(tenant: string, channel: string, externalId: string): string {
  const digest = createHash("sha256")
    .update(`${tenant}\u0000Identity\u0000${channel}\u0000${externalId}`)
    .digest("base64url");
  return `${IDENTITY_ID_PREFIXES.identity}_${digest.slice(0, HASH_LENGTH)}`;
}

/** A fresh id for a resolved person (`per_…`) or an organization known only from channels (`rorg_…`). */
export function newResolvedId(kind: "person" | "organization"): string {
  return `${IDENTITY_ID_PREFIXES[kind]}_${randomBytes(16).toString("base64url").slice(0, HASH_LENGTH)}`;
}

export function newRunId(): string {
  return `${IDENTITY_ID_PREFIXES.run}_${randomBytes(16).toString("base64url").slice(0, HASH_LENGTH)}`;
}

export const isIdentityId = (id: string): boolean => IDENTITY_ID.test(id);
/** A resolved customer's id: a person (`per_`), an organization known only from channels (`rorg_`), an account. */
export const isResolvedId = (id: string): boolean => RESOLVED_ID.test(id);
export const isRunId = (id: string): boolean => RUN_ID.test(id);

/** The key of an unordered pair of identities: the two ids sorted, joined by "|". */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
