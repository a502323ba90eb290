const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Turns what a user typed into a Lucene query for Neo4j's full-text indexes. Words are split the way the
 * index splits names (on anything that is not a letter or digit), so "juliet-kilo" finds "Juliet-Kilo
 * Freight"; every word must match, Latin words as prefixes ("acme hea" finds "Acme Healthcare"), Chinese,
 * Japanese and Korean runs as phrases (the index cuts them into characters or bigrams, so "满意度" finds
 * 客户满意度). Lucene syntax in the input is never executed. Returns null when nothing searchable remains.
 */
export function toFulltextQuery(input: string): string | null {
  const words = input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .filter((word) => !/^(AND|OR|NOT|TO)$/.test(word));
  if (words.length === 0) return null;
  return words.map((word) => (CJK.test(word) ? `"${word}"` : `${word.toLowerCase()}*`)).join(" AND ");
}
