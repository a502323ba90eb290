import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { auth, driver as createDriver, Neo4jError } from "neo4j-driver";

import { acquireFileLock } from "./file-lock";
import { LocalNeo4jError, USE_EXTERNAL_NEO4J_HINT } from "./local-server.errors";
import { renderNeo4jConf, parseMemorySize } from "./neo4j-conf";
import { ensureNeo4jDistribution, type Neo4jDistribution } from "./neo4j-distribution";
import { isProcessAlive, readProcessArguments } from "./process-liveness";

/** Default JVM heap of a managed server. */
export const DEFAULT_MANAGED_HEAP = "1g";
/** Default page cache of a managed server. */
export const DEFAULT_MANAGED_PAGE_CACHE = "512m";
/** The only user of a managed server. */
export const MANAGED_NEO4J_USER = "neo4j";

const START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 30_000;
const ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint";
const REJECTED_CREDENTIALS = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
]);

/** Inputs of {@link startManagedNeo4j}. */
export interface StartManagedNeo4jOptions {
  /** Server home: conf, data, logs, credentials.json and server.json live here. Created if missing. */
  readonly home: string;
  /** Bolt port; a free one is picked when omitted. An explicit port that is taken fails with PORT_IN_USE. */
  readonly port?: number;
  /** JVM heap in Neo4j's size syntax; default {@link DEFAULT_MANAGED_HEAP}. */
  readonly heap?: string;
  /** Page cache in Neo4j's size syntax; default {@link DEFAULT_MANAGED_PAGE_CACHE}. */
  readonly pageCache?: string;
  /** Receives human-readable progress lines. */
  readonly log: (message: string) => void;
  /**
   * `true` lets the server outlive this process (for `npm run db -- start`). Otherwise the JVM is tied to
   * this process: it gets SIGTERM when this process exits or dies, so it never lingers as an orphan.
   */
  readonly detached?: boolean;
  /** The jars to run; resolved with `ensureNeo4jDistribution` when omitted. */
  readonly distribution?: Neo4jDistribution;
  /** How long to wait for Bolt to accept the credentials; default 90 s. */
  readonly startTimeoutMs?: number;
}

/** A running Neo4j that Relata started (or found already running in the same home). */
export interface ManagedNeo4j {
  /** Bolt URI, always on 127.0.0.1. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly home: string;
  readonly dataDir: string;
  /** Process id of the JVM. */
  readonly pid: number;
  /**
   * `false` when this handle attached to a server another process started (`npm run db -- start`, or a
   * second `npm start`); {@link stop} then leaves that server running.
   */
  readonly owned: boolean;
  /** Stops the server if this handle owns it: SIGTERM, up to 30 s for a clean shutdown, then SIGKILL. */
  stop(): Promise<void>;
}

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
}

/** Whether a managed server runs in a home, for `npm run db -- status`. */
export type ManagedNeo4jStatus =
  | ({ readonly state: "running"; readonly home: string } & ManagedNeo4jServerRecord)
  | {
      readonly state: "stopped";
      readonly home: string;
      readonly dataDir: string;
      /** Known when the home has been used before; the next start reuses them. */
      readonly user?: string;
      readonly password?: string;
    };

interface Credentials {
  readonly user: string;
  readonly password: string;
}

/**
 * Starts a real Neo4j server in `home`, or attaches to the one already running there, and resolves once
 * it accepts Bolt connections with the persisted credentials.
 *
 * The password is generated on first use and kept in `<home>/credentials.json`, so data survives restarts.
 * While running, `<home>/server.json` names the JVM; it is removed on stop.
 *
 * @throws {LocalNeo4jError} `JAVA_MISSING`, `MAVEN_MISSING`, `DOWNLOAD_FAILED`, `PORT_IN_USE`,
 *   `START_FAILED` or `INVALID_SETTING`.
 */
