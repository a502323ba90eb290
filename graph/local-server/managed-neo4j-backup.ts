import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

import { ensurePrivateDir, PRIVATE_FILE_MODE } from "./file-permissions";
import { LocalNeo4jError } from "./local-server.errors";
import { serverSettings, type StartManagedNeo4jOptions } from "./managed-neo4j";
import { withServerHeldDown } from "./maintenance-window";
import { runNeo4jAdminAsync } from "./neo4j-admin";
import { renderNeo4jConf } from "./neo4j-conf";
import type { Neo4jDistribution } from "./neo4j-distribution";
import { homeFolders, secureHome } from "./neo4j-launch";
import { readServerState } from "./server-state";

/** The database Relata keeps its data in; the `system` database (users, the password) is not touched. */
const DATABASE = "neo4j";

/** Inputs of {@link backupManagedNeo4j} and {@link restoreManagedNeo4j}. */
export interface ManagedBackupOptions extends Pick<
  StartManagedNeo4jOptions,
  "home" | "heap" | "pageCache" | "startTimeoutMs" | "startCeilingMs" | "log"
> {
  /** The dump file to write or read. */
  readonly file: string;
  /** Backup: replace an existing file. Restore: replace existing data (after a safety dump). */
  readonly force: boolean;
  readonly distribution: Neo4jDistribution;
}

/** What a backup wrote. */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
}

/** What a restore did. */
export interface RestoreResult {
  readonly file: string;
  /** The dump of the data the restore replaced, when there was any. */
  readonly safetyDump?: string;
}

/**
 * Writes an offline dump of the managed server's `neo4j` database to `file` (0600) with Neo4j's
 * `neo4j-admin database dump`, holding the server down meanwhile ({@link withServerHeldDown}). The dump is
 * written next to `file` and renamed into place, so `file` is never half-written.
 *
 * @throws {LocalNeo4jError} `WOULD_OVERWRITE` when `file` exists without `force`, `BACKUP_FAILED`, or
 *   `START_FAILED` when the server does not come back.
 */
export async function backupManagedNeo4j(options: ManagedBackupOptions): Promise<BackupResult> {
  const settings = { ...serverSettings(options), distribution: options.distribution };
  const { home, log } = settings;
  const file = path.resolve(options.file);
  checkBackupTarget(file, options.force);
  if (!hasDatabase(home)) {
    throw new LocalNeo4jError(
      "BACKUP_FAILED",
      `There is nothing to back up in ${home}: the managed Neo4j has no database there yet. Check ` +
        "RELATA_NEO4J_HOME, or start it once (`npm run db -- start` or `npm start`).",
    );
  }
  await withServerHeldDown(settings, "backup", () => dumpDatabase(settings, file, "Backup"));
  const bytes = fs.statSync(file).size;
  log(`Backup written: ${file} (${formatBytes(bytes)}).`);
  return { file, bytes };
}

/**
 * Replaces the managed server's `neo4j` database with the dump in `file` (`neo4j-admin database load`),
 * holding the server down meanwhile. The file is checked first, while the server still runs. Existing
 * data is replaced only with `force`, and is first dumped to `<home>/backups/before-restore-<time>.dump`;
 * should the load fail, that dump is loaded back.
 *
 * @throws {LocalNeo4jError} `WOULD_OVERWRITE` when data exists without `force`, `RESTORE_FAILED`, or
 *   `START_FAILED` when the server does not come back.
 */
