/**
 * Jest `setupFiles` entry of the integration project. Workers normally inherit NEO4J_URI / NEO4J_USER /
 * NEO4J_PASSWORD from the global setup; when they do not (a worker started some other way), this re-reads
 * the connection file the global setup wrote, named by RELATA_TEST_NEO4J_FILE.
 */
import * as fs from "node:fs";

/** Environment variable naming the per-run connection file written by the global setup. */
export const TEST_NEO4J_FILE_VARIABLE = "RELATA_TEST_NEO4J_FILE";

/** What the global setup hands to test workers. */
export interface TestNeo4jConnectionFile {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Home of the throw-away managed server, removed by the global teardown. */
  readonly home: string;
  readonly pid: number;
}

/** Reads the connection file named by RELATA_TEST_NEO4J_FILE, if any. */
export function readTestNeo4jConnectionFile(env: NodeJS.ProcessEnv = process.env): TestNeo4jConnectionFile | undefined {
  const file = env[TEST_NEO4J_FILE_VARIABLE];
  if (!file) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as TestNeo4jConnectionFile;
  } catch {
    return undefined;
  }
}

function loadNeo4jEnv(): void {
  if (process.env.NEO4J_URI) return;
  const connection = readTestNeo4jConnectionFile();
  if (!connection) return;
  process.env.NEO4J_URI = connection.uri;
  process.env.NEO4J_USER = connection.user;
  process.env.NEO4J_PASSWORD = connection.password;
}

loadNeo4jEnv();
