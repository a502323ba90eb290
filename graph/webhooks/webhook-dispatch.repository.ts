import neo4j from "neo4j-driver";
import { ChangeType, StoredChange } from "../../domain/events/change-event";
import {
  personalCategoriesOf,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
} from "../../domain/webhooks/webhook";
import { PersonalCategory } from "../../domain/personal-data/catalogue";
import { ChangeFeedRepository } from "../events/change-feed.repository";
import { unpackSegment } from "../../domain/events/change-segment";
import { CypherExecutor, CypherQuery } from "../executor";
import { DELIVERY_FIELDS, toDelivery } from "./webhook-rows";

// The dispatcher's queries, across tenants. Every claim and every change of a delivery first writes to the
// endpoint (`leaseCheckedAt`), which takes its write lock, and only then reads the lease: two processes that
// race for one endpoint are serialised there, and the second sees the first one's lease (read-committed
// would otherwise let both read "free" and both write their own).

/** Enabled endpoints free to claim (or ours) with work: a due delivery, or events after their cursor. */
const DUE_ENDPOINTS: CypherQuery = {
  name: "webhooks.dispatch.due",
  text: `
MATCH (e:WebhookEndpoint)
WHERE e.enabled AND (e.leaseOwner IS NULL OR e.leaseOwner = $owner OR e.leaseExpiresAt < $now)
OPTIONAL MATCH (s:ChangeSequence {tenant: e.tenant})
CALL (e) {
  OPTIONAL MATCH (d:WebhookDelivery {endpointId: e.id, status: 'PENDING'})
  RETURN min(d.nextAttemptAt) AS due
}
WITH e, coalesce(s.last, 0) AS head, due
WHERE (due IS NOT NULL AND due <= $now) OR (due IS NULL AND e.cursor < head)
RETURN e.id AS id
ORDER BY coalesce(due, 0) ASC
LIMIT $limit`,
};

const CLAIM: CypherQuery = {
  name: "webhooks.dispatch.claim",
  text: `
MATCH (e:WebhookEndpoint {id: $id})
SET e.leaseCheckedAt = $now
WITH e
WHERE e.enabled AND (e.leaseOwner IS NULL OR e.leaseOwner = $owner OR e.leaseExpiresAt < $now)
SET e.leaseOwner = $owner, e.leaseExpiresAt = $now + $leaseMs
RETURN e.id AS id, e.tenant AS tenant, e.url AS url, e.secret AS secret, e.previousSecret AS previousSecret,
  e.previousSecretExpiresAt AS previousSecretExpiresAt, e.personalData AS personalData`,
};

const RELEASE: CypherQuery = {
  name: "webhooks.dispatch.release",
  text: `
MATCH (e:WebhookEndpoint {id: $id})
SET e.leaseCheckedAt = $now
WITH e
WHERE e.leaseOwner = $owner
SET e.leaseOwner = null, e.leaseExpiresAt = null`,
};

/**
 * With the lease held: extends it, and returns the endpoint as it is now (a rotated secret, a new URL) with
 * its oldest pending delivery (by its events), if any.
 */
const HEAD_DELIVERY: CypherQuery = {
  name: "webhooks.dispatch.head",
  text: `
MATCH (e:WebhookEndpoint {id: $id})
SET e.leaseCheckedAt = $now
WITH e
WHERE e.enabled AND e.leaseOwner = $owner
SET e.leaseExpiresAt = $now + $leaseMs
WITH e
OPTIONAL MATCH (d:WebhookDelivery {endpointId: e.id, status: 'PENDING'})
WITH e, d ORDER BY d.firstSequence ASC LIMIT 1
RETURN e.url AS url, e.secret AS secret, e.previousSecret AS previousSecret,
  e.previousSecretExpiresAt AS previousSecretExpiresAt, e.personalData AS personalData,
  CASE WHEN d IS NULL THEN null ELSE ${DELIVERY_FIELDS.replace(" AS delivery", "")} END AS delivery`,
};

