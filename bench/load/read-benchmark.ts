import type { BenchOptions } from "../bench-options";
import type { CheckOutcome } from "../check/equal-answers";
import type { ReadMeasurement, ReadRow } from "../report/bench-result";
import { spread, spreadOrNull } from "../report/spread";
import type { Scenario } from "../scenarios/scenario";
import type { RunningVariant, VariantId } from "../variants/variant";
import { runLoad } from "./load-runner";

const REQUESTS_PER_SLOW_WINDOW = 4;

/** A scenario with the variants that passed its equal-answer check. */
export interface CheckedScenario {
  readonly scenario: Scenario;
  readonly variants: readonly RunningVariant[];
  readonly checks: readonly CheckOutcome[];
}

/**
 * The timed part: in each round, every scenario, and within it every variant in turn (A B C A B C …),
 * each with a short warm-up and then one window per connection level.
 */
export async function runReadBenchmark(
  scenarios: readonly CheckedScenario[],
  options: BenchOptions,
  neo4jPid: number,
  log: (message: string) => void,
): Promise<ReadMeasurement[]> {
  const measurements: ReadMeasurement[] = [];
  const warmupConnections = Math.max(...options.connections);
  for (let round = 1; round <= options.rounds; round += 1) {
    log(`Round ${round}/${options.rounds}`);
    for (const { scenario, variants, checks } of scenarios) {
      for (const variant of variants) {
        const seconds = windowSeconds(options, checks.find((c) => c.variant === variant.descriptor.id)?.latencyMs);
        const target = {
          baseUrl: variant.baseUrl,
          apiPid: variant.pid,
          neo4jPid,
          requests: scenario.requests(variant.descriptor.kind),
        };
        await runLoad(target, warmupConnections, options.warmupSeconds);
        const line: string[] = [];
        for (const connections of options.connections) {
          const window = await runLoad(target, connections, seconds);
          measurements.push({ scenario: scenario.id, variant: variant.descriptor.id, round, window });
          line.push(`c${connections} ${Math.round(window.requestsPerSecond)} req/s p50 ${window.p50Ms.toFixed(1)} ms`);
          if (window.failures > 0) line.push(`(${window.failures} failures)`);
        }
        log(`  ${scenario.id} ${variant.descriptor.label}: ${line.join(", ")}`);
      }
    }
  }
  return measurements;
}

/** Slow variants get longer windows: a few requests' worth, at most `maxWindowSeconds`. */
function windowSeconds(options: BenchOptions, latencyMs: number | undefined): number {
  const needed = ((latencyMs ?? 0) * REQUESTS_PER_SLOW_WINDOW) / 1000;
  return Math.max(options.windowSeconds, Math.min(options.maxWindowSeconds, Math.ceil(needed * 10) / 10));
}

/** Summarises the windows per scenario, variant and connection level, with the ratios to the anchors. */
export function summariseReads(
  scenarios: readonly CheckedScenario[],
  measurements: readonly ReadMeasurement[],
  connectionLevels: readonly number[],
): ReadRow[] {
  const rows: ReadRow[] = [];
  for (const { scenario, variants, checks } of scenarios) {
    const windowsOf = (variant: VariantId, connections: number) =>
      measurements
        .filter((m) => m.scenario === scenario.id && m.variant === variant && m.window.connections === connections)
        .map((m) => m.window);
    for (const connections of connectionLevels) {
      const median = (variant: VariantId, metric: "requestsPerSecond" | "p50Ms") => {
        const windows = windowsOf(variant, connections).filter((w) => w.failures === 0);
        return windows.length === 0 ? null : spread(windows.map((w) => w[metric])).median;
      };
      const anchorRps = median("neo4j-graphql", "requestsPerSecond");
      const anchorP50 = median("raw", "p50Ms");
      for (const variant of variants) {
        const id = variant.descriptor.id;
        const windows = windowsOf(id, connections);
        if (windows.length === 0) continue;
        const valid = windows.filter((w) => w.failures === 0);
        const used = valid.length > 0 ? valid : windows;
        const rps = spread(used.map((w) => w.requestsPerSecond));
        const p50 = spread(used.map((w) => w.p50Ms));
        rows.push({
          scenario: scenario.id,
          variant: id,
          connections,
          rounds: used.length,
          requestsPerSecond: rps,
          p50Ms: p50,
          p99Ms: spread(used.map((w) => w.p99Ms)),
          cpuMsPerRequest: {
            api: spreadOrNull(used.map((w) => w.cpuMsPerRequest.api)),
            neo4j: spreadOrNull(used.map((w) => w.cpuMsPerRequest.neo4j)),
            client: spread(used.map((w) => w.cpuMsPerRequest.client)),
          },
          roundTrips: checks.find((c) => c.variant === id)?.roundTrips ?? null,
          vsNeo4jGraphqlRequestsPerSecond: anchorRps ? rps.median / anchorRps : null,
          vsRawP50: anchorP50 ? p50.median / anchorP50 : null,
          failures: windows.reduce((n, w) => n + w.failures, 0),
        });
      }
    }
  }
  return rows;
}
