import { FULLTEXT_STOP_WORDS } from "./stop-words";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

/**
 * Whether `mark` between `before` and `after` stays inside one word, as Unicode word boundaries (UAX #29, what
 * Lucene's standard tokenizer follows) keep it: an apostrophe or a full stop between letters ("o'brien",
 * "acme.com"), those and a comma or semicolon between digits ("3.5", "1,000").
 */
function joins(before: string, mark: string, after: string): boolean {
  if (LETTER.test(before) && LETTER.test(after)) return /['’.]/.test(mark);
  if (DIGIT.test(before) && DIGIT.test(after)) return /['’.,;]/.test(mark);
  return false;
}

/** Splits text into the words the index's tokenizer makes of it. */
function wordsOf(text: string): string[] {
  const chars = [...text];
  const words: string[] = [];
  let current = "";
  chars.forEach((char, i) => {
    if (WORD_CHAR.test(char)) current += char;
    else if (current !== "" && i + 1 < chars.length && joins(chars[i - 1]!, char, chars[i + 1]!)) current += char;
    else {
      if (current !== "") words.push(current);
      current = "";
    }
  });
  if (current !== "") words.push(current);
  return words;
}

/**
 * Turns what a user typed into a Lucene query for Neo4j's full-text indexes. Words are split the way the
 * index's tokenizer splits names (on anything but letters and digits, keeping "o'brien" and "3.5" whole), so
 * "juliet-kilo" finds "Juliet-Kilo Freight"; every word must match, Latin words as prefixes ("acme hea" finds
 * "Acme Healthcare"), Chinese, Japanese and Korean runs as phrases (the index cuts them into characters or
 * bigrams, so "满意度" finds 客户满意度). Stop words that an analyzer may leave out of the index ("to", "of",
 * "the", see {@link FULLTEXT_STOP_WORDS}) are not required, so "mean time to repair" finds "Mean time to
 * repair"; when the input has nothing else, they are kept as prefixes ("to" may be the start of "tooling").
 * Lucene syntax in the input is never executed. Returns null when nothing searchable remains.
 */
export function toFulltextQuery(input: string): string | null {
  const words = wordsOf(input.normalize("NFKC")).filter((word) => !/^(AND|OR|NOT|TO)$/.test(word));
  if (words.length === 0) return null;
  const required = words.filter((word) => CJK.test(word) || !FULLTEXT_STOP_WORDS.has(word.toLowerCase()));
  return (required.length > 0 ? required : words)
    .map((word) => (CJK.test(word) ? `"${word}"` : `${word.toLowerCase()}*`))
    .join(" AND ");
}
