import { VARIANTS, type VariantId } from "../variants/variant";
import type {
  BenchResult,
  HealthRecomputeReport,
  HealthRecomputeRow,
  IngestReport,
  ReadRow,
  ScenarioReport,
  Spread,
} from "./bench-result";

/** Read scenarios the issue sets throughput and latency targets for. */
const TARGET_SCENARIOS = ["B1", "B2", "B3"];
const MIN_VS_NEO4J_GRAPHQL = 1.5;
const MAX_VS_RAW_P50 = 1.5;
/** Issue 18: B6 at least the raw UNWIND's rows/s, both writing the same change events. */
const MIN_INGEST_RATIO = 1.0;
/** Issue 18's B5B targets: Relata at least this share of the fair floor's rate, and this rate at 100k accounts. */
const MIN_FAIR_FLOOR_RATIO = 0.8;
const MIN_RECOMPUTE_RATE = 5_000;

const label = (id: VariantId) => VARIANTS.find((v) => v.id === id)?.label ?? id;

/** The run as Markdown: environment, the read table, targets, B5B, B6, and the checks' notes. */
export function renderMarkdown(result: BenchResult): string {
  const { environment: env, options } = result;
  const dataset = env.dataset;
  const lines: string[] = [
    `## Benchmark: ${options.profile} run, ${result.startedAt.slice(0, 10)}`,
    "",
    `Command: \`${result.command}\`  `,
    `Machine: ${env.cpuModel}, ${env.cores} cores (shared), ${env.memoryGb} GB, load ${env.loadAverageAtStart
      .map((l) => l.toFixed(2))
      .join(" ")} at start; Node ${env.node}; Neo4j ${env.neo4j.version} ${env.neo4j.edition} ` +
      `(heap ${env.neo4j.heap}, page cache ${env.neo4j.pageCache}), APOC ${env.apoc}; ` +
      Object.entries(env.packages)
        .map(([name, version]) => `${name} ${version}`)
        .join(", ") +
      `; commit ${env.gitCommit.slice(0, 10)}${env.gitDirty ? " with uncommitted changes" : ""}.  `,
    `Data (seed ${String(dataset.seed)}): ${String(dataset.main)}; B2 key accounts: ${String(dataset.keyAccounts)}.  `,
    `Load: autocannon, no pipelining, ${options.rounds} rounds interleaving the variants, ` +
      `${options.warmupSeconds} s warm-up then ${options.windowSeconds} s windows at ${options.connections.join(" / ")} ` +
      "connections. Figures are medians over the rounds with (min–max). CPU is ms per request of the API process " +
      "and of Neo4j, from /proc. Ratios: req/s ÷ @neo4j/graphql's, p50 ÷ the raw endpoint's, at the same connections.",
    "",
  ];
  if (result.read.length > 0) {
    lines.push(
      "| Scenario | Variant | Conn | req/s | p50 ms | p99 ms | CPU ms/req API | CPU ms/req Neo4j | Cypher/req | req/s ÷ ngql | p50 ÷ raw |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...result.read.map(readLine),
    );
  } else {
    // A run of B5B or B6 only (`--only`) times no read scenario.
    lines.push("No read scenario was timed in this run.");
  }
  lines.push("", ...targetLines(result), "");
  if (result.healthRecompute) lines.push(...healthRecomputeLines(result.healthRecompute), "");
  if (result.ingest) lines.push(...ingestLines(result.ingest), "");
  if (result.scenarios.length > 0) lines.push(...checkLines(result.scenarios));
  return lines.join("\n") + "\n";
}

function readLine(row: ReadRow): string {
  const cells = [
    row.scenario,
    label(row.variant),
    String(row.connections),
    withRange(row.requestsPerSecond, 0),
    withRange(row.p50Ms, 2),
    fixed(row.p99Ms.median, 1),
    row.cpuMsPerRequest.api ? fixed(row.cpuMsPerRequest.api.median, 2) : "–",
    row.cpuMsPerRequest.neo4j ? fixed(row.cpuMsPerRequest.neo4j.median, 2) : "–",
    row.roundTrips === null ? "–" : fixed(row.roundTrips, row.roundTrips % 1 === 0 ? 0 : 2),
    ratio(row.vsNeo4jGraphqlRequestsPerSecond),
    ratio(row.vsRawP50),
  ];
  if (row.failures > 0) cells[1] += ` (${row.failures} failed responses)`;
  return `| ${cells.join(" | ")} |`;
}

