import { StoredChange } from "./change-event";

/** What a health event says about one account: its score and grade before and after. */
export interface HealthMove {
  /** HEALTH_GRADE_CHANGED, or HEALTH_SCORE_CHANGED (which names the grade only when it changed too). */
  gradeChanged: boolean;
  oldScore: number | null;
  newScore: number | null;
  oldGrade: string | null;
  newGrade: string | null;
}

/** Why a health change was reported to a subscriber. */
export type HealthReportReason = "GRADE_CHANGED" | "SCORE_MOVED";

export interface HealthReport extends HealthMove {
  reason: HealthReportReason;
  /** How far the score moved from the last score reported (or the baseline); null when unknown. */
  scoreDelta: number | null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/**
 * The move a HEALTH_GRADE_CHANGED or HEALTH_SCORE_CHANGED event records (`changes` holds `score` and, when
 * it changed, `grade`); null for any other event.
 */
export function healthMoveOf(event: Pick<StoredChange, "type" | "changes">): HealthMove | null {
  if (event.type !== "HEALTH_GRADE_CHANGED" && event.type !== "HEALTH_SCORE_CHANGED") return null;
  const score = event.changes.find((change) => change.field === "score");
  const grade = event.changes.find((change) => change.field === "grade");
  const oldGrade = textOrNull(grade?.old);
  const newGrade = textOrNull(grade?.new);
  return {
    gradeChanged: event.type === "HEALTH_GRADE_CHANGED" || (grade !== undefined && oldGrade !== newGrade),
    oldScore: numberOrNull(score?.old),
    newScore: numberOrNull(score?.new),
    oldGrade,
    newGrade,
  };
}

/**
 * Decides which health changes of one account a subscriber hears about: every grade change, and a score
 * change once the score has moved by at least `threshold` from the last score reported — so small moves
 * that add up are reported when their sum crosses it, and a recompute that moves the score a little is
 * not. Before anything is reported, the baseline is the score before the first change seen (its old
 * score). Without a threshold, only grade changes are reported. One tracker per subscription.
 */
export class HealthThresholdTracker {
  private baseline: number | null = null;
  private lastReported: { grade: string | null; score: number | null } | null = null;

  constructor(private readonly threshold: number | null) {
    if (threshold !== null && (!Number.isFinite(threshold) || threshold <= 0)) {
      throw new RangeError(`threshold must be a number above 0; it is ${threshold}`);
    }
  }

  /** The report for `move`, or null when the subscriber is not told. */
  observe(move: HealthMove): HealthReport | null {
    if (this.baseline === null) this.baseline = move.oldScore ?? move.newScore;
    const delta = move.newScore !== null && this.baseline !== null ? move.newScore - this.baseline : null;
    const reason = this.reasonFor(move, delta);
    if (reason === null) return null;
    this.lastReported = { grade: move.newGrade, score: move.newScore };
    if (move.newScore !== null) this.baseline = move.newScore;
    return { ...move, reason, scoreDelta: delta };
  }

  private reasonFor(move: HealthMove, delta: number | null): HealthReportReason | null {
    if (move.gradeChanged) {
      // The same change told twice (a grade event and a score event of one recompute) is reported once.
      const repeat =
        this.lastReported !== null &&
        this.lastReported.grade === move.newGrade &&
        this.lastReported.score === move.newScore;
      return repeat ? null : "GRADE_CHANGED";
    }
    if (this.threshold === null || delta === null) return null;
    // A little slack for binary fractions: 0.1 + 0.2 moves by 0.3.
    return Math.abs(delta) >= this.threshold - 1e-9 ? "SCORE_MOVED" : null;
  }
}
