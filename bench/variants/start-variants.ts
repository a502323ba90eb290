import * as path from "node:path";

import { DIST_ROOT } from "../bench-paths";
import { relataEnv, type BenchConnection } from "../neo4j/bench-connection";
import { startBenchServer, startRelataProcess } from "./server-process";
import { BASELINE_ENV, VARIANTS, type RunningVariant, type VariantDescriptor, type VariantId } from "./variant";

/**
 * Starts the variants one after another (Relata runs migrations and loads its packs at start; two at
 * once would only contend), each with its log in `<runDir>/logs`.
 */
export async function startVariants(
  ids: ReadonlySet<VariantId>,
  connection: BenchConnection,
  runDir: string,
  log: (message: string) => void,
): Promise<RunningVariant[]> {
  const runningVariants: RunningVariant[] = [];
  try {
    for (const descriptor of VARIANTS.filter((v) => ids.has(v.id))) {
      const startedAt = Date.now();
      runningVariants.push(await startVariant(descriptor, connection, runDir));
      log(`  ${descriptor.label} is up (${((Date.now() - startedAt) / 1000).toFixed(1)} s).`);
    }
    return runningVariants;
  } catch (error) {
    await Promise.all(runningVariants.map((v) => v.stop()));
    throw error;
  }
}

function startVariant(
  descriptor: VariantDescriptor,
  connection: BenchConnection,
  runDir: string,
): Promise<RunningVariant> {
  const logFile = path.join(runDir, "logs", `${descriptor.id}.log`);
  const serverEnv = {
    ...relataEnv(connection, runDir),
    NODE_ENV: "production",
  };
  switch (descriptor.id) {
    case "relata":
      return startRelataProcess(descriptor, path.join(DIST_ROOT, "app", "main.js"), serverEnv, logFile);
    case "relata-baseline":
      return startRelataProcess(
        descriptor,
        path.join(process.env[BASELINE_ENV] ?? "", "dist", "app", "main.js"),
        serverEnv,
        logFile,
      );
    case "relata-unbatched":
      return startRelataProcess(
        descriptor,
        path.join(DIST_ROOT, "app", "main.js"),
        { ...serverEnv, RELATA_DATALOADER_BATCHING: "0" },
        logFile,
      );
    case "relata-uncached":
      return startRelataProcess(
        descriptor,
        path.join(DIST_ROOT, "app", "main.js"),
        { ...serverEnv, RELATA_HEALTH_CONFIG_CACHE: "0" },
        logFile,
      );
    case "neo4j-graphql":
      return startBenchServer(descriptor, benchServer("neo4j-graphql.server.js"), serverEnv, logFile);
    case "raw":
      return startBenchServer(descriptor, benchServer("raw-driver.server.js"), serverEnv, logFile);
    case "apollo-floor":
      return startBenchServer(descriptor, benchServer("apollo-floor.server.js"), serverEnv, logFile);
  }
}

function benchServer(file: string): string {
  return path.join(DIST_ROOT, "bench", "servers", file);
}
