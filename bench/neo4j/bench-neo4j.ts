import * as fs from "node:fs";
import * as path from "node:path";

import { startManagedNeo4j, type ManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { ensureNeo4jDistribution } from "../../graph/local-server/neo4j-distribution";
import { installApoc, type ApocPlugin } from "./apoc-plugin";

/** The benchmark's own Neo4j: a managed server in the run's folder, with APOC core and fixed memory. */
export interface BenchNeo4j {
  readonly server: ManagedNeo4j;
  readonly version: string;
  readonly apoc: ApocPlugin;
  readonly heap: string;
  readonly pageCache: string;
}

/**
 * Starts a managed Neo4j in `<runDir>/neo4j` with APOC core in its plugins folder.
 *
 * The managed launcher puts only `<libDir>/*` on the JVM classpath, while APOC registers its global
 * components (`apoc.Pools`, `ApocConfig`) through extension factories that Neo4j discovers on the
 * classpath — Neo4j's own launcher adds `plugins/*` for that reason. So the server gets a bench-only
 * classpath folder: links to the cached Neo4j jars plus the plugins. Nothing in `graph/local-server`
 * changes, and the shared jar cache stays untouched. Neo4j's default procedure allowlist (`*`) already
 * admits `apoc.*`, and the APOC functions the Neo4j GraphQL Library calls are not sandboxed, so the
 * generated `neo4j.conf` needs no extra line.
 */
export async function startBenchNeo4j(
  runDir: string,
  memory: { heap: string; pageCache: string },
  log: (message: string) => void,
): Promise<BenchNeo4j> {
  const distribution = await ensureNeo4jDistribution({ log });
  const home = path.join(runDir, "neo4j");
  const apoc = await installApoc(path.join(home, "plugins"), distribution.libDir, path.join(runDir, "apoc-maven"), log);
  const classpathDir = path.join(runDir, "neo4j-classpath");
  fs.rmSync(classpathDir, { recursive: true, force: true });
  fs.mkdirSync(classpathDir, { recursive: true });
  for (const dir of [distribution.libDir, path.join(home, "plugins")]) {
    for (const jar of fs.readdirSync(dir).filter((name) => name.endsWith(".jar"))) {
      fs.symlinkSync(path.join(dir, jar), path.join(classpathDir, jar));
    }
  }
  const server = await startManagedNeo4j({
    home,
    heap: memory.heap,
    pageCache: memory.pageCache,
    distribution: { ...distribution, libDir: classpathDir },
    log,
  });
  return { server, version: distribution.version, apoc, heap: memory.heap, pageCache: memory.pageCache };
}
