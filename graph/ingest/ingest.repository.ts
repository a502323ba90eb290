import { RecordStatus } from "../../domain/ingest/ingest-result";
import { SourceSystemRecord } from "../../domain/records";
import { NETWORK_RELATIONSHIPS } from "../../domain/records";
import { CypherExecutor, CypherQuery } from "../executor";
import { UpsertLink, upsertQuery } from "../common/upsert.query";
import { toNeo4jProperties } from "../neo4j-values";

/** One record prepared for writing: its key, public id, content hash and properties. */
export interface UpsertRow {
  index: number;
  id: string;
  sourceSystem: string;
  externalId: string;
  hash: string;
  props: Record<string, unknown>;
  /** The public id of the node this record links to (its account, or a signal's subject). */
  targetId?: string;
}

export interface OrganizationUpsertRow extends UpsertRow {
  links: Array<{ targetId: string; relationship: string }>;
}

export interface StoredRow {
  index: number;
  id: string;
  status: RecordStatus;
}

/** An organization row not written because accounts it links to do not exist: their public ids. */
export interface UnlinkedRow {
  index: number;
  missingTargetIds: string[];
}

/** What an organization upsert did: the rows written, and the rows refused for missing accounts. */
export interface OrganizationUpsertResult {
  stored: StoredRow[];
  unlinked: UnlinkedRow[];
}

/** The labels that can be written in bulk, and the links each may carry: a fixed whitelist. */
export const UPSERT_TARGETS = {
  Account: null,
  Contact: { type: "WORKS_AT", targetLabel: "Account" },
  Opportunity: { type: "FOR_ACCOUNT", targetLabel: "Account" },
  Asset: { type: "INSTALLED_AT", targetLabel: "Account" },
  SignalAboutAccount: { type: "ABOUT", targetLabel: "Account" },
  SignalAboutContact: { type: "ABOUT", targetLabel: "Contact" },
  SignalAboutAsset: { type: "ABOUT", targetLabel: "Asset" },
} as const satisfies Record<string, UpsertLink | null>;
export type UpsertTarget = keyof typeof UPSERT_TARGETS;

const QUERIES: Record<UpsertTarget, CypherQuery> = {
  Account: upsertQuery("Account", UPSERT_TARGETS.Account),
  Contact: upsertQuery("Contact", UPSERT_TARGETS.Contact),
  Opportunity: upsertQuery("Opportunity", UPSERT_TARGETS.Opportunity),
  Asset: upsertQuery("Asset", UPSERT_TARGETS.Asset),
  SignalAboutAccount: upsertQuery("Signal", UPSERT_TARGETS.SignalAboutAccount),
  SignalAboutContact: upsertQuery("Signal", UPSERT_TARGETS.SignalAboutContact),
  SignalAboutAsset: upsertQuery("Signal", UPSERT_TARGETS.SignalAboutAsset),
};

/**
 * Writes organizations whose linked accounts all exist; for the others it writes nothing and returns the
 * ids of the linked accounts that are missing, so the rejection names exactly those.
 */
const ORGANIZATION_UPSERT: CypherQuery = {
  name: "upsert.Organization",
  text: `
UNWIND $rows AS row
CALL (row) {
  UNWIND row.links AS link
  OPTIONAL MATCH (target:Account {tenant: $tenant, id: link.targetId})
  RETURN collect(DISTINCT CASE WHEN target IS NULL THEN link.targetId END) AS missing
}
OPTIONAL CALL (row, missing) {
  WITH row WHERE size(missing) = 0
  OPTIONAL MATCH (existing:Organization {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
  WITH row, existing.contentHash AS previousHash
  MERGE (n:Organization {tenant: $tenant, sourceSystem: row.sourceSystem, externalId: row.externalId})
    ON CREATE SET n.id = row.id, n.firstSeenAt = datetime($now)
  WITH n, row,
    CASE WHEN previousHash IS NULL THEN 'CREATED' WHEN previousHash = row.hash THEN 'UNCHANGED' ELSE 'UPDATED' END AS status
  FOREACH (_ IN CASE WHEN status = 'UNCHANGED' THEN [] ELSE [1] END |
    SET n += row.props, n.contentHash = row.hash, n.lastUpdatedAt = datetime($now))
  WITH n, row, status
  CALL (n, status) {
    WITH n, status WHERE status <> 'UNCHANGED'
    MATCH (n)-[old:${NETWORK_RELATIONSHIPS.join("|")}]->(:Account)
    DELETE old
  }
  CALL (n, row, status) {
    WITH n, row, status WHERE status <> 'UNCHANGED'
    UNWIND row.links AS link
    MATCH (target:Account {tenant: $tenant, id: link.targetId})
${NETWORK_RELATIONSHIPS.map(
  (type) =>
    `    FOREACH (_ IN CASE WHEN link.relationship = '${type}' THEN [1] ELSE [] END | MERGE (n)-[:${type}]->(target))`,
).join("\n")}
  }
  RETURN n.id AS id, status
}
RETURN row.index AS index, id, status, missing AS missingTargetIds`,
};

