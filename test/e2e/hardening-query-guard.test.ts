import { RequestDeadline } from "../../graph/request-deadline";
import { AccountsPageDocument, UpsertAccountsDocument, UpsertContactsDocument } from "../../schema/generated/graphql";
import { GraphQLResponse, startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf } from "./support/responses";
import { waitFor } from "../support/wait-for";

/**
 * No statements but the requests': the revocation list rereads every few seconds by default, the audit
 * checkpoint job looks for unsigned heads on its own schedule, and a token's user roles (the role cap) are
 * reread once their cache entry expires, which on a busy machine fell inside a counted window.
 */
const QUIET = {
  RELATA_REVOCATION_REFRESH_SECONDS: "86400",
  RELATA_AUDIT_CHECKPOINT_SECONDS: "0",
  RELATA_USER_ROLES_TTL_SECONDS: "86400",
  // Usage counts are written at shutdown only: a timed flush would be a statement in a counted window.
  RELATA_USAGE_FLUSH_SECONDS: "0",
};

/**
 * Issue 9, items 1-3: no single request can hurt the service. Every attack here is refused before any
 * Cypher runs (the process-wide statement count does not move for it) while another tenant's cheap query,
 * sent at the same moment, is answered.
 */
const attacker = uniqueTenant("guard-attacker");
const victim = uniqueTenant("guard-victim");
let api: TestApi;
let attackerToken: string;
let victimToken: string;

const debug = { "x-relata-debug": "1" };
const SEARCH = "query Search($filter: AccountFilter) { accounts(filter: $filter) { totalCount } }";
const CHEAP = "query Cheap { accounts(first: 3) { totalCount edges { node { name } } } }";

interface RelataStats {
  cypherQueries: number;
  queries: Array<{ rows: number }>;
}

interface CostReport {
  estimated: number;
  budget: number;
  cypherQueries: number;
  databaseRows: number;
}

const statementsRun = (): number => api.runtime.database.statementsRun;

/**
 * Sends `attack` and the victim's cheap query at the same moment. Returns the attack's answer after
 * asserting that the cheap query was answered and that every statement the process ran meanwhile was the
 * cheap query's: the attack ran none.
 */
async function alongsideCheapQuery(attack: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const before = await quietStatementCount();
  const [refused, cheap] = await Promise.all([
    attack(),
    api.post<{ accounts: { totalCount: number } }>(CHEAP, {}, { token: victimToken, headers: debug }),
  ]);
  expect(dataOf(cheap).accounts.totalCount).toBe(3);
  const cheapStatements = (cheap.body.extensions?.relata as RelataStats).cypherQueries;
  expect(cheapStatements).toBeGreaterThan(0);
  expect(statementsRun() - before).toBe(cheapStatements);
  return refused;
}

/**
 * The process's statement count once nothing has run for half a second: the count must move only for the
 * requests under test, not for the tail of start-up or an earlier test's work on a busy machine.
 */
