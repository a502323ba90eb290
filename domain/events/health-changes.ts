import { FieldChange, RecordChange } from "./change-event";

/** The smallest move of a stored score that is an event on its own (without a grade change). */
export const SCORE_CHANGE_THRESHOLD = 0.01;

/** An account's latest stored score of a model before and after one recompute wrote a new snapshot. */
export interface ScoreTransition {
  accountId: string;
  externalId: string | null;
  sourceSystem: string | null;
  /** Null when the account had no stored score of the model yet. */
  previous: { score: number | null; grade: string | null } | null;
  next: { score: number | null; grade: string | null };
}

/**
 * The event of one new health snapshot: HEALTH_GRADE_CHANGED when the grade differs from the previous
 * snapshot's (a first snapshot with a grade counts: its old grade is null), HEALTH_SCORE_CHANGED when only
 * the score moved by at least {@link SCORE_CHANGE_THRESHOLD}, otherwise null. `changes` is always the
 * score, then the grade when it changed; subscriptions (`accountHealthChanged`) and webhooks rely on this
 * shape.
 */
export function healthChange(transition: ScoreTransition): RecordChange | null {
  const oldScore = transition.previous?.score ?? null;
  const oldGrade = transition.previous?.grade ?? null;
  const { score: newScore, grade: newGrade } = transition.next;
  const gradeChanged = oldGrade !== newGrade;
  if (!gradeChanged && !scoreMoved(oldScore, newScore)) return null;
  const changes: FieldChange[] = [{ field: "score", old: oldScore, new: newScore }];
  if (gradeChanged) changes.push({ field: "grade", old: oldGrade, new: newGrade });
  return {
    type: gradeChanged ? "HEALTH_GRADE_CHANGED" : "HEALTH_SCORE_CHANGED",
    recordId: transition.accountId,
    externalId: transition.externalId,
    sourceSystem: transition.sourceSystem,
    changes,
  };
}

function scoreMoved(old: number | null, next: number | null): boolean {
  if (old === null || next === null) return old !== next;
  // A hair's tolerance: 0.01 computed as 0.30 - 0.29 is 0.00999…
  return Math.abs(next - old) >= SCORE_CHANGE_THRESHOLD - 1e-9;
}
