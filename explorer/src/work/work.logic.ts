import type { ExplorerTaskFieldsFragment, TaskStatus } from "../api/generated/graphql";

export type WorkTask = ExplorerTaskFieldsFragment;

/** The views of the work page. */
export const WORK_VIEWS = ["mine", "all", "inbox"] as const;
export type WorkView = (typeof WORK_VIEWS)[number];

/** Whether a string names a view; the URL falls back to "mine" otherwise. Pure. */
export function isWorkView(value: string | null): value is WorkView {
  return value !== null && (WORK_VIEWS as readonly string[]).includes(value);
}

/** The statuses the task lists filter by; "ALL" shows every status. */
export const STATUS_CHOICES = ["OPEN", "DONE", "CANCELLED", "ALL"] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

/** The status filter the API takes for a choice. Pure. */
export function statusFilter(choice: StatusChoice): TaskStatus | null {
  return choice === "ALL" ? null : choice;
}

/** Who a task is for, in a few words: "user u-42", "team compliance", "role analyst", "organization org-7". Pure. */
export function assigneeText(assignee: WorkTask["assignee"]): string {
  const kind = assignee.kind.toLowerCase();
  if (assignee.kind === "ROLE") return `${kind} ${assignee.role ?? "?"}`;
  const via = assignee.requested !== assignee.kind ? ` (${assignee.requested.toLowerCase().replace(/_/g, " ")})` : "";
  return `${kind} ${assignee.id ?? "?"}${via}`;
}

/**
 * Whether a task is overdue at `now`: open, with a due time in the past. Pure.
 */
export function isOverdue(task: Pick<WorkTask, "status" | "dueAt">, now: Date): boolean {
  return (
    task.status === "OPEN" && task.dueAt !== null && task.dueAt !== undefined && Date.parse(task.dueAt) < now.getTime()
  );
}

/** A task after an update: the list with that task replaced, keeping the order. Pure. */
export function replaceTask(tasks: readonly WorkTask[], updated: WorkTask): WorkTask[] {
  return tasks.map((task) => (task.id === updated.id ? updated : task));
}

/** Review verdicts offered when completing a review; a plain task takes none. */
export const REVIEW_VERDICTS = ["APPROVED", "CHANGES_REQUESTED", "REJECTED"] as const;
