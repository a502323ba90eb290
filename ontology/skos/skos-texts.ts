import { TaggedText } from "./rdf-graph";

/**
 * A literal without a language tag is read as English, as Relata always has; a tagged English text wins over
 * it. Relata's own exports tag every text.
 */
const UNTAGGED = "en";

/**
 * One text per language, the first one read winning (SKOS allows one preferred label per language); the
 * texts that lost are returned too, so that extra preferred labels can become alternative ones.
 */
export function oneTextPerLanguage(texts: readonly TaggedText[]): {
  byLang: Record<string, string>;
  extra: TaggedText[];
} {
  const byLang: Record<string, string> = {};
  const extra: TaggedText[] = [];
  const ordered = [...texts.filter((t) => t.lang !== ""), ...texts.filter((t) => t.lang === "")];
  for (const { text, lang } of ordered) {
    const key = lang || UNTAGGED;
    if (byLang[key] === undefined) byLang[key] = text;
    else if (byLang[key] !== text) extra.push({ text, lang: key });
  }
  return { byLang, extra };
}

/** Every text per language, in the order read (a repeated text stays repeated, as the file has it). */
export function textsPerLanguage(texts: readonly TaggedText[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { text, lang } of texts) (out[lang || UNTAGGED] ??= []).push(text);
  return out;
}

/** Several texts in one language joined into one (several definitions or scope notes of a concept). */
export function joinedPerLanguage(texts: readonly TaggedText[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(textsPerLanguage(texts)).map(([lang, list]) => [lang, [...new Set(list)].join("\n")]),
  );
}
