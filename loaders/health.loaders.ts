import DataLoader from "dataloader";
import { PropertySelection, unionOf } from "../domain/selection/property-selection";
import { SnapshotProperty } from "../graph/health/health.queries";
import { StoredScore } from "../graph/health/health.repository";
import { HealthService, LiveHealth } from "../services/health/health.service";
import { LoaderOptions } from "./child-page.loader";

/** The latest stored score of an account under a model, with the snapshot properties the request selects. */
export interface LatestScoreKey {
  modelId: string;
  accountId: string;
  select: PropertySelection<SnapshotProperty>;
}

export interface HealthLoaders {
  /**
   * Latest stored score per model and account; one query per model and batch, projecting what every key of
   * the model selects. The selection is part of the cache key, so a snapshot read with fewer properties is
   * not handed to a later load that selects more (decision 0040).
   */
  latestScore: DataLoader<LatestScoreKey, StoredScore | null, string>;
  /** A score computed now, per "modelId|accountId|evidence". */
  liveScore: DataLoader<string, LiveHealth>;
}

/** Health loaders of one request: one query per model and batch, not one per account. */
export function createHealthLoaders(health: HealthService, options: LoaderOptions): HealthLoaders {
  return {
    latestScore: new DataLoader<LatestScoreKey, StoredScore | null, string>(
      async (keys) => {
        const found = new Map<string, StoredScore | null>();
        const byModel = new Map<string, LatestScoreKey[]>();
        for (const key of keys) {
          const group = byModel.get(key.modelId);
          if (group === undefined) byModel.set(key.modelId, [key]);
          else group.push(key);
        }
        for (const [modelId, group] of byModel) {
          const ids = [...new Set(group.map((key) => key.accountId))];
          const scores = await health.latestScores(ids, modelId, unionOf(group.map((key) => key.select)));
          ids.forEach((id, i) => found.set(`${modelId}|${id}`, scores[i] ?? null));
        }
        return keys.map((key) => found.get(`${key.modelId}|${key.accountId}`) ?? null);
      },
      { batch: options.batch, cacheKeyFn: (key) => `${key.select.key}|${key.modelId}|${key.accountId}` },
    ),
    liveScore: new DataLoader(
      async (keys) => {
        const found = new Map<string, LiveHealth>();
        const byModelAndEvidence = new Map<string, string[]>();
        for (const key of keys) {
          const [modelId, accountId, evidence] = key.split("|") as [string, string, string];
          const group = `${modelId}|${evidence}`;
          byModelAndEvidence.set(group, [...(byModelAndEvidence.get(group) ?? []), accountId]);
        }
        for (const [group, ids] of byModelAndEvidence) {
          const [modelId, evidence] = group.split("|") as [string, string];
          const results = await health.scoreNow(ids, modelId, evidence === "1");
          results.forEach((r) => found.set(`${modelId}|${r.accountId}|${evidence}`, r));
        }
        return keys.map((key) => found.get(key)!);
      },
      { batch: options.batch },
    ),
  };
}
