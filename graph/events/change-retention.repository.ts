import neo4j from "neo4j-driver";
import { CypherExecutor, CypherQuery } from "../executor";

/** The tenants with change events, and for each the newest event older than the cut-off. */
const EXPIRED_THROUGH: CypherQuery = {
  name: "changes.retention.expiredThrough",
  text: `
MATCH (s:ChangeSequence)
CALL {
  WITH s
  MATCH (g:ChangeSegment {tenant: s.tenant})
  WHERE g.at < datetime($cutoff)
  RETURN max(g.lastSeq) AS through
}
WITH s.tenant AS tenant, through, coalesce(s.purgedThrough, 0) AS purgedThrough
WHERE through IS NOT NULL AND through > purgedThrough
RETURN tenant, through`,
};

/**
 * Removes the oldest event segments of one tenant, up to `through`, at most `batch` segments, and raises the tenant's
 * `purgedThrough` to the highest number removed in the same transaction: a reader either still finds an
 * event or is told it expired, never a silent gap. Takes the tenant's sequence lock (the write to
 * ChangeSequence), so it waits for appends in flight and they wait for it.
 */
const PURGE_BATCH: CypherQuery = {
  name: "changes.retention.purge",
  text: `
MATCH (s:ChangeSequence {tenant: $tenant})
MATCH (g:ChangeSegment {tenant: $tenant})
WHERE g.lastSeq > coalesce(s.purgedThrough, 0) AND g.lastSeq <= $through
WITH s, g ORDER BY g.lastSeq ASC LIMIT $batch
WITH s, collect(g) AS doomed, max(g.lastSeq) AS top, sum(g.count) AS events
FOREACH (g IN doomed | DELETE g)
SET s.purgedThrough = CASE WHEN top > coalesce(s.purgedThrough, 0) THEN top ELSE s.purgedThrough END
RETURN size(doomed) AS segments, events AS purged`,
};

/**
 * Change-event retention (RELATA_CHANGE_RETENTION_DAYS), every tenant: the purge job calls it. Events are
 * removed as a prefix of each tenant's sequence (everything up to the newest event older than the cut-off),
 * so what is kept is always contiguous and `purgedThrough` says exactly where it starts.
 */
export class ChangeRetentionRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** Removes events written before `cutoff` (ISO 8601), in batches; how many were removed. */
  async purge(cutoff: string, batch: number): Promise<number> {
    const tenants = await this.executor.read(EXPIRED_THROUGH, { cutoff });
    let total = 0;
    for (const row of tenants) {
      const params = { tenant: String(row.tenant), through: neo4j.int(Number(row.through)), batch: neo4j.int(batch) };
      for (;;) {
        const [result] = await this.executor.write(PURGE_BATCH, params);
        total += Number(result?.purged ?? 0);
        if (Number(result?.segments ?? 0) < batch) break;
      }
    }
    return total;
  }
}
