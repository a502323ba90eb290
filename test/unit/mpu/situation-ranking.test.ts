import { matchSituation } from "../../../domain/mpu/situation-match";
import { DEFAULT_PRIOR, rankMpus, shrunkSuccessRate, tenantPrior } from "../../../domain/mpu/mpu-ranking";
import { situation, visualDataUnit } from "./fixtures";

describe("matchSituation", () => {
  it("matches a school in the same stage with the buyer role present, ignoring case", () => {
    const match = matchSituation(visualDataUnit.situation, situation());
    expect(match.eligible).toBe(true);
    expect(match.score).toBe(1);
    expect(match.matched.map((t) => t.kind)).toEqual(["INDUSTRY", "SEGMENT", "DEAL_STAGE", "BUYER_ROLE"]);
  });

  it("makes a hospital ineligible because the required industry does not match, even if others do", () => {
    const match = matchSituation(visualDataUnit.situation, situation({ industry: "Healthcare", segment: "Hospital" }));
    expect(match.eligible).toBe(false);
    expect(match.score).toBe(0.5);
    expect(match.unmatched.map((t) => t.kind)).toEqual(["INDUSTRY", "SEGMENT"]);
  });

  it("is not eligible when nothing matches, even with no required tag", () => {
    const tags = visualDataUnit.situation.map((t) => ({ ...t, required: false }));
    const match = matchSituation(tags, situation({ industry: null, segment: null, dealStages: [], buyerRoles: [] }));
    expect(match.eligible).toBe(false);
  });
});

describe("ranking with shrinkage", () => {
  it("keeps one lucky use close to the prior", () => {
    expect(shrunkSuccessRate({ succeeded: 1, resolved: 1 }, 0.5)).toBeCloseTo(3.5 / 6, 10);
    expect(shrunkSuccessRate({ succeeded: 40, resolved: 50 }, 0.5)).toBeCloseTo(42.5 / 55, 10);
    expect(tenantPrior({ succeeded: 0, resolved: 0 })).toBe(DEFAULT_PRIOR);
    expect(tenantPrior({ succeeded: 3, resolved: 4 })).toBe(0.75);
  });

  it("ranks a proven unit above a lucky one of the same fit, and drops ineligible ones", () => {
    const full = matchSituation(visualDataUnit.situation, situation());
    const none = matchSituation(visualDataUnit.situation, situation({ industry: "Retail" }));
    const ranked = rankMpus(
      [
        { item: "lucky", match: full, counts: { succeeded: 1, resolved: 1 } },
        { item: "proven", match: full, counts: { succeeded: 18, resolved: 20 } },
        { item: "elsewhere", match: none, counts: { succeeded: 50, resolved: 50 } },
      ],
      0.4,
    );
    expect(ranked.map((r) => r.item)).toEqual(["proven", "lucky"]);
    expect(ranked[0]!.rank).toBeCloseTo(0.6 + 0.4 * ((18 + 2) / 25), 10);
  });
});