export async function startManagedNeo4j(options: StartManagedNeo4jOptions): Promise<ManagedNeo4j> {
  const home = path.resolve(options.home);
  const heap = parseMemorySize(options.heap ?? DEFAULT_MANAGED_HEAP, "heap");
  const pageCache = parseMemorySize(options.pageCache ?? DEFAULT_MANAGED_PAGE_CACHE, "pageCache");
  const timeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS;
  fs.mkdirSync(home, { recursive: true });

  const release = await acquireFileLock(path.join(home, "start.lock"), {
    timeoutMs: timeoutMs + 30_000,
    onWait: (pid) => options.log(`Another process (pid ${pid ?? "unknown"}) is starting Neo4j in ${home}; waiting.`),
    onTimeout: (pid) =>
      new LocalNeo4jError(
        "START_FAILED",
        `Timed out waiting for process ${pid ?? "unknown"} to start Neo4j in ${home}. If no such process runs, ` +
          `delete ${path.join(home, "start.lock")} and try again.`,
      ),
  });
  try {
    const running = readRunningRecord(home);
    if (running) return await attach(home, running, timeoutMs, options.log);

    const distribution = options.distribution ?? (await ensureNeo4jDistribution({ log: options.log }));
    if (options.port !== undefined && !(await isPortFree(options.port))) throw portInUse(options.port);
    for (let attempt = 1; ; attempt++) {
      const port = options.port ?? (await findFreePort());
      try {
        return await launch({ home, port, heap, pageCache, distribution, timeoutMs, options });
      } catch (error) {
        // A port we picked can be taken by someone else before the JVM binds it; pick another.
        const retry = options.port === undefined && attempt < 3;
        if (!(retry && error instanceof LocalNeo4jError && error.code === "PORT_IN_USE")) throw error;
        options.log(`Port ${port} was taken before Neo4j could bind it; retrying on another port.`);
      }
    }
  } finally {
    release();
  }
}

/**
 * Reports whether a managed server runs in `home` (its JVM is alive), with its connection details; when
 * stopped, the credentials the next start will reuse. Does not contact the server.
 */
export function readManagedNeo4jStatus(home: string): Promise<ManagedNeo4jStatus> {
  const resolved = path.resolve(home);
  const running = readRunningRecord(resolved);
  if (running) return Promise.resolve({ state: "running", home: resolved, ...running });
  const credentials = readCredentials(resolved);
  return Promise.resolve({
    state: "stopped",
    home: resolved,
    dataDir: path.join(resolved, "data"),
    ...credentials,
  });
}

/**
 * Stops the managed server running in `home`, whichever process started it.
 *
 * @throws {LocalNeo4jError} `NOT_RUNNING` when no managed server runs there.
 */
export async function stopManagedNeo4j(home: string, log: (message: string) => void = () => {}): Promise<void> {
  const resolved = path.resolve(home);
  const running = readRunningRecord(resolved);
  if (!running) {
    throw new LocalNeo4jError(
      "NOT_RUNNING",
      `No managed Neo4j is running in ${resolved} (no live server recorded in server.json). ` +
        "Start one with `npm run db -- start`, or check RELATA_NEO4J_HOME if you expected another folder.",
    );
  }
  log(`Stopping Neo4j (pid ${running.pid}) in ${resolved}.`);
  await terminate(running.pid);
  removeServerRecord(resolved, running.pid);
  tiedServers.delete(running.pid);
}

// ---------------------------------------------------------------------------------------------------------

interface LaunchPlan {
  readonly home: string;
  readonly port: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly distribution: Neo4jDistribution;
  readonly timeoutMs: number;
  readonly options: StartManagedNeo4jOptions;
}

async function launch(plan: LaunchPlan): Promise<ManagedNeo4j> {
  const { home, port, heap, pageCache, distribution, timeoutMs, options } = plan;
  const detached = options.detached ?? false;
  const confDir = path.join(home, "conf");
  const dataDir = path.join(home, "data");
  const logsDir = path.join(home, "logs");
  for (const dir of [confDir, dataDir, logsDir, path.join(home, "plugins"), path.join(home, "import")]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(confDir, "neo4j.conf"), renderNeo4jConf({ home, boltPort: port, heap, pageCache }));

  const credentials = prepareCredentials(home, distribution, confDir);
  const uri = `bolt://127.0.0.1:${port}`;
  const javaArgs = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    // A subset of the JVM options Neo4j's own launcher passes; the add-opens are required on Java 17+.
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-cp",
    path.join(distribution.libDir, "*"),
    ENTRY_POINT,
    `--home-dir=${home}`,
    `--config-dir=${confDir}`,
  ];
  // Without pdeathsig a SIGKILLed parent (a killed jest run) would leave the JVM running forever.
  const tie = !detached && hasPdeathsig();
  const [command, args] = tie
    ? ["setpriv", ["--pdeathsig", "TERM", "--", distribution.javaCommand, ...javaArgs]]
    : [distribution.javaCommand, javaArgs];

  const logOffsets = currentLogSizes(home);
  const out = fs.openSync(path.join(logsDir, "console.log"), "a");
  options.log(
    `Starting Neo4j ${distribution.version} on ${uri} (home ${home}, heap ${heap}, page cache ${pageCache}).`,
  );
  const startedAt = Date.now();
  let child: ChildProcess;
  try {
    // Always a new session: Ctrl-C in the terminal then reaches only Node, which shuts the app down first
    // and stops the server afterwards instead of both dying at once.
    child = spawn(command, args, {
      cwd: home,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: confDir },
    });
  } finally {
    fs.closeSync(out);
  }
  child.unref();
  let spawnError: Error | undefined;
  child.on("error", (error) => {
    spawnError = error;
  });
  const pid = child.pid;
  if (pid === undefined) {
    await sleep(0);
    throw new LocalNeo4jError(
      "START_FAILED",
      `Could not start ${command}: ${spawnError?.message ?? "no process id"}. ${USE_EXTERNAL_NEO4J_HINT}`,
      { cause: spawnError },
    );
  }

  const record: ManagedNeo4jServerRecord = {
    pid,
    uri,
    user: credentials.user,
    password: credentials.password,
    dataDir,
    startedAt: new Date().toISOString(),
    neo4jVersion: distribution.version,
    detached,
  };
  writeServerRecord(home, record);
  if (!detached) tieToThisProcess(pid, home);

  try {
    await waitForBolt(record, home, timeoutMs, logOffsets);
  } catch (error) {
    await terminate(pid);
    removeServerRecord(home, pid);
    tiedServers.delete(pid);
    const neo4jLog = path.join(logsDir, "neo4j.log");
    if (readTail(neo4jLog, logOffsets["neo4j.log"] ?? 0, 400).includes("PortBindException")) {
      throw portInUse(port, error);
    }
    throw error;
  }
  options.log(`Neo4j is ready on ${uri} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s (pid ${pid}).`);
  return handle(home, record, true);
}