/**
 * Takes the write lock of the tenant's sequence (a write to another property first, then nothing else), so
 * the head read next is complete: Neo4j applies a commit to the store piece by piece and a reader without
 * the lock can see `ChangeSequence.last` of a transaction whose events it cannot see yet (measured: about
 * 1 read in 70 under concurrent writes). The writers release this lock only once their commit is applied.
 */
const LOCK_SEQUENCE: CypherQuery = {
  name: "webhooks.dispatch.lockSequence",
  text: `
MATCH (s:ChangeSequence {tenant: $tenant})
SET s.readLock = true
REMOVE s.readLock`,
};

/**
 * With the tenant's sequence locked: the endpoint's cursor and types, and how far this step may look (the
 * newest number, or SCAN_WINDOW numbers past the cursor).
 */
const SCAN_WINDOW_OF: CypherQuery = {
  name: "webhooks.dispatch.window",
  text: `
MATCH (e:WebhookEndpoint {id: $id})
OPTIONAL MATCH (s:ChangeSequence {tenant: e.tenant})
RETURN e.tenant AS tenant, e.cursor AS cursor, e.eventTypes AS eventTypes,
  CASE WHEN coalesce(s.last, 0) > e.cursor + $window THEN e.cursor + $window ELSE coalesce(s.last, 0) END AS upTo`,
};

/**
 * The next few event segments after `$after` and up to `$upTo` holding one of `$types`; the events are
 * picked from them in TypeScript (decision 0013). Read a few at a time, so a step decompresses only about
 * what one delivery needs while it holds the sequence lock.
 */
const SEGMENTS_AFTER: CypherQuery = {
  name: "webhooks.dispatch.scan",
  text: `
MATCH (g:ChangeSegment {tenant: $tenant})
WHERE g.lastSeq > $after AND g.firstSeq <= $upTo AND any(t IN g.types WHERE t IN $types)
WITH g ORDER BY g.lastSeq ASC LIMIT $limit
RETURN g.firstSeq AS firstSeq, g.lastSeq AS lastSeq, g.events AS events`,
};

/** Segments read per scan statement. */
const SEGMENTS_PER_SCAN = 4;

/**
 * In the same transaction as the scan: the events picked become one delivery, and the cursor moves past
 * them (past every number examined when fewer than a batch were found). Nothing is created when there are
 * none.
 */
const OPEN_DELIVERY: CypherQuery = {
  name: "webhooks.dispatch.open",
  text: `
MATCH (e:WebhookEndpoint {id: $id})
SET e.cursor = CASE WHEN $cursor > e.cursor THEN $cursor ELSE e.cursor END
WITH e, $seqs AS seqs
WHERE size(seqs) > 0
SET e.deliveryCount = coalesce(e.deliveryCount, 0) + 1
CREATE (d:WebhookDelivery {
  tenant: e.tenant, id: $deliveryId, endpointId: e.id, number: e.deliveryCount, status: 'PENDING', attempts: 0,
  firstSequence: seqs[0], lastSequence: seqs[-1], eventCount: size(seqs), eventTypes: e.eventTypes,
  createdAt: $now, nextAttemptAt: $now, attemptLog: []
})
RETURN ${DELIVERY_FIELDS}`,
};

/** The numbers of the first `batch` events of `types` numbered above `cursor` and at most `upTo`, and where the cursor moves. */
export function pickDeliveryEvents(
  segments: ReadonlyArray<{ firstSeq: number; events: string }>,
  cursor: number,
  upTo: number,
  types: readonly string[],
  batch: number,
): { seqs: number[]; cursor: number } {
  const wanted = new Set(types);
  const seqs: number[] = [];
  for (const segment of segments) {
    const events = unpackSegment(segment.events);
    for (let i = 0; i < events.length; i += 1) {
      const seq = segment.firstSeq + i;
      if (seq <= cursor || seq > upTo || !wanted.has(events[i]!.type)) continue;
      seqs.push(seq);
      if (seqs.length === batch) return { seqs, cursor: seq };
    }
  }
  return { seqs, cursor: upTo };
}

