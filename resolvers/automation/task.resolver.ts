import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Assignee } from "../../domain/automation/playbook";
import { AutomationError } from "../../domain/automation/automation.errors";
import { Account } from "../account/account.type";
import { RequestContext } from "../context";
import {
  CreateTaskInput,
  TaskAssigneeInput,
  TaskAssigneeKindEnum,
  TaskFilterInput,
  TaskPageView,
  TaskStatusEnum,
  TaskView,
  toPageInfo,
  toTaskView,
} from "./task.type";

/** The most tasks `Account.tasks` gives per account. */
const ACCOUNT_TASKS_LIMIT = 50;

function toAssignee(input: TaskAssigneeInput): Assignee {
  const need = (value: string | null | undefined, field: string): string => {
    if (!value) {
      throw new AutomationError(
        "INVALID_AUTOMATION_INPUT",
        `assignee.${field} is required for a ${input.kind} assignee.`,
      );
    }
    return value;
  };
  switch (input.kind) {
    case TaskAssigneeKindEnum.ACCOUNT_OWNER:
      return { kind: "ACCOUNT_OWNER" };
    case TaskAssigneeKindEnum.USER:
      return { kind: "USER", userId: need(input.userId, "userId") };
    case TaskAssigneeKindEnum.ROLE:
      return { kind: "ROLE", role: need(input.role, "role") };
    case TaskAssigneeKindEnum.TEAM:
      return { kind: "TEAM", teamId: need(input.teamId, "teamId") };
    case TaskAssigneeKindEnum.ORGANIZATION:
      return { kind: "ORGANIZATION", organizationId: need(input.organizationId, "organizationId") };
    default: {
      const unknown: never = input.kind;
      throw new AutomationError("INVALID_AUTOMATION_INPUT", `Unknown assignee kind ${String(unknown)}.`);
    }
  }
}

/** The task queue (issue 11): the caller's tasks, every task by filter, completing one. */
@Resolver(() => TaskView)
export class TaskResolver {
  @Query(() => TaskPageView, {
    description:
      "Your open and closed tasks, newest first: those assigned to your user (the User whose id is your token's " +
      "subject), to your teams and to your roles.",
  })
  async myTasks(
    @Ctx() ctx: RequestContext,
    @Arg("status", () => TaskStatusEnum, { nullable: true }) status?: TaskStatusEnum | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<TaskPageView> {
    const page = await ctx.automation.tasks.mine(status ?? null, first, after);
    return { items: page.items.map(toTaskView), pageInfo: toPageInfo(page) };
  }

  @Query(() => TaskPageView, { description: "The tenant's tasks, newest first, filtered." })
  async tasks(
    @Ctx() ctx: RequestContext,
    @Arg("filter", () => TaskFilterInput, { nullable: true }) filter?: TaskFilterInput | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<TaskPageView> {
    const page = await ctx.automation.tasks.list(filter ?? null, first, after);
    return { items: page.items.map(toTaskView), pageInfo: toPageInfo(page) };
  }

  @Query(() => TaskView, { description: "One task; NOT_FOUND when your tenant has none by this id." })
  async task(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<TaskView> {
    return toTaskView(await ctx.automation.tasks.get(id));
  }

  @Mutation(() => TaskView, {
    description:
      "Creates a task by hand for a user, role, team, organization or the account's owner. Playbooks' CREATE_TASK " +
      "and OPEN_REVIEW actions need the permission of this mutation.",
  })
  async createTask(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateTaskInput) input: CreateTaskInput,
  ): Promise<TaskView> {
    return toTaskView(
      await ctx.automation.tasks.create({
        kind: input.kind,
        title: input.title,
        template: input.template ?? null,
        accountId: input.accountId ?? null,
        assignee: toAssignee(input.assignee),
        dueInDays: input.dueInDays ?? null,
      }),
    );
  }

  @Mutation(() => TaskView, {
    description:
      "Completes an open task (an assignee — the user, a member of the team, a holder of the role — or an admin). " +
      "Recorded in the audit trail (TASK_COMPLETED, who and when). verdict: a short code for reviews (APPROVED, ON_HOLD).",
  })
  async completeTask(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
    @Arg("verdict", () => String, { nullable: true }) verdict?: string | null,
  ): Promise<TaskView> {
    return toTaskView(await ctx.automation.tasks.complete(id, note, verdict));
  }
}

@Resolver(() => Account)
export class AccountTasksResolver {
  @FieldResolver(() => [TaskView], {
    description: `The account's tasks and reviews, newest first (at most ${ACCOUNT_TASKS_LIMIT}).`,
  })
  async tasks(
    @Root() account: Account,
    @Ctx() ctx: RequestContext,
    @Arg("status", () => TaskStatusEnum, { nullable: true }) status?: TaskStatusEnum | null,
  ): Promise<TaskView[]> {
    const tasks = await ctx.automation.loaders.tasksByAccount.load({
      accountId: account.id,
      status: status ?? null,
      limit: ACCOUNT_TASKS_LIMIT,
    });
    return tasks.map(toTaskView);
  }
}
