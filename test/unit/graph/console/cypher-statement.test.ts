import {
  describeQueryType,
  explainPlan,
  normaliseStatement,
  shiftErrorPositions,
  writesData,
} from "../../../../graph/console/cypher-statement";

describe("a console statement (issue 19)", () => {
  it("drops a trailing semicolon and surrounding blanks, as typed in cypher-shell", () => {
    expect(normaliseStatement("  MATCH (n) RETURN n;  \n")).toBe("MATCH (n) RETURN n");
    expect(normaliseStatement("RETURN ';' AS s")).toBe("RETURN ';' AS s");
    expect(normaliseStatement(" ; ")).toBe("");
  });

  it("is explained on a line of its own, so columns stay the user's", () => {
    expect(explainPlan("MATCH (n) RETURN n")).toEqual({
      text: "EXPLAIN\nMATCH (n) RETURN n",
      addedLines: 1,
      addedChars: 8,
    });
  });

  it("keeps a leading EXPLAIN, and turns PROFILE (which would run it) into EXPLAIN of the same length", () => {
    expect(explainPlan("EXPLAIN MATCH (n) RETURN n")).toEqual({
      text: "EXPLAIN MATCH (n) RETURN n",
      addedLines: 0,
      addedChars: 0,
    });
    expect(explainPlan("profile MATCH (n) RETURN n").text).toBe("EXPLAIN MATCH (n) RETURN n");
  });

  it("maps Neo4j's error positions back into the user's statement", () => {
    const plan = explainPlan("MATCH (n)\nRETRN n");
    const message = `Invalid input 'RETRN' (line 3, column 1 (offset: 18))\n"RETRN n"\n ^`;
    expect(shiftErrorPositions(message, plan)).toBe(
      `Invalid input 'RETRN' (line 2, column 1 (offset: 10))\n"RETRN n"\n ^`,
    );
    expect(shiftErrorPositions(message, explainPlan("EXPLAIN MATCH"))).toBe(message);
  });

  it("counts rw and w as writing data; schema and administration statements are left to the server", () => {
    expect(["r", "rw", "w", "s"].map(writesData)).toEqual([false, true, true, false]);
    expect(describeQueryType("s")).toContain("schema");
    expect(describeQueryType("x")).toContain('"x"');
  });
});
