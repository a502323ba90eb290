import { createHash } from "node:crypto";
import neo4j, { type Driver } from "neo4j-driver";

import type { RecomputeBatchAccount } from "../../graph/health/health.repository";
import type { HealthModelVersion } from "../../services/health/health-model";
import type { RecomputeScoring } from "../../services/health/health-scorer";

/**
 * The fair floor of a health recompute (issue 18): what a hand-written job costs that computes the same
 * scores and writes the same snapshots as `HealthService.recompute`, with nothing of Relata's plumbing
 * (no executor, repositories, conversions of driver values, outbox). Per batch of accounts: one statement
 * reads the accounts after a cursor with the aggregates of their signals in every mapping window (the
 * sums a score needs, the same rows in the same order as Relata's read, so the same numbers) and their
 * manual measures; the scores are computed with the domain's pure functions (bridging, roll-up through
 * the concept tree, weighting: there is no shorter correct code for them); one UNWIND statement writes the
 * snapshots (properties, SCORES and COMPUTED_WITH relationships, the previous snapshot no longer latest)
 * and the run's cursor. The next batch is read while this one is scored and written.
 *
 * Left out, so the floor stays a floor: change events (the outbox) and HealthEvent nodes for grade
 * changes, which a rerun over unchanged data rarely writes; retries; resuming (the cursor is written, not
 * read back).
 */
const READ_BATCH = `
MATCH (a:Account {tenant: $tenant}) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
CALL (a) {
  CALL (a) {
    MATCH (a)<-[:ABOUT]-(s:Signal) WHERE s.observedAt >= $earliest AND s.observedAt <= $asOfTime RETURN s
    UNION
    MATCH (a)<-[:WORKS_AT]-(:Contact)<-[:ABOUT]-(s:Signal)
    WHERE $contacts AND s.observedAt >= $earliest AND s.observedAt <= $asOfTime RETURN s
    UNION
    MATCH (a)<-[:INSTALLED_AT]-(:Asset)<-[:ABOUT]-(s:Signal)
    WHERE $assets AND s.observedAt >= $earliest AND s.observedAt <= $asOfTime RETURN s
  }
  WITH s, s.observedAt.epochMillis AS t
  UNWIND coalesce($windows[s.sourceSystem + '|' + s.field], []) AS w
  WITH s, t, w, $asOf - w.ms AS from WHERE t >= from
  WITH w, from, s, t, (t - from) / 86400000.0 AS d, s.numberValue AS v
  ORDER BY t DESC
  WITH w.key AS key, from, count(s) AS n, count(v) AS nv, coalesce(sum(v), 0.0) AS sv,
    sum(CASE WHEN v IS NULL THEN 0.0 ELSE d END) AS st, sum(CASE WHEN v IS NULL THEN 0.0 ELSE d * d END) AS stt,
    coalesce(sum(d * v), 0.0) AS stv, head(collect(coalesce(s.numberValue, s.stringValue, s.booleanValue))) AS latest,
    max(t) AS latestAt
  RETURN collect([key, from, n, nv, sv, st, stt, stv, latest, latestAt]) AS aggregates
}
CALL (a) {
  MATCH (m:ManualMeasure {tenant: $tenant, accountId: a.id}) WHERE m.expiresAt IS NULL OR m.expiresAt > $asOfTime
  WITH m ORDER BY m.createdAt DESC
  RETURN collect([m.id, m.concept, m.value, m.author, m.comment, toString(m.expiresAt)]) AS measures
}
RETURN a.id AS id, aggregates, measures ORDER BY id`;

const WRITE_BATCH = `
MERGE (r:BenchFloorRun {tenant: $tenant, id: $runId}) SET r.cursor = $cursor
WITH 1 AS one
MATCH (v:HealthModelVersion {tenant: $tenant, modelId: $modelId, version: $version})
UNWIND $scores AS row
MATCH (a:Account {tenant: $tenant, id: row.accountId})
OPTIONAL MATCH (a)<-[:SCORES]-(prev:HealthScore {modelId: $modelId, latest: true})
CREATE (h:HealthScore {tenant: $tenant, id: row.id})
SET h += row.props, h.accountId = row.accountId, h.modelId = $modelId, h.version = $version,
  h.computedAt = datetime($now), h.latest = true
CREATE (h)-[:SCORES]->(a)
CREATE (h)-[:COMPUTED_WITH]->(v)
WITH prev WHERE prev IS NOT NULL
SET prev.latest = false`;

