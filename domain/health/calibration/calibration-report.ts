import { CategoricalFeature } from "./calibration-design";
import { ScoreModel } from "./calibration-weights";

/**
 * What to do with a concept whose higher values went with the bad outcome: KEEP the polarity it has
 * (it gets weight 0), or FOLLOW_DATA and read it reversed (1 − value) with the weight its effect earns.
 */
export type PolarityChoice = "KEEP" | "FOLLOW_DATA";

/**
 * A concept whose higher values went with the bad outcome: opposite to the polarity the model version
 * reads it with (its mappings' declared polarity, unless an earlier calibration reversed it).
 */
export interface PolarityConflict {
  concept: string;
  /** Its coefficient (> 0): the change in log-odds of the bad outcome per unit of its 0..1 value. */
  coefficient: number;
  standardizedCoefficient: number;
  /** The weight it gets when read reversed (polarity FOLLOW_DATA); with KEEP it gets 0. */
  weightIfReversed: number;
  /** The score's cross-validated AUC when only this concept is read reversed. */
  scoreCvAucIfReversed: number;
  /**
   * `scoreCvAucIfReversed` minus the score's AUC keeping every polarity: what weight 0 costs (negative
   * when reversing it would not help on held-out accounts).
   */
  aucCost: number;
}

/** One level of a categorical concept in a fit. */
export interface LevelCalibration {
  level: string;
  /** Labelled accounts with the level. */
  accounts: number;
  /** Its coefficient relative to the reference level (0 for the reference); null when it had no account. */
  coefficient: number | null;
  /** The value (0..1, 1 = best) the new version gives it. */
  value: number;
  /** False for a declared level no labelled account has: it gets the average value. */
  learned: boolean;
}

/** What calibration learned about one categorical concept. */
export interface CategoryCalibration {
  concept: string;
  /** The most common level, against which the others' coefficients are measured. */
  reference: string;
  /** The concept's weight: the gap between its levels' highest and lowest coefficients, normalised. */
  weight: number;
  /** Levels with accounts, most common first, then declared levels without accounts. */
  levels: LevelCalibration[];
}

/** The levels of the `k`-th usable feature, categorical `f`, as the chosen score model reads them. */
export function describeCategory(f: CategoricalFeature, chosen: ScoreModel, k: number): CategoryCalibration {
  const betas = chosen.levelCoefficients[k]!;
  const values = chosen.levelValues[k]!;
  const mean = chosen.means[k];
  return {
    concept: f.concept,
    reference: f.levels[0],
    weight: chosen.weights[k],
    levels: [
      ...f.levels.map((level, j) => ({
        level,
        accounts: f.counts[j],
        coefficient: betas[j],
        value: values[j],
        learned: chosen.learned[k]![j],
      })),
      ...f.absent.map((level) => ({ level, accounts: 0, coefficient: null, value: mean, learned: false })),
    ],
  };
}