function targetLines(result: BenchResult): string[] {
  const lines = ["### Targets", "", "| Target | Conn | Measured | Met |", "| --- | ---: | ---: | :---: |"];
  for (const scenario of TARGET_SCENARIOS) {
    for (const row of result.read.filter((r) => r.scenario === scenario && r.variant === "relata")) {
      lines.push(
        `| ${scenario}: Relata ≥ ${MIN_VS_NEO4J_GRAPHQL}× @neo4j/graphql req/s | ${row.connections} | ` +
          `${ratio(row.vsNeo4jGraphqlRequestsPerSecond)} | ${met(row.vsNeo4jGraphqlRequestsPerSecond, (v) => v >= MIN_VS_NEO4J_GRAPHQL)} |`,
        `| ${scenario}: Relata p50 within ${MAX_VS_RAW_P50}× of raw | ${row.connections} | ${ratio(row.vsRawP50)} | ` +
          `${met(row.vsRawP50, (v) => v <= MAX_VS_RAW_P50)} |`,
      );
    }
  }
  const b2 = result.scenarios.find((s) => s.id === "B2");
  const b2Relata = b2?.checks.find((c) => c.variant === "relata");
  if (b2 && b2Relata) {
    lines.push(
      `| B2: Cypher round trips bounded by the query, not the fan-out | – | ${String(b2.facts.relataRoundTrips)} ` +
        `(depth ${String(b2.facts.operationDepth)}, ${String(b2.facts.objectsPerAnswer)} objects) | ` +
        `${b2.facts.roundTripsConstant === "yes" ? "yes" : "no"} |`,
    );
  }
  if (result.healthRecompute) {
    const relataRate = result.healthRecompute.rows.find((r) => r.variant === "relata")?.accountsPerSecond.median;
    lines.push(
      `| B5B: Relata ≥ ${MIN_FAIR_FLOOR_RATIO}× the fair floor's accounts/s | – | ` +
        `${ratio(result.healthRecompute.fairRatio)} | ` +
        `${met(result.healthRecompute.fairRatio, (v) => v >= MIN_FAIR_FLOOR_RATIO)} |`,
      `| B5B: Relata ≥ ${MIN_RECOMPUTE_RATE.toLocaleString("en-US")} accounts/s (100k accounts) | – | ` +
        `${relataRate === undefined ? "–" : Math.round(relataRate).toLocaleString("en-US")} accounts/s | ` +
        `${met(relataRate ?? null, (v) => v >= MIN_RECOMPUTE_RATE)} |`,
      `| B5B: aggregation-only floor (no target, a cost ratio) | – | ` +
        `${ratio(result.healthRecompute.ratio)} floor accounts/s | – |`,
    );
  }
  const api = result.memory?.api;
  if (api) {
    lines.push(
      `| API memory: RSS under ${result.memory!.targetMb} MB through the whole run | – | ` +
        `peak ${api.peakMb === null ? "–" : `${fixed(api.peakMb, 0)} MB`}${api.peakPhase ? ` (${api.peakPhase})` : ""}, ` +
        `${api.samples} samples every ${api.everyMs} ms | ${met(api.peakMb, (v) => v < result.memory!.targetMb)} |`,
    );
  }
  if (result.ingest) {
    lines.push(
      `| B6: Relata ≥ ${MIN_INGEST_RATIO}× raw UNWIND rows/s (best batch sizes) | 1 | ${ratio(result.ingest.bestRatio)} | ` +
        `${met(result.ingest.bestRatio, (v) => v >= MIN_INGEST_RATIO)} |`,
      `| B6: a rerun creates nothing | 1 | ${result.ingest.rerunCreatedNothing ? "0 created" : "created nodes"} | ` +
        `${result.ingest.rerunCreatedNothing ? "yes" : "no"} |`,
    );
  }
  return lines;
}

function ingestLines(ingest: IngestReport): string[] {
  const lines = [
    `### B6 bulk ingest: ${ingest.signals} signals about ${ingest.accounts} accounts (tenant ${ingest.tenant})`,
    "",
    "| Variant | Batch | Pass | rows/s | Created | Cypher/batch | CPU ms/1k rows API | CPU ms/1k rows Neo4j |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of ingest.rows) {
    lines.push(
      `| ${row.variant === "relata" ? "Relata ingestSignals" : "raw driver UNWIND"} | ${row.batchSize} | ` +
        `${row.rerun ? "rerun" : "first load"} | ${withRange(row.rowsPerSecond, 0)} | ${row.created} | ` +
        `${row.roundTripsPerBatch === null ? "–" : fixed(row.roundTripsPerBatch, 1)} | ` +
        `${row.cpuMsPer1kRows.api ? fixed(row.cpuMsPer1kRows.api.median, 0) : "–"} | ` +
        `${row.cpuMsPer1kRows.neo4j ? fixed(row.cpuMsPer1kRows.neo4j.median, 0) : "–"} |`,
    );
  }
  return lines;
}

