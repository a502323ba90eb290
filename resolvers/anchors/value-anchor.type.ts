import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { AnchorAttribution, AttributedGroup, AttributionDimension } from "../../domain/anchors/anchor-attribution";
import { AnchorEffectResult } from "../../domain/anchors/anchor-effect";
import {
  AnchorAggregation,
  AnchorDirection,
  AnchorMeasure,
  AnchorPopulation,
  describeMetric,
} from "../../domain/anchors/anchor-metric";
import { AnchorStatus } from "../../domain/anchors/anchor-projection";
import { AnchorReport } from "../../domain/anchors/anchor-report";
import { StoredAnchor, StoredAnchorPoint } from "../../domain/anchors/stored-anchor";
import {
  AnchorAggregationEnum,
  AnchorDirectionEnum,
  AnchorMeasureEnum,
  AnchorPopulationEnum,
  AnchorStatusEnum,
  AttributionDimensionEnum,
} from "./value-anchor.input";

@ObjectType("AnchorFilter", { simpleResolvers: true })
export class AnchorFilterView {
  @Field(() => [String], { nullable: true })
  segments!: string[] | null;
  @Field(() => [String], { nullable: true })
  industries!: string[] | null;
  @Field(() => [String], { nullable: true })
  regions!: string[] | null;
  @Field(() => [String], { nullable: true })
  categories!: string[] | null;
  @Field(() => [String], { nullable: true })
  priorities!: string[] | null;
  @Field(() => [String], { nullable: true })
  sourceSystems!: string[] | null;
}

@ObjectType("AnchorMetric", { simpleResolvers: true })
export class AnchorMetricView {
  @Field(() => AnchorPopulationEnum)
  population!: AnchorPopulation;
  @Field(() => AnchorMeasureEnum)
  measure!: AnchorMeasure;
  @Field(() => AnchorAggregationEnum)
  aggregation!: AnchorAggregation;
  @Field(() => AnchorFilterView)
  filter!: AnchorFilterView;
  @Field({ description: 'In words, e.g. "median resolution time of tickets (segments: Key Account)".' })
  description!: string;
}

@ObjectType("AnchorBaseline", { simpleResolvers: true })
export class AnchorBaselineView {
  @Field(() => Float, { nullable: true, description: "Null when the baseline window had no records." })
  value!: number | null;
  @Field(() => Int, { description: "Records in the baseline window." })
  n!: number;
  @Field()
  from!: string;
  @Field()
  to!: string;
}

@ObjectType("AnchorPoint", {
  simpleResolvers: true,
  description:
    "One week of an anchor's series, traceable: the anchor version and metric it was computed with, the query " +
    "that reproduces its records (population) and, up to 1000 records a week, their ids.",
})
export class AnchorPointView {
  @Field({ description: "The week's Monday (UTC), YYYY-MM-DD." })
  weekStart!: string;
  @Field(() => Float, { nullable: true, description: "Null for a week without records (counts and sums: 0)." })
  value!: number | null;
  @Field(() => Int)
  n!: number;
  @Field(() => Int)
  anchorVersion!: number;
  @Field()
  metricHash!: string;
  @Field({ description: "The population as canonical JSON: measure, aggregation, filter and window." })
  population!: string;
  @Field(() => [String], { nullable: true, description: "The records' ids; null above 1000 records (use population)." })
  recordIds!: string[] | null;
  @Field()
  computedAt!: string;
}

@ObjectType("AnchorProjection", { simpleResolvers: true })
export class AnchorProjectionView {
  @Field(() => Float, { nullable: true })
  valueAtDeadline!: number | null;
  @Field(() => Float)
  slopePerWeek!: number;
  @Field(() => Int)
  pointsUsed!: number;
  @Field({ description: "THEIL_SEN (3 or more weeks), LAST_VALUE (fewer) or NONE." })
  method!: string;
}

@ObjectType("AttributedGroup", { simpleResolvers: true })
export class AttributedGroupView {
  @Field(() => AttributionDimensionEnum)
  dimension!: AttributionDimension;
  @Field()
  key!: string;
  @Field()
  label!: string;
  @Field(() => Float, { description: "Its part of what is shared out (0..1); shares of one dimension add up to 1." })
  share!: number;
  @Field(() => Float, { description: "Its part of the population, weighted the same way." })
  populationShare!: number;
  @Field(() => Float)
  contribution!: number;
  @Field(() => Int)
  items!: number;
  @Field(() => [String], { description: "The records that contribute most, at most 20." })
  recordIds!: string[];
  @Field()
  finding!: string;
}

