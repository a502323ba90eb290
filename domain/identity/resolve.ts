import { candidatePairs, NULL_LEVEL, PreparedIdentities } from "./compare-identities";
import { ComparisonLevel, IdentityModelSpec, ModelParameters } from "./identity-model";
import { NormalisedIdentity } from "./normalise-identity";
import { LabelledPair, trainModel } from "./train-model";

export { goldenRecord } from "./golden-record";
export type { GoldenField, GoldenRecord } from "./golden-record";
export { trainModel } from "./train-model";
export type { LabelledPair, TrainOptions, TrainResult } from "./train-model";

/** A person's decision on a pair (`decideIdentityPair`): SAME is a must-link, DIFFERENT a cannot-link. */
export interface IdentityDecision {
  a: string;
  b: string;
  decision: "SAME" | "DIFFERENT";
}

/** Who decided a link: a deterministic rule, the probabilistic model, or a person. */
export type LinkDecider = "RULE" | "MODEL" | "PERSON";

/** One compared pair with its evidence (what the API shows for every link). */
export interface IdentityLink {
  /** Identity ids, `a` < `b` in input order. */
  a: string;
  b: string;
  /** Comparison name → level index (0 = best, `-1` = a side has no value). */
  vector: Record<string, number>;
  /** Comparison name → readable level ("exact", "jaroWinkler ≥ 0.92", "no value"). */
  levels: Record<string, string>;
  /** Comparison name → log2(m/u) of its level (term-frequency adjusted); 0 without a value. */
  partialWeights: Record<string, number>;
  /** log2 prior odds of a match among compared pairs. */
  priorWeight: number;
  /** Σ partial weights (log2 Bayes factor). */
  weight: number;
  /** Match probability from the prior and the weights. */
  probability: number;
  /** The deterministic rule that linked the pair, if one did. */
  rule: string | null;
  decidedBy: LinkDecider;
  modelVersion: number;
  /** Set on review entries whose link was refused during clustering. */
  refused?: "cannot-link" | "cluster-check";
}

export interface ResolveOptions {
  /** Called with progress messages on long runs. */
  onProgress?: (message: string) => void;
  /** Seed of the random pairs when the model has to be trained (default 1). */
  seed?: number;
  /** Linking sources rather than deduplicating: only pairs of identities from different channels. */
  linkAcrossChannelsOnly?: boolean;
}

export interface ResolveStats {
  records: number;
  /** Distinct pairs compared (after blocking). */
  comparedPairs: number;
  perBlockingRule: { rule: string; pairs: number; skippedBlocks: number }[];
  links: number;
  review: number;
  clusters: number;
  refusedByCannotLink: number;
  refusedByClusterCheck: number;
  /** True when the model had no parameters and was trained on these records. */
  trained: boolean;
  matchShareAmongCompared: number;
}

export interface ResolveResult {
  links: IdentityLink[];
  review: IdentityLink[];
  /** Every record in exactly one cluster (singletons included), members in input order. */
  clusters: string[][];
  stats: ResolveStats;
  /** The model used (trained when it came without parameters). */
  model: IdentityModelSpec;
}

const MAX_LOGIT = 20;

function logit(probability: number): number {
  const p = Math.min(1 - 1e-12, Math.max(1e-12, probability));
  return Math.log2(p / (1 - p));
}

function probabilityOf(logOdds: number): number {
  return 1 / (1 + Math.pow(2, -logOdds));
}

function levelLabel(level: ComparisonLevel | undefined): string {
  if (!level) return "no value";
  switch (level.kind) {
    case "jaroWinkler":
      return `jaroWinkler ≥ ${level.atLeast}`;
    case "editDistance":
      return `edit distance ≤ ${level.atMost}`;
    case "withinDays":
      return `within ${level.days} days`;
    case "numericWithin":
      return `within ${level.absolute} or ${level.relative * 100}%`;
    case "prefix":
      return `first ${level.length} agree`;
    case "swapped":
      return `swapped with ${level.with}`;
    default:
      return level.kind;
  }
}

/**
 * The model's weights for the prepared records: log2(m/u) per comparison level, the prior, and the
 * term-frequency adjustment of exact agreement on a rare or common value.
 */
