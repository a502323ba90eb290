import { Field, Float, Int, ObjectType } from "type-graphql";
import { HealthModel } from "./health-model.type";

@ObjectType({ simpleResolvers: true, description: "How much a concept mattered in the fit, and with which sign." })
export class ConceptImportance {
  @Field()
  concept!: string;

  @Field(() => Float, {
    description:
      "Change in log-odds of the bad outcome per unit of the concept's 0..1 value, as the version calibrated from " +
      "reads it; for a category, the gap between its levels' highest and lowest coefficients.",
  })
  coefficient!: number;

  @Field(() => Float, {
    description:
      "The same per standard deviation: comparable across concepts (for a category, the spread of its levels' " +
      "coefficients over the accounts).",
  })
  standardizedCoefficient!: number;

  @Field({ description: "HIGHER_IS_BETTER, HIGHER_IS_WORSE, NONE, or BY_LEVEL for a category (see categories)." })
  direction!: string;

  @Field(() => Float)
  weight!: number;

  @Field({ description: "Whether the new weights read the concept reversed (1 − value): polarity FOLLOW_DATA." })
  reversed!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "A concept whose higher values went with the bad outcome, opposite to the polarity the model version reads it " +
    "with (its mappings' declared polarity, unless an earlier calibration reversed it).",
})
export class PolarityConflict {
  @Field()
  concept!: string;

  @Field(() => Float, { description: "Its coefficient (> 0)." })
  coefficient!: number;

  @Field(() => Float)
  standardizedCoefficient!: number;

  @Field(() => Float, { description: "Its weight when read reversed (FOLLOW_DATA); with KEEP it gets 0." })
  weightIfReversed!: number;

  @Field(() => Float, { description: "The score's cross-validated AUC with only this concept read reversed." })
  scoreCvAucIfReversed!: number;

  @Field(() => Float, {
    description:
      "scoreCvAucIfReversed minus the score's AUC keeping every polarity: what weight 0 costs (negative when " +
      "reversing would not help on held-out accounts).",
  })
  aucCost!: number;
}

@ObjectType({ simpleResolvers: true, description: "One level of a categorical concept in the fit." })
export class LevelCalibration {
  @Field()
  level!: string;

  @Field(() => Int, { description: "Labelled accounts with the level." })
  accounts!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Its coefficient relative to the reference level (0 for it); null when no account has it.",
  })
  coefficient!: number | null;

  @Field(() => Float, { description: "The value (0..1, 1 = best) the new version gives the level." })
  value!: number;

  @Field({ description: "False for a level no labelled account has: it gets the average value." })
  learned!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "A top-level concept whose only source is a category mapping: each level was a feature of its own.",
})
export class CategoryCalibration {
  @Field()
  concept!: string;

  @Field({ description: "The most common level, against which the others' coefficients are measured." })
  reference!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => [LevelCalibration], { description: "Most common first; levels without accounts last." })
  levels!: LevelCalibration[];
}

@ObjectType({
  simpleResolvers: true,
  description: "The previous and the new model version compared on the same accounts.",
})
export class CalibrationBacktest {
  @Field(() => Float, { nullable: true })
  oldAuc!: number | null;

  @Field(() => Float, { nullable: true })
  newAuc!: number | null;

  @Field(() => Int)
  accounts!: number;
}

@ObjectType({ simpleResolvers: true, description: "What calibrateHealthModel learned and the version it created." })
export class CalibrationReport {
  @Field(() => HealthModel, { nullable: true, description: "The version created; null for a dry run." })
  model!: HealthModel | null;

  @Field({ description: "True when nothing was stored (dryRun)." })
  dryRun!: boolean;

  @Field(() => Int, { description: "The version the features were read with and the backtest compares against." })
  fromVersion!: number;

  @Field(() => Float, { description: "Cross-validated ROC AUC of the logistic regression." })
  cvAuc!: number;

  @Field(() => [Float])
  foldAucs!: number[];

  @Field(() => Float, { description: "Cross-validated ROC AUC of the score the learned weights give." })
  scoreCvAuc!: number;

  @Field(() => Float, { description: "scoreCvAuc with concepts of opposite effect at weight 0 (polarity KEEP)." })
  scoreCvAucKeepingPolarity!: number;

  @Field(() => Float, { description: "scoreCvAuc with those concepts read reversed (polarity FOLLOW_DATA)." })
  scoreCvAucFollowingData!: number;

  @Field(() => Int)
  trainingRows!: number;

  @Field(() => Int)
  badOutcomes!: number;

  @Field(() => Float, { description: "The L2 penalty used." })
  l2!: number;

  @Field(() => Int)
  folds!: number;

  @Field(() => Int)
  seed!: number;

  @Field({ description: "KEEP or FOLLOW_DATA." })
  polarity!: string;

  @Field(() => [ConceptImportance])
  importance!: ConceptImportance[];

  @Field(() => [PolarityConflict], { description: "Concepts whose higher values went with the bad outcome." })
  polarityConflicts!: PolarityConflict[];

  @Field(() => [String], { description: "The concepts the new version reads reversed (1 − value)." })
  reversedConcepts!: string[];

  @Field(() => [CategoryCalibration])
  categories!: CategoryCalibration[];

  @Field(() => CalibrationBacktest)
  backtest!: CalibrationBacktest;

  @Field(() => [String])
  notes!: string[];
}
