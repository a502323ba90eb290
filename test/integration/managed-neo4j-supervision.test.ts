/**
 * Issue 9, items 4 and 8: a DEDICATED managed Neo4j in a temporary home (never the shared test server)
 * is killed, stopped and started again. Each start of the JVM takes 10-60 s on a busy machine, so hooks and
 * tests have generous timeouts and wait for states by polling.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

import { auth, driver as createDriver, type Driver } from "neo4j-driver";

import {
  readManagedNeo4jStatus,
  startManagedNeo4j,
  stopManagedNeo4j,
  type ManagedNeo4j,
} from "../../graph/local-server/managed-neo4j";
import { readServerState } from "../../graph/local-server/server-state";
import { waitFor } from "../support/wait-for";

const JVM_MS = 240_000;
const MEMORY = { heap: "512m", pageCache: "64m" };

let home: string;
const logged: string[] = [];
const log = (message: string, level = "info"): void => {
  logged.push(`${level}: ${message}`);
};
/** Every handle a test opened, stopped in afterAll whatever happened. */
const handles: ManagedNeo4j[] = [];
const start = async (): Promise<ManagedNeo4j> => {
  const handle = await startManagedNeo4j({ home, ...MEMORY, log });
  handles.push(handle);
  return handle;
};
const portOf = (uri: string): number => Number(new URL(uri).port);

/** Modes of every entry under `root` whose group or other bits are set, as "path mode". */
function looseEntries(root: string): string[] {
  const loose: string[] = [];
  const visit = (entry: string): void => {
    const stat = fs.lstatSync(entry);
    if ((stat.mode & 0o077) !== 0)
      loose.push(`${path.relative(root, entry) || "."} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
  };
  visit(root);
  return loose;
}

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-supervised-neo4j-"));
  // A home left by an older version: world-readable folders and files.
  fs.mkdirSync(path.join(home, "logs"), { recursive: true });
  fs.mkdirSync(path.join(home, "data"), { recursive: true });
  fs.writeFileSync(path.join(home, "logs", "old.log"), "from before\n");
  for (const dir of [home, path.join(home, "logs"), path.join(home, "data")]) fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(home, "logs", "old.log"), 0o644);
});

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.stop()));
  await stopManagedNeo4j(home).catch(() => undefined);
  fs.rmSync(home, { recursive: true, force: true });
}, JVM_MS);

describe("a managed Neo4j under supervision", () => {
  let owner: ManagedNeo4j;
  let attached: ManagedNeo4j;
  let driver: Driver;

  beforeAll(async () => {
    owner = await start();
    attached = await start();
    driver = createDriver(owner.uri, auth.basic(owner.user, owner.password));
  }, JVM_MS);

  afterAll(async () => {
    await driver?.close();
  });

  it("makes its home private: folders 0700 and files 0600, including those that existed before", () => {
    expect(looseEntries(home)).toEqual([]);
    const mode = (relative: string): string => (fs.statSync(path.join(home, relative)).mode & 0o777).toString(8);
    expect(
      ["", "data", "logs", "conf", "data/dbms", "data/dbms/auth.ini", "logs/debug.log", "logs/old.log"].map(mode),
    ).toEqual(["700", "700", "700", "700", "700", "600", "600", "600"]);
  });

  it("keeps its Bolt port in state.json; a second start in the same home attaches", () => {
    expect(readServerState(home).boltPort).toBe(portOf(owner.uri));
    expect({ owned: attached.owned, uri: attached.uri, pid: attached.pid }).toEqual({
      owned: false,
      uri: owner.uri,
      pid: owner.pid,
    });
  });

  it(
    "comes back by itself on the same port after a SIGKILL, with its data, and the same driver reconnects",
    async () => {
      await driver.executeQuery(
        "UNWIND range(1, 100) AS n CREATE (:SupervisionProbe {n: n})",
        {},
        {
          database: "neo4j",
        },
      );
      const killed = owner.pid;
      process.kill(killed, "SIGKILL");

      await waitFor("the owner notices the exit", () => (owner.state === "restarting" ? true : undefined), {
        timeoutMs: 30_000,
      });
      await waitFor(
        "both handles see the server running again under a new pid",
        () =>
          owner.state === "running" &&
          attached.state === "running" &&
          owner.pid !== killed &&
          attached.pid === owner.pid
            ? true
            : undefined,
        { timeoutMs: JVM_MS },
      );

      expect(owner.uri).toBe(attached.uri);
      expect(readServerState(home).boltPort).toBe(portOf(owner.uri));
      const count = await waitFor(
        "the driver answers again",
        async () =>
          (
            await driver.executeQuery("MATCH (p:SupervisionProbe) RETURN count(p) AS c", {}, { database: "neo4j" })
          ).records[0]?.get("c") as { toNumber(): number } | undefined,
        { timeoutMs: 60_000 },
      );
      expect(count.toNumber()).toBe(100);
      // Each step is logged: the exit with its signal, the attempt after backoff, ready again.
      expect(logged).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^error: Neo4j \\(pid ${killed}\\) exited unexpectedly: killed by SIGKILL`)),
          "warn: Neo4j restart attempt 1 in 1 s.",
          expect.stringMatching(
            /^info: Neo4j is ready again on bolt:\/\/127\.0\.0\.1:\d+ \(pid \d+\) after restart attempt 1/,
          ),
        ]),
      );
      // What the restarted JVM wrote is private too (it runs with umask 077).
      expect(looseEntries(home)).toEqual([]);
    },
    JVM_MS,
  );

  it(
    "stays down after a deliberate stop (npm run db -- stop), and no handle restarts it",
    async () => {
      const stopped = owner.pid;
      await stopManagedNeo4j(home, log);
      await waitFor(
        "both supervisors stand down",
        () => (owner.state === "stopped" && attached.state === "stopped" ? true : undefined),
        { timeoutMs: 30_000 },
      );
      expect(logged).toContainEqual(expect.stringContaining(`Neo4j (pid ${stopped}) was stopped on request`));
      const status = await readManagedNeo4jStatus(home);
      expect(status).toMatchObject({ state: "stopped", uri: owner.uri });
    },
    JVM_MS,
  );
});

describe("the next start of the same home", () => {
  it(
    "listens on the stored port again",
    async () => {
      const { boltPort } = readServerState(home);
      const server = await start();
      expect(portOf(server.uri)).toBe(boltPort);
      await server.stop();
      expect(server.state).toBe("stopped");
    },
    JVM_MS,
  );

  it(
    "says clearly when another program took the stored port, and moves to a free one",
    async () => {
      const stored = readServerState(home).boltPort as number;
      const squatter = net.createServer();
      await new Promise<void>((resolve) => squatter.listen(stored, "127.0.0.1", resolve));
      try {
        logged.length = 0;
        const server = await start();
        expect(portOf(server.uri)).not.toBe(stored);
        expect(logged).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^warn: Port ${stored}, where this Neo4j listened before .* listens on port ${portOf(server.uri)}`,
            ),
          ),
        );
        expect(readServerState(home).boltPort).toBe(portOf(server.uri));
        await server.stop();
      } finally {
        await new Promise((resolve) => squatter.close(resolve));
      }
    },
    JVM_MS,
  );
});
