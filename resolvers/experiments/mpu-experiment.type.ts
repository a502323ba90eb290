import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { EXPERIMENT_VERDICTS } from "../../domain/experiments/analyse-experiment";
import { SIGNIFICANCE_TESTS } from "../../domain/experiments/choose-test";
import { EXPERIMENT_STATUSES, MpuExperiment } from "../../domain/experiments/experiment";
import { Interval } from "../../domain/experiments/wilson-interval";
import { OpportunityStage } from "../../domain/records";
import { ExperimentReport } from "../../services/experiments/mpu-experiment.service";
import { enumOf, OpportunityStageEnum } from "../common/enums";
import { ExperimentOutcomeKindEnum, ExperimentUnitKindEnum } from "./mpu-experiment.input";

export const ExperimentStatusEnum = enumOf(EXPERIMENT_STATUSES);
registerEnumType(ExperimentStatusEnum, {
  name: "MpuExperimentStatus",
  valuesConfig: {
    RUNNING: { description: "Outcomes are being observed; recommendations hide the unit from the CONTROL arm." },
    STOPPED: { description: "Stopped before its horizon." },
    CONCLUDED: { description: "Stopped at or after its horizon." },
  },
});
export const ExperimentVerdictEnum = enumOf(EXPERIMENT_VERDICTS);
registerEnumType(ExperimentVerdictEnum, { name: "MpuExperimentVerdict" });
export const SignificanceTestEnum = enumOf(SIGNIFICANCE_TESTS);
registerEnumType(SignificanceTestEnum, {
  name: "SignificanceTest",
  valuesConfig: {
    Z_TEST: { description: "Two-proportion z-test, pooled, two-sided, no continuity correction." },
    FISHER_EXACT: { description: "Fisher's exact test, two-sided (used when an expected cell count is below 5)." },
  },
});

@ObjectType({ description: "Who an experiment took." })
export class MpuExperimentPopulationView {
  @Field(() => ExperimentUnitKindEnum)
  unit!: string;
  @Field(() => [String])
  segments!: string[];
  @Field(() => [String])
  industries!: string[];
  @Field(() => [String])
  regions!: string[];
  @Field(() => [OpportunityStageEnum])
  stages!: OpportunityStage[];
  @Field()
  openOnly!: boolean;
}

@ObjectType()
export class ExperimentOutcomeView {
  @Field(() => ExperimentOutcomeKindEnum)
  kind!: string;
  @Field(() => OpportunityStageEnum, { nullable: true })
  stage!: OpportunityStage | null;
  @Field(() => String, { nullable: true })
  field!: string | null;
}

@ObjectType({ description: "An A/B test of a micro-practice unit (issue 16)." })
export class MpuExperimentView {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  mpuId!: string;
  @Field(() => ExperimentStatusEnum)
  status!: string;
  @Field(() => MpuExperimentPopulationView)
  population!: MpuExperimentPopulationView;
  @Field(() => Float, { description: "The share of units assigned to TREATMENT." })
  split!: number;
  @Field(() => ExperimentOutcomeView)
  primaryOutcome!: ExperimentOutcomeView;
  @Field()
  startedAt!: string;
  @Field({ description: "Who started it: user:<sub> or agent:<name>." })
  startedBy!: string;
  @Field()
  horizon!: string;
  @Field(() => [Float], { description: "Interim looks as shares of the time to the horizon; empty: fixed horizon." })
  interimLooks!: number[];
  @Field(() => Int)
  minimumPerArm!: number;
  @Field(() => String, { nullable: true })
  stoppedAt!: string | null;
  @Field(() => String, { nullable: true })
  stoppedBy!: string | null;
  @Field(() => Int)
  controlCount!: number;
  @Field(() => Int)
  treatmentCount!: number;
  @Field(() => Int, { description: "Eligible units left out: a running experiment of the same unit held them." })
  excludedCount!: number;
}

@ObjectType({ description: "A two-sided 95% interval." })
export class IntervalView {
  @Field(() => Float)
  lower!: number;
  @Field(() => Float)
  upper!: number;
}

@ObjectType({ description: "One arm's units and successes." })
export class ExperimentArmView {
  @Field(() => Int)
  n!: number;
  @Field(() => Int)
  successes!: number;
  @Field(() => Float, { nullable: true, description: "successes ÷ n; null for an empty arm." })
  rate!: number | null;
}

@ObjectType({ description: "The bound a verdict was judged against." })
export class ExperimentBoundView {
  @Field(() => Int, { description: "1-based; the horizon is the last look." })
  look!: number;
  @Field(() => Int)
  looks!: number;
  @Field(() => Float)
  informationFraction!: number;
  @Field(() => Float, { description: "Equal rates are rejected when the p-value is at most this." })
  nominalAlpha!: number;
}

@ObjectType({ description: "An experiment's report as of now (docs/mpu-experiments.md)." })
export class MpuExperimentReportView {
  @Field(() => MpuExperimentView)
  experiment!: MpuExperimentView;
  @Field(() => ExperimentArmView)
  control!: ExperimentArmView;
  @Field(() => ExperimentArmView)
  treatment!: ExperimentArmView;
  @Field(() => Float, { nullable: true, description: "Treatment rate − control rate." })
  absoluteLift!: number | null;
  @Field(() => IntervalView, { nullable: true, description: "95%, Newcombe's hybrid score (Wilson) method." })
  absoluteLiftInterval!: IntervalView | null;
  @Field(() => Float, { nullable: true, description: "Treatment rate ÷ control rate − 1." })
  relativeLift!: number | null;
  @Field(() => IntervalView, { nullable: true, description: "95%, from the log risk ratio (Katz)." })
  relativeLiftInterval!: IntervalView | null;
  @Field(() => SignificanceTestEnum, { nullable: true })
  test!: string | null;
  @Field(() => Float, { nullable: true, description: "Two-sided." })
  pValue!: number | null;
  @Field(() => Float)
  minExpectedCellCount!: number;
  @Field(() => ExperimentBoundView, { nullable: true })
  bound!: ExperimentBoundView | null;
  @Field(() => ExperimentVerdictEnum)
  verdict!: string;
  @Field({ description: "The verdict in plain language, with its numbers." })
  summary!: string;
  @Field()
  horizonPassed!: boolean;
  @Field({ description: "Outcomes are counted up to this instant: now, the stop, or the horizon, whichever is first." })
  observedUntil!: string;
}

export function toExperimentView(e: MpuExperiment): MpuExperimentView {
  return {
    ...e,
    population: {
      ...e.population,
      segments: [...e.population.segments],
      industries: [...e.population.industries],
      regions: [...e.population.regions],
      stages: [...e.population.stages],
    },
    primaryOutcome: { ...e.primaryOutcome },
  };
}

const interval = (i: Interval | null): IntervalView | null => (i === null ? null : { lower: i.lower, upper: i.upper });

export function toReportView(report: ExperimentReport): MpuExperimentReportView {
  const a = report.analysis;
  return {
    experiment: toExperimentView(report.experiment),
    control: a.control,
    treatment: a.treatment,
    absoluteLift: a.absoluteLift,
    absoluteLiftInterval: interval(a.absoluteLiftInterval),
    relativeLift: a.relativeLift,
    relativeLiftInterval: interval(a.relativeLiftInterval),
    test: a.test,
    pValue: a.pValue,
    minExpectedCellCount: a.minExpectedCellCount,
    bound: a.bound,
    verdict: a.verdict,
    summary: a.summary,
    horizonPassed: report.horizonPassed,
    observedUntil: report.observedUntil,
  };
}
