import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { Account } from "../account/account.type";
import { Connection } from "../common/connection.type";
import { BridgeStep } from "../ontology/bridge.type";

@ObjectType({ simpleResolvers: true, description: "One grade of a health model: scores at or above min get it." })
export class GradeBand {
  @Field()
  grade!: string;

  @Field(() => Float)
  min!: number;
}

@InputType()
export class GradeBandInput {
  @Field()
  grade!: string;

  @Field(() => Float)
  min!: number;
}

@ObjectType({ simpleResolvers: true, description: "A signal behind a value in a health explanation." })
export class HealthEvidence {
  @Field()
  signalId!: string;

  @Field(() => String, { nullable: true, description: "The record id in its source system." })
  recordId!: string | null;

  @Field()
  sourceSystem!: string;

  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field(() => Date)
  observedAt!: Date;
}

@ObjectType({
  simpleResolvers: true,
  description: "One node of a score's explanation, flattened: follow parentId to rebuild the tree.",
})
export class HealthExplanationNode {
  @Field({ description: "Unique within the explanation." })
  id!: string;

  @Field(() => String, { nullable: true })
  parentId!: string | null;

  @Field(() => Int)
  depth!: number;

  @Field({ description: "CONCEPT, MAPPING (a source field) or MANUAL (a person's measure)." })
  kind!: string;

  @Field({ description: "The concept the node measures." })
  conceptId!: string;

  @Field(() => String, { nullable: true })
  system!: string | null;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field(() => Float, { nullable: true, description: "0..1, higher is better; null without data." })
  value!: number | null;

  @Field(() => Float, { description: "Its weight among its siblings (default, model override, mapping weight)." })
  weight!: number;

  @Field(() => Float, { description: "Its share among siblings with data." })
  normalizedWeight!: number;

  @Field(() => Float, { description: "Its share of the whole score." })
  effectiveWeight!: number;

  @Field(() => Float, {
    description: "Points of the score it contributes; siblings' contributions add up to their parent's.",
  })
  contribution!: number;

  @Field(() => Float, { description: "Points it adds compared with an average concept of the same weight." })
  impact!: number;

  @Field(() => Float)
  confidence!: number;

  @Field(() => String, { nullable: true, description: "Why there is no value." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "What was aggregated (mean of 12 observations …)." })
  aggregate!: string | null;

  @Field(() => [BridgeStep])
  steps!: BridgeStep[];

  @Field(() => [HealthEvidence], { description: "The latest signals behind a MAPPING node (fresh scores only)." })
  signals!: HealthEvidence[];

  @Field(() => String, { nullable: true, description: "For MANUAL nodes." })
  author!: string | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A concept that pulls the score up or down." })
export class HealthDriver {
  @Field()
  conceptId!: string;

  @Field(() => Float, { description: "Points added (positive) or removed (negative)." })
  impact!: number;

  @Field({ description: "UP or DOWN." })
  direction!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float)
  contribution!: number;
}

@ObjectType({ simpleResolvers: true, description: "An account's health under one model." })
export class AccountHealth {
  @Field(() => Float, { nullable: true, description: "0..100; null when no signal of the model has data." })
  score!: number | null;

  @Field(() => String, { nullable: true })
  grade!: string | null;

  @Field(() => Float, { description: "Share of the model's weight that had data, 0..1." })
  confidence!: number;

  @Field(() => ID)
  modelId!: string;

  @Field(() => Int)
  modelVersion!: number;

  @Field(() => Date)
  computedAt!: Date;

  @Field(() => Date, { description: "The time the signals were read up to." })
  asOf!: Date;

  @Field({ description: "True for a stored snapshot (recomputeHealth), false for a score computed on request." })
  stored!: boolean;

  explanationNodes!: HealthExplanationNode[];
  driverList!: HealthDriver[];
}

@ObjectType({ simpleResolvers: true, description: "A stored score of an account." })
export class HealthSnapshot {
  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => String, { nullable: true })
  grade!: string | null;

  @Field(() => Float)
  confidence!: number;

  @Field(() => Int)
  modelVersion!: number;

  @Field(() => Date)
  computedAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class AtRiskAccount {
  @Field(() => Account)
  account!: Account;

  @Field(() => HealthSnapshot)
  health!: HealthSnapshot;
}