class PairScorer {
  private readonly weights: Float64Array[];
  private readonly exactLevel: Int32Array;
  private readonly exactU: Float64Array;
  readonly priorWeight: number;
  readonly linkLogit: number;
  readonly reviewLogit: number;
  private readonly vector: Int8Array;

  constructor(
    readonly prepared: PreparedIdentities,
    readonly model: IdentityModelSpec,
    parameters: ModelParameters,
  ) {
    const columns = prepared.columns;
    this.weights = columns.map((column, c) => {
      const p = parameters.comparisons[c];
      return Float64Array.from(column.spec.levels, (_, l) => Math.log2(p.m[l] / p.u[l]));
    });
    this.exactLevel = Int32Array.from(columns, (column) =>
      column.spec.termFrequency ? column.spec.levels.findIndex((l) => l.kind === "exact") : -1,
    );
    this.exactU = Float64Array.from(columns, (_, c) => {
      const level = this.exactLevel[c];
      return level >= 0 ? parameters.comparisons[c].u[level] : 0;
    });
    this.priorWeight = logit(parameters.matchShareAmongCompared);
    this.linkLogit = logit(model.thresholds.linkAbove);
    this.reviewLogit = logit(model.thresholds.reviewAbove);
    this.vector = new Int8Array(columns.length);
  }

  /** The partial weight of comparison c at `level` for record i (the value's frequency for exact agreement). */
  partial(c: number, level: number, i: number): number {
    if (level === NULL_LEVEL) return 0;
    let w = this.weights[c][level];
    if (level === this.exactLevel[c]) {
      // Splink-style term frequency: weight log2(m / tf(value)) instead of log2(m / u), bounded.
      const tf = this.prepared.frequency(c, i);
      if (tf > 0) w += Math.max(-4, Math.min(4, Math.log2(this.exactU[c] / tf)));
    }
    return w;
  }

  /** Σ partial weights of a pair (without the prior). */
  weight(i: number, j: number): number {
    const vector = this.vector;
    this.prepared.levels(i, j, vector);
    let total = 0;
    for (let c = 0; c < vector.length; c++) total += this.partial(c, vector[c], i);
    return total;
  }

  /** Σ partial weights of pair k of precomputed comparison vectors (record i is its first record). */
  weightOfVector(vectors: Int8Array, k: number, i: number): number {
    const width = this.prepared.columns.length;
    let total = 0;
    for (let c = 0; c < width; c++) total += this.partial(c, vectors[k * width + c], i);
    return total;
  }

  /** The weight of a pair without the comparisons on the given fields (for the deterministic-rule guard). */
  weightWithout(i: number, j: number, fields: readonly string[]): number {
    const vector = this.vector;
    this.prepared.levels(i, j, vector);
    let total = 0;
    for (let c = 0; c < vector.length; c++) {
      if (fields.includes(this.prepared.columns[c].spec.field)) continue;
      total += this.partial(c, vector[c], i);
    }
    return total;
  }

  /** A deterministic rule that links i and j and is not vetoed by the other fields' evidence; -1 if none. */
  ruleFor(i: number, j: number): number {
    const r = this.prepared.deterministicRule(i, j);
    if (r < 0) return -1;
    const rule = this.model.deterministicRules[r];
    if (rule.unlessWeightBelow !== null && this.weightWithout(i, j, rule.fields) < rule.unlessWeightBelow) return -1;
    return r;
  }

