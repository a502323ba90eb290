/**
 * Tokens of a sentence for the plain-language parsers (issue 12), in both languages: Latin words (and
 * numbers) as whole tokens, each Chinese character as a token of its own. Every token keeps where it stands
 * in the original text, so a match can name the phrase exactly as it was written.
 */

/** One token of a sentence or of a lexicon phrase. */
export interface Token {
  /** Lower-cased, NFKC-normalised. */
  text: string;
  /** What matching compares: {@link stemWord} of `text` for Latin words, the character for CJK. */
  stem: string;
  /** Offsets in the original text: `original.slice(start, end)` is the token as written. */
  start: number;
  end: number;
  /** A Chinese (CJK) character. */
  cjk: boolean;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{N}/u;
const APOSTROPHE = /['’]/u;

/** Whether a character is a Chinese (CJK) character. */
export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/**
 * A light English stemmer for matching: plurals and possessives fold onto the singular ("tickets" →
 * "ticket", "batteries" → "battery"). Applied to both the sentence and the lexicon, so it only has to be
 * consistent, not linguistically right.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (/(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * Splits text into tokens: runs of letters and digits are Latin words (apostrophes inside a word are
 * dropped, a trailing "'s" is left out; "1,000" and "2.5" stay one number), each CJK character is a token,
 * and everything else (spaces, hyphens, punctuation) separates tokens.
 */
export function tokenize(original: string): Token[] {
  const chars = Array.from(original);
  const tokens: Token[] = [];
  let offset = 0;
  let word = "";
  let wordStart = 0;
  const flush = (end: number) => {
    if (word !== "") tokens.push({ text: word, stem: stemWord(word), start: wordStart, end, cjk: false });
    word = "";
  };
  for (let i = 0; i < chars.length; i += 1) {
    const raw = chars[i] as string;
    const char = raw.normalize("NFKC").toLowerCase();
    const next = chars[i + 1] ?? "";
    const afterNext = chars[i + 2] ?? "";
    if (isCjk(raw)) {
      flush(offset);
      tokens.push({ text: char, stem: char, start: offset, end: offset + raw.length, cjk: true });
    } else if (WORD.test(char) && char.length > 0) {
      if (word === "") wordStart = offset;
      word += char;
    } else if (word !== "" && APOSTROPHE.test(raw)) {
      // "hospital's" → "hospital"; "don't" → "dont".
      if (/^s$/i.test(next) && !WORD.test(afterNext)) {
        flush(offset);
        i += 1;
        offset += raw.length + next.length;
        continue;
      }
    } else if (word !== "" && /[.,]/.test(raw) && DIGIT.test(word.slice(-1)) && DIGIT.test(next)) {
      // 1,000 → 1000; 2.5 stays 2.5.
      if (raw === ".") word += ".";
    } else {
      flush(offset);
    }
    offset += raw.length;
  }
  flush(offset);
  return tokens;
}

/** The stems of a phrase, as the lexicon keys it. */
export function stemsOf(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.stem);
}

/**
 * A coarser stem for searching concepts by shared words: also folds "-ed", "-ing" and a final "e"
 * ("scheduled", "schedules", "schedule" → "schedul").
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  held: "hold",
  fell: "fall",
  rose: "rise",
  went: "go",
  left: "leave",
  ran: "run",
  paid: "pay",
  sent: "send",
  lost: "lose",
  broke: "break",
  broken: "break",
  won: "win",
  bought: "buy",
  sold: "sell",
  met: "meet",
};

export function searchStem(word: string): string {
  let w = stemWord(IRREGULAR[word] ?? word);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}
