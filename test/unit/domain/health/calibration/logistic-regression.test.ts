import { fitLogisticRegression, predictLogit } from "../../../../../domain/health/calibration/logistic-regression";
import { seededRandom } from "../../../../../domain/health/calibration/seeded-random";
import { generateAccounts } from "./calibration.fixtures";

const matrix = (rows: ReadonlyArray<{ features: Readonly<Record<string, unknown>> }>, names: string[]) =>
  rows.map((row) => names.map((name) => row.features[name] as number));

describe("fitLogisticRegression", () => {
  const names = ["adoption", "satisfaction", "noise"];
  const data = generateAccounts(20_000, 11, 1, { adoption: -3, satisfaction: 2 }, ["noise"]);
  const model = fitLogisticRegression(matrix(data.rows, names), data.outcomes, { l2: 0 });

  it("recovers the coefficients of the model that generated the data", () => {
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThan(15);
    expect(model.intercept).toBeCloseTo(1, 0);
    expect(model.coefficients[0]).toBeCloseTo(-3, 0);
    expect(model.coefficients[1]).toBeCloseTo(2, 0);
    expect(Math.abs(model.coefficients[2])).toBeLessThan(0.2);
  });

  it("reports coefficients per standard deviation beside those on the original scale", () => {
    model.coefficients.forEach((beta, j) => {
      expect(model.standardizedCoefficients[j]).toBeCloseTo(beta * model.scales[j], 12);
    });
    // Uniform 0..1 values have a standard deviation of about √(1/12).
    expect(model.scales[0]).toBeCloseTo(Math.sqrt(1 / 12), 2);
  });

  it("predicts log-odds on the original scale", () => {
    const row = [0.2, 0.9, 0.5];
    const expected = model.intercept + row.reduce((sum, x, j) => sum + model.coefficients[j] * x, 0);
    expect(predictLogit(model, row)).toBe(expected);
  });

  it("is deterministic", () => {
    expect(fitLogisticRegression(matrix(data.rows, names), data.outcomes, { l2: 0 })).toEqual(model);
  });

  it("shrinks coefficients as the L2 penalty grows", () => {
    const strong = fitLogisticRegression(matrix(data.rows, names), data.outcomes, { l2: 1 });
    expect(Math.abs(strong.coefficients[0])).toBeLessThan(Math.abs(model.coefficients[0]));
    expect(Math.sign(strong.coefficients[0])).toBe(-1);
  });

  it("gives a constant feature coefficient 0", () => {
    const rows = matrix(data.rows, names).map((row) => [row[0], 0.5]);
    const fitted = fitLogisticRegression(rows, data.outcomes);
    expect(fitted.constant).toEqual([false, true]);
    expect(fitted.coefficients[1]).toBe(0);
  });

  it("stays finite when a feature separates the outcomes perfectly", () => {
    const rows = [[0], [0.1], [0.2], [0.8], [0.9], [1]];
    const fitted = fitLogisticRegression(rows, [1, 1, 1, 0, 0, 0]);
    expect(fitted.converged).toBe(true);
    expect(Number.isFinite(fitted.coefficients[0])).toBe(true);
    expect(fitted.coefficients[0]).toBeLessThan(0);
  });

  it("rejects ragged rows, missing values and a single outcome", () => {
    expect(() => fitLogisticRegression([[1, 2], [3]], [0, 1])).toThrow(/row 1 has 1/);
    expect(() => fitLogisticRegression([[1], [Number.NaN]], [0, 1])).toThrow(/impute missing values/);
    expect(() => fitLogisticRegression([[1], [2]], [1, 1])).toThrow(
      expect.objectContaining({ code: "TOO_FEW_OUTCOMES" }),
    );
    expect(() => fitLogisticRegression([[1], [2]], [0, 1], { l2: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_OPTION" }),
    );
  });

  it("fits 50,000 rows × 10 features quickly", () => {
    const random = seededRandom(5);
    const rows = Array.from({ length: 50_000 }, () => Array.from({ length: 10 }, () => random()));
    const outcomes = rows.map((row) => (random() < 1 / (1 + Math.exp(-(1 - 2 * row[0] - row[1] + row[2]))) ? 1 : 0));
    const started = performance.now();
    const fitted = fitLogisticRegression(rows, outcomes);
    const elapsed = performance.now() - started;
    expect(fitted.converged).toBe(true);
    // A guard against order-of-magnitude regressions, not a benchmark: a fit takes well under a second.
    expect(elapsed).toBeLessThan(2_000);
  });
});
