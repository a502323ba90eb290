import neo4j from "neo4j-driver";
import { IdentityEntity } from "../../domain/identity/identity";
import { RunMode, RunStatus, StoredRun } from "../../domain/identity-graph/stored-identity";
import { CypherExecutor, CypherQuery } from "../executor";

const RUN_PROJECTION = `r {.id, .entity, .mode, .status, .total, .checkpoint, .clusters, .links, .reviewPairs,
  .modelVersion, .error, .resumes, .actor, startedAt: toString(r.startedAt), updatedAt: toString(r.updatedAt),
  finishedAt: toString(r.finishedAt)}`;

/** Starts a run unless one of the entity is running (then returns that one, `started` false). */
const START_RUN: CypherQuery = {
  name: "identity.run.start",
  text: `
MERGE (lock:IdentityModel {tenant: $tenant, entity: $entity})
SET lock.runLock = true
REMOVE lock.runLock
WITH lock
OPTIONAL MATCH (running:IdentityRun {tenant: $tenant, entity: $entity, status: 'RUNNING'})
WITH lock, head(collect(running)) AS running
OPTIONAL CALL (running) {
  WITH running WHERE running IS NULL
  CREATE (r:IdentityRun {tenant: $tenant, id: $id, entity: $entity, mode: $mode, status: 'RUNNING',
    startedAt: datetime($now), updatedAt: datetime($now), total: 0, checkpoint: 0, clusters: 0, links: 0,
    reviewPairs: 0, resumes: 0, actor: $actor, owner: $owner})
  RETURN r
}
WITH coalesce(r, running) AS r, running IS NULL AS started
RETURN ${RUN_PROJECTION} AS run, started, r.owner AS owner`,
};

const RUN_BY_ID: CypherQuery = {
  name: "identity.run.byId",
  text: `
MATCH (r:IdentityRun {tenant: $tenant, id: $id})
RETURN ${RUN_PROJECTION} AS run, r.owner AS owner`,
};

const UPDATE_RUN: CypherQuery = {
  name: "identity.run.update",
  text: `
MATCH (r:IdentityRun {tenant: $tenant, id: $id})
SET r += $changes, r.updatedAt = datetime($now),
  r.finishedAt = CASE WHEN $changes.status IN ['SUCCEEDED', 'FAILED'] THEN datetime($now) ELSE r.finishedAt END
RETURN ${RUN_PROJECTION} AS run`,
};

/** Takes over a run whose process is gone: a new owner, one more resume. */
const TAKE_OVER_RUN: CypherQuery = {
  name: "identity.run.takeOver",
  text: `
MATCH (r:IdentityRun {tenant: $tenant, id: $id, status: 'RUNNING'})
WHERE r.owner = $previousOwner
SET r.owner = $owner, r.resumes = r.resumes + 1, r.updatedAt = datetime($now)
RETURN ${RUN_PROJECTION} AS run`,
};

function toRun(row: Record<string, unknown>): StoredRun {
  const num = (key: string) => (typeof row[key] === "number" ? (row[key] as number) : 0);
  const opt = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : null);
  return {
    id: String(row.id),
    entity: row.entity as IdentityEntity,
    mode: row.mode as RunMode,
    status: row.status as RunStatus,
    startedAt: String(row.startedAt),
    updatedAt: String(row.updatedAt),
    finishedAt: opt("finishedAt"),
    total: num("total"),
    checkpoint: num("checkpoint"),
    clusters: num("clusters"),
    links: num("links"),
    reviewPairs: num("reviewPairs"),
    modelVersion: typeof row.modelVersion === "number" ? row.modelVersion : null,
    error: opt("error"),
    resumes: num("resumes"),
    actor: String(row.actor ?? ""),
  };
}

export type RunProgress = Partial<
  Pick<StoredRun, "status" | "total" | "checkpoint" | "clusters" | "links" | "reviewPairs" | "modelVersion" | "error">
>;

/** Resolution runs as nodes: status, progress and the checkpoint a resumed full run continues from. */
export class IdentityRunRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** Starts a run, or returns the entity's running one (with its owner process) when there is one. */
  async start(
    input: { id: string; entity: IdentityEntity; mode: RunMode; actor: string; owner: string },
    now: string,
  ): Promise<{ run: StoredRun; started: boolean; owner: string }> {
    const [row] = await this.executor.write(START_RUN, { tenant: this.tenant, now, ...input });
    return {
      run: toRun(row!.run as Record<string, unknown>),
      started: row!.started === true,
      owner: String(row!.owner),
    };
  }

  async byId(id: string): Promise<{ run: StoredRun; owner: string } | null> {
    const [row] = await this.executor.read(RUN_BY_ID, { tenant: this.tenant, id });
    return row ? { run: toRun(row.run as Record<string, unknown>), owner: String(row.owner) } : null;
  }

  async update(id: string, progress: RunProgress, now: string): Promise<StoredRun | null> {
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(progress)) {
      if (value === undefined) continue;
      changes[key] = typeof value === "number" && key !== "modelVersion" ? neo4j.int(value) : value;
    }
    if (typeof progress.modelVersion === "number") changes.modelVersion = neo4j.int(progress.modelVersion);
    const [row] = await this.executor.write(UPDATE_RUN, { tenant: this.tenant, id, now, changes });
    return row ? toRun(row.run as Record<string, unknown>) : null;
  }

  /** Takes over a running run from `previousOwner` (a process that is gone); null if someone else did. */
  async takeOver(id: string, previousOwner: string, owner: string, now: string): Promise<StoredRun | null> {
    const [row] = await this.executor.write(TAKE_OVER_RUN, { tenant: this.tenant, id, previousOwner, owner, now });
    return row ? toRun(row.run as Record<string, unknown>) : null;
  }
}
