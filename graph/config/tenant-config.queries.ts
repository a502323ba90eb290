import { CypherQuery } from "../executor";

/**
 * Moves a scope's configuration version on (decision 0036). Runs inside the transaction of every write that
 * changes what scores are computed with, so a reader never sees the change without the new version. The
 * stamp is random, so a version restored from a backup never matches a cache filled from another state.
 */
export const BUMP_TENANT_CONFIG: CypherQuery = {
  name: "config.bump",
  text: `
MERGE (c:TenantConfig {tenant: $configScope})
SET c.version = coalesce(c.version, 0) + 1, c.stamp = randomUUID(), c.changedAt = datetime($now)`,
};

/** The configuration stamps of a tenant and of the built-in scope: one index seek each. */
export const TENANT_CONFIG_STAMPS: CypherQuery = {
  name: "config.stamps",
  text: `
MATCH (c:TenantConfig) WHERE c.tenant IN $configScopes
RETURN c.tenant AS scope, c.stamp AS stamp`,
};
