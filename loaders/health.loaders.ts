import DataLoader from "dataloader";
import { StoredScore } from "../graph/health/health.repository";
import { HealthService, LiveHealth } from "../services/health/health.service";
import { LoaderOptions } from "./child-page.loader";

export interface HealthLoaders {
  /** Latest stored score per "modelId|accountId". */
  latestScore: DataLoader<string, StoredScore | null>;
  /** A score computed now, per "modelId|accountId|evidence". */
  liveScore: DataLoader<string, LiveHealth>;
}

function groupByModel(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const [modelId, accountId] = key.split("|") as [string, string];
    groups.set(modelId, [...(groups.get(modelId) ?? []), accountId]);
  }
  return groups;
}

/** Health loaders of one request: one query per model and batch, not one per account. */
export function createHealthLoaders(health: HealthService, options: LoaderOptions): HealthLoaders {
  return {
    latestScore: new DataLoader(
      async (keys) => {
        const found = new Map<string, StoredScore | null>();
        for (const [modelId, ids] of groupByModel(keys)) {
          const scores = await health.latestScores(ids, modelId);
          ids.forEach((id, i) => found.set(`${modelId}|${id}`, scores[i] ?? null));
        }
        return keys.map((key) => found.get(key) ?? null);
      },
      { batch: options.batch },
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
