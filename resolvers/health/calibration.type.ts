import { Field, Float, Int, ObjectType } from "type-graphql";
import { HealthModel } from "./health-model.type";

@ObjectType({ simpleResolvers: true, description: "How much a concept mattered in the fit, and with which sign." })
export class ConceptImportance {
  @Field()
  concept!: string;

  @Field(() => Float, { description: "Change in log-odds of the bad outcome per unit of the concept's 0..1 value." })
  coefficient!: number;

  @Field(() => Float, { description: "The same per standard deviation: comparable across concepts." })
  standardizedCoefficient!: number;

  @Field({ description: "HIGHER_IS_BETTER, HIGHER_IS_WORSE or NONE." })
  direction!: string;

  @Field(() => Float)
  weight!: number;
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
  @Field(() => HealthModel)
  model!: HealthModel;

  @Field(() => Float, { description: "Cross-validated ROC AUC of the logistic regression." })
  cvAuc!: number;

  @Field(() => [Float])
  foldAucs!: number[];

  @Field(() => Float, { description: "Cross-validated ROC AUC of the score the learned weights give." })
  scoreCvAuc!: number;

  @Field(() => Int)
  trainingRows!: number;

  @Field(() => Int)
  badOutcomes!: number;

  @Field(() => [ConceptImportance])
  importance!: ConceptImportance[];

  @Field(() => CalibrationBacktest)
  backtest!: CalibrationBacktest;

  @Field(() => [String])
  notes!: string[];
}
