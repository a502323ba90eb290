import "reflect-metadata";
import { Logger } from "pino";
import { GraphDatabase } from "../graph/graph-database";
import { BUILT_IN_SCOPE, OntologyRepository } from "../graph/ontology/ontology.repository";
import { OntologyService } from "../services/ontology/ontology.service";
import { resolveNeo4j, Neo4jConnection } from "../graph/local-server/resolve-neo4j";
import { latestMigrationVersion, runMigrations } from "../graph/migrations/run-migrations";
import { buildRelataSchema } from "../resolvers/build-schema";
import { RelataConfig } from "./config";
import { RelataServer } from "./server";
import { Clock, systemClock } from "../domain/time/clock";
import { PurgeRepository } from "../graph/deletion/deletion.repository";
import { PurgeJob } from "../services/deletion/purge.job";
import { WebhookLogRetentionRepository } from "../graph/webhooks/webhook-log-retention.repository";
import { ChangeRetentionRepository } from "../graph/events/change-retention.repository";
import { startWebhookDispatch } from "./webhooks/webhook-dispatch";
import { RunningAutomation, startPlaybookAutomation } from "./automation/playbook-automation";
import { loadAuditKeys } from "./audit/audit-keys";
import { RunningMpuTracking, startMpuTracking } from "./mpu/mpu-tracking";
import { AuditCheckpointJob } from "../services/audit/audit-checkpoint.job";
import { AuditCheckpointRepository } from "../graph/audit/audit-checkpoint.repository";

export interface RelataRuntime {
  config: RelataConfig;
  connection: Neo4jConnection;
  database: GraphDatabase;
  server: RelataServer;
  /** Purges deleted records past their retention, on RELATA_PURGE_INTERVAL_MINUTES (and on demand). */
  purge: PurgeJob;
  /** The playbook runner (null with RELATA_AUTOMATION=0); tests and benchmarks poll it directly. */
  automation: RunningAutomation;
  /** Follows pending MPU uses (null tracker with RELATA_MPU_TRACKER=0); tests may call its tick. */
  mpuTracking: RunningMpuTracking;
  /** Signs every tenant's audit chain head, on RELATA_AUDIT_CHECKPOINT_SECONDS (and on demand). */
  auditCheckpoints: AuditCheckpointJob;
  /** Drains requests, closes the driver and stops a managed Neo4j. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Everything `npm start` does before listening: find or start Neo4j, connect, migrate, build the schema
 * and the server. Tests and benchmarks use the same path.
 */
export async function bootstrap(
  config: RelataConfig,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
  options: { clock?: Clock } = {},
): Promise<RelataRuntime> {
  // The managed server's supervisor reports exits and restarts here, at warn / error level.
  const connection = await resolveNeo4j(env, (message, level = "info") => log[level]({ component: "neo4j" }, message));
  let database: GraphDatabase;
  try {
    database = await GraphDatabase.open(connection);
  } catch (error) {
    await connection.managed?.stop();
    throw error;
  }
  const executor = database.executor(300_000);
  const applied = await runMigrations(executor, (message) => log.info({ component: "migrations" }, message));
  const version = latestMigrationVersion();
  log.info(
    { component: "migrations", applied, version },
    applied.length > 0
      ? `applied migrations ${applied.join(", ")}; the schema is at version ${version}`
      : `schema up to date at version ${version}`,
  );
  const ontology = new OntologyService(new OntologyRepository(executor, BUILT_IN_SCOPE, BUILT_IN_SCOPE), true);
  await ontology.loadBuiltInPacks(undefined, (message) => log.info({ component: "ontology" }, message));
  // Before the server: a key that cannot be read stops the start, with the reason.
  const auditKeys = loadAuditKeys(env, config.relataHome);
  log.info(
    { component: "audit", keyId: auditKeys.signingKey.keyId, published: auditKeys.publishedKeys.length },
    `audit checkpoints are signed with key ${auditKeys.signingKey.keyId} from ${auditKeys.keySource}`,
  );
  const schema = await buildRelataSchema();
  const server = new RelataServer({ config, database, schema, log, clock: options.clock ?? systemClock, auditKeys });
  await server.start();
  await server.contexts.start();
  const purge = new PurgeJob(
    new PurgeRepository(database.executor(config.queryTimeoutMs)),
    config.deletion.retentionDays,
    log,
    options.clock ?? systemClock,
    {
      repository: new ChangeRetentionRepository(database.executor(config.queryTimeoutMs)),
      retentionDays: config.changes.retentionDays,
    },
    {
      repository: new WebhookLogRetentionRepository(database.executor(config.queryTimeoutMs)),
      retentionDays: config.webhooks.logRetentionDays,
    },
  );
  purge.start(config.deletion.purgeIntervalMinutes * 60_000);
  // Sends webhook deliveries (docs/webhooks.md); every API process runs one, coordinated by leases.
  const webhooks = startWebhookDispatch(database, config, log, server.telemetry.metrics?.registry ?? null);
  // Runs the tenants' active playbooks on their change feeds (docs/automation.md), coordinated by leases.
  const automation = startPlaybookAutomation(database, config, log, server.telemetry.metrics?.registry ?? null);
  // Follows MPU uses to SUCCEEDED, FAILED or BROKEN (docs/mpus.md) on the request clock, so tests can move time.
  const mpuTracking = startMpuTracking(database, config, log, options.clock ?? systemClock);
  // The real time, not the request clock: a checkpoint says when it was signed.
  const auditCheckpoints = new AuditCheckpointJob(
    new AuditCheckpointRepository(database.executor(config.queryTimeoutMs)),
    auditKeys.signingKey,
    { intervalSeconds: config.audit.checkpointSeconds, records: config.audit.checkpointRecords },
    log,
  );
  auditCheckpoints.start();
  let stopped: Promise<void> | null = null;
  return {
    config,
    connection,
    database,
    server,
    purge,
    automation,
    mpuTracking,
    auditCheckpoints,
    stop() {
      stopped ??= (async () => {
        await purge.stop();
        await auditCheckpoints.stop();
        await webhooks.stop();
        await automation.stop();
        await mpuTracking.stop();
        await server.stop();
        await server.contexts.stop();
        await database.close();
        await connection.managed?.stop();
      })();
      return stopped;
    },
  };
}
