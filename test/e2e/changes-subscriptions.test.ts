import { ChangeOutbox } from "../../graph/events/change-outbox";
import { RecordChange } from "../../domain/events/change-event";
import { nodeId } from "../../domain/ids/node-id";
import {
  AccountHealthChangedDocument,
  ChangesLiveDocument,
  ChangesLiveSubscription,
  UpsertAccountsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { dataOf } from "./support/responses";
import WebSocket from "ws";
import { connection, subscribe, LiveSubscription, wsUrl } from "./support/subscription-client";

// Issue 10: GraphQL subscriptions over WebSocket (graphql-ws) with the API's token and tenant scoping:
// replay from a cursor, then live events; a reconnect with the last cursor misses nothing.

const tenant = uniqueTenant("subs");
const otherTenant = uniqueTenant("subs-other");
const WAIT = { timeoutMs: 30_000, intervalMs: 50 };

let api: TestApi;
let writer: string;
let viewer: string;

beforeAll(async () => {
  api = await startTestApi({ RELATA_CHANGE_POLL_MS: "50", RELATA_WS_MAX_SUBSCRIPTIONS: "3" });
  writer = api.token(tenant, "integrator");
  viewer = api.token(tenant, "viewer");
}, 180_000);

afterAll(async () => {
  await api?.stop();
}, 60_000);

let serial = 0;
async function createAccounts(count: number, token = writer): Promise<void> {
  const input = Array.from({ length: count }, () => {
    serial += 1;
    return { sourceSystem: "crm", externalId: `W-${serial}`, name: `Live ${serial}` };
  });
  dataOf(await api.run(UpsertAccountsDocument, { input }, { token }));
}

/** Closes a subscription and waits until this process's poller has forgotten every one of the tenant's. */
async function stop(...subscriptions: Array<LiveSubscription<unknown>>): Promise<void> {
  for (const live of subscriptions) await live.close();
  await waitFor(
    "the poller forgot the subscribers",
    () => (api.runtime.server.subscriptions.poller.subscribers(tenant) === 0 ? true : undefined),
    WAIT,
  );
}

function sequences(live: LiveSubscription<ChangesLiveSubscription>): number[] {
  return live.items.map((item) => item.changes.sequence);
}

async function until<T>(live: LiveSubscription<T>, count: number): Promise<void> {
  await waitFor(
    `${count} items arrived`,
    () => {
      if (live.errors.length > 0) throw new Error(JSON.stringify(live.errors));
      return live.items.length >= count ? true : undefined;
    },
    WAIT,
  );
}

describe("the changes subscription", () => {
  it("replays after a cursor, then delivers live events; a reconnect with the last cursor gets exactly the rest", async () => {
    await createAccounts(3); // events 1-4: three accounts and their source system
    const first = subscribe(api, viewer, ChangesLiveDocument, { after: "0" });
    await until(first, 4);
    expect(sequences(first)).toEqual([1, 2, 3, 4]);
    await createAccounts(2); // live: 5, 6
    await until(first, 6);
    expect(sequences(first)).toEqual([1, 2, 3, 4, 5, 6]);
    const last = first.items.at(-1)!.changes.cursor;
    await stop(first);

    await createAccounts(2); // written while disconnected: 7, 8
    const again = subscribe(api, viewer, ChangesLiveDocument, { after: last });
    await until(again, 2);
    await createAccounts(1); // live again: 9
    await until(again, 3);
    expect(sequences(again)).toEqual([7, 8, 9]);
    expect(again.items.map((item) => item.changes.type)).toEqual([
      "ACCOUNT_CREATED",
      "ACCOUNT_CREATED",
      "ACCOUNT_CREATED",
    ]);
    expect(again.items[0]!.changes.recordId).toBe(nodeId("Account", tenant, "crm", "W-6"));
    await stop(again);
  });

  it("starts at the newest event without a cursor, and filters by type", async () => {
    const live = subscribe(api, viewer, ChangesLiveDocument, { types: ["ACCOUNT_UPDATED"] });
    await waitFor(
      "the subscriber is live",
      () => (api.runtime.server.subscriptions.poller.subscribers(tenant) === 1 ? true : undefined),
      WAIT,
    );
    await createAccounts(1);
    dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: "crm", externalId: "W-1", name: "Live 1 AG" }] },
        { token: writer },
      ),
    );
    await until(live, 1);
    expect(live.items.map((item) => item.changes.type)).toEqual(["ACCOUNT_UPDATED"]);
    expect(live.items[0]!.changes.changes).toEqual([
      { field: "name", old: "Live 1", new: "Live 1 AG", personal: false, erased: false },
    ]);
    await stop(live);
  });

  it("never shows one tenant's events to another tenant's subscriber", async () => {
    const other = subscribe(api, api.token(otherTenant, "admin"), ChangesLiveDocument, { after: "0" });
    await waitFor(
      "the other tenant's subscriber is live",
      () => (api.runtime.server.subscriptions.poller.subscribers(otherTenant) === 1 ? true : undefined),
      WAIT,
    );
    await createAccounts(2);
    // The other tenant's own write, after ours: once it arrives, ours would have too.
    dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: "erp", externalId: "X-1", name: "Other" }] },
        { token: api.token(otherTenant, "integrator") },
      ),
    );
    await until(other, 2);
    expect(other.items.map((item) => item.changes.recordId)).toEqual([
      nodeId("Account", otherTenant, "erp", "X-1"),
      "erp",
    ]);
    expect(other.items.every((item) => item.changes.sequence <= 2)).toBe(true);
    await other.close();
  });
});

