import { Field, ID, InputType, Int } from "type-graphql";

@InputType("LineageTarget", {
  description:
    "A computed value to trace: a node's global id, optionally a field of it and a point in time. An account id " +
    'alone (or with field "health") is its health score; with a concept id as field ("core:satisfaction") that ' +
    'concept\'s value; a resolved customer id ("per_…") with a golden-record field ("fullName") that field; a ' +
    'value anchor id ("anc_…") with a day of the week as field ("2026-11-23") or `at` that week\'s point (no field, ' +
    'no at: the latest week with a value), as does a point\'s own id ("anchor-point:anc_…@2026-11-23").',
})
export class LineageTargetInput {
  @Field(() => ID, { description: "A global id, as node(id:) reads it (or a resolved customer's id)." })
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The field of the node: "health", a concept id, a golden-record field.',
  })
  field?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "ISO 8601 date-time: the value as it was then (the stored score that answered then). Default: the latest.",
  })
  at?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For health scores and concept values: the model (default "default").',
  })
  modelId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "At most this many nodes (1 to 1000, default 200); truncated says when more were left out.",
  })
  maxNodes?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "For values fed by many records (an anchor point): list the records after this cursor, the nextRecordsAfter " +
      "property of the previous answer's root node. Default: from the first record.",
  })
  after?: string | null;
}

@InputType("ImpactTarget", {
  description:
    'A source field (its source system\'s global id "src_…" and the field name) or a concept (its id, no field).',
})
export class ImpactTargetInput {
  @Field(() => ID, { description: 'A source system\'s id ("src_…") or a concept id ("core:satisfaction").' })
  id!: string;

  @Field(() => String, { nullable: true, description: "The field of the source system; empty for a concept." })
  field?: string | null;
}
