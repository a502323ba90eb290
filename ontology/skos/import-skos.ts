import { Parser, Quad } from "n3";
import { LOCAL_ID, PackProblem, PackResult } from "../model/ontology.model";
import { KnownConcepts, NO_KNOWN_CONCEPTS, validatePack } from "../pack/validate-pack";
import { TERMS } from "./skos-vocabulary";

/** Finds the pack whose namespace an IRI lies in, for links to concepts of other packs. */
export type PackOfIri = (iri: string) => { pack: string; namespace: string } | undefined;

function localIdOf(text: string): string {
  const slug = text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug;
}

/**
 * Reads SKOS in Turtle (one skos:ConceptScheme with its skos:Concepts, labels with language tags,
 * broader, definition, exactMatch and closeMatch, plus Relata's parts and mappings) into a pack and
 * validates it like a YAML pack. Concept ids are `<pack>:<local name>`; the pack id comes from the
 * scheme's dcterms:identifier, its version from owl:versionInfo.
 */
export function importSkosTurtle(
  text: string,
  known: KnownConcepts = NO_KNOWN_CONCEPTS,
  packOfIri: PackOfIri = () => undefined,
): PackResult {
  let quads: Quad[];
  try {
    quads = new Parser().parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    return {
      ok: false,
      problems: [{ where: line ? `line ${line}` : "content", message: `Turtle syntax: ${message}` }],
    };
  }
  const problems: PackProblem[] = [];
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) bySubject.set(q.subject.value, [...(bySubject.get(q.subject.value) ?? []), q]);
  const objects = (subject: string, predicate: string) =>
    (bySubject.get(subject) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  const typed = (type: string) =>
    [...bySubject.keys()].filter((s) => objects(s, TERMS.type).some((o) => o.value === type));

  const schemes = typed(TERMS.ConceptScheme);
  if (schemes.length !== 1) {
    return {
      ok: false,
      problems: [
        { where: "skos:ConceptScheme", message: `expected exactly one skos:ConceptScheme; found ${schemes.length}` },
      ],
    };
  }
  const scheme = schemes[0]!;
  const namespace = /[/#]$/.test(scheme) ? scheme : `${scheme}/`;
  const pack =
    objects(scheme, TERMS.identifier)[0]?.value ?? localIdOf(scheme.replace(/[/#]$/, "").split(/[/#]/).pop() ?? "");
  const version = objects(scheme, TERMS.versionInfo)[0]?.value;
  if (version === undefined) {
    problems.push({ where: `<${scheme}>`, message: 'has no owl:versionInfo; add one such as "1.0.0"' });
  }
  const langMap = (subject: string, predicate: string) =>
    Object.fromEntries(objects(subject, predicate).map((o) => [("language" in o && o.language) || "en", o.value]));
  const langLists = (subject: string, predicate: string) => {
    const out: Record<string, string[]> = {};
    for (const o of objects(subject, predicate)) {
      const lang = ("language" in o && o.language) || "en";
      out[lang] = [...(out[lang] ?? []), o.value];
    }
    return out;
  };
  const idOf = (iri: string, where: string): string => {
    if (iri.startsWith(namespace)) {
      const local = iri.slice(namespace.length);
      return `${pack}:${LOCAL_ID.test(local) ? local : localIdOf(local)}`;
    }
    const other = packOfIri(iri);
    if (other) return `${other.pack}:${iri.slice(other.namespace.length)}`;
    problems.push({
      where,
      message: `<${iri}> is neither in this scheme's namespace <${namespace}> nor in a known pack`,
    });
    return iri;
  };

  const conceptIris = typed(TERMS.Concept).sort();
  const concepts = conceptIris.map((iri) => {
    const where = `<${iri}>`;
    const links = (predicate: string) => objects(iri, predicate).map((o) => idOf(o.value, where));
    return {
      id: idOf(iri, where),
      prefLabel: langMap(iri, TERMS.prefLabel),
      altLabel: langLists(iri, TERMS.altLabel),
      definition: langMap(iri, TERMS.definition),
      broader: links(TERMS.broader),
      exactMatch: links(TERMS.exactMatch),
      closeMatch: links(TERMS.closeMatch),
      parts: objects(iri, TERMS.hasPart).map((node) => ({
        concept: idOf(objects(node.value, TERMS.partConcept)[0]?.value ?? "", where),
        weight: Number(objects(node.value, TERMS.weight)[0]?.value),
      })),
    };
  });
  const mappings = objects(scheme, TERMS.mapping).map((node, i) => {
    const spec = objects(node.value, TERMS.spec)[0]?.value ?? "";
    try {
      return JSON.parse(spec) as unknown;
    } catch {
      problems.push({ where: `rlt:mapping[${i}]`, message: "rlt:spec is not valid JSON" });
      return null;
    }
  });
  const result = validatePack(
    {
      pack,
      version,
      title: langMap(scheme, TERMS.title),
      description: langMap(scheme, TERMS.description),
      namespace,
      concepts,
      mappings: mappings.filter((m) => m !== null),
    },
    known,
  );
  if (problems.length === 0) return result;
  return { ok: false, problems: [...problems, ...(result.ok ? [] : result.problems)] };
}
