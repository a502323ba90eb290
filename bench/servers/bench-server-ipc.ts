/**
 * The small protocol between the runner and the bench servers it forks (over Node's IPC channel, so
 * the servers' HTTP surface stays exactly what is measured): a server says when it listens, and
 * reports its counters when asked.
 */
export type ServerMessage =
  { readonly type: "ready"; readonly port: number } | { readonly type: "stats"; readonly cypherStatements: number };

export type RunnerMessage = { readonly type: "stats" };

export function isServerMessage(value: unknown): value is ServerMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === "ready" || type === "stats";
}

/** Tells the runner the server listens on `port`, and answers its `stats` requests from then on. */
export function announceReady(port: number, cypherStatements: () => number): void {
  process.on("message", (message: RunnerMessage) => {
    if (message.type === "stats") send({ type: "stats", cypherStatements: cypherStatements() });
  });
  // The runner going away must take this server with it.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", port });
}

function send(message: ServerMessage): void {
  if (!process.send) throw new Error("Bench servers are started by the bench runner (with an IPC channel).");
  process.send(message);
}

/** Reads a required environment variable of a bench server. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new Error(`${name} is not set; bench servers are started by bench/run-bench.ts, which sets it.`);
  }
  return value;
}
