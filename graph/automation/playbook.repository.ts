import neo4j from "neo4j-driver";
import { PlaybookDefinition, PlaybookStatus } from "../../domain/automation/playbook";
import { PlaybookFiringRecord, PlaybookVersionRecord, StoredPlaybook } from "../../domain/automation/stored-playbook";
import { playbookChangedEntry, PlaybookChange, userActor } from "../../domain/automation/playbook-audit";
import { actorOf } from "../../domain/audit/actor";
import { AuditTrail } from "../audit/audit-trail";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { FIRING_FIELDS, PLAYBOOK_FIELDS, toFiring, toPlaybook, toVersion } from "./playbook-rows";

const CREATE: CypherQuery = {
  name: "playbooks.create",
  text: `
CREATE (p:Playbook {tenant: $tenant, id: $id, name: $name, status: 'DRAFT', currentVersion: 1,
  ownerUserId: $ownerUserId, consecutiveFailures: 0, createdAt: datetime($now), updatedAt: datetime($now),
  createdBy: $actor})
CREATE (v:PlaybookVersion {tenant: $tenant, playbookId: $id, version: 1, definition: $definition,
  savedAt: datetime($now), savedBy: $actor})
CREATE (p)-[:HAS_VERSION]->(v)
RETURN ${PLAYBOOK_FIELDS}`,
};

/** A new version; the saved ones stay as they are. Nothing for a retired playbook. */
const SAVE_VERSION: CypherQuery = {
  name: "playbooks.saveVersion",
  text: `
MATCH (p:Playbook {tenant: $tenant, id: $id})
WHERE p.status <> 'RETIRED'
SET p.currentVersion = p.currentVersion + 1, p.name = $name, p.ownerUserId = $ownerUserId,
  p.updatedAt = datetime($now)
CREATE (v:PlaybookVersion {tenant: $tenant, playbookId: $id, version: p.currentVersion, definition: $definition,
  savedAt: datetime($now), savedBy: $actor})
CREATE (p)-[:HAS_VERSION]->(v)
RETURN ${PLAYBOOK_FIELDS}`,
};

const GET: CypherQuery = {
  name: "playbooks.get",
  text: `
MATCH (p:Playbook {tenant: $tenant, id: $id})-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
RETURN ${PLAYBOOK_FIELDS}`,
};

const LIST: CypherQuery = {
  name: "playbooks.list",
  text: `
MATCH (p:Playbook {tenant: $tenant})
WHERE ($status IS NULL OR p.status = $status) AND ($after IS NULL OR p.id > $after)
  AND ($owner IS NULL OR p.ownerUserId = $owner)
WITH p ORDER BY p.id LIMIT $limit
MATCH (p)-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
RETURN ${PLAYBOOK_FIELDS}
ORDER BY playbook.id`,
};

const VERSIONS: CypherQuery = {
  name: "playbooks.versions",
  text: `
MATCH (p:Playbook {tenant: $tenant, id: $id})-[:HAS_VERSION]->(v:PlaybookVersion)
RETURN v.version AS version, v.definition AS definition, toString(v.savedAt) AS savedAt, v.savedBy AS savedBy
ORDER BY v.version DESC LIMIT $limit`,
};

/**
 * Activates a playbook. It acts on events committed from now on: `activatedSeq` is the feed's head, and the
 * tenant's cursor is made there if the tenant has none yet. Activation clears a pause and its failure count.
 */
const ACTIVATE: CypherQuery = {
  name: "playbooks.activate",
  text: `
MATCH (p:Playbook {tenant: $tenant, id: $id})
WHERE p.status <> 'RETIRED'
OPTIONAL MATCH (s:ChangeSequence {tenant: $tenant})
WITH p, coalesce(s.last, 0) AS head
MERGE (c:PlaybookCursor {tenant: $tenant})
  ON CREATE SET c.through = head
SET p.activatedSeq = CASE WHEN p.status = 'ACTIVE' THEN p.activatedSeq ELSE head END,
  p.status = 'ACTIVE', p.pausedReason = null, p.consecutiveFailures = 0, p.updatedAt = datetime($now)
WITH p
MATCH (p)-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
RETURN ${PLAYBOOK_FIELDS}`,
};

const PAUSE: CypherQuery = {
  name: "playbooks.pause",
  text: `
MATCH (p:Playbook {tenant: $tenant, id: $id})
WHERE p.status <> 'RETIRED'
SET p.status = 'PAUSED', p.pausedReason = $reason, p.updatedAt = datetime($now)
WITH p
MATCH (p)-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
RETURN ${PLAYBOOK_FIELDS}`,
};

const RETIRE: CypherQuery = {
  name: "playbooks.retire",
  text: `
MATCH (p:Playbook {tenant: $tenant, id: $id})
SET p.status = 'RETIRED', p.updatedAt = datetime($now)
WITH p
MATCH (p)-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
RETURN ${PLAYBOOK_FIELDS}`,
};

const STATUS_OF: CypherQuery = {
  name: "playbooks.status",
  text: `MATCH (p:Playbook {tenant: $tenant, id: $id}) RETURN p.status AS status`,
};