/** Whether events past the endpoint's cursor are still to be examined (a backlog longer than one window). */
const BEHIND: CypherQuery = {
  name: "webhooks.dispatch.behind",
  text: `
MATCH (e:WebhookEndpoint {id: $id})
OPTIONAL MATCH (s:ChangeSequence {tenant: e.tenant})
RETURN e.cursor < coalesce(s.last, 0) AS behind`,
};

/**
 * One attempt's outcome. A delivery that failed for good disables its endpoint and says why; an outcome
 * for a delivery no longer pending (another process got there first) changes nothing.
 */
const RECORD_ATTEMPT: CypherQuery = {
  name: "webhooks.dispatch.record",
  text: `
MATCH (d:WebhookDelivery {id: $deliveryId})
WHERE d.status = 'PENDING'
MATCH (e:WebhookEndpoint {id: d.endpointId})
SET d.attempts = d.attempts + 1, d.lastAttemptAt = $at, d.lastResponseStatus = $responseStatus,
  d.lastError = $error, d.attemptLog = (coalesce(d.attemptLog, []) + [$entry])[-20..], d.status = $status,
  d.nextAttemptAt = $nextAttemptAt,
  d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN $at ELSE d.deliveredAt END
FOREACH (_ IN CASE WHEN $status = 'FAILED' THEN [1] ELSE [] END |
  SET e.enabled = false, e.disabledReason = $disableReason, e.disabledAt = $at, e.disabledBy = d.id,
    e.updatedAt = $at)
RETURN ${DELIVERY_FIELDS}`,
};

const int = (value: number) => neo4j.int(value);

/** The most sequence numbers one step of making a delivery examines. */
const SCAN_WINDOW = 10_000;

/** What the dispatcher needs of a claimed endpoint to sign and send. */
export interface ClaimedEndpoint {
  id: string;
  tenant: string;
  url: string;
  /** Encrypted; the current one first. */
  sealedSecret: string;
  sealedPreviousSecret: string | null;
  previousSecretExpiresAt: number | null;
  /** The personal-data categories its deliveries carry in clear; the rest is masked (decision 0028). */
  personalData: PersonalCategory[];
}

export interface AttemptOutcome {
  at: number;
  status: WebhookDeliveryStatus;
  attempt: WebhookAttempt;
  nextAttemptAt: number | null;
  disableReason: string | null;
}

function claimed(id: string, row: Record<string, unknown>): ClaimedEndpoint {
  return {
    id,
    tenant: String(row.tenant ?? ""),
    url: String(row.url),
    sealedSecret: String(row.secret),
    sealedPreviousSecret: typeof row.previousSecret === "string" ? row.previousSecret : null,
    previousSecretExpiresAt: typeof row.previousSecretExpiresAt === "number" ? row.previousSecretExpiresAt : null,
    personalData: personalCategoriesOf(row.personalData),
  };
}

