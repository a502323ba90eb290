import neo4j from "neo4j-driver";
import { PlaybookDefinition } from "../../domain/automation/playbook";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { AuditTrail } from "../audit/audit-trail";
import { CypherExecutor, CypherQuery } from "../executor";

// The runner's state, across tenants: one cursor per tenant over its change feed, leased to one process at a
// time (like webhook endpoints), and the firings it made. A claim first writes the cursor (`leaseCheckedAt`),
// which takes its write lock, and only then reads the lease, so two processes racing for one tenant are
// serialised there.

/** Tenants with active playbooks, events past their cursor, and a cursor free to claim (or ours). */
const DUE_TENANTS: CypherQuery = {
  name: "automation.dueTenants",
  text: `
MATCH (c:PlaybookCursor)
WHERE c.leaseOwner IS NULL OR c.leaseOwner = $owner OR c.leaseUntil < $now
MATCH (s:ChangeSequence {tenant: c.tenant})
WHERE s.last > c.through AND EXISTS { MATCH (:Playbook {tenant: c.tenant, status: 'ACTIVE'}) }
RETURN c.tenant AS tenant
LIMIT $limit`,
};

const CLAIM: CypherQuery = {
  name: "automation.claim",
  text: `
MATCH (c:PlaybookCursor {tenant: $tenant})
SET c.leaseCheckedAt = $now
WITH c
WHERE c.leaseOwner IS NULL OR c.leaseOwner = $owner OR c.leaseUntil < $now
SET c.leaseOwner = $owner, c.leaseUntil = $now + $leaseMs
RETURN c.through AS through`,
};

const RELEASE: CypherQuery = {
  name: "automation.release",
  text: `
MATCH (c:PlaybookCursor {tenant: $tenant})
SET c.leaseCheckedAt = $now
WITH c WHERE c.leaseOwner = $owner
SET c.leaseOwner = null, c.leaseUntil = null`,
};

/** Moves the cursor (only forward, only while we hold the lease) and extends the lease. */
const ADVANCE: CypherQuery = {
  name: "automation.advance",
  text: `
MATCH (c:PlaybookCursor {tenant: $tenant})
SET c.leaseCheckedAt = $now
WITH c WHERE c.leaseOwner = $owner
SET c.through = CASE WHEN $through > c.through THEN $through ELSE c.through END, c.leaseUntil = $now + $leaseMs,
  c.eventsEvaluated = coalesce(c.eventsEvaluated, 0) + $events
RETURN c.through AS through`,
};

const ACTIVE_PLAYBOOKS: CypherQuery = {
  name: "automation.activePlaybooks",
  text: `
MATCH (p:Playbook {tenant: $tenant, status: 'ACTIVE'})-[:HAS_VERSION]->(v:PlaybookVersion {version: p.currentVersion})
RETURN p.id AS id, p.currentVersion AS version, v.definition AS definition, coalesce(p.activatedSeq, 0) AS activatedSeq,
  coalesce(p.consecutiveFailures, 0) AS consecutiveFailures
ORDER BY p.id`,
};

/**
 * The earlier firings of each playbook and subject (times within the longest period asked for, the newest
 * evidence and trigger sequence), and the tenant's firings in the last hour.
 */
const FIRING_HISTORY: CypherQuery = {
  name: "automation.firingHistory",
  text: `
UNWIND $keys AS key
OPTIONAL MATCH (f:PlaybookFiring {tenant: $tenant, playbookId: key.playbookId, subject: key.subject})
WITH key, f ORDER BY f.firedAt DESC
WITH key, collect(f)[..1000] AS firings
RETURN key.playbookId AS playbookId, key.subject AS subject,
  [f IN firings WHERE f.firedAt.epochMillis > $since | f.firedAt.epochMillis] AS times,
  reduce(m = null, f IN firings | CASE WHEN m IS NULL OR f.evidenceThrough > m THEN f.evidenceThrough ELSE m END)
    AS evidenceThrough,
  reduce(m = 0, f IN firings | CASE WHEN coalesce(f.triggerSeq, 0) > m THEN f.triggerSeq ELSE m END) AS triggerSeq`,
};

const TENANT_RATE: CypherQuery = {
  name: "automation.tenantRate",
  text: `
MATCH (f:PlaybookFiring {tenant: $tenant})
WHERE f.firedAt > datetime($since)
RETURN count(f) AS fired`,
};

