import * as net from "node:net";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { auth, driver as createDriver, Neo4jError } from "neo4j-driver";

import { LocalNeo4jError, USE_EXTERNAL_NEO4J_HINT } from "./local-server.errors";
import { currentLogSizes, LogFollower, logTail, type LogOffsets } from "./neo4j-logs";
import { isProcessAlive } from "./process-liveness";
import type { ManagedNeo4jServerRecord } from "./server-record";
import { StartupProgress, type StartupLimits } from "./startup-progress";

const REJECTED_CREDENTIALS = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
]);
/** Upper bound of one readiness probe; something that accepts TCP but never speaks Bolt must not hang us. */
const PROBE_TIMEOUT_MS = 5_000;
const POLL_MS = 250;

/**
 * Polls Bolt until the credentials are accepted; fails fast when the JVM dies or rejects them. The deadline
 * follows the server's progress in `logs/debug.log` ({@link StartupProgress}); recovery steps are logged.
 */
export async function waitForBolt(
  record: ManagedNeo4jServerRecord,
  home: string,
  limits: StartupLimits,
  log: (message: string) => void,
  logOffsets: LogOffsets = currentLogSizes(home),
): Promise<void> {
  const progress = new StartupProgress(Date.now(), limits);
  const debugLog = new LogFollower(path.join(home, "logs", "debug.log"), logOffsets["debug.log"] ?? 0);
  let lastError = "no attempt yet";
  for (;;) {
    if (!isProcessAlive(record.pid)) {
      throw new LocalNeo4jError(
        "START_FAILED",
        `Neo4j (pid ${record.pid}) exited before it accepted connections on ${record.uri}. ` +
          `The log below (more in ${path.join(home, "logs")}) says why: if memory ran out, lower ` +
          "RELATA_NEO4J_HEAP / RELATA_NEO4J_PAGECACHE; if the store is corrupt or from another version, delete " +
          `${record.dataDir} to start empty. ${USE_EXTERNAL_NEO4J_HINT}\n${logTail(home, logOffsets)}`,
      );
    }
    const outcome = await probeBolt(record);
    if (outcome === "ready") return;
    if (outcome === "unauthorized") {
      throw new LocalNeo4jError(
        "START_FAILED",
        `Neo4j on ${record.uri} rejected the password stored in ${path.join(home, "credentials.json")}, so the data ` +
          `in ${record.dataDir} was created with other credentials. Stop the server (npm run db -- stop) and ` +
          "delete that data folder to start empty, or restore the matching credentials.json.",
      );
    }
    lastError = outcome.message;
    for (const milestone of progress.observe(debugLog.readNewLines(), Date.now())) log(milestone);
    const expired = progress.expired(Date.now());
    if (expired) {
      const why =
        expired === "ceiling"
          ? `within ${seconds(limits.ceilingMs)} s in all (RELATA_NEO4J_START_CEILING_MS)`
          : `and its debug.log showed no progress for ${seconds(limits.idleTimeoutMs)} s ` +
            "(RELATA_NEO4J_START_TIMEOUT_MS)";
      throw new LocalNeo4jError(
        "START_FAILED",
        `Neo4j (pid ${record.pid}) did not accept Bolt connections on ${record.uri} ${why}; last error: ` +
          `${lastError}. The machine may be short of memory (lower RELATA_NEO4J_HEAP / RELATA_NEO4J_PAGECACHE), ` +
          `a longer limit may be needed, or the log below explains it. ${USE_EXTERNAL_NEO4J_HINT}\n` +
          logTail(home, logOffsets),
      );
    }
    await sleep(POLL_MS);
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

async function probeBolt(record: ManagedNeo4jServerRecord): Promise<"ready" | "unauthorized" | Error> {
  // The driver cannot cancel a handshake the peer never answers and then keeps its socket (and this
  // process) alive, so first check with a raw socket we control that a Bolt server is listening.
  if (!(await answersBoltHandshake(Number(new URL(record.uri).port), PROBE_TIMEOUT_MS))) {
    return new Error(`nothing answers the Bolt handshake on ${record.uri}`);
  }
  const driver = createDriver(record.uri, auth.basic(record.user, record.password), {
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: PROBE_TIMEOUT_MS,
    maxConnectionPoolSize: 1,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => {
    timer = setTimeout(
      () => resolve(new Error(`no Bolt handshake within ${PROBE_TIMEOUT_MS / 1000} s`)),
      PROBE_TIMEOUT_MS,
    );
  });
  const attempt = driver.verifyConnectivity().then(
    () => "ready" as const,
    (error: unknown) => {
      if (error instanceof Neo4jError && REJECTED_CREDENTIALS.has(error.code)) return "unauthorized" as const;
      return error instanceof Error ? error : new Error(String(error));
    },
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
    // Not awaited: closing a connection stuck in its handshake can itself wait on the peer.
    driver.close().catch(() => undefined);
  }
}

/** Bolt preamble plus four version proposals (5.0-5.4, 4.4, 4.3, none); any 4-byte reply means Bolt. */
const BOLT_HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0x00, 0x04, 0x04, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00, 0x00, 0x03, 0x04, 0x00, 0x00, 0x00,
  0x00,
]);

function answersBoltHandshake(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let received = 0;
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once("connect", () => socket.write(BOLT_HANDSHAKE));
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received >= 4) finish(true);
    });
    socket.once("error", () => finish(false));
    socket.once("close", () => finish(false));
  });
}
