import { candidatePairs, channelCodes, NULL_LEVEL, PreparedIdentities, seededRandom } from "./compare-identities";
import { ComparisonSpec, IdentityField, IdentityModelSpec, ModelParameters } from "./identity-model";
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
  /** Precomputed candidate pairs and their blocking-rule bits (as from `candidatePairs`), to avoid blocking twice. */
  pairs?: Float64Array;
  pairRules?: Uint32Array;
  /** Linking sources rather than deduplicating: only pairs of different channels are compared or sampled. */
  acrossChannelsOnly?: boolean;
  /** The pairs' comparison vectors (`PreparedIdentities.vectors`), when the caller has them already. */
  vectors?: Int8Array;
  /** The records already prepared for this model (internal: saves preparing them twice). */
  prepared?: PreparedIdentities;
  /** Progress, for long runs. */
  onProgress?: (message: string) => void;
}

export interface TrainResult {
  model: IdentityModelSpec;
  stats: { iterations: number; converged: boolean; matchShareAmongCompared: number; comparedPairs: number };
}

// How many observations the unlabelled EM estimate of m counts for against labelled SAME pairs.
const LABEL_PRIOR_MASS = 50;
// A blocking rule selecting fewer pairs than this is too small an EM session.
const MIN_SESSION_PAIRS = 30;
// No level is impossible: a floor keeps one odd field (a moved house, a new surname) from vetoing a match.
const MIN_PROBABILITY = 1e-3;

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

interface Pattern {
  vector: Int8Array;
  count: number;
}

/** Distinct comparison vectors of the selected pairs with how many pairs have each. */
function patternsOf(vectors: Int8Array, width: number, base: number, select: (k: number) => boolean): Pattern[] {
  const patterns = new Map<number, Pattern>();
  const pairs = vectors.length / width;
  for (let k = 0; k < pairs; k++) {
    if (!select(k)) continue;
    // One number per distinct vector: its levels (+1 for "no value") in base `base`.
    let key = 0;
    for (let c = 0; c < width; c++) key = key * base + vectors[k * width + c] + 1;
    const existing = patterns.get(key);
    if (existing) existing.count++;
    else patterns.set(key, { vector: vectors.slice(k * width, (k + 1) * width), count: 1 });
  }
  return [...patterns.values()];
}

/**
 * Expectation–maximisation over patterns: the match share and m of the comparisons in `estimate` (the
 * others are left out of the likelihood, as blocking made them agree in both classes). u stays fixed.
 */
function expectationMaximisation(
  patterns: readonly Pattern[],
  m: number[][],
  u: readonly number[][],
  estimate: readonly boolean[],
  maxIterations: number,
  tolerance: number,
  estimateM = true,
  startShare = 0.1,
): { share: number; iterations: number; converged: boolean } {
  const width = m.length;
  let share = startShare;
  let iterations = 0;
  const mCounts = m.map((levels) => new Float64Array(levels.length));
  while (iterations < maxIterations) {
    iterations++;
    for (const counts of mCounts) counts.fill(0);
    let mass = 0;
    let matchMass = 0;
    for (const p of patterns) {
      let logOdds = Math.log(share) - Math.log(1 - share);
      for (let c = 0; c < width; c++) {
        const level = p.vector[c];
        if (level === NULL_LEVEL || !estimate[c]) continue;
        logOdds += Math.log(m[c][level]) - Math.log(u[c][level]);
      }
      const r = 1 / (1 + Math.exp(-logOdds));
      mass += p.count;
      matchMass += r * p.count;
      if (estimateM) {
        for (let c = 0; c < width; c++) {
          const level = p.vector[c];
          if (level !== NULL_LEVEL && estimate[c]) mCounts[c][level] += r * p.count;
        }
      }
    }
    let change = 0;
    if (estimateM) {
      for (let c = 0; c < width; c++) {
        if (!estimate[c]) continue;
        const total = mCounts[c].reduce((sum, x) => sum + x, 0);
        if (total <= 0) continue;
        for (let l = 0; l < m[c].length; l++) {
          const next = Math.max(MIN_PROBABILITY, mCounts[c][l] / total);
          change = Math.max(change, Math.abs(next - m[c][l]));
          m[c][l] = next;
        }
      }
    }
    const next = Math.min(1 - MIN_PROBABILITY, Math.max(MIN_PROBABILITY, matchMass / Math.max(1, mass)));
    change = Math.max(change, Math.abs(next - share));
    share = next;
    if (change < tolerance) return { share, iterations, converged: true };
  }
  return { share, iterations, converged: false };
}

// Fields a blocking key on `fullName` (sorted names) also fixes.
const FIELD_FAMILY: Partial<Record<IdentityField, IdentityField[]>> = {
  fullName: ["fullName", "givenName", "familyName"],
};

/** The fields a comparison reads: its own, and those its levels look at (swaps, `andField`, `otherField`). */
function comparisonFields(spec: ComparisonSpec): Set<IdentityField> {
  const fields = new Set<IdentityField>([spec.field]);
  for (const level of spec.levels) {
    if (level.kind === "swapped") fields.add(level.with);
    if (level.kind === "otherField") fields.add(level.field);
    if ((level.kind === "exact" || level.kind === "jaroWinkler") && level.andField) fields.add(level.andField);
  }
  return fields;
}

