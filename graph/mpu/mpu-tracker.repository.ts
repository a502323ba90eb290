import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { RecordChange } from "../../domain/events/change-event";
import { MpuDefinition, MpuUse, MpuUseStatus } from "../../domain/mpu/mpu";
import { UseFacts } from "../../domain/mpu/use-evaluation";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor, CypherQuery } from "../executor";
import { toUse, USE_FIELDS } from "./mpu-rows";

/** Pending uses of every tenant, oldest first, with their unit's definition of the version applied. */
const PENDING_USES: CypherQuery = {
  name: "mpuTracker.pending",
  text: `
MATCH (u:MpuUse {status: 'PENDING'})
WHERE $tenants IS NULL OR u.tenant IN $tenants
// Least recently checked first, so a backlog of long-running uses never starves the newer ones.
WITH u ORDER BY coalesce(u.checkedAt, '') , u.appliedAt, u.id LIMIT $limit
MATCH (v:MpuVersion {tenant: u.tenant, mpuId: u.mpuId, version: u.mpuVersion})
RETURN u.tenant AS tenant, ${USE_FIELDS}, v.definition AS definition`,
};

/** For each use: signals on the account (or its contacts) since it was applied, the opportunity's stage, tasks done. */
const USE_FACTS: CypherQuery = {
  name: "mpuTracker.facts",
  text: `
UNWIND $uses AS x
MATCH (a:Account {tenant: $tenant, id: x.accountId})
CALL (a, x) {
  MATCH (s:Signal)-[:ABOUT]->(subject)
  WHERE (subject = a OR EXISTS { (subject)-[:WORKS_AT]->(a) })
    AND s.field IN x.fields AND s.observedAt >= datetime(x.appliedAt)
  WITH s ORDER BY s.observedAt LIMIT 100
  RETURN collect({field: s.field, at: s.observedAt.epochMillis}) AS signals
}
CALL (a, x) {
  OPTIONAL MATCH (o:Opportunity {tenant: $tenant, id: x.opportunityId})-[:FOR_ACCOUNT]->(a)
  RETURN o.stage AS stage, o.lastUpdatedAt.epochMillis AS stageSince
}
CALL (a, x) {
  MATCH (t:Task {tenant: $tenant, status: 'DONE'})-[:ABOUT]->(a)
  WHERE t.template IN x.templates AND t.completedAt >= datetime(x.appliedAt)
  WITH t ORDER BY t.completedAt LIMIT 100
  RETURN collect({template: t.template, verdict: t.verdict, completedAt: t.completedAt.epochMillis}) AS tasks
}
RETURN x.id AS id, signals, stage, stageSince, tasks`,
};

const RESOLVE_USE: CypherQuery = {
  name: "mpuTracker.resolve",
  text: `
MATCH (u:MpuUse {tenant: $tenant, id: $id})
WHERE u.status = 'PENDING'
SET u.status = $status, u.resolvedAt = $now, u.reason = $reason, u.escalationTaskId = $taskId
RETURN ${USE_FIELDS}`,
};

/** Marks uses still pending as checked now (they go to the back of the queue). */
const MARK_CHECKED: CypherQuery = {
  name: "mpuTracker.checked",
  text: `
UNWIND $ids AS id
MATCH (u:MpuUse {tenant: $tenant, id: id})
SET u.checkedAt = $now`,
};

export interface PendingUse {
  tenant: string;
  use: MpuUse;
  definition: MpuDefinition;
}

/**
 * What the MPU tracker reads and writes across tenants: pending uses, the facts that decide them, and their
 * resolution (with its audit record and change event, in one transaction per use).
 */
export class MpuTrackerRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly changesEnabled: boolean,
  ) {}

  /** Up to `limit` pending uses (of `tenants` only, when given). */
  async pending(limit: number, tenants: readonly string[] | null = null): Promise<PendingUse[]> {
    const rows = await this.executor.read(PENDING_USES, {
      limit: neo4j.int(limit),
      tenants: tenants === null ? null : [...tenants],
    });
    return rows.map((row) => ({
      tenant: String(row.tenant),
      use: toUse(row),
      definition: JSON.parse(String(row.definition)) as MpuDefinition,
    }));
  }

  /** The facts of one tenant's pending uses, by use id. */
  async facts(tenant: string, pending: readonly PendingUse[]): Promise<Map<string, UseFacts>> {
    const uses = pending.map(({ use, definition }) => ({
      id: use.id,
      accountId: use.accountId,
      opportunityId: use.opportunityId,
      appliedAt: use.appliedAt,
      fields: [
        ...new Set([
          ...definition.verifications.flatMap((p) => (p.kind === "SIGNAL" ? [p.field] : [])),
          ...definition.breakers.flatMap((b) => (b.kind === "NO_SIGNAL" ? [b.field] : [])),
        ]),
      ],
      templates: definition.verifications.flatMap((p) => (p.kind === "TASK_OUTCOME" ? [p.template] : [])),
    }));
    const rows = await this.executor.read(USE_FACTS, { tenant, uses });
    const facts = new Map<string, UseFacts>();
    for (const row of rows) {
      const list = (v: unknown) => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []);
      facts.set(String(row.id), {
        signals: list(row.signals).map((s) => ({ field: String(s.field), at: Number(s.at) })),
        stage:
          row.stage === null || row.stage === undefined
            ? null
            : { stage: String(row.stage), since: Number(row.stageSince ?? 0) },
        tasks: list(row.tasks).map((t) => ({
          template: String(t.template),
          verdict: t.verdict === null || t.verdict === undefined ? null : String(t.verdict),
          completedAt: Number(t.completedAt),
        })),
      });
    }
    return facts;
  }

  async markChecked(tenant: string, ids: readonly string[], now: string): Promise<void> {
    if (ids.length > 0) await this.executor.write(MARK_CHECKED, { tenant, ids: [...ids], now });
  }

  /** Resolves a use still PENDING; null when another process resolved it first (nothing is written then). */
  async resolve(
    tenant: string,
    id: string,
    resolution: { status: Exclude<MpuUseStatus, "PENDING">; reason: string; taskId: string | null },
    now: string,
    audit: (use: MpuUse) => AuditEntryInput,
    change: (use: MpuUse) => RecordChange,
  ): Promise<MpuUse | null> {
    const trail = new AuditTrail(tenant);
    const outbox = new ChangeOutbox(tenant, "job:mpu-tracker", this.changesEnabled);
    return this.executor.writeSteps(RESOLVE_USE.name, async (run) => {
      const [row] = await run(RESOLVE_USE, { tenant, id, now, ...resolution });
      if (row === undefined) return null;
      const use = toUse(row);
      await trail.append(run, now, [audit(use)]);
      await outbox.append(run, now, [change(use)]);
      return use;
    });
  }
}
