import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { BridgeStep } from "../ontology/bridge.type";

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

  @Field(() => [String], {
    description:
      "Why a concept differs from the ontology here: its polarity reversed or its levels' values learned from " +
      "outcomes by the model version, a cycle broken, a concept counted under another parent.",
  })
  notes!: string[];

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

  @Field({
    description:
      "True when confidence is below 0.3: too little of the model had data for the score or grade to be acted on.",
  })
  lowConfidence!: boolean;

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

  /**
   * The explanation's nodes at most `maxDepth` deep (every node when null), built when a client selects
   * the explanation and only to the depth it asks (issue 18, decision 0039).
   */
  explanationTo!: (maxDepth: number | null) => HealthExplanationNode[];
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

  @Field({
    description:
      "True when confidence is below 0.3: too little of the model had data for the score or grade to be acted on.",
  })
  lowConfidence!: boolean;

  @Field(() => Int)
  modelVersion!: number;

  @Field(() => Date)
  computedAt!: Date;
}
