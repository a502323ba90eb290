import type { MappingSpec } from "../../../../ontology/model/mapping.model";
import { ConceptSpec, OntologyPack } from "../../../../ontology/model/ontology.model";
import { canonicalPack, diffPacks, mappingKey, PackDiff } from "../../../../ontology/pack/diff-packs";
import { mapping } from "./pack.fixtures";

function conceptSpec(id: string, fields: Partial<ConceptSpec> = {}): ConceptSpec {
  return {
    id,
    prefLabel: { en: id, zh: id },
    altLabel: {},
    definition: { en: `The ${id} concept.` },
    broader: [],
    parts: [],
    exactMatch: [],
    closeMatch: [],
    ...fields,
  };
}

function mappingSpec(concept: string, overrides: Record<string, unknown> = {}): MappingSpec {
  return mapping(concept, overrides) as unknown as MappingSpec;
}

/** Version 1.0.0 of a small pack with every kind of list. */
const BEFORE: OntologyPack = {
  pack: "demo",
  version: "1.0.0",
  title: { en: "Demo", zh: "演示" },
  description: { en: "A demo." },
  namespace: "https://ontology.example.com/demo/",
  concepts: [
    conceptSpec("demo:health", {
      altLabel: { en: ["Account health", "Health score"], zh: ["客户健康", "健康分"] },
      broader: ["demo:top", "core:relationship"],
      parts: [
        { concept: "demo:usage", weight: 0.6 },
        { concept: "demo:mood", weight: 0.4 },
      ],
      exactMatch: ["saas:health", "finance:health"],
      closeMatch: ["core:a", "core:b"],
    }),
    conceptSpec("demo:usage"),
    conceptSpec("demo:mood"),
    conceptSpec("demo:top"),
  ],
  mappings: [
    mappingSpec("demo:usage"),
    mappingSpec("demo:mood", { field: "nps" }),
    mappingSpec("demo:usage", { system: "helpdesk", field: "tickets" }),
  ],
};

/** A copy of a pack with concepts and mappings changed. */
function edited(
  pack: OntologyPack,
  edit: { concepts?: (cs: ConceptSpec[]) => ConceptSpec[]; mappings?: (ms: MappingSpec[]) => MappingSpec[] },
): OntologyPack {
  return {
    ...pack,
    concepts: edit.concepts ? edit.concepts([...pack.concepts]) : pack.concepts,
    mappings: edit.mappings ? edit.mappings([...pack.mappings]) : pack.mappings,
  };
}

/** Replaces the concept with `id`. */
function withConcept(id: string, change: (c: ConceptSpec) => ConceptSpec) {
  return (cs: ConceptSpec[]) => cs.map((c) => (c.id === id ? change(c) : c));
}

const NO_CHANGE: PackDiff = {
  addedConcepts: [],
  removedConcepts: [],
  changedConcepts: [],
  addedMappings: [],
  removedMappings: [],
  changedMappings: [],
};

/** The reordered copy: concepts, mappings and every list in reverse, and keys in another order. */
function reordered(pack: OntologyPack): OntologyPack {
  return {
    namespace: pack.namespace,
    mappings: [...pack.mappings]
      .reverse()
      .map((m) => Object.fromEntries(Object.entries(m).reverse()) as unknown as MappingSpec),
    concepts: [...pack.concepts].reverse().map((c) => ({
      closeMatch: [...c.closeMatch].reverse(),
      exactMatch: [...c.exactMatch].reverse(),
      parts: [...c.parts].reverse(),
      broader: [...c.broader].reverse(),
      definition: c.definition,
      altLabel: Object.fromEntries(
        Object.entries(c.altLabel)
          .reverse()
          .map(([lang, list]) => [lang, [...list].reverse()]),
      ),
      prefLabel: Object.fromEntries(Object.entries(c.prefLabel).reverse()),
      id: c.id,
    })),
    description: pack.description,
    title: pack.title,
    version: pack.version,
    pack: pack.pack,
  };
}

describe("mappingKey", () => {
  it("names the system, the field and the concept", () => {
    expect(mappingKey({ system: "callcenter", field: "csat_score", concept: "core:satisfaction" })).toBe(
      "callcenter/csat_score → core:satisfaction",
    );
  });
});

