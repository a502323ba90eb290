import { CalibrationError } from "./calibration.errors";

export interface LogisticRegressionOptions {
  /**
   * L2 penalty on the standardised coefficients, relative to the mean log-loss: the fit minimises
   * mean log-loss + l2/2 · Σβ². Default 1e-3: negligible for thousands of rows, enough to keep the fit
   * finite when a feature separates the outcomes. The intercept is not penalised.
   */
  l2?: number;
  /** Newton iterations at most; default 100 (a well-posed fit needs fewer than 15). */
  maxIterations?: number;
  /** Stop when half the Newton decrement (the expected decrease of the objective) is below this; default 1e-12. */
  tolerance?: number;
}

/** A fitted logistic regression: P(outcome = 1) = 1 / (1 + exp(−(intercept + Σ coefficients·x))). */
export interface LogisticRegressionModel {
  /** On the original scale of the features. */
  intercept: number;
  /** On the original scale: the change in log-odds per unit of each feature. */
  coefficients: number[];
  /** Per standard deviation of each feature: comparable across features (0 for constant features). */
  standardizedCoefficients: number[];
  /** Feature means and standard deviations used to standardise (1 for constant features). */
  means: number[];
  scales: number[];
  /** Features with no variation in the training rows; their coefficients are 0. */
  constant: boolean[];
  converged: boolean;
  iterations: number;
  /** Mean log-loss on the training rows. */
  logLoss: number;
}

export const DEFAULT_L2 = 1e-3;
const DEFAULT_MAX_ITERATIONS = 100;
const DEFAULT_TOLERANCE = 1e-12;
/** Keeps the intercept's row of the Hessian positive when the fitted probabilities saturate. */
const INTERCEPT_RIDGE = 1e-12;

/*
 * Module-level bindings: in the hot loops, looking up the globals `Math` and `Number` is several times slower where code runs in
 * a VM context with intercepted globals (Jest, for one).
 */
const exp = Math.exp;
const log1p = Math.log1p;
const isFiniteNumber = Number.isFinite;

/**
 * Fits an L2-regularised logistic regression with Newton's method (iteratively reweighted least squares)
 * and a backtracking line search, on standardised features. Deterministic: same data, same numbers.
 * Rows are feature vectors of equal length; outcomes are 0 or 1.
 *
 * @throws CalibrationError INVALID_TRAINING_DATA for ragged rows, non-finite values or other outcomes;
 *   TOO_FEW_OUTCOMES when only one outcome occurs (the intercept would run to infinity).
 */
export function fitLogisticRegression(
  rows: ReadonlyArray<ArrayLike<number>>,
  outcomes: ArrayLike<number>,
  options: LogisticRegressionOptions = {},
): LogisticRegressionModel {
  const width = rows.length === 0 ? 0 : rows[0].length;
  const columns = Array.from({ length: width }, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    if (row.length !== width) {
      throw new CalibrationError(
        "INVALID_TRAINING_DATA",
        `every row needs ${width} features (as many as the first); row ${i} has ${row.length}`,
      );
    }
    for (let j = 0; j < width; j += 1) columns[j][i] = row[j];
  });
  return fitLogisticRegressionColumns(columns, outcomes, options);
}

/**
 * {@link fitLogisticRegression} on features given column by column, optionally on a subset of the rows
 * (`rows`: indices), so cross-validation can fit each fold without copying the data.
 */
