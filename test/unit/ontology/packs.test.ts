import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DEMO_SIGNAL_FIELDS } from "../../../demo/signal-fields.catalogue";
import { bridgeValue } from "../../../ontology/bridge/bridge-value";
import { OntologyPack } from "../../../ontology/model/ontology.model";
import { KnownConcepts, validatePack } from "../../../ontology/pack/validate-pack";

const DIR = join(__dirname, "..", "..", "..", "ontology", "packs");
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".pack.yaml"))
  .sort();
const raws = files.map((file) => ({
  file,
  raw: parse(readFileSync(join(DIR, file), "utf8")) as Record<string, unknown>,
}));
const allConcepts = raws.flatMap(({ raw }) => (raw.concepts as Array<Record<string, unknown>>) ?? []);
const known: KnownConcepts = {
  has: (id) => allConcepts.some((c) => c.id === id),
  broaderOf: (id) => (allConcepts.find((c) => c.id === id)?.broader as string[] | undefined) ?? [],
  partsOf: (id) =>
    ((allConcepts.find((c) => c.id === id)?.parts as Array<{ concept: string }> | undefined) ?? []).map(
      (p) => p.concept,
    ),
};
const results = raws.map(({ file, raw }) => ({ file, result: validatePack(raw, known) }));
const packs: OntologyPack[] = results.flatMap(({ result }) => (result.ok ? [result.pack] : []));
const concepts = packs.flatMap((p) => p.concepts);
const mappings = packs.flatMap((p) => p.mappings);

/** Concepts reachable upwards (broader, and from a part to its whole). */
function above(id: string): Set<string> {
  const seen = new Set<string>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const concept = concepts.find((c) => c.id === current);
    queue.push(...(concept?.broader ?? []));
    queue.push(...concepts.filter((c) => c.parts.some((p) => p.concept === current)).map((c) => c.id));
  }
  return seen;
}

describe("the built-in ontology packs", () => {
  it("cover the cross-industry core and at least seven industries", () => {
    expect(files).toEqual(
      expect.arrayContaining(
        ["core", "saas", "manufacturing", "healthcare", "finance", "automotive", "ecommerce", "education"].map(
          (p) => `${p}.pack.yaml`,
        ),
      ),
    );
  });

  it.each(files)("%s is valid as a whole", (file) => {
    const { result } = results.find((r) => r.file === file)!;
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it.each(files)("%s has at least 15 concepts with English and Chinese labels and definitions", (file) => {
    const pack = packs.find((p) => `${p.pack}.pack.yaml` === file)!;
    expect(pack.concepts.length).toBeGreaterThanOrEqual(15);
    for (const concept of pack.concepts) {
      expect([concept.id, concept.prefLabel.en, concept.prefLabel.zh, concept.definition.en].every(Boolean)).toBe(true);
    }
  });

  it.each(files)("%s maps at least 10 source fields", (file) => {
    const pack = packs.find((p) => `${p.pack}.pack.yaml` === file)!;
    expect(pack.mappings.length).toBeGreaterThanOrEqual(10);
  });

  it("map every field the demo data emits, and bridge every demo string value", () => {
    const unmapped = DEMO_SIGNAL_FIELDS.filter(
      (f) => !mappings.some((m) => m.system === f.sourceSystem && m.field === f.field),
    ).map((f) => `${f.sourceSystem}/${f.field}`);
    expect(unmapped).toEqual([]);
    const rejected: string[] = [];
    for (const field of DEMO_SIGNAL_FIELDS) {
      if (field.valueType !== "string") continue;
      for (const mapping of mappings.filter((m) => m.system === field.sourceSystem && m.field === field.field)) {
        for (const value of field.values) {
          const result = bridgeValue(mapping, value);
          if (!result.ok) rejected.push(`${field.sourceSystem}/${field.field}=${value}: ${result.reason}`);
        }
      }
    }
    expect(rejected).toEqual([]);
  });

  it("roll call-center CSAT, IoT MTBF and the finance renewal-rate trend up to customer health", () => {
    const reaches = (system: string, field: string) =>
      mappings
        .filter((m) => m.system === system && m.field === field)
        .some((m) => above(m.concept).has("core:customer-health"));
    expect(reaches("callcenter", "csat_score")).toBe(true);
    expect(reaches("iot", "mtbf_hours")).toBe(true);
    expect(reaches("finance", "renewal_rate_pct")).toBe(true);
    const renewal = mappings.filter((m) => m.system === "finance" && m.field === "renewal_rate_pct");
    expect(renewal.some((m) => m.aggregation.kind === "trend")).toBe(true);
  });

  it("give customer health the seven cross-industry parts, weighted to 1", () => {
    const health = concepts.find((c) => c.id === "core:customer-health")!;
    expect(health.parts).toHaveLength(7);
    expect(health.parts.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1, 2);
  });
});
