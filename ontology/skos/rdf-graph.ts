/** The parts of an RDF/JS term the SKOS reader looks at (n3 and the RDF/XML parser both produce them). */
export interface RdfTerm {
  termType: string;
  value: string;
  language?: string;
}

export interface RdfTriple {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
}

/** A literal's text with its language tag ("" when untagged). */
export interface TaggedText {
  text: string;
  lang: string;
}

/** Triples indexed by subject and by predicate and object, to read a vocabulary in any order. */
export class RdfGraph {
  private readonly bySubject = new Map<string, RdfTriple[]>();
  private readonly byObject = new Map<string, RdfTriple[]>();

  constructor(triples: Iterable<RdfTriple>) {
    for (const triple of triples) {
      push(this.bySubject, triple.subject.value, triple);
      push(this.byObject, triple.object.value, triple);
    }
  }

  /** Objects of (subject, predicate), in the order they were read. */
  objects(subject: string, predicate: string): RdfTerm[] {
    return (this.bySubject.get(subject) ?? []).filter((t) => t.predicate.value === predicate).map((t) => t.object);
  }

  /** IRIs and blank nodes that are objects of (subject, predicate). */
  resources(subject: string, predicate: string): string[] {
    return this.objects(subject, predicate)
      .filter((o) => o.termType !== "Literal")
      .map((o) => o.value);
  }

  /** Literals of (subject, predicate) with their (lower-cased) language tags. */
  texts(subject: string, predicate: string): TaggedText[] {
    return this.objects(subject, predicate)
      .filter((o) => o.termType === "Literal" && o.value.trim() !== "")
      .map((o) => ({ text: o.value.trim(), lang: (o.language ?? "").toLowerCase() }));
  }

  /** Subjects of (?, predicate, object). */
  subjects(predicate: string, object: string): string[] {
    return (this.byObject.get(object) ?? []).filter((t) => t.predicate.value === predicate).map((t) => t.subject.value);
  }

  /** Every subject with rdf:type `type`, sorted. */
  typed(typePredicate: string, type: string): string[] {
    return [...new Set(this.subjects(typePredicate, type))].sort();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