export function fitLogisticRegressionColumns(
  columns: ReadonlyArray<ArrayLike<number>>,
  outcomes: ArrayLike<number>,
  options: LogisticRegressionOptions & { rows?: ArrayLike<number> } = {},
): LogisticRegressionModel {
  const l2 = options.l2 ?? DEFAULT_L2;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  checkOption("l2", l2, l2 >= 0);
  checkOption("maxIterations", maxIterations, Number.isInteger(maxIterations) && maxIterations >= 1);
  checkOption("tolerance", tolerance, tolerance > 0);

  const rowIndex = options.rows ?? Int32Array.from({ length: outcomes.length }, (_, i) => i);
  const n = rowIndex.length;
  const p = columns.length;
  const y = new Float64Array(n);
  let positives = 0;
  for (let i = 0; i < n; i += 1) {
    const outcome = outcomes[rowIndex[i]];
    if (outcome !== 0 && outcome !== 1) {
      throw new CalibrationError(
        "INVALID_TRAINING_DATA",
        `outcomes must be 0 or 1; row ${rowIndex[i]} has ${String(outcome)}`,
      );
    }
    y[i] = outcome;
    positives += outcome;
  }
  if (positives === 0 || positives === n) {
    throw new CalibrationError(
      "TOO_FEW_OUTCOMES",
      `a logistic regression needs rows of both outcomes; received ${positives} with outcome 1 and ${n - positives} with outcome 0`,
    );
  }

  const { means, scales, constant } = standardisation(columns, rowIndex);
  const active = constant.flatMap((isConstant, j) => (isConstant ? [] : [j]));
  const q = active.length;
  const d = q + 1;
  // Row-major standardised design without the intercept column: z[i * q + k].
  const z = new Float64Array(n * q);
  for (let k = 0; k < q; k += 1) {
    const j = active[k];
    const column = columns[j];
    for (let i = 0; i < n; i += 1) z[i * q + k] = (column[rowIndex[i]] - means[j]) / scales[j];
  }

  const theta = new Float64Array(d);
  const rate = positives / n;
  theta[0] = Math.log(rate / (1 - rate));
  const eta = new Float64Array(n);
  linearPredictor(z, q, theta, eta);
  let objective = penalisedLoss(eta, y, theta, l2);

  const gradient = new Float64Array(d);
  const hessian = new Float64Array(d * d);
  const candidate = new Float64Array(d);
  const candidateEta = new Float64Array(n);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations += 1;
    gradientAndHessian(z, q, y, eta, theta, l2, gradient, hessian);
    const step = solveSymmetric(hessian, gradient, d);
    let decrement = 0;
    for (let k = 0; k < d; k += 1) decrement += gradient[k] * step[k];
    if (decrement / 2 < tolerance) {
      converged = true;
      break;
    }
    let accepted = false;
    for (let t = 1, halvings = 0; halvings < 60; t /= 2, halvings += 1) {
      for (let k = 0; k < d; k += 1) candidate[k] = theta[k] - t * step[k];
      linearPredictor(z, q, candidate, candidateEta);
      const next = penalisedLoss(candidateEta, y, candidate, l2);
      // Armijo condition: a sufficient share of the predicted decrease.
      if (next <= objective - 1e-4 * t * decrement) {
        theta.set(candidate);
        eta.set(candidateEta);
        objective = next;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      // No step decreases the objective any more: it is at its minimum to floating-point precision.
      converged = decrement < 1e-8;
      break;
    }
  }

  const standardizedCoefficients = new Array<number>(p).fill(0);
  const coefficients = new Array<number>(p).fill(0);
  let intercept = theta[0];
  active.forEach((j, k) => {
    standardizedCoefficients[j] = theta[k + 1];
    coefficients[j] = theta[k + 1] / scales[j];
    intercept -= (theta[k + 1] * means[j]) / scales[j];
  });
  let penalty = 0;
  for (let k = 1; k < d; k += 1) penalty += theta[k] * theta[k];
  return {
    intercept,
    coefficients,
    standardizedCoefficients,
    means,
    scales,
    constant,
    converged,
    iterations,
    logLoss: objective - (l2 / 2) * penalty,
  };
}

/** The log-odds of outcome 1 for one feature vector. */
export function predictLogit(model: LogisticRegressionModel, features: ArrayLike<number>): number {
  let eta = model.intercept;
  for (let j = 0; j < model.coefficients.length; j += 1) eta += model.coefficients[j] * features[j];
  return eta;
}

function standardisation(
  columns: ReadonlyArray<ArrayLike<number>>,
  rows: ArrayLike<number>,
): { means: number[]; scales: number[]; constant: boolean[] } {
  const n = rows.length;
  const means: number[] = [];
  const scales: number[] = [];
  const constant: boolean[] = [];
  columns.forEach((column, j) => {
    let sum = 0;
    for (let i = 0; i < n; i += 1) {
      const value = column[rows[i]];
      if (!isFiniteNumber(value)) {
        throw new CalibrationError(
          "INVALID_TRAINING_DATA",
          `feature ${j} of row ${rows[i]} is ${String(value)}; impute missing values before fitting`,
        );
      }
      sum += value;
    }
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i += 1) {
      const deviation = column[rows[i]] - mean;
      squares += deviation * deviation;
    }
    const sd = Math.sqrt(squares / n);
    const isConstant = !(sd > 1e-12 * Math.max(1, Math.abs(mean)));
    means.push(mean);
    scales.push(isConstant ? 1 : sd);
    constant.push(isConstant);
  });
  return { means, scales, constant };
}

