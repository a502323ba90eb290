import { obrienFlemingBoundaries } from "./alpha-spending";
import { rateOf, TwoArms } from "./arm-counts";
import { chooseTest, minExpectedCellCount, SignificanceTest } from "./choose-test";
import { fisherExactTest } from "./fisher-exact-test";
import { katzRelativeLiftInterval } from "./katz-risk-ratio-interval";
import { newcombeDifferenceInterval } from "./newcombe-difference-interval";
import { normalQuantile } from "./normal-distribution";
import { twoProportionZTest } from "./two-proportion-z-test";
import { Interval } from "./wilson-interval";

export const EXPERIMENT_VERDICTS = [
  "NOT_ENOUGH_DATA",
  "SIGNIFICANT_LIFT",
  "SIGNIFICANT_DROP",
  "NO_SIGNIFICANT_DIFFERENCE",
] as const;
export type ExperimentVerdict = (typeof EXPERIMENT_VERDICTS)[number];

/** The overall two-sided significance level, and the confidence of every interval (1 − α). */
export const SIGNIFICANCE_LEVEL = 0.05;

/** Below this many units in an arm no verdict is given (the test would have almost no power). */
export const DEFAULT_MINIMUM_PER_ARM = 10;

/** When the analysis is done, in the experiment's own time. */
export interface AnalysisMoment {
  /** The horizon has passed: the final (or only) analysis. */
  horizonPassed: boolean;
  /** Elapsed share of the time from start to horizon, 0..1 (looks before the horizon are timed by it). */
  elapsedFraction: number;
}

/** How the experiment is analysed: a fixed horizon, or interim looks with an alpha-spending bound. */
export interface AnalysisPlan {
  minimumPerArm: number;
  /**
   * Interim looks as shares of the time to the horizon, increasing, each in (0, 1); the horizon is the
   * final look. Empty: a fixed-horizon test, no verdict before the horizon.
   */
  interimLooks: readonly number[];
}

export interface ArmResult {
  n: number;
  successes: number;
  /** null for an empty arm. */
  rate: number | null;
}

/** The look whose bound the verdict used. */
export interface AppliedBound {
  /** 1-based; the horizon is the last look. */
  look: number;
  looks: number;
  informationFraction: number;
  /** Reject equal rates when the p-value is at most this. */
  nominalAlpha: number;
}

/** What a report says about an experiment's primary outcome. */
export interface ExperimentAnalysis {
  control: ArmResult;
  treatment: ArmResult;
  /** Treatment rate − control rate. */
  absoluteLift: number | null;
  absoluteLiftInterval: Interval | null;
  /** Treatment rate ÷ control rate − 1; null when the control rate is 0. */
  relativeLift: number | null;
  relativeLiftInterval: Interval | null;
  test: SignificanceTest | null;
  pValue: number | null;
  minExpectedCellCount: number;
  /** The bound applied, or null when no test was judged (not enough data yet). */
  bound: AppliedBound | null;
  verdict: ExperimentVerdict;
  /** The verdict in plain language, with its numbers. */
  summary: string;
}

const Z_95 = normalQuantile(1 - SIGNIFICANCE_LEVEL / 2);

function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

function points(value: number): string {
  return `${value >= 0 ? "+" : "−"}${Math.abs(value * 100).toFixed(1)}`;
}

function formatP(p: number): string {
  return p < 0.0001 ? "p < 0.0001" : `p = ${p.toFixed(4)}`;
}

const TEST_NAMES: Record<SignificanceTest, string> = {
  Z_TEST: "two-proportion z-test",
  FISHER_EXACT: "Fisher's exact test",
};

/** The bound that applies now, or null when no look has been reached. */
function boundNow(plan: AnalysisPlan, moment: AnalysisMoment): AppliedBound | null {
  const fractions = [...plan.interimLooks, 1];
  if (plan.interimLooks.length === 0) {
    return moment.horizonPassed
      ? { look: 1, looks: 1, informationFraction: 1, nominalAlpha: SIGNIFICANCE_LEVEL }
      : null;
  }
  const boundaries = obrienFlemingBoundaries(fractions, SIGNIFICANCE_LEVEL);
  const reached = moment.horizonPassed
    ? boundaries.length - 1
    : boundaries.findLastIndex((b) => b.informationFraction <= moment.elapsedFraction && b.informationFraction < 1);
  if (reached < 0) return null;
  const b = boundaries[reached]!;
  return {
    look: reached + 1,
    looks: boundaries.length,
    informationFraction: b.informationFraction,
    nominalAlpha: b.nominalAlpha,
  };
}

/**
 * The report of a two-arm experiment: rates, the absolute lift with Newcombe's hybrid score interval, the
 * relative lift with the Katz log risk-ratio interval (both 95%), the test the counts call for (Fisher's
 * exact test when an expected cell count is below 5, else the z-test), and the verdict.
 *
 * The verdict is "not enough data yet" while an arm has fewer than the plan's minimum of units, before the
 * horizon of a fixed-horizon plan, and, with interim looks, before the first look or while no
 * O'Brien–Fleming bound has been crossed before the horizon. At the horizon (or at a crossed bound) it is
 * a significant lift or drop, or no significant difference. Intervals are the plain 95% ones, not widened
 * for interim looks (docs/mpu-experiments.md).
 */