  /** The full evidence of a pair. */
  link(i: number, j: number, decidedBy: LinkDecider, rule: number): IdentityLink {
    const vector = new Int8Array(this.prepared.columns.length);
    this.prepared.levels(i, j, vector);
    const evidence: Record<string, number> = {};
    const levels: Record<string, string> = {};
    const partialWeights: Record<string, number> = {};
    let weight = 0;
    this.prepared.columns.forEach((column, c) => {
      const name = column.spec.name;
      evidence[name] = vector[c];
      levels[name] = levelLabel(vector[c] === NULL_LEVEL ? undefined : column.spec.levels[vector[c]]);
      const w = this.partial(c, vector[c], i);
      partialWeights[name] = round(w);
      weight += w;
    });
    const records = this.prepared.records;
    return {
      a: records[i].id,
      b: records[j].id,
      vector: evidence,
      levels,
      partialWeights,
      priorWeight: round(this.priorWeight),
      weight: round(weight),
      probability: probabilityOf(this.priorWeight + weight),
      rule: rule >= 0 ? this.model.deterministicRules[rule].name : null,
      decidedBy,
      modelVersion: this.model.version,
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function ensureTrained(
  records: readonly NormalisedIdentity[],
  model: IdentityModelSpec,
  decisions: readonly LabelledPair[],
  blocked: { pairs: Float64Array; rules: Uint32Array } | null,
  options: ResolveOptions,
  vectors?: Int8Array,
  prepared?: PreparedIdentities,
): { model: IdentityModelSpec; parameters: ModelParameters; trained: boolean } {
  if (model.parameters) return { model, parameters: model.parameters, trained: false };
  const trained = trainModel(records, model, decisions, {
    pairs: blocked?.pairs,
    pairRules: blocked?.rules,
    vectors: blocked ? vectors : undefined,
    prepared,
    seed: options.seed,
    onProgress: options.onProgress,
    acrossChannelsOnly: options.linkAcrossChannelsOnly,
  }).model;
  return { model: trained, parameters: trained.parameters!, trained: true };
}

/** Binary search in sorted pair keys. */
function indexOfPair(pairs: Float64Array, key: number): number {
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = pairs[mid];
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

interface Edge {
  i: number;
  j: number;
  decidedBy: LinkDecider;
  rule: number;
  logOdds: number;
}

const DECIDER_ORDER: Record<LinkDecider, number> = { PERSON: 0, RULE: 1, MODEL: 2 };

interface Scored {
  pairs: Float64Array;
  logOdds: Float64Array;
  rules: Int32Array;
}

function scoreCandidates(scorer: PairScorer, pairs: Float64Array, vectors: Int8Array): Scored {
  const n = scorer.prepared.size;
  const logOdds = new Float64Array(pairs.length);
  const rules = new Int32Array(pairs.length);
  const hasRules = scorer.model.deterministicRules.length > 0;
  for (let k = 0; k < pairs.length; k++) {
    const i = Math.floor(pairs[k] / n);
    const j = pairs[k] - i * n;
    logOdds[k] = scorer.priorWeight + scorer.weightOfVector(vectors, k, i);
    rules[k] = hasRules ? scorer.ruleFor(i, j) : -1;
  }
  return { pairs, logOdds, rules };
}

/**
 * Clusters records from scored pairs, strongest evidence first (people's decisions, then rules, then the
 * model by descending weight), with union–find. A join is refused when a cannot-link lies between the
 * two clusters, or, for clusters of more than two records together, when the mean log-odds over all pairs
 * across them (clamped to ±20, on a deterministic sample of at most `maxCrossPairs`) is below
 * `minMeanCrossWeight`: a single strong link cannot glue two groups whose other members disagree.
 */
function clusterRecords(
  scorer: PairScorer,
  scored: Scored,
  decisions: readonly IdentityDecision[],
  initialGroups: readonly number[][],
): { links: IdentityLink[]; review: IdentityLink[]; parent: Int32Array; refused: { cannot: number; check: number } } {
  const prepared = scorer.prepared;
  const n = prepared.size;
  const model = scorer.model;
  const index = new Map(prepared.records.map((r, i) => [r.id, i]));
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number): void => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (members[ra].length < members[rb].length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    for (const m of members[rb]) members[ra].push(m);
    members[rb] = [];
  };
  for (const group of initialGroups) for (let k = 1; k < group.length; k++) union(group[0], group[k]);

  const cannot = new Map<number, number[]>();
  const edges: Edge[] = [];
  for (const d of decisions) {
    const i = index.get(d.a);
    const j = index.get(d.b);
    if (i === undefined || j === undefined || i === j) continue;
    const [x, y] = i < j ? [i, j] : [j, i];
    if (d.decision === "DIFFERENT") {
      (cannot.get(x) ?? cannot.set(x, []).get(x)!).push(y);
      (cannot.get(y) ?? cannot.set(y, []).get(y)!).push(x);
    } else {
      edges.push({ i: x, j: y, decidedBy: "PERSON", rule: -1, logOdds: MAX_LOGIT });
    }
  }
  const { pairs, logOdds, rules } = scored;
  for (let k = 0; k < pairs.length; k++) {
    if (rules[k] >= 0 || logOdds[k] >= scorer.linkLogit) {
      const i = Math.floor(pairs[k] / n);
      edges.push({
        i,
        j: pairs[k] - i * n,
        decidedBy: rules[k] >= 0 ? "RULE" : "MODEL",
        rule: rules[k],
        logOdds: logOdds[k],
      });
    }
  }
  edges.sort(
    (x, y) =>
      DECIDER_ORDER[x.decidedBy] - DECIDER_ORDER[y.decidedBy] || y.logOdds - x.logOdds || x.i - y.i || x.j - y.j,
  );

  const crossValue = (i: number, j: number): number => {
    const [x, y] = i < j ? [i, j] : [j, i];
    const k = indexOfPair(pairs, x * n + y);
    if (k >= 0) return rules[k] >= 0 ? MAX_LOGIT : Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, logOdds[k]));
    if (scorer.ruleFor(x, y) >= 0) return MAX_LOGIT;
    return Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, scorer.priorWeight + scorer.weight(x, y)));
  };
  const cannotBetween = (ra: number, rb: number): boolean => {
    const small = members[ra].length <= members[rb].length ? ra : rb;
    const other = small === ra ? rb : ra;
    for (const m of members[small]) {
      const partners = cannot.get(m);
      if (partners) for (const p of partners) if (find(p) === other) return true;
    }
    return false;
  };
  const { minMeanCrossWeight, maxCrossPairs } = model.clustering;
  const meanCross = (ra: number, rb: number): number => {
    let sum = 0;
    let count = 0;
    for (const x of members[ra]) {
      for (const y of members[rb]) {
        sum += crossValue(x, y);
        if (++count >= maxCrossPairs) return sum / count;
      }
    }
    return sum / count;
  };

  const refusedEdges: { edge: Edge; reason: "cannot-link" | "cluster-check" }[] = [];
  const accepted: Edge[] = [];
  for (const edge of edges) {
    const ra = find(edge.i);
    const rb = find(edge.j);
    if (ra === rb) {
      accepted.push(edge);
      continue;
    }
    if (cannotBetween(ra, rb)) {
      refusedEdges.push({ edge, reason: "cannot-link" });
      continue;
    }
    if (
      edge.decidedBy !== "PERSON" &&
      members[ra].length + members[rb].length > 2 &&
      meanCross(ra, rb) < minMeanCrossWeight
    ) {
      refusedEdges.push({ edge, reason: "cluster-check" });
      continue;
    }
    union(ra, rb);
    accepted.push(edge);
  }

  const links = accepted.filter((e) => find(e.i) === find(e.j)).map((e) => scorer.link(e.i, e.j, e.decidedBy, e.rule));
  const review: IdentityLink[] = [];
  const inReview = new Set<number>();
  for (const { edge, reason } of refusedEdges) {
    if (edge.decidedBy === "PERSON" || find(edge.i) === find(edge.j)) continue;
    const key = edge.i * n + edge.j;
    if (inReview.has(key)) continue;
    inReview.add(key);
    review.push({ ...scorer.link(edge.i, edge.j, edge.decidedBy, edge.rule), refused: reason });
  }
  const decided = new Set<number>();
  for (const d of decisions) {
    const i = index.get(d.a);
    const j = index.get(d.b);
    if (i !== undefined && j !== undefined) decided.add(Math.min(i, j) * n + Math.max(i, j));
  }
  for (let k = 0; k < pairs.length; k++) {
    if (rules[k] >= 0 || logOdds[k] < scorer.reviewLogit || logOdds[k] >= scorer.linkLogit) continue;
    const i = Math.floor(pairs[k] / n);
    const j = pairs[k] - i * n;
    if (find(i) === find(j) || decided.has(pairs[k]) || inReview.has(pairs[k])) continue;
    review.push(scorer.link(i, j, "MODEL", -1));
  }
  return {
    links,
    review,
    parent: Int32Array.from(parent, (_, i) => find(i)),
    refused: {
      cannot: refusedEdges.filter((r) => r.reason === "cannot-link").length,
      check: refusedEdges.filter((r) => r.reason === "cluster-check").length,
    },
  };
}

