import { Migration } from "./migration";

/** Ontology packs, their versions, concepts and the source fields mapped onto them. */
export const ontologyMigration: Migration = {
  version: 2,
  description: "ontologies: pack and version keys, concept keys, source fields, multilingual label search",
  statements: [
    "CREATE CONSTRAINT ontology_key IF NOT EXISTS FOR (n:Ontology) REQUIRE (n.scope, n.pack) IS UNIQUE",
    "CREATE CONSTRAINT ontology_version_key IF NOT EXISTS FOR (n:OntologyVersion) REQUIRE (n.scope, n.pack, n.version) IS UNIQUE",
    "CREATE CONSTRAINT concept_key IF NOT EXISTS FOR (n:Concept) REQUIRE (n.scope, n.id) IS UNIQUE",
    "CREATE CONSTRAINT source_field_key IF NOT EXISTS FOR (n:SourceField) REQUIRE (n.scope, n.system, n.field) IS UNIQUE",
    "CREATE INDEX concept_id IF NOT EXISTS FOR (n:Concept) ON (n.id)",
    "CREATE INDEX concept_pack IF NOT EXISTS FOR (n:Concept) ON (n.pack)",
    "CREATE INDEX source_field_lookup IF NOT EXISTS FOR (n:SourceField) ON (n.system, n.field)",
    "CREATE INDEX signal_source_field IF NOT EXISTS FOR (n:Signal) ON (n.tenant, n.sourceSystem, n.field)",
    // The CJK analyzer indexes Latin words and Chinese/Japanese/Korean bigrams, so "满意度" finds satisfaction.
    "CREATE FULLTEXT INDEX concept_label_fulltext IF NOT EXISTS FOR (n:Concept) ON EACH [n.searchText] " +
      "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
  ],
};
