import { ConditionOutcome } from "./playbook-firing";
import { PlaybookTrigger } from "./playbook";
import { itemsInWindow, slopePerDay, windowStart } from "./signal-window";

/** One signal a trigger looked at, with the subject it is about and the value it carries. */
export interface ObservedSignal {
  signalId: string;
  /** Epoch milliseconds. */
  at: number;
  /** The subject the signal is about (account, contact or asset id) — trends are taken per subject. */
  subjectId: string;
  /** For concept triggers: the value in the concept's own unit (trend) or on its 0..1 scale (threshold). */
  value: number | null;
}

/** What a trigger decided for one subject. */
export interface TriggerDecision {
  passed: boolean;
  outcome: ConditionOutcome;
  /** The latest evidence time it used (epoch ms): a later firing needs evidence newer than this. */
  evidenceThrough: number | null;
  /** The signals (or subjects) whose values made it pass. */
  evidenceIds: string[];
  /** For trends: the subjects (assets) whose values moved beyond the rate. */
  movedSubjects: string[];
}

function decision(
  passed: boolean,
  facts: Record<string, unknown>,
  evidenceThrough: number | null,
  evidenceIds: string[] = [],
  movedSubjects: string[] = [],
): TriggerDecision {
  return { passed, outcome: { condition: "trigger", passed, facts }, evidenceThrough, evidenceIds, movedSubjects };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * SIGNAL_COUNT: at least `count` matching signals in the last `withinDays` (after the evidence of the
 * previous firing for the same subject).
 */
export function evaluateSignalCount(
  trigger: Extract<PlaybookTrigger, { kind: "SIGNAL_COUNT" }>,
  signals: readonly ObservedSignal[],
  now: number,
  previousEvidence: number | null,
): TriggerDecision {
  const start = windowStart(now, trigger.withinDays, previousEvidence);
  const seen = itemsInWindow(signals, start, now);
  const passed = seen.length >= trigger.count;
  return decision(
    passed,
    {
      kind: trigger.kind,
      count: seen.length,
      required: trigger.count,
      withinDays: trigger.withinDays,
      windowFrom: iso(start),
      windowTo: iso(now),
      signalIds: seen.map((s) => s.signalId),
    },
    seen.length === 0 ? null : seen.at(-1)!.at,
    seen.map((s) => s.signalId),
  );
}

/**
 * CONCEPT_THRESHOLD: the latest normalised value crosses `value` (BELOW: falls under it, ABOVE: rises over
 * it). A crossing needs the value before it on the other side (or no value before it), and evidence newer
 * than the previous firing's.
 */
export function evaluateThreshold(
  trigger: Extract<PlaybookTrigger, { kind: "CONCEPT_THRESHOLD" }>,
  series: readonly ObservedSignal[],
  now: number,
  previousEvidence: number | null,
): TriggerDecision {
  const points = series.filter((p) => p.value !== null && p.at <= now).sort((a, b) => a.at - b.at);
  const latest = points.at(-1);
  const before = points.at(-2);
  const beyond = (v: number) => (trigger.op === "BELOW" ? v < trigger.value : v > trigger.value);
  const crossed =
    latest !== undefined &&
    beyond(latest.value!) &&
    (before === undefined || !beyond(before.value!)) &&
    (previousEvidence === null || latest.at > previousEvidence);
  return decision(
    crossed,
    {
      kind: trigger.kind,
      concept: trigger.concept,
      op: trigger.op,
      threshold: trigger.value,
      latest: latest?.value ?? null,
      latestAt: iso(latest?.at ?? null),
      previous: before?.value ?? null,
      signalIds: [before, latest].filter((p) => p !== undefined).map((p) => p!.signalId),
    },
    latest?.at ?? null,
    latest === undefined ? [] : [latest.signalId],
  );
}

/**
 * CONCEPT_TREND: the least-squares slope per subject (per asset) over `withinDays`; fires when at least
 * `minSubjects` (default 1) subjects move faster than `ratePerDay` in the direction asked, and at least one
 * of them has a value newer than the previous firing's evidence.
 */
export function evaluateTrend(
  trigger: Extract<PlaybookTrigger, { kind: "CONCEPT_TREND" }>,
  series: readonly ObservedSignal[],
  now: number,
  previousEvidence: number | null,
): TriggerDecision {
  const start = now - trigger.withinDays * 86_400_000;
  const bySubject = new Map<string, ObservedSignal[]>();
  for (const point of itemsInWindow(series, start, now)) {
    if (point.value === null) continue;
    const list = bySubject.get(point.subjectId) ?? [];
    list.push(point);
    bySubject.set(point.subjectId, list);
  }
  const slopes: Array<{ subjectId: string; slopePerDay: number; points: number; latestAt: string }> = [];
  const moved: string[] = [];
  let newest: number | null = null;
  let fresh = false;
  for (const [subjectId, points] of [...bySubject.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const slope = slopePerDay(points.map((p) => ({ at: p.at, value: p.value! })));
    if (slope === null) continue;
    const latestAt = points.at(-1)!.at;
    slopes.push({ subjectId, slopePerDay: round(slope), points: points.length, latestAt: iso(latestAt)! });
    const fast = trigger.direction === "FALLING" ? slope < -trigger.ratePerDay : slope > trigger.ratePerDay;
    if (!fast) continue;
    moved.push(subjectId);
    newest = Math.max(newest ?? latestAt, latestAt);
    if (previousEvidence === null || latestAt > previousEvidence) fresh = true;
  }
  const required = trigger.minSubjects ?? 1;
  const passed = moved.length >= required && fresh;
  return decision(
    passed,
    {
      kind: trigger.kind,
      concept: trigger.concept,
      direction: trigger.direction,
      ratePerDay: trigger.ratePerDay,
      withinDays: trigger.withinDays,
      subjectsMoving: moved.length,
      required,
      slopes: slopes.slice(0, 50),
    },
    newest,
    moved,
    moved,
  );
}

/** A health grade change of an account, as the change event tells it. */
export interface GradeChange {
  seq: number;
  at: number;
  fromGrade: string | null;
  toGrade: string | null;
  fromScore: number | null;
  toScore: number | null;
}

/** HEALTH_GRADE_CHANGE: the change is into `to` / out of `from` (when given) and in `direction` (by score). */
export function evaluateGradeChange(
  trigger: Extract<PlaybookTrigger, { kind: "HEALTH_GRADE_CHANGE" }>,
  change: GradeChange,
): TriggerDecision {
  const toOk =
    !trigger.to || trigger.to.length === 0 || (change.toGrade !== null && trigger.to.includes(change.toGrade));
  const fromOk =
    !trigger.from ||
    trigger.from.length === 0 ||
    (change.fromGrade !== null && trigger.from.includes(change.fromGrade));
  let directionOk = true;
  if (trigger.direction) {
    const delta = change.fromScore === null || change.toScore === null ? null : change.toScore - change.fromScore;
    directionOk = delta !== null && (trigger.direction === "DOWN" ? delta < 0 : delta > 0);
  }
  const passed = toOk && fromOk && directionOk;
  return decision(
    passed,
    {
      kind: trigger.kind,
      fromGrade: change.fromGrade,
      toGrade: change.toGrade,
      fromScore: change.fromScore,
      toScore: change.toScore,
      eventSeq: change.seq,
    },
    change.at,
  );
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
