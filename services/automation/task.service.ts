import { assertAutomationId } from "../../domain/automation/automation-ids";
import { AutomationError } from "../../domain/automation/automation.errors";
import { checkVerdict, mayComplete, taskCompletionAudit } from "../../domain/automation/task-completion";
import {
  checkText,
  dueAfter,
  MAX_NOTE_LENGTH,
  MAX_TEMPLATE_LENGTH,
  MAX_TITLE_LENGTH,
  Task,
  TaskKind,
  TaskStatus,
} from "../../domain/automation/task";
import { Assignee } from "../../domain/automation/playbook";
import { randomUUID } from "node:crypto";
import { assertNodeId } from "../../domain/ids/node-id";
import { Clock } from "../../domain/time/clock";
import { AutomationStore } from "../../graph/automation/automation-store";
import { TaskFilterParams, TaskRepository } from "../../graph/automation/task.repository";
import { AutomationPage, AutomationPager } from "./automation-paging";
import { AutomationCaller } from "./firing.service";
import { ActionRunner } from "./action-runner";
import { automationId } from "../../domain/automation/automation-ids";

export interface NewTaskInput {
  kind: TaskKind;
  title: string;
  template?: string | null;
  accountId?: string | null;
  assignee: Assignee;
  dueInDays?: number | null;
}

export interface TaskFilter {
  status?: TaskStatus | null;
  assigneeUserId?: string | null;
  teamId?: string | null;
  organizationId?: string | null;
  accountId?: string | null;
  playbookId?: string | null;
  dueBefore?: string | null;
}

const MAX_FILTER_ID = 200;

function filterId(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0 || value.length > MAX_FILTER_ID) {
    throw new AutomationError(
      "INVALID_AUTOMATION_INPUT",
      `filter.${argument} must be 1 to ${MAX_FILTER_ID} characters long; it is ${value.length}.`,
    );
  }
  return value;
}

/** The task queue of one tenant: the caller's tasks, all tasks by filter, and completing one. */
export class TaskService {
  constructor(
    private readonly repository: TaskRepository,
    private readonly tenant: string,
    private readonly store: AutomationStore,
    private readonly pager: AutomationPager,
    private readonly caller: AutomationCaller,
    private readonly clock: Clock,
  ) {}