/** Whether the owner is a user of the tenant; `users` is 0 while the tenant has no users at all. */
const OWNER: CypherQuery = {
  name: "playbooks.owner",
  text: `
OPTIONAL MATCH (u:User {tenant: $tenant})
WITH count(u) AS users
OPTIONAL MATCH (o:User {tenant: $tenant, externalId: $owner})
RETURN users, count(o) > 0 AS found`,
};

const FIRINGS: CypherQuery = {
  name: "playbooks.firings",
  text: `
MATCH (f:PlaybookFiring {tenant: $tenant})
WHERE ($playbookId IS NULL OR f.playbookId = $playbookId) AND ($before IS NULL OR f.number < $before)
WITH f ORDER BY f.number DESC LIMIT $limit
RETURN ${FIRING_FIELDS}, f.number AS number`,
};

/**
 * Per firing of one playbook (newest first, at most $limit): what came of it, for the feedback — the tasks
 * it made (D's Task nodes), its proposal, the matching signals after it, the accounts' health scores.
 */
const AFTERMATH: CypherQuery = {
  name: "playbooks.aftermath",
  text: `
MATCH (f:PlaybookFiring {tenant: $tenant, playbookId: $id})
WITH f ORDER BY f.firedAt DESC LIMIT $limit
CALL (f) {
  OPTIONAL MATCH (t:Task {tenant: $tenant, firingId: f.id})
  RETURN collect(t {.template, .status, .kind, completedAt: t.completedAt, dueAt: t.dueAt}) AS tasks
}
CALL (f) {
  OPTIONAL MATCH (pr:Proposal {tenant: $tenant, firingId: f.id})
  RETURN collect(pr.status) AS proposals
}
CALL (f) {
  UNWIND f.accountIds AS accountId
  MATCH (a:Account {tenant: $tenant, id: accountId})
  CALL (a) {
    MATCH (a)<-[:ABOUT]-(s:Signal) RETURN s
    UNION
    MATCH (a)<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal) RETURN s
    UNION
    MATCH (a)<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal) RETURN s
  }
  WITH s WHERE $fields IS NOT NULL AND s.observedAt > f.firedAt
    AND any(x IN $fields WHERE x.field = s.field AND (x.system IS NULL OR x.system = s.sourceSystem))
    AND ($valueEquals IS NULL OR s.stringValue = $valueEquals)
  RETURN collect(s.observedAt.epochMillis)[..100] AS signalTimes
}
CALL (f) {
  UNWIND f.accountIds AS accountId
  OPTIONAL MATCH (h:HealthScore {tenant: $tenant, accountId: accountId, modelId: 'default'})
  WITH h WHERE h IS NOT NULL AND h.score IS NOT NULL
  RETURN collect({at: h.computedAt.epochMillis, score: h.score}) AS scores
}
RETURN f.id AS id, f.firedAt.epochMillis AS firedAt, f.outcome AS outcome, tasks, proposals, signalTimes, scores`,
};

export interface FiringAftermathRow {
  id: string;
  firedAt: number;
  outcome: string;
  tasks: Array<{ template: string | null; status: string; kind: string | null; completedAt: unknown; dueAt: unknown }>;
  proposals: string[];
  signalTimes: number[];
  scores: Array<{ at: number; score: number }>;
}

const int = (value: number) => neo4j.int(value);

/**
 * Who saves or changes a playbook: the token's subject (kept as `createdBy`/`savedBy`, the person the
 * change is for) and the agent acting with the token, whom the audit record names (decision 0022).
 */
export interface PlaybookActor {
  subject: string;
  agent?: string;
}

/** The audit actor of a change: `agent:<name>` when an agent acts, else `user:<subject>`. */
function auditActor(actor: PlaybookActor): string {
  return actor.agent === undefined ? userActor(actor.subject) : actorOf(actor.subject, actor.agent);
}

/** One tenant's playbooks: versions are only ever added; status changes are the only edits. */
export class PlaybookRepository {
  private readonly audit: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {
    this.audit = new AuditTrail(tenant);
  }

  async create(id: string, definition: PlaybookDefinition, now: string, actor: PlaybookActor): Promise<StoredPlaybook> {
    this.checkAudit(id, definition, actor);
    const created = await this.changeWithAudit(
      CREATE,
      this.saveParams(id, definition, now, actor),
      "SAVED",
      now,
      actor,
    );
    return created!;
  }

  /** Null when there is no such playbook or it is retired (see {@link status}). */
  async saveVersion(
    id: string,
    definition: PlaybookDefinition,
    now: string,
    actor: PlaybookActor,
  ): Promise<StoredPlaybook | null> {
    this.checkAudit(id, definition, actor);
    return this.changeWithAudit(SAVE_VERSION, this.saveParams(id, definition, now, actor), "SAVED", now, actor);
  }

