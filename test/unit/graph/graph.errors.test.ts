import { Neo4jError } from "neo4j-driver";

import { GraphError, isUnavailableError, translateNeo4jError } from "../../../graph/graph.errors";

const neo4jError = (code: string, message = "failed", cause?: Error): Neo4jError =>
  new Neo4jError(message, code, "50N42", "error", { OPERATION: "", OPERATION_CODE: "0", CURRENT_SCHEMA: "/" }, cause);

describe("translateNeo4jError (issue 9)", () => {
  describe("a server that is gone or restarting", () => {
    it.each([
      ["the driver's ServiceUnavailable", neo4jError("ServiceUnavailable", "Failed to connect to server.")],
      ["a SessionExpired", neo4jError("SessionExpired", "Connection was closed by server")],
      ["a database that is starting or stopping", neo4jError("Neo.TransientError.General.DatabaseUnavailable")],
      [
        "a refused connection",
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:7687"), { code: "ECONNREFUSED" }),
      ],
      [
        "a reset socket behind a driver error",
        neo4jError("N/A", "write failed", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })),
      ],
      ["a pool that cannot hand out connections", neo4jError("N/A", "Connection acquisition timed out in 30000 ms.")],
      ["a closed pool", neo4jError("N/A", "Pool is closed, it is no more able to serve requests.")],
    ])("maps %s to UNAVAILABLE", (_name, error) => {
      const translated = translateNeo4jError(error, "accountsPage");
      expect(translated).toBeInstanceOf(GraphError);
      expect(translated.code).toBe("UNAVAILABLE");
      expect(translated.message).toContain("try again in a few seconds");
      expect(translated.cause).toBe(error);
    });
  });

  it.each([
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  ])("maps %s to TIMEOUT, naming the query", (code) => {
    const translated = translateNeo4jError(neo4jError(code), "accountsPage");
    expect(translated.code).toBe("TIMEOUT");
    expect(translated.message).toContain('"accountsPage"');
  });

  it("maps a constraint violation to CONFLICT", () => {
    expect(translateNeo4jError(neo4jError("Neo.ClientError.Schema.ConstraintValidationFailed"), "q").code).toBe(
      "CONFLICT",
    );
  });

  it("keeps anything else INTERNAL", () => {
    expect(translateNeo4jError(neo4jError("Neo.ClientError.Statement.SyntaxError"), "q").code).toBe("INTERNAL");
    expect(translateNeo4jError(new TypeError("bug"), "q").code).toBe("INTERNAL");
    expect(isUnavailableError("not an error")).toBe(false);
  });

  it("passes a GraphError through unchanged", () => {
    const error = new GraphError("TIMEOUT", "slow");
    expect(translateNeo4jError(error, "q")).toBe(error);
  });
});