async function quietStatementCount(): Promise<number> {
  let last = statementsRun();
  let since = Date.now();
  return waitFor(
    "the process runs no background statements for 500 ms",
    () => {
      const now = statementsRun();
      if (now !== last) {
        last = now;
        since = Date.now();
        return undefined;
      }
      return Date.now() - since >= 500 ? now : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  );
}

/** Fragments F0..F(levels - 1) on Viewer, each spreading the next twice: 2^levels paths for a naive walker. */
function viewerDiamond(levels: number): string {
  let query = "query Diamond { viewer { ...F0 } }";
  for (let i = 0; i < levels; i += 1) query += `\nfragment F${i} on Viewer { tenant ...F${i + 1} ...F${i + 1} }`;
  return `${query}\nfragment F${levels} on Viewer { tenant role }`;
}

/** The same diamond through the graph: each level goes contacts → account and spreads the next twice. */
function accountDiamond(levels: number): string {
  let query = "query DeepDiamond { accounts(first: 1) { edges { node { ...F0 } } } }";
  for (let i = 0; i < levels; i += 1) {
    query += `\nfragment F${i} on Account { name contacts(first: 1) { edges { node { account { ...F${i + 1} ...F${i + 1} } } } } }`;
  }
  return `${query}\nfragment F${levels} on Account { id }`;
}

/** Four aliases of accounts(500) → contacts(500) → account → signals(500): 815,516 rows on main before. */
const FAN_OUT = `query FanOut { ${[1, 2, 3, 4]
  .map(
    (i) =>
      `a${i}: accounts(first: 500) { edges { node { contacts(first: 500) { edges { node { account { ` +
      `signals(first: 500) { edges { node { id field numberValue } } } } } } } } } }`,
  )
  .join(" ")} }`;

beforeAll(async () => {
  // The process-wide statement count must move only for requests: no background revocation rereads.
  api = await startTestApi(QUIET);
  attackerToken = api.token(attacker, "admin");
  victimToken = api.token(victim, "admin");
  const accounts = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      sourceSystem: "crm",
      externalId: `${prefix}-${i}`,
      name: `${prefix} ${i}`,
    }));
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts("V", 3) }, { token: victimToken }));
  dataOf(await api.run(UpsertAccountsDocument, { input: accounts("A", 2) }, { token: attackerToken }));
  const contacts = [0, 1].map((i) => ({
    sourceSystem: "crm",
    externalId: `AC-${i}`,
    account: { externalId: `A-${i}` },
    name: `Contact ${i}`,
  }));
  dataOf(await api.run(UpsertContactsDocument, { input: contacts }, { token: attackerToken }));
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe("input size (item 1)", () => {
  it("refuses a 10 MB search before any Cypher, naming the argument, its length and the limit", async () => {
    const search = "x".repeat(10 * 1024 * 1024);
    const response = await alongsideCheapQuery(() =>
      api.post(SEARCH, { filter: { search } }, { token: attackerToken }),
    );
    const error = onlyErrorOf(response, 400);
    expect(error.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "INPUT_TOO_LONG",
      argument: "Query.accounts(filter.search)",
      length: 10_485_760,
      limit: 200,
    });
    expect(error.message).toBe(
      "Query.accounts(filter.search) is 10,485,760 characters long; at most 200 are allowed for a search text. " +
        "Search with a few words.",
    );
    expect(response.body.data).toBeUndefined();
  });

  it("refuses the same search written into the document instead of a variable", async () => {
    const inline = `{ accounts(filter: { search: "${"y".repeat(1024 * 1024)}" }) { totalCount } }`;
    const error = onlyErrorOf(await alongsideCheapQuery(() => api.post(inline, {}, { token: attackerToken })), 400);
    expect(error.extensions?.reason).toBe("INPUT_TOO_LONG");
  });

  it("answers a search of exactly the limit", async () => {
    const response = await api.post<{ accounts: { totalCount: number } }>(
      SEARCH,
      { filter: { search: "a".repeat(200) } },
      { token: attackerToken },
    );
    expect(dataOf(response).accounts.totalCount).toBe(0);
  });

  it("refuses a bulk call with one over-long external id whole, storing none of its records", async () => {
    const input = [
      { sourceSystem: "crm", externalId: "LONG-0", name: "Fine" },
      { sourceSystem: "crm", externalId: "x".repeat(1000), name: "Too long an id" },
    ];
    const response = await alongsideCheapQuery(() =>
      api.run(UpsertAccountsDocument, { input }, { token: attackerToken }),
    );
    const error = onlyErrorOf(response, 400);
    expect(error.extensions).toMatchObject({
      reason: "INPUT_TOO_LONG",
      argument: "Mutation.upsertAccounts(input[1].externalId)",
      limit: 256,
    });
    const accounts = dataOf(await api.run(AccountsPageDocument, { first: 10 }, { token: attackerToken })).accounts;
    expect(accounts.edges.map((e) => e.node.externalId).sort()).toEqual(["A-0", "A-1"]);
  });

  describe("the request body", () => {
    let small: TestApi;

    beforeAll(async () => {
      // 10 records of 1,024 bytes plus the 1 MiB envelope: 1,058,816 bytes.
      small = await startTestApi({ ...QUIET, RELATA_MAX_BATCH_SIZE: "10", RELATA_BODY_BYTES_PER_RECORD: "1024" });
    }, 120_000);

    afterAll(async () => {
      await small?.stop();
    });

    it("answers a body over the limit derived from the batch size with HTTP 413, before any Cypher", async () => {
      const before = small.runtime.database.statementsRun;
      const response = await fetch(small.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${small.token(attacker)}` },
        body: JSON.stringify({ query: SEARCH, variables: { filter: { search: "z".repeat(2 * 1024 * 1024) } } }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: unknown }> };
      expect(body.errors[0]?.extensions).toEqual({
        code: "BAD_USER_INPUT",
        reason: "BODY_TOO_LARGE",
        limit: 10 * 1024 + 1024 * 1024,
      });
      expect(body.errors[0]?.message).toMatch(/^The request body is larger than 1,058,816 bytes\. Send at most 10 /);
      expect(small.runtime.database.statementsRun).toBe(before);
    });

    it("still takes the largest bulk call it allows", async () => {
      const input = Array.from({ length: 10 }, (_, i) => ({
        sourceSystem: "crm",
        externalId: `BIG-${i}`,
        name: `${"n".repeat(400)} ${i}`,
        industry: "i".repeat(150),
        segment: "s".repeat(150),
        region: "r".repeat(150),
      }));
      const result = dataOf(await small.run(UpsertAccountsDocument, { input }, { token: small.token(attacker) }));
      expect(result.upsertAccounts).toMatchObject({ created: 10, rejected: 0 });
    });
  });
});

describe("query shape (item 2)", () => {
  it("refuses the depth-21 fragment diamond before any Cypher", async () => {
    const response = await alongsideCheapQuery(() => api.post(viewerDiamond(21), {}, { token: attackerToken }));
    const error = onlyErrorOf(response, 400);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "FIELD_REPEATED" });
    expect(error.message).toMatch(/^The operation "Diamond" selects "tenant" 4,194,303 times in one selection set/);
  });

  it("refuses a diamond through the graph for its depth", async () => {
    const response = await alongsideCheapQuery(() => api.post(accountDiamond(21), {}, { token: attackerToken }));
    const error = onlyErrorOf(response, 400);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "QUERY_TOO_DEEP" });
    expect(error.message).toMatch(/^The operation "DeepDiamond" is nested 88 levels deep; at most 12 are allowed/);
  });

  it("refuses 1,000 aliases of the account list (they ran 2,000 statements on main) before any Cypher", async () => {
    const aliases = (n: number) =>
      `query Aliases { ${Array.from({ length: n }, (_, i) => `a${i}: accounts { totalCount }`).join(" ")} }`;
    // A thousand aliased lists do not even fit in the token limit...
    const thousand = onlyErrorOf(
      await alongsideCheapQuery(() => api.post(aliases(1000), {}, { token: attackerToken })),
      400,
    );
    expect(thousand.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_TOKENS" });
    // ...and the alias limit stops far fewer.
    const error = onlyErrorOf(
      await alongsideCheapQuery(() => api.post(aliases(31), {}, { token: attackerToken })),
      400,
    );
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_ALIASES" });
    expect(error.message).toMatch(/^The operation "Aliases" has 31 aliased fields .*; at most 30 are allowed/);
  });

  it("refuses a field selected over and over", async () => {
    const query = `{ viewer { ${"tenant ".repeat(21)} } }`;
    const error = onlyErrorOf(await alongsideCheapQuery(() => api.post(query, {}, { token: attackerToken })), 400);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "FIELD_REPEATED" });
  });

  it("refuses an operation with more directives than allowed", async () => {
    const query = `{ viewer { ${"... @include(if: true) { ".repeat(51)}tenant${" }".repeat(51)} } }`;
    const error = onlyErrorOf(await alongsideCheapQuery(() => api.post(query, {}, { token: attackerToken })), 400);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_DIRECTIVES" });
  });

  it("stops parsing a document of more than 5,000 tokens", async () => {
    const query = `{ viewer { ${"__typename ".repeat(6000)} } }`;
    const error = onlyErrorOf(await alongsideCheapQuery(() => api.post(query, {}, { token: attackerToken })), 400);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", reason: "TOO_MANY_TOKENS" });
    expect(error.message).toMatch(/^The document has more than 5,000 tokens/);
  });

  it("answers the standard introspection query of GraphQL tools", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const response = await api.post<{ __schema: { types: unknown[] } }>(
      getIntrospectionQuery(),
      {},
      {
        token: attackerToken,
      },
    );
    expect(dataOf(response).__schema.types.length).toBeGreaterThan(50);
  });
});

describe("cost budget (item 3)", () => {
  it("refuses the 4-alias fan-out with its estimate, the budget and what to do, before any Cypher", async () => {
    const response = await alongsideCheapQuery(() => api.post(FAN_OUT, {}, { token: attackerToken }));
    const error = onlyErrorOf(response, 400);
    const cost = (error.extensions as { cost: { estimated: number; budget: number } }).cost;
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "QUERY_TOO_COSTLY" });
    expect(cost.budget).toBe(50_000);
    expect(cost.estimated).toBeGreaterThan(1_000_000_000);
    expect(error.message).toMatch(
      /^The operation "FanOut" would cost about 1,00\d,\d{3},\d{3}, over the budget of 50,000/,
    );
    expect(error.message).toMatch(/The largest part is a1 \(/);
    expect(error.message).toMatch(/Ask for smaller pages \(first\), fewer nested lists or fewer aliases/);
  });

  it("refuses a page of fresh scores with their explanations, an expensive field multiplied by the page", async () => {
    const query = `{ accounts(first: 500) { edges { node { health(fresh: true) { score explanation { id signals { signalId } } } } } } }`;
    const error = onlyErrorOf(await alongsideCheapQuery(() => api.post(query, {}, { token: attackerToken })), 400);
    expect(error.extensions?.reason).toBe("QUERY_TOO_COSTLY");
  });

  it("reports the estimate and the actual cost of an answered request in extensions.cost", async () => {
    const response = await api.post<{ accounts: { edges: unknown[] } }>(
      "{ accounts(first: 2) { edges { node { id name } } } }",
      {},
      { token: attackerToken, headers: debug },
    );
    expect(dataOf(response).accounts.edges).toHaveLength(2);
    const relata = response.body.extensions?.relata as RelataStats;
    expect(response.body.extensions?.cost).toEqual({
      estimated: 1 + 2 * 2,
      budget: 50_000,
      cypherQueries: relata.cypherQueries,
      databaseRows: relata.queries.reduce((n, q) => n + q.rows, 0),
    } satisfies CostReport);
    expect(relata.cypherQueries).toBeGreaterThan(0);
  });

  it("reports the cost to every role, not only to admins asking for debug statistics", async () => {
    const response = await api.post("{ viewer { tenant } }", {}, { token: api.token(victim, "viewer") });
    expect(response.body.extensions?.cost).toEqual({ estimated: 1, budget: 50_000, cypherQueries: 0, databaseRows: 0 });
  });
});

describe("the request deadline (item 3)", () => {
  const principal = { tenant: attacker, role: "admin" as const, subject: "test" };

  it("gives an HTTP request's context the query allowance", async () => {
    const context = await api.runtime.server.contexts.create({ authorization: `Bearer ${attackerToken}` });
    expect(context.deadline.limitMs).toBe(30_000);
  });

  it("raises the allowance for a mutation and leaves a query's alone", async () => {
    const mutation = api.runtime.server.contexts.forPrincipal(principal, { deadline: new RequestDeadline(30_000) });
    const written = await api.runtime.server.apollo.executeOperation(
      { query: "mutation { upsertSourceSystems(input: []) { created } }" },
      { contextValue: mutation },
    );
    expect(written.body.kind).toBe("single");
    expect(mutation.deadline.limitMs).toBe(600_000);

    const query = api.runtime.server.contexts.forPrincipal(principal, { deadline: new RequestDeadline(30_000) });
    await api.runtime.server.apollo.executeOperation({ query: "{ viewer { tenant } }" }, { contextValue: query });
    expect(query.deadline.limitMs).toBe(30_000);
  });

  it("answers TIMEOUT, without running a statement, once the request's deadline has passed", async () => {
    const context = api.runtime.server.contexts.forPrincipal(principal, { deadline: new RequestDeadline(0) });
    const before = statementsRun();
    const response = await api.runtime.server.apollo.executeOperation(
      { query: "{ accounts(first: 1) { totalCount } }" },
      { contextValue: context },
    );
    expect(response.body.kind).toBe("single");
    const result = response.body.kind === "single" ? response.body.singleResult : null;
    expect(result?.errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    expect(result?.errors?.[0]?.message).toMatch(/used up its 0 ms for database work/);
    expect(statementsRun()).toBe(before);
  });
});
