import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { BUMP_TENANT_CONFIG, TENANT_CONFIG_STAMPS } from "./tenant-config.queries";

type Run = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;

/**
 * Bumps the configuration version of `scope` (a tenant, or the built-in scope) inside the caller's write
 * transaction. Every write of mappings, health model versions, ontology packs, concepts or links calls it.
 */
export async function bumpTenantConfig(run: Run, scope: string, now: string): Promise<void> {
  await run(BUMP_TENANT_CONFIG, { configScope: scope, now });
}

/**
 * The configuration version a tenant's scores are computed with, as one opaque token: the stamps of the
 * tenant's and the built-in scope's `TenantConfig` nodes ("-" for a scope that has never changed since
 * migration 0024). Equal tokens mean the same mappings, models, concepts and links.
 */
export async function readConfigToken(executor: CypherExecutor, scopes: readonly string[]): Promise<string> {
  const rows = await executor.read(TENANT_CONFIG_STAMPS, { configScopes: [...scopes] });
  const stamps = new Map(rows.map((row) => [String(row.scope), String(row.stamp ?? "-")]));
  return [...scopes]
    .sort()
    .map((scope) => `${scope}=${stamps.get(scope) ?? "-"}`)
    .join(";");
}
