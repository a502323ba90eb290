import { PlaybookFeedback } from "./playbook";
import { DAY_MS } from "./signal-window";

export type FeedbackState = "MET" | "PENDING" | "MISSED";

/** A task or review a firing made (D's Task node), as feedback reads it. */
export interface FiringTask {
  template: string | null;
  status: "OPEN" | "DONE" | "CANCELLED";
  /** Epoch ms, or null while open. */
  completedAt: number | null;
}

/** What happened after one firing, read from the graph. */
export interface FiringAftermath {
  /** Epoch ms the playbook fired. */
  firedAt: number;
  tasks: readonly FiringTask[];
  /** Times (epoch ms) of matching signals observed on the firing's accounts after it. */
  signalTimes: readonly number[];
  /** The account's health score at the firing and the later snapshots (epoch ms, 0..100). */
  scoreAtFiring: number | null;
  laterScores: ReadonlyArray<{ at: number; score: number }>;
  /** A SUGGEST firing whose proposal was rejected never gets a chance to work. */
  proposalRejected?: boolean;
}

/**
 * Whether one firing proved its worth, by the playbook's feedback: MET within the window, MISSED once the
 * window closed without it, PENDING while it is still open.
 */
export function evaluateFeedback(feedback: PlaybookFeedback, after: FiringAftermath, now: number): FeedbackState {
  const deadline = after.firedAt + feedback.withinDays * DAY_MS;
  const closed = now > deadline;
  switch (feedback.kind) {
    case "TASK_COMPLETED": {
      const tasks = after.tasks.filter((t) => !feedback.template || t.template === feedback.template);
      if (after.proposalRejected) return "MISSED";
      const inTime = (t: FiringTask) => t.status === "DONE" && t.completedAt !== null && t.completedAt <= deadline;
      if (tasks.length > 0 && tasks.every(inTime)) return "MET";
      if (tasks.some((t) => t.status === "DONE" && !inTime(t)) || tasks.some((t) => t.status === "CANCELLED")) {
        return "MISSED";
      }
      return closed ? "MISSED" : "PENDING";
    }
    case "SIGNAL_OBSERVED":
      if (after.signalTimes.some((at) => at > after.firedAt && at <= deadline)) return "MET";
      return closed ? "MISSED" : "PENDING";
    case "HEALTH_IMPROVED": {
      const base = after.scoreAtFiring;
      if (base !== null && after.laterScores.some((s) => s.at > after.firedAt && s.at <= deadline && s.score > base)) {
        return "MET";
      }
      return closed ? "MISSED" : "PENDING";
    }
    default: {
      const unreachable: never = feedback;
      return unreachable;
    }
  }
}

/** A playbook's record, summed over its firings. */
export interface FeedbackTally {
  met: number;
  pending: number;
  missed: number;
  /** met / (met + missed); null until a firing is decided. */
  successRate: number | null;
}

export function tallyFeedback(states: readonly FeedbackState[]): FeedbackTally {
  const met = states.filter((s) => s === "MET").length;
  const missed = states.filter((s) => s === "MISSED").length;
  const pending = states.length - met - missed;
  return { met, pending, missed, successRate: met + missed === 0 ? null : met / (met + missed) };
}
