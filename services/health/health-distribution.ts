/** One group's stored scores and grades, as the repository reads them (scores ascending). */
export interface GroupScores {
  group: string | null;
  scores: number[];
  grades: string[];
}

/** Per group: how many accounts have each grade, and score percentiles (nearest rank). */
export function summarizeDistribution(groups: readonly GroupScores[]) {
  return groups.map(({ group, scores, grades }) => {
    const counts = new Map<string, number>();
    grades.forEach((g) => counts.set(g, (counts.get(g) ?? 0) + 1));
    const pct = (p: number) =>
      scores.length === 0 ? null : scores[Math.min(scores.length - 1, Math.ceil((p / 100) * scores.length) - 1)]!;
    return {
      group,
      accounts: grades.length,
      scored: scores.length,
      grades: [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([grade, count]) => ({ grade, count })),
      mean: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
      p10: pct(10),
      p25: pct(25),
      p50: pct(50),
      p75: pct(75),
      p90: pct(90),
    };
  });
}
