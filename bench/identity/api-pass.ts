/**
 * Identity resolution end to end through the API into Neo4j (issue 14): the real server runs in this
 * process (bootstrap, HTTP on a free port) against its own throw-away managed Neo4j (RELATA_NEO4J_HOME in a
 * temp folder, the distribution from ~/.relata's cache) or NEO4J_URI, as `bench:automation` does. N
 * generated person identities (the benchmark's seeded generator, Febrl-style corruption, spread over three
 * channels) are upserted with GraphQL `upsertIdentities` in batches, then `resolveIdentities(PERSON, FULL)`
 * runs and `identityRun` is polled until it finishes. Seconds and identities per second of both.
 *
 *   npm run bench:identity -- --only api                    5,000 identities, batches of 1,000
 *   npm run bench:identity -- --only api --api-records 20000 --api-batch 2000
 */
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { signToken } from "../../app/auth/token";
import { bootstrap } from "../../app/bootstrap";
import { loadConfig } from "../../app/config";
import { IdentityInput } from "../../domain/identity/identity";
import { normaliseIdentity } from "../../domain/identity/normalise-identity";
import { columnRoles, rowToIdentity } from "../../domain/identity/table-identities";
import { generatePeople, PEOPLE_COLUMNS } from "./generate-people";

const SECRET = "relata-bench-secret-0123456789abcdef0123456789abcdef";
const TENANT = "bench-identity";
const CHANNELS = ["webshop", "tmall", "call-center"];

export interface ApiPassResult {
  records: number;
  batch: number;
  upsertSeconds: number;
  upsertPerSecond: number;
  rejected: number;
  runSeconds: number;
  runPerSecond: number;
  clusters: number;
  links: number;
  reviewPairs: number;
  status: string;
}

interface RunFields {
  id: string;
  status: string;
  total: number;
  checkpoint: number | null;
  clusters: number | null;
  links: number | null;
  reviewPairs: number | null;
  error: string | null;
}

const RUN_FIELDS = "id status total checkpoint clusters links reviewPairs error";

/** The generated people as `upsertIdentities` input (the same rows the matcher benchmark reads). */
export function generatedIdentities(records: number, seed: number): Record<string, unknown>[] {
  const columns = [...PEOPLE_COLUMNS];
  const roles = columnRoles(columns);
  return generatePeople({ records, seed }).map((row, k) => {
    const identity = rowToIdentity(
      columns.map((c) => row[c]),
      roles,
      CHANNELS[k % CHANNELS.length],
      k,
    );
    return { ...withoutMalformedValues(identity), observedAt: null };
  });
}

/**
 * The generator corrupts some dates beyond repair; an integrator would leave such a value out after the
 * per-record error (as `identity evaluate` does), so every generated record is upserted.
 */
function withoutMalformedValues(input: IdentityInput): IdentityInput {
  const result = normaliseIdentity(input);
  if (result.ok) return input;
  const attributes: Record<string, unknown> = { ...input.attributes };
  for (const { field } of result.errors) {
    const scalar = /^attributes\.(\w+)$/.exec(field);
    if (scalar) attributes[scalar[1]] = null;
  }
  return { ...input, attributes: attributes as IdentityInput["attributes"] };
}

export async function runApiPass(
  records: number,
  batch: number,
  seed: number,
  log: (message: string) => void,
): Promise<ApiPassResult> {
  const neo4jHome = process.env.NEO4J_URI ? null : mkdtempSync(join(tmpdir(), "relata-bench-identity-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(neo4jHome ? { RELATA_NEO4J_HOME: neo4jHome } : {}),
    RELATA_JWT_SECRET: SECRET,
    RELATA_DEMO: "0",
    PORT: "0",
    LOG_LEVEL: "warn",
    RELATA_RATE_LIMITS: "0",
    RELATA_WEBHOOK_DISPATCH: "0",
    RELATA_AUTOMATION: "0",
  };
  const runtime = await bootstrap(loadConfig(env), pino({ level: "warn" }), env);
  const url = await runtime.server.listen(0, "127.0.0.1");
  const token = signToken({ tenant: TENANT, role: "admin", subject: "bench-identity" }, SECRET);
  const post = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 800)}`);
    return body.data!;
  };
  try {
    const identities = generatedIdentities(records, seed);
    log(`upserting ${records} identities in batches of ${batch} through upsertIdentities`);
    let rejected = 0;
    const upsertStart = performance.now();
    for (let from = 0; from < identities.length; from += batch) {
      const batchStart = performance.now();
      const data = await post<{ upsertIdentities: { created: number; rejected: number } }>(
        `mutation($input: [IdentityInput!]!) { upsertIdentities(input: $input) { created rejected } }`,
        { input: identities.slice(from, from + batch) },
      );
      rejected += data.upsertIdentities.rejected;
      const seconds = ((performance.now() - batchStart) / 1000).toFixed(1);
      log(`  ${Math.min(from + batch, identities.length)} upserted (batch ${seconds} s, ${rejected} rejected so far)`);
    }
    const upsertSeconds = (performance.now() - upsertStart) / 1000;

    log("resolveIdentities(PERSON, FULL)");
    const runStart = performance.now();
    const started = await post<{ resolveIdentities: RunFields }>(
      `mutation { resolveIdentities(entity: PERSON, mode: FULL) { ${RUN_FIELDS} } }`,
    );
    let run = started.resolveIdentities;
    let lastLog = performance.now();
    while (run.status === "RUNNING") {
      await sleep(200);
      run = (
        await post<{ identityRun: RunFields }>(`query($id: ID!) { identityRun(id: $id) { ${RUN_FIELDS} } }`, {
          id: run.id,
        })
      ).identityRun;
      if (performance.now() - lastLog > 10_000) {
        log(`  run ${run.id}: ${run.status}, checkpoint ${run.checkpoint ?? 0} of ${run.total}`);
        lastLog = performance.now();
      }
    }
    const runSeconds = (performance.now() - runStart) / 1000;
    if (run.status !== "SUCCEEDED") throw new Error(`The FULL run ended ${run.status}: ${run.error ?? "no error"}`);
    return {
      records,
      batch,
      upsertSeconds,
      upsertPerSecond: records / upsertSeconds,
      rejected,
      runSeconds,
      runPerSecond: records / runSeconds,
      clusters: run.clusters ?? 0,
      links: run.links ?? 0,
      reviewPairs: run.reviewPairs ?? 0,
      status: run.status,
    };
  } finally {
    await runtime.stop();
    if (neo4jHome) rmSync(neo4jHome, { recursive: true, force: true });
  }
}
