import { bridgePopulation, bridgeValue } from "../../ontology/bridge/bridge-value";
import { ConceptRecord, MappingRecord } from "../../graph/ontology/ontology-records";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { OntologyError } from "./ontology.errors";

export type BridgeInputValue = number | string | boolean;

export interface BridgedMapping {
  mapping: MappingRecord;
  concept: ConceptRecord;
  /** Every path from the mapped concept up to a root of the hierarchy, the concept first. */
  paths: ConceptRecord[][];
}

export interface BridgedValue {
  mapping: MappingRecord;
  concept: ConceptRecord;
  result: ReturnType<typeof bridgeValue>;
}

/** The semantic bridge as the API offers it: from a source field to its concepts, and back. */
export class BridgeService {
  constructor(private readonly repository: OntologyRepository) {}

  /** The mappings of a source field, each with its concept and the concept's paths to the roots. */
  async bridge(system: string, field: string): Promise<BridgedMapping[]> {
    const mappings = await this.repository.mappingsOfField(system, field);
    if (mappings.length === 0) return [];
    const ids = [...new Set(mappings.map((m) => m.concept.id))];
    const paths = await this.repository.pathsToRoots(ids);
    const pathsById = new Map(ids.map((id, i) => [id, paths[i] ?? []]));
    return mappings.map(({ mapping, concept }) => ({ mapping, concept, paths: pathsById.get(concept.id) ?? [] }));
  }

  /** Every source field, in every system, that measures the concept or a concept below it. */
  async fieldsMeasuring(conceptId: string) {
    const [concept] = await this.repository.conceptsByIds([conceptId]);
    if (!concept) {
      throw new OntologyError(
        "CONCEPT_NOT_FOUND",
        `There is no concept "${conceptId}"; find one with the concepts query.`,
      );
    }
    return this.repository.fieldsMeasuring(conceptId);
  }

  /** A raw value of a source field, bridged through each of the field's mappings to a 0..1 reading. */
  async bridgeValue(
    system: string,
    field: string,
    given: { value?: unknown; numberValue: number | null; stringValue: string | null; booleanValue: boolean | null },
  ): Promise<BridgedValue[]> {
    const values = [given.value, given.numberValue, given.stringValue, given.booleanValue].filter(
      (v) => v !== null && v !== undefined,
    );
    if (values.length !== 1) {
      throw new OntologyError(
        "INVALID_VALUE",
        `Give exactly one of value, numberValue, stringValue and booleanValue; ${values.length} were given.`,
      );
    }
    if (!["number", "string", "boolean"].includes(typeof values[0])) {
      throw new OntologyError(
        "INVALID_VALUE",
        `value must be a number, a text or true/false; received ${JSON.stringify(values[0])}.`,
      );
    }
    const value = values[0] as BridgeInputValue;
    const mappings = await this.repository.mappingsOfField(system, field);
    const needsPopulation = mappings.some((m) => m.mapping.normalization.kind === "percentile");
    const population = needsPopulation ? await this.repository.fieldPopulation(system, field) : undefined;
    return mappings.map(({ mapping, concept }) => ({
      mapping,
      concept,
      result: bridgeValue(
        mapping,
        value,
        population ? { population: bridgePopulation(mapping, population) } : undefined,
      ),
    }));
  }
}