  /**
   * Refuses, before any transaction, a definition the audit trail would refuse (an email address in it):
   * inside the transaction the refusal would reach the client only as an internal error.
   */
  private checkAudit(id: string, definition: PlaybookDefinition, actor: PlaybookActor): void {
    this.audit.check([
      playbookChangedEntry("SAVED", { id, version: 1, status: "DRAFT", definition }, auditActor(actor)),
    ]);
  }

  /**
   * Runs one change of a playbook and its PLAYBOOK_CHANGED audit record in one transaction: both commit or
   * neither. Nothing is recorded when the change matched no playbook.
   */
  private async changeWithAudit(
    query: CypherQuery,
    params: Record<string, unknown>,
    change: PlaybookChange,
    now: string,
    actor: PlaybookActor,
    reason: string | null = null,
  ): Promise<StoredPlaybook | null> {
    return this.executor.writeSteps(query.name, async (run) => {
      const [row]: PlainRow[] = await run(query, params);
      if (row === undefined) return null;
      const playbook = toPlaybook(row);
      await this.audit.append(run, now, [
        playbookChangedEntry(
          change,
          {
            id: playbook.id,
            version: playbook.currentVersion,
            status: playbook.status,
            definition: playbook.definition,
          },
          auditActor(actor),
          reason,
        ),
      ]);
      return playbook;
    });
  }

  private saveParams(id: string, definition: PlaybookDefinition, now: string, actor: PlaybookActor) {
    return {
      tenant: this.tenant,
      id,
      name: definition.name,
      ownerUserId: definition.ownerUserId,
      definition: JSON.stringify(definition),
      now,
      actor: actor.subject,
    };
  }

  async get(id: string): Promise<StoredPlaybook | null> {
    const [row] = await this.executor.read(GET, { tenant: this.tenant, id });
    return row ? toPlaybook(row) : null;
  }

  async status(id: string): Promise<PlaybookStatus | null> {
    const [row] = await this.executor.read(STATUS_OF, { tenant: this.tenant, id });
    return row ? (String(row.status) as PlaybookStatus) : null;
  }

  async list(
    filter: { status: PlaybookStatus | null; ownerUserId: string | null },
    limit: number,
    after: string | null,
  ): Promise<StoredPlaybook[]> {
    const rows = await this.executor.read(LIST, {
      tenant: this.tenant,
      status: filter.status,
      owner: filter.ownerUserId,
      after,
      limit: int(limit),
    });
    return rows.map(toPlaybook);
  }

  async versions(id: string, limit: number): Promise<PlaybookVersionRecord[]> {
    const rows = await this.executor.read(VERSIONS, { tenant: this.tenant, id, limit: int(limit) });
    return rows.map(toVersion);
  }

  async activate(id: string, now: string, actor: PlaybookActor): Promise<StoredPlaybook | null> {
    return this.changeWithAudit(ACTIVATE, { tenant: this.tenant, id, now }, "ACTIVATED", now, actor);
  }

  async pause(id: string, reason: string, now: string, actor: PlaybookActor): Promise<StoredPlaybook | null> {
    return this.changeWithAudit(PAUSE, { tenant: this.tenant, id, reason, now }, "PAUSED", now, actor, reason);
  }

  async retire(id: string, now: string, actor: PlaybookActor): Promise<StoredPlaybook | null> {
    return this.changeWithAudit(RETIRE, { tenant: this.tenant, id, now }, "RETIRED", now, actor);
  }

  /** Whether `owner` may own playbooks: a user of the tenant, or anyone while the tenant has no users yet. */
  async ownerAllowed(owner: string): Promise<boolean> {
    const [row] = await this.executor.read(OWNER, { tenant: this.tenant, owner });
    return Number(row?.users ?? 0) === 0 || row?.found === true;
  }

  /** The tenant's firings (of one playbook or all), newest first. */
  async firings(
    playbookId: string | null,
    limit: number,
    before: number | null,
  ): Promise<Array<PlaybookFiringRecord & { number: number }>> {
    const rows = await this.executor.read(FIRINGS, {
      tenant: this.tenant,
      playbookId,
      before: before === null ? null : int(before),
      limit: int(limit),
    });
    return rows.map((row) => ({ ...toFiring(row), number: Number(row.number) }));
  }

  async aftermath(
    id: string,
    limit: number,
    signals: { fields: Array<{ system: string | null; field: string }> | null; valueEquals: string | null },
  ): Promise<FiringAftermathRow[]> {
    const rows = await this.executor.read(AFTERMATH, {
      tenant: this.tenant,
      id,
      limit: int(limit),
      fields: signals.fields,
      valueEquals: signals.valueEquals,
    });
    return rows.map((row) => ({
      id: String(row.id),
      firedAt: Number(row.firedAt),
      outcome: String(row.outcome),
      tasks: row.tasks as FiringAftermathRow["tasks"],
      proposals: (row.proposals as unknown[]).map(String),
      signalTimes: (row.signalTimes as unknown[]).map(Number),
      scores: (row.scores as Array<{ at: unknown; score: unknown }>).map((s) => ({
        at: Number(s.at),
        score: Number(s.score),
      })),
    }));
  }
}
