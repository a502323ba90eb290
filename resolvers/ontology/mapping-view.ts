import { MappingRecord } from "../../graph/ontology/ontology-records";
import { BUILT_IN_SCOPE } from "../../graph/ontology/ontology.repository";
import { Mapping } from "./mapping.type";

/** A stored mapping as the API shows it. */
export function toMappingView(record: MappingRecord): Mapping {
  return {
    system: record.system,
    field: record.field,
    conceptId: record.concept,
    dataType: record.dataType,
    unit: record.unit ?? null,
    targetUnit: record.targetUnit ?? null,
    transform: record.transform as unknown as Record<string, unknown>,
    polarity: record.polarity,
    normalization: record.normalization as unknown as Record<string, unknown>,
    aggregation: record.aggregation as unknown as Record<string, unknown>,
    weight: record.weight,
    predicate: record.predicate,
    author: record.author,
    justification: record.justification,
    confidence: record.confidence,
    date: record.date,
    comment: record.comment ?? null,
    source: record.scope === BUILT_IN_SCOPE ? "BUILT_IN" : "TENANT",
    pack: record.pack,
  };
}
