import { StoredContribution } from "../health/stored-explanation";

/** The part of an account's health explanation a firing relied on: grade, score and the concepts that moved it most. */
export interface HealthExcerpt {
  accountId: string;
  grade: string | null;
  score: number | null;
  topConcepts: Array<{ concept: string; value: number | null; contribution: number; impact: number }>;
}

/** The `limit` concepts with the largest impact (up or down) of a stored explanation; none when it cannot be read. */
export function healthExcerpt(
  accountId: string,
  grade: string | null,
  score: number | null,
  storedExplanation: string | null,
  limit = 5,
): HealthExcerpt {
  let contributions: StoredContribution[] = [];
  try {
    const parsed: unknown = storedExplanation === null ? [] : JSON.parse(storedExplanation);
    if (Array.isArray(parsed)) contributions = parsed as StoredContribution[];
  } catch {
    contributions = [];
  }
  const topConcepts = contributions
    .filter((c) => c.depth > 0 && typeof c.impact === "number")
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.concept.localeCompare(b.concept))
    .slice(0, limit)
    .map((c) => ({ concept: c.concept, value: c.value, contribution: c.contribution, impact: c.impact }));
  return { accountId, grade, score, topConcepts };
}
