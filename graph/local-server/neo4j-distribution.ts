import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { acquireFileLock } from "./file-lock";
import { LocalNeo4jError, USE_EXTERNAL_NEO4J_HINT } from "./local-server.errors";

/** The Neo4j release Relata provisions for local development and tests. */
export const NEO4J_VERSION = "5.26.30";

/** Oldest Java feature release Neo4j 5 runs on. */
export const MINIMUM_JAVA_VERSION = 17;

/** A Neo4j server's jars, resolved and complete, plus the Java that will run them. */
export interface Neo4jDistribution {
  /** Neo4j version of the jars, e.g. `5.26.30`. */
  readonly version: string;
  /** Folder holding every jar the server needs; the JVM classpath is `<libDir>/*`. */
  readonly libDir: string;
  /** The `java` executable to run the server with. */
  readonly javaCommand: string;
  /** Java feature release of {@link javaCommand}, e.g. 17. */
  readonly javaVersion: number;
}

/** Inputs of {@link ensureNeo4jDistribution}. */
export interface EnsureNeo4jDistributionOptions {
  /** Receives human-readable progress lines (the download can take minutes on a cold Maven cache). */
  readonly log: (message: string) => void;
  /** Where distributions are cached; defaults to `$RELATA_HOME/neo4j-dist`. */
  readonly cacheDir?: string;
  /** Environment to read RELATA_HOME, JAVA_HOME and PATH from; defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

const COMPLETE_MARKER = ".relata-complete.json";
/** A cold Maven cache downloads ~120 MB; allow a slow link before giving up on someone else's download. */
const DOWNLOAD_LOCK_TIMEOUT_MS = 30 * 60_000;
/** Sanity floor: the server needs ~213 jars; fewer means Maven resolved the wrong thing. */
const MINIMUM_JAR_COUNT = 100;

/** Relata's per-user state folder: `$RELATA_HOME`, else `~/.relata`. Outside the repository on purpose. */
export function resolveRelataHome(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.RELATA_HOME?.trim();
  return configured ? path.resolve(configured) : path.join(os.homedir(), ".relata");
}

/**
 * Makes sure the jars of Neo4j {@link NEO4J_VERSION} are in the cache and returns where they are.
 *
 * Maven Central does not serve the community tarball, so the server's jars are resolved with
 * `mvn dependency:copy-dependencies` from a generated pom. The download goes to a temporary folder that is
 * renamed into place only when complete, under a lock file, so concurrent callers (two jest runs) neither
 * corrupt nor duplicate it, and an interrupted download is redone rather than used.
 *
 * @throws {LocalNeo4jError} `JAVA_MISSING`, `MAVEN_MISSING` or `DOWNLOAD_FAILED`.
 */
export async function ensureNeo4jDistribution(options: EnsureNeo4jDistributionOptions): Promise<Neo4jDistribution> {
  const env = options.env ?? process.env;
  const java = findJava(env);
  const cacheDir = options.cacheDir ?? path.join(resolveRelataHome(env), "neo4j-dist");
  const finalDir = path.join(cacheDir, `neo4j-${NEO4J_VERSION}`);
  const result: Neo4jDistribution = {
    version: NEO4J_VERSION,
    libDir: path.join(finalDir, "lib"),
    javaCommand: java.command,
    javaVersion: java.version,
  };
  if (isComplete(finalDir)) return result;

  const mvn = findMaven();
  const release = await acquireFileLock(path.join(cacheDir, `neo4j-${NEO4J_VERSION}.lock`), {
    timeoutMs: DOWNLOAD_LOCK_TIMEOUT_MS,
    onWait: (pid) =>
      options.log(`Another process (pid ${pid ?? "unknown"}) is downloading Neo4j ${NEO4J_VERSION}; waiting.`),
    onTimeout: (pid) =>
      new LocalNeo4jError(
        "DOWNLOAD_FAILED",
        `Timed out waiting for process ${pid ?? "unknown"} to finish downloading Neo4j ${NEO4J_VERSION} into ` +
          `${cacheDir}. If no such download is running, delete ${path.join(cacheDir, `neo4j-${NEO4J_VERSION}.lock`)} ` +
          "and try again.",
      ),
  });
  try {
    // Someone else may have finished while we waited for the lock.
    if (isComplete(finalDir)) return result;
    await download(mvn, cacheDir, finalDir, options.log);
    return result;
  } finally {
    release();
  }
}

function isComplete(finalDir: string): boolean {
  return fs.existsSync(path.join(finalDir, COMPLETE_MARKER));
}

async function download(
  mvn: string,
  cacheDir: string,
  finalDir: string,
  log: (message: string) => void,
): Promise<void> {
  const tempDir = path.join(
    cacheDir,
    `.neo4j-${NEO4J_VERSION}.partial-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  fs.mkdirSync(tempDir, { recursive: true });
  try {
    const pomPath = path.join(tempDir, "pom.xml");
    fs.writeFileSync(pomPath, renderPom(NEO4J_VERSION));
    const libDir = path.join(tempDir, "lib");
    log(
      `Downloading Neo4j ${NEO4J_VERSION} (about 213 jars, 120 MB) with Maven into ${finalDir}. ` +
        "This happens once; it takes seconds with a warm ~/.m2 and a few minutes without.",
    );
    const startedAt = Date.now();
    await runMaven(mvn, ["-B", "-f", pomPath, "dependency:copy-dependencies", `-DoutputDirectory=${libDir}`], log);
    const jars = fs.existsSync(libDir) ? fs.readdirSync(libDir).filter((name) => name.endsWith(".jar")) : [];
    if (jars.length < MINIMUM_JAR_COUNT || !jars.includes(`neo4j-server-${NEO4J_VERSION}.jar`)) {
      throw new LocalNeo4jError(
        "DOWNLOAD_FAILED",
        `Maven finished but resolved only ${jars.length} jars (expected about 213, including ` +
          `neo4j-server-${NEO4J_VERSION}.jar) into ${libDir}. Check your ~/.m2/settings.xml mirrors and try again.`,
      );
    }
    fs.writeFileSync(
      path.join(tempDir, COMPLETE_MARKER),
      JSON.stringify({ version: NEO4J_VERSION, jars: jars.length, completedAt: new Date().toISOString() }, null, 2),
    );
    // We hold the lock, so whatever sits at finalDir without a marker is an abandoned manual copy.
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(tempDir, finalDir);
    log(`Neo4j ${NEO4J_VERSION} ready (${jars.length} jars, ${Math.round((Date.now() - startedAt) / 1000)} s).`);
  } finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

function renderPom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by Relata to resolve the jars of a Neo4j ${version} server. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.relata.local</groupId>
  <artifactId>neo4j-distribution</artifactId>
  <version>${version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${version}</version>
    </dependency>
    <dependency>
      <groupId>org.neo4j.app</groupId>
      <artifactId>neo4j-server</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** Runs Maven, reporting downloads as they happen; rejects with the output's tail on failure. */
export function runMaven(mvn: string, args: string[], log: (message: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    let downloaded = 0;
    let buffered = "";
    const startedAt = Date.now();
    const heartbeat = setInterval(() => {
      log(
        `Still resolving Neo4j jars with Maven (${Math.round((Date.now() - startedAt) / 1000)} s, ${downloaded} files downloaded).`,
      );
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (/^\[INFO\] Downloaded from /.test(line) && ++downloaded % 50 === 0) {
          log(`Maven downloaded ${downloaded} files so far.`);
        }
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => {
      clearInterval(heartbeat);
      reject(
        new LocalNeo4jError(
          "DOWNLOAD_FAILED",
          `Could not run Maven (${mvn}): ${error.message}. ${USE_EXTERNAL_NEO4J_HINT}`,
          {
            cause: error,
          },
        ),
      );
    });
    child.on("close", (status, signal) => {
      clearInterval(heartbeat);
      if (status === 0) {
        resolve();
        return;
      }
      if (buffered) tail.push(buffered);
      reject(
        new LocalNeo4jError(
          "DOWNLOAD_FAILED",
          `Maven failed to resolve the Neo4j ${NEO4J_VERSION} jars (${signal ? `killed by ${signal}` : `exit code ${status}`}). ` +
            "Check your network access to Maven Central (or the mirror in ~/.m2/settings.xml) and run the command again. " +
            `${USE_EXTERNAL_NEO4J_HINT} Last Maven output:\n${tail.join("\n")}`,
        ),
      );
    });
  });
}

/** Finds Java 17+: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` on PATH. */
function findJava(env: NodeJS.ProcessEnv): { command: string; version: number } {
  const fromJavaHome = env.JAVA_HOME ? path.join(env.JAVA_HOME, "bin", "java") : undefined;
  const command = fromJavaHome && fs.existsSync(fromJavaHome) ? fromJavaHome : "java";
  const probe = spawnSync(command, ["-version"], { encoding: "utf8", timeout: 30_000 });
  const install =
    "Install a JDK 17 or 21 (Debian: apt-get install openjdk-17-jdk-headless) and Maven (apt-get install maven), " +
    "or set NEO4J_URI to use an existing Neo4j.";
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(
      "JAVA_MISSING",
      `Java ${MINIMUM_JAVA_VERSION} was not found on PATH${fromJavaHome ? ` or in JAVA_HOME (${env.JAVA_HOME})` : ""}. ${install}`,
      { cause: probe.error },
    );
  }
  const version = parseJavaVersion(`${probe.stderr}\n${probe.stdout}`);
  if (version === undefined || version < MINIMUM_JAVA_VERSION) {
    throw new LocalNeo4jError(
      "JAVA_MISSING",
      `Neo4j ${NEO4J_VERSION} needs Java ${MINIMUM_JAVA_VERSION} or newer, but \`${command} -version\` reported ` +
        `${version === undefined ? "an unrecognised version" : `Java ${version}`}. ${install} ` +
        "If a newer JDK is installed, point JAVA_HOME at it.",
    );
  }
  return { command, version };
}

/**
 * Extracts the Java feature release from `java -version` output (`version "17.0.15"` → 17,
 * `version "1.8.0_402"` → 8).
 */
export function parseJavaVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

/**
 * The Maven command, once it answers `mvn -v`.
 *
 * @throws {LocalNeo4jError} `MAVEN_MISSING`.
 */
export function findMaven(): string {
  const probe = spawnSync("mvn", ["-v"], { encoding: "utf8", timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(
      "MAVEN_MISSING",
      `Maven (mvn) was not found on PATH, and it is needed once to download the Neo4j ${NEO4J_VERSION} jars. ` +
        "Install Maven (Debian: apt-get install maven) and run the command again, " +
        "or set NEO4J_URI to use an existing Neo4j.",
      { cause: probe.error },
    );
  }
  return "mvn";
}