describe("diffPacks", () => {
  describe("no change", () => {
    it("finds no change between a pack and itself", () => {
      expect(diffPacks(BEFORE, BEFORE)).toEqual(NO_CHANGE);
    });

    it("finds no change when concepts, mappings, lists and keys are reordered", () => {
      expect(diffPacks(BEFORE, reordered(BEFORE))).toEqual(NO_CHANGE);
      expect(diffPacks(reordered(BEFORE), BEFORE)).toEqual(NO_CHANGE);
    });

    it("treats an absent optional mapping field like null", () => {
      const after = edited(BEFORE, {
        mappings: (ms) => ms.map((m) => ({ ...m, comment: null, targetUnit: undefined })),
      });
      expect(diffPacks(BEFORE, after)).toEqual(NO_CHANGE);
    });
  });

  describe("concepts", () => {
    it("lists added and removed concepts, sorted", () => {
      const after = edited(BEFORE, {
        concepts: (cs) => [
          ...cs.filter((c) => c.id !== "demo:top" && c.id !== "demo:mood"),
          conceptSpec("demo:z"),
          conceptSpec("demo:b"),
        ],
      });
      expect(diffPacks(BEFORE, after)).toEqual({
        ...NO_CHANGE,
        addedConcepts: ["demo:b", "demo:z"],
        removedConcepts: ["demo:mood", "demo:top"],
      });
    });

    it.each<[string, (c: ConceptSpec) => ConceptSpec, string[]]>([
      ["prefLabel", (c) => ({ ...c, prefLabel: { ...c.prefLabel, zh: "新" } }), ["prefLabel"]],
      [
        "altLabel (an added label)",
        (c) => ({ ...c, altLabel: { ...c.altLabel, en: [...c.altLabel.en!, "New"] } }),
        ["altLabel"],
      ],
      ["altLabel (a new language)", (c) => ({ ...c, altLabel: { ...c.altLabel, de: ["Gesundheit"] } }), ["altLabel"]],
      ["definition", (c) => ({ ...c, definition: { en: "Changed." } }), ["definition"]],
      ["broader", (c) => ({ ...c, broader: ["demo:top"] }), ["broader"]],
      ["exactMatch", (c) => ({ ...c, exactMatch: [] }), ["exactMatch"]],
      ["closeMatch", (c) => ({ ...c, closeMatch: [...c.closeMatch, "core:c"] }), ["closeMatch"]],
      [
        "a part's weight",
        (c) => ({
          ...c,
          parts: [
            { concept: "demo:usage", weight: 0.5 },
            { concept: "demo:mood", weight: 0.5 },
          ],
        }),
        ["parts"],
      ],
      [
        "several fields",
        (c) => ({ ...c, definition: { en: "Changed." }, parts: [{ concept: "demo:usage", weight: 1 }], broader: [] }),
        ["broader", "definition", "parts"],
      ],
    ])("names the changed field of a concept: %s", (_label, change, fields) => {
      const after = edited(BEFORE, { concepts: withConcept("demo:health", change) });
      expect(diffPacks(BEFORE, after)).toEqual({ ...NO_CHANGE, changedConcepts: [{ key: "demo:health", fields }] });
    });

    it("lists changed concepts sorted by id", () => {
      const after = edited(BEFORE, {
        concepts: (cs) =>
          withConcept("demo:usage", (c) => ({ ...c, definition: { en: "U." } }))(
            withConcept("demo:health", (c) => ({ ...c, broader: [] }))(cs),
          ),
      });
      expect(diffPacks(BEFORE, after).changedConcepts.map((c) => c.key)).toEqual(["demo:health", "demo:usage"]);
    });

    it("counts a concept whose id changed as removed and added, not changed", () => {
      const after = edited(BEFORE, { concepts: withConcept("demo:top", (c) => ({ ...c, id: "demo:summit" })) });
      expect(diffPacks(BEFORE, after)).toEqual({
        ...NO_CHANGE,
        addedConcepts: ["demo:summit"],
        removedConcepts: ["demo:top"],
      });
    });
  });

  describe("mappings", () => {
    it("lists added and removed mappings by their key", () => {
      const after = edited(BEFORE, {
        mappings: (ms) => [...ms.slice(1), mappingSpec("demo:mood", { field: "csat_score" })],
      });
      expect(diffPacks(BEFORE, after)).toEqual({
        ...NO_CHANGE,
        addedMappings: ["callcenter/csat_score → demo:mood"],
        removedMappings: ["callcenter/csat_score → demo:usage"],
      });
    });

    it("names the changed fields of a mapping", () => {
      const after = edited(BEFORE, {
        mappings: (ms) =>
          ms.map((m) =>
            m.field === "nps"
              ? { ...m, weight: 0.5, transform: { kind: "linear", scale: 2 }, comment: "re-weighted" }
              : m,
          ),
      });
      expect(diffPacks(BEFORE, after)).toEqual({
        ...NO_CHANGE,
        changedMappings: [{ key: "callcenter/nps → demo:mood", fields: ["comment", "transform", "weight"] }],
      });
    });

    it("sees a change deep inside a mapping's transform", () => {
      const lookup = (table: Record<string, number>) =>
        mappingSpec("demo:mood", { field: "nps", transform: { kind: "lookup", table } });
      const before = edited(BEFORE, { mappings: () => [lookup({ A: 1, B: 0 })] });
      expect(diffPacks(before, edited(BEFORE, { mappings: () => [lookup({ B: 0, A: 1 })] }))).toEqual(NO_CHANGE);
      expect(diffPacks(before, edited(BEFORE, { mappings: () => [lookup({ A: 1, B: 0.5 })] })).changedMappings).toEqual(
        [{ key: "callcenter/nps → demo:mood", fields: ["transform"] }],
      );
    });
  });
});

