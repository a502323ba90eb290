/**
 * Issue 19, "Neo4j tools": `npm run db -- cypher` against the shared test Neo4j (NEO4J_URI from the global
 * setup), isolated by a tenant and a label of its own.
 */
import { randomUUID } from "node:crypto";

import { auth, driver as createDriver, type Driver } from "neo4j-driver";

import { runDb } from "../support/db-command";

const TENANT = `db-cypher-${randomUUID()}`;
const env = (): NodeJS.ProcessEnv => ({
  NEO4J_URI: process.env.NEO4J_URI,
  NEO4J_USER: process.env.NEO4J_USER,
  NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
});

let driver: Driver;
const probes = async (): Promise<number> => {
  const result = await driver.executeQuery("MATCH (p:DbCypherProbe {tenant: $tenant}) RETURN count(p) AS c", {
    tenant: TENANT,
  });
  return (result.records[0]?.get("c") as { toNumber(): number }).toNumber();
};

beforeAll(async () => {
  driver = createDriver(
    process.env.NEO4J_URI ?? "",
    auth.basic(process.env.NEO4J_USER ?? "", process.env.NEO4J_PASSWORD ?? ""),
  );
  await driver.executeQuery("UNWIND range(1, 3) AS n CREATE (:DbCypherProbe {tenant: $tenant, n: n, name: 'p' + n})", {
    tenant: TENANT,
  });
});

afterAll(async () => {
  await driver.executeQuery("MATCH (p:DbCypherProbe {tenant: $tenant}) DETACH DELETE p", { tenant: TENANT });
  await driver.close();
});

describe("npm run db -- cypher, reading", () => {
  it("passes --tenant as $tenant and --param values, and prints JSON lines with --json", async () => {
    const outcome = await runDb(
      [
        "cypher",
        "MATCH (p:DbCypherProbe {tenant: $tenant}) WHERE p.n >= $from RETURN p.n AS n, p ORDER BY n",
        "--tenant",
        TENANT,
        "--param",
        "from=2",
        "--json",
      ],
      env(),
    );
    expect(outcome).toMatchObject({ code: 0 });
    const lines = outcome.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        n: 2,
        p: expect.objectContaining({ labels: ["DbCypherProbe"], properties: { tenant: TENANT, n: 2, name: "p2" } }),
      },
      {
        n: 3,
        p: expect.objectContaining({ labels: ["DbCypherProbe"], properties: { tenant: TENANT, n: 3, name: "p3" } }),
      },
    ]);
    expect(outcome.stderr).toContain("2 rows; the statement reads only.");
  });

  it("prints a table on a terminal", async () => {
    const outcome = await runDb(
      ["cypher", "MATCH (p:DbCypherProbe {tenant: $tenant}) RETURN p.name AS name ORDER BY name", "--tenant", TENANT],
      env(),
      { tty: true },
    );
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(
      ["+------+", "| name |", "+------+", '| "p1" |', '| "p2" |', '| "p3" |', "+------+", ""].join("\n"),
    );
  });

  it("reads administration statements such as SHOW DATABASES in its read-only session", async () => {
    const outcome = await runDb(["cypher", "SHOW DATABASES YIELD name RETURN name ORDER BY name", "--json"], env());
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('{"name":"neo4j"}');
  });
});

describe("npm run db -- cypher, refusing", () => {
  it("refuses a statement that writes without --write, before any of it runs, and nothing changes", async () => {
    const before = await probes();
    const outcome = await runDb(
      ["cypher", "MATCH (p:DbCypherProbe {tenant: $tenant}) DETACH DELETE p", "--tenant", TENANT],
      env(),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('query type "w"');
    expect(outcome.stderr).toContain("Nothing was run. Add --write to run it.");
    expect(outcome.stdout).toBe("");
    expect(await probes()).toBe(before);
  });

  it("leaves schema changes to the read-only session, which Neo4j refuses", async () => {
    const name = `db_cypher_probe_${randomUUID().slice(0, 8)}`;
    const outcome = await runDb(["cypher", `CREATE INDEX ${name} FOR (p:DbCypherProbe) ON (p.name)`], env());
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("Neo4j refused a write in this read-only session");
    const indexes = await driver.executeQuery("SHOW INDEXES YIELD name WHERE name = $name RETURN name", { name });
    expect(indexes.records).toHaveLength(0);
  });

  it("reports a syntax error at its line and column in the statement as typed, without a stack", async () => {
    const outcome = await runDb(["cypher", "MATCH (p:DbCypherProbe)\nRETRN p"], env());
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^Cypher syntax error: Invalid input 'RETRN'.*\(line 2, column 1 \(offset: 24\)\)/);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
  });

  it("names a missing parameter and how to pass it", async () => {
    const outcome = await runDb(["cypher", "MATCH (p:DbCypherProbe {tenant: $tenant}) RETURN p"], env());
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("Expected parameter(s): tenant");
    expect(outcome.stderr).toContain("--tenant T");
  });

  it("says which login was rejected", async () => {
    const outcome = await runDb(["cypher", "RETURN 1"], { ...env(), NEO4J_PASSWORD: "wrong-password" });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`rejected the login of user "${process.env.NEO4J_USER ?? ""}"`);
  });
});

describe("npm run db -- cypher --write", () => {
  it("runs a write and reports what changed", async () => {
    const outcome = await runDb(
      [
        "cypher",
        "CREATE (p:DbCypherProbe {tenant: $tenant, n: $n}) RETURN p.n AS n",
        "--tenant",
        TENANT,
        "--param",
        "n=4",
        "--write",
        "--json",
      ],
      env(),
    );
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('{"n":4}\n');
    expect(outcome.stderr).toContain("Changes: nodesCreated 1, propertiesSet 2, labelsAdded 1.");
    expect(await probes()).toBe(4);
  });
});
