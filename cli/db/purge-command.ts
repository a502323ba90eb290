import { GraphDatabase } from "../../graph/graph-database";
import { PurgeRepository } from "../../graph/deletion/deletion.repository";
import { PurgeJob } from "../../services/deletion/purge.job";
import { ChangeRetentionRepository } from "../../graph/events/change-retention.repository";
import { WebhookLogRetentionRepository } from "../../graph/webhooks/webhook-log-retention.repository";
import { parseArgs } from "./command-args";
import { connectForCommand } from "./command-connection";
import { progressTo, UsageError, type CommandIo } from "./command-io";

const PURGE_TIMEOUT_MS = 300_000;

/**
 * `npm run db -- purge`: removes for good the records deleted more than RELATA_DELETED_RETENTION_DAYS
 * ago (every tenant), change events older than RELATA_CHANGE_RETENTION_DAYS and settled webhook deliveries older
 * than RELATA_WEBHOOK_LOG_RETENTION_DAYS, as the server's schedule does; for a scheduler of your own.
 */
export async function runPurgeCommand(argv: readonly string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  const args = parseArgs("purge", argv, { flags: [], options: [] });
  if (args.positionals.length > 0) {
    throw new UsageError(`\`purge\` takes no arguments, but received "${args.positionals.join(" ")}".`);
  }
  const raw = env.RELATA_DELETED_RETENTION_DAYS;
  const retentionDays = raw === undefined || raw === "" ? 30 : Number(raw);
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new UsageError(`RELATA_DELETED_RETENTION_DAYS must be a whole number of days (0 or more); it is "${raw}".`);
  }
  const eventDays = days(env, "RELATA_CHANGE_RETENTION_DAYS");
  const deliveryDays = days(env, "RELATA_WEBHOOK_LOG_RETENTION_DAYS");
  const log = progressTo(io);
  const target = await connectForCommand(env, log);
  try {
    const database = await GraphDatabase.open(target.connection);
    try {
      const executor = database.executor(PURGE_TIMEOUT_MS);
      const job = new PurgeJob(
        new PurgeRepository(executor),
        retentionDays,
        { info: () => undefined, error: () => undefined },
        undefined,
        { repository: new ChangeRetentionRepository(executor), retentionDays: eventDays },
        { repository: new WebhookLogRetentionRepository(executor), retentionDays: deliveryDays },
      );
      const { ChangeEvent: events = 0, WebhookDelivery: deliveries = 0, ...purged } = await job.runOnce();
      const total = Object.values(purged).reduce((a, b) => a + b, 0);
      const detail = Object.entries(purged)
        .filter(([, n]) => n > 0)
        .map(([label, n]) => `${n} ${label}`)
        .join(", ");
      io.stdout.write(
        `Purged ${total} records deleted more than ${retentionDays} days ago${total > 0 ? ` (${detail})` : ""}.\n`,
      );
      io.stdout.write(`Removed ${events} change events older than ${eventDays} days.\n`);
      io.stdout.write(`Removed ${deliveries} settled webhook deliveries older than ${deliveryDays} days.\n`);
      return 0;
    } finally {
      await database.close();
    }
  } finally {
    await target.release();
  }
}

/** A retention setting of whole days, 1 or more (30 when unset). */
function days(env: NodeJS.ProcessEnv, name: string): number {
  const raw = env[name];
  const value = raw === undefined || raw === "" ? 30 : Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${name} must be a whole number of days (1 or more); it is "${raw}".`);
  }
  return value;
}
