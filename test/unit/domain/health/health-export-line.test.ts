import { healthExportLine, parseContributions } from "../../../../domain/health/health-export-line";
import { StoredContribution } from "../../../../domain/health/stored-explanation";

const account = {
  id: "acc_1",
  sourceSystem: "crm",
  externalId: "A-1",
  name: "北京长城",
  industry: "MANUFACTURING",
  segment: "ENTERPRISE",
  region: "APAC-CN",
  annualRevenue: 5e6,
};

function contribution(concept: string, depth: number, value: number | null): StoredContribution {
  return {
    concept,
    parent: depth === 0 ? null : "core:health",
    depth,
    value,
    weight: 1,
    normalizedWeight: 0.5,
    effectiveWeight: 0.5,
    contribution: 10,
    impact: 1,
    confidence: 1,
    reason: null,
  };
}

describe("healthExportLine", () => {
  it("puts the account, the stored score and each concept's value on one line", () => {
    const line = healthExportLine("default", account, {
      score: 62.5,
      grade: "YELLOW",
      confidence: 0.8,
      version: 3,
      computedAt: "2026-11-30T10:00:00.000Z",
      asOf: "2026-11-30T10:00:00.000Z",
      contributions: [
        contribution("core:health", 0, 0.625),
        contribution("core:satisfaction", 1, 0.7),
        contribution("core:reliability", 1, 0.55),
        contribution("core:satisfaction", 2, 0.1),
      ],
    });
    expect(line).toEqual({
      accountId: "acc_1",
      sourceSystem: "crm",
      externalId: "A-1",
      name: "北京长城",
      industry: "MANUFACTURING",
      segment: "ENTERPRISE",
      region: "APAC-CN",
      annualRevenue: 5e6,
      modelId: "default",
      modelVersion: 3,
      score: 62.5,
      grade: "YELLOW",
      confidence: 0.8,
      computedAt: "2026-11-30T10:00:00.000Z",
      asOf: "2026-11-30T10:00:00.000Z",
      concepts: { "core:satisfaction": 0.7, "core:reliability": 0.55 },
    });
  });

  it("gives nulls and no concepts for an account never scored", () => {
    expect(healthExportLine("default", account, null)).toMatchObject({
      modelId: "default",
      modelVersion: null,
      score: null,
      grade: null,
      confidence: null,
      computedAt: null,
      asOf: null,
      concepts: {},
    });
  });
});

describe("parseContributions", () => {
  it("reads a stored snapshot and gives none for text that is not one", () => {
    expect(parseContributions(JSON.stringify([contribution("a", 1, 0.5)]))).toHaveLength(1);
    expect(parseContributions("{oops")).toEqual([]);
    expect(parseContributions('{"a":1}')).toEqual([]);
  });
});
