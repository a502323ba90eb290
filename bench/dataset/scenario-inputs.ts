import neo4j, { type Driver } from "neo4j-driver";

import { signToken } from "../../app/auth/token";
import { nodeId } from "../../domain/ids/node-id";
import { DEFAULT_MODEL_ID } from "../../services/health/health-model";
import type { BenchOptions } from "../bench-options";
import { BENCH_JWT_SECRET } from "../neo4j/bench-connection";
import type { ScenarioInputs } from "../scenarios/scenario";
import { datasetGenerator, type DatasetSpec } from "./seed-dataset";

const CONCEPTS = 4;
const SOURCE_FIELDS = 8;

/**
 * Picks what the scenarios ask about, deterministically: accounts spread evenly over the seeded sets (by
 * generator index), and from the built-in ontology the concepts with 8–50 mapped fields below them and
 * mapped source fields spread over the alphabet. Checks that every account is in the store.
 */
export async function pickScenarioInputs(
  options: BenchOptions,
  main: DatasetSpec,
  keyAccounts: DatasetSpec,
  driver: Driver,
  database: string,
): Promise<ScenarioInputs> {
  const accountIds = spreadAccountIds(main, options.samples.pointLookups);
  const keyAccountIds = spreadAccountIds(keyAccounts, options.samples.keyAccounts);
  for (const [tenant, ids] of [
    [main.tenant, accountIds],
    [keyAccounts.tenant, keyAccountIds],
  ] as const) {
    const { records } = await driver.executeQuery(
      "UNWIND $ids AS id MATCH (a:Account {tenant: $tenant, id: id}) RETURN count(a) AS found",
      { tenant, ids },
      { database },
    );
    const found = Number(records[0]?.get("found"));
    if (found !== ids.length) throw new Error(`Only ${found} of ${ids.length} sample accounts are in "${tenant}".`);
  }
  const healthAccountIds = await scoredAccounts(driver, database, main.tenant, accountIds);
  const concepts = await driver.executeQuery(
    `MATCH (t:Concept {scope: '_builtin'})
     CALL (t) {
       MATCH (c:Concept)-[:BROADER|CONTRIBUTES_TO*0..25]->(t)
       WITH DISTINCT c
       MATCH (f:SourceField)-[:MAPS_TO]->(c)
       RETURN count(DISTINCT f) AS fields
     }
     WITH t, fields WHERE 8 <= fields <= 50
     RETURN t.id AS id ORDER BY fields DESC, id LIMIT $limit`,
    { limit: neo4j.int(CONCEPTS) },
    { database, routing: "READ" },
  );
  const fields = await driver.executeQuery(
    `MATCH (f:SourceField {scope: '_builtin'})-[:MAPS_TO]->(:Concept)
     WITH DISTINCT f ORDER BY f.system, f.field
     RETURN f.system AS system, f.field AS field`,
    {},
    { database, routing: "READ" },
  );
  const allFields = fields.records.map((r) => ({ system: String(r.get("system")), field: String(r.get("field")) }));
  const conceptIds = concepts.records.map((r) => String(r.get("id")));
  if (conceptIds.length === 0 || allFields.length === 0) {
    throw new Error("The built-in ontology packs are not loaded (no concepts with mapped fields); B4 cannot run.");
  }
  return {
    tenant: main.tenant,
    accountIds,
    healthAccountIds,
    keyAccountTenant: keyAccounts.tenant,
    keyAccountIds,
    latestSignals: options.keyAccounts.latestSignals,
    conceptIds,
    sourceFields: spreadPick(allFields, SOURCE_FIELDS),
    tokens: Object.fromEntries(
      [main.tenant, keyAccounts.tenant].map((tenant) => [
        tenant,
        signToken({ tenant, role: "admin", subject: "bench" }, BENCH_JWT_SECRET, 24 * 3600),
      ]),
    ),
  };
}

/**
 * B5a: of the spread accounts, those whose stored health snapshot has a score, so that every sample's
 * explanation has data to explain (in generator order). Seeding stores a snapshot for every account.
 */
async function scoredAccounts(driver: Driver, database: string, tenant: string, ids: readonly string[]) {
  const { records } = await driver.executeQuery(
    `UNWIND range(0, size($ids) - 1) AS i
     MATCH (h:HealthScore {tenant: $tenant, accountId: $ids[i], modelId: $modelId, latest: true})
     WHERE h.score IS NOT NULL
     RETURN $ids[i] AS id ORDER BY i`,
    { tenant, ids, modelId: DEFAULT_MODEL_ID },
    { database, routing: "READ" },
  );
  const scored = records.map((r) => String(r.get("id")));
  if (scored.length === 0) {
    throw new Error(
      `None of the ${ids.length} sample accounts of "${tenant}" has a scored health snapshot; B3 and B5a need ` +
        "the health scores seeding computes (see seed-dataset.ts).",
    );
  }
  return scored;
}

/** Ids of `count` accounts at evenly spaced generator indices. */
function spreadAccountIds(spec: DatasetSpec, count: number): string[] {
  const n = Math.min(count, spec.accounts);
  const wanted = new Set(Array.from({ length: n }, (_, k) => Math.floor((k * spec.accounts) / n)));
  const ids: string[] = [];
  let index = 0;
  for (const account of datasetGenerator(spec).accounts()) {
    if (wanted.has(index)) ids.push(nodeId("Account", spec.tenant, account.sourceSystem, account.externalId));
    index += 1;
    if (ids.length === n) break;
  }
  return ids;
}

function spreadPick<T>(items: readonly T[], count: number): T[] {
  const n = Math.min(count, items.length);
  return Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)] as T);
}
