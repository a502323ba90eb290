import { gradeBandProblems, gradeOf } from "../../../../domain/health/grade-bands";
import { HealthScoringError } from "../../../../domain/health/health.errors";

const BANDS = [
  { grade: "GREEN", min: 70 },
  { grade: "YELLOW", min: 40 },
  { grade: "RED", min: 0 },
];

describe("gradeOf", () => {
  it("gives the first band whose minimum the score reaches", () => {
    expect(gradeOf(100, BANDS)).toBe("GREEN");
    expect(gradeOf(70, BANDS)).toBe("GREEN");
    expect(gradeOf(69.99999999999999, BANDS)).toBe("YELLOW");
    expect(gradeOf(40, BANDS)).toBe("YELLOW");
    expect(gradeOf(0, BANDS)).toBe("RED");
  });

  it("has no grade without a score", () => {
    expect(gradeOf(null, BANDS)).toBeNull();
  });

  it("gives a score a rounding error above 100 the top grade", () => {
    expect(gradeOf(100.00000000000001, BANDS)).toBe("GREEN");
  });

  it("rejects invalid bands with every problem", () => {
    const invalid = () =>
      gradeOf(50, [
        { grade: "RED", min: 0 },
        { grade: "GREEN", min: 70 },
      ]);
    expect(invalid).toThrow(HealthScoringError);
    expect(invalid).toThrow(/bands\[1\]\.min: 70 is not below the previous band's 0/);
  });
});

describe("gradeBandProblems", () => {
  it("accepts bands from the top down that end at 0", () => {
    expect(gradeBandProblems(BANDS)).toEqual([]);
    expect(gradeBandProblems([{ grade: "ANY", min: 0 }])).toEqual([]);
  });

  it("reports unsorted, repeated, out-of-range and non-covering bands", () => {
    expect(gradeBandProblems([])).toEqual([expect.stringContaining("expected at least one band")]);
    expect(
      gradeBandProblems([
        { grade: "GREEN", min: 70 },
        { grade: "GREEN", min: 70 },
        { grade: "", min: 120 },
        { grade: "RED", min: 10 },
      ]),
    ).toEqual([
      'bands[1].grade: "GREEN" is used by an earlier band; grade names must be unique',
      "bands[1].min: 70 is not below the previous band's 70; list bands from the highest minimum down, each minimum once",
      'bands[2].grade: expected a non-empty name such as "GREEN"',
      "bands[2].min: expected a number from 0 to 100; received 120",
      "bands[3].min: the last band must start at 0 so that every score has a grade",
    ]);
  });
});
