import { FilterNotice, filterNotices } from "../../domain/search/closest-values";
import { FILTERED_PROPERTIES, FilteredProperty } from "../../graph/common/distinct-values.repository";
import { RequestContext } from "../context";

/**
 * Notices for the free-text values of a list's filter that no record has, e.g. `region: ["APAC"]` when the
 * regions are APAC-CN and APAC-SEA. `asked` maps filter paths ("filter.region") to the values given; one
 * statement reads the valid values of those that were given.
 */
export async function filterNoticesFor(
  ctx: RequestContext,
  list: string,
  asked: Readonly<Record<string, readonly string[] | null>>,
): Promise<FilterNotice[]> {
  const given = Object.entries(asked).filter(([filter, values]) => {
    if (values === null || values.length === 0) return false;
    if (!(`${list}:${filter}` in FILTERED_PROPERTIES)) throw new Error(`no filtered property ${list}:${filter}`);
    return true;
  });
  if (given.length === 0) return [];
  const valid = await ctx.repositories.filterValues.valuesOf(
    given.map(([filter]) => `${list}:${filter}` as FilteredProperty),
  );
  return filterNotices(
    given.map(([filter, values]) => ({ filter, values })),
    Object.fromEntries(given.map(([filter]) => [filter, valid[`${list}:${filter}`] ?? []])),
  );
}
