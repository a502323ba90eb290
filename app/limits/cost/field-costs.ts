/** Arguments of one field as the request passes them (not coerced; check types before use). */
export type FieldArguments = Readonly<Record<string, unknown>>;

/**
 * A field's cost beyond what the schema gives it. By default every object returned costs one unit, a
 * field with a `first` argument pages its lists by it (or by the default page size), another list
 * counts {@link DEFAULT_LIST_SIZE} items, and every mutation field adds {@link MUTATION_BASE_COST}.
 */
export interface FieldCostOverride {
  /** Units added each time the field is resolved, for the work behind it (a score computed, a search run). */
  extra?: number | ((args: FieldArguments) => number);
  /** Items assumed for a list without a `first` argument (a function when an argument bounds them). */
  listSize?: number | ((args: FieldArguments) => number);
  /**
   * The list argument whose length is the number of items returned (`nodes(ids:)`): the estimate then
   * counts what was asked for, not {@link listSize}.
   */
  listSizeFrom?: string;
}

/** Items assumed for a list that is not paged. */
export const DEFAULT_LIST_SIZE = 10;

/** What any write costs beyond the objects it returns. */
export const MUTATION_BASE_COST = 10;

/** A depth or path length as asked (the resolver refuses values over its caps), or its default. */
const graphDepth = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isInteger(value) && value > 0 ? Math.min(value, 10) : fallback;

/** Nodes assumed in a whole explanation tree; most default-model trees hold 20 to 40. */
const EXPLANATION_NODES = 40;

/**
 * Nodes of an explanation cut at `maxDepth` (decision 0039): a root, then up to five children a node per
 * level (the default model's root has five dimensions), never more than the whole tree. Omitted or
 * not a whole number: the whole tree (the resolver refuses a depth out of range).
 */
const explanationNodes = (maxDepth: unknown): number =>
  typeof maxDepth === "number" && Number.isInteger(maxDepth) && maxDepth >= 0
    ? Math.min(EXPLANATION_NODES, (5 ** (Math.min(maxDepth, 3) + 1) - 1) / 4)
    : EXPLANATION_NODES;

const hasText = (value: unknown): boolean => typeof value === "string" && value.trim() !== "";

/**
 * The one table of explicit costs, by schema coordinate (`Type.field`). Everything not listed is costed
 * from the schema alone (see {@link FieldCostOverride}), so a new field is never free.
 */
export const FIELD_COST_OVERRIDES: Readonly<Record<string, FieldCostOverride>> = {
  // A score computed now reads the account's signals and the model's populations.
  "Account.health": { extra: (args) => (args.fresh === true ? 50 : 0) },
  "Account.healthHistory": { listSize: 50 },
  "AccountHealth.explanation": { listSize: (args) => explanationNodes(args.maxDepth) },
  "HealthExplanationNode.signals": { listSize: 5 },
  // Full-text searches.
  "Query.accounts": { extra: (args) => (hasText((args.filter as { search?: unknown } | null)?.search) ? 20 : 0) },
  "Query.concepts": { extra: (args) => (hasText(args.search) ? 10 : 0) },
  // The semantic bridge walks concept hierarchies and mappings.
  "Query.bridge": { extra: 20 },
  "Query.bridgeValue": { extra: 20 },
  "Query.fieldsMeasuring": { extra: 20 },
  "Query.ontologyDiff": { extra: 50 },
  // Reads the tenant's vocabulary and parses a sentence (and may ask the LLM provider).
  "Query.draftPlaybookFromText": { extra: 50 },
  // Aggregates over all of the tenant's stored scores.
  "Query.healthDistribution": { extra: 200 },
  // MPU experiments (issue 16): a report counts outcomes over every assigned unit (up to 50 000); a start
  // reads the eligible population and writes its assignments; a unit's list holds up to 100 experiments.
  "Query.mpuExperiment": { extra: 100 },
  "Query.mpuExperiments": { listSize: 100 },
  "Mutation.startMpuExperiment": { extra: 200 },
  // Micro-practice units (issue 16): up to 500 published units matched against the account's situation;
  // three months of units and uses matched against up to 5,000 owned accounts; a capture reads the change feed.
  "Query.recommendedMpus": { extra: 50 },
  "Query.mpuContributions": { extra: 200 },
  "Mutation.captureMpu": { extra: 50 },
  // Five aggregates over the tenant's accounts (and their opportunities).
  "Query.facets": { extra: 100 },
  // Graph views: variable-length traversals, dearer with each link followed (docs/explorer.md).
  "Query.neighbourhood": { extra: (args) => 100 * graphDepth(args.depth, 1) ** 2 },
  "Query.paths": { extra: (args) => 20 * graphDepth(args.maxLength, 4) },
  "Neighbourhood.edges": { listSize: 100 },
  "GraphPath.nodes": { listSize: 7 },
  "GraphPath.edges": { listSize: 6 },
  // One object per id or external key asked for.
  "Query.nodes": { listSizeFrom: "ids" },
  "Query.nodesByExternalIds": { listSizeFrom: "keys" },
  // Lineage re-derives a score with its evidence (like a fresh health score) and reads the signals' subjects.
  "Query.lineage": { extra: 100 },
  "Lineage.nodes": { listSize: 200 },
  "Lineage.edges": { listSize: 300 },
  // Impact reads mappings, concept ancestors, every model version and candidate playbooks.
  "Query.impact": { extra: 50 },
  "Impact.usages": { listSize: 50 },
  // A diff's warnings read the impact of up to 20 changes.
  "OntologyDiff.impact": { extra: 200 },
  // Four aggregates over the tenant's usage counts, firings, tasks and MPUs.
  "Query.usageCalibration": { extra: 100 },
  // Jobs over the whole tenant: a few per request at most.
  "Mutation.recomputeHealth": { extra: 2_000 },
  "Mutation.calibrateHealthModel": { extra: 2_000 },
  "Mutation.importOntology": { extra: 200 },
  "Mutation.exportOntology": { extra: 50 },
};
