import neo4j from "neo4j-driver";
import { Account, Page } from "../../domain/model";
import { CursorKey } from "../../domain/pagination/cursor";
import { toFulltextQuery } from "../../domain/search/fulltext-query";
import { ALL_PROPERTIES, PropertySelection } from "../../domain/selection/property-selection";
import { NodeProperties, PROVENANCE_PROPERTIES, selectedNodeProjection } from "../common/node-projection";
import { CypherExecutor, CypherQuery } from "../executor";
import { instant, optionalNumber, optionalText, text } from "../common/row-mapping";
import { ACCOUNT_ORDERS, AccountOrderName } from "./account-order";

export interface AccountFilterValues {
  industries?: readonly string[] | null;
  segments?: readonly string[] | null;
  regions?: readonly string[] | null;
  /** Words the name must contain (as typed by the user); when nothing searchable remains, nothing matches. */
  search?: string | null;
  minAnnualRevenue?: number | null;
}

export interface AccountListRequest {
  filter: AccountFilterValues;
  order: AccountOrderName;
  first: number;
  after: CursorKey | null;
  /** The account properties the request selects; every property when absent. */
  select?: PropertySelection<AccountProperty>;
}

/** The stored properties an account read may select. */
export const ACCOUNT_PROPERTIES = [
  ...PROVENANCE_PROPERTIES,
  "name",
  "industry",
  "segment",
  "region",
  "annualRevenue",
  "ownerExternalId",
] as const;
export type AccountProperty = (typeof ACCOUNT_PROPERTIES)[number];
export const ACCOUNT_NODE: NodeProperties<AccountProperty> = {
  allowed: ACCOUNT_PROPERTIES,
  instants: ["firstSeenAt", "lastUpdatedAt"],
};

/** Statement texts per query and selection shape; past this many, rarer shapes are rendered each time. */
const CACHED_TEXTS = 256;
const texts = new Map<string, CypherQuery>();

function cached(key: string, make: () => CypherQuery): CypherQuery {
  const known = texts.get(key);
  if (known !== undefined) return known;
  const query = make();
  if (texts.size < CACHED_TEXTS) texts.set(key, query);
  return query;
}

function byIdsQuery(selection: PropertySelection<AccountProperty>): CypherQuery {
  return cached(`byIds|${selection.key}`, () => ({
    name: "account.byIds",
    text: `
UNWIND $ids AS id
MATCH (a:Account {tenant: $tenant, id: id})
RETURN ${selectedNodeProjection("a", selection, ACCOUNT_NODE)} AS account`,
  }));
}

/** The account filter over `a`; every term reads as true when its parameter is null. */
export const FILTER = `
  ($industries IS NULL OR a.industry IN $industries)
  AND ($segments IS NULL OR a.segment IN $segments)
  AND ($regions IS NULL OR a.region IN $regions)
  AND ($minAnnualRevenue IS NULL OR a.annualRevenue >= $minAnnualRevenue)`;

/** Where the filtered accounts come from: the tenant's accounts, or the name index for a search. */
export function source(nameQuery: string | null | undefined): string {
  return nameQuery
    ? "CALL db.index.fulltext.queryNodes('account_name_fulltext', $nameQuery) YIELD node AS a WITH a WHERE a.tenant = $tenant AND"
    : "MATCH (a:Account {tenant: $tenant}) WHERE";
}

function listQuery(order: AccountOrderName, search: boolean, selection: PropertySelection<AccountProperty>) {
  return cached(`list|${order}|${search}|${selection.key}`, () => renderList(order, search, selection));
}

function renderList(order: AccountOrderName, search: boolean, selection: PropertySelection<AccountProperty>) {
  const account = selectedNodeProjection("a", selection, ACCOUNT_NODE);
  const { keys, direction } = ACCOUNT_ORDERS[order];
  const [k1, k2] = keys;
  const op = direction === "ASC" ? ">" : "<";
  if (!search && k1 === "a.name") {
    // Read names in the order of the (tenant, name) index and stop after one page, instead of sorting
    // every account of the tenant: on 100,000 accounts this is the difference between a top-k over the
    // whole tenant and a few index entries.
    return {
      name: `account.list.${order}`,
      text: `
MATCH (a:Account) USING INDEX a:Account(tenant, name)
WHERE a.tenant = $tenant AND a.name IS NOT NULL AND ${FILTER}
  AND ($after IS NULL OR a.name ${op} $after[0] OR (a.name = $after[0] AND a.id ${op} $after[1]))
WITH a ORDER BY a.tenant ${direction}, a.name ${direction}, a.id ${direction}
LIMIT $limit
RETURN ${account} AS account, [a.name, a.id] AS sortKey`,
    };
  }
  return {
    name: `account.list.${order}${search ? ".search" : ""}`,
    text: `
${source(search ? "search" : null)} ${FILTER}
  AND ($after IS NULL OR ${k1} ${op} $after[0] OR (${k1} = $after[0] AND ${k2} ${op} $after[1]))
WITH a, ${k1} AS sortKey1, ${k2} AS sortKey2
ORDER BY sortKey1 ${direction}, sortKey2 ${direction}
LIMIT $limit
RETURN ${account} AS account, [sortKey1, sortKey2] AS sortKey`,
  };
}

