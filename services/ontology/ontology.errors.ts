export type OntologyErrorCode =
  "ONTOLOGY_NOT_FOUND" | "CONCEPT_NOT_FOUND" | "INVALID_MAPPING" | "MAPPING_NOT_FOUND" | "INVALID_VALUE";

/** A request about ontologies that cannot be served: unknown pack, version or concept, or a bad mapping. */
export class OntologyError extends Error {
  constructor(
    readonly code: OntologyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "OntologyError";
  }
}
