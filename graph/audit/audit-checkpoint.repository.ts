import neo4j from "neo4j-driver";
import { StoredAuditCheckpoint } from "../../domain/audit/audit-checkpoint";
import { CypherExecutor, CypherQuery } from "../executor";

/**
 * The tenants whose chain head moved since their last checkpoint, and is due: by time (the last checkpoint
 * is older than `$dueBefore`, or there is none) or by growth (`$records` or more since it). The head signed
 * is the stored record's number and hash, not the lock node's.
 */
const DUE_HEADS: CypherQuery = {
  name: "audit.dueHeads",
  text: `
MATCH (h:AuditHead)
WHERE h.seq > 0 AND ($tenant IS NULL OR h.tenant = $tenant)
CALL {
  WITH h
  OPTIONAL MATCH (c:AuditCheckpoint {tenant: h.tenant})
  WITH c ORDER BY c.seq DESC LIMIT 1
  RETURN coalesce(c.seq, 0) AS checkpointSeq, c.at AS checkpointAt
}
WITH h, checkpointSeq, checkpointAt
WHERE h.seq > checkpointSeq
  AND (checkpointAt IS NULL OR checkpointAt <= datetime($dueBefore) OR h.seq - checkpointSeq >= $records)
MATCH (a:AuditRecord {tenant: h.tenant, seq: h.seq})
RETURN a.tenant AS tenant, a.seq AS seq, a.hash AS hash
LIMIT $limit`,
};

const WRITE: CypherQuery = {
  name: "audit.writeCheckpoints",
  text: `
UNWIND $checkpoints AS c
MERGE (k:AuditCheckpoint {tenant: c.tenant, seq: c.seq, keyId: c.keyId})
  ON CREATE SET k.hash = c.hash, k.at = datetime(c.at), k.signature = c.signature, k.publicKeyPem = c.publicKeyPem
RETURN count(k) AS written`,
};

/** Chain heads to sign and the signed checkpoints, across tenants (the checkpoint job's repository). */
export class AuditCheckpointRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async dueHeads(
    dueBefore: string,
    records: number,
    limit: number,
    tenant: string | null = null,
  ): Promise<Array<{ tenant: string; seq: number; hash: string }>> {
    const rows = await this.executor.read(DUE_HEADS, {
      tenant,
      dueBefore,
      records: neo4j.int(records),
      limit: neo4j.int(limit),
    });
    return rows.map((row) => ({ tenant: String(row.tenant), seq: Number(row.seq), hash: String(row.hash) }));
  }

  async write(checkpoints: readonly StoredAuditCheckpoint[]): Promise<number> {
    if (checkpoints.length === 0) return 0;
    const [row] = await this.executor.write(WRITE, {
      checkpoints: checkpoints.map((c) => ({ ...c, seq: neo4j.int(c.seq) })),
    });
    return Number(row?.written ?? 0);
  }
}
