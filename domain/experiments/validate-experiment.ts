import { OPPORTUNITY_STAGES, OpportunityStage } from "../records";
import { DEFAULT_MINIMUM_PER_ARM } from "./analyse-experiment";
import { ExperimentPopulation, EXPERIMENT_UNIT_KINDS, ExperimentUnitKind } from "./experiment";
import { ExperimentOutcome, EXPERIMENT_OUTCOME_KINDS, ExperimentOutcomeKind } from "./experiment-outcome";
import { ExperimentError } from "./experiment.errors";

/** Input limits of startMpuExperiment. */
export const EXPERIMENT_LIMITS = {
  /** Values per population filter list. */
  maxFilterValues: 50,
  maxTextLength: 200,
  maxInterimLooks: 10,
  maxMinimumPerArm: 10_000,
  /** The horizon lies at most this far ahead. */
  maxHorizonDays: 731,
  /** Units one experiment may assign (the assignment is one read and one batched write). */
  maxPopulation: 50_000,
} as const;

/** What a caller sends to start an experiment, before checking. */
export interface StartExperimentInput {
  mpuId: string;
  population: {
    unit: string;
    segments?: readonly string[] | null;
    industries?: readonly string[] | null;
    regions?: readonly string[] | null;
    stages?: readonly string[] | null;
    openOnly?: boolean | null;
  };
  split: number;
  primaryOutcome: { kind: string; stage?: string | null; field?: string | null };
  /** ISO-8601 instant. */
  horizon: string;
  interimLooks?: readonly number[] | null;
  minimumPerArm?: number | null;
}

/** A checked start request. */
export interface StartExperimentPlan {
  mpuId: string;
  population: ExperimentPopulation;
  split: number;
  primaryOutcome: ExperimentOutcome;
  horizon: string;
  interimLooks: number[];
  minimumPerArm: number;
}

function invalid(message: string): ExperimentError {
  return new ExperimentError("INVALID_EXPERIMENT", message);
}

function textList(values: readonly string[] | null | undefined, where: string): string[] {
  const list = [...new Set(values ?? [])];
  if (list.length > EXPERIMENT_LIMITS.maxFilterValues) {
    throw invalid(
      `${where} has ${list.length} values; at most ${EXPERIMENT_LIMITS.maxFilterValues}. Narrow the population.`,
    );
  }
  for (const value of list) {
    if (value.trim() === "" || value.length > EXPERIMENT_LIMITS.maxTextLength) {
      throw invalid(`${where} has an empty value or one longer than ${EXPERIMENT_LIMITS.maxTextLength} characters.`);
    }
  }
  return list.sort();
}

function stageOf(value: string, where: string): OpportunityStage {
  if (!(OPPORTUNITY_STAGES as readonly string[]).includes(value)) {
    throw invalid(`${where} "${value.slice(0, 40)}" is not a stage; use one of ${OPPORTUNITY_STAGES.join(", ")}.`);
  }
  return value as OpportunityStage;
}

/**
 * Checks a start request against the limits and the clock: the split strictly between 0 and 1, a horizon
 * after `now` and within two years, a well-formed outcome and population, increasing interim looks.
 */
