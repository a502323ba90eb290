import { UsageError } from "./usage.errors";

/** The product brief's three areas of calibration (PRODUCT.md, "Calibration"). */
export type CalibrationArea = "TECHNOLOGY" | "ORGANISATION" | "DATA";
export type CalibrationTrend = "RISING" | "FALLING" | "FLAT";

export interface CalibrationPoint {
  week: string;
  value: number | null;
}

export interface CalibrationCheck {
  name: "AUTOMATION_AI_GROWTH" | "MPUS_CREATED_PER_PERSON_MONTH" | "MPU_ADOPTION" | "ANCHOR_QUERIES_PER_PERSON_WEEK";
  area: CalibrationArea;
  /** Null: no data to judge by. */
  value: number | null;
  threshold: number;
  /** AT_LEAST: healthy when value ≥ threshold; ABOVE: when value > threshold. */
  comparison: "AT_LEAST" | "ABOVE";
  healthy: boolean | null;
  trend: CalibrationTrend | null;
  series: CalibrationPoint[];
  sentence: string;
}

/** The period asked for: whole ISO weeks before the week of `to`. */
export interface CalibrationPeriod {
  weeks: number;
  to: Date;
}

export const DEFAULT_CALIBRATION_WEEKS = 4;
export const MAX_CALIBRATION_WEEKS = 52;

/** Checks the period's arguments; throws what was wrong. */
export function checkCalibrationPeriod(
  weeks: number | null | undefined,
  to: string | null | undefined,
  now: Date,
): CalibrationPeriod {
  const problems: string[] = [];
  const w = weeks ?? DEFAULT_CALIBRATION_WEEKS;
  if (!Number.isInteger(w) || w < 2 || w > MAX_CALIBRATION_WEEKS) {
    problems.push(
      `period.weeks must be an integer from 2 to ${MAX_CALIBRATION_WEEKS} (growth needs two weeks); received ${w}`,
    );
  }
  let end = now;
  if (to !== null && to !== undefined) {
    const ms = Date.parse(to);
    if (Number.isNaN(ms))
      problems.push(`period.to "${to.slice(0, 40)}" is not an ISO 8601 date-time (2026-11-30T00:00:00Z)`);
    else end = new Date(ms);
  }
  if (problems.length > 0) throw new UsageError("INVALID_USAGE_PERIOD", `${problems.join("; ")}.`);
  return { weeks: w, to: end };
}

/** Weekly usage as counted by the usage recorder and read from the graph. */
export interface WeeklyUsage {
  week: string;
  /** Calls of automation operations (playbooks, proposals, receipts, tasks). */
  automationCalls: number;
  /** Playbook firings and the actions they took (tasks and reviews opened), from the graph. */
  automationRuns: number;
  /** Calls by agents, plain-language drafts, MCP. */
  aiCalls: number;
  /** Calls that read or change value anchors. */
  anchorCalls: number;
}

/** One MPU as the calibration needs it (the MPU contract: `(:Mpu)` and `(:MpuUse)`), times in epoch ms. */
export interface MpuFacts {
  createdAt: number | null;
  publishedAt: number | null;
  /** When it was retired; a unit retired before a week starts is no longer published in it. */
  retiredAt?: number | null;
  /** When a user other than its author applied it, within the period. */
  usesByOthers: number[];
}

export interface CalibrationInput {
  /** The period's week starts, oldest first; `usage` is aligned with them. */
  usage: WeeklyUsage[];
  /** People the per-person figures divide by; null when the tenant has none known. */
  people: number | null;
  /** Null: the tenant has no MPUs at all ("no data"). */
  mpus: MpuFacts[] | null;
  /**
   * Who MPU creation divides by, as the MPU issue defines it: field people (users holding the rep role); when
   * no user holds it, `people`.
   */
  fieldPeople?: number | null;
}

const WEEK_MS = 7 * 86_400_000;
/** Average days in a month, to state weekly counts as monthly rates. */
const MONTH_DAYS = 30.4375;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const num = (x: number) => (Math.round(x * 100) / 100).toString();
const weekMs = (week: string) => Date.parse(`${week}T00:00:00Z`);

