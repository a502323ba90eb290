import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getOperationAST, parse } from "graphql";
import { HEAVY_MUTATIONS, heavyFieldsOf } from "../../../../app/limits/heavy-operations";

const schema = buildSchema(readFileSync(join(__dirname, "../../../../schema/schema.graphql"), "utf8"));
const mutationFields = Object.keys(schema.getMutationType()?.getFields() ?? {});

function heavy(query: string): string[] {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return heavyFieldsOf(document, operation);
}

describe("HEAVY_MUTATIONS", () => {
  it("names only mutations the schema has", () => {
    expect([...HEAVY_MUTATIONS].filter((name) => !mutationFields.includes(name))).toEqual([]);
  });

  it("covers every bulk upsert, ingest, import, recompute and calibration of the schema", () => {
    const bulk = mutationFields.filter((name) => /^(upsert|ingest|import|recompute|calibrate|setOutcomes)/.test(name));
    expect(bulk.length).toBeGreaterThanOrEqual(12);
    expect(bulk.filter((name) => !HEAVY_MUTATIONS.has(name))).toEqual([]);
  });
});

describe("heavyFieldsOf", () => {
  it("finds heavy root fields, aliased or not", () => {
    expect(heavy("mutation { a: recomputeHealth { processed } b: upsertAccounts(input: []) { created } }")).toEqual([
      "recomputeHealth",
      "upsertAccounts",
    ]);
  });

  it("follows inline fragments and fragment spreads at the root", () => {
    const query = `
      mutation { ...Writes ... on Mutation { importOntology(format: YAML, content: "") { pack } } }
      fragment Writes on Mutation { ingestSignals(input: []) { created } ...More }
      fragment More on Mutation { setOutcomes(input: []) { created } }`;
    expect(heavy(query)).toEqual(["ingestSignals", "setOutcomes", "importOntology"]);
  });

  it("ignores light mutations and every query", () => {
    expect(heavy('mutation { deleteMapping(system: "crm", field: "x") }')).toEqual([]);
    expect(heavy("{ upsertAccounts: viewer { tenant } }")).toEqual([]);
  });
});
