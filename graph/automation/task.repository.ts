import neo4j from "neo4j-driver";
import { ResolvedAssignee, Task, TaskKind, TaskStatus } from "../../domain/automation/task";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { AutomationRun } from "./automation-run";

const TASK_FIELDS = `t {
  .id, .kind, .template, .reviewType, .title, .status, .dueAt, .createdAt, .completedAt, .completedBy, .verdict,
  .note, .firingId, .playbookId, .playbookVersion, .assigneeKind, .assigneeId, .assigneeRole, .assigneeRequested,
  .evidence, createdAtMs: t.createdAt.epochMillis, accountIds: accountIds
} AS task`;

/** The accounts of task `t`, as `accountIds`. */
const TASK_ACCOUNTS = `
CALL (t) {
  OPTIONAL MATCH (t)-[:ABOUT]->(a:Account)
  RETURN collect(a.id) AS accountIds
}`;

/** The task's fields and its accounts, as `task`. */
const TASK_PROJECTION = `${TASK_ACCOUNTS}
RETURN ${TASK_FIELDS}`;

/** The page position: newest first, ties broken by id. */
const AFTER = `($afterMs IS NULL OR t.createdAt.epochMillis < $afterMs
    OR (t.createdAt.epochMillis = $afterMs AND t.id < $afterId))`;

const TASK_PAGE: CypherQuery = {
  name: "tasks.page",
  text: `
MATCH (t:Task {tenant: $tenant})
WHERE ($status IS NULL OR t.status = $status)
  AND ($assigneeUserId IS NULL OR (t.assigneeKind = 'USER' AND t.assigneeId = $assigneeUserId))
  AND ($teamId IS NULL OR (t.assigneeKind = 'TEAM' AND t.assigneeId = $teamId))
  AND ($organizationId IS NULL OR (t.assigneeKind = 'ORGANIZATION' AND t.assigneeId = $organizationId))
  AND ($playbookId IS NULL OR t.playbookId = $playbookId)
  AND ($dueBefore IS NULL OR t.dueAt < datetime($dueBefore))
  AND ($accountId IS NULL OR EXISTS { (t)-[:ABOUT]->(:Account {tenant: $tenant, id: $accountId}) })
  AND ${AFTER}
WITH t ORDER BY t.createdAt DESC, t.id DESC LIMIT $limit
${TASK_PROJECTION}`,
};

/**
 * The caller's queue: tasks assigned to their user, to a team they are a member of, or to a role they hold
 * (the user is the `(:User)` whose externalId is the token's subject).
 */
const MY_TASKS: CypherQuery = {
  name: "tasks.mine",
  text: `
OPTIONAL MATCH (u:User {tenant: $tenant, externalId: $subject})
WITH coalesce(u.roles, []) AS roles,
  CASE WHEN u IS NULL THEN [] ELSE [(u)-[:MEMBER_OF]->(team:Team {tenant: $tenant}) | team.id] END AS teams
MATCH (t:Task {tenant: $tenant})
WHERE ((t.assigneeKind = 'USER' AND t.assigneeId = $subject)
    OR (t.assigneeKind = 'TEAM' AND t.assigneeId IN teams)
    OR (t.assigneeKind = 'ROLE' AND t.assigneeRole IN roles))
  AND ($status IS NULL OR t.status = $status)
  AND ${AFTER}
WITH t ORDER BY t.createdAt DESC, t.id DESC LIMIT $limit
${TASK_PROJECTION}`,
};

const TASKS_OF_ACCOUNTS: CypherQuery = {
  name: "account.tasks",
  text: `
UNWIND $accountIds AS accountId
MATCH (:Account {tenant: $tenant, id: accountId})<-[:ABOUT]-(t:Task {tenant: $tenant})
WHERE $status IS NULL OR t.status = $status
WITH accountId, t ORDER BY t.createdAt DESC, t.id DESC
WITH accountId, collect(t)[0..$limit] AS tasks
UNWIND tasks AS t
WITH accountId, t
${TASK_ACCOUNTS}
RETURN accountId, ${TASK_FIELDS}`,
};

const TASK_BY_ID: CypherQuery = {
  name: "tasks.byId",
  text: `
MATCH (t:Task {tenant: $tenant, id: $id})
${TASK_PROJECTION}`,
};

