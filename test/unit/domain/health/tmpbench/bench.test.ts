import { fitLogisticRegression } from "../../../../../domain/health/calibration/logistic-regression";
import { seededRandom } from "../../../../../domain/health/calibration/seeded-random";
it("bench", () => {
  const random = seededRandom(5);
  const rows = Array.from({ length: 50_000 }, () => Array.from({ length: 10 }, () => random()));
  const outcomes = rows.map((row) => (random() < 1 / (1 + Math.exp(-(1 - 2 * row[0] - row[1] + row[2]))) ? 1 : 0));
  for (let k = 0; k < 4; k++) {
    const t = performance.now();
    const m = fitLogisticRegression(rows, outcomes);
    console.log((performance.now() - t).toFixed(1), m.iterations, m.converged);
  }
});
