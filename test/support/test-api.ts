import "reflect-metadata";
import { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { randomBytes } from "node:crypto";
import pino from "pino";
import { signToken } from "../../app/auth/token";
import { bootstrap, RelataRuntime } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { Clock } from "../../domain/time/clock";
import { Role } from "../../resolvers/context";

export const TEST_JWT_SECRET = "relata-test-secret-0123456789abcdef0123456789";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; reason?: string } }>;
    extensions?: Record<string, unknown>;
  };
}

export interface TestApi {
  url: string;
  runtime: RelataRuntime;
  token(tenant: string, role?: Role): string;
  /** POSTs an operation over real HTTP. */
  post<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** POSTs one of the canonical typed operations from schema/operations over real HTTP. */
  run<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

/**
 * The audit signing key of every test server (issue 11): fixed, like the JWT secret, so that servers of
 * different test files, which share one Neo4j and each sign every tenant's head, agree on the key, and no
 * test server writes a key into the real RELATA_HOME. Test-only; never use it anywhere else.
 */
export const TEST_AUDIT_SIGNING_KEY =
  "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIIRpiTEMhVmC2OFSlWQM23nvJ26Gr35gtpiG7gouJJsj\n-----END PRIVATE KEY-----\n";

/** A tenant name unique to this test file and run, so test files never see each other's data. */
export function uniqueTenant(prefix: string): string {
  return `t-${prefix}-${randomBytes(4).toString("hex")}`.toLowerCase();
}

/**
 * Starts the real server (real bootstrap, migrations, HTTP on a free port) against the test run's Neo4j.
 * `env` overrides settings for this server only; `clock` pins "now" for scoring windows and provenance, so
 * tests with time-stamped data give the same answers on any day.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestApi> {
  // Webhook dispatch and the playbook runner off unless a test asks for it: the test files' servers share one Neo4j, and a dispatcher
  // without the test's allow-list would take and fail another file's deliveries.
  const fullEnv = {
    ...process.env,
    RELATA_JWT_SECRET: TEST_JWT_SECRET,
    RELATA_DEMO: "0",
    PORT: "0",
    RELATA_WEBHOOK_DISPATCH: "0",
    // Off like webhook dispatch: a runner scans every tenant with active playbooks in the shared Neo4j.
    RELATA_AUTOMATION: "0",
    // Off too: the MPU tracker follows the pending uses of every tenant; MPU tests start theirs.
    RELATA_MPU_TRACKER: "0",
    // One audit signing key per test process, so no test server writes one into the real RELATA_HOME.
    RELATA_AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
    ...env,
  };
  const config = loadConfig(fullEnv);
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const runtime = await bootstrap(config, log, fullEnv, options);
  const url = await runtime.server.listen(0, "127.0.0.1");
  const api: TestApi = {
    url,
    runtime,
    token: (tenant, role = "admin") => signToken({ tenant, role }, TEST_JWT_SECRET),
    async post(query, variables = {}, options = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text) as GraphQLResponse["body"] } as never;
    },
    run(document, variables, options) {
      return api.post(print(document), variables as Record<string, unknown>, options);
    },
    stop: () => runtime.stop(),
  };
  return api;
}
