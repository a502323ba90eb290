import { createHash } from "node:crypto";
import { LOCAL_ID } from "../model/ontology.model";
import { ImportNotes } from "./import-notes";
import { slugOf } from "./slug";

/** Finds the pack whose namespace an IRI lies in, for links to concepts of other packs. */
export type PackOfIri = (iri: string) => { pack: string; namespace: string } | undefined;

/**
 * The namespace of a vocabulary's concepts: the scheme IRI when it ends in "/" or "#" and every concept lies
 * under it (Relata's own exports); otherwise the longest common beginning of the concepts' IRIs, cut back to
 * its last "/" or "#". So concepts in a "#" namespace beside a scheme `…#scheme`, or directly under a host
 * beside a scheme `…/100141`, are the vocabulary's own.
 */
export function conceptNamespace(scheme: string, conceptIris: readonly string[]): string {
  if (/[/#]$/.test(scheme) && conceptIris.every((iri) => iri.startsWith(scheme))) return scheme;
  if (conceptIris.length === 0) return /[/#]$/.test(scheme) ? scheme : `${scheme}/`;
  let prefix = conceptIris[0]!;
  for (const iri of conceptIris) {
    let i = 0;
    while (i < prefix.length && i < iri.length && prefix[i] === iri[i]) i += 1;
    prefix = prefix.slice(0, i);
  }
  // With one concept the common beginning is its whole IRI; the cut leaves its namespace either way.
  const cut = Math.max(prefix.lastIndexOf("/"), prefix.lastIndexOf("#"));
  return cut < 0 ? prefix : prefix.slice(0, cut + 1);
}

/** A local id for what follows the namespace: kept when already kebab-case, else made so. */
function localIdOf(local: string): string {
  if (LOCAL_ID.test(local)) return local;
  const slug = slugOf(local);
  // Names in other scripts ("教育") have no kebab-case form; a short hash keeps them apart and stable.
  return slug !== "" ? slug : `c-${createHash("sha256").update(local).digest("hex").slice(0, 10)}`;
}

/**
 * Concept ids for a vocabulary's concept IRIs (`<pack>:<local id>`), unique within the pack: when two IRIs
 * make the same id ("CustomerHealth" and "customer_health"), the later one in IRI order gets "-2", noted.
 */
export function conceptIdsOf(
  pack: string,
  namespace: string,
  iris: readonly string[],
  notes: ImportNotes,
): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const iri of [...iris].sort()) {
    const base = localIdOf(iri.slice(namespace.length));
    let local = base;
    for (let n = 2; taken.has(local); n += 1) local = `${base}-${n}`;
    if (local !== base) {
      notes.add("id-clash", {
        where: `<${iri}>`,
        message: `another concept already has the id "${pack}:${base}"; this one is "${pack}:${local}"`,
      });
    }
    taken.add(local);
    ids.set(iri, `${pack}:${local}`);
  }
  return ids;
}

/** The local id an IRI of the namespace that is no concept of the file would have (for links to it). */
export function localIdInNamespace(namespace: string, iri: string): string {
  return localIdOf(iri.slice(namespace.length));
}
