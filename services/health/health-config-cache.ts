const MAX_TENANTS = 1_000;

/**
 * What one tenant's scores are computed with at one configuration version: model versions and, per model
 * version, the prepared concept tree and mappings. Values are loaded on first use and shared by the
 * requests that read the same version; a failed load is not kept.
 */
export class TenantHealthConfig {
  private readonly values = new Map<string, Promise<unknown>>();

  constructor(readonly token: string) {}

  /** The value under `key`, loaded with `load` when absent. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.values.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const loaded = load();
    this.values.set(key, loaded);
    loaded.catch(() => {
      if (this.values.get(key) === loaded) this.values.delete(key);
    });
    return loaded;
  }
}

/**
 * Health models, concept trees and mappings of every tenant, held by one API process between requests
 * (issue 18, decision 0036). Each request reads the tenant's configuration token (one index seek) and
 * takes the tenant's entry only when the token matches; every write that changes mappings, models or
 * concepts moves the token on in its own transaction, so a change shows in every process on the next
 * request. The token is read before anything is loaded under it: a load that races a write may hold the
 * newer configuration under the older token, which the next request replaces, never the reverse.
 */
export class HealthConfigCache {
  private readonly tenants = new Map<string, TenantHealthConfig>();

  /** The tenant's entry at `token`; a different token replaces what was held. */
  at(tenant: string, token: string): TenantHealthConfig {
    const held = this.tenants.get(tenant);
    if (held && held.token === token) return held;
    const fresh = new TenantHealthConfig(token);
    this.tenants.delete(tenant);
    if (this.tenants.size >= MAX_TENANTS) this.tenants.delete(this.tenants.keys().next().value as string);
    this.tenants.set(tenant, fresh);
    return fresh;
  }
}
