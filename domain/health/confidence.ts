/**
 * Below this confidence (the share of the model's weight that had data) a score rests on too little data
 * to act on: it is flagged `lowConfidence`, and `atRiskAccounts` leaves it out unless asked otherwise. At
 * 0.3, a RED grade needs signals behind nearly a third of the model; demo accounts with one or two
 * signals (confidence 0.06–0.11) no longer top the at-risk list.
 */
export const LOW_CONFIDENCE_BELOW = 0.3;

/** Whether a score's confidence is too low to act on (see {@link LOW_CONFIDENCE_BELOW}). */
export function isLowConfidence(confidence: number): boolean {
  return !(confidence >= LOW_CONFIDENCE_BELOW);
}
