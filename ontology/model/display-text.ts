import { LangText } from "./ontology.model";

/** The primary language subtag, lower-cased: "en" of "en-GB", "zh" of "zh-Hant". */
function primary(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/**
 * The text to show in language `lang` from texts in several languages (labels, titles, definitions), by one
 * documented rule (docs/ontologies.md): the language asked for; else the same language with another region
 * or script ("en-GB" for "en", "zh" for "zh-Hant"), the shortest tag first; else English ("en", then "en-*");
 * else the language whose tag sorts first. Undefined only when there is no text at all.
 */
export function displayText(texts: LangText, lang: string): string | undefined {
  const wanted = lang.toLowerCase();
  // Shortest tag first, so "en" wins over "en-GB" when English stands in for another language.
  const tags = Object.keys(texts).sort((a, b) => a.length - b.length || a.localeCompare(b));
  const pick =
    tags.find((tag) => tag.toLowerCase() === wanted) ??
    tags.find((tag) => primary(tag) === primary(wanted)) ??
    tags.find((tag) => primary(tag) === "en") ??
    [...tags].sort()[0];
  return pick === undefined ? undefined : texts[pick];
}