describe("the changes subscription across API processes", () => {
  it("delivers events written through another API process, in order", async () => {
    const second = await startTestApi({ RELATA_CHANGE_POLL_MS: "50" });
    try {
      const live = subscribe(second, viewer, ChangesLiveDocument, {});
      await waitFor(
        "the subscriber is live on the second process",
        () => (second.runtime.server.subscriptions.poller.subscribers(tenant) === 1 ? true : undefined),
        WAIT,
      );
      await createAccounts(2); // through the first process
      await until(live, 2);
      const [a, b] = sequences(live);
      expect(b).toBe(a! + 1);
      expect(live.items.map((item) => item.changes.type)).toEqual(["ACCOUNT_CREATED", "ACCOUNT_CREATED"]);
      await live.close();
    } finally {
      await second.stop();
    }
  }, 120_000);

  it("answers a subscription sent over HTTP with where to send it", async () => {
    const response = await api.run(ChangesLiveDocument, {}, { token: viewer });
    expect(response.body.errors?.[0]?.extensions?.reason).toBe("WEBSOCKET_REQUIRED");
    expect(response.body.errors?.[0]?.message).toContain("WebSocket");
  });
});

describe("accountHealthChanged", () => {
  const accountId = nodeId("Account", tenant, "crm", "W-1");
  const otherId = nodeId("Account", tenant, "crm", "W-2");

  function health(
    type: "HEALTH_SCORE_CHANGED" | "HEALTH_GRADE_CHANGED",
    recordId: string,
    score: [number, number],
    grade?: [string, string],
  ): RecordChange {
    const changes = [{ field: "score", old: score[0], new: score[1] }];
    if (grade) changes.push({ field: "grade", old: grade[0], new: grade[1] } as never);
    return { type, recordId, externalId: null, sourceSystem: null, changes };
  }

  async function append(changes: RecordChange[]): Promise<void> {
    const outbox = new ChangeOutbox(tenant, "job:health-recompute");
    await api.runtime.database
      .executor(10_000)
      .writeSteps("test.healthEvents", (run) => outbox.append(run, new Date().toISOString(), changes));
  }

  it("reports grade changes and score moves of at least the threshold, not every recompute", async () => {
    const live = subscribe(api, viewer, AccountHealthChangedDocument, { accountId, scoreThreshold: 5 });
    await waitFor(
      "the subscriber is live",
      () => (api.runtime.server.subscriptions.poller.subscribers(tenant) === 1 ? true : undefined),
      WAIT,
    );
    await append([
      health("HEALTH_SCORE_CHANGED", accountId, [70, 72]),
      health("HEALTH_SCORE_CHANGED", otherId, [10, 90]),
      health("HEALTH_SCORE_CHANGED", accountId, [72, 76]), // 6 from the baseline of 70: reported
      health("HEALTH_SCORE_CHANGED", accountId, [76, 78]),
      health("HEALTH_GRADE_CHANGED", accountId, [78, 68], ["GREEN", "YELLOW"]),
    ]);
    await until(live, 2);
    const reports = live.items.map((item) => item.accountHealthChanged);
    expect(
      reports.map(({ reason, oldScore, newScore, scoreDelta, oldGrade, newGrade, accountId: id }) => ({
        reason,
        oldScore,
        newScore,
        scoreDelta,
        oldGrade,
        newGrade,
        id,
      })),
    ).toEqual([
      {
        reason: "SCORE_MOVED",
        oldScore: 72,
        newScore: 76,
        scoreDelta: 6,
        oldGrade: null,
        newGrade: null,
        id: accountId,
      },
      {
        reason: "GRADE_CHANGED",
        oldScore: 78,
        newScore: 68,
        scoreDelta: -8,
        oldGrade: "GREEN",
        newGrade: "YELLOW",
        id: accountId,
      },
    ]);
    expect(reports[1]!.sequence).toBeGreaterThan(reports[0]!.sequence);
    expect(reports[1]!.eventId).toMatch(/^evt_/);
    await stop(live);
  });

  it("refuses a malformed id, another tenant's account and a threshold out of range", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ accountId: "acc_nope" }, "INVALID_ID"],
      [{ accountId: nodeId("Account", otherTenant, "erp", "X-1") }, "ACCOUNT_NOT_FOUND"],
      [{ accountId, scoreThreshold: 0 }, "INVALID_ARGUMENT"],
    ];
    for (const [variables, reason] of cases) {
      const live = subscribe(api, viewer, AccountHealthChangedDocument, variables as never);
      await waitFor(`${reason} arrives`, () => (live.errors.length > 0 ? true : undefined), WAIT);
      expect(live.errors[0]!.extensions?.reason).toBe(reason);
      expect(live.errors[0]!.message.length).toBeGreaterThan(20);
      expect(JSON.stringify(live.errors)).not.toContain("    at ");
      await live.close();
    }
  });
});

