const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a user typed into a Lucene query for Neo4j's full-text index: every word must match, as a
 * prefix, so "acme hea" finds "Acme Healthcare". Lucene syntax in the input is escaped, never executed.
 * Returns null when nothing searchable remains.
 */
export function toFulltextQuery(input: string): string | null {
  const words = input
    .normalize("NFKC")
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`))
    .filter((word) => word.length > 0)
    .filter((word) => !/^(AND|OR|NOT)$/.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `${word}*`).join(" AND ");
}