function groupsOf(roots: Int32Array, ids: readonly string[]): number[][] {
  const groups = new Map<number, number[]>();
  roots.forEach((root, i) => {
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  void ids;
  return [...groups.values()].sort((a, b) => a[0] - b[0]);
}

function checkModel(model: IdentityModelSpec): void {
  if (model.parameters && model.parameters.comparisons.length !== model.comparisons.length) {
    throw new Error(
      `The model's parameters cover ${model.parameters.comparisons.length} comparisons but it has ` +
        `${model.comparisons.length}; retrain it with trainModel after changing its comparisons.`,
    );
  }
  const ids = model.comparisons.map((c) => c.name);
  if (new Set(ids).size !== ids.length) throw new Error(`Comparison names must be unique; received ${ids.join(", ")}.`);
}

function uniqueIds(records: readonly NormalisedIdentity[]): void {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) throw new Error(`Identity "${r.id}" appears twice; resolve each identity once.`);
    seen.add(r.id);
  }
}

/**
 * Scores pairs of records with their full evidence: the given pairs (by identity id), or every candidate
 * pair the blocking rules select. Trains the model first when it has no parameters.
 */
export function scorePairs(
  records: readonly NormalisedIdentity[],
  model: IdentityModelSpec,
  options: ResolveOptions & { pairs?: readonly { a: string; b: string }[] } = {},
): IdentityLink[] {
  checkModel(model);
  const prepared = new PreparedIdentities(records, model);
  const n = prepared.size;
  let pairs: Float64Array;
  if (options.pairs) {
    const index = new Map(records.map((r, i) => [r.id, i]));
    const keys: number[] = [];
    for (const p of options.pairs) {
      const i = index.get(p.a);
      const j = index.get(p.b);
      if (i === undefined || j === undefined) throw new Error(`Pair ${p.a} / ${p.b} names an identity not in records.`);
      if (i !== j) keys.push(Math.min(i, j) * n + Math.max(i, j));
    }
    pairs = Float64Array.from(keys);
  } else pairs = candidatePairs(prepared).pairs;
  const trained = ensureTrained(records, model, [], null, options);
  const scorer = new PairScorer(new PreparedIdentities(records, trained.model), trained.model, trained.parameters);
  return Array.from(pairs, (key) => {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const rule = scorer.ruleFor(i, j);
    return scorer.link(i, j, rule >= 0 ? "RULE" : "MODEL", rule);
  });
}