/** Locks the task (a write before any read) and reads what deciding who may complete it needs. */
const TASK_FOR_COMPLETION: CypherQuery = {
  name: "tasks.lockForCompletion",
  text: `
MATCH (t:Task {tenant: $tenant, id: $id})
SET t.completionLock = true
REMOVE t.completionLock
WITH t
OPTIONAL MATCH (u:User {tenant: $tenant, externalId: $subject})
WITH t, coalesce(u.roles, []) AS roles,
  CASE WHEN u IS NULL THEN [] ELSE [(u)-[:MEMBER_OF]->(team:Team {tenant: $tenant}) | team.id] END AS teams
${TASK_ACCOUNTS}
RETURN roles, teams, ${TASK_FIELDS}`,
};

const COMPLETE_TASK: CypherQuery = {
  name: "tasks.complete",
  text: `
MATCH (t:Task {tenant: $tenant, id: $id})
WHERE t.status = 'OPEN'
SET t.status = 'DONE', t.completedAt = datetime($now), t.completedBy = $by, t.verdict = $verdict, t.note = $note
WITH t
${TASK_PROJECTION}`,
};

/** Creates a task, its ABOUT links to the accounts that exist and its ASSIGNED_TO link; MERGE keeps a retry single. */
const CREATE_TASK: CypherQuery = {
  name: "tasks.create",
  text: `
MERGE (t:Task {tenant: $tenant, id: $id})
  ON CREATE SET t += $props, t.status = 'OPEN', t.createdAt = datetime($now),
    t.dueAt = CASE WHEN $dueAt IS NULL THEN null ELSE datetime($dueAt) END
WITH t
CALL (t) {
  UNWIND $accountIds AS accountId
  MATCH (a:Account {tenant: $tenant, id: accountId})
  MERGE (t)-[:ABOUT]->(a)
}
CALL (t) {
  OPTIONAL MATCH (u:User {tenant: $tenant, externalId: $assigneeId}) WHERE $assigneeKind = 'USER'
  OPTIONAL MATCH (team:Team {tenant: $tenant, id: $assigneeId}) WHERE $assigneeKind = 'TEAM'
  OPTIONAL MATCH (o:Organization {tenant: $tenant, id: $assigneeId}) WHERE $assigneeKind = 'ORGANIZATION'
  WITH [x IN [u, team, o] WHERE x IS NOT NULL] AS targets
  UNWIND targets AS target
  MERGE (t)-[:ASSIGNED_TO]->(target)
}
${TASK_PROJECTION}`,
};

const int = (value: number) => neo4j.int(value);

/** A task row as read, into the domain shape. */
export function toTask(row: PlainRow): Task & { createdAtMs: number } {
  const t = row.task as Record<string, unknown>;
  const str = (key: string) => (typeof t[key] === "string" ? (t[key] as string) : null);
  const kind = String(t.assigneeKind ?? "USER") as ResolvedAssignee["kind"];
  return {
    id: String(t.id),
    kind: String(t.kind) as TaskKind,
    template: String(t.template ?? ""),
    reviewType: str("reviewType"),
    title: String(t.title ?? ""),
    status: String(t.status) as TaskStatus,
    dueAt: str("dueAt"),
    createdAt: String(t.createdAt),
    completedAt: str("completedAt"),
    completedBy: str("completedBy"),
    verdict: str("verdict"),
    note: str("note"),
    firingId: str("firingId"),
    playbookId: str("playbookId"),
    playbookVersion: typeof t.playbookVersion === "number" ? t.playbookVersion : null,
    assignee: {
      kind,
      id: str("assigneeId"),
      role: str("assigneeRole"),
      requested: (str("assigneeRequested") ?? kind) as ResolvedAssignee["requested"],
    },
    accountIds: ((t.accountIds as string[] | null) ?? []).map(String),
    evidence: str("evidence"),
    createdAtMs: Number(t.createdAtMs ?? 0),
  };
}

export interface TaskFilterParams {
  status: TaskStatus | null;
  assigneeUserId: string | null;
  teamId: string | null;
  organizationId: string | null;
  accountId: string | null;
  playbookId: string | null;
  dueBefore: string | null;
}

