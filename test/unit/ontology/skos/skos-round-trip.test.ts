import { OntologyPack } from "../../../../ontology/model/ontology.model";
import { canonicalPack } from "../../../../ontology/pack/diff-packs";
import { validatePack } from "../../../../ontology/pack/validate-pack";
import { exportSkosTurtle } from "../../../../ontology/skos/export-skos";
import { importSkosTurtle } from "../../../../ontology/skos/import-skos";
import {
  builtInRawPacks,
  concept,
  knownConcepts,
  knownFromRawPacks,
  mapping,
  packFrom,
  packOf,
  problemsOf,
} from "../pack/pack.fixtures";
import { namespaceOfPacks, OTHER_PACKS, packOfIriIn } from "./skos.fixtures";

/** Concepts of the other packs the hand-written pack links to. */
const KNOWN = knownConcepts({
  "core:relationship": {},
  "core:satisfaction": {},
  "saas:product-adoption": { broader: ["core:relationship"] },
});

/** A small pack using everything SKOS has to carry: parts, links across packs, alt labels, mappings. */
function handWrittenPack(): OntologyPack {
  const raw = packOf(
    [
      concept("demo:health", {
        prefLabel: { en: "Customer health", zh: "客户健康度" },
        altLabel: { en: ["Account health", "Health score"], zh: ["客户健康", "健康评分"] },
        definition: { en: 'How likely a customer is to stay; "quoted", with a\nnew line.', zh: "客户留存的可能性。" },
        broader: ["core:relationship"],
        parts: [
          { concept: "demo:usage", weight: 0.35 },
          { concept: "demo:mood", weight: 0.65 },
        ],
        exactMatch: ["saas:product-adoption"],
        closeMatch: ["core:satisfaction"],
      }),
      concept("demo:usage", { broader: ["demo:health"], altLabel: { en: ["Adoption"] } }),
      concept("demo:mood", {
        closeMatch: ["core:satisfaction", "demo:usage"],
        parts: [{ concept: "demo:tone", weight: 1 }],
      }),
      concept("demo:tone", { prefLabel: { en: "Tone", zh: "语气" } }),
    ],
    [
      mapping("demo:mood", { comment: 'Surveys; "CSAT"\nper ticket' }),
      mapping("demo:usage", {
        system: "crm",
        field: "tier",
        dataType: "STRING",
        unit: undefined,
        transform: { kind: "lookup", table: { GOLD: 1, SILVER: 0.5, BRONZE: 0 }, default: 0.25 },
        normalization: { kind: "fixed", min: 0, max: 1 },
        aggregation: { kind: "latest", window: "P30D" },
      }),
      mapping("demo:health", {
        system: "billing",
        field: "days_overdue",
        unit: "days",
        targetUnit: "hours",
        transform: {
          kind: "piecewise",
          points: [
            [0, 1],
            [720, 0],
          ],
        },
        polarity: "HIGHER_IS_BETTER",
        normalization: { kind: "percentile" },
        predicate: "close",
        justification: "lexical-match",
        confidence: 0.6,
      }),
    ],
    { title: { en: "Demo", zh: "演示" }, description: { en: "A demo pack.", zh: "演示包。" } },
  );
  return packFrom(validatePack(raw, KNOWN));
}

const namespaceOf = namespaceOfPacks(OTHER_PACKS);
const packOfIri = packOfIriIn(OTHER_PACKS);

