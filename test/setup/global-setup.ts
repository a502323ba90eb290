/**
 * Jest global setup of the integration project: starts ONE throw-away managed Neo4j for the whole run in a
 * fresh temporary folder, unless NEO4J_URI already points at a server. Workers inherit NEO4J_URI,
 * NEO4J_USER and NEO4J_PASSWORD from this process; a JSON file in the temp dir backs that up.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { startManagedNeo4j, type ManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { TEST_NEO4J_FILE_VARIABLE, type TestNeo4jConnectionFile } from "./load-neo4j-env";

/** Where the global setup leaves its server for the global teardown (same process). */
export interface TestNeo4jGlobal {
  __relataTestNeo4j?: { readonly server: ManagedNeo4j; readonly file: string };
}

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI?.trim()) {
    process.stderr.write(`\n[relata:test] Using the Neo4j at NEO4J_URI=${process.env.NEO4J_URI}.\n`);
    return;
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-test-neo4j-"));
  const log = (message: string): void => {
    process.stderr.write(`[relata:test] ${message}\n`);
  };
  process.stderr.write("\n");
  let server: ManagedNeo4j;
  try {
    server = await startManagedNeo4j({ home, heap: "1g", pageCache: "256m", log });
  } catch (error) {
    fs.rmSync(home, { recursive: true, force: true });
    throw error;
  }
  const file = path.join(os.tmpdir(), `relata-jest-neo4j-${process.pid}-${Date.now()}.json`);
  const connection: TestNeo4jConnectionFile = {
    uri: server.uri,
    user: server.user,
    password: server.password,
    home,
    pid: server.pid,
  };
  fs.writeFileSync(file, JSON.stringify(connection, null, 2), { mode: 0o600 });
  process.env[TEST_NEO4J_FILE_VARIABLE] = file;
  process.env.NEO4J_URI = server.uri;
  process.env.NEO4J_USER = server.user;
  process.env.NEO4J_PASSWORD = server.password;
  (globalThis as TestNeo4jGlobal).__relataTestNeo4j = { server, file };
}