/** Accounts per batch, as Relata's recompute reads and stores them. */
export const FAIR_FLOOR_BATCH = 500;

/** Integers come back from the driver as its Integer type (sums of whole numbers too); scores need numbers. */
function num(value: unknown): number {
  return neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : (value as number);
}

/** Runs the fair floor over every account of `tenant`; returns how many it stored and how many had a score. */
export async function runFairFloor(
  driver: Driver,
  database: string,
  tenant: string,
  model: HealthModelVersion,
  scoring: RecomputeScoring,
  asOf: number,
  onAccounts: (done: number) => void = () => {},
): Promise<{ accounts: number; scored: number }> {
  const runId = `floor-${asOf}-${Math.random().toString(36).slice(2)}`;
  const byField: Record<string, Array<{ key: string; ms: number }>> = {};
  for (const w of scoring.windows) (byField[`${w.system}|${w.field}`] ??= []).push({ key: w.key, ms: w.ms });
  const maxWindowMs = Math.max(0, ...scoring.windows.map((w) => w.ms));
  const readParams = {
    tenant,
    asOf,
    asOfTime: neo4j.types.DateTime.fromStandardDate(new Date(asOf)),
    earliest: neo4j.types.DateTime.fromStandardDate(new Date(asOf - maxWindowMs)),
    windows: byField,
    contacts: scoring.include.contacts,
    assets: scoring.include.assets,
    limit: neo4j.int(FAIR_FLOOR_BATCH),
  };
  const read = async (after: string): Promise<RecomputeBatchAccount[]> => {
    const { records } = await driver.executeQuery(
      READ_BATCH,
      { ...readParams, after },
      { database, routing: neo4j.routing.READ },
    );
    return records.map((record) => {
      const id = record.get("id") as string;
      const aggregates = new Map(
        (record.get("aggregates") as unknown[][]).map((a) => {
          const key = a[0] as string;
          const latestAt = a[9] === null ? null : num(a[9]);
          return [
            key,
            {
              accountId: id,
              key,
              from: num(a[1]),
              count: num(a[2]),
              numericCount: num(a[3]),
              sum: num(a[4]),
              sumT: num(a[5]),
              sumTT: num(a[6]),
              sumTV: num(a[7]),
              latestValue: neo4j.isInt(a[8]) ? num(a[8]) : ((a[8] as string | boolean | number | null) ?? null),
              latestAt,
            },
          ];
        }),
      );
      const measures = (record.get("measures") as unknown[][]).map((m) => ({
        accountId: id,
        id: String(m[0]),
        concept: String(m[1]),
        value: num(m[2]),
        author: String(m[3]),
        comment: typeof m[4] === "string" ? m[4] : null,
        expiresAt: typeof m[5] === "string" ? new Date(m[5]).toISOString() : null,
      }));
      return { id, aggregates, measures };
    });
  };
  const at = new Date(asOf).toISOString();
  let accounts = 0;
  let scored = 0;
  let pending: Promise<RecomputeBatchAccount[]> | null = read("");
  let writing: Promise<unknown> | null = null;
  while (pending !== null) {
    const batch: RecomputeBatchAccount[] = await pending;
    if (batch.length === 0) break;
    const cursor = batch[batch.length - 1]!.id;
    pending = batch.length < FAIR_FLOOR_BATCH ? null : read(cursor);
    pending?.catch(() => {});
    const scores = batch.map((account) => {
      const result = scoring.score(account);
      if (result.score !== null) scored += 1;
      return {
        id: `hs_${createHash("sha256").update(`${runId}\u0000${account.id}`).digest("base64url").slice(0, 22)}`,
        accountId: account.id,
        props: {
          score: result.score,
          grade: result.grade,
          confidence: result.confidence,
          asOf: at,
          explanation: JSON.stringify(result.contributions),
          runId,
        },
      };
    });
    if (writing !== null) await writing;
    accounts += batch.length;
    const done = accounts;
    writing = driver
      .executeQuery(
        WRITE_BATCH,
        {
          tenant,
          runId,
          cursor,
          modelId: model.modelId,
          version: model.version,
          scores,
          now: new Date().toISOString(),
        },
        { database, routing: neo4j.routing.WRITE },
      )
      .then(() => onAccounts(done));
    writing.catch(() => {});
  }
  if (writing !== null) await writing;
  return { accounts, scored };
}
