import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
import { EXPERIMENT_UNIT_KINDS } from "../../domain/experiments/experiment";
import { EXPERIMENT_OUTCOME_KINDS } from "../../domain/experiments/experiment-outcome";
import { StartExperimentInput } from "../../domain/experiments/validate-experiment";
import { OpportunityStage } from "../../domain/records";
import { enumOf, OpportunityStageEnum } from "../common/enums";

export const ExperimentUnitKindEnum = enumOf(EXPERIMENT_UNIT_KINDS);
registerEnumType(ExperimentUnitKindEnum, {
  name: "ExperimentUnitKind",
  description: "What an MPU experiment assigns to its arms.",
});
export const ExperimentOutcomeKindEnum = enumOf(EXPERIMENT_OUTCOME_KINDS);
registerEnumType(ExperimentOutcomeKindEnum, {
  name: "ExperimentOutcomeKind",
  description: "What counts as a success for a unit between the experiment's start and its horizon.",
  valuesConfig: {
    OPPORTUNITY_WON: { description: "The opportunity (for an account: one of its opportunities) reached CLOSED_WON." },
    STAGE_REACHED: {
      description: "It reached `stage` or a later stage of the pipeline (CLOSED_LOST counts only for itself).",
    },
    MPU_USE_SUCCEEDED: { description: "A use of the unit under test on it succeeded." },
    SIGNAL_OBSERVED: { description: "A signal of source field `field` about the (opportunity's) account arrived." },
  },
});

@InputType({
  description:
    "Who is eligible: live accounts or opportunities matching every filter given (an absent or empty list does " +
    "not filter; account filters apply to an opportunity's account). At most 50 values per list.",
})
export class MpuExperimentPopulationInput {
  @Field(() => ExperimentUnitKindEnum)
  unit!: string;

  @Field(() => [String], { nullable: true })
  segments?: string[] | null;

  @Field(() => [String], { nullable: true })
  industries?: string[] | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [OpportunityStageEnum], { nullable: true, description: "Opportunities only: their current stage." })
  stages?: OpportunityStage[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Opportunities only: leave out closed ones (CLOSED_WON, CLOSED_LOST). Default true.",
  })
  openOnly?: boolean | null;
}

@InputType({ description: "The primary outcome of an experiment." })
export class ExperimentOutcomeInput {
  @Field(() => ExperimentOutcomeKindEnum)
  kind!: string;

  @Field(() => OpportunityStageEnum, { nullable: true, description: "For STAGE_REACHED only." })
  stage?: OpportunityStage | null;

  @Field(() => String, { nullable: true, description: "For SIGNAL_OBSERVED only: the source field." })
  field?: string | null;
}

@InputType({ description: "The design of an A/B test of a micro-practice unit (docs/mpu-experiments.md)." })
export class StartMpuExperimentInput {
  @Field(() => ID, { description: "A PUBLISHED or VALIDATED unit of your tenant." })
  mpuId!: string;

  @Field(() => MpuExperimentPopulationInput)
  population!: MpuExperimentPopulationInput;

  @Field(() => Float, { description: "The share of units given the practice (TREATMENT), strictly between 0 and 1." })
  split!: number;

  @Field(() => ExperimentOutcomeInput)
  primaryOutcome!: ExperimentOutcomeInput;

  @Field(() => String, {
    description: "ISO-8601 instant, in the future and at most two years ahead: outcomes count up to it.",
  })
  horizon!: string;

  @Field(() => [Float], {
    nullable: true,
    description:
      "Interim looks as shares of the time to the horizon, increasing, each in (0, 1), at most 10; absent: a " +
      "fixed-horizon test. Each look is judged against a Lan–DeMets O'Brien–Fleming bound.",
  })
  interimLooks?: number[] | null;

  @Field(() => Int, { nullable: true, description: "Units each arm needs before any verdict; default 10." })
  minimumPerArm?: number | null;
}

export function plainStartInput(input: StartMpuExperimentInput): StartExperimentInput {
  return {
    mpuId: input.mpuId,
    population: { ...input.population },
    split: input.split,
    primaryOutcome: { ...input.primaryOutcome },
    horizon: input.horizon,
    interimLooks: input.interimLooks ?? null,
    minimumPerArm: input.minimumPerArm ?? null,
  };
}
