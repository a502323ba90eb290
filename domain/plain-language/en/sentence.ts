/**
 * A sentence being parsed by the English grammar (issue 12): its tokens, which of them the grammar has
 * understood, the terms matched and the phrases named as not understood, and the helpers every part of
 * the grammar uses to look at a range of tokens.
 */
import { DraftTerm, DraftTermKind } from "../draft";
import { Lexicon, LexiconEntry, LexiconMatch } from "../lexicon";
import { ParseAmbiguity } from "../parsed-sentence";
import { stemWord, Token, tokenize } from "../tokens";

/** A half-open range of token indexes. */
export interface Span {
  from: number;
  to: number;
}

const DRAFT_TERM_KINDS: ReadonlySet<string> = new Set<DraftTermKind>([
  "CONCEPT",
  "PAGE",
  "FIELD",
  "EVENT_TYPE",
  "ACCOUNT_FIELD_VALUE",
  "HEALTH_GRADE",
  "USER",
  "TEAM",
  "ROLE",
  "ACCOUNT_OWNER",
  "ORGANIZATION",
  "ORGANIZATION_KIND",
  "WEBHOOK_ENDPOINT",
]);

/** Titles said before a person's name ("Dr. Müller", "Prof Lin", "Ms Park"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  ...["dr", "mr", "mrs", "ms", "miss", "prof", "professor", "doctor", "sir", "dame"],
]);

/**
 * Words that carry no meaning of their own for a playbook (articles, pronouns, prepositions, auxiliaries,
 * connectives): never named as not understood, and not counted in coverage.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  // The kind of account field a value is said with ("in the manufacturing industry", "the SMB segment").
  ...["industry", "sector", "vertical", "segment"],
  "sharply",
  "straight",
  "directly",
  "quickly",
  "significantly",
  "suddenly",
  "steadily",
  "consistently",
  "rapidly",
  "noticeably",
  "number",
  "amount",
  "total",
  "keeps",
  "keep",
  "continues",
  "continue",
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  "its",
  "it",
  "their",
  "they",
  "them",
  "his",
  "her",
  "he",
  "she",
  "we",
  "our",
  "us",
  "me",
  "my",
  "i",
  "you",
  "your",
  "one",
  "someone",
  "anyone",
  "of",
  "to",
  "for",
  "in",
  "on",
  "at",
  "by",
  "with",
  "from",
  "into",
  "onto",
  "over",
  "under",
  "about",
  "as",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "has",
  "have",
  "had",
  "do",
  "does",
  "did",
  "and",
  "or",
  "but",
  "then",
  "also",
  "so",
  "please",
  "just",
  "any",
  "some",
  "all",
  "each",
  "every",
  "there",
  "which",
  "who",
  "whose",
  "what",
  "when",
  "whenever",
  "if",
  "once",
  "while",
  "should",
  "shall",
  "will",
  "would",
  "can",
  "could",
  "may",
  "must",
  "let",
  "get",
  "gets",
  "got",
  "still",
  "already",
  "again",
  "too",
  "very",
  "new",
  "immediately",
  "right",
  "away",
  "account",
  "customer",
  "client",
  "accounts",
  "customers",
  "clients",
  "company",
  "s",
  "up",
  "out",
  "off",
  "time",
  "same",
  "automatically",
  "first",
  "only",
  "than",
  "more",
  "least",
  "at",
  "or",
  "after",
  "before",
  "single",
]);

/** What a parse has done to a sentence so far (see `Sentence.snapshot`). */
export interface SentenceState {
  readonly tokens: readonly Token[];
  readonly used: readonly boolean[];
  readonly matched: readonly DraftTerm[];
  readonly unrecognised: readonly string[];
  readonly ambiguities: readonly ParseAmbiguity[];
}

