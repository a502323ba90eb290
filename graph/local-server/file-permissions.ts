import * as fs from "node:fs";
import * as path from "node:path";

import { LocalNeo4jError } from "./local-server.errors";

/** Folders holding the managed server's data, logs and secrets: the owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** Files in them: read and write for the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** The umask the JVM and the admin tool run with, so whatever they create is private from the start. */
export const PRIVATE_UMASK = 0o077;

/**
 * Creates `dir` (with missing parents) as 0700, or takes group and other permissions off it if it exists.
 *
 * @throws {LocalNeo4jError} `START_FAILED` when the folder cannot be created or changed (not ours).
 */
export function ensurePrivateDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const { mode } = fs.statSync(dir);
    if ((mode & 0o077) !== 0) fs.chmodSync(dir, mode & PRIVATE_DIR_MODE);
  } catch (error) {
    throw cannotSecure(dir, error);
  }
}

/**
 * Takes group and other permissions off `root` and everything below it (a 0755 folder becomes 0700, a
 * 0644 store file 0600), without following symbolic links. Entries that vanish meanwhile (a running
 * server rotating its logs) are skipped. Returns how many entries changed.
 *
 * @throws {LocalNeo4jError} `START_FAILED` when an entry cannot be changed (owned by another user).
 */
export function makeTreePrivate(root: string): number {
  let changed = 0;
  const visit = (entry: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(entry);
    } catch (error) {
      if (isMissing(error)) return;
      throw cannotSecure(entry, error);
    }
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(entry, stat.mode & 0o700);
        changed += 1;
      } catch (error) {
        if (!isMissing(error)) throw cannotSecure(entry, error);
      }
    }
    if (!stat.isDirectory()) return;
    let children: string[];
    try {
      children = fs.readdirSync(entry);
    } catch (error) {
      if (isMissing(error)) return;
      throw cannotSecure(entry, error);
    }
    for (const child of children) visit(path.join(entry, child));
  };
  visit(root);
  return changed;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

function cannotSecure(entry: string, error: unknown): LocalNeo4jError {
  return new LocalNeo4jError(
    "START_FAILED",
    `Could not make ${entry} private to this user (${(error as Error).message}). The managed Neo4j keeps every ` +
      "tenant's data and its password there, so Relata makes its folders 0700 and files 0600. Run Relata as the " +
      "user who owns that folder, or point RELATA_NEO4J_HOME at a folder you own.",
    { cause: error },
  );
}
