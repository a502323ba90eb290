/**
 * Issue 19, "Neo4j tools" and "Operations": Neo4j Browser, migrations, backup and restore on a DEDICATED
 * managed Neo4j in a temporary home (never the shared test server). Every step starts or restarts a JVM
 * (10-60 s on a busy machine), so hooks and tests have generous timeouts and wait for states by polling.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { auth, driver as createDriver, type Driver } from "neo4j-driver";

import {
  readManagedNeo4jStatus,
  startManagedNeo4j,
  stopManagedNeo4j,
  type ManagedNeo4j,
} from "../../graph/local-server/managed-neo4j";
import { MIGRATIONS } from "../../graph/migrations/migrations";
import { runDb } from "../support/db-command";
import { waitFor } from "../support/wait-for";

const JVM_MS = 300_000;

let home: string;
let backups: string;
let env: NodeJS.ProcessEnv;
const logged: string[] = [];
const log = (message: string, level = "info"): void => {
  logged.push(`${level}: ${message}`);
};
const handles: ManagedNeo4j[] = [];
let driver: Driver | undefined;

const running = async (): Promise<{
  pid: number;
  uri: string;
  user: string;
  password: string;
  browserUrl?: string;
}> => {
  const status = await readManagedNeo4jStatus(home);
  if (status.state !== "running") throw new Error(`expected the managed Neo4j to run, but it is ${status.state}`);
  return status;
};
/** One value of a query, retried while the server comes back after a restart. */
const count = (cypher: string): Promise<number> =>
  waitFor(
    `"${cypher}" answers`,
    async () => {
      // No bookmarks: a restored database is older than those the driver collected before the restore.
      const result = await driver?.executeQuery(cypher, {}, { database: "neo4j", bookmarkManager: null });
      return (result?.records[0]?.get(0) as { toNumber(): number } | undefined)?.toNumber();
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
const modeOf = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-db-tools-"));
  backups = fs.mkdtempSync(path.join(os.tmpdir(), "relata-db-backups-"));
  // Not the test run's NEO4J_URI: these commands must work on the managed server in `home`.
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
    ...(process.env.RELATA_HOME ? { RELATA_HOME: process.env.RELATA_HOME } : {}),
    RELATA_NEO4J_HOME: home,
    RELATA_NEO4J_HEAP: "512m",
    RELATA_NEO4J_PAGECACHE: "64m",
  };
}, JVM_MS);

afterAll(async () => {
  await driver?.close();
  await Promise.all(handles.map((handle) => handle.stop()));
  await stopManagedNeo4j(home).catch(() => undefined);
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(backups, { recursive: true, force: true });
}, JVM_MS);

describe("npm run db -- browser", () => {
  beforeAll(async () => {
    const outcome = await runDb(["browser"], env);
    if (outcome.code !== 0) throw new Error(`db browser failed: ${outcome.stderr}`);
    const { uri, user, password } = await running();
    driver = createDriver(uri, auth.basic(user, password));
  }, JVM_MS);

  it("serves Neo4j Browser over HTTP on 127.0.0.1, and points it at the server's own Bolt port", async () => {
    const { uri, browserUrl } = await running();
    expect(browserUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/browser\/$/);
    const page = await fetch(browserUrl ?? "");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Neo4j Browser</title>");
    const discovery = (await (await fetch(new URL("/", browserUrl)).then((r) => r)).json()) as Record<string, unknown>;
    expect(discovery.bolt_direct).toBe(uri);
    const conf = fs.readFileSync(path.join(home, "conf", "neo4j.conf"), "utf8");
    expect(conf).toContain(`server.http.listen_address=127.0.0.1:${new URL(browserUrl ?? "").port}`);
  });
});

describe("npm run db -- migrate", () => {
  it("lists the pending migrations of a fresh database with their statements in a dry run, and applies none", async () => {
    const outcome = await runDb(["migrate", "--dry-run"], env);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`${MIGRATIONS.length} pending migrations (dry run: nothing is applied)`);
    expect(outcome.stdout).toContain(`Migration 1: ${MIGRATIONS[0]?.description ?? ""}`);
    expect(outcome.stdout).toContain(
      "  CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE;",
    );
    expect(await count("MATCH (m:RelataMigration) RETURN count(m)")).toBe(0);
    expect(await count("SHOW CONSTRAINTS YIELD name WHERE name = 'account_id' RETURN count(*)")).toBe(0);
  });

  it(
    "applies them, and then has nothing left to apply",
    async () => {
      const applied = await runDb(["migrate"], env);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain(`Applied migrations ${MIGRATIONS.map((m) => m.version).join(", ")}`);
      expect(applied.stderr).toContain(`applying migration 1: ${MIGRATIONS[0]?.description ?? ""}`);
      expect(await count("MATCH (m:RelataMigration) RETURN count(m)")).toBe(MIGRATIONS.length);
      const again = await runDb(["migrate", "--dry-run"], env);
      expect(again.stdout).toContain("Nothing to apply: the schema is up to date.");
    },
    JVM_MS,
  );
});

