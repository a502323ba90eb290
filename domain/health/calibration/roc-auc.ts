import { CalibrationError } from "./calibration.errors";

/**
 * The area under the ROC curve of `scores` for predicting `outcomes` (1 = the event, e.g. churned;
 * higher score = more likely): the probability that a random account with outcome 1 scores higher than a
 * random one with outcome 0, ties counting one half. Computed from ranks (Mann–Whitney U) with tied
 * scores sharing their mean rank, in O(n log n).
 *
 * @throws CalibrationError INVALID_TRAINING_DATA for mismatched lengths, non-finite scores or outcomes
 *   other than 0 and 1; TOO_FEW_OUTCOMES when one outcome is absent (the AUC is then undefined).
 */
export function rocAuc(scores: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  const n = scores.length;
  if (outcomes.length !== n) {
    throw new CalibrationError(
      "INVALID_TRAINING_DATA",
      `ROC AUC needs one outcome per score; received ${n} scores and ${outcomes.length} outcomes`,
    );
  }
  let positives = 0;
  for (let i = 0; i < n; i += 1) {
    if (!Number.isFinite(scores[i])) {
      throw new CalibrationError("INVALID_TRAINING_DATA", `ROC AUC needs finite scores; score ${i} is ${scores[i]}`);
    }
    if (outcomes[i] !== 0 && outcomes[i] !== 1) {
      throw new CalibrationError(
        "INVALID_TRAINING_DATA",
        `ROC AUC needs outcomes 0 or 1; outcome ${i} is ${String(outcomes[i])}`,
      );
    }
    positives += outcomes[i];
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) {
    throw new CalibrationError(
      "TOO_FEW_OUTCOMES",
      `ROC AUC needs accounts of both outcomes; received ${positives} with outcome 1 and ${negatives} with outcome 0`,
    );
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end += 1;
    // Ranks start..end-1 (0-based) are tied; each gets their mean, 1-based.
    const meanRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k += 1) positiveRankSum += outcomes[order[k]] * meanRank;
    start = end;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
