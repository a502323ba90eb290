/**
 * The vocabulary the plain-language parsers (issue 12) match a sentence against, in English and Chinese:
 * the ontology packs' concepts (preferred and alternative labels, the words of their mapped source fields),
 * the web pages of the page-view lookup table, categorical values of the packs' lookup tables, the
 * tenant's users, teams, roles, partner organizations and their kinds, webhook endpoints, account field
 * values, health grades and the names of the account owner, and the words of change events.
 *
 * Built once per {@link DraftContext}; pure. {@link Lexicon.matchAt} is a longest match over tokens (Latin
 * words compared by stem, Chinese by character), usable for both languages.
 */
import { ChangeRecordType } from "../events/change-event";
import { ConceptSpec, OntologyPack } from "../../ontology/model/ontology.model";
import { MappingSpec } from "../../ontology/model/mapping.model";
import { CONCEPT_PHRASES, VALUE_PHRASES } from "./concept-phrases";
import { DraftDirectory, DraftTermKind } from "./draft";
import { EVENT_ACTION_WORDS, EventAction, RECORD_WORDS } from "./event-vocabulary";
import { searchStem, stemsOf, Token, tokenize } from "./tokens";

/** What a lexicon phrase stands for: a draft term, or a word of the event vocabulary or a concept's value. */
export type LexiconKind = DraftTermKind | "RECORD_TYPE" | "EVENT_ACTION" | "CONCEPT_VALUE";

export type LexiconLanguage = "en" | "zh";

/** One phrase of the lexicon and what it resolves to. */
export interface LexiconEntry {
  kind: LexiconKind;
  /**
   * What it resolves to: a concept id (CONCEPT, FIELD's concept is in `concept`), a page path (PAGE), a
   * field name (FIELD), an account field value such as "HEALTHCARE", a grade, a user's / team's / role's /
   * organization's / webhook endpoint's id, an organization kind, "ACCOUNT_OWNER", a record type
   * (RECORD_TYPE), an event action (EVENT_ACTION) or a lookup value (CONCEPT_VALUE).
   */
  id: string;
  /** The phrase as the lexicon holds it. */
  phrase: string;
  lang: LexiconLanguage;
  /**
   * How it was found: a preferred label, an alternative label, a plain-language phrase
   * (`concept-phrases.ts`), a derived phrase (field words, page slug, a label's other spelling), or a name.
   */
  source: "prefLabel" | "altLabel" | "phrase" | "derived" | "name";
  /** For PAGE, FIELD and CONCEPT_VALUE: the concept the value or field measures. */
  concept?: string;
  /** For PAGE: the field whose value the page is (e.g. "viewed_page"). For ACCOUNT_FIELD_VALUE: the account field. */
  field?: string;
  /** For ORGANIZATION: the organization's kind. */
  organizationKind?: string;
}

/** A longest match in a token list: the tokens `[from, to)` and every entry keyed by exactly those words. */
export interface LexiconMatch {
  from: number;
  to: number;
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** The phrase as written in the sentence. */
  text: string;
  entries: LexiconEntry[];
}

/** A concept with the mappings that measure it. */
export interface ConceptInfo {
  id: string;
  /**
   * The pack's concept, its `altLabel` extended by the plain-language phrases of `concept-phrases.ts`, so
   * that both grammars read a way of talking like a label.
   */
  spec: ConceptSpec;
  mappings: readonly MappingSpec[];
}

/** One concept ranked by how many of a phrase's words its labels and fields share. */
export interface ConceptSearchHit {
  concept: string;
  /** Shared words (labels count 1, source field words 0.5), plus how much of the best label they cover. */
  score: number;
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly concepts: ReadonlyMap<string, ConceptInfo>;
  /** The directory it was built from. */
  readonly directory: DraftDirectory;
  /** The longest match starting at token `index`, or null; only entries `accept` keeps when given. */
  matchAt(
    tokens: readonly Token[],
    index: number,
    original: string,
    accept?: (entry: LexiconEntry) => boolean,
  ): LexiconMatch | null;
  /** Longest matches from left to right, not overlapping. */
  findAll(text: string, accept?: (entry: LexiconEntry) => boolean): LexiconMatch[];
  /** Concepts ranked by the words (stems; CJK character pairs) they share with `phrase`, best first. */
  searchConcepts(phrase: string): ConceptSearchHit[];
  /** The concepts whose labels (either language) contain this word (by its search stem). */
  conceptsWithWord(word: string): string[];
  /** The event type words: record words and action words per language (for {@link eventTypeOf}). */
  readonly recordWords: typeof RECORD_WORDS;
  readonly eventActionWords: typeof EVENT_ACTION_WORDS;
}

