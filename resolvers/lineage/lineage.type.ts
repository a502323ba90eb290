import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({
  simpleResolvers: true,
  description: "One node of a lineage graph: a value, model, mapping, field, record…",
})
export class LineageNodeView {
  @Field(() => ID, {
    description: "Relata's global id where the node has one (acc_, sig_, src_, idn_, concept ids), else a stable id.",
  })
  id!: string;

  @Field({
    description: "HEALTH_SCORE, CONCEPT_VALUE, HEALTH_MODEL, MAPPING, SOURCE_FIELD, SOURCE_SYSTEM, SIGNAL, ACCOUNT, …",
  })
  kind!: string;

  @Field()
  label!: string;

  @Field(() => String, {
    nullable: true,
    description: "The version of what the node is (a model version), when it has one.",
  })
  version!: string | null;

  @Field(() => GraphQLJSON, {
    description: "The properties that matter for this kind (weights, transforms, values, times).",
  })
  properties!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true, description: "An edge from what was computed towards what it came from." })
export class LineageEdgeView {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field({ description: "DERIVED_FROM, COMPUTED_BY, MAPPED_BY, READS, OBSERVED_IN, ABOUT, RESOLVED_TO, CONSIDERED." })
  kind!: string;

  @Field(() => GraphQLJSON)
  properties!: Record<string, unknown>;
}

@ObjectType("Lineage", { simpleResolvers: true, description: "What a computed value came from, as a bounded graph." })
export class LineageView {
  @Field(() => ID, { description: "The id of the node that is the value asked about." })
  rootId!: string;

  @Field({
    description: "Which kind of value it is: HEALTH_SCORE, CONCEPT_VALUE, GOLDEN_FIELD (more as features add them).",
  })
  kind!: string;

  @Field(() => [LineageNodeView])
  nodes!: LineageNodeView[];

  @Field(() => [LineageEdgeView])
  edges!: LineageEdgeView[];

  @Field({
    description: "Nodes were left out: the node budget was spent, or a mapping lists fewer signals than it read.",
  })
  truncated!: boolean;

  @Field(() => Int, { description: "The source records (signals, identities) that fed the value, listed or not." })
  recordCount!: number;

  @Field(() => [String], { description: "How the answer was obtained, in plain words." })
  notes!: string[];
}

@ObjectType({ simpleResolvers: true, description: "Something that uses a field or concept, and how." })
export class ImpactUsageView {
  @Field({ description: "MAPPING, HEALTH_MODEL, PLAYBOOK (value anchors and MPUs register more)." })
  kind!: string;

  @Field(() => ID)
  id!: string;

  @Field()
  label!: string;

  @Field(() => String, { nullable: true })
  version!: string | null;

  @Field(() => String, { nullable: true, description: "The concept through which it uses the target." })
  via!: string | null;

  @Field({ description: 'How it uses it: "weights idh:usage 0.3", "reads concept idh:usage in its trigger".' })
  relation!: string;

  @Field(() => GraphQLJSON)
  properties!: Record<string, unknown>;
}

@ObjectType("Impact", { simpleResolvers: true, description: "Everything that uses a source field or a concept." })
export class ImpactView {
  @Field({ description: '"field system.field" or "concept id".' })
  target!: string;

  @Field(() => [String], {
    description: "The concepts the target measures directly (a field's mapped concepts; a concept itself).",
  })
  direct!: string[];

  @Field(() => [String], { description: "Those concepts and every concept they roll up into." })
  reach!: string[];

  @Field(() => [ImpactUsageView])
  usages!: ImpactUsageView[];

  @Field({ description: "A kind listed only its first `first` usages." })
  truncated!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A change of an ontology diff and what it would break." })
export class ImpactWarningView {
  @Field({ description: 'E.g. "concept idh:usage removed", "mapping product/logins → idh:usage changed (transform)".' })
  change!: string;

  @Field(() => ID)
  conceptId!: string;

  @Field(() => [ImpactUsageView])
  usages!: ImpactUsageView[];

  @Field()
  message!: string;
}