const ENSURE_SOURCE_SYSTEMS: CypherQuery = {
  name: "sourceSystem.ensure",
  text: `
UNWIND $keys AS key
MERGE (s:SourceSystem {tenant: $tenant, key: key})
  ON CREATE SET s.name = key, s.kind = 'OTHER', s.firstSeenAt = datetime($now), s.lastUpdatedAt = datetime($now)`,
};

const UPSERT_SOURCE_SYSTEMS: CypherQuery = {
  name: "upsert.SourceSystem",
  text: `
UNWIND $rows AS row
OPTIONAL MATCH (existing:SourceSystem {tenant: $tenant, key: row.key})
WITH row, existing.name = row.name AND existing.kind = row.kind AS same, existing IS NULL AS isNew
MERGE (s:SourceSystem {tenant: $tenant, key: row.key})
  ON CREATE SET s.firstSeenAt = datetime($now)
SET s.name = row.name, s.kind = row.kind, s.lastUpdatedAt = CASE WHEN same THEN s.lastUpdatedAt ELSE datetime($now) END
RETURN row.index AS index, row.key AS id, CASE WHEN isNew THEN 'CREATED' WHEN same THEN 'UNCHANGED' ELSE 'UPDATED' END AS status`,
};

/** Bulk, idempotent writes for one tenant. Each call is one transaction: all of its rows or none. */
export class IngestRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async upsert(target: UpsertTarget, rows: readonly UpsertRow[], now: string): Promise<StoredRow[]> {
    const prepared = rows.map((row) => ({ ...row, props: toNeo4jProperties(row.props) }));
    const result = await this.executor.write(QUERIES[target], { tenant: this.tenant, rows: prepared, now });
    return result as unknown as StoredRow[];
  }

  async upsertOrganizations(rows: readonly OrganizationUpsertRow[], now: string): Promise<OrganizationUpsertResult> {
    const result = await this.executor.write(ORGANIZATION_UPSERT, { tenant: this.tenant, rows: [...rows], now });
    const stored: StoredRow[] = [];
    const unlinked: UnlinkedRow[] = [];
    for (const row of result) {
      const index = Number(row.index);
      if (row.id === null) unlinked.push({ index, missingTargetIds: (row.missingTargetIds as string[]).map(String) });
      else stored.push({ index, id: String(row.id), status: row.status as RecordStatus });
    }
    return { stored, unlinked };
  }

  /** Registers source systems that records mention but nobody described yet (kind OTHER). */
  async ensureSourceSystems(keys: readonly string[], now: string): Promise<void> {
    if (keys.length === 0) return;
    await this.executor.write(ENSURE_SOURCE_SYSTEMS, { tenant: this.tenant, keys: [...keys], now });
  }

  async upsertSourceSystems(
    rows: ReadonlyArray<SourceSystemRecord & { index: number }>,
    now: string,
  ): Promise<StoredRow[]> {
    const result = await this.executor.write(UPSERT_SOURCE_SYSTEMS, { tenant: this.tenant, rows: [...rows], now });
    return result as unknown as StoredRow[];
  }
}
