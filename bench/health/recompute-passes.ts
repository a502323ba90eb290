import neo4j, { type Driver } from "neo4j-driver";

import type { HealthRepository } from "../../graph/health/health.repository";
import type { Repositories } from "../../graph/repositories";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import type { HealthService, RecomputeResult } from "../../services/health/health.service";

/** The model every health recompute benchmark scores with: the tenant's default model. */
export const BENCH_HEALTH_MODEL = DEFAULT_MODEL_ID;

/** The window the floor aggregates every mapped field over. */
const FLOOR_WINDOW_MS = 365 * 86_400_000;

/**
 * The floor of a health recompute: one hand-tuned statement that reads the signals counting toward each
 * account (its own, its contacts' and its assets', as the default model reads them) of every field the
 * built-in packs map (365-day window) and aggregates them per field. No explanation, no roll-up through
 * the concept tree, no writes.
 */
export const HEALTH_FLOOR_QUERY = `
MATCH (a:Account {tenant: $tenant})
CALL (a) {
  CALL (a) {
    MATCH (a)<-[:ABOUT]-(s:Signal) RETURN s
    UNION ALL
    MATCH (a)<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal) RETURN s
    UNION ALL
    MATCH (a)<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal) RETURN s
  }
  WITH s WHERE s.observedAt >= datetime({epochMillis: toInteger($from)})
  WITH s.sourceSystem + '|' + s.field AS key, s.numberValue AS v, s.observedAt.epochMillis AS t
  WHERE key IN $fields
  WITH key, count(*) AS n, avg(v) AS mean, max(t) AS latest
  RETURN collect({key: key, n: n, mean: mean, latest: latest}) AS fields
}
RETURN a.id AS id, size(fields) AS fields`;

/** The `system|field` keys mapped below the health root concept: what the floor aggregates. */
export async function healthFloorFields(repositories: Repositories): Promise<string[]> {
  const concepts = await repositories.health.conceptTree("core:customer-health");
  const mappings = (await repositories.ontology.mappingsOfConcepts(concepts.map((c) => c.id))).flat();
  return [...new Set(mappings.map((m) => `${m.system}|${m.field}`))];
}

/**
 * Runs the floor statement once and returns how many accounts it aggregated. Rows are counted as they
 * stream in (`onRows` sees the running count), so a long pass can report progress.
 */
export async function runHealthFloor(
  driver: Driver,
  database: string,
  tenant: string,
  fields: readonly string[],
  onRows: (rows: number) => void = () => {},
): Promise<number> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await new Promise<number>((resolve, reject) => {
      let rows = 0;
      session.run(HEALTH_FLOOR_QUERY, { tenant, from: Date.now() - FLOOR_WINDOW_MS, fields }).subscribe({
        onNext: () => {
          rows += 1;
          onRows(rows);
        },
        onCompleted: () => resolve(rows),
        onError: reject,
      });
    });
  } finally {
    await session.close();
  }
}

/**
 * Marks runs of the bench model that an interrupted process left open as finished, so that the next
 * recompute starts a new full run instead of resuming one (which would score only the rest). Returns
 * how many it closed.
 */
export async function closeInterruptedRuns(health: HealthRepository): Promise<number> {
  let closed = 0;
  for (let open = await health.openRun(BENCH_HEALTH_MODEL); open; open = await health.openRun(BENCH_HEALTH_MODEL)) {
    await health.finishRun(open.id, new Date().toISOString());
    closed += 1;
  }
  return closed;
}

/**
 * A full recompute of every account in the tenant through Relata's HealthService: scores with
 * explanations, stored as snapshots in batches. Not incremental; call {@link closeInterruptedRuns}
 * first so that no interrupted run is resumed. Throws if the run was not the full one asked for.
 */
export async function recomputeAllAccounts(
  health: Pick<HealthService, "recompute">,
  onProgress: (done: number) => void = () => {},
): Promise<RecomputeResult> {
  const run = await health.recompute(BENCH_HEALTH_MODEL, null, false, onProgress);
  if (run.resumed || run.incremental) {
    throw new Error(
      `The health recompute ${run.runId} was ${run.resumed ? "resumed" : "incremental"}, not a full run; ` +
        "close interrupted runs (closeInterruptedRuns) before timing one.",
    );
  }
  return run;
}

/**
 * Logs `label: done/total` every `everyMs` while a long pass runs; returns the function that stops it.
 * Counts rather than a bar, so logs redirected to a file show them.
 */
export function logProgressEvery(
  everyMs: number,
  label: string,
  total: number,
  done: () => number,
  log: (message: string) => void,
): () => void {
  const started = performance.now();
  const timer = setInterval(() => {
    const count = done();
    const seconds = (performance.now() - started) / 1000;
    log(`${label}: ${count}/${total} accounts after ${seconds.toFixed(0)} s (${Math.round(count / seconds)}/s)`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
