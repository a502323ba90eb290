import * as fs from "node:fs";
import * as path from "node:path";

import { PRIVATE_FILE_MODE } from "./file-permissions";
import { isProcessAlive, readProcessArguments } from "./process-liveness";

/** Main class of the server; how a process is recognised as a managed JVM. */
export const NEO4J_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint";

/** What `<home>/server.json` records while a managed server runs. */
export interface ManagedNeo4jServerRecord {
  readonly pid: number;
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly dataDir: string;
  readonly startedAt: string;
  readonly neo4jVersion: string;
  readonly detached: boolean;
  /** Where Neo4j Browser is served, when the server was started with it. */
  readonly browserUrl?: string;
}

/** The login of a managed server, kept in `<home>/credentials.json` across restarts. */
export interface Credentials {
  readonly user: string;
  readonly password: string;
}

/** The server.json record if it names a live managed JVM for this home; removes a stale one. */
export function readRunningRecord(home: string): ManagedNeo4jServerRecord | undefined {
  const file = path.join(home, "server.json");
  const parsed = readJsonFile(file) as Partial<ManagedNeo4jServerRecord> | undefined;
  if (!parsed) return undefined;
  if (typeof parsed.pid === "number" && isManagedJvm(parsed.pid, home)) {
    return parsed as ManagedNeo4jServerRecord;
  }
  fs.rmSync(file, { force: true });
  return undefined;
}

/** Whether `pid` is a live Neo4j JVM started for `home` (not a recycled pid running something else). */
export function isManagedJvm(pid: number, home: string): boolean {
  if (!isProcessAlive(pid)) return false;
  const args = readProcessArguments(pid);
  // Without procfs we trust the pid; with it, a recycled pid running something else is not ours.
  return args === undefined || (args.includes(NEO4J_ENTRY_POINT) && args.includes(`--home-dir=${home}`));
}

export function writeServerRecord(home: string, record: ManagedNeo4jServerRecord): void {
  writeJsonFile(path.join(home, "server.json"), record);
}

/** Removes server.json if it still names `pid` (a restarted server's record is left alone). */
export function removeServerRecord(home: string, pid: number): void {
  const file = path.join(home, "server.json");
  const current = readJsonFile(file) as Partial<ManagedNeo4jServerRecord> | undefined;
  if (current?.pid === pid) fs.rmSync(file, { force: true });
}

export function readCredentials(home: string): Credentials | undefined {
  const parsed = readJsonFile(path.join(home, "credentials.json"));
  if (!parsed) return undefined;
  const { user, password } = parsed as Partial<Credentials>;
  return typeof user === "string" && typeof password === "string" ? { user, password } : undefined;
}

export function writeCredentials(home: string, credentials: Credentials): void {
  writeJsonFile(path.join(home, "credentials.json"), credentials);
}

/** Parsed JSON of `file`, or `undefined` when it is missing or unreadable. */
export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes a 0600 file via a temporary file and rename, so readers never see half a file. */
export function writeJsonFile(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value, null, 2) + "\n", { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temp, file);
}
