import { parseSwitch, renderNeo4jConf } from "../../graph/local-server/neo4j-conf";

describe("renderNeo4jConf", () => {
  const conf = renderNeo4jConf({ home: "/srv/relata/neo4j", boltPort: 17687, heap: "1G", pageCache: "256m" });
  const settings = settingsOf(conf);

  it("listens for Bolt on loopback only, with HTTP and HTTPS off", () => {
    expect(settings.get("server.default_listen_address")).toBe("127.0.0.1");
    expect(settings.get("server.bolt.listen_address")).toBe("127.0.0.1:17687");
    expect(settings.get("server.http.enabled")).toBe("false");
    expect(settings.get("server.https.enabled")).toBe("false");
  });

  it("sizes memory as asked", () => {
    expect(settings.get("server.memory.heap.initial_size")).toBe("1g");
    expect(settings.get("server.memory.heap.max_size")).toBe("1g");
    expect(settings.get("server.memory.pagecache.size")).toBe("256m");
  });

  it("keeps all state under the home folder and reports no usage data", () => {
    expect(settings.get("server.directories.data")).toBe("/srv/relata/neo4j/data");
    expect(settings.get("server.directories.logs")).toBe("/srv/relata/neo4j/logs");
    expect(settings.get("server.directories.plugins")).toBe("/srv/relata/neo4j/plugins");
    expect(settings.get("dbms.usage_report.enabled")).toBe("false");
  });

  it("bounds how long transaction logs keep old values, so an erasure completes in them (issue 15)", () => {
    expect(settings.get("db.tx_log.rotation.retention_policy")).toBe("24 hours");
    expect(settings.get("db.tx_log.rotation.size")).toBe("64M");
  });

  it("rejects a home path that would break the file", () => {
    const render = (): string => renderNeo4jConf({ home: "/tmp/a\nb", boltPort: 1, heap: "1g", pageCache: "1g" });
    expect(thrownBy(render)).toMatchObject({ code: "INVALID_SETTING" });
  });

  it("rejects an out-of-range port", () => {
    const render = (): string => renderNeo4jConf({ home: "/tmp/x", boltPort: 70000, heap: "1g", pageCache: "1g" });
    expect(thrownBy(render)).toMatchObject({ code: "INVALID_SETTING" });
  });
});

describe("renderNeo4jConf with Neo4j Browser (issue 19)", () => {
  const conf = renderNeo4jConf({ home: "/srv/n", boltPort: 17687, heap: "1g", pageCache: "64m", httpPort: 17474 });
  const settings = settingsOf(conf);

  it("turns the HTTP connector on, on loopback only, with HTTPS still off", () => {
    expect(settings.get("server.http.enabled")).toBe("true");
    expect(settings.get("server.http.listen_address")).toBe("127.0.0.1:17474");
    expect(settings.get("server.https.enabled")).toBe("false");
    expect(conf.match(/^server\.http\.enabled=/gm)).toHaveLength(1);
  });

  it("advertises the real Bolt port, which the browser connects to, and sends no telemetry", () => {
    expect(settings.get("server.bolt.advertised_address")).toBe("127.0.0.1:17687");
    expect(settings.get("client.allow_telemetry")).toBe("false");
  });
});

describe("parseSwitch (issue 19)", () => {
  it("reads 1/true/yes/on as on and blank/0/false/no/off as off", () => {
    expect(["1", "true", "YES", " on "].map((v) => parseSwitch(v, "X"))).toEqual([true, true, true, true]);
    expect([undefined, "", "0", "false", "no", "off"].map((v) => parseSwitch(v, "X"))).toEqual(Array(6).fill(false));
  });

  it("refuses anything else with INVALID_SETTING naming the setting", () => {
    expect(thrownBy(() => parseSwitch("maybe", "RELATA_NEO4J_BROWSER"))).toMatchObject({
      code: "INVALID_SETTING",
      message: expect.stringContaining("RELATA_NEO4J_BROWSER must be 1 (on) or 0 (off)"),
    });
  });
});

/** The settings of a rendered neo4j.conf, by name. */
function settingsOf(conf: string): Map<string, string> {
  return new Map(
    conf
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split("=", 2) as [string, string]),
  );
}

/** The value `run` throws; fails the test when it returns normally. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to throw, but it returned normally.");
}