const backupFile = (): string => path.join(backups, "relata.dump");

describe("npm run db -- backup of a server started with `npm run db -- start`", () => {
  let attached: ManagedNeo4j;

  beforeAll(async () => {
    // An application attached to the server, as `npm start` is after `npm run db -- start`.
    attached = await startManagedNeo4j({ home, heap: "512m", pageCache: "64m", log });
    handles.push(attached);
    await driver?.executeQuery(
      "UNWIND range(1, 5) AS n CREATE (:BackupProbe {n: n})",
      {},
      { database: "neo4j", bookmarkManager: null },
    );
  }, JVM_MS);

  it(
    "writes a 0600 file, starts the server again on the same port, and the attached application waits, then follows",
    async () => {
      const before = await running();
      const outcome = await runDb(["backup", backupFile()], env);
      expect(outcome).toMatchObject({ code: 0 });
      expect(outcome.stdout).toContain(`Backed up the managed Neo4j to ${backupFile()}`);
      expect(outcome.stderr).toContain(`Stopping Neo4j (pid ${before.pid}`);
      expect(outcome.stderr).toMatch(/Neo4j is running again \(pid \d+\)/);
      expect(modeOf(backupFile())).toBe("600");
      expect(fs.statSync(backupFile()).size).toBeGreaterThan(0);

      const after = await running();
      expect(after.pid).not.toBe(before.pid);
      expect(after.uri).toBe(before.uri);
      expect(after.browserUrl).toBe(before.browserUrl);
      await waitFor(
        "the attached application follows the server",
        () => (attached.state === "running" && attached.pid === after.pid ? true : undefined),
        { timeoutMs: 60_000 },
      );
      expect(logged).toContainEqual(expect.stringMatching(/^warn: Neo4j \(pid \d+\) was stopped for a backup/));
      expect(logged.filter((line) => line.includes("exited unexpectedly"))).toEqual([]);
      expect(await count("MATCH (p:BackupProbe) RETURN count(p)")).toBe(5);
    },
    JVM_MS,
  );

  it("refuses to overwrite an existing backup without --force, and stops nothing", async () => {
    const { pid } = await running();
    const content = fs.readFileSync(backupFile());
    const outcome = await runDb(["backup", backupFile()], env);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`${backupFile()} already exists. Nothing was changed.`);
    expect(fs.readFileSync(backupFile()).equals(content)).toBe(true);
    expect((await running()).pid).toBe(pid);
  });

  it("refuses to restore a file that is not a dump, and stops nothing", async () => {
    const { pid } = await running();
    const junk = path.join(backups, "junk.dump");
    fs.writeFileSync(junk, "not a dump");
    const outcome = await runDb(["restore", junk, "--force"], env);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("is not a Neo4j database dump");
    expect((await running()).pid).toBe(pid);
    expect(await count("MATCH (p:BackupProbe) RETURN count(p)")).toBe(5);
  });
});

describe("npm run db -- restore on a server that `npm start` owns", () => {
  let owner: ManagedNeo4j;

  beforeAll(async () => {
    await stopManagedNeo4j(home, log);
    // Started tied to this process and supervised, as `npm start` starts it.
    owner = await startManagedNeo4j({ home, heap: "512m", pageCache: "64m", log });
    handles.push(owner);
    await driver?.executeQuery(
      "MATCH (p:BackupProbe) WHERE p.n > 3 DETACH DELETE p CREATE (:AfterBackup)",
      {},
      { database: "neo4j", bookmarkManager: null },
    );
  }, JVM_MS);

  it("refuses to replace data without --force, and changes nothing", async () => {
    const refused = await runDb(["restore", backupFile()], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already holds data");
    expect(refused.stderr).toContain("Nothing was changed.");
    expect(owner.state).toBe("running");
    expect(await count("MATCH (p:BackupProbe) RETURN count(p)")).toBe(3);
  });

  it(
    "with --force keeps a 0600 safety dump, leaves the restart to the owner, and the earlier data is back",
    async () => {
      expect(owner.owned).toBe(true);
      const before = owner.pid;
      const outcome = await runDb(["restore", backupFile(), "--force"], env);
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toContain(`It belongs to the process that started it (pid ${process.pid}`);
      expect(outcome.stderr).toMatch(/Neo4j is running again \(pid \d+\)/);
      const safety = /The data it replaced is kept in (\S+\.dump)\./.exec(outcome.stdout)?.[1] ?? "";
      expect(path.dirname(safety)).toBe(path.join(home, "backups"));
      expect(modeOf(safety)).toBe("600");

      await waitFor(
        "the owner has started it again",
        () => (owner.state === "running" && owner.pid !== before ? true : undefined),
        { timeoutMs: JVM_MS },
      );
      expect(owner.owned).toBe(true);
      expect(await count("MATCH (p:BackupProbe) RETURN count(p)")).toBe(5);
      expect(await count("MATCH (a:AfterBackup) RETURN count(a)")).toBe(0);
    },
    // A dump, a load and the owner's JVM start, each up to minutes on a busy machine.
    3 * JVM_MS,
  );
});