export const AtRiskConnection = Connection("AtRiskConnection", "AtRiskEdge", AtRiskAccount);

@ObjectType({ simpleResolvers: true })
export class GradeCount {
  @Field()
  grade!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: "Grades and score percentiles of one group of accounts." })
export class HealthDistributionGroup {
  @Field(() => String, { nullable: true })
  group!: string | null;

  @Field(() => Int)
  accounts!: number;

  @Field(() => Int, { description: "Accounts with a score (the others had no data)." })
  scored!: number;

  @Field(() => [GradeCount])
  grades!: GradeCount[];

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  p10!: number | null;

  @Field(() => Float, { nullable: true })
  p25!: number | null;

  @Field(() => Float, { nullable: true })
  p50!: number | null;

  @Field(() => Float, { nullable: true })
  p75!: number | null;

  @Field(() => Float, { nullable: true })
  p90!: number | null;
}

@ObjectType({ simpleResolvers: true, description: "One version of a health model." })
export class HealthModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: "Whether this is the version new scores use." })
  active!: boolean;

  @Field()
  name!: string;

  @Field({ description: "TENANT, INDUSTRY or SEGMENT." })
  scopeKind!: string;

  @Field(() => String, { nullable: true })
  scopeValue!: string | null;

  @Field()
  rootConcept!: string;

  @Field(() => GraphQLJSONObject, { description: "Weights per concept that override the ontology's defaults." })
  weights!: Record<string, number>;

  @Field(() => [GradeBand])
  bands!: GradeBand[];

  @Field(() => Int, { nullable: true, description: "Window for every mapping, in days; null: each mapping's own." })
  windowDays!: number | null;

  @Field()
  includeContacts!: boolean;

  @Field()
  includeAssets!: boolean;

  @Field({ description: "MANUAL or CALIBRATED." })
  source!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "How a calibrated version was learned." })
  calibration!: Record<string, unknown> | null;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType()
export class HealthModelInput {
  @Field(() => ID, { description: "Lower-case id; defining an existing id creates a new version." })
  id!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: "TENANT" })
  scopeKind!: string;

  @Field(() => String, { nullable: true })
  scopeValue?: string | null;

  @Field({ defaultValue: "core:customer-health" })
  rootConcept!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  weights?: Record<string, number> | null;

  @Field(() => [GradeBandInput], { nullable: true, description: "Default: GREEN ≥ 70, YELLOW ≥ 40, RED ≥ 0." })
  bands?: GradeBandInput[] | null;

  @Field(() => Int, { nullable: true })
  windowDays?: number | null;

  @Field({ defaultValue: true })
  includeContacts!: boolean;

  @Field({ defaultValue: true })
  includeAssets!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class RecomputeResult {
  @Field()
  runId!: string;

  @Field({ description: "An interrupted run was resumed." })
  resumed!: boolean;

  @Field()
  incremental!: boolean;

  @Field(() => Int)
  processed!: number;

  @Field(() => Int, { description: "Accounts that got a score (the others had no data)." })
  scored!: number;

  @Field(() => ID)
  modelId!: string;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class ManualMeasureInput {
  @Field(() => ID)
  accountId!: string;

  @Field()
  concept!: string;

  @Field(() => Float, { description: "0..1, 1 = best." })
  value!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class ManualMeasure {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field()
  concept!: string;

  @Field(() => Float)
  value!: number;

  @Field()
  author!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { nullable: true })
  expiresAt!: string | null;
}

@InputType()
export class OutcomeAccountRef {
  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true, description: 'Default "crm".' })
  sourceSystem?: string | null;
}

@InputType({ description: "What happened to a customer: CHURNED, RENEWED, EXPANDED or DOWNGRADED, on a date." })
export class OutcomeInput {
  @Field(() => OutcomeAccountRef)
  account!: OutcomeAccountRef;

  @Field()
  label!: string;

  @Field({ description: "YYYY-MM-DD." })
  occurredOn!: string;
}

@InputType({ description: "Which outcomes count as bad, and how long before the outcome the features are read." })
export class CalibrationOutcomeInput {
  @Field(() => [String], { defaultValue: ["CHURNED", "DOWNGRADED"] })
  badLabels!: string[];

  @Field(() => Int, { defaultValue: 90, description: "Features are read this many days before each outcome." })
  horizonDays!: number;
}

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
