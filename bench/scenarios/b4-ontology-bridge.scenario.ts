import {
  BridgeDocument,
  FieldsMeasuringDocument,
  type BridgeQuery,
  type FieldsMeasuringQuery,
} from "../../schema/generated/graphql";
import { pick, sortBy } from "../check/canonical";
import { rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs, type VariantKind } from "./scenario";

const NOT_EXPRESSIBLE =
  "no equivalent: variable-length hierarchy paths (BROADER|CONTRIBUTES_TO*) need hand-written @cypher fields, " +
  "which would measure the raw query inside the library, not the library";

const MAPPING_FIELDS = [
  "system",
  "field",
  "conceptId",
  "dataType",
  "unit",
  "targetUnit",
  "transform",
  "polarity",
  "normalization",
  "aggregation",
  "weight",
  "predicate",
  "author",
  "justification",
  "confidence",
  "date",
  "source",
  "pack",
];

type Row = Record<string, unknown>;
const ids = (concepts: unknown) => (concepts as Row[]).map((c) => c.id);

/** B4a ontology: every source field measuring a concept or one below it (the FieldsMeasuring operation). */
export function fieldsMeasuringScenario(inputs: ScenarioInputs): Scenario {
  const { tenant } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B4a",
    title: "ontology: fieldsMeasuring(concept)",
    kinds: ["relata", "raw"],
    fanOut: false,
    notes: { "neo4j-graphql": NOT_EXPRESSIBLE },
    requests(kind: VariantKind) {
      switch (kind) {
        case "relata":
          return inputs.conceptIds.map((conceptId) => relataRequest(FieldsMeasuringDocument, { conceptId }, token));
        case "raw":
          return inputs.conceptIds.map((conceptId) => rawRequest("/b4a", { tenant, conceptId }));
        default:
          return [];
      }
    },
    normalise(_kind, answer) {
      const fields = dataOf<FieldsMeasuringQuery>(answer).fieldsMeasuring as unknown as Row[];
      return sortBy(
        fields.map((f) => ({
          system: f.system,
          field: f.field,
          distance: f.distance,
          concept: (f.concept as Row).id,
          path: ids(f.path),
          mapping: pick(f.mapping, ["aggregation", "source"]),
        })),
        (f) => [Number(f.distance), String(f.system), String(f.field), String(f.concept)],
      );
    },
  };
}

/** B4b ontology: a source field's mappings, concepts and paths to the roots (the Bridge operation). */
export function bridgeScenario(inputs: ScenarioInputs): Scenario {
  const { tenant } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B4b",
    title: "ontology: bridge(system, field)",
    kinds: ["relata", "raw"],
    fanOut: false,
    notes: { "neo4j-graphql": NOT_EXPRESSIBLE },
    requests(kind: VariantKind) {
      switch (kind) {
        case "relata":
          return inputs.sourceFields.map((f) => relataRequest(BridgeDocument, { ...f }, token));
        case "raw":
          return inputs.sourceFields.map((f) => rawRequest("/b4b", { tenant, ...f }));
        default:
          return [];
      }
    },
    normalise(_kind, answer) {
      const mappings = dataOf<BridgeQuery>(answer).bridge as unknown as Row[];
      return sortBy(
        mappings.map((m) => ({
          mapping: pick(m.mapping, MAPPING_FIELDS),
          concept: pick(m.concept, ["id", "prefLabel"]),
          paths: (m.paths as Row[]).map((p) => ids(p.concepts)),
        })),
        (m) => [String(m.concept.id)],
      );
    },
  };
}
