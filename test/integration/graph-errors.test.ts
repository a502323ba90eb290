/**
 * Issue 9, item 4: how the one executor reports a statement that timed out and a server that is not there,
 * against the real Neo4j of the test run and a real closed port.
 */
import { auth, driver as createDriver, type Driver } from "neo4j-driver";

import { CypherExecutor } from "../../graph/executor";
import { GraphError } from "../../graph/graph.errors";
import { findFreePort } from "../../graph/local-server/server-state";

const SLOW_COUNT = {
  name: "slowCount",
  text: "UNWIND range(1, 200000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i) AS c",
};

describe("a statement that runs past its timeout", () => {
  let driver: Driver;

  beforeAll(() => {
    driver = createDriver(
      process.env.NEO4J_URI ?? "",
      auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
    );
  });

  afterAll(async () => {
    await driver.close();
  });

  it("fails with TIMEOUT, naming the query", async () => {
    const executor = new CypherExecutor(driver, { database: "neo4j", timeoutMs: 200 });
    const error = await executor.read(SLOW_COUNT, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: "TIMEOUT", message: expect.stringContaining('"slowCount"') });
  });
});

describe("a server that is not there", () => {
  let driver: Driver;

  beforeAll(async () => {
    // Nothing listens on a port that was free a moment ago: the driver's connections are refused.
    driver = createDriver(`bolt://127.0.0.1:${await findFreePort()}`, auth.basic("neo4j", "unused"), {
      maxTransactionRetryTime: 1_000,
      connectionTimeout: 2_000,
    });
  });

  afterAll(async () => {
    await driver.close();
  });

  it("fails reads and writes with UNAVAILABLE", async () => {
    const executor = new CypherExecutor(driver, { database: "neo4j", timeoutMs: 5_000 });
    const query = { name: "probe", text: "RETURN 1 AS one" };
    await expect(executor.read(query, {})).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(executor.write(query, {})).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(executor.writeAll("probeAll", [{ query, params: {} }])).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
  });
});