/**
 * Rising, falling or flat by the least-squares slope of the series (nulls left out) relative to its mean:
 * a change of more than 5% of the mean per week is a trend. Null with fewer than two values or a zero mean.
 */
export function trendOf(values: ReadonlyArray<number | null>): CalibrationTrend | null {
  const points = values.flatMap((v, i) => (v === null ? [] : [{ x: i, y: v }]));
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  if (my === 0) return slope === 0 ? "FLAT" : slope > 0 ? "RISING" : "FALLING";
  const relative = slope / Math.abs(my);
  return relative > 0.05 ? "RISING" : relative < -0.05 ? "FALLING" : "FLAT";
}

function judge(value: number | null, threshold: number, comparison: CalibrationCheck["comparison"]): boolean | null {
  if (value === null) return null;
  return comparison === "AT_LEAST" ? value >= threshold : value > threshold;
}

/** Week-over-week growth of automation and AI use (healthy ≥ 25%): the last full week against the one before. */
export function technologyCheck(usage: readonly WeeklyUsage[]): CalibrationCheck {
  const totals = usage.map((w) => w.automationCalls + w.automationRuns + w.aiCalls);
  const growth = totals.map((t, i) => (i === 0 || totals[i - 1] === 0 ? null : t / totals[i - 1]! - 1));
  const last = totals[totals.length - 1] ?? 0;
  const previous = totals[totals.length - 2] ?? 0;
  const value = growth[growth.length - 1] ?? null;
  const lastWeek = usage[usage.length - 1]?.week ?? "";
  const w = usage[usage.length - 1];
  const parts = w
    ? `${w.automationRuns} playbook firings and actions, ${w.automationCalls} automation calls, ${w.aiCalls} AI calls`
    : "";
  const sentence =
    value === null
      ? last === 0 && previous === 0
        ? "No automation or AI use was recorded in the last two full weeks, so there is no growth to judge."
        : `Automation and AI use went from 0 to ${last} in the week of ${lastWeek} (${parts}); growth needs a week with use before it.`
      : `Automation and AI use ${value >= 0 ? "grew" : "fell"} ${pct(Math.abs(value))} week over week (${previous} → ${last} in the week of ${lastWeek}: ${parts}); healthy is growth of at least 25%.`;
  return {
    name: "AUTOMATION_AI_GROWTH",
    area: "TECHNOLOGY",
    value,
    threshold: 0.25,
    comparison: "AT_LEAST",
    healthy: judge(value, 0.25, "AT_LEAST"),
    trend: trendOf(totals),
    series: usage.map((u, i) => ({ week: u.week, value: totals[i]! })),
    sentence,
  };
}

/** MPUs created per person per month in the period (healthy ≥ 0.8). */
export function mpuCreationCheck(
  weeks: readonly string[],
  mpus: readonly MpuFacts[] | null,
  people: number | null,
  /** `people` are field people (the rep role), as the MPU issue counts them. */
  fieldPeople = false,
): CalibrationCheck {
  const base = {
    name: "MPUS_CREATED_PER_PERSON_MONTH" as const,
    area: "ORGANISATION" as const,
    threshold: 0.8,
    comparison: "AT_LEAST" as const,
  };
  if (mpus === null || people === null || people === 0) {
    return {
      ...base,
      value: null,
      healthy: null,
      trend: null,
      series: weeks.map((week) => ({ week, value: null })),
      sentence:
        mpus === null
          ? "No data: this tenant has no micro-practice units yet, so MPU creation cannot be judged."
          : "No data: the tenant has no users to divide MPU creation by.",
    };
  }
  const perWeek = weeks.map((week) => {
    const from = weekMs(week);
    return mpus.filter((m) => m.createdAt !== null && m.createdAt >= from && m.createdAt < from + WEEK_MS).length;
  });
  const created = perWeek.reduce((s, n) => s + n, 0);
  const months = (weeks.length * 7) / MONTH_DAYS;
  const value = created / people / months;
  const series = perWeek.map((n, i) => ({ week: weeks[i]!, value: ((n / people) * MONTH_DAYS) / 7 }));
  return {
    ...base,
    value,
    healthy: judge(value, 0.8, "AT_LEAST"),
    trend: trendOf(series.map((p) => p.value)),
    series,
    sentence: `${num(value)} MPUs created per person per month (${created} units by ${people} ${fieldPeople ? "field people (rep role)" : "people"} in ${weeks.length} weeks); healthy is at least 0.8.`,
  };
}

