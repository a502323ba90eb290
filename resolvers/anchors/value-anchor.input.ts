import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { ATTRIBUTION_DIMENSIONS } from "../../domain/anchors/anchor-attribution";
import { AnchorDefinitionInput } from "../../domain/anchors/anchor-definition";
import {
  ANCHOR_AGGREGATIONS,
  ANCHOR_DIRECTIONS,
  ANCHOR_MEASURES,
  ANCHOR_POPULATIONS,
  AnchorAggregation,
  AnchorDirection,
  AnchorFilter,
  AnchorMeasure,
  AnchorPopulation,
} from "../../domain/anchors/anchor-metric";
import { ANCHOR_STATUSES } from "../../domain/anchors/anchor-projection";
import { AnchorUpdateInput } from "../../services/anchors/value-anchor.service";
import { enumOf } from "../common/enums";

export const AnchorPopulationEnum = enumOf(ANCHOR_POPULATIONS);
export const AnchorMeasureEnum = enumOf(ANCHOR_MEASURES);
export const AnchorAggregationEnum = enumOf(ANCHOR_AGGREGATIONS);
export const AnchorDirectionEnum = enumOf(ANCHOR_DIRECTIONS);
export const AnchorStatusEnum = enumOf(ANCHOR_STATUSES);
export const AttributionDimensionEnum = enumOf(ATTRIBUTION_DIMENSIONS);

registerEnumType(AnchorPopulationEnum, {
  name: "AnchorPopulation",
  description: "The records a value anchor measures.",
});
registerEnumType(AnchorMeasureEnum, {
  name: "AnchorMeasure",
  description: "What a value anchor reads of each record (docs/value-anchors.md lists each with its population).",
});
registerEnumType(AnchorAggregationEnum, { name: "AnchorAggregation" });
registerEnumType(AnchorDirectionEnum, {
  name: "AnchorDirection",
  description: "Whether the target is below (DECREASE) or above (INCREASE) the baseline.",
});
registerEnumType(AnchorStatusEnum, {
  name: "AnchorStatus",
  description: "Where a value anchor stands (docs/value-anchors.md, Status).",
});
registerEnumType(AttributionDimensionEnum, {
  name: "AttributionDimension",
  description: "A dimension of the graph a value anchor's miss is decomposed over.",
});

@InputType({ description: "Which records count; a list left out or null: any." })
export class AnchorFilterInput implements Partial<AnchorFilter> {
  @Field(() => [String], { nullable: true, description: 'Account segments, e.g. ["Key Account"].' })
  segments?: string[] | null;

  @Field(() => [String], { nullable: true })
  industries?: string[] | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Ticket categories (tickets only)." })
  categories?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Ticket priorities (tickets only)." })
  priorities?: string[] | null;

  @Field(() => [String], { nullable: true, description: "The records' source systems." })
  sourceSystems?: string[] | null;
}

@InputType()
export class AnchorMetricInput {
  @Field(() => AnchorPopulationEnum)
  population!: AnchorPopulation;

  @Field(() => AnchorMeasureEnum)
  measure!: AnchorMeasure;

  @Field(() => AnchorAggregationEnum)
  aggregation!: AnchorAggregation;

  @Field(() => AnchorFilterInput, { nullable: true })
  filter?: AnchorFilterInput | null;
}

@InputType({ description: "A value anchor: one measurable target with its deadline." })
export class ValueAnchorInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The owning user's external id; defaults to the caller." })
  owner?: string | null;

  @Field(() => AnchorMetricInput)
  metric!: AnchorMetricInput;

  @Field(() => Float)
  target!: number;

  @Field(() => AnchorDirectionEnum)
  direction!: AnchorDirection;

  @Field({ description: "YYYY-MM-DD (UTC), today or later." })
  deadline!: string;

  @Field(() => Int, { nullable: true, description: "Weeks of history backfilled (1–104, default 26)." })
  historyWeeks?: number | null;

  @Field(() => Int, { nullable: true, description: "Whole weeks before today the baseline covers (1–26, default 4)." })
  baselineWeeks?: number | null;
}

@InputType({ description: "Fields of a value anchor to change; the others stay. A new version is stored." })
export class ValueAnchorUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => AnchorMetricInput, { nullable: true, description: "A new metric also recomputes the baseline." })
  metric?: AnchorMetricInput | null;

  @Field(() => Float, { nullable: true })
  target?: number | null;

  @Field(() => AnchorDirectionEnum, { nullable: true })
  direction?: AnchorDirection | null;

  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field(() => Int, { nullable: true })
  historyWeeks?: number | null;

  @Field(() => Int, { nullable: true })
  baselineWeeks?: number | null;
}

/** GraphQL input objects as the plain definition the domain checks. */
export function plainAnchorInput(input: ValueAnchorInput): AnchorDefinitionInput {
  return JSON.parse(JSON.stringify(input)) as AnchorDefinitionInput;
}

/** GraphQL's nulls for "leave as is" as undefined, except description (null clears it). */
export function plainAnchorUpdate(input: ValueAnchorUpdateInput): AnchorUpdateInput {
  const plain = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plain)) if (v !== null || k === "description") out[k] = v;
  return out as AnchorUpdateInput;
}
