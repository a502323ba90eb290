import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/canonical-json";
import { TICKET_PRIORITIES } from "../records";
import { AnchorError, AnchorProblem } from "./anchor.errors";
import {
  ANCHOR_AGGREGATIONS,
  ANCHOR_DIRECTIONS,
  ANCHOR_MEASURES,
  ANCHOR_POPULATIONS,
  AnchorAggregation,
  AnchorDirection,
  AnchorFilter,
  AnchorMeasure,
  AnchorMetric,
  AnchorPopulation,
  EMPTY_FILTER,
  MEASURES,
} from "./anchor-metric";

export const MAX_ANCHOR_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_FILTER_VALUES = 50;
export const MAX_FILTER_VALUE_LENGTH = 200;
export const DEFAULT_HISTORY_WEEKS = 26;
export const MAX_HISTORY_WEEKS = 104;
export const DEFAULT_BASELINE_WEEKS = 4;
export const MAX_BASELINE_WEEKS = 26;

/** An anchor definition as a caller sends it (GraphQL input or tests); every field checked. */
export interface AnchorDefinitionInput {
  name: string;
  description?: string | null;
  /** The owning user's external id (their token subject); defaults to the caller. */
  owner?: string | null;
  metric: {
    population: AnchorPopulation;
    measure: AnchorMeasure;
    aggregation: AnchorAggregation;
    filter?: Partial<AnchorFilter> | null;
  };
  target: number;
  direction: AnchorDirection;
  /** YYYY-MM-DD (UTC). */
  deadline: string;
  historyWeeks?: number | null;
  baselineWeeks?: number | null;
}

/** A checked definition: what is stored (canonical JSON) and hashed. */
export interface AnchorDefinition {
  name: string;
  description: string | null;
  owner: string;
  metric: AnchorMetric;
  target: number;
  direction: AnchorDirection;
  deadline: string;
  historyWeeks: number;
  baselineWeeks: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function filterList(
  value: unknown,
  path: string,
  problems: AnchorProblem[],
  allowed?: readonly string[],
): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) {
    problems.push({ path, message: "must be a list of values (or null for any)" });
    return null;
  }
  if (value.length > MAX_FILTER_VALUES) {
    problems.push({ path, message: `has ${value.length} values; at most ${MAX_FILTER_VALUES} are allowed` });
    return null;
  }
  const out: string[] = [];
  value.forEach((v, i) => {
    if (typeof v !== "string" || v.trim().length === 0 || v.length > MAX_FILTER_VALUE_LENGTH) {
      problems.push({ path: `${path}[${i}]`, message: `must be text of 1 to ${MAX_FILTER_VALUE_LENGTH} characters` });
    } else if (allowed !== undefined && !allowed.includes(v)) {
      problems.push({
        path: `${path}[${i}]`,
        message: `must be one of ${allowed.join(", ")}; received ${JSON.stringify(v)}`,
      });
    } else out.push(v.trim());
  });
  return out.length === 0 ? null : [...new Set(out)].sort();
}

function weeks(value: unknown, path: string, fallback: number, max: number, problems: AnchorProblem[]): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    problems.push({ path, message: `must be a whole number of weeks from 1 to ${max}; received ${String(value)}` });
    return fallback;
  }
  return value as number;
}

/**
 * Checks a definition as a whole and returns it normalised (filters sorted and de-duplicated, defaults
 * filled); throws INVALID_ANCHOR listing every problem with its path. `today` is YYYY-MM-DD: a new
 * deadline may not lie before it.
 */
