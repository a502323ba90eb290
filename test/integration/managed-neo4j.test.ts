import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { auth, driver as createDriver, int, type Driver } from "neo4j-driver";

import { LocalNeo4jError } from "../../graph/local-server/local-server.errors";
import { readManagedNeo4jStatus, stopManagedNeo4j } from "../../graph/local-server/managed-neo4j";
import { readTestNeo4jConnectionFile } from "../setup/load-neo4j-env";

describe("the Neo4j provided by the global setup", () => {
  let driver: Driver;

  beforeAll(() => {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error("NEO4J_URI is not set; the integration global setup should have set it.");
    driver = createDriver(uri, auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""));
  });

  afterAll(async () => {
    await driver.close();
  });

  it("answers RETURN 1 through neo4j-driver", async () => {
    const result = await driver.executeQuery("RETURN 1 AS one", {}, { database: "neo4j", routing: "READ" });
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.get("one")).toEqual(int(1));
  });

  const managed = readTestNeo4jConnectionFile();
  (managed ? it : it.skip)("is reported as running in its home, with the credentials it uses", async () => {
    const status = await readManagedNeo4jStatus(managed?.home ?? "");
    expect(status).toMatchObject({
      state: "running",
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER,
      password: process.env.NEO4J_PASSWORD,
    });
  });
});

describe("a home without a server", () => {
  let home: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-empty-neo4j-home-"));
  });

  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("is reported as not running", async () => {
    const status = await readManagedNeo4jStatus(home);
    expect(status).toEqual({ state: "stopped", home, dataDir: path.join(home, "data") });
  });

  it("ignores a server.json whose process is gone and removes it", async () => {
    const record = path.join(home, "server.json");
    fs.writeFileSync(record, JSON.stringify({ pid: 2 ** 22 + 1, uri: "bolt://127.0.0.1:1" }));
    const status = await readManagedNeo4jStatus(home);
    expect(status.state).toBe("stopped");
    expect(fs.existsSync(record)).toBe(false);
  });

  it("refuses to stop with NOT_RUNNING", async () => {
    await expect(stopManagedNeo4j(home)).rejects.toMatchObject({ code: "NOT_RUNNING" });
    await expect(stopManagedNeo4j(home)).rejects.toBeInstanceOf(LocalNeo4jError);
  });
});
