import { OpportunityStage } from "../records";
import { ExperimentOutcome } from "./experiment-outcome";

export const EXPERIMENT_UNIT_KINDS = ["ACCOUNT", "OPPORTUNITY"] as const;
/** What an experiment assigns to arms: accounts or opportunities. */
export type ExperimentUnitKind = (typeof EXPERIMENT_UNIT_KINDS)[number];

export const EXPERIMENT_STATUSES = ["RUNNING", "STOPPED", "CONCLUDED"] as const;
/**
 * RUNNING until someone stops it: STOPPED when stopped before its horizon (its report stays, marked early),
 * CONCLUDED when stopped at or after it.
 */
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/**
 * Who is eligible: every live unit of the kind that matches all the filters given (an empty or absent list
 * does not filter). Account filters apply to an opportunity's account.
 */
export interface ExperimentPopulation {
  unit: ExperimentUnitKind;
  segments: readonly string[];
  industries: readonly string[];
  regions: readonly string[];
  /** Opportunities only: their current stage is one of these. */
  stages: readonly OpportunityStage[];
  /** Opportunities only: not CLOSED_WON or CLOSED_LOST. */
  openOnly: boolean;
}

/** A stored experiment. */
export interface MpuExperiment {
  id: string;
  mpuId: string;
  status: ExperimentStatus;
  population: ExperimentPopulation;
  /** The share of units assigned to TREATMENT, in (0, 1). */
  split: number;
  primaryOutcome: ExperimentOutcome;
  startedAt: string;
  startedBy: string;
  horizon: string;
  /** Interim looks as shares of the time from start to horizon; empty for a fixed horizon. */
  interimLooks: number[];
  minimumPerArm: number;
  stoppedAt: string | null;
  stoppedBy: string | null;
  controlCount: number;
  treatmentCount: number;
  /** Eligible units left out because another running experiment of the same unit holds them. */
  excludedCount: number;
}
