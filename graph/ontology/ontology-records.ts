import { displayText } from "../../ontology/model/display-text";
import type { MappingSpec } from "../../ontology/model/mapping.model";
import { LangText, LangTexts, OntologyPack } from "../../ontology/model/ontology.model";

/** A concept as stored: labels and definition kept as JSON maps of language to text. */
export interface ConceptRecord {
  id: string;
  pack: string;
  scope: string;
  prefLabel: LangText;
  altLabel: LangTexts;
  definition: LangText;
}

export interface RelatedConcept {
  concept: ConceptRecord;
  /** The part's weight for parts and wholes; the distance for ancestors; null otherwise. */
  weight: number | null;
  kind: string;
}

export type ConceptRelation = "broader" | "narrower" | "parts" | "partOf" | "matches" | "ancestors";

/** A mapping as a tenant sees it: where it comes from (a pack, or the tenant's own edits). */
export interface MappingRecord extends MappingSpec {
  scope: string;
  pack: string | null;
}

export interface OntologyRecord {
  pack: string;
  scope: string;
  version: string;
  title: Record<string, string>;
  namespace: string;
  builtIn: boolean;
  conceptCount: number;
  mappingCount: number;
  versions: string[];
}

export interface PackWrite {
  pack: OntologyPack;
  /** Canonical JSON of the pack, kept per version for export and diff. */
  content: string;
  hash: string;
  /** Whether this version becomes the live graph of the pack. */
  activate: boolean;
  concepts: Array<Record<string, unknown>>;
  links: Array<{ from: string; to: string; type: string; weight: number | null }>;
}

/** The rows that store a pack's concepts and links. */
export function packRows(pack: OntologyPack): Pick<PackWrite, "concepts" | "links"> {
  const concepts = pack.concepts.map((c) => ({
    id: c.id,
    // The label shown where one language is needed (health explanations): English, else by displayText's rule.
    prefLabelEn: displayText(c.prefLabel, "en") ?? c.id,
    labels: JSON.stringify({ pref: c.prefLabel, alt: c.altLabel }),
    definition: JSON.stringify(c.definition),
    searchText: [...Object.values(c.prefLabel), ...Object.values(c.altLabel).flat(), c.id.split(":")[1] ?? ""].join(
      " | ",
    ),
  }));
  const links = pack.concepts.flatMap((c) => [
    ...c.broader.map((to) => ({ from: c.id, to, type: "BROADER", weight: null })),
    ...c.exactMatch.map((to) => ({ from: c.id, to, type: "EXACT_MATCH", weight: null })),
    ...c.closeMatch.map((to) => ({ from: c.id, to, type: "CLOSE_MATCH", weight: null })),
    // A part contributes to its whole: the edge points from the part to the composite.
    ...c.parts.map((p) => ({ from: p.concept, to: c.id, type: "CONTRIBUTES_TO", weight: p.weight })),
  ]);
  return { concepts, links };
}

export function toConceptRecord(row: Record<string, unknown>): ConceptRecord {
  const labels = JSON.parse(String(row.labels ?? "{}")) as { pref?: LangText; alt?: LangTexts };
  return {
    id: String(row.id),
    pack: String(row.pack),
    scope: String(row.scope),
    prefLabel: labels.pref ?? {},
    altLabel: labels.alt ?? {},
    definition: JSON.parse(String(row.definition ?? "{}")) as LangText,
  };
}

const JSON_PROPS = ["transform", "normalization", "aggregation"] as const;

/** Relationship properties of a mapping: nested specs as JSON text (Neo4j properties cannot be maps). */
export function toMappingProps(mapping: MappingSpec): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mapping)) {
    if (key === "system" || key === "field" || key === "concept") continue;
    props[key] = (JSON_PROPS as readonly string[]).includes(key) ? JSON.stringify(value) : (value ?? null);
  }
  return props;
}

export function toMappingRecord(row: Record<string, unknown>): MappingRecord {
  const parsed: Record<string, unknown> = { ...row };
  for (const key of JSON_PROPS) parsed[key] = JSON.parse(String(row[key] ?? "null"));
  delete parsed.updatedAt;
  return {
    ...(parsed as unknown as MappingSpec),
    scope: String(row.scope),
    pack: typeof row.pack === "string" ? row.pack : null,
  };
}
