import {
  AccountHealthExplainedDocument,
  AccountHealthTopDocument,
  type AccountHealthExplainedQuery,
  type AccountHealthTopQuery,
} from "../../schema/generated/graphql";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import { instant, pick, sortBy } from "../check/canonical";
import { rawRequest, relataRequest } from "./requests";
import { dataOf, type Scenario, type ScenarioInputs, type VariantKind } from "./scenario";

/** How many drivers the answer lists (the operation's default). */
const DRIVERS = 5;
/** B5a-top: how deep the compact explanation goes (the root and its top-level concepts). */
const TOP_DEPTH = 1;

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

/** The fields AccountHealthTop asks of each explanation node (all compared). */
const TOP_NODE_FIELDS = NODE_FIELDS.filter((field) => field !== "author" && field !== "comment").concat("notes");

type TopHealth = NonNullable<NonNullable<AccountHealthTopQuery["account"]>["health"]>;

function canonicalTopHealth(health: TopHealth | null) {
  if (health === null) return null;
  return {
    ...pick(health, ["score", "grade", "confidence", "modelId", "modelVersion", "stored"]),
    drivers: sortBy(
      health.drivers.map((d) => pick(d, ["conceptId", "direction", "impact", "value", "contribution"])),
      (d) => [String(d.conceptId)],
    ),
    explanation: sortBy(
      health.explanation.map((node): Row => pick(node, TOP_NODE_FIELDS)),
      (node) => [String(node.id)],
    ),
  };
}

/**
 * B5a-top (issue 18, decision 0039): the same accounts scored now, but the client asks only for the top of
 * the explanation (the AccountHealthTop operation: score, grade, drivers and the nodes at most
 * {@link TOP_DEPTH} deep, without mapped fields, bridge steps or signals). The raw endpoint answers the same
 * shape from its one statement (it still aggregates every signal: the score needs them).
 */
export function accountHealthTopScenario(inputs: ScenarioInputs): Scenario {
  const { tenant } = inputs;
  const token = inputs.tokens[tenant] as string;
  return {
    id: "B5a-top",
    title: "health: one account scored now, top of the explanation only",
    kinds: ["relata", "raw"],
    fanOut: false,
    notes: {
      relata:
        `AccountHealthTop (explanation(maxDepth: ${TOP_DEPTH})): the statements of B5a but the evidence signals, ` +
        "and no explanation rows below the top-level concepts",
      raw:
        `B5a's endpoint with maxDepth ${TOP_DEPTH}: the same statement and scoring, explanation rows only to that ` +
        "depth; compared: score, grade, confidence, model id and version, drivers, and every node listed " +
        "(numbers within 1e-9 relative)",
      "neo4j-graphql": NOT_EXPRESSIBLE,
    },
    requests(kind: VariantKind) {
      switch (kind) {
        case "relata":
          return inputs.healthAccountIds.map((id) =>
            relataRequest(
              AccountHealthTopDocument,
              { id, modelId: DEFAULT_MODEL_ID, drivers: DRIVERS, maxDepth: TOP_DEPTH },
              token,
            ),
          );
        case "raw":
          return inputs.healthAccountIds.map((id) =>
            rawRequest("/b5a", { tenant, id, drivers: DRIVERS, maxDepth: TOP_DEPTH }),
          );
        default:
          return [];
      }
    },
    normalise(_kind, answer) {
      const account = dataOf<AccountHealthTopQuery>(answer).account;
      if (!account) throw new Error("the sample account was not found");
      const health = canonicalTopHealth(account.health ?? null);
      if (health === null || health.explanation.length === 0) throw new Error("the account has no health answer");
      return { id: account.id, health };
    },
  };
}
