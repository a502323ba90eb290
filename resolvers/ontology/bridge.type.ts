import { Field, Float, Int, ObjectType } from "type-graphql";
import { Concept } from "./concept.type";
import { Mapping } from "./mapping.type";

@ObjectType({
  simpleResolvers: true,
  description: "Concepts from one concept up to a root of the hierarchy, the concept first.",
})
export class ConceptPath {
  @Field(() => [Concept])
  concepts!: Concept[];
}

@ObjectType({
  simpleResolvers: true,
  description: "A mapping of a source field, its concept, and where that concept sits.",
})
export class BridgeMapping {
  @Field(() => Mapping)
  mapping!: Mapping;

  @Field(() => Concept)
  concept!: Concept;

  @Field(() => [ConceptPath], { description: "Every path from the concept up to a root (via broader and part-of)." })
  paths!: ConceptPath[];
}

@ObjectType({
  simpleResolvers: true,
  description: "A source field that measures a concept, directly or through a concept below it.",
})
export class FieldMeasure {
  @Field()
  system!: string;

  @Field()
  field!: string;

  @Field(() => Mapping)
  mapping!: Mapping;

  @Field(() => Concept, { description: "The concept the field is mapped to." })
  concept!: Concept;

  @Field(() => [Concept], { description: "From the mapped concept up to the concept asked about." })
  path!: Concept[];

  @Field(() => Int, { description: "Links between the mapped concept and the concept asked about (0: the same)." })
  distance!: number;
}

@ObjectType({ simpleResolvers: true, description: "One step of turning a raw value into a 0..1 reading." })
export class BridgeStep {
  @Field({ description: "input, unit, transform, normalize or polarity." })
  step!: string;

  @Field({ description: "The value after this step, as text." })
  value!: string;

  @Field()
  note!: string;
}

@ObjectType({ simpleResolvers: true, description: "A raw value bridged through one mapping." })
export class BridgedValue {
  @Field(() => Mapping)
  mapping!: Mapping;

  @Field(() => Concept)
  concept!: Concept;

  @Field({ description: "False when the value was rejected; see reason." })
  ok!: boolean;

  @Field(() => Float, { nullable: true, description: "0..1, higher is better for the concept." })
  value!: number | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => [BridgeStep])
  steps!: BridgeStep[];
}

@ObjectType({ simpleResolvers: true, description: "A source field with signals about the account." })
export class ConceptSource {
  @Field()
  system!: string;

  @Field()
  field!: string;

  @Field(() => Int)
  signals!: number;

  @Field(() => Date)
  latestObservedAt!: string;
}

@ObjectType({ simpleResolvers: true, description: "A concept for which an account has data." })
export class AccountConcept {
  @Field(() => Concept)
  concept!: Concept;

  @Field(() => [String], { description: "The source systems the data comes from." })
  systems!: string[];

  @Field(() => [ConceptSource])
  sources!: ConceptSource[];
}