/**
 * Learns the Fellegi–Sunter parameters of a model from records, without labels: u from seeded random pairs
 * (the exact level from value frequencies), m by expectation–maximisation in one session per blocking rule,
 * as Splink does: within the pairs a rule selects, the comparisons on the rule's own fields agree for
 * matches and non-matches alike, so they are left out and the others are estimated; each comparison's m is
 * the mean over the sessions that estimated it. Last, the share of matches among all compared pairs is
 * estimated with m and u fixed. Labelled SAME pairs, when given, add their levels to m as observations.
 * EM runs over distinct comparison vectors with their counts, so it costs little next to comparing pairs.
 */
export function trainModel(
  records: readonly NormalisedIdentity[],
  model: IdentityModelSpec,
  labelledPairs: readonly LabelledPair[] = [],
  options: TrainOptions = {},
): TrainResult {
  const prepared =
    options.prepared && options.prepared.records === records && options.prepared.model === model
      ? options.prepared
      : new PreparedIdentities(records, model);
  const n = prepared.size;
  const width = prepared.columns.length;
  const progress = options.onProgress ?? (() => undefined);
  const { u, pairs: randomPairs } = estimateU(
    prepared,
    options.randomPairs ?? 60_000,
    options.seed ?? 1,
    options.acrossChannelsOnly ?? false,
  );
  progress(`u estimated from ${randomPairs} random pairs`);
  let pairs = options.pairs;
  let ruleBits = options.pairRules;
  if (!pairs || !ruleBits) {
    const blocked = candidatePairs(prepared, { acrossChannelsOnly: options.acrossChannelsOnly });
    pairs = blocked.pairs;
    ruleBits = blocked.rules;
  }
  const vectors = options.vectors ?? prepared.vectors(pairs);
  const base = Math.max(...prepared.columns.map((c) => c.spec.levels.length)) + 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;

  const fieldsOf = model.comparisons.map(comparisonFields);
  const sums = model.comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  const sessionsOf = new Array<number>(width).fill(0);
  let iterations = 0;
  let converged = true;
  const bits = ruleBits;
  model.blockingRules.forEach((rule, r) => {
    const bit = 1 << Math.min(r, 31);
    const patterns = patternsOf(vectors, width, base, (k) => (bits[k] & bit) !== 0);
    const selected = patterns.reduce((sum, p) => sum + p.count, 0);
    if (selected < MIN_SESSION_PAIRS) return;
    const fixed = new Set(rule.parts.flatMap((part) => FIELD_FAMILY[part.field] ?? [part.field]));
    const estimate = fieldsOf.map((fields) => ![...fields].some((f) => fixed.has(f)));
    if (!estimate.some((e) => e)) return;
    const m = prepared.columns.map((c) => initialM(c.spec.levels.length));
    const session = expectationMaximisation(patterns, m, u, estimate, maxIterations, tolerance);
    iterations += session.iterations;
    converged &&= session.converged;
    for (let c = 0; c < width; c++) {
      if (!estimate[c]) continue;
      sessionsOf[c]++;
      for (let l = 0; l < m[c].length; l++) sums[c][l] += m[c][l];
    }
    progress(
      `EM on "${rule.name}": ${selected} pairs, ${session.iterations} iterations, match share ${session.share.toFixed(4)}`,
    );
  });
  const m = prepared.columns.map((c, k) =>
    sessionsOf[k] > 0 ? sums[k].map((x) => x / sessionsOf[k]) : initialM(c.spec.levels.length),
  );

  // Labelled SAME pairs: their levels join m as observations against a prior mass for the EM estimate.
  const index = new Map(records.map((r, i) => [r.id, i]));
  const labelCounts = m.map((levels) => new Float64Array(levels.length));
  const vector = new Int8Array(width);
  for (const pair of labelledPairs) {
    const i = index.get(pair.a);
    const j = index.get(pair.b);
    if (pair.decision !== "SAME" || i === undefined || j === undefined || i === j) continue;
    prepared.levels(Math.min(i, j), Math.max(i, j), vector);
    for (let c = 0; c < width; c++) if (vector[c] !== NULL_LEVEL) labelCounts[c][vector[c]]++;
  }
  for (let c = 0; c < width; c++) {
    const labelled = labelCounts[c].reduce((sum, x) => sum + x, 0);
    if (labelled === 0) continue;
    m[c] = m[c].map((x, l) =>
      Math.max(MIN_PROBABILITY, (x * LABEL_PRIOR_MASS + labelCounts[c][l]) / (LABEL_PRIOR_MASS + labelled)),
    );
  }

  const all = patternsOf(vectors, width, base, () => true);
  const final = expectationMaximisation(
    all,
    m,
    u,
    new Array<boolean>(width).fill(true),
    maxIterations,
    tolerance,
    false,
  );
  const lambda = final.share;
  iterations += final.iterations;
  void n;
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
