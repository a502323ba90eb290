/**
 * Jest global teardown of the integration project: stops the throw-away Neo4j the global setup started,
 * removes its folder and connection file, and clears the variables it set (so `--watch` starts afresh).
 * Does nothing when the run used an external NEO4J_URI.
 */
import * as fs from "node:fs";

import { stopManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import type { TestNeo4jGlobal } from "./global-setup";
import { readTestNeo4jConnectionFile, TEST_NEO4J_FILE_VARIABLE } from "./load-neo4j-env";

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as TestNeo4jGlobal;
  const started = state.__relataTestNeo4j;
  const connection = readTestNeo4jConnectionFile();
  if (!started && !connection) return;

  if (started) {
    await started.server.stop();
  } else if (connection) {
    // Setup state lost (should not happen): stop by home, ignoring "not running".
    await stopManagedNeo4j(connection.home).catch(() => undefined);
  }
  const home = started?.server.home ?? connection?.home;
  if (home) fs.rmSync(home, { recursive: true, force: true });
  const file = started?.file ?? process.env[TEST_NEO4J_FILE_VARIABLE];
  if (file) fs.rmSync(file, { force: true });

  delete state.__relataTestNeo4j;
  delete process.env[TEST_NEO4J_FILE_VARIABLE];
  delete process.env.NEO4J_URI;
  delete process.env.NEO4J_USER;
  delete process.env.NEO4J_PASSWORD;
}
