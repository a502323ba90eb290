import { HealthScoringError } from "./health.errors";

/** One grade of a health model: scores at or above `min` (and below the next band's) get `grade`. */
export interface GradeBand {
  /** E.g. "GREEN". */
  grade: string;
  /** 0..100. */
  min: number;
}

/**
 * Every problem of a list of grade bands, located (`bands[1].min: …`); empty when the bands are usable.
 * Bands are listed from the best grade down, with strictly decreasing minimums, unique grade names, and
 * the last band starting at 0 so that every score from 0 to 100 has a grade, e.g.
 * `[{ grade: "GREEN", min: 70 }, { grade: "YELLOW", min: 40 }, { grade: "RED", min: 0 }]`.
 */
export function gradeBandProblems(bands: unknown): string[] {
  const example = `e.g. [{ grade: "GREEN", min: 70 }, { grade: "YELLOW", min: 40 }, { grade: "RED", min: 0 }]`;
  if (!Array.isArray(bands) || bands.length === 0) {
    return [`bands: expected at least one band, ${example}`];
  }
  const problems: string[] = [];
  const names = new Set<string>();
  bands.forEach((band: unknown, index) => {
    const where = `bands[${index}]`;
    if (typeof band !== "object" || band === null) {
      problems.push(`${where}: expected { grade, min }`);
      return;
    }
    const { grade, min } = band as { grade?: unknown; min?: unknown };
    if (typeof grade !== "string" || grade.trim() === "") {
      problems.push(`${where}.grade: expected a non-empty name such as "GREEN"`);
    } else if (names.has(grade)) {
      problems.push(`${where}.grade: ${JSON.stringify(grade)} is used by an earlier band; grade names must be unique`);
    } else {
      names.add(grade);
    }
    if (typeof min !== "number" || !Number.isFinite(min) || min < 0 || min > 100) {
      problems.push(`${where}.min: expected a number from 0 to 100; received ${JSON.stringify(min)}`);
      return;
    }
    const previous = index > 0 ? (bands[index - 1] as { min?: unknown }).min : undefined;
    if (typeof previous === "number" && !(min < previous)) {
      problems.push(
        `${where}.min: ${min} is not below the previous band's ${previous}; list bands from the highest minimum down, each minimum once`,
      );
    }
  });
  const last = bands[bands.length - 1] as { min?: unknown } | null;
  if (typeof last === "object" && last !== null && typeof last.min === "number" && last.min !== 0) {
    problems.push(`bands[${bands.length - 1}].min: the last band must start at 0 so that every score has a grade`);
  }
  return problems;
}

/**
 * The grade of a score: the first band (from the top) whose minimum the score reaches. Null for a null
 * score (no data). Scores are 0..100; one a rounding error above 100 gets the top grade.
 *
 * @throws HealthScoringError INVALID_GRADE_BANDS, listing every problem of the bands.
 */
export function gradeOf(score: number | null, bands: readonly GradeBand[]): string | null {
  assertGradeBands(bands);
  if (score === null) return null;
  const band = bands.find((b) => score >= b.min) ?? bands[bands.length - 1];
  return band.grade;
}

/** @throws HealthScoringError INVALID_GRADE_BANDS when {@link gradeBandProblems} finds any. */
export function assertGradeBands(bands: readonly GradeBand[]): void {
  const problems = gradeBandProblems(bands);
  if (problems.length > 0) {
    throw new HealthScoringError("INVALID_GRADE_BANDS", `the grade bands are invalid: ${problems.join("; ")}`);
  }
}