@ObjectType("AnchorAttribution", { simpleResolvers: true })
export class AnchorAttributionView {
  @Field({ description: "EXCESS_OVER_TARGET (median, p90), EXACT_ADDITIVE (mean, sum, count) or EXACT_RATE_SHAPLEY." })
  method!: string;
  @Field(() => Float, { nullable: true })
  current!: number | null;
  @Field(() => Float)
  target!: number;
  @Field(() => Float, { description: "What is shared out: the gap, or the excess over target." })
  total!: number;
  @Field(() => Int)
  items!: number;
  @Field(() => Int)
  missing!: number;
  @Field()
  from!: string;
  @Field()
  to!: string;
  @Field(() => [AttributedGroupView])
  groups!: AttributedGroup[];
  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType("ValueAnchor", { description: "One quantified business target with its tracking (issue 17)." })
export class ValueAnchorView {
  /** The stored anchor, for the field resolvers (not a GraphQL field). */
  stored!: StoredAnchor;

  @Field(() => ID)
  id!: string;
  @Field()
  name!: string;
  @Field(() => String, { nullable: true })
  description!: string | null;
  @Field({ description: "The owning user's external id." })
  owner!: string;
  @Field(() => Int)
  version!: number;
  @Field()
  definitionHash!: string;
  @Field()
  metricHash!: string;
  @Field(() => AnchorMetricView)
  metric!: AnchorMetricView;
  @Field(() => Float)
  target!: number;
  @Field(() => AnchorDirectionEnum)
  direction!: AnchorDirection;
  @Field()
  deadline!: string;
  @Field(() => AnchorBaselineView)
  baseline!: AnchorBaselineView;
  @Field(() => Int)
  historyWeeks!: number;
  @Field()
  createdAt!: string;
  @Field()
  updatedAt!: string;
  @Field()
  createdBy!: string;
  @Field()
  computedAt!: string;
  @Field(() => [AnchorPointView], { description: "The weekly series, oldest first." })
  series!: StoredAnchorPoint[];
  @Field(() => AnchorPointView, { nullable: true, description: "The latest week with a value." })
  latest!: StoredAnchorPoint | null;
  @Field(() => AnchorProjectionView)
  projection!: AnchorProjectionView;
  @Field(() => AnchorStatusEnum)
  status!: AnchorStatus;
  @Field()
  statusReason!: string;
}

@ObjectType("AnchorEffect", {
  simpleResolvers: true,
  description:
    "Difference in differences: the anchor's change on the accounts a playbook or MPU touched minus its change on " +
    "the population's untouched accounts, with a 95% bootstrap interval (docs/value-anchors.md).",
})
export class AnchorEffectView {
  @Field(() => ID)
  anchorId!: string;
  @Field({ description: "PLAYBOOK or MPU." })
  subjectKind!: string;
  @Field(() => ID)
  subjectId!: string;
  @Field(() => Int)
  weeks!: number;
  @Field(() => Float, { nullable: true })
  difference!: number | null;
  @Field(() => Float, { nullable: true })
  low!: number | null;
  @Field(() => Float, { nullable: true })
  high!: number | null;
  @Field(() => Float, { nullable: true })
  treatedChange!: number | null;
  @Field(() => Float, { nullable: true })
  controlChange!: number | null;
  @Field(() => Int)
  treatedAccounts!: number;
  @Field(() => Int)
  controlAccounts!: number;
  @Field(() => String, { nullable: true })
  controlPivot!: string | null;
  @Field({ description: "Whether the whole interval lies on the improving side." })
  improved!: boolean;
  @Field()
  from!: string;
  @Field()
  to!: string;
  @Field(() => String, { nullable: true })
  note!: string | null;
}

export function toValueAnchorView(report: AnchorReport): ValueAnchorView {
  const a = report.anchor;
  const d = a.definition;
  return {
    stored: a,
    id: a.id,
    name: d.name,
    description: d.description,
    owner: d.owner,
    version: a.version,
    definitionHash: a.definitionHash,
    metricHash: a.metricHash,
    metric: { ...d.metric, filter: { ...d.metric.filter }, description: describeMetric(d.metric) },
    target: d.target,
    direction: d.direction,
    deadline: d.deadline,
    baseline: a.baseline,
    historyWeeks: d.historyWeeks,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    createdBy: a.createdBy,
    computedAt: a.computedAt,
    series: a.points,
    latest: report.latest === null ? null : (a.points.find((p) => p.weekStart === report.latest?.weekStart) ?? null),
    projection: report.projection,
    status: report.status.status,
    statusReason: report.status.reason,
  };
}

export function toAttributionView(
  result: AnchorAttribution & { window: { from: string; to: string } },
): AnchorAttributionView {
  return { ...result, from: result.window.from, to: result.window.to };
}

export function toEffectView(
  anchorId: string,
  weeks: number,
  result: AnchorEffectResult & { window: { from: string; to: string }; subjectKind: string; subjectId: string },
): AnchorEffectView {
  return { ...result, anchorId, weeks, from: result.window.from, to: result.window.to };
}