/** The state the webhook dispatchers of every API process share: leases, cursors and deliveries. */
export class WebhookDispatchRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async dueEndpoints(owner: string, now: number, limit: number): Promise<string[]> {
    const rows = await this.executor.read(DUE_ENDPOINTS, { owner, now: int(now), limit: int(limit) });
    return rows.map((row) => String(row.id));
  }

  /** Takes (or extends) the lease on an endpoint; null when another process holds it or it was disabled. */
  async claim(id: string, owner: string, now: number, leaseMs: number): Promise<ClaimedEndpoint | null> {
    const [row] = await this.executor.write(CLAIM, { id, owner, now: int(now), leaseMs: int(leaseMs) });
    return row ? claimed(id, row) : null;
  }

  async release(id: string, owner: string, now: number): Promise<void> {
    await this.executor.write(RELEASE, { id, owner, now: int(now) });
  }

  /**
   * The delivery to send next while we hold the lease (extended here), with the endpoint as it is now: the
   * oldest pending delivery, or a new one made from the events after the cursor (in the same transaction
   * as the cursor's move). Null when the lease is lost; `delivery` null when there is nothing to send.
   */
  async nextDelivery(
    endpoint: ClaimedEndpoint,
    owner: string,
    now: number,
    leaseMs: number,
    batch: number,
    newDeliveryId: string,
  ): Promise<{ endpoint: ClaimedEndpoint; delivery: WebhookDelivery | null; behind: boolean } | null> {
    return this.executor.writeSteps("webhooks.dispatch.next", async (run) => {
      const params = { id: endpoint.id, owner, now: int(now), leaseMs: int(leaseMs) };
      const [head] = await run(HEAD_DELIVERY, params);
      if (head === undefined) return null;
      const current = claimed(endpoint.id, {
        ...head,
        tenant: endpoint.tenant,
        personalData: head.personalData,
      });
      if (head.delivery !== null && head.delivery !== undefined) {
        return { endpoint: current, delivery: toDelivery(head), behind: false };
      }
      await run(LOCK_SEQUENCE, { tenant: endpoint.tenant });
      const [scan] = await run(SCAN_WINDOW_OF, { id: endpoint.id, window: int(SCAN_WINDOW) });
      if (scan === undefined) return { endpoint: current, delivery: null, behind: false };
      const types = (scan.eventTypes as string[]) ?? [];
      const upTo = Number(scan.upTo);
      const cursor = Number(scan.cursor);
      // Each round decompresses only the segments it read, and picks what the batch still lacks.
      const picked: { seqs: number[]; cursor: number } = { seqs: [], cursor: upTo };
      for (let after = cursor; ;) {
        const rows = await run(SEGMENTS_AFTER, {
          tenant: String(scan.tenant),
          after: int(after),
          upTo: int(upTo),
          types,
          limit: int(SEGMENTS_PER_SCAN),
        });
        const segments = rows.map((row) => ({ firstSeq: Number(row.firstSeq), events: String(row.events) }));
        const round = pickDeliveryEvents(segments, cursor, upTo, types, batch - picked.seqs.length);
        picked.seqs.push(...round.seqs);
        picked.cursor = round.cursor;
        if (picked.seqs.length >= batch || rows.length < SEGMENTS_PER_SCAN) break;
        after = Number(rows.at(-1)!.lastSeq);
      }
      const [created] = await run(OPEN_DELIVERY, {
        id: endpoint.id,
        now: int(now),
        cursor: int(picked.cursor),
        seqs: picked.seqs.map(int),
        deliveryId: newDeliveryId,
      });
      if (created) return { endpoint: current, delivery: toDelivery(created), behind: false };
      const [state] = await run(BEHIND, { id: endpoint.id });
      return { endpoint: current, delivery: null, behind: state?.behind === true };
    });
  }

  /** The events of a delivery, in order, personal values opened (or marked erased). */
  async events(tenant: string, delivery: WebhookDelivery): Promise<StoredChange[]> {
    const types: ChangeType[] = delivery.eventTypes;
    return new ChangeFeedRepository(this.executor, tenant).read(
      delivery.firstSequence - 1,
      delivery.lastSequence,
      delivery.eventCount,
      types,
    );
  }

  async recordAttempt(deliveryId: string, outcome: AttemptOutcome): Promise<WebhookDelivery | null> {
    const [row] = await this.executor.write(RECORD_ATTEMPT, {
      deliveryId,
      at: int(outcome.at),
      status: outcome.status,
      responseStatus: outcome.attempt.responseStatus === null ? null : int(outcome.attempt.responseStatus),
      error: outcome.attempt.error,
      entry: JSON.stringify(outcome.attempt),
      nextAttemptAt: outcome.nextAttemptAt === null ? null : int(outcome.nextAttemptAt),
      disableReason: outcome.disableReason,
    });
    return row ? toDelivery(row) : null;
  }
}
