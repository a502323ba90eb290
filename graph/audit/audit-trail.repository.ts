import neo4j from "neo4j-driver";
import { StoredAuditCheckpoint } from "../../domain/audit/audit-checkpoint";
import { StoredAuditRecord } from "../../domain/audit/audit-record";
import { CypherExecutor, CypherQuery } from "../executor";
import { AUDIT_CHECKPOINT_FIELDS, AUDIT_RECORD_FIELDS, toAuditCheckpoint, toAuditRecord } from "./audit-record-rows";

const HEAD: CypherQuery = {
  name: "audit.head",
  text: `
OPTIONAL MATCH (h:AuditHead {tenant: $tenant})
CALL {
  OPTIONAL MATCH (a:AuditRecord {tenant: $tenant})
  WITH a ORDER BY a.seq DESC LIMIT 1
  RETURN a.seq AS lastRecordSeq
}
RETURN coalesce(h.seq, 0) AS seq, h.hash AS hash, coalesce(lastRecordSeq, 0) AS lastRecordSeq`,
};

const RECORD_AT: CypherQuery = {
  name: "audit.recordAt",
  text: `
MATCH (a:AuditRecord {tenant: $tenant, seq: $seq})
RETURN ${AUDIT_RECORD_FIELDS}`,
};

/** One page of the chain in order: through the (tenant, seq) index, no sort. */
const RECORDS_PAGE: CypherQuery = {
  name: "audit.recordsPage",
  text: `
MATCH (a:AuditRecord {tenant: $tenant})
WHERE a.seq > $after AND a.seq <= $to
WITH a ORDER BY a.seq LIMIT $limit
RETURN ${AUDIT_RECORD_FIELDS}`,
};

const CHECKPOINTS_BETWEEN: CypherQuery = {
  name: "audit.checkpointsBetween",
  text: `
MATCH (c:AuditCheckpoint {tenant: $tenant})
WHERE c.seq >= $from AND c.seq <= $to
RETURN ${AUDIT_CHECKPOINT_FIELDS}
ORDER BY c.seq, c.keyId
LIMIT $limit`,
};

/** What the trail can be filtered by (all optional; given ones must all match). */
export interface AuditRecordFilter {
  accountId?: string;
  userId?: string;
  playbookId?: string;
  kind?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

const FILTER_CONDITIONS = `
  ($playbookId IS NULL OR a.playbookId = $playbookId)
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($from IS NULL OR a.at >= datetime($from))
  AND ($to IS NULL OR a.at < datetime($to))
  AND ($accountId IS NULL OR $accountId IN a.accountIds)
  AND ($userId IS NULL OR $userId IN a.userIds)`;

/**
 * Newest first from a reference (an account's or user's records): walks the (tenant, key, seq) index of
 * AuditRef backwards, so a page reads about as many entries as it returns.
 */
const SEARCH_BY_REF: CypherQuery = {
  name: "audit.searchByRef",
  text: `
MATCH (x:AuditRef {tenant: $tenant, key: $ref})
WHERE x.seq < $before
WITH x ORDER BY x.seq DESC
MATCH (a:AuditRecord {tenant: $tenant, seq: x.seq})
WHERE ${FILTER_CONDITIONS}
WITH a ORDER BY a.seq DESC LIMIT $limit
RETURN ${AUDIT_RECORD_FIELDS}`,
};

/** Newest first, walking the (tenant, seq) index backwards; the other filters checked on the way. */
const SEARCH: CypherQuery = {
  name: "audit.search",
  text: `
MATCH (a:AuditRecord {tenant: $tenant})
WHERE a.seq < $before AND ${FILTER_CONDITIONS}
WITH a ORDER BY a.seq DESC LIMIT $limit
RETURN ${AUDIT_RECORD_FIELDS}`,
};

/** How many records match the filters (an account's or user's through their references). */
const COUNT: CypherQuery = {
  name: "audit.count",
  text: `
MATCH (a:AuditRecord {tenant: $tenant})
WHERE ${FILTER_CONDITIONS}
RETURN count(a) AS total`,
};

const COUNT_BY_REF: CypherQuery = {
  name: "audit.countByRef",
  text: `
MATCH (x:AuditRef {tenant: $tenant, key: $ref})
MATCH (a:AuditRecord {tenant: $tenant, seq: x.seq})
WHERE ${FILTER_CONDITIONS}
RETURN count(a) AS total`,
};

/** Reads one tenant's audit trail (the tenant is bound here, never passed per call). Writes: {@link AuditTrail}. */
export class AuditTrailRepository {
  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
  ) {}

  /** The head as the lock node says, and the highest record number actually stored. */
  async head(): Promise<{ seq: number; hash: string | null; lastRecordSeq: number }> {
    const [row] = await this.executor.read(HEAD, { tenant: this.tenant });
    return {
      seq: Number(row?.seq ?? 0),
      hash: row?.hash === null || row?.hash === undefined ? null : String(row.hash),
      lastRecordSeq: Number(row?.lastRecordSeq ?? 0),
    };
  }

  async recordAt(seq: number): Promise<StoredAuditRecord | null> {
    const [row] = await this.executor.read(RECORD_AT, { tenant: this.tenant, seq: neo4j.int(seq) });
    return row === undefined ? null : toAuditRecord(row);
  }

  /** Up to `limit` records numbered after `after` and at most `to`, in order. */
  async recordsPage(after: number, to: number, limit: number): Promise<StoredAuditRecord[]> {
    const rows = await this.executor.read(RECORDS_PAGE, {
      tenant: this.tenant,
      after: neo4j.int(after),
      to: neo4j.int(to),
      limit: neo4j.int(limit),
    });
    return rows.map(toAuditRecord);
  }

  /** Checkpoints of records `from` to `to`, in order; all of them unless `limit` is given. */
  async checkpointsBetween(
    from: number,
    to: number,
    limit = Number.MAX_SAFE_INTEGER,
  ): Promise<StoredAuditCheckpoint[]> {
    const rows = await this.executor.read(CHECKPOINTS_BETWEEN, {
      tenant: this.tenant,
      from: neo4j.int(from),
      to: neo4j.int(to),
      limit: neo4j.int(limit),
    });
    return rows.map(toAuditCheckpoint);
  }

  /** Records matching `filter` numbered below `before`, newest first, at most `limit`. */
  async search(filter: AuditRecordFilter, before: number, limit: number): Promise<StoredAuditRecord[]> {
    const params = { ...this.filterParams(filter), before: neo4j.int(before), limit: neo4j.int(limit) };
    const rows = await this.executor.read(params.ref === null ? SEARCH : SEARCH_BY_REF, params);
    return rows.map(toAuditRecord);
  }

  /** How many records match `filter` (a list's totalCount). */
  async count(filter: AuditRecordFilter): Promise<number> {
    const params = this.filterParams(filter);
    const [row] = await this.executor.read(params.ref === null ? COUNT : COUNT_BY_REF, params);
    return Number(row?.total ?? 0);
  }

  private filterParams(filter: AuditRecordFilter) {
    const ref =
      filter.accountId !== undefined
        ? `account:${filter.accountId}`
        : filter.userId !== undefined
          ? `user:${filter.userId}`
          : null;
    return {
      tenant: this.tenant,
      ref,
      accountId: filter.accountId ?? null,
      userId: filter.userId ?? null,
      playbookId: filter.playbookId ?? null,
      kind: filter.kind ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    };
  }
}