function portInUse(port: number, cause?: unknown): LocalNeo4jError {
  return new LocalNeo4jError(
    "PORT_IN_USE",
    `Port ${port} on 127.0.0.1 is already in use, so Neo4j cannot listen for Bolt there. ` +
      "Stop whatever uses it, choose another port with RELATA_NEO4J_PORT, or unset RELATA_NEO4J_PORT " +
      "to let Relata pick a free one.",
    { cause },
  );
}

async function attach(
  home: string,
  record: ManagedNeo4jServerRecord,
  timeoutMs: number,
  log: (message: string) => void,
): Promise<ManagedNeo4j> {
  log(`Using the Neo4j already running in ${home} (pid ${record.pid}, ${record.uri}).`);
  await waitForBolt(record, home, timeoutMs);
  return handle(home, record, false);
}

function handle(home: string, record: ManagedNeo4jServerRecord, owned: boolean): ManagedNeo4j {
  let stopping: Promise<void> | undefined;
  return {
    uri: record.uri,
    user: record.user,
    password: record.password,
    home,
    dataDir: record.dataDir,
    pid: record.pid,
    owned,
    stop() {
      if (!owned) return Promise.resolve();
      stopping ??= (async () => {
        await terminate(record.pid);
        removeServerRecord(home, record.pid);
        tiedServers.delete(record.pid);
      })();
      return stopping;
    },
  };
}

/** Polls Bolt until the credentials are accepted; fails fast when the JVM dies or rejects them. */
async function waitForBolt(
  record: ManagedNeo4jServerRecord,
  home: string,
  timeoutMs: number,
  logOffsets: LogOffsets = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
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
    if (Date.now() > deadline) {
      throw new LocalNeo4jError(
        "START_FAILED",
        `Neo4j (pid ${record.pid}) did not accept Bolt connections on ${record.uri} within ` +
          `${Math.round(timeoutMs / 1000)} s (last error: ${lastError}). The machine may be short of memory ` +
          `(lower RELATA_NEO4J_HEAP / RELATA_NEO4J_PAGECACHE) or the log below explains it. ` +
          `${USE_EXTERNAL_NEO4J_HINT}\n${logTail(home, logOffsets)}`,
      );
    }
    await sleep(250);
  }
}

/** Upper bound of one readiness probe; something that accepts TCP but never speaks Bolt must not hang us. */
const PROBE_TIMEOUT_MS = 5_000;

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
  const result = spawnSync(
    distribution.javaCommand,
    [
      "-Xmx256m",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "-cp",
      path.join(distribution.libDir, "*"),
      "org.neo4j.cli.AdminTool",
      "dbms",
      "set-initial-password",
      credentials.password,
    ],
    {
      cwd: home,
      encoding: "utf8",
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: confDir },
      timeout: 120_000,
    },
  );
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
  if (!existing) writeJsonFile(file, credentials, 0o600);
  return credentials;
}

