import { MAX_CELL_WIDTH, renderTable } from "../../../cli/db/result-table";

describe("the cypher result table (issue 19)", () => {
  it("pads columns to their widest cell, with a header", () => {
    expect(
      renderTable(
        ["name", "n"],
        [
          ['"Acme"', "12"],
          ['"Globex Corporation"', "3"],
        ],
      ),
    ).toBe(
      [
        "+----------------------+----+",
        "| name                 | n  |",
        "+----------------------+----+",
        '| "Acme"               | 12 |',
        '| "Globex Corporation" | 3  |',
        "+----------------------+----+",
        "",
      ].join("\n"),
    );
  });

  it("keeps every cell on one line and cuts long ones", () => {
    const table = renderTable(["text"], [["a\nb"], ["x".repeat(200)]]);
    expect(table).toContain("| a⏎b");
    expect(table).toContain(`${"x".repeat(MAX_CELL_WIDTH - 1)}…`);
    expect(table.split("\n").every((line) => line.length <= MAX_CELL_WIDTH + 4)).toBe(true);
  });

  it("prints only the header for no rows, and nothing for a statement without columns", () => {
    expect(renderTable(["n"], [])).toBe("+---+\n| n |\n+---+\n");
    expect(renderTable([], [])).toBe("");
  });
});