/**
 * Records a firing before it is carried out (outcome PENDING): dedupe and breakers count it even if the
 * process dies while the actions run. Numbered per tenant on the cursor, for paging.
 */
const RECORD_FIRING: CypherQuery = {
  name: "automation.recordFiring",
  text: `
MATCH (c:PlaybookCursor {tenant: $tenant})
SET c.firings = coalesce(c.firings, 0) + 1
CREATE (f:PlaybookFiring {tenant: $tenant, id: $id, playbookId: $playbookId, version: $version, subject: $subject,
  firedAt: datetime($firedAt), outcome: 'PENDING', accountIds: $accountIds, region: $region, assetIds: $assetIds,
  batchCodes: $batchCodes, basis: $basis,
  evidenceThrough: $evidenceThrough, triggerSeq: $triggerSeq, number: c.firings})
RETURN f.id AS id`,
};

/**
 * What the actions side answered, and what it does to the playbook's failure count; the failure breaker
 * pauses the playbook (with its reason) when told to.
 */
const RECORD_OUTCOME: CypherQuery = {
  name: "automation.recordOutcome",
  text: `
MATCH (f:PlaybookFiring {tenant: $tenant, id: $id})
SET f.outcome = $outcome, f.outcomeReason = $reason, f.auditSeqs = $auditSeqs
WITH f
MATCH (p:Playbook {tenant: $tenant, id: f.playbookId})
SET p.consecutiveFailures = $consecutiveFailures
FOREACH (_ IN CASE WHEN $pauseReason IS NOT NULL AND p.status = 'ACTIVE' THEN [1] ELSE [] END |
  SET p.status = 'PAUSED', p.pausedReason = $pauseReason, p.updatedAt = datetime($now))
RETURN p.status AS status`,
};

/** A tripped breaker, once per playbook, subject and breaker while it stays tripped (`$since`). */
const RECORD_TRIP: CypherQuery = {
  name: "automation.recordTrip",
  text: `
OPTIONAL MATCH (t:PlaybookBreakerTrip {tenant: $tenant, playbookId: $playbookId, subject: $subject, breaker: $breaker})
WHERE t.at > datetime($since)
WITH count(t) AS recent
WHERE recent = 0
CREATE (n:PlaybookBreakerTrip {tenant: $tenant, playbookId: $playbookId, subject: $subject, breaker: $breaker,
  reason: $reason, facts: $facts, at: datetime($now)})
RETURN true AS created`,
};

export interface ActivePlaybook {
  id: string;
  version: number;
  definition: PlaybookDefinition;
  /** The feed's head when it was activated: it acts only on later events. */
  activatedSeq: number;
  consecutiveFailures: number;
}

export interface FiringHistory {
  /** Epoch ms of firings within the period asked for. */
  times: number[];
  /** The newest evidence an earlier firing used (epoch ms), or null. */
  evidenceThrough: number | null;
  /** The newest change event an earlier firing was triggered by. */
  triggerSeq: number;
}

export interface NewFiring {
  id: string;
  playbookId: string;
  version: number;
  subject: string;
  firedAt: string;
  accountIds: readonly string[];
  region: string | null;
  assetIds: readonly string[];
  batchCodes: readonly string[];
  basis: string;
  evidenceThrough: number | null;
  triggerSeq: number;
}

const int = (value: number) => neo4j.int(value);

/** A tripped breaker as recorded on `(:PlaybookBreakerTrip)`. */
export interface TripRecord {
  playbookId: string;
  subject: string;
  breaker: string;
  reason: string;
  /** JSON. */
  facts: string;
}

function tripParams(tenant: string, trip: TripRecord, since: number, now: number): Record<string, unknown> {
  return { tenant, ...trip, since: new Date(since).toISOString(), now: new Date(now).toISOString() };
}

