/**
 * Issue 9, items 7, 9, 11 and 12 over real HTTP against the real Neo4j: error answers without stack traces,
 * graceful shutdown, CORS, and per-tenant fairness (rate limits and the heavy-operation cap).
 *
 * Requests that must stay in flight are held by a real lock: the test's own transaction writes the account
 * the request's signals point at, so the request's write waits inside Neo4j until the test rolls back. No
 * step waits on the wall clock.
 */
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { auth, driver as createDriver, Driver, Session, Transaction } from "neo4j-driver";
import pino from "pino";
import { signToken } from "../../app/auth/token";
import { loadConfig } from "../../app/config";
import { RelataServer } from "../../app/server";
import { GraphDatabase } from "../../graph/graph-database";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";

const APP_ORIGIN = "https://app.example.com";
const SIGNALS = 3_000;
const LOCKED_ACCOUNT = "LOCK-1";

let neo4j: Driver;
const database = process.env.NEO4J_DATABASE || "neo4j";

beforeAll(() => {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  neo4j = createDriver(uri, auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
});

afterAll(async () => {
  await neo4j?.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    extensions?: { relata?: { cypherQueries: number } };
  };
}

/** A raw HTTP call; the body is parsed when it is JSON. */
async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Answer["body"] = {};
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    // not JSON (e.g. an empty 204)
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** POSTs an operation with a token (and optional operation name and headers). */
function graphql(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  options: { operationName?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json", ...(options.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  return call(url, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables, operationName: options.operationName }),
  });
}

function onlyError(answer: Answer): { message: string; extensions?: Record<string, unknown> } {
  expect(answer.body.errors).toHaveLength(1);
  return answer.body.errors?.[0] as { message: string; extensions?: Record<string, unknown> };
}

function expectSuccess(answer: Answer): Record<string, unknown> {
  expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
  return answer.body.data as Record<string, unknown>;
}

const UPSERT_ACCOUNTS = `mutation ($input: [AccountInput!]!) { upsertAccounts(input: $input) { created updated unchanged rejected } }`;
const VIEWER = "{ viewer { tenant } }";
const COUNT_ACCOUNTS = "{ accounts(first: 1) { totalCount } }";

/** `count` signals of the locked account, in one bulk call named `operationName` (it shows in SHOW TRANSACTIONS). */
function ingestSignals(url: string, token: string, operationName: string, count = SIGNALS): Promise<Answer> {
  const input = Array.from({ length: count }, (_, i) => ({
    sourceSystem: "crm",
    recordId: `${operationName}-${i}`,
    field: "usage.logins",
    numberValue: i,
    observedAt: "2026-03-01T09:30:00Z",
    subject: { kind: "ACCOUNT", externalId: LOCKED_ACCOUNT },
  }));
  return graphql(
    url,
    token,
    `mutation ${operationName}($input: [SignalInput!]!) { ingestSignals(input: $input) { created updated unchanged rejected } }`,
    { input },
    { operationName },
  );
}

/** Writes the tenant's locked account in an open transaction; its row lock holds every write linking to it. */
async function lockAccount(tenant: string): Promise<{ release(): Promise<void> }> {
  const session: Session = neo4j.session({ database });
  const tx: Transaction = session.beginTransaction();
  const result = await tx.run(
    "MATCH (a:Account {tenant: $tenant, externalId: $externalId}) SET a.heldByTest = true RETURN count(a) AS n",
    { tenant, externalId: LOCKED_ACCOUNT },
  );
  expect((result.records[0]?.get("n") as { toNumber(): number }).toNumber()).toBe(1);
  return {
    async release() {
      // Rolled back: the lock was the point, not the property.
      await tx.rollback();
      await session.close();
    },
  };
}

/** Resolves once `check` holds, polling; the test's timeout bounds it. */
async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** Resolves once a transaction of the named GraphQL operation waits for a lock inside Neo4j. */
function blockedInNeo4j(operationName: string): Promise<void> {
  return eventually(async () => {
    const result = await neo4j.executeQuery(
      "SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.operation = $operationName AND status STARTS WITH 'Blocked' RETURN count(*) AS n",
      { operationName },
      { database },
    );
    return (result.records[0]?.get("n") as { toNumber(): number }).toNumber() > 0;
  });
}

