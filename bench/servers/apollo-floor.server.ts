/**
 * Floor: Apollo Server 5 (standalone) answering `{ __typename }` — the cost of HTTP, parsing, validation
 * and execution with nothing behind it. Forked by the runner; see bench-server-ipc.ts.
 */
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

import { announceReady } from "./bench-server-ipc";

async function main(): Promise<void> {
  const server = new ApolloServer({ typeDefs: "type Query { ok: Boolean }", resolvers: { Query: { ok: () => true } } });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  process.once("SIGTERM", () => void server.stop().finally(() => process.exit(0)));
  announceReady(Number(new URL(url).port), () => 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`Apollo floor server failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
