import { CypherExecutor, CypherQuery } from "../executor";
import { AccountFilterValues, AccountRepository, FILTER, source } from "./account.repository";

/** The dimensions facets count, each with the filter parameter that narrows it (null: none). */
const DIMENSIONS = [
  { facet: "industry", property: "a.industry", param: "$industries" },
  { facet: "segment", property: "a.segment", param: "$segments" },
  { facet: "region", property: "a.region", param: "$regions" },
  { facet: "sourceSystem", property: "a.sourceSystem", param: null },
] as const;

export type FacetName = (typeof DIMENSIONS)[number]["facet"] | "stage";
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>;

/**
 * Each dimension counts the accounts that match every condition of the filter but its own (so choosing
 * one region still shows how many accounts the other regions have); stages count the opportunities of the
 * accounts that match the whole filter. One statement.
 */
function facetsQuery(search: boolean): CypherQuery {
  const from = source(search ? "search" : null);
  const branches = DIMENSIONS.map(({ facet, property, param }) => {
    // The filter's terms read "($param IS NULL OR ...)": null for the dimension's own parameter drops it.
    const filter = param === null ? FILTER : FILTER.split(param).join("null");
    return `${from} ${filter} AND ${property} IS NOT NULL\nRETURN '${facet}' AS facet, ${property} AS value, count(*) AS count`;
  });
  branches.push(
    `${from} ${FILTER}\nMATCH (o:Opportunity)-[:FOR_ACCOUNT]->(a)\nRETURN 'stage' AS facet, o.stage AS value, count(*) AS count`,
  );
  return { name: `account.facets${search ? ".search" : ""}`, text: branches.join("\nUNION ALL\n") };
}

/** Valid values of the account filter's dimensions, with counts, for one tenant. */
export class AccountFacetsRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly accounts: AccountRepository,
  ) {}

  async facets(filter: AccountFilterValues): Promise<FacetCounts> {
    const counts: FacetCounts = { industry: [], segment: [], region: [], sourceSystem: [], stage: [] };
    const nameQuery = this.accounts.nameQuery(filter);
    if (nameQuery === false) return counts;
    const rows = await this.executor.read(
      facetsQuery(nameQuery !== null),
      this.accounts.filterParams(filter, nameQuery),
    );
    for (const row of rows)
      counts[row.facet as FacetName].push({ value: String(row.value), count: row.count as number });
    for (const values of Object.values(counts)) {
      values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    }
    return counts;
  }
}