describe("canonicalPack", () => {
  it("is the same for a pack and its reordered copy", () => {
    expect(canonicalPack(reordered(BEFORE))).toBe(canonicalPack(BEFORE));
  });

  it("is valid JSON", () => {
    const parsed = JSON.parse(canonicalPack(BEFORE)) as { concepts: Array<{ id: string }> };
    expect(parsed.concepts.map((c) => c.id)).toEqual(["demo:health", "demo:mood", "demo:top", "demo:usage"]);
  });

  it("differs when anything that carries meaning differs", () => {
    const canonical = canonicalPack(BEFORE);
    expect(canonicalPack({ ...BEFORE, version: "1.0.1" })).not.toBe(canonical);
    expect(canonicalPack({ ...BEFORE, title: { en: "Other" } })).not.toBe(canonical);
    expect(canonicalPack({ ...BEFORE, namespace: "https://ontology.example.com/other/" })).not.toBe(canonical);
    expect(
      canonicalPack(edited(BEFORE, { concepts: withConcept("demo:top", (c) => ({ ...c, broader: ["core:x"] })) })),
    ).not.toBe(canonical);
    expect(canonicalPack(edited(BEFORE, { mappings: (ms) => ms.slice(1) }))).not.toBe(canonical);
    expect(
      canonicalPack(edited(BEFORE, { mappings: (ms) => ms.map((m, i) => (i === 0 ? { ...m, confidence: 0.5 } : m)) })),
    ).not.toBe(canonical);
  });

  it("keeps which weight belongs to which part", () => {
    const swapped = edited(BEFORE, {
      concepts: withConcept("demo:health", (c) => ({
        ...c,
        parts: [
          { concept: "demo:usage", weight: 0.4 },
          { concept: "demo:mood", weight: 0.6 },
        ],
      })),
    });
    expect(canonicalPack(swapped)).not.toBe(canonicalPack(BEFORE));
  });

  it("keeps which alt label belongs to which language", () => {
    const swapped = edited(BEFORE, {
      concepts: withConcept("demo:health", (c) => ({ ...c, altLabel: { en: c.altLabel.zh!, zh: c.altLabel.en! } })),
    });
    expect(canonicalPack(swapped)).not.toBe(canonicalPack(BEFORE));
  });

  it("does not change the pack it is given", () => {
    const copy = JSON.parse(JSON.stringify(BEFORE)) as OntologyPack;
    canonicalPack(BEFORE);
    diffPacks(BEFORE, reordered(BEFORE));
    expect(BEFORE).toEqual(copy);
  });
});
