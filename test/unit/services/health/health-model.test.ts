import { isLowConfidence, LOW_CONFIDENCE_BELOW } from "../../../../domain/health/confidence";
import {
  DEFAULT_MODEL,
  fromVersionProps,
  healthModelProblems,
  toVersionProps,
} from "../../../../services/health/health-model";

const stored = (spec = DEFAULT_MODEL) => ({
  ...toVersionProps(spec),
  modelId: "default",
  version: 2,
  active: true,
  createdAt: "2026-11-15T00:00:00Z",
});

describe("health model versions with reversed polarities and learned levels (issue 19)", () => {
  const calibrated = {
    ...DEFAULT_MODEL,
    source: "CALIBRATED" as const,
    reversedConcepts: ["core:engagement"],
    categoryLevels: {
      "telco:contract": {
        system: "billing",
        field: "contract",
        values: { "Two year": 1, "One year": 0.4 },
        other: 0.2,
      },
    },
  };

  it("round-trips through the stored properties", () => {
    expect(fromVersionProps(stored(calibrated))).toMatchObject({
      reversedConcepts: ["core:engagement"],
      categoryLevels: calibrated.categoryLevels,
    });
  });

  it("reads versions stored before either existed as having neither", () => {
    const older: Record<string, unknown> = stored();
    delete older.reversedConcepts;
    delete older.categoryLevels;
    expect(fromVersionProps(older)).toMatchObject({ reversedConcepts: [], categoryLevels: {} });
  });

  it("rejects level values outside 0..1 and a concept reversed twice", () => {
    const bad = {
      ...calibrated,
      reversedConcepts: ["core:engagement", "core:engagement"],
      categoryLevels: { "telco:contract": { ...calibrated.categoryLevels["telco:contract"], other: 1.5 } },
    };
    expect(healthModelProblems("default", bad)).toEqual([
      "reversedConcepts lists a concept more than once",
      'categoryLevels["telco:contract"] must hold values from 0 to 1',
    ]);
  });
});

describe("low confidence", () => {
  it("is a confidence below 0.3", () => {
    expect(LOW_CONFIDENCE_BELOW).toBe(0.3);
    expect(isLowConfidence(0.29)).toBe(true);
    expect(isLowConfidence(0.3)).toBe(false);
    expect(isLowConfidence(1)).toBe(false);
    expect(isLowConfidence(Number.NaN)).toBe(true);
  });
});
