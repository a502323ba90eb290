import { candidatePairs, channelCodes, NULL_LEVEL, PreparedIdentities, seededRandom } from "./compare-identities";
import { IdentityModelSpec, ModelParameters } from "./identity-model";
import { NormalisedIdentity } from "./normalise-identity";

/** A pair a person labelled (by identity id). */
export interface LabelledPair {
  a: string;
  b: string;
  decision: "SAME" | "DIFFERENT";
}

export interface TrainOptions {
  /** Seed of the random pairs u is estimated from (default 1). */
  seed?: number;
  /** How many random pairs estimate u (default 60,000, or all pairs of a small set). */
  randomPairs?: number;
  /** EM stops after this many iterations (default 100) or when no m moves by more than `tolerance`. */
  maxIterations?: number;
  tolerance?: number;
  /** Precomputed candidate pairs (as from `candidatePairs`), to avoid blocking twice. */
  pairs?: Float64Array;
  /** Linking sources rather than deduplicating: only pairs of different channels are compared or sampled. */
  acrossChannelsOnly?: boolean;
  /** The pairs' comparison vectors (`PreparedIdentities.vectors`), when the caller has them already. */
  vectors?: Int8Array;
  /** Progress, for long runs. */
  onProgress?: (message: string) => void;
}

export interface TrainResult {
  model: IdentityModelSpec;
  stats: { iterations: number; converged: boolean; matchShareAmongCompared: number; comparedPairs: number };
}

// How much one labelled pair counts against the unlabelled ones in the M step.
const LABEL_WEIGHT = 10;
const MIN_PROBABILITY = 1e-6;

/**
 * u per comparison level: how often two random records (non-matches, almost surely) meet each level. The
 * exact level is computed from the value frequencies where it can be (exactly, see `exactAgreementShare`);
 * the other levels share the rest as in a seeded sample of random pairs.
 */
function estimateU(
  prepared: PreparedIdentities,
  sample: number,
  seed: number,
  acrossChannelsOnly: boolean,
): { u: number[][]; pairs: number } {
  const channels = acrossChannelsOnly ? channelCodes(prepared.records) : null;
  const n = prepared.size;
  const columns = prepared.columns;
  const counts = columns.map((c) => new Float64Array(c.spec.levels.length));
  const vector = new Int8Array(columns.length);
  const all = (n * (n - 1)) / 2;
  let drawn = 0;
  const count = (i: number, j: number): void => {
    if (channels && channels[i] === channels[j]) return;
    prepared.levels(i, j, vector);
    for (let c = 0; c < columns.length; c++) if (vector[c] !== NULL_LEVEL) counts[c][vector[c]]++;
    drawn++;
  };
  if (all <= sample) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) count(i, j);
  } else {
    const random = seededRandom(seed);
    for (let k = 0; k < sample * 4 && drawn < sample; k++) {
      const i = Math.floor(random() * n);
      let j = Math.floor(random() * (n - 1));
      if (j >= i) j++;
      count(i, j);
    }
  }
  const u = counts.map((levelCounts, c) => {
    const exact = channels ? null : prepared.exactAgreementShare(c);
    if (exact !== null) {
      // Levels below exact share the remainder in the sample's proportions (half a pair of smoothing each).
      let rest = 0;
      for (let l = 1; l < levelCounts.length; l++) rest += levelCounts[l] + 0.5;
      return Array.from(levelCounts, (x, l) => (l === 0 ? Math.max(exact, 1e-9) : ((1 - exact) * (x + 0.5)) / rest));
    }
    // Add-half smoothing: a level never seen among random pairs gets a small u rather than zero.
    const total = levelCounts.reduce((s, x) => s + x, 0);
    return Array.from(levelCounts, (x) => (x + 0.5) / (total + 0.5 * levelCounts.length));
  });
  return { u, pairs: drawn };
}

/** A first guess of m: agreement levels likely among matches, falling off level by level. */
function initialM(levels: number): number[] {
  const raw = Array.from({ length: levels }, (_, k) => (k === levels - 1 ? 0.05 : Math.pow(0.3, k)));
  const total = raw.reduce((s, x) => s + x, 0);
  return raw.map((x) => x / total);
}

/**
 * Learns the Fellegi–Sunter parameters of a model from records: u from random pairs (seeded), m and the
 * share of matches among compared pairs by expectation–maximisation over the blocked pairs' comparison
 * vectors (no labels needed). Labelled pairs, when given, join the M step with their known class. EM runs
 * over distinct comparison vectors with their counts, so it costs nothing next to comparing the pairs.
 */