/**
 * Resolves a set of identities of one entity type: deterministic rules, blocking, comparison, Fellegi–Sunter
 * scoring (training the model first when it has no parameters), and clustering that respects people's
 * decisions and resists chaining. Pure and deterministic. Returns the links inside clusters with their
 * evidence, the pairs to review, and every record's cluster.
 */
export function resolveIdentities(
  records: readonly NormalisedIdentity[],
  model: IdentityModelSpec,
  decisions: readonly IdentityDecision[],
  options: ResolveOptions = {},
): ResolveResult {
  checkModel(model);
  uniqueIds(records);
  const progress = options.onProgress ?? (() => undefined);
  const prepared = new PreparedIdentities(records, model);
  const blocked = candidatePairs(prepared, { acrossChannelsOnly: options.linkAcrossChannelsOnly });
  const { pairs, perRule } = blocked;
  progress(`${records.length} records, ${pairs.length} candidate pairs`);
  const vectors = prepared.vectors(pairs, progress);
  progress(`compared ${pairs.length} pairs`);
  const trained = ensureTrained(records, model, decisions, blocked, options, vectors, prepared);
  const scorer = new PairScorer(prepared, trained.model, trained.parameters);
  const scored = scoreCandidates(scorer, pairs, vectors);
  const clustered = clusterRecords(scorer, scored, decisions, []);
  const ids = records.map((r) => r.id);
  const clusters = groupsOf(clustered.parent, ids).map((g) => g.map((i) => ids[i]));
  progress(`${clustered.links.length} links, ${clusters.length} clusters`);
  return {
    links: clustered.links,
    review: clustered.review,
    clusters,
    model: trained.model,
    stats: {
      records: records.length,
      comparedPairs: pairs.length,
      perBlockingRule: perRule,
      links: clustered.links.length,
      review: clustered.review.length,
      clusters: clusters.length,
      refusedByCannotLink: clustered.refused.cannot,
      refusedByClusterCheck: clustered.refused.check,
      trained: trained.trained,
      matchShareAmongCompared: trained.parameters.matchShareAmongCompared,
    },
  };
}

