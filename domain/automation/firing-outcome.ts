import { PlaybookActionKind, PlaybookMode } from "./playbook";

export type ActionOutcomeStatus = "DONE" | "FAILED" | "REFUSED" | "PROPOSED";
export type FiringOutcomeStatus = "PROPOSED" | "EXECUTED" | "PARTIAL" | "FAILED" | "REFUSED";

/** What became of one action, with what the trail keeps beside it. */
export interface ActionOutcomeRecord {
  index: number;
  kind: PlaybookActionKind;
  status: ActionOutcomeStatus;
  resultId?: string | null;
  reason?: string | null;
  /** The ids it touched (assignees, flagged records, the endpoint), for the trail. */
  details?: Record<string, unknown> | null;
  /** Users the action concerns (a task's assignee), so the trail finds it by them. */
  userIds?: readonly string[];
}

/**
 * The firing's status from its actions' outcomes: REFUSED when every action was refused (or there were
 * none to allow), PROPOSED when a SUGGEST firing left something to confirm, EXECUTED when every allowed
 * action was done, FAILED when none was, PARTIAL otherwise.
 */
export function firingStatus(
  mode: PlaybookMode | "CONFIRMED",
  outcomes: readonly ActionOutcomeRecord[],
): FiringOutcomeStatus {
  const allowed = outcomes.filter((o) => o.status !== "REFUSED");
  if (allowed.length === 0) return "REFUSED";
  if (mode === "SUGGEST") return "PROPOSED";
  const done = outcomes.filter((o) => o.status === "DONE").length;
  if (done === 0) return "FAILED";
  return done === outcomes.length ? "EXECUTED" : "PARTIAL";
}
