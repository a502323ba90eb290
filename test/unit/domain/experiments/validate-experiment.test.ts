import { StartExperimentInput, validateStartExperiment } from "../../../../domain/experiments/validate-experiment";

const NOW = new Date("2027-01-04T09:00:00Z");
const valid: StartExperimentInput = {
  mpuId: "mpu-1",
  population: { unit: "OPPORTUNITY", industries: ["Education"] },
  split: 0.5,
  primaryOutcome: { kind: "OPPORTUNITY_WON" },
  horizon: "2027-04-04T00:00:00Z",
};

describe("validating a start request", () => {
  it("accepts a fixed-horizon design and fills the defaults", () => {
    expect(validateStartExperiment(valid, NOW)).toMatchObject({
      population: { unit: "OPPORTUNITY", industries: ["Education"], openOnly: true, stages: [] },
      interimLooks: [],
      minimumPerArm: 10,
      horizon: "2027-04-04T00:00:00.000Z",
    });
  });

  it.each([
    ["a split of 0", { split: 0 }, /strictly between 0 and 1/],
    ["a split of 1", { split: 1 }, /strictly between 0 and 1/],
    ["a horizon in the past", { horizon: "2027-01-01T00:00:00Z" }, /is not after now/],
    ["a horizon that is not an instant", { horizon: "next spring" }, /not an ISO-8601 instant/],
    ["a horizon three years ahead", { horizon: "2030-01-04T00:00:00Z" }, /more than 731 days ahead/],
    ["decreasing looks", { interimLooks: [0.6, 0.3] }, /increasing/],
    ["a look at the horizon", { interimLooks: [1] }, /strictly between 0 and 1/],
    ["a minimum of 0", { minimumPerArm: 0 }, /minimumPerArm/],
    ["STAGE_REACHED without a stage", { primaryOutcome: { kind: "STAGE_REACHED" } }, /stage is required/],
    ["a stage on OPPORTUNITY_WON", { primaryOutcome: { kind: "OPPORTUNITY_WON", stage: "PROPOSAL" } }, /only for it/],
    ["SIGNAL_OBSERVED without a field", { primaryOutcome: { kind: "SIGNAL_OBSERVED" } }, /field/],
    ["stages on accounts", { population: { unit: "ACCOUNT", stages: ["PROPOSAL"] } }, /filter opportunities/],
    ["an unknown stage", { population: { unit: "OPPORTUNITY", stages: ["WON"] } }, /is not a stage/],
    [
      "51 segments",
      { population: { unit: "ACCOUNT", segments: Array.from({ length: 51 }, (_, i) => `s${i}`) } },
      /at most 50/,
    ],
  ])("refuses %s", (_, change, message) => {
    expect(() => validateStartExperiment({ ...valid, ...change } as StartExperimentInput, NOW)).toThrow(message);
  });
});