describe("the WebSocket connection", () => {
  /** Opens a raw graphql-ws handshake with this Origin: the HTTP status and body of a refusal, or "open". */
  function handshake(origin: string): Promise<{ status: number; body: string } | "open"> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(wsUrl(api), "graphql-transport-ws", { headers: { origin } });
      socket.on("open", () => {
        socket.close();
        resolve("open");
      });
      socket.on("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      socket.on("error", (error) => reject(error));
    });
  }

  it("refuses a browser on another site (Origin) with 403 and what to configure; the API's own origin connects", async () => {
    const refused = await handshake("https://evil.example");
    expect(refused).toMatchObject({ status: 403 });
    expect((refused as { body: string }).body).toContain("RELATA_CORS_ORIGINS");
    expect(await handshake(new URL(api.url).origin)).toBe("open");
  });

  it("refuses a bad token, or none, with 4401 and the reason", async () => {
    for (const token of ["not-a-token", null]) {
      const live = subscribe(api, token, ChangesLiveDocument, {});
      await waitFor("the connection is closed", () => live.closed ?? undefined, WAIT);
      expect(live.closed!.code).toBe(4401);
      expect(live.closed!.reason).toMatch(/^(Not authenticated|No token)/);
      expect(Buffer.byteLength(live.closed!.reason)).toBeLessThanOrEqual(123);
      expect(live.items).toEqual([]);
      await live.close();
    }
  });

  it("serves only subscriptions, and at most RELATA_WS_MAX_SUBSCRIPTIONS on one connection", async () => {
    const client = connection(api, viewer);
    const asQuery = await new Promise<unknown>((resolve) =>
      client.subscribe(
        { query: "{ viewer { tenant } }" },
        { next: resolve, error: resolve, complete: () => undefined },
      ),
    );
    expect(JSON.stringify(asQuery)).toContain("NOT_A_SUBSCRIPTION");
    const open = [1, 2, 3].map(() => subscribe(api, viewer, ChangesLiveDocument, {}, client));
    await waitFor(
      "three subscribers are live",
      () => (api.runtime.server.subscriptions.poller.subscribers(tenant) === 3 ? true : undefined),
      WAIT,
    );
    const fourth = subscribe(api, viewer, ChangesLiveDocument, {}, client);
    await waitFor("the fourth is refused", () => (fourth.errors.length > 0 ? true : undefined), WAIT);
    expect(fourth.errors[0]!.extensions?.reason).toBe("TOO_MANY_SUBSCRIPTIONS");
    await stop(...open, fourth);
    await client.dispose();
  });

  it("closes subscribers with 1001 at shutdown, saying to resume with the last cursor", async () => {
    const quiet = uniqueTenant("subs-shutdown");
    const live = subscribe(api, api.token(quiet, "viewer"), ChangesLiveDocument, {});
    await waitFor(
      "the subscriber is live",
      () => (api.runtime.server.subscriptions.poller.subscribers(quiet) === 1 ? true : undefined),
      WAIT,
    );
    await api.stop();
    await waitFor("the connection is closed", () => live.closed ?? undefined, WAIT);
    expect(live.closed!.code).toBe(1001);
    expect(live.closed!.reason).toContain("last cursor");
  });
});