export class Sentence {
  readonly tokens: Token[];
  readonly used: boolean[];
  readonly matched: DraftTerm[] = [];
  readonly unrecognised: string[] = [];
  readonly ambiguities: ParseAmbiguity[] = [];

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon,
  ) {
    this.tokens = tokenize(text);
    this.used = this.tokens.map(() => false);
  }

  /** The state of the parse so far, to try a reading and take it back ({@link restore}). */
  snapshot(): SentenceState {
    return {
      tokens: [...this.tokens],
      used: [...this.used],
      matched: [...this.matched],
      unrecognised: [...this.unrecognised],
      ambiguities: [...this.ambiguities],
    };
  }

  /** Takes back everything a tried reading did since {@link snapshot}. */
  restore(state: SentenceState): void {
    const put = <T>(target: T[], from: readonly T[]) => target.splice(0, target.length, ...from);
    put(this.tokens, state.tokens);
    put(this.used, state.used);
    put(this.matched, state.matched);
    put(this.unrecognised, state.unrecognised);
    put(this.ambiguities, state.ambiguities);
  }

  word(i: number): string {
    return this.tokens[i]?.text ?? "";
  }

  /** Reads token i as another word (a gerund as its verb); the phrase as written stays as it was. */
  readAs(i: number, word: string): void {
    const token = this.tokens[i];
    if (token !== undefined) this.tokens[i] = { ...token, text: word, stem: stemWord(word) };
  }

  stem(i: number): string {
    return this.tokens[i]?.stem ?? "";
  }

  /** The text between token i-1 and token i (punctuation, spaces). */
  gapBefore(i: number): string {
    const prev = this.tokens[i - 1];
    const cur = this.tokens[i];
    if (cur === undefined) return prev === undefined ? "" : this.text.slice(prev.end);
    return this.text.slice(prev === undefined ? 0 : prev.end, cur.start);
  }

  /** The original text of tokens [from, to). */
  phrase(from: number, end: number): string {
    // A range running past the last token ("the word after the doer" at the end of the sentence) is cut there.
    const to = Math.min(end, this.tokens.length);
    if (to <= from || from < 0) return "";
    return this.text.slice(this.tokens[from]!.start, this.tokens[to - 1]!.end);
  }

  use(from: number, to: number = from + 1): void {
    for (let i = from; i < to && i < this.used.length; i += 1) this.used[i] = true;
  }

  isUsed(from: number, to: number = from + 1): boolean {
    for (let i = from; i < to; i += 1) if (this.used[i]) return true;
    return false;
  }

  /** Whether the words `words` (texts, lower case) stand at token i. */
  at(i: number, words: readonly string[]): boolean {
    return words.every((w, k) => this.word(i + k) === w || this.stem(i + k) === w);
  }

  /** The first index in span where one of the phrases (space-separated) stands, with the phrase's length. */
  find(span: Span, phrases: readonly string[], start = span.from): { i: number; n: number } | null {
    const split = phrases.map((p) => p.split(" "));
    for (let i = start; i < span.to; i += 1) {
      for (const words of split) {
        if (i + words.length <= span.to && this.at(i, words)) return { i, n: words.length };
      }
    }
    return null;
  }

  /** Lexicon matches in span (longest first, left to right, not overlapping used tokens). */
  matches(span: Span, accept: (entry: LexiconEntry) => boolean, skipUsed = true): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    for (let i = span.from; i < span.to;) {
      const match = this.lexicon.matchAt(this.tokens, i, this.text, accept);
      if (match === null || match.to > span.to || (skipUsed && this.isUsed(match.from, match.to))) i += 1;
      else {
        found.push(match);
        i = match.to;
      }
    }
    return found;
  }

  /** Records that a phrase was matched to a term (for the draft's `matched`), once. */
  term(phrase: string, kind: string, id: string): void {
    if (!DRAFT_TERM_KINDS.has(kind)) return;
    if (this.matched.some((t) => t.phrase === phrase && t.kind === kind && t.id === id)) return;
    this.matched.push({ phrase, kind: kind as DraftTermKind, id });
  }

  /** Names a phrase as not understood, once (a phrase inside one already named is left out). */
  unknown(phrase: string): void {
    const p = phrase.trim();
    if (p === "") return;
    const fold = (s: string) => s.toLowerCase().replace(/\s+/g, "");
    if (this.unrecognised.some((u) => fold(u).includes(fold(p)))) return;
    for (let k = this.unrecognised.length - 1; k >= 0; k -= 1) {
      if (fold(p).includes(fold(this.unrecognised[k]!))) this.unrecognised.splice(k, 1);
    }
    this.unrecognised.push(p);
  }

  ambiguous(phrase: string, message: string, actionIndex?: number): void {
    this.ambiguities.push({ phrase, message, ...(actionIndex === undefined ? {} : { actionIndex }) });
  }

  /** Whether token i is a content word (not a function word, not a bare number). */
  isContent(i: number): boolean {
    const w = this.word(i);
    return w !== "" && !FUNCTION_WORDS.has(w);
  }

  /** The share of content tokens understood. */
  coverage(): number {
    let content = 0;
    let understood = 0;
    this.tokens.forEach((_, i) => {
      if (!this.isContent(i)) return;
      content += 1;
      if (this.used[i]) understood += 1;
    });
    return content === 0 ? 0 : understood / content;
  }
}
