import type { AccountFilter } from "../api/generated/graphql";

/** What the search page's URL asks for. */
export interface SearchQuery {
  q: string;
  industry: string | null;
  segment: string | null;
  region: string | null;
}

/** The account filter of a search: the words as a name search, each chosen facet as a one-value list. Pure. */
export function accountFilter(query: SearchQuery): AccountFilter {
  const filter: AccountFilter = {};
  const words = query.q.trim();
  if (words) filter.search = words;
  if (query.industry) filter.industry = [query.industry];
  if (query.segment) filter.segment = [query.segment];
  if (query.region) filter.region = [query.region];
  return filter;
}

/**
 * The ids of distinct subjects, in first-seen order, at most `limit` of them: the accounts behind a list of
 * signals (newest first), so the accounts with the freshest data come first. Pure.
 */
export function distinctIds(ids: ReadonlyArray<string>, limit: number): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.size >= limit) break;
    seen.add(id);
  }
  return [...seen];
}

/** The records whose name contains every word of the query, in any case. Pure. */
export function matchByName<T extends { name: string }>(records: ReadonlyArray<T>, q: string): T[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return records.filter((r) => words.every((w) => r.name.toLowerCase().includes(w)));
}

/** The fields and systems of a concept's mappings, deduplicated, as the signal filter takes them. Pure. */
export function fieldsAndSystems(measures: ReadonlyArray<{ system: string; field: string }>): {
  fields: string[];
  systems: string[];
} {
  return {
    fields: [...new Set(measures.map((m) => m.field))].sort(),
    systems: [...new Set(measures.map((m) => m.system))].sort(),
  };
}