export interface PagePosition {
  afterMs: number | null;
  afterId: string | null;
  limit: number;
}

/** Reads the tenant's tasks. */
export class TaskRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async page(filter: TaskFilterParams, position: PagePosition) {
    const rows = await this.executor.read(TASK_PAGE, { tenant: this.tenant, ...filter, ...positionParams(position) });
    return rows.map(toTask);
  }

  async mine(subject: string, status: TaskStatus | null, position: PagePosition) {
    const rows = await this.executor.read(MY_TASKS, {
      tenant: this.tenant,
      subject,
      status,
      ...positionParams(position),
    });
    return rows.map(toTask);
  }

  async byId(id: string) {
    const [row] = await this.executor.read(TASK_BY_ID, { tenant: this.tenant, id });
    return row ? toTask(row) : null;
  }

  /** Each account's newest `limit` tasks, in one statement (the `Account.tasks` loader). */
  async byAccounts(
    accountIds: readonly string[],
    status: TaskStatus | null,
    limit: number,
  ): Promise<Map<string, Task[]>> {
    const rows = await this.executor.read(TASKS_OF_ACCOUNTS, {
      tenant: this.tenant,
      accountIds: [...accountIds],
      status,
      limit: int(limit),
    });
    const out = new Map<string, Task[]>();
    for (const row of rows) {
      const list = out.get(String(row.accountId)) ?? [];
      list.push(toTask(row));
      out.set(String(row.accountId), list);
    }
    return out;
  }
}

function positionParams(position: PagePosition) {
  return {
    afterMs: position.afterMs === null ? null : int(position.afterMs),
    afterId: position.afterId,
    limit: int(position.limit),
  };
}

/** A task to create, as the actions side hands it over. */
export interface NewTask {
  id: string;
  kind: TaskKind;
  template: string;
  reviewType: string | null;
  title: string;
  dueAt: string | null;
  firingId: string | null;
  playbookId: string | null;
  playbookVersion: number | null;
  assignee: ResolvedAssignee;
  accountIds: readonly string[];
  evidence: string | null;
}

/** What deciding who may complete a task needs: the task, and the caller's roles and teams in the graph. */
export interface TaskCompletionState {
  task: Task;
  callerRoles: string[];
  callerTeams: string[];
}

/** Task writes inside a transaction of the actions side. */
export class TaskWrites {
  constructor(
    private readonly run: AutomationRun,
    private readonly tenant: string,
  ) {}

  async create(task: NewTask, now: string): Promise<Task> {
    const [row] = await this.run(CREATE_TASK, {
      tenant: this.tenant,
      id: task.id,
      now,
      dueAt: task.dueAt,
      accountIds: [...task.accountIds],
      assigneeKind: task.assignee.kind,
      assigneeId: task.assignee.id,
      props: {
        kind: task.kind,
        template: task.template,
        reviewType: task.reviewType,
        title: task.title,
        firingId: task.firingId,
        playbookId: task.playbookId,
        playbookVersion: task.playbookVersion === null ? null : int(task.playbookVersion),
        assigneeKind: task.assignee.kind,
        assigneeId: task.assignee.id,
        assigneeRole: task.assignee.role,
        assigneeRequested: task.assignee.requested,
        evidence: task.evidence,
      },
    });
    return toTask(row!);
  }

  /** Locks the task and reads it with the caller's roles and teams; null when the tenant has no such task. */
  async forCompletion(id: string, subject: string): Promise<TaskCompletionState | null> {
    const [row] = await this.run(TASK_FOR_COMPLETION, { tenant: this.tenant, id, subject });
    if (row === undefined) return null;
    return {
      task: toTask(row),
      callerRoles: ((row.roles as string[] | null) ?? []).map(String),
      callerTeams: ((row.teams as string[] | null) ?? []).map(String),
    };
  }

  async complete(
    id: string,
    by: string,
    verdict: string | null,
    note: string | null,
    now: string,
  ): Promise<Task | null> {
    const [row] = await this.run(COMPLETE_TASK, { tenant: this.tenant, id, by, verdict, note, now });
    return row ? toTask(row) : null;
  }
}