async function countNodes(tenant: string, label: "Account" | "Signal", externalId?: string): Promise<number> {
  const key = label === "Signal" ? "recordId" : "externalId";
  const result = await neo4j.executeQuery(
    `MATCH (n:${label} {tenant: $tenant}) WHERE $value IS NULL OR n.${key} = $value RETURN count(n) AS n`,
    { tenant, value: externalId ?? null },
    { database, routing: "READ" },
  );
  return (result.records[0]?.get("n") as { toNumber(): number }).toNumber();
}

/** A tenant with the account the lock is taken on. */
async function tenantWithLockableAccount(api: TestApi, prefix: string): Promise<string> {
  const tenant = uniqueTenant(prefix);
  const input = [{ sourceSystem: "crm", externalId: LOCKED_ACCOUNT, name: "Locked Ltd" }];
  expectSuccess(await graphql(api.url, api.token(tenant, "integrator"), UPSERT_ACCOUNTS, { input }));
  return tenant;
}

/** Every place a stack trace or a server path could leak to a client. */
function expectNoServerInternals(answer: Answer): void {
  expect(answer.text).not.toContain("stacktrace");
  expect(answer.text).not.toContain(process.cwd());
  expect(answer.text).not.toMatch(/\bat \S+ \(/); // a stack frame
  expect(answer.text).not.toMatch(/\.ts:\d+/);
}

describe("issue 9, item 7: error answers carry no stack traces", () => {
  let api: TestApi;
  let signalListenersAdded = 0;
  let token: string;
  const tenant = uniqueTenant("edge-errors");

  beforeAll(async () => {
    // `npm start` leaves NODE_ENV unset, where Apollo's defaults add stack traces and signal handlers.
    const nodeEnv = process.env.NODE_ENV;
    const before = process.listenerCount("SIGTERM");
    process.env.NODE_ENV = "development";
    try {
      api = await startTestApi({ RELATA_CORS_ORIGINS: APP_ORIGIN });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    signalListenersAdded = process.listenerCount("SIGTERM") - before;
    token = api.token(tenant, "admin");
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
  });

  describe("every kind of failed request", () => {
    const cases: Array<[string, () => Promise<Answer>, number, string]> = [
      ["a parse error", () => graphql(api.url, token, "{ accounts {"), 400, "GRAPHQL_PARSE_FAILED"],
      ["a validation error", () => graphql(api.url, token, "{ noSuchField }"), 400, "GRAPHQL_VALIDATION_FAILED"],
      [
        "a variable coercion error",
        () => graphql(api.url, token, "query ($n: Int!) { accounts(first: $n) { totalCount } }", { n: "many" }),
        400,
        "BAD_USER_INPUT",
      ],
      ["a request without a token (context error)", () => graphql(api.url, null, VIEWER), 401, "UNAUTHENTICATED"],
      ["a bad token (context error)", () => graphql(api.url, "not-a-jwt", VIEWER), 401, "UNAUTHENTICATED"],
      [
        "a mutation over GET",
        () =>
          call(`${api.url}?query=${encodeURIComponent("mutation { recomputeHealth { processed } }")}`, {
            headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1" },
          }),
        405,
        "BAD_REQUEST",
      ],
      [
        "a request blocked by CSRF prevention",
        () => call(`${api.url}?query=${encodeURIComponent(VIEWER)}`, { headers: { authorization: `Bearer ${token}` } }),
        400,
        "BAD_REQUEST",
      ],
      [
        "a batched request",
        () =>
          call(api.url, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: JSON.stringify([{ query: VIEWER }, { query: VIEWER }]),
          }),
        400,
        "BAD_REQUEST",
      ],
      [
        "a body that is not JSON",
        () => call(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" }),
        400,
        "BAD_REQUEST",
      ],
    ];

    it.each(cases)("answers %s with its code and no stack trace", async (_name, send, status, code) => {
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(onlyError(answer).extensions?.code).toBe(code);
      expectNoServerInternals(answer);
    });

    it("answers an execution error (HTTP 200) without a stack trace", async () => {
      const answer = await graphql(api.url, token, '{ account(id: "garbage") { id } }');
      expect(answer.status).toBe(200);
      expect(onlyError(answer).extensions).toEqual({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
      expectNoServerInternals(answer);
    });

    it("answers unknown paths without internals", async () => {
      const answer = await call(api.url.replace("/graphql", "/nothing-here"));
      expect(answer.status).toBe(404);
      expectNoServerInternals(answer);
    });
  });

  describe("process hygiene", () => {
    it("registers no signal handler of its own (Apollo's re-raised SIGTERM after a 10 s drain)", () => {
      expect(signalListenersAdded).toBe(0);
    });
  });
});

describe("issue 9, item 7: an unexpected error is masked, and logged with its cause", () => {
  const tenant = uniqueTenant("edge-boom");
  /** A schema whose one field fails the way a bug would, with a server path in its message and stack. */
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        boom: {
          type: GraphQLString,
          resolve: () => {
            throw new TypeError(`Cannot read properties of undefined (reading 'id') in ${process.cwd()}/app/x.ts`);
          },
        },
      },
    }),
  });
  let graphDatabase: GraphDatabase;
  const servers: RelataServer[] = [];

  /** The real RelataServer (HTTP, context factory, formatError) around the failing schema. */
  async function serve(env: Record<string, string>, logLines: string[] = []): Promise<string> {
    const config = loadConfig({ ...process.env, RELATA_JWT_SECRET: TEST_JWT_SECRET, RELATA_DEMO: "0", ...env });
    const log = pino({ level: "error" }, { write: (line: string) => logLines.push(line) });
    const server = new RelataServer({ config, database: graphDatabase, schema, log, clock: () => new Date() });
    servers.push(server);
    return server.listen(0, "127.0.0.1");
  }

  beforeAll(async () => {
    graphDatabase = await GraphDatabase.open({
      uri: process.env.NEO4J_URI as string,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database,
    });
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await graphDatabase?.close();
  });

  it("answers INTERNAL_SERVER_ERROR without the message or stack, and logs both", async () => {
    const logLines: string[] = [];
    const url = await serve({}, logLines);
    const answer = await graphql(url, signToken({ tenant, role: "viewer" }, TEST_JWT_SECRET), "{ boom }");
    expect(answer.status).toBe(200);
    expect(onlyError(answer)).toEqual({
      message: "Internal error; it has been logged. Try again or contact the operator.",
      locations: [{ line: 1, column: 3 }],
      path: ["boom"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expectNoServerInternals(answer);
    const logged = logLines.join("\n");
    expect(logged).toContain("Cannot read properties of undefined");
    expect(logged).toContain("TypeError");
  });

  it("includes stack traces only when RELATA_DEV_ERRORS=1 asks for them", async () => {
    const url = await serve({ RELATA_DEV_ERRORS: "1" });
    const answer = await graphql(url, signToken({ tenant, role: "viewer" }, TEST_JWT_SECRET), "{ noSuchField }");
    expect(answer.status).toBe(400);
    expect(onlyError(answer).extensions?.stacktrace).toEqual(expect.arrayContaining([expect.any(String)]));
  });
});

describe("issue 9, item 11: CORS", () => {
  let api: TestApi;
  let closedApi: TestApi;
  let token: string;
  const tenant = uniqueTenant("edge-cors");

  beforeAll(async () => {
    [api, closedApi] = await Promise.all([startTestApi({ RELATA_CORS_ORIGINS: APP_ORIGIN }), startTestApi()]);
    token = api.token(tenant, "viewer");
  }, 240_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), closedApi?.stop()]);
  });

  function preflight(url: string, origin: string): Promise<Answer> {
    return call(url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
  }

  describe("an allowed origin", () => {
    it("gets a preflight answer with the methods, the API's headers, max-age and Vary: Origin", async () => {
      const answer = await preflight(api.url, APP_ORIGIN);
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
      expect(answer.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
      const allowed = (answer.headers.get("access-control-allow-headers") ?? "").split(", ");
      expect(allowed).toEqual(
        expect.arrayContaining([
          "authorization",
          "content-type",
          "x-relata-debug",
          "x-relata-purpose",
          "apollo-require-preflight",
        ]),
      );
      expect(answer.headers.get("access-control-max-age")).toBe("600");
      expect(answer.headers.get("vary")).toBe("Origin");
      expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
    });

    it("may send x-relata-purpose: a preflight asking for it on /graphql and /v1/changes is allowed (issue 15)", async () => {
      for (const url of [api.url, `${api.url.replace(/\/graphql$/, "")}/v1/changes`]) {
        const answer = await call(url, {
          method: "OPTIONS",
          headers: {
            origin: APP_ORIGIN,
            "access-control-request-method": url === api.url ? "POST" : "GET",
            "access-control-request-headers": "authorization, x-relata-purpose",
          },
        });
        expect({ url, status: answer.status }).toEqual({ url, status: 204 });
        expect(answer.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
        expect((answer.headers.get("access-control-allow-headers") ?? "").split(", ")).toContain("x-relata-purpose");
      }
    });

    it("gets its origin back on the actual request, and can read Retry-After", async () => {
      const answer = await graphql(api.url, token, VIEWER, {}, { headers: { origin: APP_ORIGIN } });
      expect(expectSuccess(answer)).toEqual({ viewer: { tenant } });
      expect(answer.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
      expect(answer.headers.get("access-control-expose-headers")).toBe("retry-after");
      expect(answer.headers.get("vary")).toBe("Origin");
    });

    it("is still subject to CSRF prevention: a simple request without a preflight header is refused", async () => {
      const answer = await call(api.url, {
        method: "POST",
        headers: { origin: APP_ORIGIN, "content-type": "text/plain", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: VIEWER }),
      });
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/Cross-Site Request Forgery/);
      expect(answer.body.data).toBeUndefined();
    });
  });

  describe("other origins", () => {
    it("get a 403 preflight answer without Access-Control headers", async () => {
      const answer = await preflight(api.url, "https://evil.example.com");
      expect(answer.status).toBe(403);
      expect(answer.headers.get("access-control-allow-origin")).toBeNull();
      expect(answer.headers.get("access-control-allow-headers")).toBeNull();
      expect(onlyError(answer).extensions).toEqual({ code: "FORBIDDEN", reason: "CORS_ORIGIN_NOT_ALLOWED" });
    });

    it("get no Access-Control-Allow-Origin on actual requests", async () => {
      const answer = await graphql(api.url, token, VIEWER, {}, { headers: { origin: "https://evil.example.com" } });
      expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("are all refused by default (no RELATA_CORS_ORIGINS)", async () => {
      const answer = await preflight(closedApi.url, APP_ORIGIN);
      expect(answer.status).toBe(403);
      expect([...answer.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    });
  });
});

describe("issue 9, item 12: per-tenant and per-token rate limits", () => {
  let api: TestApi;
  const tenantA = uniqueTenant("edge-rate-a");
  const tenantB = uniqueTenant("edge-rate-b");

  beforeAll(async () => {
    // Tiny buckets that refill one request per 1,000 s: what passes and what not is decided by counts alone.
    api = await startTestApi({
      RELATA_RATE_TENANT_BURST: "3",
      RELATA_RATE_TENANT_PER_SECOND: "0.001",
      RELATA_RATE_TOKEN_BURST: "2",
      RELATA_RATE_TOKEN_PER_SECOND: "0.001",
    });
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
  });

  it("limits each token, then the tenant as a whole, and leaves other tenants alone", async () => {
    const viewerA = api.token(tenantA, "viewer");
    expectSuccess(await graphql(api.url, viewerA, VIEWER));
    expectSuccess(await graphql(api.url, viewerA, VIEWER));

    const tokenLimited = await graphql(api.url, viewerA, VIEWER);
    expect(tokenLimited.status).toBe(429);
    const tokenError = onlyError(tokenLimited);
    expect(tokenError.extensions).toEqual({
      code: "RATE_LIMITED",
      reason: "TOKEN_RATE_LIMIT",
      retryAfterSeconds: Number(tokenLimited.headers.get("retry-after")),
    });
    expect(Number(tokenLimited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(tokenError.message).toMatch(/Too many requests with this token/);
    expect(tokenLimited.body.data).toBeUndefined();

    // The refused request took nothing from the tenant: another token still gets the tenant's third request.
    expectSuccess(await graphql(api.url, api.token(tenantA, "analyst"), VIEWER));

    // Tenant B is not slowed by A's exhausted buckets.
    for (const role of ["viewer", "viewer", "analyst"] as const) {
      expectSuccess(await graphql(api.url, api.token(tenantB, role), VIEWER));
    }

    // A's fourth request, with a fresh token, hits the tenant limit; being a write, it must have stored nothing.
    const input = [{ sourceSystem: "crm", externalId: "RATE-1", name: "Never Stored" }];
    const tenantLimited = await graphql(api.url, api.token(tenantA, "admin"), UPSERT_ACCOUNTS, { input });
    expect(tenantLimited.status).toBe(429);
    expect(onlyError(tenantLimited).extensions).toMatchObject({ code: "RATE_LIMITED", reason: "TENANT_RATE_LIMIT" });
    expect(onlyError(tenantLimited).message).toContain(`tenant "${tenantA}"`);
    expectNoServerInternals(tenantLimited);
    expect(await countNodes(tenantA, "Account", "RATE-1")).toBe(0);
  });

  it("authenticates before it limits: a request without a valid token is a 401, not a 429", async () => {
    const answer = await graphql(api.url, null, VIEWER);
    expect(answer.status).toBe(401);
    expect(onlyError(answer).extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("issue 9, item 12: heavy operations per tenant", () => {
  describe("over the cap, refused at once (RELATA_HEAVY_WAIT_MS=0)", () => {
    let api: TestApi;
    let tenantA: string;
    let tenantB: string;

    beforeAll(async () => {
      api = await startTestApi({ RELATA_HEAVY_CONCURRENCY: "1", RELATA_HEAVY_WAIT_MS: "0" });
      [tenantA, tenantB] = await Promise.all([
        tenantWithLockableAccount(api, "edge-heavy-a"),
        tenantWithLockableAccount(api, "edge-heavy-b"),
      ]);
    }, 240_000);

    afterAll(async () => {
      await api?.stop();
    });

    it("refuses a tenant's second heavy operation with 429 before any Cypher, while reads and other tenants go on", async () => {
      const lock = await lockAccount(tenantA);
      let ingest: Promise<Answer> | undefined;
      try {
        ingest = ingestSignals(api.url, api.token(tenantA, "integrator"), "EdgeCappedIngest", 500);
        await blockedInNeo4j("EdgeCappedIngest");
        expect(api.runtime.server.heavyOperations.active(tenantA)).toBe(1);

        const input = [{ sourceSystem: "crm", externalId: "HEAVY-2", name: "Second Heavy" }];
        const refused = await graphql(
          api.url,
          api.token(tenantA, "admin"),
          UPSERT_ACCOUNTS,
          { input },
          {
            headers: { "x-relata-debug": "1" },
          },
        );
        expect(refused.status).toBe(429);
        expect(refused.headers.get("retry-after")).toBe("5");
        const error = onlyError(refused);
        expect(error.extensions).toEqual({
          code: "RATE_LIMITED",
          reason: "HEAVY_OPERATION_LIMIT",
          retryAfterSeconds: 5,
        });
        expect(error.message).toMatch(/^upsertAccounts refused: tenant "t-edge-heavy-a-\w+" already runs 1 heavy/);
        expect(refused.body.extensions?.relata?.cypherQueries).toBe(0);

        expectSuccess(await graphql(api.url, api.token(tenantA, "viewer"), COUNT_ACCOUNTS));
        const other = expectSuccess(await graphql(api.url, api.token(tenantB, "admin"), UPSERT_ACCOUNTS, { input }));
        expect(other).toEqual({ upsertAccounts: { created: 1, updated: 0, unchanged: 0, rejected: 0 } });
      } finally {
        await lock.release();
      }
      const done = expectSuccess(await (ingest as Promise<Answer>));
      expect(done).toEqual({ ingestSignals: { created: 500, updated: 0, unchanged: 0, rejected: 0 } });
      expect(await countNodes(tenantA, "Account", "HEAVY-2")).toBe(0);
      expect(api.runtime.server.heavyOperations.active(tenantA)).toBe(0);

      // The slot came back with the answer.
      const input = [{ sourceSystem: "crm", externalId: "HEAVY-3", name: "Third Heavy" }];
      expectSuccess(await graphql(api.url, api.token(tenantA, "admin"), UPSERT_ACCOUNTS, { input }));
    }, 240_000);
  });

  describe("over the cap, waiting in line (RELATA_HEAVY_WAIT_MS large)", () => {
    let api: TestApi;
    let tenant: string;

    beforeAll(async () => {
      api = await startTestApi({ RELATA_HEAVY_CONCURRENCY: "1", RELATA_HEAVY_WAIT_MS: "600000" });
      tenant = await tenantWithLockableAccount(api, "edge-queue");
    }, 240_000);

    afterAll(async () => {
      await api?.stop();
    });

    it("runs the waiting operation once the running one has answered", async () => {
      const lock = await lockAccount(tenant);
      let ingest: Promise<Answer> | undefined;
      let second: Promise<Answer> | undefined;
      try {
        ingest = ingestSignals(api.url, api.token(tenant, "integrator"), "EdgeQueuedIngest", 500);
        await blockedInNeo4j("EdgeQueuedIngest");
        const input = [{ sourceSystem: "crm", externalId: "QUEUED-1", name: "Waited" }];
        second = graphql(api.url, api.token(tenant, "admin"), UPSERT_ACCOUNTS, { input });
        await eventually(() => api.runtime.server.heavyOperations.waiting(tenant) === 1);
        expect(await countNodes(tenant, "Account", "QUEUED-1")).toBe(0);
      } finally {
        await lock.release();
      }
      expect(expectSuccess(await (ingest as Promise<Answer>))).toEqual({
        ingestSignals: { created: 500, updated: 0, unchanged: 0, rejected: 0 },
      });
      expect(expectSuccess(await (second as Promise<Answer>))).toEqual({
        upsertAccounts: { created: 1, updated: 0, unchanged: 0, rejected: 0 },
      });
    }, 240_000);
  });
});

describe("issue 9, item 9: graceful shutdown", () => {
  it("lets an in-flight bulk ingest finish, answers /readyz and new requests 503 meanwhile", async () => {
    const api = await startTestApi();
    const tenant = await tenantWithLockableAccount(api, "edge-drain");
    const lock = await lockAccount(tenant);
    let stopping: Promise<void> | undefined;
    let ingest: Promise<Answer> | undefined;
    try {
      ingest = ingestSignals(api.url, api.token(tenant, "integrator"), "EdgeDrainIngest");
      await blockedInNeo4j("EdgeDrainIngest");
      stopping = api.stop();

      const ready = await call(api.url.replace("/graphql", "/readyz"));
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: "not ready", reason: "shutting down" });

      const refused = await graphql(api.url, api.token(tenant, "viewer"), COUNT_ACCOUNTS);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("connection")).toBe("close");
      expect(onlyError(refused).extensions).toEqual({ code: "SERVICE_UNAVAILABLE", reason: "SHUTTING_DOWN" });

      expect((await call(api.url.replace("/graphql", "/healthz"))).status).toBe(200);
    } finally {
      await lock.release();
    }
    const done = expectSuccess(await (ingest as Promise<Answer>));
    expect(done).toEqual({ ingestSignals: { created: SIGNALS, updated: 0, unchanged: 0, rejected: 0 } });
    await stopping;
    expect(await countNodes(tenant, "Signal")).toBe(SIGNALS);
    await expect(fetch(api.url.replace("/graphql", "/healthz"))).rejects.toThrow();
  }, 240_000);

  it("answers a request still running when the grace period ends with a clear 503", async () => {
    const api = await startTestApi({ RELATA_SHUTDOWN_GRACE_MS: "100" });
    const tenant = await tenantWithLockableAccount(api, "edge-cutoff");
    const lock = await lockAccount(tenant);
    let stopping: Promise<void> | undefined;
    try {
      const ingest = ingestSignals(api.url, api.token(tenant, "integrator"), "EdgeCutOffIngest");
      await blockedInNeo4j("EdgeCutOffIngest");
      stopping = api.stop();
      const cutOff = await ingest;
      expect(cutOff.status).toBe(503);
      const error = onlyError(cutOff);
      expect(error.extensions).toEqual({ code: "SERVICE_UNAVAILABLE", reason: "SHUTDOWN_BEFORE_COMPLETION" });
      expect(error.message).toMatch(/sending the same request again is safe/);
    } finally {
      await lock.release();
    }
    await stopping;
  }, 240_000);
});
