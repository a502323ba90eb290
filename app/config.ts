import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Every setting Relata reads, with its environment variable. Documented in the README. */
export interface RelataConfig {
  host: string;
  port: number;
  relataHome: string;
  jwtSecret: string;
  maxPageSize: number;
  defaultPageSize: number;
  maxQueryDepth: number;
  maxBatchSize: number;
  writeChunkSize: number;
  queryTimeoutMs: number;
  /** Off only for benchmarks that measure what batching buys. */
  dataLoaderBatching: boolean;
  /** `referenceDate` null: the day the demo is first loaded (see {@link DemoDataOptions.referenceDate}). */
  demo: { enabled: boolean; tenant: string; accounts: number; seed: number; referenceDate: string | null };
  logLevel: string;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}; it is "${raw}". Fix or unset it.`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be 1/0, true/false, yes/no or on/off; it is "${raw}".`);
}

function isoDay(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new Error(`${name} must be a date written YYYY-MM-DD; it is "${raw}". Fix or unset it.`);
  }
  return raw;
}

/** The folder for Relata's local state (managed Neo4j, dev secret); outside the repository. */
export function relataHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.RELATA_HOME || join(homedir(), ".relata");
}

/**
 * The secret that signs tokens and cursors: RELATA_JWT_SECRET, or for local use a random one kept in
 * RELATA_HOME so that `npm run token` and `npm start` agree.
 */
export function jwtSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RELATA_JWT_SECRET) {
    if (env.RELATA_JWT_SECRET.length < 32) {
      throw new Error(
        "RELATA_JWT_SECRET must be at least 32 characters long; generate one with `openssl rand -hex 32`.",
      );
    }
    return env.RELATA_JWT_SECRET;
  }
  const home = relataHome(env);
  const file = join(home, "jwt-secret");
  // The folder holds this secret and the managed Neo4j's data: the owner's only (fixed if it was looser).
  mkdirSync(home, { recursive: true, mode: 0o700 });
  chmodSync(home, 0o700);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RelataConfig {
  return {
    host: env.HOST || "127.0.0.1",
    port: integer(env, "PORT", 4000, 0),
    relataHome: relataHome(env),
    jwtSecret: jwtSecret(env),
    maxPageSize: integer(env, "RELATA_MAX_PAGE_SIZE", 500, 1),
    defaultPageSize: integer(env, "RELATA_DEFAULT_PAGE_SIZE", 20, 1),
    maxQueryDepth: integer(env, "RELATA_MAX_QUERY_DEPTH", 12, 2),
    maxBatchSize: integer(env, "RELATA_MAX_BATCH_SIZE", 20_000, 1),
    writeChunkSize: integer(env, "RELATA_WRITE_CHUNK_SIZE", 2_000, 1),
    queryTimeoutMs: integer(env, "RELATA_QUERY_TIMEOUT_MS", 30_000, 100),
    dataLoaderBatching: flag(env, "RELATA_DATALOADER_BATCHING", true),
    demo: {
      enabled: flag(env, "RELATA_DEMO", true),
      tenant: env.RELATA_DEMO_TENANT || "demo",
      accounts: integer(env, "RELATA_DEMO_ACCOUNTS", 1_000, 1),
      seed: integer(env, "RELATA_DEMO_SEED", 42, 0),
      referenceDate: isoDay(env, "RELATA_DEMO_DATE"),
    },
    logLevel: env.LOG_LEVEL || "info",
  };
}
