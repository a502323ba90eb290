import { armOf, assignmentPoint } from "../../../../domain/experiments/arm-assignment";

describe("assignment to arms by stable hashing", () => {
  it("puts the same (experiment, unit) in the same place every time", () => {
    expect(assignmentPoint("mpx_1", "opp-1")).toBe(assignmentPoint("mpx_1", "opp-1"));
    // Pinned: SHA-256("mpx_1:opp-1"), first 52 bits ÷ 2^52. A change here reassigns running experiments.
    expect(assignmentPoint("mpx_1", "opp-1")).toBe(0.9028742290607126); // Python hashlib gives the same.
  });

  it("splits units close to the requested share", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `unit-${i}`);
    const share = (split: number) =>
      ids.filter((id) => armOf("mpx_split", id, split) === "TREATMENT").length / ids.length;
    // Binomial sd for 20 000 at 0.5 is 0.0035; 0.02 is over five sd.
    expect(Math.abs(share(0.5) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(share(0.2) - 0.2)).toBeLessThan(0.02);
  });

  it("assigns independently in different experiments", () => {
    const ids = Array.from({ length: 4_000 }, (_, i) => `unit-${i}`);
    const same = ids.filter((id) => armOf("mpx_a", id, 0.5) === armOf("mpx_b", id, 0.5)).length / ids.length;
    expect(Math.abs(same - 0.5)).toBeLessThan(0.05);
  });
});
