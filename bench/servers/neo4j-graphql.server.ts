/**
 * Variant 3: the Neo4j GraphQL Library 7 on Apollo Server 5 (standalone), over the same Neo4j and data.
 * Forked by the runner; see bench-server-ipc.ts.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

import { announceReady, requiredEnv } from "./bench-server-ipc";
import { CypherCounter, countingDriver } from "./counting-driver";
import { NEO4J_GRAPHQL_TYPE_DEFS } from "./neo4j-graphql.type-defs";

async function main(): Promise<void> {
  const database = requiredEnv("NEO4J_DATABASE");
  const counter = new CypherCounter();
  const driver = countingDriver(
    neo4j.driver(requiredEnv("NEO4J_URI"), neo4j.auth.basic(requiredEnv("NEO4J_USER"), requiredEnv("NEO4J_PASSWORD"))),
    counter,
  );
  await driver.verifyConnectivity({ database });
  const neoSchema = new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver });
  // Fails unless the APOC functions the library relies on are installed: proof the setup is the real one.
  await neoSchema.checkNeo4jCompat({ sessionConfig: { database } });
  const server = new ApolloServer({ schema: await neoSchema.getSchema() });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: "127.0.0.1" },
    context: () => Promise.resolve({ sessionConfig: { database } }),
  });
  const shutdown = () => {
    void server
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  announceReady(Number(new URL(url).port), () => counter.statements);
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-graphql server failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