/** An identity already resolved, with the id of its resolved customer (cluster). */
export interface ResolvedIdentity {
  identity: NormalisedIdentity;
  clusterId: string;
}

/** A cluster touched by an incremental run. */
export interface IncrementalCluster {
  /** The existing cluster the members now belong to, or `null` for a new resolved customer. */
  clusterId: string | null;
  /** Other existing clusters merged into `clusterId` by this run. */
  mergedClusterIds: string[];
  /** All members (existing and new), existing first. */
  members: string[];
  /** The new identities among the members. */
  added: string[];
}

export interface IncrementalResult {
  links: IdentityLink[];
  review: IdentityLink[];
  clusters: IncrementalCluster[];
  stats: ResolveStats;
  model: IdentityModelSpec;
}

/**
 * Resolves new identities against existing clusters without a full rerun: only pairs with at least one new
 * identity are compared (the caller passes the existing identities its blocking keys — see
 * `modelBlockingKeys` — can reach, with their clusters), existing clusters start as formed, and the same
 * clustering (decisions, anti-chaining check) joins new identities to them, to each other, or, when a new
 * identity's evidence is strong on both sides, merges two existing clusters.
 */
export function resolveIncremental(
  newRecords: readonly NormalisedIdentity[],
  existing: readonly ResolvedIdentity[],
  model: IdentityModelSpec,
  decisions: readonly IdentityDecision[],
  options: ResolveOptions = {},
): IncrementalResult {
  checkModel(model);
  const records = [...existing.map((e) => e.identity), ...newRecords];
  uniqueIds(records);
  const progress = options.onProgress ?? (() => undefined);
  const prepared = new PreparedIdentities(records, model);
  const from = existing.length;
  const { pairs, perRule } = candidatePairs(prepared, {
    onlyTouching: from,
    acrossChannelsOnly: options.linkAcrossChannelsOnly,
  });
  const trained = ensureTrained(records, model, decisions, null, options);
  const scorer = new PairScorer(prepared, trained.model, trained.parameters);
  const scored = scoreCandidates(scorer, pairs, prepared.vectors(pairs, progress));
  const byCluster = new Map<string, number[]>();
  existing.forEach((e, i) => {
    const group = byCluster.get(e.clusterId);
    if (group) group.push(i);
    else byCluster.set(e.clusterId, [i]);
  });
  const clustered = clusterRecords(scorer, scored, decisions, [...byCluster.values()]);
  const ids = records.map((r) => r.id);
  const clusters: IncrementalCluster[] = [];
  for (const group of groupsOf(clustered.parent, ids)) {
    const added = group.filter((i) => i >= from);
    const existingIds = [...new Set(group.filter((i) => i < from).map((i) => existing[i].clusterId))];
    if (added.length === 0 && existingIds.length <= 1) continue;
    // The surviving id is the largest existing cluster's (ties: the smallest id), so merges are stable.
    existingIds.sort((x, y) => byCluster.get(y)!.length - byCluster.get(x)!.length || (x < y ? -1 : 1));
    clusters.push({
      clusterId: existingIds[0] ?? null,
      mergedClusterIds: existingIds.slice(1),
      members: group.map((i) => ids[i]),
      added: added.map((i) => ids[i]),
    });
  }
  return {
    links: clustered.links,
    review: clustered.review,
    clusters,
    model: trained.model,
    stats: {
      records: records.length,
      comparedPairs: pairs.length,
      perBlockingRule: perRule,
      links: clustered.links.length,
      review: clustered.review.length,
      clusters: clusters.length,
      refusedByCannotLink: clustered.refused.cannot,
      refusedByClusterCheck: clustered.refused.check,
      trained: trained.trained,
      matchShareAmongCompared: trained.parameters.matchShareAmongCompared,
    },
  };
}
