import { isLocalNeo4jError, LocalNeo4jError } from "../../graph/local-server/local-server.errors";
import { parseMemorySize, parseNeo4jPort } from "../../graph/local-server/neo4j-conf";
import { parseJavaVersion } from "../../graph/local-server/neo4j-distribution";

describe("LocalNeo4jError", () => {
  it("carries its code, name and cause", () => {
    const cause = new Error("spawn java ENOENT");
    const error = new LocalNeo4jError("JAVA_MISSING", "Java 17 was not found on PATH.", { cause });
    expect(error).toBeInstanceOf(Error);
    expect(isLocalNeo4jError(error)).toBe(true);
    expect(error).toMatchObject({ code: "JAVA_MISSING", name: "LocalNeo4jError", cause });
  });

  it("is not confused with other errors", () => {
    expect(isLocalNeo4jError(new Error("boom"))).toBe(false);
    expect(isLocalNeo4jError({ code: "JAVA_MISSING" })).toBe(false);
  });
});

describe("parseNeo4jPort", () => {
  it("treats a missing or blank setting as 'pick a free port'", () => {
    expect(parseNeo4jPort(undefined)).toBeUndefined();
    expect(parseNeo4jPort("  ")).toBeUndefined();
  });

  it("accepts a port number", () => {
    expect(parseNeo4jPort("7687")).toBe(7687);
    expect(parseNeo4jPort(" 17687 ")).toBe(17687);
  });

  it.each(["abc", "76.87", "-1", "0", "65536", "7687x"])(
    "rejects %p with INVALID_SETTING naming the variable",
    (value) => {
      expect(thrownBy(() => parseNeo4jPort(value))).toMatchObject({ code: "INVALID_SETTING" });
      expect(() => parseNeo4jPort(value)).toThrow(/RELATA_NEO4J_PORT/);
    },
  );
});

describe("parseMemorySize", () => {
  it("accepts Neo4j sizes and lower-cases them", () => {
    expect(parseMemorySize("1G", "RELATA_NEO4J_HEAP")).toBe("1g");
    expect(parseMemorySize("512m", "RELATA_NEO4J_HEAP")).toBe("512m");
  });

  it.each(["", "1 GB", "1.5g", "0m", "lots"])("rejects %p with INVALID_SETTING", (value) => {
    expect(thrownBy(() => parseMemorySize(value, "RELATA_NEO4J_HEAP"))).toMatchObject({
      code: "INVALID_SETTING",
    });
  });
});

describe("parseJavaVersion", () => {
  it("reads the feature release of modern and legacy version strings", () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaVersion('java version "1.8.0_402"')).toBe(8);
  });

  it("returns undefined for unrecognised output", () => {
    expect(parseJavaVersion("command not found")).toBeUndefined();
  });
});

/** The value `run` throws; fails the test when it returns normally. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to throw, but it returned normally.");
}
