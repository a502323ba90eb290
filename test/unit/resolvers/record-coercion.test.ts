import "reflect-metadata";
import { GraphQLSchema } from "graphql";
import { ImportColumn, RecordCoercer } from "../../../domain/import/record-coercer";
import { buildRelataSchema } from "../../../resolvers/build-schema";
import { recordCoercer } from "../../../resolvers/ingest/record-coercion";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRelataSchema();
});

function header(coercer: RecordCoercer, names: string[]): ImportColumn[] {
  return names.map((name) => {
    const column = coercer.columns.find((c) => c.name === name);
    if (column === undefined) throw new Error(`no column ${name}`);
    return column;
  });
}

describe("the CSV columns of a record type", () => {
  it("are the bulk input's fields, nested ones dotted, lists as JSON cells", () => {
    expect(recordCoercer(schema, "contacts").columns).toEqual(
      expect.arrayContaining([
        { name: "externalId", required: true, kind: "text" },
        { name: "account.externalId", required: true, kind: "text" },
        { name: "account.sourceSystem", required: false, kind: "text" },
        { name: "buyingRole", required: false, kind: "text" },
      ]),
    );
    expect(recordCoercer(schema, "organizations").columns).toContainEqual({
      name: "links",
      required: true,
      kind: "json",
    });
    expect(recordCoercer(schema, "signals").columns).toEqual(
      expect.arrayContaining([
        { name: "numberValue", required: false, kind: "number" },
        { name: "booleanValue", required: false, kind: "boolean" },
        { name: "subject.kind", required: true, kind: "text" },
      ]),
    );
  });
});

describe("a CSV row", () => {
  const accounts = () => recordCoercer(schema, "accounts");
  const cols = ["sourceSystem", "externalId", "name", "industry", "annualRevenue"];

  it("becomes the record a GraphQL call would carry, numbers as numbers", () => {
    const c = accounts();
    expect(c.fromCells(header(c, cols), ["crm", "A-1", "北京长城", "制造", "1.5e3"], "omit")).toEqual({
      ok: true,
      record: { sourceSystem: "crm", externalId: "A-1", name: "北京长城", industry: "制造", annualRevenue: 1500 },
    });
  });

  it("leaves an empty cell out, or sends null with --empty null (never for a required column)", () => {
    const c = accounts();
    const cells = ["crm", "A-1", "Acme", "", ""];
    expect(c.fromCells(header(c, cols), cells, "omit")).toEqual({
      ok: true,
      record: { sourceSystem: "crm", externalId: "A-1", name: "Acme" },
    });
    expect(c.fromCells(header(c, cols), cells, "null")).toEqual({
      ok: true,
      record: { sourceSystem: "crm", externalId: "A-1", name: "Acme", industry: null, annualRevenue: null },
    });
  });

  it("is rejected with GraphQL's own words when a number is not one", () => {
    const c = accounts();
    expect(c.fromCells(header(c, cols), ["crm", "A-1", "Acme", "", "1,000"], "omit")).toEqual({
      ok: false,
      problems: [
        { field: "annualRevenue", reason: 'annualRevenue: Float cannot represent non numeric value: "1,000"' },
      ],
    });
  });

  it("is rejected for a value outside an enum, and for a required cell left empty", () => {
    const c = recordCoercer(schema, "contacts");
    const result = c.fromCells(
      header(c, ["sourceSystem", "externalId", "name", "account.externalId", "buyingRole"]),
      ["crm", "C-1", "", "A-1", "BOSS"],
      "omit",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(["name", "buyingRole"]);
    expect(result.problems[0]?.reason).toBe('Field "name" of required type "String!" was not provided.');
    expect(result.problems[1]?.reason).toMatch(/^buyingRole: Value "BOSS" does not exist in "BuyingRole" enum/);
  });

  it("reads booleans as true/false in any case and refuses other words", () => {
    const c = recordCoercer(schema, "signals");
    const names = [
      "sourceSystem",
      "recordId",
      "field",
      "booleanValue",
      "observedAt",
      "subject.kind",
      "subject.externalId",
    ];
    const row = (value: string) => ["iot", "R-1", "online", value, "2026-03-01T09:30:00Z", "ACCOUNT", "A-1"];
    expect(c.fromCells(header(c, names), row("TRUE"), "omit")).toMatchObject({
      ok: true,
      record: { booleanValue: true },
    });
    expect(c.fromCells(header(c, names), row("yes"), "omit")).toMatchObject({
      ok: false,
      problems: [{ field: "booleanValue" }],
    });
  });

  it("reads a list column as JSON and says so when it is not", () => {
    const c = recordCoercer(schema, "organizations");
    const names = ["sourceSystem", "externalId", "name", "kind", "links"];
    const links = '[{"account":{"externalId":"A-1"},"relationship":"SERVICES"}]';
    expect(c.fromCells(header(c, names), ["crm", "O-1", "Fix-It", "SERVICE_PROVIDER", links], "omit")).toMatchObject({
      ok: true,
      record: { links: [{ account: { externalId: "A-1" }, relationship: "SERVICES" }] },
    });
    const broken = c.fromCells(header(c, names), ["crm", "O-1", "Fix-It", "SERVICE_PROVIDER", "[{"], "omit");
    expect(broken).toMatchObject({
      ok: false,
      problems: [{ field: "links", reason: expect.stringMatching(/^links must be JSON/) }],
    });
  });

  it("is rejected when it has more or fewer cells than the header", () => {
    const c = accounts();
    expect(c.fromCells(header(c, cols), ["crm", "A-1"], "omit")).toMatchObject({
      ok: false,
      problems: [{ field: null, reason: expect.stringContaining("2 cells and the header 5 columns") }],
    });
  });
});

describe("an NDJSON line", () => {
  it("is checked as GraphQL variables are: types, nested fields and unknown fields", () => {
    const c = recordCoercer(schema, "contacts");
    const result = c.fromJson({
      sourceSystem: "crm",
      externalId: 7,
      name: "Li Wei",
      account: {},
      nickname: "Wei",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(["account.externalId", "externalId", "nickname"]);
  });

  it("is rejected when it is not an object", () => {
    expect(recordCoercer(schema, "accounts").fromJson([1, 2])).toMatchObject({
      ok: false,
      problems: [{ field: null, reason: "each line must be one JSON object (AccountInput)" }],
    });
  });
});
