import { AccountHealthExplainedDocument, type AccountHealthExplainedQuery } from "../../schema/generated/graphql";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import { instant, pick, sortBy } from "../check/canonical";
import { rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs, type VariantKind } from "./scenario";

/** How many drivers the answer lists (the operation's default). */
const DRIVERS = 5;

const NOT_EXPRESSIBLE =
  "no equivalent: a score is computed in application code (windowed aggregation, the unit and scale bridge, " +
  "the weighted concept tree); the library could only serve it from a custom resolver or @cypher field, which " +
  "would time that code or the raw query inside the library, not the library";

const COMPARED =
  "compared: score, grade, confidence, model id and version, drivers (by concept), and every explanation node " +
  "(id, parent, depth, kind, concept, system.field, value, weights, contribution, impact, confidence, reason, " +
  "bridge step names and values, evidence signals); numbers within 1e-9 relative; not compared: asOf and " +
  "computedAt (each answer is scored when it is asked), the aggregate note (it names the window's end, i.e. " +
  "asOf) and the bridge step notes (text renderings of the compared values)";

const NODE_FIELDS = [
  "id",
  "parentId",
  "depth",
  "kind",
  "conceptId",
  "system",
  "field",
  "value",
  "weight",
  "normalizedWeight",
  "effectiveWeight",
  "contribution",
  "impact",
  "confidence",
  "reason",
  "author",
  "comment",
];

type Row = Record<string, unknown>;
type Health = NonNullable<NonNullable<AccountHealthExplainedQuery["account"]>["health"]>;

/** A bridge step's value is text; numbers are compared as numbers (a sum may differ in its last bit). */
function stepValue(value: unknown): unknown {
  const text = String(value);
  const number = Number(text);
  return text.trim() !== "" && Number.isFinite(number) ? number : text;
}

function canonicalHealth(health: Health | null) {
  if (health === null) return null;
  return {
    ...pick(health, ["score", "grade", "confidence", "modelId", "modelVersion", "stored"]),
    drivers: sortBy(
      health.drivers.map((d) => pick(d, ["conceptId", "direction", "impact", "value", "contribution"])),
      (d) => [String(d.conceptId)],
    ),
    explanation: sortBy(
      health.explanation.map((node): Row => ({
        ...pick(node, NODE_FIELDS),
        steps: node.steps.map((s) => ({ step: s.step, value: stepValue(s.value) })),
        // Newest first; signals observed at the same instant in id order.
        signals: sortBy(
          node.signals.map((s): Row => ({
            ...pick(s, ["signalId", "recordId", "sourceSystem", "value"]),
            observedAt: instant(s.observedAt),
          })),
          (s) => [String(s.observedAt), String(s.signalId)],
          true,
        ),
      })),
      (node) => [String(node.id)],
    ),
  };
}

/**
 * B5a: one account's health scored now and explained down to the signals (the AccountHealthExplained
 * operation, `health(fresh: true)`), for sample accounts of the main tenant that have data. The raw
 * endpoint answers it as a hand-written service would: the model loaded once at start, one Cypher
 * statement per request, Relata's pure scoring functions.
 */
export function accountHealthScenario(inputs: ScenarioInputs): Scenario {
  const { tenant } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B5a",
    title: "health: one account scored now, with explanation",
    kinds: ["relata", "raw"],
    fanOut: false,
    notes: {
      relata:
        "health(fresh: true) as served: per request it reads the model, the concept tree, the mappings and the " +
        "tenant-wide population of every percentile-normalised field, then the account's aggregates, manual " +
        "measures and evidence signals",
      raw:
        "model, concept tree, mappings and percentile populations loaded once at start; per request one statement " +
        "(the account's signals of the mapped fields in the model's windows, with its contacts' and assets', and " +
        "its manual measures), then Relata's pure functions (bridgeAggregate, buildHealthTree, scoreAccount, " +
        `drivers); ${COMPARED}`,
      "neo4j-graphql": NOT_EXPRESSIBLE,
    },
    requests(kind: VariantKind) {
      switch (kind) {
        case "relata":
          return inputs.healthAccountIds.map((id) =>
            relataRequest(AccountHealthExplainedDocument, { id, modelId: DEFAULT_MODEL_ID, drivers: DRIVERS }, token),
          );
        case "raw":
          return inputs.healthAccountIds.map((id) => rawRequest("/b5a", { tenant, id, drivers: DRIVERS }));
        default:
          return [];
      }
    },
    normalise(_kind, answer) {
      const account = dataOf<AccountHealthExplainedQuery>(answer).account;
      if (!account) throw new Error("the sample account was not found");
      const health = canonicalHealth(account.health ?? null);
      if (health === null || health.explanation.length === 0) throw new Error("the account has no health answer");
      return { id: account.id, health };
    },
  };
}
