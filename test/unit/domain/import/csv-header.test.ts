import { resolveHeader } from "../../../../domain/import/csv-header";
import { ImportColumn } from "../../../../domain/import/record-coercer";

const columns: ImportColumn[] = [
  { name: "sourceSystem", required: true, kind: "text" },
  { name: "externalId", required: true, kind: "text" },
  { name: "name", required: true, kind: "text" },
  { name: "annualRevenue", required: false, kind: "number" },
];

describe("resolveHeader", () => {
  it("gives the column of each cell, in the file's order, names trimmed", () => {
    const resolved = resolveHeader([" name", "externalId ", "sourceSystem"], columns, "AccountInput");
    expect(resolved).toEqual({ ok: true, columns: [columns[2], columns[1], columns[0]] });
  });

  it("names an unknown column, its position and the known ones, with a near miss", () => {
    const resolved = resolveHeader(["sourceSystem", "externalId", "name", "AnnualRevenue"], columns, "AccountInput");
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.code).toBe("UNKNOWN_COLUMN");
    expect(resolved.message).toContain('Column 4 of the header, "AnnualRevenue", is not a field of AccountInput');
    expect(resolved.message).toContain('did you mean "annualRevenue"?');
    expect(resolved.message).toContain("sourceSystem, externalId, name, annualRevenue");
  });

  it("names the required columns that are missing", () => {
    const resolved = resolveHeader(["externalId"], columns, "AccountInput");
    expect(resolved).toMatchObject({ ok: false, code: "MISSING_COLUMN" });
    if (!resolved.ok) expect(resolved.message).toContain("columns sourceSystem, name of AccountInput");
  });

  it("refuses a column named twice", () => {
    expect(resolveHeader(["sourceSystem", "externalId", "name", "name"], columns, "AccountInput")).toMatchObject({
      ok: false,
      code: "DUPLICATE_COLUMN",
    });
  });
});
