import { downDrivers, scaleX } from "../../../explorer/src/health/health.logic";

describe("the drivers of the at-risk list", () => {
  it("counts the concepts pulling scores down, most accounts first, then the largest total impact", () => {
    const tally = downDrivers([
      {
        drivers: [
          { conceptId: "core:support", direction: "DOWN", impact: -5 },
          { conceptId: "core:usage", direction: "UP", impact: 3 },
        ],
      },
      {
        drivers: [
          { conceptId: "core:support", direction: "DOWN", impact: -2 },
          { conceptId: "core:billing", direction: "DOWN", impact: -9 },
        ],
      },
      { drivers: [{ conceptId: "core:satisfaction", direction: "DOWN", impact: -1 }] },
    ]);
    expect(tally).toEqual([
      { conceptId: "core:support", accounts: 2, impact: -7 },
      { conceptId: "core:billing", accounts: 1, impact: -9 },
      { conceptId: "core:satisfaction", accounts: 1, impact: -1 },
    ]);
  });

  it("is empty when nothing pulls down", () => {
    expect(downDrivers([{ drivers: [{ conceptId: "core:usage", direction: "UP", impact: 3 }] }])).toEqual([]);
  });
});

describe("the box plots' scale", () => {
  it("maps 0..100 onto the width and clamps what is outside", () => {
    expect(scaleX(50, 200)).toBe(100);
    expect(scaleX(-5, 200)).toBe(0);
    expect(scaleX(120, 200)).toBe(200);
  });
});
