import neo4j from "neo4j-driver";
import { IdentityEntity } from "../../domain/identity/identity";
import { CypherExecutor, CypherQuery } from "../executor";

/** One stored version of an entity's identity model (its spec as JSON text). */
export interface StoredModelVersion {
  entity: IdentityEntity;
  version: number;
  spec: string;
  createdAt: string;
  createdBy: string;
  /** Why it was saved, e.g. "trained by run irun_…". */
  note: string | null;
}

const PROJECTION = `v {.entity, .version, .spec, .createdBy, .note, createdAt: toString(v.createdAt)}`;

const ACTIVE_MODEL: CypherQuery = {
  name: "identity.model.active",
  text: `
MATCH (m:IdentityModel {tenant: $tenant, entity: $entity})<-[:VERSION_OF]-(v:IdentityModelVersion {version: m.activeVersion})
RETURN ${PROJECTION} AS version`,
};

const MODEL_VERSIONS: CypherQuery = {
  name: "identity.model.versions",
  text: `
MATCH (m:IdentityModel {tenant: $tenant, entity: $entity})<-[:VERSION_OF]-(v:IdentityModelVersion)
WITH v ORDER BY v.version DESC LIMIT $limit
RETURN ${PROJECTION} AS version`,
};

/** Saves a new version and makes it active: versions are never edited, like health models. */
const SAVE_VERSION: CypherQuery = {
  name: "identity.model.save",
  text: `
MERGE (m:IdentityModel {tenant: $tenant, entity: $entity})
SET m.saveLock = true
REMOVE m.saveLock
WITH m, coalesce(m.latestVersion, 0) + 1 AS version
CREATE (v:IdentityModelVersion {tenant: $tenant, entity: $entity, version: version, spec: $spec,
  createdAt: datetime($now), createdBy: $actor, note: $note})-[:VERSION_OF]->(m)
SET m.latestVersion = version, m.activeVersion = version
RETURN ${PROJECTION} AS version`,
};

function toVersion(row: Record<string, unknown>): StoredModelVersion {
  return {
    entity: row.entity as IdentityEntity,
    version: Number(row.version),
    spec: String(row.spec),
    createdAt: String(row.createdAt),
    createdBy: String(row.createdBy ?? ""),
    note: typeof row.note === "string" ? row.note : null,
  };
}

/** Identity models per entity, stored as versioned data in the graph. */
export class IdentityModelRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  async active(entity: IdentityEntity): Promise<StoredModelVersion | null> {
    const [row] = await this.executor.read(ACTIVE_MODEL, { tenant: this.tenant, entity });
    return row ? toVersion(row.version as Record<string, unknown>) : null;
  }

  async versions(entity: IdentityEntity, limit: number): Promise<StoredModelVersion[]> {
    const rows = await this.executor.read(MODEL_VERSIONS, { tenant: this.tenant, entity, limit: neo4j.int(limit) });
    return rows.map((row) => toVersion(row.version as Record<string, unknown>));
  }

  async save(entity: IdentityEntity, spec: string, actor: string, note: string | null, now: string) {
    const [row] = await this.executor.write(SAVE_VERSION, { tenant: this.tenant, entity, spec, actor, note, now });
    return toVersion(row!.version as Record<string, unknown>);
  }
}