export function trainModel(
  records: readonly NormalisedIdentity[],
  model: IdentityModelSpec,
  labelledPairs: readonly LabelledPair[] = [],
  options: TrainOptions = {},
): TrainResult {
  const prepared = new PreparedIdentities(records, model);
  const n = prepared.size;
  const columns = prepared.columns.length;
  const progress = options.onProgress ?? (() => undefined);
  const { u, pairs: randomPairs } = estimateU(
    prepared,
    options.randomPairs ?? 60_000,
    options.seed ?? 1,
    options.acrossChannelsOnly ?? false,
  );
  progress(`u estimated from ${randomPairs} random pairs`);
  const pairs = options.pairs ?? candidatePairs(prepared, { acrossChannelsOnly: options.acrossChannelsOnly }).pairs;

  // Distinct comparison vectors and how many pairs have each.
  const patterns = new Map<number, { vector: Int8Array; count: number; label: number }>();
  const base = Math.max(...prepared.columns.map((c) => c.spec.levels.length)) + 1;
  const vectors = options.vectors ?? prepared.vectors(pairs);
  let vector: Int8Array = new Int8Array(columns);
  const add = (i: number, j: number, label: number, weight: number, k = -1): void => {
    if (k >= 0) vector = vectors.subarray(k * columns, (k + 1) * columns);
    else {
      vector = new Int8Array(columns);
      prepared.levels(i, j, vector);
    }
    // A number per distinct vector and label: levels (+1 for "no value") in base `base`.
    let key = label + 1;
    for (let c = 0; c < columns; c++) key = key * base + vector[c] + 1;
    const existing = patterns.get(key);
    if (existing) existing.count += weight;
    else patterns.set(key, { vector: vector.slice(), count: weight, label });
  };
  for (let k = 0; k < pairs.length; k++) {
    const i = Math.floor(pairs[k] / n);
    add(i, pairs[k] - i * n, -1, 1, k);
  }
  const index = new Map(records.map((r, i) => [r.id, i]));
  for (const pair of labelledPairs) {
    const i = index.get(pair.a);
    const j = index.get(pair.b);
    if (i === undefined || j === undefined || i === j) continue;
    add(i, j, pair.decision === "SAME" ? 1 : 0, LABEL_WEIGHT);
  }
  progress(`${pairs.length} compared pairs, ${patterns.size} distinct comparison vectors`);

  const list = [...patterns.values()];
  const m = prepared.columns.map((c) => initialM(c.spec.levels.length));
  let lambda = 0.1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  let iterations = 0;
  let converged = false;
  const mCounts = prepared.columns.map((c) => new Float64Array(c.spec.levels.length));
  while (iterations < maxIterations) {
    iterations++;
    for (const counts of mCounts) counts.fill(0);
    let matchMass = 0;
    let unlabelledMass = 0;
    let unlabelledMatchMass = 0;
    for (const p of list) {
      let r: number;
      if (p.label >= 0) r = p.label;
      else {
        let logM = Math.log(lambda);
        let logU = Math.log(1 - lambda);
        for (let c = 0; c < columns; c++) {
          const level = p.vector[c];
          if (level === NULL_LEVEL) continue;
          logM += Math.log(m[c][level]);
          logU += Math.log(u[c][level]);
        }
        r = 1 / (1 + Math.exp(logU - logM));
        unlabelledMass += p.count;
        unlabelledMatchMass += r * p.count;
      }
      matchMass += r * p.count;
      for (let c = 0; c < columns; c++) {
        const level = p.vector[c];
        if (level !== NULL_LEVEL) mCounts[c][level] += r * p.count;
      }
    }
    let change = 0;
    for (let c = 0; c < columns; c++) {
      const total = mCounts[c].reduce((s, x) => s + x, 0);
      if (total <= 0) continue;
      for (let l = 0; l < m[c].length; l++) {
        const next = Math.max(MIN_PROBABILITY, mCounts[c][l] / total);
        change = Math.max(change, Math.abs(next - m[c][l]));
        m[c][l] = next;
      }
    }
    const nextLambda = Math.min(
      1 - MIN_PROBABILITY,
      Math.max(MIN_PROBABILITY, unlabelledMass > 0 ? unlabelledMatchMass / unlabelledMass : matchMass / 1),
    );
    change = Math.max(change, Math.abs(nextLambda - lambda));
    lambda = nextLambda;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  progress(`EM: ${iterations} iterations${converged ? ", converged" : ""}, match share ${lambda.toFixed(4)}`);
  const parameters: ModelParameters = {
    matchShareAmongCompared: lambda,
    comparisons: prepared.columns.map((c, k) => ({ name: c.spec.name, m: m[k], u: u[k] })),
    iterations,
    converged,
    randomPairs,
    comparedPairs: pairs.length,
  };
  return {
    model: { ...model, parameters },
    stats: { iterations, converged, matchShareAmongCompared: lambda, comparedPairs: pairs.length },
  };
}