function linearPredictor(z: Float64Array, q: number, theta: Float64Array, eta: Float64Array): void {
  const n = eta.length;
  for (let i = 0; i < n; i += 1) {
    let value = theta[0];
    const offset = i * q;
    for (let k = 0; k < q; k += 1) value += theta[k + 1] * z[offset + k];
    eta[i] = value;
  }
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

function penalisedLoss(eta: Float64Array, y: Float64Array, theta: Float64Array, l2: number): number {
  const n = eta.length;
  let loss = 0;
  for (let i = 0; i < n; i += 1) loss += softplus(eta[i]) - y[i] * eta[i];
  let penalty = 0;
  for (let k = 1; k < theta.length; k += 1) penalty += theta[k] * theta[k];
  return loss / n + (l2 / 2) * penalty;
}

/** Gradient and Hessian of the penalised mean log-loss; the Hessian is filled symmetric. */
function gradientAndHessian(
  z: Float64Array,
  q: number,
  y: Float64Array,
  eta: Float64Array,
  theta: Float64Array,
  l2: number,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const n = eta.length;
  const d = q + 1;
  gradient.fill(0);
  hessian.fill(0);
  for (let i = 0; i < n; i += 1) {
    const probability = sigmoid(eta[i]);
    const residual = probability - y[i];
    const weight = probability * (1 - probability);
    const offset = i * q;
    gradient[0] += residual;
    hessian[0] += weight;
    for (let a = 0; a < q; a += 1) {
      const za = z[offset + a];
      gradient[a + 1] += residual * za;
      const wa = weight * za;
      const row = (a + 1) * d;
      hessian[row] += wa;
      // Lower triangle only; mirrored below.
      for (let b = 0; b <= a; b += 1) hessian[row + b + 1] += wa * z[offset + b];
    }
  }
  for (let a = 0; a < d; a += 1) {
    gradient[a] /= n;
    for (let b = 0; b <= a; b += 1) {
      const value = hessian[a * d + b] / n;
      hessian[a * d + b] = value;
      hessian[b * d + a] = value;
    }
  }
  hessian[0] += INTERCEPT_RIDGE;
  for (let a = 1; a < d; a += 1) {
    gradient[a] += l2 * theta[a];
    hessian[a * d + a] += l2;
  }
}

/**
 * Solves H x = g for a symmetric positive definite H (d × d, row-major) by Cholesky decomposition. If
 * rounding makes H indefinite, a growing ridge is added until it is not.
 */
function solveSymmetric(h: Float64Array, g: Float64Array, d: number): Float64Array {
  for (let ridge = 0; ridge <= 1e6; ridge = ridge === 0 ? 1e-10 : ridge * 10) {
    const l = cholesky(h, d, ridge);
    if (l === null) continue;
    const x = new Float64Array(d);
    for (let i = 0; i < d; i += 1) {
      let sum = g[i];
      for (let k = 0; k < i; k += 1) sum -= l[i * d + k] * x[k];
      x[i] = sum / l[i * d + i];
    }
    for (let i = d - 1; i >= 0; i -= 1) {
      let sum = x[i];
      for (let k = i + 1; k < d; k += 1) sum -= l[k * d + i] * x[k];
      x[i] = sum / l[i * d + i];
    }
    return x;
  }
  throw new Error("the Newton system is not positive definite even with a large ridge; the features are not finite");
}

function cholesky(h: Float64Array, d: number, ridge: number): Float64Array | null {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = h[i * d + j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k += 1) sum -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * d + i] = Math.sqrt(sum);
      } else {
        l[i * d + j] = sum / l[j * d + j];
      }
    }
  }
  return l;
}

function checkOption(name: string, value: number, valid: boolean): void {
  if (!Number.isFinite(value) || !valid) {
    throw new CalibrationError(
      "INVALID_OPTION",
      `${name} is ${String(value)}; see LogisticRegressionOptions for its range`,
    );
  }
}
