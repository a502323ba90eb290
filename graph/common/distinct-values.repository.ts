import { CypherExecutor } from "../executor";

/**
 * The filterable properties whose values notices check, by filter name: whitelisted labels and
 * properties, never taken from a request.
 */
export const FILTERED_PROPERTIES = {
  "accounts:filter.industry": { label: "Account", property: "industry" },
  "accounts:filter.segment": { label: "Account", property: "segment" },
  "accounts:filter.region": { label: "Account", property: "region" },
  "contacts:filter.sourceSystems": { label: "Contact", property: "sourceSystem" },
  "opportunities:filter.sourceSystems": { label: "Opportunity", property: "sourceSystem" },
  "assets:filter.models": { label: "Asset", property: "model" },
  "assets:filter.sourceSystems": { label: "Asset", property: "sourceSystem" },
  "organizations:filter.regions": { label: "Organization", property: "region" },
  "organizations:filter.sourceSystems": { label: "Organization", property: "sourceSystem" },
  "signals:filter.fields": { label: "Signal", property: "field" },
  "signals:filter.sourceSystems": { label: "Signal", property: "sourceSystem" },
} as const;

export type FilteredProperty = keyof typeof FILTERED_PROPERTIES;

/** The distinct values a tenant's records have for filterable properties. */
export class DistinctValuesRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** Every value of each property, in one statement. */
  async valuesOf(keys: readonly FilteredProperty[]): Promise<Record<string, string[]>> {
    const distinct = [...new Set(keys)].sort();
    if (distinct.length === 0) return {};
    const text = distinct
      .map((key, i) => {
        const { label, property } = FILTERED_PROPERTIES[key];
        return `MATCH (n:${label} {tenant: $tenant}) WHERE n.${property} IS NOT NULL\nRETURN ${i} AS key, collect(DISTINCT n.${property}) AS values`;
      })
      .join("\nUNION ALL\n");
    const rows = await this.executor.read(
      { name: `filter.values.${distinct.join("+")}`, text },
      { tenant: this.tenant },
    );
    return Object.fromEntries(
      rows.map((row) => [distinct[row.key as number] as string, (row.values as unknown[]).map(String)]),
    );
  }
}