  /** Tasks assigned to the caller's user, to their teams and to their roles, newest first. */
  async mine(
    status: TaskStatus | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<AutomationPage<Task>> {
    const position = this.pager.position("myTasks", first, after);
    const rows = await this.repository.mine(this.caller.subject, status ?? null, position);
    return this.pager.page("myTasks", rows, position.size);
  }

  async list(
    filter: TaskFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<AutomationPage<Task>> {
    const f = filter ?? {};
    let dueBefore: string | null = null;
    if (f.dueBefore !== null && f.dueBefore !== undefined) {
      const at = Date.parse(f.dueBefore);
      if (Number.isNaN(at)) {
        throw new AutomationError(
          "INVALID_AUTOMATION_INPUT",
          `filter.dueBefore must be an ISO 8601 instant such as 2026-12-31T00:00:00Z; it is "${f.dueBefore.slice(0, 60)}".`,
        );
      }
      dueBefore = new Date(at).toISOString();
    }
    const params: TaskFilterParams = {
      status: f.status ?? null,
      assigneeUserId: filterId(f.assigneeUserId, "assigneeUserId"),
      teamId: filterId(f.teamId, "teamId"),
      organizationId: f.organizationId ? assertNodeId("Organization", f.organizationId, "filter.organizationId") : null,
      accountId: f.accountId ? assertNodeId("Account", f.accountId, "filter.accountId") : null,
      playbookId: filterId(f.playbookId, "playbookId"),
      dueBefore,
    };
    const position = this.pager.position("tasks", first, after);
    return this.pager.page("tasks", await this.repository.page(params, position), position.size);
  }

  /**
   * Creates a task by hand (the permission a playbook's CREATE_TASK and OPEN_REVIEW need): for a user, a role,
   * a team, an organization, or the owner of `accountId`.
   */
  async create(input: NewTaskInput): Promise<Task> {
    const title = checkText(input.title, "title", MAX_TITLE_LENGTH);
    if (title === null) throw new AutomationError("INVALID_AUTOMATION_INPUT", "title must not be empty.");
    const template = checkText(input.template, "template", MAX_TEMPLATE_LENGTH) ?? "manual";
    const accountIds = input.accountId ? [assertNodeId("Account", input.accountId, "accountId")] : [];
    const now = this.clock().toISOString();
    const dueAt = dueAfter(now, input.dueInDays ?? null);
    const id = automationId("Task", this.tenant, "manual", randomUUID());
    return this.store.transaction("tasks.createByHand", now, async (tx) => {
      const accounts = await tx.targets.accounts(accountIds);
      const missing = accounts.filter((a) => !a.exists).map((a) => a.id);
      if (missing.length > 0) {
        throw new AutomationError(
          "INVALID_AUTOMATION_INPUT",
          `accountId: no account ${missing.join(", ")} in your tenant.`,
        );
      }
      const firing = {
        firingId: id,
        playbookId: "manual",
        playbookVersion: 0,
        playbookName: "manual",
        mode: "AUTO" as const,
        ownerUserId: this.caller.subject,
        firedAt: now,
        accountIds,
        triggeringEvents: [],
        basis: [],
        actions: [],
      };
      const resolved = await new ActionRunner(this.tenant).resolveAssignee(
        tx,
        { firing, accounts, now },
        input.assignee,
      );
      if ("reason" in resolved) throw new AutomationError("INVALID_AUTOMATION_INPUT", `assignee: ${resolved.reason}`);
      return tx.tasks.create(
        {
          id,
          kind: input.kind,
          template,
          reviewType: input.kind === "REVIEW" ? template : null,
          title,
          dueAt,
          firingId: null,
          playbookId: null,
          playbookVersion: null,
          assignee: resolved,
          accountIds,
          evidence: null,
        },
        now,
      );
    });
  }

  async get(id: string): Promise<Task> {
    const task = await this.repository.byId(assertAutomationId("Task", id));
    if (task === null) throw taskNotFound(id);
    return task;
  }

  /**
   * Completes an open task: only an assignee (the user, a member of the team, a holder of the role) or an
   * admin may; TASK_COMPLETED (who, when, the verdict) goes into the audit trail with it.
   */
  async complete(id: string, note: string | null | undefined, verdict: string | null | undefined): Promise<Task> {
    assertAutomationId("Task", id);
    const text = checkText(note, "note", MAX_NOTE_LENGTH);
    const checkedVerdict = checkVerdict(verdict);
    const now = this.clock().toISOString();
    return this.store.transaction("tasks.complete", now, async (tx) => {
      const state = await tx.tasks.forCompletion(id, this.caller.subject);
      if (state === null) throw taskNotFound(id);
      const refusal = mayComplete(state, this.caller);
      if (refusal !== null) throw new AutomationError("NOT_ASSIGNEE", refusal);
      if (state.task.status !== "OPEN") {
        throw new AutomationError(
          "TASK_ALREADY_CLOSED",
          `Task ${id} is ${state.task.status} already (completed by ${state.task.completedBy ?? "someone"} at ` +
            `${state.task.completedAt ?? "an earlier time"}); there is nothing to complete.`,
        );
      }
      const done = await tx.tasks.complete(id, this.caller.subject, checkedVerdict, text, now);
      await tx.audit(now, [taskCompletionAudit(done!, this.caller.subject, now, text !== null, this.caller.agent)]);
      return done!;
    });
  }
}

function taskNotFound(id: string): AutomationError {
  return new AutomationError(
    "TASK_NOT_FOUND",
    `No task ${id.slice(0, 80)} in your tenant; myTasks and tasks(filter) list the tasks you can see.`,
  );
}