export function validateStartExperiment(input: StartExperimentInput, now: Date): StartExperimentPlan {
  if (
    typeof input.mpuId !== "string" ||
    input.mpuId.trim() === "" ||
    input.mpuId.length > EXPERIMENT_LIMITS.maxTextLength
  ) {
    throw invalid(
      `mpuId must be the id of a published micro-practice unit (1–${EXPERIMENT_LIMITS.maxTextLength} characters).`,
    );
  }
  if (!Number.isFinite(input.split) || input.split <= 0 || input.split >= 1) {
    throw invalid(
      `split is ${String(input.split)}; it is the share of units given the practice and must lie strictly between ` +
        `0 and 1 (0.5 for an even split).`,
    );
  }
  const horizonMs = Date.parse(input.horizon);
  if (!Number.isFinite(horizonMs) || !/^\d{4}-\d{2}-\d{2}T/.test(input.horizon)) {
    throw invalid(
      `horizon "${String(input.horizon).slice(0, 40)}" is not an ISO-8601 instant such as 2027-03-31T00:00:00Z.`,
    );
  }
  if (horizonMs <= now.getTime()) {
    throw invalid(
      `horizon ${new Date(horizonMs).toISOString()} is not after now (${now.toISOString()}): the outcome is ` +
        `observed from the start to the horizon, so it must lie in the future.`,
    );
  }
  if (horizonMs > now.getTime() + EXPERIMENT_LIMITS.maxHorizonDays * 86_400_000) {
    throw invalid(`horizon is more than ${EXPERIMENT_LIMITS.maxHorizonDays} days ahead; choose a nearer one.`);
  }

  const unit = input.population.unit;
  if (!(EXPERIMENT_UNIT_KINDS as readonly string[]).includes(unit)) {
    throw invalid(`population.unit "${String(unit).slice(0, 40)}" must be ACCOUNT or OPPORTUNITY.`);
  }
  const stages = textList(input.population.stages, "population.stages").map((s) => stageOf(s, "population.stages"));
  if (unit === "ACCOUNT" && (stages.length > 0 || input.population.openOnly)) {
    throw invalid("population.stages and population.openOnly filter opportunities; leave them out for ACCOUNT units.");
  }
  const population: ExperimentPopulation = {
    unit: unit as ExperimentUnitKind,
    segments: textList(input.population.segments, "population.segments"),
    industries: textList(input.population.industries, "population.industries"),
    regions: textList(input.population.regions, "population.regions"),
    stages,
    openOnly: unit === "OPPORTUNITY" && (input.population.openOnly ?? true),
  };

  const kind = input.primaryOutcome.kind;
  if (!(EXPERIMENT_OUTCOME_KINDS as readonly string[]).includes(kind)) {
    throw invalid(
      `primaryOutcome.kind "${String(kind).slice(0, 40)}" must be one of ${EXPERIMENT_OUTCOME_KINDS.join(", ")}.`,
    );
  }
  const stage = input.primaryOutcome.stage ?? null;
  const field = input.primaryOutcome.field ?? null;
  if ((kind === "STAGE_REACHED") !== (stage !== null)) {
    throw invalid("primaryOutcome.stage is required for STAGE_REACHED and only for it.");
  }
  if ((kind === "SIGNAL_OBSERVED") !== (field !== null)) {
    throw invalid(
      "primaryOutcome.field (a source field such as demo_booked) is required for SIGNAL_OBSERVED and only for it.",
    );
  }
  if (field !== null && (field.trim() === "" || field.length > EXPERIMENT_LIMITS.maxTextLength)) {
    throw invalid(`primaryOutcome.field must have 1–${EXPERIMENT_LIMITS.maxTextLength} characters.`);
  }
  const primaryOutcome: ExperimentOutcome = {
    kind: kind as ExperimentOutcomeKind,
    stage: stage === null ? null : stageOf(stage, "primaryOutcome.stage"),
    field,
  };

  const interimLooks = [...(input.interimLooks ?? [])];
  if (interimLooks.length > EXPERIMENT_LIMITS.maxInterimLooks) {
    throw invalid(`interimLooks has ${interimLooks.length} looks; at most ${EXPERIMENT_LIMITS.maxInterimLooks}.`);
  }
  interimLooks.forEach((look, i) => {
    if (!Number.isFinite(look) || look <= 0 || look >= 1 || (i > 0 && look <= interimLooks[i - 1]!)) {
      throw invalid(
        "interimLooks are shares of the time to the horizon, each strictly between 0 and 1 and increasing " +
          "(e.g. [0.5] for one look half-way); the horizon is always the final look.",
      );
    }
  });
  const minimumPerArm = input.minimumPerArm ?? DEFAULT_MINIMUM_PER_ARM;
  if (!Number.isSafeInteger(minimumPerArm) || minimumPerArm < 1 || minimumPerArm > EXPERIMENT_LIMITS.maxMinimumPerArm) {
    throw invalid(`minimumPerArm must be a whole number from 1 to ${EXPERIMENT_LIMITS.maxMinimumPerArm}.`);
  }
  return {
    mpuId: input.mpuId,
    population,
    split: input.split,
    primaryOutcome,
    horizon: new Date(horizonMs).toISOString(),
    interimLooks,
    minimumPerArm,
  };
}