export function validateAnchorDefinition(
  input: AnchorDefinitionInput,
  caller: string,
  today: string,
): AnchorDefinition {
  const problems: AnchorProblem[] = [];
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (name.length === 0 || name.length > MAX_ANCHOR_NAME_LENGTH) {
    problems.push({ path: "name", message: `must be text of 1 to ${MAX_ANCHOR_NAME_LENGTH} characters` });
  }
  const description = input.description ?? null;
  if (description !== null && (typeof description !== "string" || description.length > MAX_DESCRIPTION_LENGTH)) {
    problems.push({ path: "description", message: `must be text of at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  const owner = input.owner ?? caller;
  if (typeof owner !== "string" || owner.trim().length === 0 || owner.length > MAX_FILTER_VALUE_LENGTH) {
    problems.push({ path: "owner", message: "must be a user's external id (their token subject)" });
  }
  const m = input.metric ?? ({} as AnchorDefinitionInput["metric"]);
  const known = <T extends string>(list: readonly T[], v: unknown, path: string): v is T => {
    if (typeof v === "string" && (list as readonly string[]).includes(v)) return true;
    problems.push({ path, message: `must be one of ${list.join(", ")}; received ${JSON.stringify(v)}` });
    return false;
  };
  const populationOk = known(ANCHOR_POPULATIONS, m.population, "metric.population");
  const measureOk = known(ANCHOR_MEASURES, m.measure, "metric.measure");
  const aggregationOk = known(ANCHOR_AGGREGATIONS, m.aggregation, "metric.aggregation");
  known(ANCHOR_DIRECTIONS, input.direction, "direction");
  const spec = measureOk ? MEASURES[m.measure] : null;
  if (spec !== null && populationOk && spec.population !== m.population) {
    problems.push({
      path: "metric.measure",
      message: `${m.measure} measures ${spec.population.toLowerCase()}, not ${m.population.toLowerCase()}; choose a measure of the population`,
    });
  }
  if (spec !== null && aggregationOk) {
    if (m.aggregation === "RATE" && spec.kind !== "BOOLEAN") {
      problems.push({
        path: "metric.aggregation",
        message: `RATE needs a yes/no measure; ${m.measure} is a number (use MEDIAN, MEAN, P90 or SUM)`,
      });
    }
    if (["MEDIAN", "MEAN", "P90", "SUM"].includes(m.aggregation) && spec.kind !== "NUMBER") {
      problems.push({
        path: "metric.aggregation",
        message: `${m.aggregation} needs a number; ${m.measure} is yes/no (use RATE or COUNT)`,
      });
    }
  }
  const f = m.filter ?? {};
  const tickets = m.population === "TICKETS";
  const filter: AnchorFilter = {
    ...EMPTY_FILTER,
    segments: filterList(f.segments, "metric.filter.segments", problems),
    industries: filterList(f.industries, "metric.filter.industries", problems),
    regions: filterList(f.regions, "metric.filter.regions", problems),
    categories: filterList(f.categories, "metric.filter.categories", problems),
    priorities: filterList(f.priorities, "metric.filter.priorities", problems, TICKET_PRIORITIES),
    sourceSystems: filterList(f.sourceSystems, "metric.filter.sourceSystems", problems),
  };
  if (!tickets && (filter.categories !== null || filter.priorities !== null)) {
    problems.push({
      path: "metric.filter",
      message: "categories and priorities filter tickets only; leave them out for this population",
    });
  }
  if (typeof input.target !== "number" || !Number.isFinite(input.target)) {
    problems.push({ path: "target", message: "must be a finite number" });
  } else if (m.aggregation === "RATE" && (input.target < 0 || input.target > 1)) {
    problems.push({
      path: "target",
      message: `a rate's target is a share from 0 to 1 (e.g. 0.9 for 90%); received ${input.target}`,
    });
  } else if (input.target < 0 && spec?.unit === "h") {
    problems.push({ path: "target", message: `hours cannot be negative; received ${input.target}` });
  }
  if (typeof input.deadline !== "string" || !realDate(input.deadline)) {
    problems.push({
      path: "deadline",
      message: `must be a date written YYYY-MM-DD; received ${JSON.stringify(input.deadline)}`,
    });
  } else if (input.deadline < today) {
    problems.push({
      path: "deadline",
      message: `${input.deadline} has passed (today is ${today}); set a deadline from today on`,
    });
  }
  const historyWeeks = weeks(input.historyWeeks, "historyWeeks", DEFAULT_HISTORY_WEEKS, MAX_HISTORY_WEEKS, problems);
  const baselineWeeks = weeks(
    input.baselineWeeks,
    "baselineWeeks",
    DEFAULT_BASELINE_WEEKS,
    MAX_BASELINE_WEEKS,
    problems,
  );
  if (problems.length > 0) {
    throw new AnchorError(
      "INVALID_ANCHOR",
      `The value anchor definition has ${problems.length} problem${problems.length === 1 ? "" : "s"}: ` +
        problems.map((p) => `${p.path} ${p.message}`).join("; ") +
        ". Correct them and send the definition again (extensions.problems lists each with its path).",
      problems,
    );
  }
  return {
    name,
    description,
    owner: owner.trim(),
    metric: { population: m.population, measure: m.measure, aggregation: m.aggregation, filter },
    target: input.target,
    direction: input.direction,
    deadline: input.deadline,
    historyWeeks,
    baselineWeeks,
  };
}

/** The hash of what a point measures (the metric alone): points of one metric hash are comparable. */
export function metricHash(metric: AnchorMetric): string {
  return createHash("sha256").update(canonicalJson(metric)).digest("hex");
}

/**
 * Throws ANCHOR_DIRECTION_INCONSISTENT when the target lies on the wrong side of the baseline (a DECREASE
 * to a higher value, an INCREASE to a lower one); a baseline of null (no records yet) is not checked.
 */
export function checkDirection(
  definition: Pick<AnchorDefinition, "target" | "direction">,
  baseline: number | null,
): void {
  if (baseline === null) return;
  const { target, direction } = definition;
  const wrong = direction === "DECREASE" ? target >= baseline : target <= baseline;
  if (wrong) {
    const want = direction === "DECREASE" ? "below" : "above";
    throw new AnchorError(
      "ANCHOR_DIRECTION_INCONSISTENT",
      `direction ${direction} needs a target ${want} the baseline, but the baseline is ${Math.round(baseline * 1000) / 1000} ` +
        `and the target ${target}. Set direction ${direction === "DECREASE" ? "INCREASE" : "DECREASE"} or a target ${want} the baseline.`,
      [{ path: "target", message: `must be ${want} the baseline ${baseline} for direction ${direction}` }],
    );
  }
}
