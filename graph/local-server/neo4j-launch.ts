import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

import { ensurePrivateDir, makeTreePrivate, PRIVATE_FILE_MODE } from "./file-permissions";
import { LocalNeo4jError, USE_EXTERNAL_NEO4J_HINT } from "./local-server.errors";
import { renderNeo4jConf } from "./neo4j-conf";
import type { Neo4jDistribution } from "./neo4j-distribution";
import { currentLogSizes, readTail } from "./neo4j-logs";
import { runNeo4jAdmin, spawnNeo4j, terminate, tieToThisProcess, untie, type Neo4jProcess } from "./neo4j-process";
import { waitForBolt } from "./neo4j-readiness";
import {
  readCredentials,
  removeServerRecord,
  writeCredentials,
  writeServerRecord,
  type Credentials,
  type ManagedNeo4jServerRecord,
} from "./server-record";
import { browserUrl, chooseHttpPort, ensureNeo4jBrowser, waitForBrowser } from "./neo4j-browser";
import { portInUse, readServerState, updateServerState } from "./server-state";
import type { StartupLimits } from "./startup-progress";

/** The only user of a managed server. */
export const MANAGED_NEO4J_USER = "neo4j";

/** Everything one launch of a server needs. */
export interface LaunchPlan {
  readonly home: string;
  readonly port: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly distribution: Neo4jDistribution;
  readonly limits: StartupLimits;
  readonly detached: boolean;
  readonly log: (message: string) => void;
  /** Serve Neo4j Browser too, on this HTTP port or (when `undefined`) the last one or a free one. */
  readonly browser?: { readonly httpPort?: number };
}

/** A server that accepts Bolt connections, with its JVM. */
export interface LaunchedNeo4j extends Neo4jProcess {
  readonly record: ManagedNeo4jServerRecord;
}

/** Folders of a server's home; all private (0700), like the home itself. */
export function homeFolders(home: string): Record<"conf" | "data" | "logs" | "plugins" | "import" | "run", string> {
  const at = (name: string): string => path.join(home, name);
  return {
    conf: at("conf"),
    data: at("data"),
    logs: at("logs"),
    plugins: at("plugins"),
    import: at("import"),
    run: at("run"),
  };
}

/**
 * Creates the home's folders privately (and takes group/other access off what exists), so every tenant's
 * data, the logs and auth.ini are the owner's alone. Run before every start.
 */
export function secureHome(home: string): void {
  ensurePrivateDir(home);
  for (const dir of Object.values(homeFolders(home))) ensurePrivateDir(dir);
  makeTreePrivate(home);
}

/**
 * Starts a JVM on `plan.port`, records it in server.json and the port in state.json, and resolves once Bolt
 * accepts the credentials. On failure the JVM is stopped; a port another process bound first is reported
 * as PORT_IN_USE.
 *
 * @throws {LocalNeo4jError} `START_FAILED` or `PORT_IN_USE`.
 */
export async function launchNeo4j(plan: LaunchPlan): Promise<LaunchedNeo4j> {
  const { home, port, heap, pageCache, distribution, detached, log } = plan;
  const folders = homeFolders(home);
  secureHome(home);
  const browser = plan.browser && {
    jar: await ensureNeo4jBrowser({ log }),
    httpPort: await chooseHttpPort(plan.browser.httpPort, readServerState(home).httpPort, port),
  };
  const conf = path.join(folders.conf, "neo4j.conf");
  fs.writeFileSync(conf, renderNeo4jConf({ home, boltPort: port, heap, pageCache, httpPort: browser?.httpPort }), {
    mode: PRIVATE_FILE_MODE,
  });

  const credentials = prepareCredentials(home, distribution, folders.conf);
  const uri = `bolt://127.0.0.1:${port}`;
  const logOffsets = currentLogSizes(home);
  log(`Starting Neo4j ${distribution.version} on ${uri} (home ${home}, heap ${heap}, page cache ${pageCache}).`);
  const startedAt = Date.now();
  const spawned = await spawnNeo4j({
    home,
    confDir: folders.conf,
    heap,
    distribution,
    detached,
    extraJars: browser ? [browser.jar] : [],
  });
  if (spawned instanceof Error) {
    throw new LocalNeo4jError(
      "START_FAILED",
      `Could not start ${distribution.javaCommand}: ${spawned.message}. ${USE_EXTERNAL_NEO4J_HINT}`,
      { cause: spawned },
    );
  }
  const { pid } = spawned;
  const record: ManagedNeo4jServerRecord = {
    pid,
    uri,
    user: credentials.user,
    password: credentials.password,
    dataDir: folders.data,
    startedAt: new Date().toISOString(),
    neo4jVersion: distribution.version,
    detached,
    ...(browser ? { browserUrl: browserUrl(browser.httpPort) } : {}),
  };
  writeServerRecord(home, record);
  if (!detached) tieToThisProcess(pid, home);

  try {
    await waitForBolt(record, home, plan.limits, log, logOffsets);
  } catch (error) {
    await terminate(pid);
    removeServerRecord(home, pid);
    untie(pid);
    if (
      readTail(path.join(folders.logs, "neo4j.log"), logOffsets["neo4j.log"] ?? 0, 400).includes("PortBindException")
    ) {
      throw portInUse(port, error);
    }
    throw error;
  }
  updateServerState(home, { boltPort: port, ...(browser ? { httpPort: browser.httpPort } : {}) });
  log(`Neo4j is ready on ${uri} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s (pid ${pid}).`);
  if (record.browserUrl && !(await waitForBrowser(record.browserUrl, pid, plan.limits.idleTimeoutMs))) {
    log(
      `Neo4j Browser does not answer at ${record.browserUrl}; Bolt works. See ${path.join(folders.logs, "neo4j.log")}.`,
    );
  } else if (record.browserUrl) {
    log(
      `Neo4j Browser: ${record.browserUrl} (connect to ${uri} as ${record.user}; \`npm run db -- status\` shows the password).`,
    );
  }
  return { ...spawned, record };
}

/** Loads `<home>/credentials.json`, creating it and the server's initial password on first use. */
function prepareCredentials(home: string, distribution: Neo4jDistribution, confDir: string): Credentials {
  const file = path.join(home, "credentials.json");
  const existing = readCredentials(home);
  const systemDbExists = fs.existsSync(path.join(home, "data", "databases", "system"));
  if (existing && systemDbExists) return existing;
  if (!existing && systemDbExists) {
    throw new LocalNeo4jError(
      "START_FAILED",
      `The data folder ${path.join(home, "data")} already holds a Neo4j database, but ${file} with its password ` +
        "is missing. Restore credentials.json, or delete the data folder to start with an empty database.",
    );
  }
  // Hex only: the password goes on a command line, where a leading "-" would read as an option.
  const credentials = existing ?? { user: MANAGED_NEO4J_USER, password: randomBytes(16).toString("hex") };
  const result = runNeo4jAdmin(home, confDir, distribution, ["dbms", "set-initial-password", credentials.password]);
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      "START_FAILED",
      `Could not set the initial Neo4j password in ${home} (neo4j-admin dbms set-initial-password ` +
        `${result.error ? `failed: ${result.error.message}` : `exited with ${result.status}`}). ` +
        `Check that ${home} is writable and the cached jars in ${distribution.libDir} are intact ` +
        `(delete that folder to download them again).\n${`${result.stdout ?? ""}${result.stderr ?? ""}`.trim()}`,
      { cause: result.error },
    );
  }
  if (!existing) writeCredentials(home, credentials);
  return credentials;
}
