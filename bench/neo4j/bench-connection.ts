import * as path from "node:path";

/** How every process of a run reaches the benchmark's Neo4j. */
export interface BenchConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** Signs the bench's tokens and cursors; fixed, so tokens made by the runner work in every Relata process. */
export const BENCH_JWT_SECRET = "relata-bench-secret-0123456789abcdef0123456789abcdef";

/**
 * The environment a Relata process of the benchmark runs with: the bench Neo4j as an external server, no
 * demo data, quiet logs and its state (jwt secret file, caches) inside the run's folder.
 */
export function relataEnv(
  connection: BenchConnection,
  runDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
    RELATA_HOME: path.join(runDir, "relata-home"),
    RELATA_JWT_SECRET: BENCH_JWT_SECRET,
    RELATA_DEMO: "0",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    // The load runner sends thousands of requests a second with one token: it measures the API, not its limits.
    RELATA_RATE_LIMITS: "0",
    // A loaded machine may need longer statement allowances while seeding (statements, not requests, are timed).
    ...(process.env.RELATA_QUERY_TIMEOUT_MS ? { RELATA_QUERY_TIMEOUT_MS: process.env.RELATA_QUERY_TIMEOUT_MS } : {}),
    ...extra,
  };
}