/**
 * Adoption (healthy > 65%), as the MPU issue defines it: units published during the period (published before
 * its end, not retired before its start) applied at least once in the period by a user other than their author
 * ÷ those units. Per week, the same over that week.
 */
export function mpuAdoptionCheck(weeks: readonly string[], mpus: readonly MpuFacts[] | null): CalibrationCheck {
  const base = {
    name: "MPU_ADOPTION" as const,
    area: "ORGANISATION" as const,
    threshold: 0.65,
    comparison: "ABOVE" as const,
  };
  const end = weeks.length > 0 ? weekMs(weeks[weeks.length - 1]!) + WEEK_MS : 0;
  const start = weeks.length > 0 ? weekMs(weeks[0]!) : 0;
  // Published during [from, to): published before its end and not retired before its start.
  const publishedDuring = (from: number, to: number) =>
    (mpus ?? []).filter(
      (m) =>
        m.publishedAt !== null &&
        m.publishedAt < to &&
        (m.retiredAt === null || m.retiredAt === undefined || m.retiredAt >= from),
    );
  const published = publishedDuring(start, end);
  if (mpus === null || published.length === 0) {
    return {
      ...base,
      value: null,
      healthy: null,
      trend: null,
      series: weeks.map((week) => ({ week, value: null })),
      sentence:
        mpus === null
          ? "No data: this tenant has no micro-practice units yet, so adoption cannot be judged."
          : "No data: no unit was published during the period, so adoption cannot be judged.",
    };
  }
  const adopted = published.filter((m) => m.usesByOthers.some((t) => t >= start && t < end)).length;
  const value = adopted / published.length;
  const series = weeks.map((week) => {
    const from = weekMs(week);
    const units = publishedDuring(from, from + WEEK_MS);
    if (units.length === 0) return { week, value: null };
    return {
      week,
      value: units.filter((m) => m.usesByOthers.some((t) => t >= from && t < from + WEEK_MS)).length / units.length,
    };
  });
  return {
    ...base,
    value,
    healthy: judge(value, 0.65, "ABOVE"),
    trend: trendOf(series.map((p) => p.value)),
    series,
    sentence: `${pct(value)} of published units were applied by someone other than their author (${adopted} of ${published.length}); healthy is more than 65%.`,
  };
}

/** Anchor-related queries per person per week (healthy > 5). */
export function anchorQueriesCheck(usage: readonly WeeklyUsage[], people: number | null): CalibrationCheck {
  const base = {
    name: "ANCHOR_QUERIES_PER_PERSON_WEEK" as const,
    area: "DATA" as const,
    threshold: 5,
    comparison: "ABOVE" as const,
  };
  if (people === null || people === 0) {
    return {
      ...base,
      value: null,
      healthy: null,
      trend: null,
      series: usage.map((u) => ({ week: u.week, value: null })),
      sentence: "No data: the tenant has no users to divide anchor queries by.",
    };
  }
  const series = usage.map((u) => ({ week: u.week, value: u.anchorCalls / people }));
  const total = usage.reduce((s, u) => s + u.anchorCalls, 0);
  const value = total / people / Math.max(usage.length, 1);
  return {
    ...base,
    value,
    healthy: judge(value, 5, "ABOVE"),
    trend: trendOf(series.map((p) => p.value)),
    series,
    sentence:
      total === 0
        ? `No anchor-related queries in ${usage.length} weeks (${people} people); healthy is more than 5 per person per week.`
        : `${num(value)} anchor-related queries per person per week (${total} by ${people} people in ${usage.length} weeks); healthy is more than 5.`,
  };
}

/** The four figures of the three checks, in the brief's order. */
export function calibrationChecks(weeks: readonly string[], input: CalibrationInput): CalibrationCheck[] {
  return [
    technologyCheck(input.usage),
    mpuCreationCheck(weeks, input.mpus, input.fieldPeople ? input.fieldPeople : input.people, !!input.fieldPeople),
    mpuAdoptionCheck(weeks, input.mpus),
    anchorQueriesCheck(input.usage, input.people),
  ];
}
