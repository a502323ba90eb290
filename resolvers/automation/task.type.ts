import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Task } from "../../domain/automation/task";
import { PageInfo } from "../common/page-info.type";

export enum TaskStatusEnum {
  OPEN = "OPEN",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}
export enum TaskKindEnum {
  TASK = "TASK",
  REVIEW = "REVIEW",
}
export enum TaskAssigneeKindEnum {
  USER = "USER",
  ROLE = "ROLE",
  TEAM = "TEAM",
  ORGANIZATION = "ORGANIZATION",
  ACCOUNT_OWNER = "ACCOUNT_OWNER",
}
registerEnumType(TaskStatusEnum, { name: "TaskStatus" });
registerEnumType(TaskKindEnum, {
  name: "TaskKind",
  description: "TASK: something to do. REVIEW: a review that records a verdict.",
});
registerEnumType(TaskAssigneeKindEnum, {
  name: "TaskAssigneeKind",
  description: "Who a task is for. ACCOUNT_OWNER resolves to the owner of the account (a USER) when the task is made.",
});

@ObjectType("TaskAssignee", { simpleResolvers: true })
export class TaskAssigneeView {
  @Field(() => TaskAssigneeKindEnum, { description: "USER, ROLE, TEAM or ORGANIZATION (what it resolved to)." })
  kind!: TaskAssigneeKindEnum;

  @Field(() => ID, {
    nullable: true,
    description: "The user's id (token subject), the team's or the organization's id.",
  })
  id!: string | null;

  @Field(() => String, { nullable: true, description: "For ROLE: every user holding it sees the task." })
  role!: string | null;

  @Field(() => TaskAssigneeKindEnum, { description: "How it was asked for (e.g. ACCOUNT_OWNER)." })
  requested!: TaskAssigneeKindEnum;
}

@ObjectType("Task", {
  simpleResolvers: true,
  description: "A task or review in the queue, made by a playbook or by hand.",
})
export class TaskView {
  @Field(() => ID)
  id!: string;

  @Field(() => TaskKindEnum)
  kind!: TaskKindEnum;

  @Field({ description: "The playbook's task template (e.g. demo-plan), or the review type." })
  template!: string;

  @Field(() => String, { nullable: true })
  reviewType!: string | null;

  @Field()
  title!: string;

  @Field(() => TaskStatusEnum)
  status!: TaskStatusEnum;

  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "The user (token subject) who completed it." })
  completedBy!: string | null;

  @Field(() => String, { nullable: true, description: "A review's verdict (a short code such as APPROVED)." })
  verdict!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: "The firing that made it (its audit records name it)." })
  firingId!: string | null;

  @Field(() => ID, { nullable: true })
  playbookId!: string | null;

  @Field(() => Int, { nullable: true })
  playbookVersion!: number | null;

  @Field(() => TaskAssigneeView)
  assignee!: TaskAssigneeView;

  @Field(() => [ID], { description: "The accounts it is about." })
  accountIds!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "Why it exists, as JSON: the firing, its basis (each condition and whether it passed), the triggering record ids.",
  })
  evidence!: string | null;
}

@ObjectType("TaskPage", { simpleResolvers: true })
export class TaskPageView {
  @Field(() => [TaskView], { description: "Newest first." })
  items!: TaskView[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType("TaskFilter")
export class TaskFilterInput {
  @Field(() => TaskStatusEnum, { nullable: true })
  status?: TaskStatusEnum | null;

  @Field(() => ID, { nullable: true, description: "Tasks assigned to this user (id = token subject)." })
  assigneeUserId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  playbookId?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 8601 instant: tasks due before it." })
  dueBefore?: string | null;
}

@InputType("TaskAssigneeInput")
export class TaskAssigneeInput {
  @Field(() => TaskAssigneeKindEnum)
  kind!: TaskAssigneeKindEnum;

  @Field(() => ID, { nullable: true, description: "USER: the user's id (token subject)." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "ROLE: the role." })
  role?: string | null;

  @Field(() => ID, { nullable: true, description: "TEAM: the team's id." })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: "ORGANIZATION: the organization's id." })
  organizationId?: string | null;
}

@InputType("CreateTaskInput")
export class CreateTaskInput {
  @Field(() => TaskKindEnum, { nullable: true, defaultValue: TaskKindEnum.TASK })
  kind!: TaskKindEnum;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: "A template name, or the review type of a REVIEW." })
  template?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => TaskAssigneeInput)
  assignee!: TaskAssigneeInput;

  @Field(() => Int, { nullable: true })
  dueInDays?: number | null;
}

const date = (value: string | null) => (value === null ? null : new Date(value));

export function toTaskView(task: Task): TaskView {
  return {
    ...task,
    kind: task.kind as TaskKindEnum,
    status: task.status as TaskStatusEnum,
    dueAt: date(task.dueAt),
    createdAt: new Date(task.createdAt),
    completedAt: date(task.completedAt),
    assignee: {
      kind: task.assignee.kind as TaskAssigneeKindEnum,
      id: task.assignee.id,
      role: task.assignee.role,
      requested: task.assignee.requested as TaskAssigneeKindEnum,
    },
  };
}

export function toPageInfo(page: { endCursor: string | null; hasNextPage: boolean }): PageInfo {
  return { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: null, endCursor: page.endCursor };
}
