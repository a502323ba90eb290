import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "One grade of a health model: scores at or above min get it." })
export class GradeBand {
  @Field()
  grade!: string;

  @Field(() => Float)
  min!: number;
}

@ObjectType({ simpleResolvers: true, description: "A level of a category and the value a model version gives it." })
export class LevelValue {
  @Field()
  level!: string;

  @Field(() => Float, { description: "0..1, 1 = the level that went with the good outcome most." })
  value!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "The level values a calibrated version learned for one category mapping of a concept.",
})
export class CategoryLevels {
  @Field()
  concept!: string;

  @Field()
  system!: string;

  @Field()
  field!: string;

  @Field(() => [LevelValue])
  levels!: LevelValue[];

  @Field(() => Float, {
    nullable: true,
    description: "The value of a value that is not a level (when the mapping has a default).",
  })
  otherValue!: number | null;
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

  @Field(() => [String], {
    description:
      "Concepts this version reads reversed (1 − value): calibration with polarity FOLLOW_DATA learned from " +
      "outcomes that their higher values went with the bad outcome.",
  })
  reversedConcepts!: string[];

  @Field(() => [CategoryLevels], {
    description: "The values calibration learned for the levels of category mappings.",
  })
  categoryLevels!: CategoryLevels[];

  @Field(() => Date)
  createdAt!: Date;
}