/** Everything a lexicon is built from. */
export interface LexiconSource {
  directory: DraftDirectory;
  packs: readonly OntologyPack[];
}

/** Page paths' names in Chinese for the pages whose slug names no concept. */
const PAGE_NAMES_ZH: Readonly<Record<string, readonly string[]>> = {
  "/pricing": ["价格页", "定价页", "报价页", "价格页面", "定价页面"],
  "/contact-sales": ["联系销售页", "联系销售页面"],
  "/security": ["安全页", "安全页面"],
  "/blog": ["博客", "博客页"],
  "/docs/getting-started": ["入门文档", "快速入门页"],
};

const PAGE_SUFFIXES_EN = ["page", "web page", "webpage", "landing page", "solution page", "site page"];
const PAGE_SUFFIXES_ZH = ["页面", "页", "网页", "专题页", "解决方案页", "方案页"];

/** CJK runs count their character pairs as words; Latin words their stems. */
function searchFeatures(phrase: string): string[] {
  const tokens = tokenize(phrase);
  const features: string[] = [];
  tokens.forEach((token, i) => {
    if (!token.cjk) {
      if (!STOP.has(token.stem)) features.push(searchStem(token.text));
    } else {
      const next = tokens[i + 1];
      if (next?.cjk) features.push(token.stem + next.stem);
    }
  });
  return features;
}

const STOP = new Set([
  "a",
  "an",
  "the",
  "of",
  "to",
  "for",
  "in",
  "on",
  "at",
  "by",
  "per",
  "and",
  "or",
  "with",
  "its",
  "their",
  "it",
  "is",
  "are",
  "be",
  "rate",
  "score",
  "level",
  "count",
  "pct",
  "percent",
  "number",
  "value",
  "day",
]);

function add(
  entries: LexiconEntry[],
  phrase: string,
  entry: Omit<LexiconEntry, "phrase" | "lang"> & { lang?: LexiconLanguage },
): void {
  const text = phrase.trim();
  if (text === "") return;
  const lang = entry.lang ?? (/[\u3400-\u9fff]/u.test(text) ? "zh" : "en");
  entries.push({ ...entry, phrase: text, lang });
}

/**
 * The English adjective of a place name, so that a region called "Latin America" is also found in "a Latin
 * American customer" ("Asia" → "Asian", "Europe" → "European", "China" → "Chinese"). Regular forms only;
 * names the tenant gives in other scripts have none.
 */
export function placeAdjective(name: string): string[] {
  if (!/^[A-Za-z][A-Za-z -]*[a-z]$/.test(name)) return [];
  if (/china$/i.test(name)) return [name.replace(/china$/i, (m) => (m[0] === "C" ? "Chinese" : "chinese"))];
  if (/europe$/i.test(name)) return [`${name}an`];
  if (/a$/.test(name)) return [`${name}n`];
  return [];
}

function labelsOf(spec: ConceptSpec, lang: LexiconLanguage): { pref: string[]; alt: string[] } {
  const pref = spec.prefLabel[lang];
  return { pref: pref === undefined ? [] : [pref], alt: [...(spec.altLabel[lang] ?? [])] };
}

/**
 * British spellings and their American forms (and back), word by word: "licence utilisation" is also
 * "license utilization", "behaviour" "behavior", "fulfilment" "fulfillment", "cancelled" "canceled".
 */
