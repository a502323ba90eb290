/**
 * Issue 9, items 4 and 10, over real HTTP: the API runs on its own DEDICATED managed Neo4j in a temporary
 * home (never the shared test server), which the tests kill, stop and start again. Starting or recovering
 * the JVM takes 10-60 s on a busy machine: generous timeouts, and states are polled for, not slept on.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { startManagedNeo4j, type ManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { AccountInput, AccountsPageDocument, UpsertAccountsDocument } from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { dataOf, onlyErrorOf } from "./support/responses";

const JVM_MS = 300_000;
const MEMORY = { RELATA_NEO4J_HEAP: "512m", RELATA_NEO4J_PAGECACHE: "64m" };
const CHUNK_SIZE = 50;

let home: string;
let api: TestApi;
let managed: ManagedNeo4j;
/** The server started again by the ingest test, stopped in afterAll. */
let restarted: ManagedNeo4j | undefined;

const accounts = (prefix: string, count: number): AccountInput[] =>
  Array.from({ length: count }, (_, i) => ({
    sourceSystem: "crm",
    externalId: `${prefix}-${i}`,
    name: `${prefix} ${i}`,
  }));

async function probe(pathname: "/healthz" | "/readyz"): Promise<number> {
  return (await fetch(api.url.replace("/graphql", pathname))).status;
}

async function totalCount(token: string): Promise<number> {
  return dataOf(await api.run(AccountsPageDocument, { first: 1 }, { token })).accounts.totalCount;
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-outage-neo4j-"));
  api = await startTestApi({
    NEO4J_URI: "",
    RELATA_NEO4J_HOME: home,
    ...MEMORY,
    RELATA_WRITE_CHUNK_SIZE: String(CHUNK_SIZE),
  });
  const server = api.runtime.connection.managed;
  if (!server) throw new Error("Expected the API to run its own managed Neo4j.");
  managed = server;
}, JVM_MS);

afterAll(async () => {
  await api?.stop();
  await restarted?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
}, JVM_MS);

describe("a kill -9 of the managed Neo4j (issue 9)", () => {
  const tenant = uniqueTenant("outage");

  it(
    "answers HTTP 503 SERVICE_UNAVAILABLE while it is down, keeps /healthz 200, and recovers by itself with no data lost",
    async () => {
      const writer = api.token(tenant, "integrator");
      const reader = api.token(tenant, "viewer");
      const written = accounts("K", 30);
      expect(
        dataOf(await api.run(UpsertAccountsDocument, { input: written }, { token: writer })).upsertAccounts,
      ).toMatchObject({ created: 30, rejected: 0 });
      expect(await probe("/readyz")).toBe(200);
      const { uri } = managed;
      const killed = managed.pid;

      process.kill(killed, "SIGKILL");

      const down = await waitFor(
        "a query answers 503",
        async () => {
          const response = await api.run(AccountsPageDocument, { first: 50 }, { token: reader });
          return response.status === 503 ? response : undefined;
        },
        { timeoutMs: 60_000 },
      );
      const error = onlyErrorOf(down, 503);
      expect(error.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.message).toContain("unavailable");
      expect(await probe("/healthz")).toBe(200);
      expect(await probe("/readyz")).toBe(503);
      expect(managed.state).toBe("restarting");

      // The handle flips to "running" a moment after the new JVM first answers, so wait for both.
      await waitFor(
        "/readyz answers 200 again and the handle reports the new server running",
        async () => ((await probe("/readyz")) === 200 && managed.state === "running" ? true : undefined),
        { timeoutMs: JVM_MS, intervalMs: 500 },
      );
      expect({ state: managed.state, uri: managed.uri, newPid: managed.pid !== killed }).toEqual({
        state: "running",
        uri,
        newPid: true,
      });
      expect(await probe("/healthz")).toBe(200);
      const page = dataOf(await api.run(AccountsPageDocument, { first: 50 }, { token: reader })).accounts;
      expect(page.totalCount).toBe(30);
      expect(page.edges.map((edge) => edge.node.name).sort()).toEqual(written.map((a) => a.name).sort());
    },
    JVM_MS,
  );
});

describe("an ingest call cut off by an outage (issue 9, item 10)", () => {
  const tenant = uniqueTenant("cutoff");
  const batch = accounts("C", 4_000);

  it(
    "reports per chunk what was committed, says a retry is safe, and a rerun converges with no duplicates",
    async () => {
      const writer = api.token(tenant, "integrator");
      const admin = api.token(tenant, "admin");
      const call = api.run(UpsertAccountsDocument, { input: batch }, { token: writer });

      // Stop the server deliberately once the first chunks are in: no supervisor brings it back, so the
      // rest of the call meets an outage that lasts.
      await waitFor("the first chunk is committed", async () => ((await totalCount(admin)) > 0 ? true : undefined), {
        timeoutMs: 120_000,
        intervalMs: 100,
      });
      await managed.stop();
      expect(managed.state).toBe("stopped");

      const response = await call;
      const error = onlyErrorOf(response, 503);
      expect(error.extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", reason: "INGEST_INTERRUPTED" });
      expect(error.message).toContain("Retrying the whole call is safe");
      const report = (error.extensions as { ingest: IngestReport }).ingest;
      expect(report).toMatchObject({ records: batch.length, invalid: 0, retrySafe: true });
      expect(report.committed).toBeGreaterThanOrEqual(CHUNK_SIZE);
      expect(report.notCommitted).toBeGreaterThan(0);
      expect(report.committed + report.notCommitted).toBe(batch.length);
      // Chunks commit in order: committed ones, the one in flight, then those never sent.
      const statuses = report.chunks.map((chunk) => chunk.status).join(" ");
      expect(statuses).toMatch(/^(COMMITTED )+INTERRUPTED( NOT_STARTED)*$/);
      expect(report.chunks[0]).toEqual({
        chunk: 0,
        status: "COMMITTED",
        records: CHUNK_SIZE,
        indexes: [{ from: 0, to: CHUNK_SIZE - 1 }],
      });
      expect(await probe("/readyz")).toBe(503);

      // `npm start` again: same home, so the same port, and the API's driver reconnects by itself.
      restarted = await startManagedNeo4j({ home, heap: MEMORY.RELATA_NEO4J_HEAP, pageCache: "64m", log: () => {} });
      expect(restarted.uri).toBe(managed.uri);
      await waitFor("/readyz answers 200 again", async () => ((await probe("/readyz")) === 200 ? true : undefined), {
        timeoutMs: 60_000,
      });

      const stored = await totalCount(admin);
      const inFlight = report.chunks.find((chunk) => chunk.status === "INTERRUPTED")?.records ?? 0;
      expect(stored).toBeGreaterThanOrEqual(report.committed);
      expect(stored).toBeLessThanOrEqual(report.committed + inFlight);

      const rerun = dataOf(await api.run(UpsertAccountsDocument, { input: batch }, { token: writer })).upsertAccounts;
      expect(rerun).toMatchObject({ created: batch.length - stored, unchanged: stored, updated: 0, rejected: 0 });
      expect(await totalCount(admin)).toBe(batch.length);
    },
    JVM_MS,
  );
});

interface IngestReport {
  records: number;
  committed: number;
  notCommitted: number;
  invalid: number;
  retrySafe: boolean;
  chunks: Array<{ chunk: number; status: string; records: number; indexes: Array<{ from: number; to: number }> }>;
}
