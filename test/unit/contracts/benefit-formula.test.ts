import { computeBenefit, evaluateFormula, roundBenefit } from "../../../domain/contracts/benefit-formula";
import { definition } from "./fixtures";

describe("benefit formulas", () => {
  it("adds rate × units to the base, and stops at the cap", () => {
    const formula = { kind: "LINEAR" as const, base: 2, rate: 0.001, cap: 10 };
    expect(evaluateFormula(formula, 0).raw).toBe(2);
    expect(evaluateFormula(formula, 3000).raw).toBeCloseTo(5, 9);
    expect(evaluateFormula(formula, 50_000)).toEqual({
      raw: 10,
      explanation: "2 + 0.001 × 50000 units = 52, capped at 10",
    });
  });

  it("applies tiers marginally, like tax brackets", () => {
    const formula = {
      kind: "TIERED" as const,
      base: 1000,
      tiers: [
        { fromUnits: 0, rate: 1 },
        { fromUnits: 100, rate: 0.5 },
        { fromUnits: 1000, rate: 0 },
      ],
      cap: null,
    };
    expect(evaluateFormula(formula, 50).raw).toBe(1050);
    // 1000 + 100 × 1 + 900 × 0.5 + the rest at 0
    expect(evaluateFormula(formula, 5000).raw).toBe(1550);
    expect(evaluateFormula(formula, 150).explanation).toBe(
      "1000 + 1 × 100 units from 0 + 0.5 × 50 units from 100 = 1125",
    );
  });

  it("rounds a discount to two decimals within 0..100, and a quota down to whole calls", () => {
    expect(roundBenefit("DISCOUNT_PERCENT", 0.1 + 0.2)).toBe(0.3);
    expect(roundBenefit("DISCOUNT_PERCENT", 250)).toBe(100);
    expect(roundBenefit("API_QUOTA", 1234.99)).toBe(1234);
    expect(roundBenefit("API_QUOTA", 3 * 0.1 * 10)).toBe(3);
  });

  it("computes a period's benefit from every usage line, merged by category, purpose and anonymisation", () => {
    const benefit = computeBenefit(definition(), {
      period: "2026-11",
      lines: [
        { category: "USAGE", purpose: "ANALYTICS", anonymised: true, units: 1000 },
        { category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true, units: 2000 },
        { category: "USAGE", purpose: "ANALYTICS", anonymised: true, units: 500 },
      ],
    });
    expect(benefit).toMatchObject({ kind: "DISCOUNT_PERCENT", totalUnits: 3500, value: 5.5 });
    expect(benefit.usage).toEqual([
      { category: "TELEMETRY", purpose: "ANALYTICS", anonymised: true, units: 2000 },
      { category: "USAGE", purpose: "ANALYTICS", anonymised: true, units: 1500 },
    ]);
    expect(benefit.explanation).toMatch(/→ 5\.5% discount$/);
  });

  it("gives the base for a month without usage", () => {
    expect(computeBenefit(definition(), { period: "2026-11", lines: [] })).toMatchObject({ totalUnits: 0, value: 2 });
  });
});