const TO_AMERICAN: readonly (readonly [RegExp, string])[] = [
  [/^licence(s|d)?$/, "license$1"],
  [
    /^(util|organ|prior|real|optim|normal|custom|standard|author|recogn|digital|minim|maxim|final|categor|summar|stabil|monet|character)is(e|es|ed|ing|ation|ations)$/,
    "$1iz$2",
  ],
  [/^analys(e|es|ed|ing)$/, "analyz$1"],
  [/^(behavi|col|fav|lab|hon|neighb|harb|rum|endeav)our(s|ed|ing|al|able|ite)?$/, "$1or$2"],
  [/^fulfilment(s)?$/, "fulfillment$1"],
  [/^fulfil(s)?$/, "fulfill$1"],
  [/^enrolment(s)?$/, "enrollment$1"],
  [/^(cent|kilomet|met|lit|theat|fib)re(s)?$/, "$1er$2"],
  [/^(cancel|travel|label|model|signal|fuel|channel|level)l(ed|ing|er|ers)$/, "$1$2"],
  [/^programme(s)?$/, "program$1"],
  [/^catalogue(s|d)?$/, "catalog$1"],
  [/^defence$/, "defense"],
];
const TO_BRITISH: readonly (readonly [RegExp, string])[] = [
  [/^license(s|d)?$/, "licence$1"],
  [
    /^(util|organ|prior|real|optim|normal|custom|standard|author|recogn|digital|minim|maxim|final|categor|summar|stabil|monet|character)iz(e|es|ed|ing|ation|ations)$/,
    "$1is$2",
  ],
  [/^analyz(e|es|ed|ing)$/, "analys$1"],
  [/^(behavi|col|fav|lab|hon|neighb|harb|rum|endeav)or(s|ed|ing|al|able|ite)?$/, "$1our$2"],
  [/^fulfillment(s)?$/, "fulfilment$1"],
  [/^enrollment(s)?$/, "enrolment$1"],
  [/^(cent|kilomet|lit|theat|fib)er(s)?$/, "$1re$2"],
  [/^(cancel|travel|label|model|signal|fuel|channel)(ed|ing)$/, "$1l$2"],
  [/^catalog(s)?$/, "catalogue$1"],
  [/^defense$/, "defence"],
];

function respell(phrase: string, rules: readonly (readonly [RegExp, string])[]): string {
  return phrase.replace(/[A-Za-z]+/g, (word) => {
    const lower = word.toLowerCase();
    for (const [pattern, replacement] of rules) {
      if (pattern.test(lower)) {
        const out = lower.replace(pattern, replacement);
        return word[0] === word[0]!.toUpperCase() ? out[0]!.toUpperCase() + out.slice(1) : out;
      }
    }
    return word;
  });
}

/**
 * The other ways an English label is written: its American or British spelling, and hyphenated words
 * written as one ("follow-up" → "followup", "on-site" → "onsite"). Not the label itself.
 */
export function spellingVariants(label: string): string[] {
  const variants = new Set<string>([respell(label, TO_AMERICAN), respell(label, TO_BRITISH)]);
  for (const variant of [...variants, label]) {
    if (/[A-Za-z]-[A-Za-z]/.test(variant)) variants.add(variant.replace(/([A-Za-z])-([A-Za-z])/g, "$1$2"));
  }
  variants.delete(label);
  return [...variants];
}

/**
 * The concept as the parsers read it: the pack's labels, the plain-language phrases of
 * `concept-phrases.ts` and the other spellings of its English names, as alternative labels. A spelling
 * that is another concept's own name is left out (`takenByOther`): "seat utilization" stays the SaaS
 * pack's, not also the core concept's whose label is "seat utilisation".
 */
function readableSpec(spec: ConceptSpec, takenByOther: (label: string, concept: string) => boolean): ConceptSpec {
  const phrases = CONCEPT_PHRASES[spec.id];
  const altLabel: Record<string, string[]> = {};
  for (const [lang, labels] of Object.entries(spec.altLabel)) altLabel[lang] = [...labels];
  for (const lang of ["en", "zh"] as const) {
    const own = [...(spec.altLabel[lang] ?? []), ...(phrases?.[lang] ?? [])];
    const names = [...(spec.prefLabel[lang] === undefined ? [] : [spec.prefLabel[lang] as string]), ...own];
    const variants =
      lang === "en" ? names.flatMap(spellingVariants).filter((label) => !takenByOther(label, spec.id)) : [];
    const fold = (label: string) => label.toLowerCase().replace(/\s+/g, " ");
    const seen = new Set(spec.prefLabel[lang] === undefined ? [] : [fold(spec.prefLabel[lang] as string)]);
    const all: string[] = [];
    for (const label of [...own, ...variants]) {
      if (seen.has(fold(label))) continue;
      seen.add(fold(label));
      all.push(label);
    }
    if (all.length > 0) altLabel[lang] = all;
  }
  return { ...spec, altLabel };
}

/** How a concept's alternative label came about (for {@link LexiconEntry.source}). */
function altSource(original: ConceptSpec, lang: LexiconLanguage, label: string): LexiconEntry["source"] {
  if ((original.altLabel[lang] ?? []).includes(label)) return "altLabel";
  if ((CONCEPT_PHRASES[original.id]?.[lang] ?? []).includes(label)) return "phrase";
  return "derived";
}

