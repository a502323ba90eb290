import { loadCorpusContext } from "../../../cli/nl";
import {
  ratePerDayInConceptUnit,
  ScaledThreshold,
  thresholdOnScale,
} from "../../../domain/plain-language/concept-scale";
import { buildLexicon } from "../../../domain/plain-language/lexicon";

const lexicon = buildLexicon(loadCorpusContext());
const concept = (id: string) => {
  const info = lexicon.concepts.get(id);
  if (info === undefined) throw new Error(`no concept ${id}`);
  return info;
};

function scaled(id: string, op: "BELOW" | "ABOVE", value: number, unit?: string): ScaledThreshold {
  const result = thresholdOnScale(concept(id), op, value, unit);
  if ("problem" in result) throw new Error(result.problem);
  return result;
}

describe("values said in a concept's unit, on its normalised scale", () => {
  it("uses the fixed linear normalisation (CSAT 3 on 1..5 is 0.5)", () => {
    expect(scaled("core:csat", "BELOW", 3)).toMatchObject({ op: "BELOW", value: 0.5 });
  });

  it("applies the log transform where the mapping has one (MTBF 1,000 hours → 0.334)", () => {
    const result = scaled("core:mean-time-between-failures", "BELOW", 1000, "hours");
    expect(result.op).toBe("BELOW");
    expect(result.value).toBeCloseTo(0.3335, 3);
  });

  it("flips value and operator for LOWER_IS_BETTER (backlog above 20 on 0..30 → BELOW 0.333)", () => {
    const result = scaled("core:support-backlog", "ABOVE", 20);
    expect(result.op).toBe("BELOW");
    expect(result.value).toBeCloseTo(0.3333, 3);
  });

  it("converts the said unit first (first response over half an hour = 30 minutes → BELOW 0.754)", () => {
    const result = scaled("core:first-response-time", "ABOVE", 0.5, "hours");
    expect(result.op).toBe("BELOW");
    expect(result.value).toBeCloseTo(0.754, 3);
  });

  it("refuses a concept with no fixed numeric scale", () => {
    expect("problem" in thresholdOnScale(concept("ecommerce:order-volume"), "BELOW", 10)).toBe(true);
  });

  it("keeps trend rates in the concept's unit per day", () => {
    expect(ratePerDayInConceptUnit(concept("automotive:charging-session-success"), 2, 7)).toBeCloseTo(0.2857, 4);
    expect(ratePerDayInConceptUnit(concept("manufacturing:unplanned-downtime"), 120, 1, "minutes")).toBe(2);
  });
});