export function analyseExperiment(arms: TwoArms, plan: AnalysisPlan, moment: AnalysisMoment): ExperimentAnalysis {
  const controlRate = rateOf(arms.control);
  const treatmentRate = rateOf(arms.treatment);
  const bothArms = arms.control.n > 0 && arms.treatment.n > 0;
  const absoluteLift = controlRate !== null && treatmentRate !== null ? treatmentRate - controlRate : null;
  const relativeLift =
    controlRate !== null && treatmentRate !== null && controlRate > 0 ? treatmentRate / controlRate - 1 : null;
  const test = bothArms ? chooseTest(arms) : null;
  const pValue =
    test === null ? null : test === "Z_TEST" ? twoProportionZTest(arms).pValue : fisherExactTest(arms).pValue;
  const base = {
    control: { ...arms.control, rate: controlRate },
    treatment: { ...arms.treatment, rate: treatmentRate },
    absoluteLift,
    absoluteLiftInterval: bothArms ? newcombeDifferenceInterval(arms, Z_95) : null,
    relativeLift,
    relativeLiftInterval: katzRelativeLiftInterval(arms, Z_95),
    test,
    pValue,
    minExpectedCellCount: minExpectedCellCount(arms),
  };
  const numbers = describeNumbers(base);

  const smallest = Math.min(arms.control.n, arms.treatment.n);
  if (smallest < plan.minimumPerArm || pValue === null || test === null) {
    return {
      ...base,
      bound: null,
      verdict: "NOT_ENOUGH_DATA",
      summary:
        `Not enough data yet: an arm has ${smallest} unit${smallest === 1 ? "" : "s"}, fewer than the ` +
        `${plan.minimumPerArm} needed for a verdict. ${numbers}`,
    };
  }
  const bound = boundNow(plan, moment);
  if (bound === null) {
    return {
      ...base,
      bound: null,
      verdict: "NOT_ENOUGH_DATA",
      summary:
        plan.interimLooks.length === 0
          ? `Not enough data yet: this is a fixed-horizon test, judged once its horizon has passed. ${numbers}`
          : `Not enough data yet: the first interim look is at ${percent(plan.interimLooks[0]!, 0)} of the time ` +
            `to the horizon. ${numbers}`,
    };
  }
  const testLine = `Tested with the ${TEST_NAMES[test]}, ${formatP(pValue)}`;
  if (pValue <= bound.nominalAlpha) {
    const lift = (absoluteLift ?? 0) > 0;
    const where =
      bound.looks === 1
        ? ""
        : ` at look ${bound.look} of ${bound.looks} (O'Brien–Fleming bound p ≤ ${bound.nominalAlpha.toPrecision(3)})`;
    return {
      ...base,
      bound,
      verdict: lift ? "SIGNIFICANT_LIFT" : "SIGNIFICANT_DROP",
      summary: `Significant ${lift ? "lift" : "drop"}${where}: ${numbers} ${testLine}.`,
    };
  }
  if (!moment.horizonPassed) {
    return {
      ...base,
      bound,
      verdict: "NOT_ENOUGH_DATA",
      summary:
        `Not enough data yet: look ${bound.look} of ${bound.looks} did not cross its O'Brien–Fleming bound ` +
        `(p ≤ ${bound.nominalAlpha.toPrecision(3)}); the test continues to the horizon. ${numbers} ${testLine}.`,
    };
  }
  return {
    ...base,
    bound,
    verdict: "NO_SIGNIFICANT_DIFFERENCE",
    summary: `No significant difference: ${numbers} ${testLine}.`,
  };
}

function describeNumbers(a: {
  control: ArmResult;
  treatment: ArmResult;
  absoluteLift: number | null;
  absoluteLiftInterval: Interval | null;
  relativeLift: number | null;
  relativeLiftInterval: Interval | null;
}): string {
  const arm = (name: string, r: ArmResult) =>
    `${name} ${r.rate === null ? "no units" : `${percent(r.rate)} (${r.successes}/${r.n})`}`;
  const parts = [`${arm("treatment", a.treatment)} vs ${arm("control", a.control)}`];
  if (a.absoluteLift !== null && a.absoluteLiftInterval !== null) {
    parts.push(
      `lift ${points(a.absoluteLift)} points (95% CI ${points(a.absoluteLiftInterval.lower)} to ` +
        `${points(a.absoluteLiftInterval.upper)})`,
    );
  }
  if (a.relativeLift !== null) {
    parts.push(
      `relative ${points(a.relativeLift)}%` +
        (a.relativeLiftInterval === null
          ? ""
          : ` (95% CI ${points(a.relativeLiftInterval.lower)}% to ${points(a.relativeLiftInterval.upper)}%)`),
    );
  }
  return `${parts.join("; ")}.`;
}
