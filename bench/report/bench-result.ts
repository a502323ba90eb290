import type { RssSummary } from "../load/rss-sampler";
import type { BenchOptions } from "../bench-options";
import type { LoadWindow } from "../load/load-runner";
import type { VariantId } from "../variants/variant";
import type { BenchEnvironment } from "./environment";

/** Median with the spread over rounds. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One scenario × variant × connection level, summarised over the rounds. */
export interface ReadRow {
  readonly scenario: string;
  readonly variant: VariantId;
  readonly connections: number;
  readonly rounds: number;
  readonly requestsPerSecond: Spread;
  readonly p50Ms: Spread;
  readonly p99Ms: Spread;
  readonly cpuMsPerRequest: { readonly api: Spread | null; readonly neo4j: Spread | null; readonly client: Spread };
  readonly roundTrips: number | null;
  /** Median req/s of this variant ÷ that of @neo4j/graphql at the same connections. */
  readonly vsNeo4jGraphqlRequestsPerSecond: number | null;
  /** Median p50 of this variant ÷ that of the raw endpoint at the same connections (1 = as fast as raw). */
  readonly vsRawP50: number | null;
  readonly failures: number;
}

/** How a scenario's check went and what is known about it. */
export interface ScenarioReport {
  readonly id: string;
  readonly title: string;
  readonly checks: ReadonlyArray<{
    readonly variant: VariantId;
    readonly equal: boolean;
    readonly problem: string | null;
    readonly roundTrips: number | null;
    readonly responseBytes: number;
  }>;
  readonly notes: Readonly<Record<string, string>>;
  /** Scenario facts, e.g. objects per customer-360 answer. */
  readonly facts: Readonly<Record<string, number | string>>;
}

/** One timed pass of B6 (a first load, or the rerun that must create nothing). */
export interface IngestPass {
  readonly variant: "relata" | "raw";
  readonly batchSize: number;
  readonly round: number;
  readonly rerun: boolean;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly created: number;
  readonly batches: number;
  /** Cypher statements per batch. */
  readonly roundTripsPerBatch: number | null;
  readonly cpuMsPer1kRows: { readonly api: number | null; readonly neo4j: number | null };
}

export interface IngestRow {
  readonly variant: "relata" | "raw";
  readonly batchSize: number;
  readonly rerun: boolean;
  readonly rounds: number;
  readonly rowsPerSecond: Spread;
  readonly created: number;
  readonly roundTripsPerBatch: number | null;
  readonly cpuMsPer1kRows: { readonly api: Spread | null; readonly neo4j: Spread | null };
}

export interface IngestReport {
  readonly tenant: string;
  readonly accounts: number;
  readonly signals: number;
  readonly passes: readonly IngestPass[];
  readonly rows: readonly IngestRow[];
  /** Best Relata rows/s ÷ best raw rows/s over the batch sizes (first loads). */
  readonly bestRatio: number | null;
  /** True when every rerun created nothing. */
  readonly rerunCreatedNothing: boolean;
}

/**
 * B5B's variants: Relata's recompute, the aggregation-only floor, and the fair floor (hand-written Cypher
 * plus the domain's scoring, the same snapshots written; `health/fair-floor.ts`).
 */
export type HealthRecomputeVariant = "relata" | "relata-one-read" | "floor" | "fair";

/** One timed B5B pass: a full tenant health recompute through Relata, or one of the floors. */
export interface HealthRecomputePass {
  readonly variant: HealthRecomputeVariant;
  readonly round: number;
  readonly accounts: number;
  /** Accounts that got a score (Relata); null for the floor, which scores nothing. */
  readonly scored: number | null;
  readonly seconds: number;
  readonly accountsPerSecond: number;
  /** Cypher statements the pass ran. */
  readonly roundTrips: number;
  /** Relata's statements by query name (the floor runs one). */
  readonly queries: Readonly<Record<string, number>>;
  /** CPU of the bench process (where Relata's HealthService or the floor's driver runs) and of Neo4j. */
  readonly cpuMsPer1kAccounts: { readonly bench: number | null; readonly neo4j: number | null };
}

export interface HealthRecomputeRow {
  readonly variant: HealthRecomputeVariant;
  readonly rounds: number;
  readonly accountsPerSecond: Spread;
  readonly seconds: Spread;
  readonly roundTrips: Spread;
  readonly cpuMsPer1kAccounts: { readonly bench: Spread | null; readonly neo4j: Spread | null };
}

export interface HealthRecomputeReport {
  readonly tenant: string;
  readonly accounts: number;
  readonly signals: number;
  readonly modelId: string;
  readonly modelVersion: number | null;
  /** Mapped `system|field` keys the floor aggregates. */
  readonly floorFields: number;
  /** Whether an untimed recompute ran first because some accounts had no snapshot yet. */
  readonly primed: boolean;
  /** Open runs an interrupted process had left, closed before timing (they would have been resumed). */
  readonly interruptedRunsClosed: number;
  readonly passes: readonly HealthRecomputePass[];
  readonly rows: readonly HealthRecomputeRow[];
  /** Median Relata accounts/s ÷ median floor accounts/s. */
  readonly ratio: number | null;
  /** Median Relata accounts/s ÷ median fair-floor accounts/s (issue 18's target: ≥ 0.8). */
  readonly fairRatio: number | null;
}

export interface ReadMeasurement {
  readonly scenario: string;
  readonly variant: VariantId;
  readonly round: number;
  readonly window: LoadWindow;
}

export interface BenchResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly command: string;
  readonly options: BenchOptions;
  readonly environment: BenchEnvironment;
  readonly scenarios: readonly ScenarioReport[];
  readonly read: readonly ReadRow[];
  readonly healthRecompute: HealthRecomputeReport | null;
  readonly ingest: IngestReport | null;
  /** Resident set sizes sampled through the run: the Relata API process (null when it did not run) and the bench process. */
  readonly memory?: { readonly api: RssSummary | null; readonly bench: RssSummary; readonly targetMb: number };
  readonly measurements: readonly ReadMeasurement[];
  readonly timingsSeconds: Readonly<Record<string, number>>;
}
