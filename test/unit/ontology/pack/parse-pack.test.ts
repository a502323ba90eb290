import { MAX_PACK_BYTES, parsePack } from "../../../../ontology/pack/parse-pack";
import { validatePack } from "../../../../ontology/pack/validate-pack";
import { knownConcepts, mapping, minimalPack, packFrom, problemsOf, wheresOf } from "./pack.fixtures";

const VALID_YAML = `# A demo pack
pack: demo
version: 1.0.0
title: { en: Demo, zh: 演示 }
namespace: https://ontology.example.com/demo/
concepts:
  - id: demo:health
    prefLabel: { en: Health, zh: 健康度 }
    altLabel: { en: [Account health] }
    definition: { en: "How healthy an account is." }
    broader: [core:relationship]
mappings:
  - system: callcenter
    field: csat_score
    concept: demo:health
    dataType: NUMBER
    unit: score_1_5
    transform: { kind: linear }
    polarity: HIGHER_IS_BETTER
    normalization: { kind: fixed, min: 1, max: 5 }
    aggregation: { kind: mean, window: P90D }
    weight: 1.0
    predicate: exact
    author: relata
    justification: manual-curation
    confidence: 0.95
    date: 2026-11-25
`;

const known = knownConcepts({ "core:relationship": {} });

describe("parsePack", () => {
  describe("valid input", () => {
    it("parses and validates a YAML pack", () => {
      const pack = packFrom(parsePack(VALID_YAML, known));
      expect(pack.pack).toBe("demo");
      expect(pack.version).toBe("1.0.0");
      expect(pack.concepts.map((c) => c.id)).toEqual(["demo:health"]);
      expect(pack.concepts[0]!.broader).toEqual(["core:relationship"]);
      // An unquoted YAML date stays the text the pack format wants.
      expect(pack.mappings).toEqual([mapping("demo:health")]);
    });

    it("gives the same pack as validating the parsed data", () => {
      const raw = minimalPack({ mappings: [mapping("demo:health")] });
      expect(parsePack(JSON.stringify(raw))).toEqual(validatePack(raw));
    });

    it("accepts JSON, which is YAML too", () => {
      const json = JSON.stringify(minimalPack(), null, 2);
      expect(packFrom(parsePack(json)).concepts[0]!.id).toBe("demo:health");
    });

    it("passes known concepts on to validation", () => {
      expect(wheresOf(parsePack(VALID_YAML))).toEqual(["concepts[0].broader[0]"]);
      expect(problemsOf(parsePack(VALID_YAML, known))).toEqual([]);
    });

    it("accepts a text of exactly the largest size", () => {
      const json = JSON.stringify(minimalPack());
      const padded = json + " ".repeat(MAX_PACK_BYTES - Buffer.byteLength(json, "utf8"));
      expect(Buffer.byteLength(padded, "utf8")).toBe(MAX_PACK_BYTES);
      expect(problemsOf(parsePack(padded))).toEqual([]);
    });
  });

  describe("invalid input", () => {
    it("reports a YAML syntax error with its line and column", () => {
      const text = "pack: demo\nversion: 1.0.0\ntitle: { en: Demo\nnamespace: https://ontology.example.com/demo/\n";
      const problems = problemsOf(parsePack(text));
      expect(problems.length).toBeGreaterThanOrEqual(1);
      for (const p of problems) {
        expect(p.where).toMatch(/^line \d+, column \d+$/);
        expect(p.message).toMatch(/^YAML syntax: /);
        // One line of message: the code excerpt of prettyErrors is left out.
        expect(p.message).not.toContain("\n");
      }
    });

    it("reports a bad indentation at the line and column where it is", () => {
      const text = "pack: demo\nversion: 1.0.0\n  title: Demo\n";
      const problems = problemsOf(parsePack(text));
      expect(problems.length).toBeGreaterThanOrEqual(1);
      expect(problems[0]!.where).toMatch(/^line 2, column \d+$/);
    });

    it("reports a duplicate key at the line of the second occurrence", () => {
      const text = "pack: demo\nversion: 1.0.0\npack: other\n";
      expect(problemsOf(parsePack(text))).toEqual([
        { where: "line 3, column 1", message: expect.stringMatching(/^YAML syntax: Map keys must be unique/) },
      ]);
    });

    it("reports a duplicate key inside a concept", () => {
      const text = [
        "pack: demo",
        "version: 1.0.0",
        "title: { en: Demo }",
        "namespace: https://ontology.example.com/demo/",
        "concepts:",
        "  - id: demo:a",
        "    prefLabel: { en: A }",
        "    prefLabel: { en: B }",
        "",
      ].join("\n");
      expect(problemsOf(parsePack(text))).toEqual([
        { where: "line 8, column 5", message: expect.stringContaining("Map keys must be unique") },
      ]);
    });

    it("reports a YAML syntax error in JSON input", () => {
      const problems = problemsOf(parsePack('{\n  "pack": "demo",\n  "version": \n'));
      expect(problems.length).toBeGreaterThanOrEqual(1);
      expect(problems[0]!.where).toMatch(/^line \d+, column \d+$/);
    });

    it("reports several documents in one text", () => {
      const text = `${JSON.stringify(minimalPack())}\n---\n${JSON.stringify(minimalPack())}\n`;
      const problems = problemsOf(parsePack(text));
      expect(problems).toHaveLength(1);
      expect(problems[0]!.where).toMatch(/^line 2, column \d+$/);
    });

    it("rejects a text larger than the largest pack, before parsing it", () => {
      const json = JSON.stringify(minimalPack());
      const text = json + " ".repeat(MAX_PACK_BYTES - Buffer.byteLength(json, "utf8") + 1);
      expect(problemsOf(parsePack(text))).toEqual([
        { where: "content", message: `is larger than ${MAX_PACK_BYTES} bytes; split the pack` },
      ]);
    });

    it("measures the size in UTF-8 bytes, not characters", () => {
      // Each "健" is 3 bytes in UTF-8: the text is under the limit in characters, over it in bytes.
      const text = `# ${"健".repeat(Math.floor(MAX_PACK_BYTES / 3) + 1)}\n`;
      expect(text.length).toBeLessThan(MAX_PACK_BYTES);
      expect(wheresOf(parsePack(text))).toEqual(["content"]);
    });

    it("reports validation problems of a syntactically valid pack", () => {
      expect(wheresOf(parsePack("pack: demo\n"))).toEqual(["version", "title", "namespace", "concepts"]);
    });

    it("rejects a text that is not a map", () => {
      expect(wheresOf(parsePack("- pack: demo\n"))).toEqual(["pack"]);
      expect(wheresOf(parsePack(""))).toEqual(["pack"]);
    });

    it("reports an alias bomb as a problem instead of throwing", () => {
      // Each level multiplies the aliases by ten; toJS's maxAliasCount (100) stops the expansion by throwing.
      const text = [
        "a: &a [x, x, x, x, x, x, x, x, x, x]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "",
      ].join("\n");
      let result: ReturnType<typeof parsePack> | undefined;
      expect(() => {
        result = parsePack(text);
      }).not.toThrow();
      expect(result?.ok).toBe(false);
    });
  });
});
