/** Pairwise quality of predicted clusters against true entities. */
export interface PairQuality {
  /** Record pairs the clusters put together (within the evaluated scope). */
  predictedPairs: number;
  /** Record pairs that are truly the same entity. */
  truePairs: number;
  /** Predicted pairs that are true. */
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 over record pairs: the transitive closure of the predicted clusters against the
 * true entities. `sourceOf` (optional) restricts the pairs to records of different sources (linking two
 * files rather than deduplicating one): then only cross-source pairs count, on both sides.
 */
export function pairQuality(
  clusters: readonly (readonly string[])[],
  entityOf: (id: string) => string,
  sourceOf?: (id: string) => string,
): PairQuality {
  const pairsWithin = (ids: readonly string[]): number => {
    if (!sourceOf) return (ids.length * (ids.length - 1)) / 2;
    const bySource = new Map<string, number>();
    for (const id of ids) bySource.set(sourceOf(id), (bySource.get(sourceOf(id)) ?? 0) + 1);
    let same = 0;
    for (const k of bySource.values()) same += (k * (k - 1)) / 2;
    return (ids.length * (ids.length - 1)) / 2 - same;
  };
  const group = (ids: readonly string[]): Map<string, string[]> => {
    const byEntity = new Map<string, string[]>();
    for (const id of ids) {
      const e = entityOf(id);
      const list = byEntity.get(e);
      if (list) list.push(id);
      else byEntity.set(e, [id]);
    }
    return byEntity;
  };
  let predictedPairs = 0;
  let correctPairs = 0;
  const all: string[] = [];
  for (const cluster of clusters) {
    predictedPairs += pairsWithin(cluster);
    for (const ids of group(cluster).values()) correctPairs += pairsWithin(ids);
    for (const id of cluster) all.push(id);
  }
  let truePairs = 0;
  for (const ids of group(all).values()) truePairs += pairsWithin(ids);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predictedPairs, truePairs, correctPairs, precision, recall, f1 };
}
