import DataLoader from "dataloader";
import { ConceptRecord, ConceptRelation, MappingRecord, RelatedConcept } from "../graph/ontology/ontology-records";
import { OntologyRepository } from "../graph/ontology/ontology.repository";
import { LoaderOptions } from "./child-page.loader";

export type AccountConceptEntry = Awaited<ReturnType<OntologyRepository["conceptsOfAccounts"]>>[number][number];

/** The ontology loaders of one request: concepts by id, their relations and mappings, accounts' concepts. */
export interface ConceptLoaders {
  conceptById: DataLoader<string, ConceptRecord | null>;
  related: Record<ConceptRelation, DataLoader<string, RelatedConcept[]>>;
  mappingsByConcept: DataLoader<string, MappingRecord[]>;
  conceptsByAccount: DataLoader<string, AccountConceptEntry[]>;
}

const RELATIONS: ConceptRelation[] = ["broader", "narrower", "parts", "partOf", "matches", "ancestors"];

export function createConceptLoaders(ontology: OntologyRepository, options: LoaderOptions): ConceptLoaders {
  const settings = { batch: options.batch, maxBatchSize: 1000 };
  return {
    conceptById: new DataLoader((ids) => ontology.conceptsByIds(ids), settings),
    related: Object.fromEntries(
      RELATIONS.map((relation) => [
        relation,
        new DataLoader<string, RelatedConcept[]>((ids) => ontology.related(ids, relation), settings),
      ]),
    ) as ConceptLoaders["related"],
    mappingsByConcept: new DataLoader((ids) => ontology.mappingsOfConcepts(ids), settings),
    conceptsByAccount: new DataLoader((ids) => ontology.conceptsOfAccounts(ids), settings),
  };
}