export async function restoreManagedNeo4j(options: ManagedBackupOptions): Promise<RestoreResult> {
  const settings = { ...serverSettings(options), distribution: options.distribution };
  const { home, log } = settings;
  const file = path.resolve(options.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new LocalNeo4jError("RESTORE_FAILED", `There is no backup file at ${file}. Nothing was changed.`);
  }
  secureHome(home);
  ensureAdminConf(home);
  log(`Checking ${file}.`);
  const info = await runNeo4jAdminAsync(
    home,
    homeFolders(home).conf,
    settings.distribution,
    ["database", "load", DATABASE, "--info", "--from-stdin"],
    { stdinFile: file },
  );
  if (!info.ok) {
    throw new LocalNeo4jError(
      "RESTORE_FAILED",
      `${file} is not a Neo4j database dump that this Neo4j can load (neo4j-admin: ${info.outcome}). Nothing was ` +
        `changed. Use a file written by \`npm run db -- backup\`.\n${info.output}`,
    );
  }
  const existing = hasDatabase(home);
  if (existing && !options.force) {
    throw new LocalNeo4jError(
      "WOULD_OVERWRITE",
      `The managed Neo4j in ${home} already holds data, and restoring ${file} replaces all of it. Nothing was ` +
        `changed. Run the restore again with --force to replace it; the current data is first dumped to ` +
        `${path.join(home, "backups")}.`,
    );
  }
  const safetyDump = existing ? path.join(home, "backups", `before-restore-${timestamp()}.dump`) : undefined;
  await withServerHeldDown(settings, "restore", async () => {
    if (safetyDump) {
      ensurePrivateDir(path.dirname(safetyDump));
      log(`Keeping the current data first: ${safetyDump}.`);
      await dumpDatabase(settings, safetyDump, "Safety dump");
    }
    const loaded = await loadDatabase(settings, file);
    if (loaded.ok) return;
    if (!safetyDump) {
      throw new LocalNeo4jError(
        "RESTORE_FAILED",
        `Loading ${file} failed (neo4j-admin: ${loaded.outcome}).\n${loaded.output}`,
      );
    }
    // A failed load with --overwrite-destination has already removed the old store: put it back.
    log(`Loading ${file} failed; putting the previous data back from ${safetyDump}.`);
    const undone = await loadDatabase(settings, safetyDump);
    throw new LocalNeo4jError(
      "RESTORE_FAILED",
      `Loading ${file} failed (neo4j-admin: ${loaded.outcome}). ` +
        (undone.ok
          ? "The previous data was put back."
          : `Putting the previous data back failed too; it is in ${safetyDump}: load it with \`npm run db -- restore ${safetyDump} --force\`.`) +
        `\n${loaded.output}`,
    );
  });
  log(`Restored ${file} into ${home}.`);
  return { file, ...(safetyDump ? { safetyDump } : {}) };
}

function checkBackupTarget(file: string, force: boolean): void {
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new LocalNeo4jError(
      "BACKUP_FAILED",
      `The folder ${folder} does not exist. Create it, or choose a backup file in an existing folder.`,
    );
  }
  if (!fs.existsSync(file)) return;
  if (fs.statSync(file).isDirectory()) {
    throw new LocalNeo4jError(
      "BACKUP_FAILED",
      `${file} is a folder; name a file, e.g. ${path.join(file, "relata.dump")}.`,
    );
  }
  if (!force) {
    throw new LocalNeo4jError(
      "WOULD_OVERWRITE",
      `${file} already exists. Nothing was changed. Choose another file name, or add --force to replace it.`,
    );
  }
}

/** Whether the home holds a store of the `neo4j` database (a start created it, or a restore loaded it). */
function hasDatabase(home: string): boolean {
  return fs.existsSync(path.join(homeFolders(home).data, "databases", DATABASE, "neostore"));
}

/** The admin tool reads the data folder from neo4j.conf; a home that never started has none yet. */
function ensureAdminConf(home: string): void {
  const conf = path.join(homeFolders(home).conf, "neo4j.conf");
  if (fs.existsSync(conf)) return;
  // Rewritten with the real port by the next start; only the folders matter to the admin tool.
  const boltPort = readServerState(home).boltPort ?? 7687;
  fs.writeFileSync(conf, renderNeo4jConf({ home, boltPort, heap: "512m", pageCache: "64m" }), {
    mode: PRIVATE_FILE_MODE,
  });
}

/** Dumps into a private temporary folder beside `file`, then renames the dump onto `file`. */
async function dumpDatabase(
  settings: { home: string; distribution: Neo4jDistribution; log: (message: string) => void },
  file: string,
  label: string,
): Promise<void> {
  const { home, distribution, log } = settings;
  const temp = path.join(path.dirname(file), `.relata-dump-${process.pid}-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(temp, { mode: 0o700 });
  try {
    log(`${label}: dumping database "${DATABASE}" with neo4j-admin.`);
    const result = await runNeo4jAdminAsync(
      home,
      homeFolders(home).conf,
      distribution,
      ["database", "dump", DATABASE, `--to-path=${temp}`],
      { onProgress: (percent) => log(`${label}: ${percent}%`) },
    );
    const dumped = path.join(temp, `${DATABASE}.dump`);
    if (!result.ok || !fs.existsSync(dumped)) {
      throw new LocalNeo4jError(
        "BACKUP_FAILED",
        `neo4j-admin could not dump the database (${result.outcome}). Nothing was written to ${file}.\n${result.output}`,
      );
    }
    fs.chmodSync(dumped, PRIVATE_FILE_MODE);
    fs.renameSync(dumped, file);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function loadDatabase(
  settings: { home: string; distribution: Neo4jDistribution; log: (message: string) => void },
  file: string,
): ReturnType<typeof runNeo4jAdminAsync> {
  const { home, distribution, log } = settings;
  log(`Loading ${file} into database "${DATABASE}" with neo4j-admin.`);
  return runNeo4jAdminAsync(
    home,
    homeFolders(home).conf,
    distribution,
    ["database", "load", DATABASE, "--from-stdin", "--overwrite-destination=true"],
    { stdinFile: file, onProgress: (percent) => log(`Restore: ${percent}%`) },
  );
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
