import { NO_KNOWN_CONCEPTS, validatePack } from "../../../../ontology/pack/validate-pack";
import { concept, knownConcepts, mapping, minimalPack, packFrom, packOf, problemsOf, wheresOf } from "./pack.fixtures";

/** The problems reported at one location. */
function messagesAt(input: unknown, where: string, known = NO_KNOWN_CONCEPTS): string[] {
  return problemsOf(validatePack(input, known))
    .filter((p) => p.where === where)
    .map((p) => p.message);
}

describe("validatePack", () => {
  describe("valid packs", () => {
    it("accepts a minimal pack and fills in the optional parts", () => {
      const pack = packFrom(validatePack(minimalPack()));
      expect(pack).toEqual({
        pack: "demo",
        version: "1.0.0",
        title: { en: "Demo" },
        description: {},
        namespace: "https://ontology.example.com/demo/",
        concepts: [
          {
            id: "demo:health",
            prefLabel: { en: "Health" },
            altLabel: {},
            definition: { en: "How healthy an account is." },
            broader: [],
            parts: [],
            exactMatch: [],
            closeMatch: [],
          },
        ],
        mappings: [],
      });
    });

    it("accepts a pack using every field, with references to concepts of other packs in known", () => {
      const known = knownConcepts({ "core:relationship": {}, "core:satisfaction": {}, "saas:adoption": {} });
      const raw = packOf(
        [
          concept("demo:health", {
            prefLabel: { en: "Health", zh: "健康度" },
            altLabel: { en: ["Account health", "Health score"], zh: ["客户健康"] },
            definition: { en: "How healthy.", zh: "健康程度。" },
            broader: ["core:relationship"],
            parts: [
              { concept: "demo:usage", weight: 0.6 },
              { concept: "core:satisfaction", weight: 0.4 },
            ],
            exactMatch: ["saas:adoption"],
            closeMatch: ["core:satisfaction"],
          }),
          concept("demo:usage"),
        ],
        [mapping("demo:usage"), mapping("core:satisfaction", { field: "nps" })],
        { description: { en: "A demo.", "zh-Hans": "演示。" } },
      );
      const pack = packFrom(validatePack(raw, known));
      expect(pack.concepts[0]).toMatchObject({
        broader: ["core:relationship"],
        parts: [
          { concept: "demo:usage", weight: 0.6 },
          { concept: "core:satisfaction", weight: 0.4 },
        ],
        exactMatch: ["saas:adoption"],
        closeMatch: ["core:satisfaction"],
        altLabel: { en: ["Account health", "Health score"], zh: ["客户健康"] },
      });
      expect(pack.mappings).toEqual([mapping("demo:usage"), mapping("core:satisfaction", { field: "nps" })]);
    });

    it("trims labels, alt labels and definitions", () => {
      const raw = packOf([
        concept("demo:health", {
          prefLabel: { en: "  Health " },
          altLabel: { en: " Score" },
          definition: { en: "Text.\n" },
        }),
      ]);
      expect(packFrom(validatePack(raw)).concepts[0]).toMatchObject({
        prefLabel: { en: "Health" },
        altLabel: { en: ["Score"] },
        definition: { en: "Text." },
      });
    });

    it.each([
      ["exactly 1", [0.15, 0.2, 0.2, 0.15, 0.15, 0.1, 0.05]],
      ["1 - 0.01", [0.5, 0.49]],
      ["1 + 0.01", [0.5, 0.51]],
      ["1 with a zero weight", [1, 0]],
    ])("accepts parts whose weights sum to %s", (_label, weights) => {
      const parts = weights.map((weight, i) => ({ concept: `demo:part-${i}`, weight }));
      const raw = packOf([concept("demo:whole", { parts }), ...weights.map((_w, i) => concept(`demo:part-${i}`))]);
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });

    it("accepts a namespace ending in #", () => {
      expect(problemsOf(validatePack(minimalPack({ namespace: "http://example.com/demo#" })))).toEqual([]);
    });

    it("accepts a diamond of broader links (a DAG, not a cycle)", () => {
      const raw = packOf([
        concept("demo:top"),
        concept("demo:left", { broader: ["demo:top"] }),
        concept("demo:right", { broader: ["demo:top"] }),
        concept("demo:bottom", { broader: ["demo:left", "demo:right"] }),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });

    it("accepts a concept that is a part of two composites", () => {
      const raw = packOf([
        concept("demo:a", { parts: [{ concept: "demo:shared", weight: 1 }] }),
        concept("demo:b", {
          parts: [
            { concept: "demo:shared", weight: 0.5 },
            { concept: "demo:other", weight: 0.5 },
          ],
        }),
        concept("demo:shared"),
        concept("demo:other"),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });

    it("keeps broader and parts apart: a whole may be broader than its part", () => {
      // Not a cycle: broader links and parts are separate hierarchies.
      const raw = packOf([
        concept("demo:whole", { parts: [{ concept: "demo:part", weight: 1 }] }),
        concept("demo:part", { broader: ["demo:whole"] }),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });

    it("accepts a pack without mappings, or with an empty list", () => {
      expect(problemsOf(validatePack(minimalPack({ mappings: [] })))).toEqual([]);
      expect(problemsOf(validatePack(minimalPack({ mappings: undefined })))).toEqual([]);
    });

    it("accepts the same field of one system mapped onto two concepts, and the same field name in two systems", () => {
      const raw = packOf(
        [concept("demo:a"), concept("demo:b")],
        [mapping("demo:a"), mapping("demo:b"), mapping("demo:a", { system: "helpdesk" })],
      );
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });
  });

  describe("the pack's header", () => {
    it.each([null, undefined, [], "pack: demo", 42])("rejects %p as not a map", (input) => {
      expect(problemsOf(validatePack(input))).toEqual([{ where: "pack", message: "the pack must be a map" }]);
    });

    it.each([undefined, "", "Demo", "demo_pack", "-demo", "1demo", "de mo", "a".repeat(41), 7])(
      "rejects the pack id %p",
      (pack) => {
        const messages = messagesAt(minimalPack({ pack }), "pack");
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain('lower-case letters, digits and "-"');
        expect(messages[0]).toContain(`received ${JSON.stringify(pack)}`);
      },
    );

    it.each(["d", "demo-2", "a".repeat(40)])("accepts the pack id %p", (pack) => {
      const raw = packOf([concept(`${pack}:health`)], [], { pack });
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });

    it.each([undefined, "1.0", "v1.0.0", "1.0.0-beta", "1.0.0.0", 1, ""])("rejects the version %p", (version) => {
      const messages = messagesAt(minimalPack({ version }), "version");
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('semantic version like "1.0.0"');
    });

    it.each([
      undefined,
      "",
      "ftp://example.com/demo/",
      "https://example.com/demo",
      "https://exa mple.com/demo/",
      "example.com/demo/",
      "https://",
    ])("rejects the namespace %p", (namespace) => {
      const messages = messagesAt(minimalPack({ namespace }), "namespace");
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('an http(s) IRI ending in "/" or "#"');
    });

    it("requires a title with text in at least one language, not necessarily English (issue 19)", () => {
      expect(validatePack(minimalPack({ title: { zh: "演示" } })).ok).toBe(true);
      expect(problemsOf(validatePack(minimalPack({ title: {} })))).toEqual([
        { where: "title", message: 'needs a text in at least one language, e.g. { en: "…" }' },
      ]);
      expect(wheresOf(validatePack(minimalPack({ title: { en: "  " } })))).toEqual(["title.en"]);
      expect(problemsOf(validatePack(minimalPack({ title: undefined })))).toEqual([
        { where: "title", message: 'must be a map of language to text, e.g. { en: "…", zh: "…" }' },
      ]);
      expect(wheresOf(validatePack(minimalPack({ title: "Demo" })))).toEqual(["title"]);
    });

    it("rejects keys of the title and description that are not language tags", () => {
      const raw = minimalPack({ title: { en: "Demo", English: "Demo" }, description: { en_US: "x" } });
      expect(wheresOf(validatePack(raw))).toEqual(["title.English", "description.en_US"]);
      expect(messagesAt(raw, "title.English")).toEqual(['"English" is not a language tag like "en" or "zh"']);
    });

    it("requires a non-empty list of concepts", () => {
      expect(wheresOf(validatePack(minimalPack({ concepts: [] })))).toEqual(["concepts"]);
      expect(wheresOf(validatePack(minimalPack({ concepts: undefined })))).toEqual(["concepts"]);
      expect(wheresOf(validatePack(minimalPack({ concepts: { id: "demo:x" } })))).toEqual(["concepts"]);
    });

    it("requires mappings to be a list when given", () => {
      expect(wheresOf(validatePack(minimalPack({ mappings: { system: "x" } })))).toEqual(["mappings"]);
    });
  });

  describe("concept ids", () => {
    it("rejects an id with another pack's prefix", () => {
      const raw = packOf([concept("demo:a"), concept("core:b")]);
      expect(wheresOf(validatePack(raw))).toEqual(["concepts[1].id"]);
      expect(messagesAt(raw, "concepts[1].id")[0]).toContain('must be "demo:<kebab-case-id>"');
      expect(messagesAt(raw, "concepts[1].id")[0]).toContain('received "core:b"');
    });

    it.each(["demo:Health", "demo:health_score", "demo:", "demo:-a", "demo:a--b", "demo:a:b", "demo", "demo:a b"])(
      "rejects the id %p",
      (id) => {
        const raw = packOf([{ ...concept("demo:x"), id }]);
        expect(wheresOf(validatePack(raw))).toEqual(["concepts[0].id"]);
      },
    );

    it("rejects a concept without an id, or one that is not a map", () => {
      const raw = packOf([{ prefLabel: { en: "No id" } }, "demo:x"]);
      expect(wheresOf(validatePack(raw))).toEqual(expect.arrayContaining(["concepts[0].id", "concepts[1]"]));
      expect(messagesAt(raw, "concepts[1]")).toEqual(["must be a map with at least id and prefLabel"]);
    });

    it("rejects duplicate ids, naming the first occurrence", () => {
      const raw = packOf([concept("demo:a"), concept("demo:b"), concept("demo:a")]);
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: "concepts[2].id", message: 'duplicate id "demo:a" (also concepts[0])' },
      ]);
    });
  });

  describe("labels and definitions", () => {
    it("requires a prefLabel in at least one language, not necessarily English (issue 19)", () => {
      const raw = packOf([
        { id: "demo:a", definition: { en: "A." } },
        concept("demo:b", { prefLabel: { zh: "乙" } }),
        concept("demo:c", { prefLabel: { en: "" } }),
        concept("demo:d", { prefLabel: {} }),
      ]);
      expect(wheresOf(validatePack(raw))).toEqual([
        "concepts[0].prefLabel",
        "concepts[2].prefLabel.en",
        "concepts[3].prefLabel",
      ]);
      expect(messagesAt(raw, "concepts[3].prefLabel")).toEqual([
        'needs a text in at least one language, e.g. { en: "…" }',
      ]);
    });

    it("accepts language tags with one-letter or numeric subtags", () => {
      const raw = packOf([concept("demo:a", { prefLabel: { "de-CH-1996": "A", "en-x-legacy": "A" } })]);
      expect(problemsOf(validatePack(raw))).toEqual([]);
    });

    it("rejects prefLabel, altLabel and definition keys that are not language tags", () => {
      const raw = packOf([
        concept("demo:a", {
          prefLabel: { en: "A", English: "A" },
          altLabel: { en: ["Alpha"], zh_CN: ["甲"] },
          definition: { en: "A.", EN: "A." },
        }),
      ]);
      expect(wheresOf(validatePack(raw))).toEqual([
        "concepts[0].prefLabel.English",
        "concepts[0].altLabel.zh_CN",
        "concepts[0].definition.EN",
      ]);
    });

    it("rejects alt labels that are not lists of non-empty texts", () => {
      const raw = packOf([
        concept("demo:a", { altLabel: { en: ["Alpha", ""], zh: [3] } }),
        concept("demo:b", { altLabel: ["Beta"] }),
      ]);
      expect(wheresOf(validatePack(raw))).toEqual([
        "concepts[0].altLabel.en",
        "concepts[0].altLabel.zh",
        "concepts[1].altLabel",
      ]);
    });

    it("accepts concepts without a definition: vocabularies from elsewhere often have none", () => {
      const raw = packOf([{ id: "demo:a", prefLabel: { en: "A" } }, concept("demo:b", { definition: { zh: "乙。" } })]);
      expect(wheresOf(validatePack(raw))).toEqual([]);
    });
  });

  describe("references to other concepts", () => {
    it("reports references to concepts defined nowhere, at the referring list entry", () => {
      const raw = packOf([
        concept("demo:a"),
        concept("demo:b", {
          broader: ["demo:a", "demo:missing"],
          exactMatch: ["core:nowhere"],
          closeMatch: ["demo:a", "saas:nowhere"],
          parts: [
            { concept: "demo:a", weight: 0.5 },
            { concept: "demo:gone", weight: 0.5 },
          ],
        }),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([
        {
          where: "concepts[1].broader[1]",
          message: 'refers to "demo:missing", which is defined neither in this pack nor in the graph',
        },
        {
          where: "concepts[1].exactMatch[0]",
          message: 'refers to "core:nowhere", which is defined neither in this pack nor in the graph',
        },
        {
          where: "concepts[1].closeMatch[1]",
          message: 'refers to "saas:nowhere", which is defined neither in this pack nor in the graph',
        },
        {
          where: "concepts[1].parts[1].concept",
          message: 'refers to "demo:gone", which is defined neither in this pack nor in the graph',
        },
      ]);
    });

    it("accepts the same references when known concepts of other packs define them", () => {
      const known = knownConcepts({ "core:nowhere": {}, "saas:nowhere": {} });
      const raw = packOf([
        concept("demo:a"),
        concept("demo:b", {
          broader: ["core:nowhere"],
          exactMatch: ["saas:nowhere"],
          closeMatch: ["core:nowhere"],
          parts: [{ concept: "saas:nowhere", weight: 1 }],
        }),
      ]);
      expect(problemsOf(validatePack(raw, known))).toEqual([]);
      expect(wheresOf(validatePack(raw))).toEqual([
        "concepts[1].broader[0]",
        "concepts[1].exactMatch[0]",
        "concepts[1].closeMatch[0]",
        "concepts[1].parts[0].concept",
      ]);
    });

    it("rejects a concept referring to itself in exactMatch, closeMatch and parts", () => {
      const raw = packOf([
        concept("demo:a", {
          exactMatch: ["demo:a"],
          closeMatch: ["demo:a"],
          parts: [{ concept: "demo:a", weight: 1 }],
        }),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: "concepts[0].exactMatch[0]", message: "a concept cannot refer to itself" },
        { where: "concepts[0].closeMatch[0]", message: "a concept cannot refer to itself" },
        { where: "concepts[0].parts[0].concept", message: "a concept cannot be a part of itself" },
        { where: "concepts", message: "parts form a cycle: demo:a ⊃ demo:a" },
      ]);
    });

    it("rejects a concept broader than itself, as a self-reference and as a cycle", () => {
      const raw = packOf([concept("demo:a", { broader: ["demo:a"] })]);
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: "concepts[0].broader[0]", message: "a concept cannot refer to itself" },
        { where: "concepts", message: "broader links form a cycle: demo:a → demo:a" },
      ]);
    });

    it.each(["broader", "exactMatch", "closeMatch"])("rejects a %s that is not a list of ids", (field) => {
      const raw = packOf([concept("demo:a", { [field]: "demo:b" }), concept("demo:b")]);
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: `concepts[0].${field}`, message: "must be a list of concept ids" },
      ]);
      const mixed = packOf([concept("demo:a", { [field]: ["demo:b", 3] }), concept("demo:b")]);
      expect(wheresOf(validatePack(mixed))).toEqual([`concepts[0].${field}`]);
    });

    it("reports an unknown reference at its position in the list as written, even after a repeated id", () => {
      // Repeated ids are dropped before the references are checked, which shifts the index of later entries.
      const raw = packOf([concept("demo:a"), concept("demo:b", { broader: ["demo:a", "demo:a", "demo:missing"] })]);
      expect(wheresOf(validatePack(raw))).toEqual(["concepts[1].broader[2]"]);
    });
  });

  describe("parts and their weights", () => {
    const parts = (...weights: unknown[]) =>
      packOf([
        concept("demo:whole", { parts: weights.map((weight, i) => ({ concept: `demo:part-${i}`, weight })) }),
        ...weights.map((_w, i) => concept(`demo:part-${i}`)),
      ]);

    it("rejects a negative weight where it is", () => {
      const raw = parts(0.5, -0.1, 0.6);
      expect(problemsOf(validatePack(raw))).toContainEqual({
        where: "concepts[0].parts[1].weight",
        message: "must be a number ≥ 0; received -0.1",
      });
    });

    it.each([["0.5"], [null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])(
      "rejects the weight %p",
      (weight) => {
        expect(wheresOf(validatePack(parts(1, weight)))).toContain("concepts[0].parts[1].weight");
      },
    );

    it.each([
      ["0.98", [0.5, 0.48], 0.98],
      ["1.02", [0.5, 0.52], 1.02],
      ["0.9", [0.3, 0.3, 0.3], 0.9],
      ["2", [1, 1], 2],
    ])("rejects weights summing to %s", (_label, weights, sum) => {
      expect(problemsOf(validatePack(parts(...weights)))).toEqual([
        { where: "concepts[0].parts", message: `weights must sum to 1 (±0.01); they sum to ${sum}` },
      ]);
    });

    it("rejects a part that is not { concept, weight }, and parts that are not a list", () => {
      const raw = packOf([
        concept("demo:a", { parts: ["demo:b", { weight: 1 }] }),
        concept("demo:b", { parts: { concept: "demo:a", weight: 1 } }),
      ]);
      expect(wheresOf(validatePack(raw))).toEqual([
        "concepts[0].parts[0]",
        "concepts[0].parts[1]",
        "concepts[1].parts",
      ]);
    });

    it("reports a problem of a later part at that part's index, even when an earlier part is invalid", () => {
      // A part with an invalid weight is dropped before references are checked, which shifts later indexes.
      const raw = packOf([
        concept("demo:whole", {
          parts: [
            { concept: "demo:a", weight: -1 },
            { concept: "demo:missing", weight: 1 },
          ],
        }),
        concept("demo:a"),
      ]);
      expect(wheresOf(validatePack(raw))).toEqual(
        expect.arrayContaining(["concepts[0].parts[0].weight", "concepts[0].parts[1].concept"]),
      );
      expect(wheresOf(validatePack(raw))).not.toContain("concepts[0].parts[0].concept");
    });
  });

  describe("cycles", () => {
    it("reports a cycle of broader links within the pack, once", () => {
      const raw = packOf([
        concept("demo:a", { broader: ["demo:b"] }),
        concept("demo:b", { broader: ["demo:c"] }),
        concept("demo:c", { broader: ["demo:a"] }),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: "concepts", message: "broader links form a cycle: demo:a → demo:b → demo:c → demo:a" },
      ]);
    });

    it("reports a cycle of broader links that runs through known concepts of other packs", () => {
      const known = knownConcepts({ "core:x": { broader: ["core:y"] }, "core:y": { broader: ["demo:a"] } });
      const raw = packOf([concept("demo:a", { broader: ["core:x"] })]);
      expect(problemsOf(validatePack(raw, known))).toEqual([
        { where: "concepts", message: "broader links form a cycle: core:x → core:y → demo:a → core:x" },
      ]);
    });

    it("checks a new version of a pack against its own concepts, not the old version's in known", () => {
      // known still holds demo:a's old links (broader core:x, which is below demo:a); the new version dropped them.
      const known = knownConcepts({ "core:x": { broader: ["demo:a"] }, "demo:a": { broader: ["core:x"] } });
      const raw = packOf([concept("demo:a"), concept("demo:b", { broader: ["core:x"] })]);
      expect(problemsOf(validatePack(raw, known))).toEqual([]);
    });

    it("does not report a broader chain through known concepts that ends", () => {
      const known = knownConcepts({ "core:x": { broader: ["core:y"] }, "core:y": {} });
      const raw = packOf([
        concept("demo:a", { broader: ["core:x"] }),
        concept("demo:b", { broader: ["demo:a", "core:y"] }),
      ]);
      expect(problemsOf(validatePack(raw, known))).toEqual([]);
    });

    it("reports a cycle of parts", () => {
      const raw = packOf([
        concept("demo:a", { parts: [{ concept: "demo:b", weight: 1 }] }),
        concept("demo:b", { parts: [{ concept: "demo:a", weight: 1 }] }),
      ]);
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: "concepts", message: "parts form a cycle: demo:a ⊃ demo:b ⊃ demo:a" },
      ]);
    });

    it("reports a cycle of parts through known concepts", () => {
      const known = knownConcepts({ "core:x": { parts: ["demo:a"] } });
      const raw = packOf([concept("demo:a", { parts: [{ concept: "core:x", weight: 1 }] })]);
      expect(problemsOf(validatePack(raw, known))).toEqual([
        { where: "concepts", message: "parts form a cycle: core:x ⊃ demo:a ⊃ core:x" },
      ]);
    });

    it("reports a broader cycle and a parts cycle together", () => {
      const raw = packOf([
        concept("demo:a", { broader: ["demo:b"], parts: [{ concept: "demo:b", weight: 1 }] }),
        concept("demo:b", { broader: ["demo:a"], parts: [{ concept: "demo:a", weight: 1 }] }),
      ]);
      expect(problemsOf(validatePack(raw)).map((p) => p.message)).toEqual([
        "broader links form a cycle: demo:a → demo:b → demo:a",
        "parts form a cycle: demo:a ⊃ demo:b ⊃ demo:a",
      ]);
    });
  });

  describe("mappings", () => {
    const withMappings = (...mappings: unknown[]) => packOf([concept("demo:a"), concept("demo:b")], mappings);

    it("reports an unknown unit where it is", () => {
      const raw = withMappings(mapping("demo:a"), mapping("demo:b", { unit: "furlongs" }));
      expect(wheresOf(validatePack(raw))).toEqual(["mappings[1].unit"]);
      expect(messagesAt(raw, "mappings[1].unit")[0]).toContain('unknown unit "furlongs"');
    });

    it("reports an unknown transform kind where it is", () => {
      const raw = withMappings(mapping("demo:a", { transform: { kind: "sqrt" } }));
      expect(wheresOf(validatePack(raw))).toEqual(["mappings[0].transform.kind"]);
      expect(messagesAt(raw, "mappings[0].transform.kind")[0]).toContain('unknown transform kind "sqrt"');
    });

    it("reports an unknown predicate where it is", () => {
      const raw = withMappings(mapping("demo:a", { predicate: "same" }));
      expect(wheresOf(validatePack(raw))).toEqual(["mappings[0].predicate"]);
      expect(messagesAt(raw, "mappings[0].predicate")[0]).toContain('unknown predicate "same"');
    });

    it("reports a mapping onto a concept defined nowhere", () => {
      const raw = withMappings(mapping("demo:a"), mapping("core:satisfaction"));
      expect(problemsOf(validatePack(raw))).toEqual([
        {
          where: "mappings[1].concept",
          message: 'refers to "core:satisfaction", which is defined neither in this pack nor in the graph',
        },
      ]);
      expect(problemsOf(validatePack(raw, knownConcepts({ "core:satisfaction": {} })))).toEqual([]);
    });

    it("reports a mapping of the same field onto the same concept twice", () => {
      const raw = withMappings(mapping("demo:a"), mapping("demo:b"), mapping("demo:a", { weight: 0.5 }));
      expect(problemsOf(validatePack(raw))).toEqual([
        { where: "mappings[2]", message: "duplicate mapping callcenter/csat_score → demo:a (also mappings[0])" },
      ]);
    });

    it("reports a mapping that is not a map", () => {
      const raw = withMappings(mapping("demo:a"), "callcenter/csat_score");
      expect(wheresOf(validatePack(raw))).toEqual(["mappings[1]"]);
    });

    it("returns only valid mappings, and only when the whole pack is valid", () => {
      const raw = withMappings(mapping("demo:a"), mapping("demo:b", { unit: "furlongs" }));
      expect(validatePack(raw).ok).toBe(false);
    });
  });

  describe("reporting", () => {
    it("reports every problem of a pack at once, each with where it is", () => {
      // Ids are checked against the pack id as written ("Demo"), so only the foreign prefix is reported.
      const raw = {
        pack: "Demo",
        version: "1.0",
        title: { zh: "演示" },
        namespace: "https://example.com/demo",
        concepts: [
          { id: "other:a", prefLabel: { en: "A" }, definition: { en: "A." } },
          { id: "Demo:b", prefLabel: { zh: "乙" }, definition: { en: "B." }, broader: ["Demo:nowhere"] },
          {
            id: "Demo:c",
            prefLabel: { en: "C" },
            definition: { en: "C." },
            parts: [
              { concept: "Demo:b", weight: 0.5 },
              { concept: "Demo:c", weight: 0.2 },
            ],
          },
        ],
        mappings: [mapping("Demo:b", { unit: "furlongs", predicate: "same" })],
      };
      expect(wheresOf(validatePack(raw))).toEqual([
        "pack",
        "version",
        "namespace",
        "concepts[0].id",
        "concepts[1].broader[0]",
        "concepts[2].parts[1].concept",
        "concepts[2].parts",
        "concepts",
        "mappings[0].concept",
        "mappings[0].unit",
        "mappings[0].predicate",
      ]);
    });

    it("gives actionable messages: what was expected and what was received", () => {
      const raw = minimalPack({ version: "v1" });
      expect(messagesAt(raw, "version")).toEqual(['must be a semantic version like "1.0.0"; received "v1"']);
    });
  });
});
