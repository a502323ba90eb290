import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import * as fs from "node:fs";
import * as path from "node:path";

import { acquireFileLock } from "./file-lock";
import { LocalNeo4jError } from "./local-server.errors";
import { findMaven, resolveRelataHome, runMaven } from "./neo4j-distribution";
import { isProcessAlive } from "./process-liveness";
import { findFreePort, isPortFree } from "./server-state";

/**
 * The newest Neo4j Browser that Maven Central serves (org.neo4j.client:neo4j-browser). Neo4j 5.26's own
 * tarball bundles a later 5.x build, which is not published there; this one speaks Bolt 5 and works with
 * the 5.26 server (docs/decisions/0011).
 */
export const NEO4J_BROWSER_VERSION = "5.24.0";

const ARTIFACT = `org.neo4j.client:neo4j-browser:${NEO4J_BROWSER_VERSION}`;
const JAR = `neo4j-browser-${NEO4J_BROWSER_VERSION}.jar`;
const DOWNLOAD_LOCK_TIMEOUT_MS = 10 * 60_000;

/**
 * Makes sure the Neo4j Browser jar is cached beside the server's jars and returns its path. On the
 * server's classpath, with the HTTP connector on, the server serves it at `/browser/`.
 *
 * @throws {LocalNeo4jError} `MAVEN_MISSING` or `DOWNLOAD_FAILED`.
 */
export async function ensureNeo4jBrowser(options: {
  readonly log: (message: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly cacheDir?: string;
}): Promise<string> {
  const cacheDir = options.cacheDir ?? path.join(resolveRelataHome(options.env), "neo4j-dist");
  const finalDir = path.join(cacheDir, `neo4j-browser-${NEO4J_BROWSER_VERSION}`);
  const jar = path.join(finalDir, JAR);
  if (fs.existsSync(jar)) return jar;
  const mvn = findMaven();
  const lock = path.join(cacheDir, `neo4j-browser-${NEO4J_BROWSER_VERSION}.lock`);
  const release = await acquireFileLock(lock, {
    timeoutMs: DOWNLOAD_LOCK_TIMEOUT_MS,
    onWait: (pid) => options.log(`Another process (pid ${pid ?? "unknown"}) is downloading Neo4j Browser; waiting.`),
    onTimeout: (pid) =>
      new LocalNeo4jError(
        "DOWNLOAD_FAILED",
        `Timed out waiting for process ${pid ?? "unknown"} to download Neo4j Browser. If no such download runs, ` +
          `delete ${lock} and try again.`,
      ),
  });
  try {
    if (fs.existsSync(jar)) return jar;
    const temp = path.join(cacheDir, `.neo4j-browser.partial-${process.pid}-${randomBytes(4).toString("hex")}`);
    fs.mkdirSync(temp, { recursive: true });
    try {
      options.log(`Downloading Neo4j Browser ${NEO4J_BROWSER_VERSION} (about 15 MB) with Maven; this happens once.`);
      try {
        await runMaven(
          mvn,
          ["-B", "dependency:copy", `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${temp}`],
          options.log,
        );
      } catch (error) {
        throw new LocalNeo4jError(
          "DOWNLOAD_FAILED",
          `Maven could not download Neo4j Browser (${ARTIFACT}): ${(error as Error).message}`,
          { cause: error },
        );
      }
      if (!fs.existsSync(path.join(temp, JAR))) {
        throw new LocalNeo4jError("DOWNLOAD_FAILED", `Maven finished but ${JAR} is not in ${temp}.`);
      }
      fs.rmSync(finalDir, { recursive: true, force: true });
      fs.renameSync(temp, finalDir);
      return jar;
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  } finally {
    release();
  }
}

/**
 * The HTTP port of a start with Neo4j Browser: the requested one (which must be free), else the one used
 * last if still free, else a free one other than the Bolt port.
 *
 * @throws {LocalNeo4jError} `INVALID_SETTING` when the requested port is taken.
 */
export async function chooseHttpPort(
  requested: number | undefined,
  stored: number | undefined,
  boltPort: number,
): Promise<number> {
  if (requested !== undefined) {
    if (requested !== boltPort && (await isPortFree(requested))) return requested;
    // Not PORT_IN_USE: that would make a fresh start retry on another Bolt port, which cannot help.
    throw new LocalNeo4jError(
      "INVALID_SETTING",
      `RELATA_NEO4J_HTTP_PORT names port ${requested}, which is in use on 127.0.0.1 (or is the Bolt port), so ` +
        "Neo4j Browser cannot be served there. Choose another " +
        "port with RELATA_NEO4J_HTTP_PORT, or unset it to let Relata pick a free one.",
    );
  }
  if (stored !== undefined && stored !== boltPort && (await isPortFree(stored))) return stored;
  for (;;) {
    const port = await findFreePort();
    if (port !== boltPort) return port;
  }
}

/** The address of Neo4j Browser on a server whose HTTP connector listens on `httpPort`. */
export function browserUrl(httpPort: number): string {
  return `http://127.0.0.1:${httpPort}/browser/`;
}

/**
 * Waits until Neo4j Browser answers at `url`: the server opens its HTTP connector a moment after Bolt.
 * Returns `false` when it does not within `timeoutMs` or the JVM `pid` exits.
 */
export async function waitForBrowser(url: string, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isProcessAlive(pid)) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  return false;
}