function healthRecomputeLines(report: HealthRecomputeReport): string[] {
  const relataRounds = report.rows.find((r) => r.variant === "relata")?.rounds ?? 0;
  const relataQueries = report.passes.find((p) => p.variant === "relata" && p.round === 1)?.queries ?? {};
  const lines = [
    `### B5B health: recompute a tenant, ${report.accounts} accounts / ${report.signals} signals (tenant ${report.tenant})`,
    "",
    `Relata: \`HealthService.recompute\` of model "${report.modelId}"` +
      `${report.modelVersion === null ? "" : ` v${report.modelVersion}`}, a forced full run (not incremental), ` +
      "scoring every account with its explanation and storing a snapshot per account in batches, " +
      "in the bench process. Floor: one raw Cypher statement that reads the signals counting toward each account " +
      `(its own, its contacts', its assets') of the ${report.floorFields} mapped fields and aggregates them ` +
      "per field (no roll-up, no writes). Fair floor: hand-written Cypher on the raw driver, one read and one " +
      "UNWIND write per batch, scores from the domain's pure functions, the same snapshots written " +
      "(`bench/health/fair-floor.ts`; identical snapshots pinned by `test/integration/health-fair-floor.test.ts`). " +
      `${relataRounds} interleaved round(s) of floor, fair floor, then Relata, medians with (min–max); ` +
      "CPU ms per 1k accounts of the bench process and of Neo4j, from /proc." +
      `${report.primed ? " An untimed recompute first gave every account a snapshot, so every round replaces one." : ""}`,
    "",
    "| Variant | accounts/s | Seconds | Cypher/run | CPU ms/1k accounts bench | CPU ms/1k accounts Neo4j | ÷ floor | ÷ fair floor |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const floor = report.rows.find((r) => r.variant === "floor");
  const fair = report.rows.find((r) => r.variant === "fair");
  for (const row of report.rows) lines.push(healthRecomputeLine(row, floor, fair));
  const perQuery = Object.entries(relataQueries)
    .map(([name, count]) => `${name} ${count}×`)
    .join(", ");
  if (perQuery) lines.push("", `Relata's statements in round 1: ${perQuery}.`);
  return lines;
}

const RECOMPUTE_VARIANTS: Record<HealthRecomputeRow["variant"], string> = {
  relata: "Relata recompute (scored, explained, stored)",
  "relata-one-read": "Relata recompute, one batch read ahead (before)",
  floor: "raw Cypher aggregation (floor)",
  fair: "hand-written Cypher + domain scoring, same snapshots (fair floor)",
};

function healthRecomputeLine(
  row: HealthRecomputeRow,
  floor: HealthRecomputeRow | undefined,
  fair: HealthRecomputeRow | undefined,
): string {
  const cells = [
    RECOMPUTE_VARIANTS[row.variant],
    withRange(row.accountsPerSecond, 0),
    withRange(row.seconds, 1),
    fixed(row.roundTrips.median, 0),
    row.cpuMsPer1kAccounts.bench ? withRange(row.cpuMsPer1kAccounts.bench, 0) : "–",
    row.cpuMsPer1kAccounts.neo4j ? withRange(row.cpuMsPer1kAccounts.neo4j, 0) : "–",
    floor && floor.accountsPerSecond.median > 0
      ? ratio(row.accountsPerSecond.median / floor.accountsPerSecond.median)
      : "–",
    fair && fair.accountsPerSecond.median > 0
      ? ratio(row.accountsPerSecond.median / fair.accountsPerSecond.median)
      : "–",
  ];
  return `| ${cells.join(" | ")} |`;
}

function checkLines(scenarios: readonly ScenarioReport[]): string[] {
  const lines = ["### Scenarios and equal-answer checks", ""];
  for (const scenario of scenarios) {
    const facts = Object.entries(scenario.facts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    lines.push(`- **${scenario.id}** ${scenario.title}${facts ? ` (${facts})` : ""}.`);
    for (const check of scenario.checks) {
      if (!check.equal) lines.push(`  - ${label(check.variant)}: NOT TIMED — ${check.problem ?? "failed"}`);
    }
    for (const [variant, note] of Object.entries(scenario.notes)) {
      lines.push(`  - ${label(variant as VariantId)}: ${note}`);
    }
  }
  lines.push(
    "",
    "Every timed variant's answers to every sample request were equal to Relata's after normalisation " +
      "(instants to ISO, lists to one order, cursors ignored) before any timing.",
  );
  return lines;
}

function withRange(s: Spread, digits: number): string {
  return `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})`;
}

function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(2)}×`;
}

function met(value: number | null, test: (v: number) => boolean): string {
  if (value === null) return "–";
  return test(value) ? "yes" : "**no**";
}
