import { displayText } from "../model/display-text";
import { LangText, PACK_ID, PackProblem, SEMVER } from "../model/ontology.model";
import { ImportNotes } from "./import-notes";
import { RdfGraph } from "./rdf-graph";
import { joinedPerLanguage, oneTextPerLanguage } from "./skos-texts";
import { slugOf } from "./slug";
import { TERMS } from "./skos-vocabulary";

/** What a pack needs from its scheme: id, version, title and description. */
export interface SchemeMetadata {
  pack: string;
  version: string;
  title: LangText;
  description: LangText;
}

/** The version assumed for a scheme that states none. */
export const DEFAULT_VERSION = "1.0.0";

/** Last segments of scheme IRIs that name no vocabulary in particular. */
const GENERIC_SEGMENTS = new Set(["scheme", "conceptscheme", "concept-scheme", "vocab", "vocabulary", "skos", "root"]);

/** A pack id made of a name: kebab-case, starting with a letter, at most 40 characters; null if none remains. */
function asPackId(text: string): string | null {
  const slug = slugOf(text)
    .replace(/^[^a-z]+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return PACK_ID.test(slug) ? slug : null;
}

/** The first of several predicates that gives any text, as one text per language. */
function firstTexts(graph: RdfGraph, subject: string, predicates: readonly string[]): Record<string, string> {
  for (const predicate of predicates) {
    const { byLang } = oneTextPerLanguage(graph.texts(subject, predicate));
    if (Object.keys(byLang).length > 0) return byLang;
  }
  return {};
}

/**
 * A version number read from a free-form one: the first one to three numbers ("4.20" → 4.20.0, "v2" → 2.0.0,
 * "2024-03-15" → 2024.3.15); null when there are no digits.
 */
export function semverOf(text: string): string | null {
  const match = /(\d+)(?:[.\-_](\d+))?(?:[.\-_](\d+))?/.exec(text);
  if (!match) return null;
  return [match[1], match[2], match[3]].map((part) => String(Number(part ?? 0))).join(".");
}

function packIdOf(graph: RdfGraph, scheme: string, title: LangText, notes: ImportNotes): string | null {
  const where = `<${scheme}>`;
  for (const { text } of [...graph.texts(scheme, TERMS.identifier), ...graph.texts(scheme, TERMS.dcIdentifier)]) {
    const id = asPackId(text);
    if (id === text) return id;
    if (id !== null) {
      notes.add("pack-id", { where, message: `pack id "${id}" made of dcterms:identifier "${text}"` });
      return id;
    }
  }
  const segments = scheme
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "")
    .split(/[/#]/)
    .filter((segment) => segment !== "" && !GENERIC_SEGMENTS.has(segment.toLowerCase()))
    .reverse();
  const fromIri = segments.map(asPackId).find((id) => id !== null);
  const englishTitle = displayText(title, "en");
  const id = fromIri ?? (englishTitle === undefined ? null : asPackId(englishTitle));
  if (id !== null) {
    notes.add("pack-id", {
      where,
      message:
        `pack id "${id}" derived from the scheme's ${fromIri ? "IRI" : "title"}; give the scheme a ` +
        `dcterms:identifier to choose another (keep it for later versions)`,
    });
  }
  return id;
}

function versionOf(graph: RdfGraph, scheme: string, notes: ImportNotes): string {
  const where = `<${scheme}>`;
  const stated = [TERMS.versionInfo, TERMS.schemaVersion, TERMS.schemaVersionHttps]
    .flatMap((p) => graph.texts(scheme, p))
    .map((t) => t.text)[0];
  if (stated !== undefined && SEMVER.test(stated)) return stated;
  const read = stated === undefined ? null : semverOf(stated);
  if (read !== null) {
    notes.add("version", { where, message: `version "${stated}" read as ${read}` });
    return read;
  }
  const date = [TERMS.modified, TERMS.issued].flatMap((p) => graph.texts(scheme, p)).map((t) => t.text)[0];
  const fromDate = date === undefined ? null : semverOf(date);
  if (fromDate !== null) {
    notes.add("version", {
      where,
      message: `no owl:versionInfo; version ${fromDate} taken from the scheme's date "${date}"`,
    });
    return fromDate;
  }
  notes.add("version", {
    where,
    message:
      `${stated === undefined ? "no owl:versionInfo" : `version "${stated}" has no number`}; version ` +
      `${DEFAULT_VERSION} assumed. Add owl:versionInfo so that a later edition is stored as a new version`,
  });
  return DEFAULT_VERSION;
}

/**
 * Reads a scheme's pack id (dcterms:identifier, else derived from the scheme IRI, else from the title),
 * version (owl:versionInfo or schema:version, made semantic if need be; else the scheme's dcterms:modified
 * date; else 1.0.0), title (dcterms:title, dc:title, skos:prefLabel or rdfs:label) and description
 * (dcterms:description, dc:description, skos:definition, skos:scopeNote or rdfs:comment). What was assumed
 * is noted; a pack id that cannot be made at all is a problem.
 */
export function readSchemeMetadata(
  graph: RdfGraph,
  scheme: string,
  notes: ImportNotes,
  problems: PackProblem[],
): SchemeMetadata {
  let title: LangText = firstTexts(graph, scheme, [TERMS.title, TERMS.dcTitle, TERMS.prefLabel, TERMS.label]);
  const pack = packIdOf(graph, scheme, title, notes);
  if (pack === null) {
    problems.push({
      where: `<${scheme}>`,
      message: 'no pack id can be made of the scheme; add one with dcterms:identifier "my-vocabulary"',
    });
  }
  if (Object.keys(title).length === 0) {
    title = { und: pack ?? scheme };
    notes.add("title", { where: `<${scheme}>`, message: "the scheme has no title; its pack id stands in" });
  }
  const descriptions = [TERMS.description, TERMS.dcDescription, TERMS.definition, TERMS.scopeNote, TERMS.comment];
  const description =
    descriptions.map((p) => joinedPerLanguage(graph.texts(scheme, p))).find((d) => Object.keys(d).length > 0) ?? {};
  return { pack: pack ?? "", version: versionOf(graph, scheme, notes), title, description };
}