function countQuery(search: boolean): CypherQuery {
  return {
    name: `account.count${search ? ".search" : ""}`,
    text: `${source(search ? "search" : null)} ${FILTER}\nRETURN count(a) AS total`,
  };
}

/** Maps a stored account's properties to the domain object. */
export function toAccount(row: Record<string, unknown>): Account {
  return {
    // The provenance fields written out, not spread from provenance(row): spreading one object into a
    // literal with more fields costs about eight times as much per row (npm run bench:conversions).
    id: text(row, "id"),
    sourceSystem: text(row, "sourceSystem"),
    externalId: text(row, "externalId"),
    firstSeenAt: instant(row, "firstSeenAt"),
    lastUpdatedAt: instant(row, "lastUpdatedAt"),
    name: text(row, "name"),
    industry: optionalText(row, "industry"),
    segment: optionalText(row, "segment"),
    region: optionalText(row, "region"),
    annualRevenue: optionalNumber(row, "annualRevenue"),
    ownerExternalId: optionalText(row, "ownerExternalId"),
  };
}

/** Reads accounts of one tenant; every query is scoped by `$tenant`. */
export class AccountRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /**
   * Accounts for the given ids, aligned with them; null where the tenant has no such account. With a
   * selection, only its properties hold values (the others read as empty).
   */
  async findByIds(
    ids: readonly string[],
    selection: PropertySelection<AccountProperty> = ALL_PROPERTIES,
  ): Promise<Array<Account | null>> {
    const rows = await this.executor.read(byIdsQuery(selection), { tenant: this.tenant, ids: [...ids] });
    const byId = new Map(
      rows.map((row) => {
        const account = toAccount(row.account as Record<string, unknown>);
        return [account.id, account] as const;
      }),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(request: AccountListRequest): Promise<Page<Account>> {
    const nameQuery = this.nameQuery(request.filter);
    if (nameQuery === false) return { items: [], hasNextPage: false, totalCount: null };
    const search = nameQuery !== null;
    const rows = await this.executor.read(listQuery(request.order, search, request.select ?? ALL_PROPERTIES), {
      ...this.filterParams(request.filter, nameQuery),
      after: request.after === null ? null : [...request.after],
      limit: neo4j.int(request.first + 1),
    });
    return {
      items: rows.slice(0, request.first).map((row) => ({
        node: toAccount(row.account as Record<string, unknown>),
        sortKey: row.sortKey as Array<string | number | null>,
      })),
      hasNextPage: rows.length > request.first,
      totalCount: null,
    };
  }

  async count(filter: AccountFilterValues): Promise<number> {
    const nameQuery = this.nameQuery(filter);
    if (nameQuery === false) return 0;
    const rows = await this.executor.read(countQuery(nameQuery !== null), this.filterParams(filter, nameQuery));
    return (rows[0]?.total as number | undefined) ?? 0;
  }

  /** The Lucene query for a search; null without a search; false when the search has no searchable words. */
  nameQuery(filter: AccountFilterValues): string | null | false {
    // An empty search is no search; symbols alone ("*", "name:*") search for nothing rather than for everything.
    if (filter.search === null || filter.search === undefined || filter.search.trim() === "") return null;
    return toFulltextQuery(filter.search) ?? false;
  }

  filterParams(filter: AccountFilterValues, nameQuery: string | null): Record<string, unknown> {
    return {
      tenant: this.tenant,
      industries: filter.industries ? [...filter.industries] : null,
      segments: filter.segments ? [...filter.segments] : null,
      regions: filter.regions ? [...filter.regions] : null,
      minAnnualRevenue: filter.minAnnualRevenue ?? null,
      nameQuery,
    };
  }
}