/** The runner's leases, cursors and firing records (all tenants). */
export class PlaybookRunnerRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async dueTenants(owner: string, now: number, limit: number): Promise<string[]> {
    const rows = await this.executor.read(DUE_TENANTS, { owner, now: int(now), limit: int(limit) });
    return rows.map((row) => String(row.tenant));
  }

  /** The cursor's position once claimed, or null when another process holds the tenant. */
  async claim(tenant: string, owner: string, now: number, leaseMs: number): Promise<number | null> {
    const [row] = await this.executor.write(CLAIM, { tenant, owner, now: int(now), leaseMs: int(leaseMs) });
    return row ? Number(row.through) : null;
  }

  async release(tenant: string, owner: string, now: number): Promise<void> {
    await this.executor.write(RELEASE, { tenant, owner, now: int(now) });
  }

  /** False when the lease was lost (another process took the tenant over). */
  async advance(
    tenant: string,
    owner: string,
    through: number,
    events: number,
    now: number,
    leaseMs: number,
  ): Promise<boolean> {
    const rows = await this.executor.write(ADVANCE, {
      tenant,
      owner,
      through: int(through),
      events: int(events),
      now: int(now),
      leaseMs: int(leaseMs),
    });
    return rows.length > 0;
  }

  async activePlaybooks(tenant: string): Promise<ActivePlaybook[]> {
    const rows = await this.executor.read(ACTIVE_PLAYBOOKS, { tenant });
    return rows.map((row) => ({
      id: String(row.id),
      version: Number(row.version),
      definition: JSON.parse(String(row.definition)) as PlaybookDefinition,
      activatedSeq: Number(row.activatedSeq),
      consecutiveFailures: Number(row.consecutiveFailures),
    }));
  }

  async firingHistory(
    tenant: string,
    keys: ReadonlyArray<{ playbookId: string; subject: string }>,
    since: number,
  ): Promise<Map<string, FiringHistory>> {
    if (keys.length === 0) return new Map();
    const rows = await this.executor.read(FIRING_HISTORY, { tenant, keys: [...keys], since: int(since) });
    return new Map(
      rows.map((row) => [
        `${String(row.playbookId)}|${String(row.subject)}`,
        {
          times: (row.times as unknown[]).map(Number),
          evidenceThrough: row.evidenceThrough === null ? null : Number(row.evidenceThrough),
          triggerSeq: Number(row.triggerSeq ?? 0),
        },
      ]),
    );
  }

  async firedSince(tenant: string, since: number): Promise<number> {
    const [row] = await this.executor.read(TENANT_RATE, { tenant, since: new Date(since).toISOString() });
    return Number(row?.fired ?? 0);
  }

  async recordFiring(tenant: string, firing: NewFiring): Promise<void> {
    await this.executor.write(RECORD_FIRING, {
      tenant,
      ...firing,
      accountIds: [...firing.accountIds],
      assetIds: [...firing.assetIds],
      batchCodes: [...firing.batchCodes],
      version: int(firing.version),
      evidenceThrough: firing.evidenceThrough === null ? null : int(firing.evidenceThrough),
      triggerSeq: int(firing.triggerSeq),
    });
  }

  /**
   * Records what the actions side answered and the playbook's failure count. When the failure breaker
   * tripped (`pause` given), the playbook is paused with its reason, and the trip and its BREAKER_TRIPPED
   * audit record are written in the same transaction. Returns the playbook's status afterwards.
   */
  async recordOutcome(
    tenant: string,
    id: string,
    outcome: { status: string; reason: string | null; auditSeqs: readonly number[] },
    consecutiveFailures: number,
    pause: { reason: string; trip: TripRecord; audit: AuditEntryInput } | null,
    now: string,
  ): Promise<string | null> {
    return this.executor.writeSteps(RECORD_OUTCOME.name, async (run) => {
      const [row] = await run(RECORD_OUTCOME, {
        tenant,
        id,
        outcome: outcome.status,
        reason: outcome.reason,
        auditSeqs: outcome.auditSeqs.map(int),
        consecutiveFailures: int(consecutiveFailures),
        pauseReason: pause?.reason ?? null,
        now,
      });
      if (pause !== null) {
        await run(RECORD_TRIP, tripParams(tenant, pause.trip, Date.parse(now), Date.parse(now)));
        await new AuditTrail(tenant).append(run, now, [pause.audit]);
      }
      return row ? String(row.status) : null;
    });
  }

  /**
   * Records a tripped breaker with its BREAKER_TRIPPED audit record, once per playbook, subject and
   * breaker while it stays tripped (no earlier trip since `since`): a runaway playbook leaves one record
   * per period, not one per event. True when it was recorded now.
   */
  async recordTrip(
    tenant: string,
    trip: TripRecord,
    audit: AuditEntryInput,
    since: number,
    now: number,
  ): Promise<boolean> {
    return this.executor.writeSteps(RECORD_TRIP.name, async (run) => {
      const rows = await run(RECORD_TRIP, tripParams(tenant, trip, since, now));
      if (rows.length === 0) return false;
      await new AuditTrail(tenant).append(run, new Date(now).toISOString(), [audit]);
      return true;
    });
  }
}
