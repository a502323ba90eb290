import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "One grade of a health model: scores at or above min get it." })
export class GradeBand {
  @Field()
  grade!: string;

  @Field(() => Float)
  min!: number;
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