describe("SKOS export then import", () => {
  describe("a hand-written pack", () => {
    it("gives back the same pack", () => {
      const pack = handWrittenPack();
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack, namespaceOf), KNOWN, packOfIri));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });

    it("gives back the same pack when the other packs' concepts are written as urn:relata IRIs", () => {
      // Without namespaceOf, links to other packs fall back to urn:relata:<pack>:<local id>.
      const pack = handWrittenPack();
      const urnPackOfIri = packOfIriIn(OTHER_PACKS.map((p) => ({ pack: p.pack, namespace: `urn:relata:${p.pack}:` })));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack), KNOWN, urnPackOfIri));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });

    it("gives back a minimal pack: no description, alt labels, links or mappings", () => {
      const pack = packFrom(validatePack(packOf([concept("demo:alone")])));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });

    it("gives back a pack whose namespace ends in #", () => {
      const pack = packFrom(
        validatePack(
          packOf([concept("demo:a"), concept("demo:b", { broader: ["demo:a"] })], [], {
            namespace: "https://example.com/demo#",
          }),
        ),
      );
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });

    it("gives back weights exactly", () => {
      const weights = [0.1 + 0.2, 1 / 3, 0.0001, 1 - (0.1 + 0.2) - 1 / 3 - 0.0001];
      const raw = packOf([
        concept("demo:whole", { parts: weights.map((weight, i) => ({ concept: `demo:p${i}`, weight })) }),
        ...weights.map((_w, i) => concept(`demo:p${i}`)),
      ]);
      const pack = packFrom(validatePack(raw));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      const whole = imported.concepts.find((c) => c.id === "demo:whole")!;
      expect(Object.fromEntries(whole.parts.map((p) => [p.concept, p.weight]))).toEqual(
        Object.fromEntries(weights.map((w, i) => [`demo:p${i}`, w])),
      );
    });

    it.each(["skos", "rlt", "xsd"])("gives back a pack whose id %p is also a prefix the export declares", (id) => {
      const raw = packOf([concept(`${id}:3d-printing`, { broader: [`${id}:123`] }), concept(`${id}:123`)], [], {
        pack: id,
      });
      const pack = packFrom(validatePack(raw));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });

    it("gives back language tags with a region or script subtag as written", () => {
      // The validator accepts "pt-BR" and "zh-Hant"; whatever case the pack keeps, the import must match it.
      const raw = packOf([
        concept("demo:a", {
          prefLabel: { en: "A", "pt-BR": "Saúde" },
          altLabel: { "zh-Hant": ["健康"] },
        }),
      ]);
      const pack = packFrom(validatePack(raw));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      expect(imported.concepts[0]!.prefLabel).toEqual(pack.concepts[0]!.prefLabel);
      expect(imported.concepts[0]!.altLabel).toEqual(pack.concepts[0]!.altLabel);
    });
  });

  describe("alt labels with no direct RDF form", () => {
    // RDF graphs are sets of triples: a label written twice may collapse into one, and an empty list is nothing.
    it("gives back a pack with an alt label repeated in one language", () => {
      const pack = packFrom(validatePack(packOf([concept("demo:a", { altLabel: { en: ["Alpha", "Alpha"] } })])));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });

    it("gives back a pack with an empty list of alt labels for a language", () => {
      const pack = packFrom(validatePack(packOf([concept("demo:a", { altLabel: { en: ["Alpha"], zh: [] } })])));
      const imported = packFrom(importSkosTurtle(exportSkosTurtle(pack)));
      expect(canonicalPack(imported)).toBe(canonicalPack(pack));
    });
  });

  describe("the built-in packs", () => {
    const raws = builtInRawPacks();
    const known = knownFromRawPacks(raws.map((r) => r.raw));
    const namespaces = raws.map(({ raw }) => ({ pack: String(raw.pack), namespace: String(raw.namespace) }));
    const allNamespaceOf = namespaceOfPacks(namespaces);
    const allPackOfIri = packOfIriIn(namespaces);

    it("are there to test", () => {
      expect(raws.length).toBeGreaterThanOrEqual(8);
    });

    it.each(raws.map((r) => r.file))("%s comes back the same after export and import", (file) => {
      const { raw } = raws.find((r) => r.file === file)!;
      const validated = validatePack(raw, known);
      expect(problemsOf(validated)).toEqual([]);
      const pack = packFrom(validated);
      const turtle = exportSkosTurtle(pack, allNamespaceOf);
      const imported = importSkosTurtle(turtle, known, allPackOfIri);
      expect(problemsOf(imported)).toEqual([]);
      expect(canonicalPack(packFrom(imported))).toBe(canonicalPack(pack));
    });
  });
});