/** The categorical values of a mapping (a lookup table or category levels), or null. */
function tableOf(mapping: MappingSpec): Readonly<Record<string, number>> | null {
  if (mapping.transform.kind === "lookup") return mapping.transform.table;
  if (mapping.transform.kind === "category") return mapping.transform.levels;
  return null;
}

/** A page path's words: "/solutions/remote-quality-control" → "remote quality control". */
function pageWords(path: string): { last: string; first: string } {
  const parts = path.split("/").filter((p) => p !== "");
  const words = (part: string | undefined) => (part ?? "").replace(/[-_]+/g, " ").trim();
  return { last: words(parts[parts.length - 1]), first: words(parts[0]) };
}

function buildEntries(
  source: LexiconSource,
  concepts: Map<string, ConceptInfo>,
  originals: ReadonlyMap<string, ConceptSpec>,
): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const { directory } = source;
  for (const info of concepts.values()) {
    const original = originals.get(info.id) ?? info.spec;
    for (const lang of ["en", "zh"] as const) {
      const { pref, alt } = labelsOf(info.spec, lang);
      pref.forEach((label) => add(entries, label, { kind: "CONCEPT", id: info.id, source: "prefLabel", lang }));
      alt.forEach((label) => {
        const how = altSource(original, lang, label);
        // "SDD/CDD/EDD" and "简化/标准/强化尽调" are lists, not phrases.
        if (label.includes("/") && !/\s/.test(label.replace(/\//g, ""))) {
          label.split("/").forEach((part) => add(entries, part, { kind: "CONCEPT", id: info.id, source: how, lang }));
        }
        add(entries, label, { kind: "CONCEPT", id: info.id, source: how, lang });
      });
    }
    for (const mapping of info.mappings) {
      const words = mapping.field
        .split(".")
        .pop()!
        .replace(/_(pct|usd|km|hours|minutes|days|c|s)$/u, "");
      add(entries, words.replace(/[_.]+/g, " "), {
        kind: "FIELD",
        id: mapping.field,
        concept: info.id,
        source: "derived",
        lang: "en",
      });
      const table = tableOf(mapping);
      if (table === null) continue;
      for (const value of Object.keys(table)) {
        if (value.startsWith("/")) {
          const { last, first } = pageWords(value);
          const names = [last, ...(first !== last && first !== "solutions" ? [`${last} ${first}`] : [])];
          if (value === "/contact-sales") names.push("contact sales");
          const zh = [...(PAGE_NAMES_ZH[value] ?? [])];
          // A page whose slug is a concept's label takes that concept's Chinese labels as its names.
          const slug = stemsOf(last).join(" ");
          for (const other of concepts.values()) {
            const en = [...labelsOf(other.spec, "en").pref, ...labelsOf(other.spec, "en").alt];
            if (en.some((label) => stemsOf(label).join(" ") === slug)) {
              const zhLabels = [...labelsOf(other.spec, "zh").pref, ...labelsOf(other.spec, "zh").alt];
              zhLabels.forEach((label) => PAGE_SUFFIXES_ZH.forEach((suffix) => zh.push(`${label}${suffix}`)));
            }
          }
          const base = {
            kind: "PAGE" as const,
            id: value,
            concept: info.id,
            field: mapping.field,
            source: "derived" as const,
          };
          for (const name of names) {
            add(entries, name, { ...base, lang: "en" });
            PAGE_SUFFIXES_EN.forEach((suffix) => add(entries, `${name} ${suffix}`, { ...base, lang: "en" }));
          }
          zh.forEach((name) => add(entries, name, { ...base, lang: "zh" }));
        } else {
          add(entries, value, {
            kind: "CONCEPT_VALUE",
            id: value,
            concept: info.id,
            field: mapping.field,
            source: "derived",
          });
          const spaced = value.replace(/_/g, " ");
          if (spaced !== value)
            add(entries, spaced, {
              kind: "CONCEPT_VALUE",
              id: value,
              concept: info.id,
              field: mapping.field,
              source: "derived",
            });
        }
      }
    }
  }
  // Words for categorical values beyond the table's own spelling ("delayed" for LATE), for the mapping
  // whose table has the value.
  for (const phrases of VALUE_PHRASES) {
    const info = concepts.get(phrases.concept);
    const mapping = info?.mappings.find((m) => tableOf(m)?.[phrases.value] !== undefined);
    if (info === undefined || mapping === undefined) continue;
    for (const lang of ["en", "zh"] as const) {
      (phrases[lang] ?? []).forEach((word) =>
        add(entries, word, {
          kind: "CONCEPT_VALUE",
          id: phrases.value,
          concept: info.id,
          field: mapping.field,
          source: "phrase",
          lang,
        }),
      );
    }
  }
  const named = (kind: LexiconKind, list: readonly { id: string; names: readonly string[] }[]) =>
    list.forEach((item) => item.names.forEach((name) => add(entries, name, { kind, id: item.id, source: "name" })));
  named("USER", directory.users);
  named("TEAM", directory.teams);
  named("ROLE", directory.roles);
  named("WEBHOOK_ENDPOINT", directory.webhookEndpoints);
  directory.organizations.forEach((org) =>
    org.names.forEach((name) =>
      add(entries, name, { kind: "ORGANIZATION", id: org.id, organizationKind: org.kind, source: "name" }),
    ),
  );
  Object.entries(directory.organizationKinds).forEach(([kind, names]) =>
    names.forEach((name) => add(entries, name, { kind: "ORGANIZATION_KIND", id: kind, source: "name" })),
  );
  directory.accountOwner.names.forEach((name) =>
    add(entries, name, { kind: "ACCOUNT_OWNER", id: "ACCOUNT_OWNER", source: "name" }),
  );
  Object.entries(directory.accountFields).forEach(([field, values]) =>
    Object.entries(values).forEach(([value, names]) => {
      // The value itself is a name too ("EDUCATION", "MID_MARKET", "APAC-CN").
      const own = [value, value.replace(/[_-]+/g, " ")];
      const adjectives = field === "region" ? names.flatMap(placeAdjective) : [];
      [...new Set([...names, ...own, ...adjectives])].forEach((name) =>
        add(entries, name, { kind: "ACCOUNT_FIELD_VALUE", id: value, field, source: "name" }),
      );
    }),
  );
  Object.entries(directory.healthGrades).forEach(([grade, names]) =>
    [grade.toLowerCase(), ...names].forEach((name) =>
      add(entries, name, { kind: "HEALTH_GRADE", id: grade, source: "name" }),
    ),
  );
  for (const lang of ["en", "zh"] as const) {
    Object.entries(RECORD_WORDS[lang]).forEach(([record, words]) =>
      (words ?? []).forEach((word) =>
        add(entries, word, { kind: "RECORD_TYPE", id: record as ChangeRecordType, source: "derived", lang }),
      ),
    );
    Object.entries(EVENT_ACTION_WORDS[lang]).forEach(([action, words]) =>
      words.forEach((word) =>
        add(entries, word, { kind: "EVENT_ACTION", id: action as EventAction, source: "derived", lang }),
      ),
    );
  }
  return entries;
}

/** Builds the lexicon of a tenant's directory and the ontology packs. */
export function buildLexicon(source: LexiconSource): Lexicon {
  const concepts = new Map<string, ConceptInfo>();
  const originals = new Map<string, ConceptSpec>();
  // Which concepts have each name as their own (a label or a phrase), by stems.
  const owners = new Map<string, Set<string>>();
  const keyOf = (label: string) => stemsOf(label).join(" ");
  for (const pack of source.packs) {
    for (const spec of pack.concepts) {
      originals.set(spec.id, spec);
      for (const lang of ["en", "zh"] as const) {
        const { pref, alt } = labelsOf(spec, lang);
        for (const label of [...pref, ...alt, ...(CONCEPT_PHRASES[spec.id]?.[lang] ?? [])]) {
          const set = owners.get(keyOf(label)) ?? new Set<string>();
          set.add(spec.id);
          owners.set(keyOf(label), set);
        }
      }
    }
  }
  const takenByOther = (label: string, concept: string) =>
    [...(owners.get(keyOf(label)) ?? [])].some((owner) => owner !== concept);
  for (const spec of originals.values()) {
    concepts.set(spec.id, { id: spec.id, spec: readableSpec(spec, takenByOther), mappings: [] });
  }
  for (const pack of source.packs) {
    for (const mapping of pack.mappings) {
      const info = concepts.get(mapping.concept);
      if (info !== undefined) (info.mappings as MappingSpec[]).push(mapping);
    }
  }
  const entries = buildEntries(source, concepts, originals);

  // Index: first stem → keys (stems) with their entries, longest first.
  const keyed = new Map<string, { stems: string[]; entries: LexiconEntry[] }>();
  for (const entry of entries) {
    const stems = stemsOf(entry.phrase);
    if (stems.length === 0) continue;
    const key = stems.join("\u0000");
    const slot = keyed.get(key);
    if (slot === undefined) keyed.set(key, { stems, entries: [entry] });
    else if (!slot.entries.some((e) => e.kind === entry.kind && e.id === entry.id && e.field === entry.field)) {
      slot.entries.push(entry);
    }
  }
  const byFirst = new Map<string, { stems: string[]; entries: LexiconEntry[] }[]>();
  for (const slot of keyed.values()) {
    const first = slot.stems[0] as string;
    const list = byFirst.get(first) ?? [];
    list.push(slot);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  // Concept search: each concept's features from its labels (weight 1) and field names (0.5).
  const features = new Map<string, { labels: string[][]; fieldWords: Set<string> }>();
  for (const info of concepts.values()) {
    const labels: string[][] = [];
    for (const lang of ["en", "zh"] as const) {
      const { pref, alt } = labelsOf(info.spec, lang);
      [...pref, ...alt].forEach((label) => labels.push(searchFeatures(label)));
    }
    const fieldWords = new Set<string>();
    info.mappings.forEach((m) => searchFeatures(m.field.replace(/[_.]+/g, " ")).forEach((f) => fieldWords.add(f)));
    features.set(info.id, { labels: labels.filter((l) => l.length > 0), fieldWords });
  }

  const matchAt: Lexicon["matchAt"] = (tokens, index, original, accept) => {
    const token = tokens[index];
    if (token === undefined) return null;
    for (const slot of byFirst.get(token.stem) ?? []) {
      const n = slot.stems.length;
      if (index + n > tokens.length) continue;
      let same = true;
      for (let k = 1; k < n && same; k += 1) same = tokens[index + k]!.stem === slot.stems[k];
      if (!same) continue;
      const kept = accept === undefined ? slot.entries : slot.entries.filter(accept);
      if (kept.length === 0) continue;
      const start = token.start;
      const end = tokens[index + n - 1]!.end;
      return { from: index, to: index + n, start, end, text: original.slice(start, end), entries: kept };
    }
    return null;
  };

  const byWord = new Map<string, Set<string>>();
  for (const [concept, f] of features) {
    for (const label of f.labels) {
      for (const w of label) {
        const set = byWord.get(w) ?? new Set<string>();
        set.add(concept);
        byWord.set(w, set);
      }
    }
  }

  return {
    entries,
    concepts,
    conceptsWithWord: (word) => [...(byWord.get(searchStem(word.toLowerCase())) ?? [])],
    directory: source.directory,
    recordWords: RECORD_WORDS,
    eventActionWords: EVENT_ACTION_WORDS,
    matchAt,
    findAll(text, accept) {
      const tokens = tokenize(text);
      const found: LexiconMatch[] = [];
      for (let i = 0; i < tokens.length;) {
        const match = matchAt(tokens, i, text, accept);
        if (match === null) i += 1;
        else {
          found.push(match);
          i = match.to;
        }
      }
      return found;
    },
    searchConcepts(phrase) {
      const query = new Set(searchFeatures(phrase));
      if (query.size === 0) return [];
      const hits: ConceptSearchHit[] = [];
      for (const [concept, f] of features) {
        let best = 0;
        let bestCover = 0;
        for (const label of f.labels) {
          const shared = label.filter((w) => query.has(w)).length;
          const cover = shared / label.length;
          if (shared > best || (shared === best && cover > bestCover)) {
            best = shared;
            bestCover = cover;
          }
        }
        const bestLabel = new Set(f.labels.find((l) => l.filter((w) => query.has(w)).length === best) ?? []);
        const fieldShared = [...query].filter((w) => f.fieldWords.has(w)).length;
        const fieldExtra = [...query].filter((w) => f.fieldWords.has(w) && !bestLabel.has(w)).length;
        const score = best > 0 ? best + bestCover * 0.5 + fieldExtra * 0.5 : fieldShared * 0.5;
        if (score > 0) hits.push({ concept, score });
      }
      return hits.sort((a, b) => b.score - a.score || (a.concept < b.concept ? -1 : 1));
    },
  };
}

/** The lexicon of a context, built once per context object. */
const cache = new WeakMap<object, Lexicon>();
export function lexiconOf(source: LexiconSource): Lexicon {
  let lexicon = cache.get(source);
  if (lexicon === undefined) {
    lexicon = buildLexicon(source);
    cache.set(source, lexicon);
  }
  return lexicon;
}
