import { Assignee } from "./playbook";
import { AutomationError } from "./automation.errors";

export const TASK_KINDS = ["TASK", "REVIEW"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ["OPEN", "DONE", "CANCELLED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type AssigneeKind = Assignee["kind"];

/** Who a task is assigned to, once resolved: one user, team or organization (by id), or everyone with a role. */
export interface ResolvedAssignee {
  kind: "USER" | "TEAM" | "ORGANIZATION" | "ROLE";
  /** The user's externalId, the team's or the organization's id; null for ROLE. */
  id: string | null;
  /** For ROLE: the role whose holders see the task. */
  role: string | null;
  /** How the playbook named it (ACCOUNT_OWNER resolves to a USER). */
  requested: AssigneeKind;
}

/** A task or review in the queue. Ids only: who did what is a user id, never a name. */
export interface Task {
  id: string;
  kind: TaskKind;
  template: string;
  /** For a REVIEW: what kind of review (e.g. "compliance-pre-review"). */
  reviewType: string | null;
  title: string;
  status: TaskStatus;
  dueAt: string | null;
  createdAt: string;
  completedAt: string | null;
  /** The user id (token subject) of who completed it. */
  completedBy: string | null;
  verdict: string | null;
  note: string | null;
  /** The firing that made it; null for a task made by hand. */
  firingId: string | null;
  playbookId: string | null;
  playbookVersion: number | null;
  assignee: ResolvedAssignee;
  accountIds: string[];
  /** Why the task exists: the firing's basis summary and triggering record ids, as JSON. */
  evidence: string | null;
}

export const MAX_TITLE_LENGTH = 300;
export const MAX_NOTE_LENGTH = 4_000;
export const MAX_VERDICT_LENGTH = 200;
export const MAX_TEMPLATE_LENGTH = 200;
/** Review verdicts are free text (a pass, a hold, a finding code); a task's verdict is optional. */
export const MAX_TASK_DUE_DAYS = 3_650;

/** Checks a free-text argument against its length limit; null and undefined stay null. */
export function checkText(value: string | null | undefined, argument: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) {
    throw new AutomationError(
      "INVALID_AUTOMATION_INPUT",
      `${argument} is ${trimmed.length} characters long; at most ${max} are kept. Shorten it.`,
    );
  }
  return trimmed === "" ? null : trimmed;
}

/** The due instant `days` after `from` (ISO), or null for no due date. */
export function dueAfter(from: string, days: number | null | undefined): string | null {
  if (days === null || days === undefined) return null;
  if (!Number.isFinite(days) || days < 0 || days > MAX_TASK_DUE_DAYS) {
    throw new AutomationError(
      "INVALID_AUTOMATION_INPUT",
      `dueInDays must be between 0 and ${MAX_TASK_DUE_DAYS}; it is ${days}.`,
    );
  }
  return new Date(Date.parse(from) + days * 86_400_000).toISOString();
}
