import { CypherQuery, QueryStats } from "../../graph/executor";
import { GraphError } from "../../graph/graph.errors";
import { GraphDatabase } from "../../graph/graph-database";
import { RequestDeadline } from "../../graph/request-deadline";

/**
 * The executor keeps one request's statements within the request's deadline (issue 9, item 3): each
 * statement gets min(statement timeout, time left), and none is sent once the time is up.
 */
let database: GraphDatabase;

/** Counts to two hundred million: far longer than the deadlines below on any machine. */
const SLOW: CypherQuery = {
  name: "test:slow",
  text: "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n",
};
const QUICK: CypherQuery = { name: "test:quick", text: "RETURN 1 AS one" };

beforeAll(async () => {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
  database = await GraphDatabase.open({
    uri,
    user: process.env.NEO4J_USER ?? "neo4j",
    password: process.env.NEO4J_PASSWORD ?? "",
    database: "neo4j",
  });
});

afterAll(async () => {
  await database?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected the statement to fail");
}

describe("a request's deadline in the executor", () => {
  it("runs statements while there is time left, and counts each one the process sends", async () => {
    const stats = new QueryStats();
    const executor = database.executor(30_000).forRequest("test", stats, new RequestDeadline(60_000));
    const before = database.statementsRun;
    expect(await executor.read(QUICK, {})).toEqual([{ one: 1 }]);
    expect(database.statementsRun - before).toBe(1);
    expect(stats.queries).toBe(1);
  });

  it("sends nothing once the deadline has passed, and says TIMEOUT with the request's allowance", async () => {
    const executor = database.executor(30_000).forRequest("test", new QueryStats(), new RequestDeadline(0));
    const before = database.statementsRun;
    const read = await errorOf(executor.read(QUICK, {}));
    const write = await errorOf(executor.writeAll("test:batch", [{ query: QUICK, params: {} }]));
    for (const error of [read, write]) {
      expect(error.code).toBe("TIMEOUT");
      expect(error.message).toMatch(/^The request used up its 0 ms for database work before "test:/);
    }
    expect(database.statementsRun).toBe(before);
  });

  it("cuts a statement short at the request's deadline, not at the longer statement timeout", async () => {
    // The statement limit alone would let it run for a minute; the deadline leaves it half a second.
    const executor = database.executor(60_000).forRequest("test", new QueryStats(), new RequestDeadline(500));
    const error = await errorOf(executor.read(SLOW, {}));
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toMatch(/used up its 500 ms for database work before "test:slow" could finish/);
  }, 60_000);

  it("leaves executors without a deadline (migrations, the demo loader) to the statement timeout", async () => {
    const executor = database.executor(500).forRequest("test", new QueryStats());
    const error = await errorOf(executor.read(SLOW, {}));
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toMatch(/^The query "test:slow" took longer than the configured timeout/);
  }, 60_000);
});
