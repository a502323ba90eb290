/**
 * What the raw endpoint scores health with (B5a), loaded ONCE when it starts, for every tenant that has a
 * stored default health model: the active model version, the concept tree below its root, the mappings
 * of those concepts with the window each one reads, and the tenant-wide populations of the fields mapped
 * with percentile normalisation. A hand-written service would hold these in memory the same way; per
 * request it then runs one Cypher statement (raw-driver.queries.ts, ACCOUNT_HEALTH_INPUTS).
 *
 * Loading goes through Relata's own repositories (read-only, untimed), so the raw endpoint scores with
 * exactly the model, mappings and populations Relata reads: what B5a compares is how a request is
 * answered, not how a model is parsed.
 */
import neo4j, { type Driver } from "neo4j-driver";

import { populationOfLatestValues } from "../../domain/health/field-aggregate";
import {
  buildHealthTree,
  type HealthConcept,
  type HealthMapping,
  type HealthTree,
} from "../../domain/health/health-tree";
import { CypherExecutor } from "../../graph/executor";
import { createRepositories } from "../../graph/repositories";
import { DAY_MS, parseWindow } from "../../ontology/bridge/duration";
import { DEFAULT_MODEL_ID, type HealthModelVersion } from "../../services/health/health-model";
import { HealthService } from "../../services/health/health.service";

/** One mapping window: the signals of `system|field` in the `ms` before the as-of time. */
export interface HealthWindow {
  readonly key: string;
  readonly system: string;
  readonly field: string;
  readonly ms: number;
}

/** A tenant's health model as the raw endpoint scores with it. */
export interface RawHealthModel {
  readonly tenant: string;
  readonly model: HealthModelVersion;
  readonly concepts: readonly HealthConcept[];
  readonly mappings: readonly HealthMapping[];
  /** The window each mapping (by key) reads. */
  readonly windowOf: ReadonlyMap<string, HealthWindow>;
  readonly windows: readonly HealthWindow[];
  /** The `system|field` keys any window reads: the signals the per-request query returns. */
  readonly fields: readonly string[];
  readonly maxWindowMs: number;
  /** Sorted populations for percentile normalisation, per mapping key. */
  readonly populations: ReadonlyMap<string, number[]>;
  /** The tree of an account without manual measures (it does not depend on the as-of time then). */
  readonly sharedTree: HealthTree;
}

const LOAD_TIMEOUT_MS = 120_000;
/** A window for mappings whose own window does not parse; the scorer's default. */
const FALLBACK_WINDOW_MS = 90 * DAY_MS;

const TENANTS_WITH_MODEL = `
MATCH (m:HealthModel {id: $modelId})
RETURN DISTINCT m.tenant AS tenant ORDER BY tenant`;

/** Loads the default health model of every tenant that has one stored (seeding stores it for the main tenant). */
export async function loadRawHealthModels(driver: Driver, database: string): Promise<Map<string, RawHealthModel>> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  let tenants: string[];
  try {
    const result = await session.run(TENANTS_WITH_MODEL, { modelId: DEFAULT_MODEL_ID });
    tenants = result.records.map((record) => String(record.get("tenant")));
  } finally {
    await session.close();
  }
  const executor = new CypherExecutor(driver, { database, timeoutMs: LOAD_TIMEOUT_MS, operationName: "raw:health" });
  const models = new Map<string, RawHealthModel>();
  for (const tenant of tenants) models.set(tenant, await loadModel(executor, tenant));
  return models;
}

async function loadModel(executor: CypherExecutor, tenant: string): Promise<RawHealthModel> {
  const repositories = createRepositories(executor, tenant);
  const model = await new HealthService(repositories.health, repositories.ontology).model(DEFAULT_MODEL_ID);
  const tree = await repositories.health.conceptTree(model.rootConcept);
  const concepts: HealthConcept[] = tree.map((c) => ({ id: c.id, parts: c.parts, narrower: c.narrower }));
  const mappings: HealthMapping[] = (await repositories.ontology.mappingsOfConcepts(concepts.map((c) => c.id)))
    .flat()
    .map((m) => ({ ...m, key: `${m.system}|${m.field}|${m.concept}` }));

  const windowOf = new Map<string, HealthWindow>();
  const windows = new Map<string, HealthWindow>();
  for (const mapping of mappings) {
    const parsed = parseWindow(mapping.aggregation.window);
    const ms = model.windowDays !== null ? model.windowDays * DAY_MS : parsed.ok ? parsed.value : FALLBACK_WINDOW_MS;
    const key = `${mapping.system}|${mapping.field}|${ms}`;
    const window = windows.get(key) ?? { key, system: mapping.system, field: mapping.field, ms };
    windows.set(key, window);
    windowOf.set(mapping.key, window);
  }

  // Every subject's latest value of the field across the tenant, as one observation each.
  const populations = new Map<string, number[]>();
  for (const mapping of mappings) {
    if (mapping.normalization.kind !== "percentile") continue;
    const values = await repositories.ontology.fieldPopulation(mapping.system, mapping.field);
    populations.set(mapping.key, populationOfLatestValues(mapping, values));
  }

  const all = [...windows.values()];
  return {
    tenant,
    model,
    concepts,
    mappings,
    windowOf,
    windows: all,
    fields: [...new Set(all.map((w) => `${w.system}|${w.field}`))],
    maxWindowMs: Math.max(0, ...all.map((w) => w.ms)),
    populations,
    sharedTree: treeOf(model, concepts, mappings, [], Date.now()),
  };
}

/** The scoring tree of the model, with an account's unexpired manual measures. */
export function treeOf(
  model: HealthModelVersion,
  concepts: readonly HealthConcept[],
  mappings: readonly HealthMapping[],
  manualMeasures: Parameters<typeof buildHealthTree>[0]["manualMeasures"],
  asOf: number,
): HealthTree {
  return buildHealthTree({
    root: model.rootConcept,
    concepts,
    mappings,
    overrides: model.weights,
    manualMeasures,
    asOf,
  });
}
