import { formatNumber } from "../../../ontology/bridge/format";
import { CategoricalFeature, Design } from "./calibration-design";
import { PolarityChoice } from "./calibration-report";
import { ScoreModel } from "./calibration-weights";
import { LogisticRegressionModel } from "./logistic-regression";

/** What the numbers of a calibration do not show, as sentences for its report. */

/** The notes on the final fit: imputation, constant concepts, polarity conflicts, categories, fallbacks. */
export function fitNotes(
  design: Design,
  usable: readonly number[],
  final: { model: LogisticRegressionModel },
  chosen: ScoreModel,
  polarity: PolarityChoice,
  keepingAuc: number,
  followingAuc: number,
): string[] {
  const notes: string[] = [];
  const { model } = final;
  let column = 0;
  usable.forEach((feature, k) => {
    const f = design.features[feature];
    const missing = (design.rows - f.count) / design.rows;
    if (f.kind === "CATEGORICAL") {
      column += f.levels.length - 1;
      notes.push(...categoryNotes(f, missing));
      return;
    }
    const j = column;
    column += 1;
    if (missing > 0) {
      notes.push(
        `${f.concept}: ${percent(missing)} of accounts had no value; the training mean ` +
          `${formatNumber(chosen.reversed[k] ? 1 - chosen.means[k] : chosen.means[k])} stood in for them ` +
          "(in cross-validation, the training folds' mean)",
      );
    }
    if (model.constant[j]) {
      notes.push(`${f.concept}: every account has the same value, so it cannot predict the outcome; it gets weight 0`);
    } else if (model.coefficients[j] > 0) {
      const went = `${f.concept}: higher values went with the bad outcome (coefficient ${formatNumber(model.coefficients[j])})`;
      notes.push(
        polarity === "FOLLOW_DATA"
          ? `${went}, so the new version reads it reversed (1 − value), with weight ${formatNumber(chosen.weights[k])}`
          : `${went}, so it gets weight 0 — a health score only rewards higher values; check the polarity of its ` +
              "mappings, or calibrate with polarity FOLLOW_DATA to read it reversed",
      );
    }
  });
  if (followingAuc !== keepingAuc) {
    notes.push(
      `the score's cross-validated AUC is ${formatNumber(keepingAuc)} keeping every concept's polarity and ` +
        `${formatNumber(followingAuc)} reading the concepts of opposite effect reversed (polarity FOLLOW_DATA)`,
    );
  }
  if (chosen.fallback) {
    notes.push("no concept's higher values went with the good outcome, so the weights fall back to equal");
  }
  if (!model.converged) {
    notes.push(`the regression did not converge in ${model.iterations} iterations; raise l2 or maxIterations`);
  }
  return notes;
}

function categoryNotes(f: CategoricalFeature, missing: number): string[] {
  const notes = [
    `${f.concept}: a category of ${f.levels.length} levels with accounts, each a feature of its own relative to the ` +
      `most common, "${f.levels[0]}"; the new version gives each level a value from 0 (the level that went with ` +
      "the bad outcome most) to 1",
  ];
  if (missing > 0) {
    notes.push(
      `${f.concept}: ${percent(missing)} of accounts had no level; each level's share of the training accounts ` +
        "stood in for them",
    );
  }
  if (f.absent.length > 0) {
    notes.push(
      `${f.concept}: no labelled account has the level${f.absent.length === 1 ? "" : "s"} ` +
        `${f.absent.map((level) => `"${level}"`).join(", ")}, so ${f.absent.length === 1 ? "it gets" : "they get"} ` +
        "the average value of the levels that have accounts",
    );
  }
  return notes;
}

function percent(share: number): string {
  return `${formatNumber(Math.round(share * 1000) / 10)}%`;
}
