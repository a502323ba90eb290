import { OpportunityStage } from "../records";

export const EXPERIMENT_OUTCOME_KINDS = [
  "OPPORTUNITY_WON",
  "STAGE_REACHED",
  "MPU_USE_SUCCEEDED",
  "SIGNAL_OBSERVED",
] as const;
/**
 * What counts as a success for a unit, between the experiment's start and its horizon:
 * - OPPORTUNITY_WON: the opportunity (for an account: one of its opportunities) reached CLOSED_WON;
 * - STAGE_REACHED: it reached `stage` or a later stage of the pipeline ({@link stagesCountingFor});
 * - MPU_USE_SUCCEEDED: a use of the experiment's unit on it succeeded;
 * - SIGNAL_OBSERVED: a signal of source field `field` about the account (an opportunity's account) was observed.
 */
export type ExperimentOutcomeKind = (typeof EXPERIMENT_OUTCOME_KINDS)[number];

export interface ExperimentOutcome {
  kind: ExperimentOutcomeKind;
  /** For STAGE_REACHED only. */
  stage: OpportunityStage | null;
  /** For SIGNAL_OBSERVED only. */
  field: string | null;
}

/** The open stages in pipeline order; CLOSED_WON follows the last, CLOSED_LOST follows none. */
const PIPELINE: readonly OpportunityStage[] = ["PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON"];

/**
 * The stages whose first arrival shows that `stage` was reached: the stage itself and every later one of
 * the pipeline (a deal that jumps from QUALIFICATION to NEGOTIATION went past PROPOSAL). CLOSED_LOST proves
 * only itself, and no other stage proves it.
 */
export function stagesCountingFor(stage: OpportunityStage): OpportunityStage[] {
  const at = PIPELINE.indexOf(stage);
  return at < 0 ? [stage] : PIPELINE.slice(at);
}
