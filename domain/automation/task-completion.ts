import { actorOf } from "../audit/actor";
import { AuditEntryInput } from "../audit/audit-entry";
import { AutomationError } from "./automation.errors";
import { Task } from "./task";

/** A verdict is a short code (APPROVED, ON_HOLD, finding-42): it goes into the audit trail, so no free text. */
const VERDICT = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function checkVerdict(verdict: string | null | undefined): string | null {
  if (verdict === null || verdict === undefined || verdict === "") return null;
  if (!VERDICT.test(verdict)) {
    throw new AutomationError(
      "INVALID_AUTOMATION_INPUT",
      `verdict must be a short code of letters, digits, "_", ".", ":" or "-" (at most 64, e.g. APPROVED or ` +
        `ON_HOLD); it is "${verdict.slice(0, 80)}". Put explanations in note.`,
    );
  }
  return verdict;
}

/**
 * Why the caller may not complete the task, or null when they may: an admin, the assigned user, a member of
 * the assigned team or a holder of the assigned role (in the graph). Organizations' tasks are completed by
 * an admin on their behalf (partners have no users here yet).
 */
export function mayComplete(
  state: { task: Task; callerRoles: readonly string[]; callerTeams: readonly string[] },
  caller: { subject: string; role: string },
): string | null {
  if (caller.role === "admin") return null;
  const { assignee } = state.task;
  if (assignee.kind === "USER" && assignee.id === caller.subject) return null;
  if (assignee.kind === "TEAM" && assignee.id !== null && state.callerTeams.includes(assignee.id)) return null;
  if (assignee.kind === "ROLE" && assignee.role !== null && state.callerRoles.includes(assignee.role)) return null;
  const to =
    assignee.kind === "ROLE"
      ? `everyone with the role ${assignee.role}`
      : `${assignee.kind.toLowerCase()} ${assignee.id}`;
  return (
    `Task ${state.task.id} is assigned to ${to}; only an assignee or an admin completes it (your token's subject ` +
    `is ${caller.subject}).`
  );
}

/** The TASK_COMPLETED audit record: who, when, the verdict; the note stays on the task (it is free text). */
export function taskCompletionAudit(
  task: Task,
  by: string,
  at: string,
  hasNote: boolean,
  agent?: string,
): AuditEntryInput {
  return {
    kind: "TASK_COMPLETED",
    ...(task.playbookId === null ? {} : { playbookId: task.playbookId }),
    ...(task.playbookVersion === null ? {} : { playbookVersion: task.playbookVersion }),
    ...(task.firingId === null ? {} : { firingId: task.firingId }),
    accountIds: task.accountIds,
    userIds: [by],
    actor: actorOf(by, agent),
    payload: {
      taskId: task.id,
      taskKind: task.kind,
      template: task.template,
      by: { userId: by, ...(agent === undefined ? {} : { agent }) },
      at,
      verdict: task.verdict,
      hasNote,
      assignee: { kind: task.assignee.kind, id: task.assignee.id, role: task.assignee.role },
    },
  };
}