function readCredentials(home: string): Credentials | undefined {
  const parsed = readJsonFile(path.join(home, "credentials.json"));
  if (!parsed) return undefined;
  const { user, password } = parsed as Partial<Credentials>;
  return typeof user === "string" && typeof password === "string" ? { user, password } : undefined;
}

/** The server.json record if it names a live managed JVM for this home; removes a stale one. */
function readRunningRecord(home: string): ManagedNeo4jServerRecord | undefined {
  const file = path.join(home, "server.json");
  const parsed = readJsonFile(file) as Partial<ManagedNeo4jServerRecord> | undefined;
  if (!parsed) return undefined;
  if (typeof parsed.pid === "number" && isManagedJvm(parsed.pid, home)) {
    return parsed as ManagedNeo4jServerRecord;
  }
  fs.rmSync(file, { force: true });
  return undefined;
}

function isManagedJvm(pid: number, home: string): boolean {
  if (!isProcessAlive(pid)) return false;
  const args = readProcessArguments(pid);
  // Without procfs we trust the pid; with it, a recycled pid running something else is not ours.
  return args === undefined || (args.includes(ENTRY_POINT) && args.includes(`--home-dir=${home}`));
}

function writeServerRecord(home: string, record: ManagedNeo4jServerRecord): void {
  writeJsonFile(path.join(home, "server.json"), record, 0o600);
}

function removeServerRecord(home: string, pid: number): void {
  const file = path.join(home, "server.json");
  const current = readJsonFile(file) as Partial<ManagedNeo4jServerRecord> | undefined;
  if (current?.pid === pid) fs.rmSync(file, { force: true });
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes via a temporary file and rename, so readers never see half a file. */
function writeJsonFile(file: string, value: unknown, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value, null, 2) + "\n", { mode });
  fs.renameSync(temp, file);
}

/** SIGTERM, then SIGKILL after the grace period. Resolves once the process is gone. */
async function terminate(pid: number): Promise<void> {
  if (!signal(pid, "SIGTERM")) return;
  if (await waitForExit(pid, STOP_GRACE_MS)) return;
  signal(pid, "SIGKILL");
  await waitForExit(pid, 10_000);
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(100);
  }
  return !isProcessAlive(pid);
}

/** Byte sizes of the server's log files before a start, so errors show only that start's output. */
type LogOffsets = Partial<Record<(typeof LOG_FILES)[number], number>>;

const LOG_FILES = ["neo4j.log", "console.log"] as const;

function currentLogSizes(home: string): LogOffsets {
  const sizes: LogOffsets = {};
  for (const name of LOG_FILES) {
    try {
      sizes[name] = fs.statSync(path.join(home, "logs", name)).size;
    } catch {
      sizes[name] = 0;
    }
  }
  return sizes;
}

function logTail(home: string, offsets: LogOffsets): string {
  const parts: string[] = [];
  for (const name of LOG_FILES) {
    const file = path.join(home, "logs", name);
    const tail = readTail(file, offsets[name] ?? 0, 30);
    if (tail) parts.push(`--- last lines of ${file} ---\n${tail}`);
  }
  return parts.join("\n") || `(no log output in ${path.join(home, "logs")})`;
}

function readTail(file: string, from: number, lines: number): string {
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(from, size - 16_384);
    if (start >= size) return "";
    const buffer = Buffer.alloc(size - start);
    const fd = fs.openSync(file, "r");
    try {
      fs.readSync(fd, buffer, 0, buffer.length, start);
    } finally {
      fs.closeSync(fd);
    }
    return buffer.toString("utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

let pdeathsigSupport: boolean | undefined;

function hasPdeathsig(): boolean {
  pdeathsigSupport ??= spawnSync("setpriv", ["--pdeathsig", "TERM", "--", "true"], { stdio: "ignore" }).status === 0;
  return pdeathsigSupport;
}

// --- Servers tied to this process --------------------------------------------------------------------------

/** Non-detached servers started by this process, by pid, with their home. */
const tiedServers = new Map<number, string>();
let hooksInstalled = false;

function tieToThisProcess(pid: number, home: string): void {
  tiedServers.set(pid, home);
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", stopTiedServersNow);
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      // When the application handles the signal itself, it stops the server through `stop()` (or the
      // "exit" hook does). Only when we are the sole listener do we restore the default: stop and die.
      if (process.listenerCount(name) > 1) return;
      stopTiedServersNow();
      process.removeListener(name, onSignal);
      process.kill(process.pid, name);
    };
    process.on(name, onSignal);
  }
}

function stopTiedServersNow(): void {
  for (const [pid, home] of tiedServers) {
    signal(pid, "SIGTERM");
    removeServerRecord(home, pid);
  }
  tiedServers.clear();
}
