/**
 * The shape of the fifth development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-5.json` (24 English and 24 Chinese sentences written blind to the
 * parser, its tests and the other blind sets, on 2026-12-03): ids, counts per language, known kinds, concept
 * ids against `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids against `directory.json`,
 * every expected draft, completed with the fields a sentence does not determine, valid for `validatePlaybook`,
 * a mix of trigger kinds, and a few sentences in traditional characters. It checks the corpus only and runs
 * no parser on it.
 */
import { validatePlaybook } from "../../../domain/automation/validate-playbook";
import {
  ACTION_KINDS,
  ASSIGNEE_KINDS,
  completed,
  CONDITION_KINDS,
  Entry,
  loadCorpus,
  Obj,
  problemsOf,
  TRIGGER_KINDS,
} from "../../support/plain-language-corpus";

const entries: Entry[] = loadCorpus("development-5.json");

describe("plain-language corpus: development-5.json", () => {
  it("has 48 entries, 24 English and 24 Chinese, with unique ids of the d5b- series", () => {
    expect(entries).toHaveLength(48);
    const en = entries.filter((e) => e.lang === "en");
    const zh = entries.filter((e) => e.lang === "zh");
    expect(en).toHaveLength(24);
    expect(zh).toHaveLength(24);
    expect(en.map((e) => e.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `d5b-en-${String(i + 1).padStart(2, "0")}`),
    );
    expect(zh.map((e) => e.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `d5b-zh-${String(i + 1).padStart(2, "0")}`),
    );
    for (const e of entries) {
      expect(Object.keys(e).every((k) => ["id", "lang", "text", "expected", "notes"].includes(k))).toBe(true);
      expect(e.text.trim()).not.toBe("");
    }
  });

  it("names only pack concepts, change types and directory ids, with known kinds", () => {
    expect(entries.flatMap((e) => problemsOf(e))).toEqual([]);
  });

  it("covers every trigger kind in both languages and every condition, action and assignee kind", () => {
    const kinds = (list: Obj[]) => [...new Set(list.map((o) => o.kind as string))].sort();
    for (const lang of ["en", "zh"]) {
      const x = entries.filter((e) => e.lang === lang).map((e) => e.expected);
      expect(kinds(x.map((e) => e.trigger as Obj))).toEqual([...TRIGGER_KINDS].sort());
      expect(kinds(x.flatMap((e) => (e.actions as Obj[]) ?? []))).toEqual([...ACTION_KINDS].sort());
    }
    const x = entries.map((e) => e.expected);
    expect(kinds(x.flatMap((e) => (e.conditions as Obj[]) ?? []))).toEqual([...CONDITION_KINDS].sort());
    const assignees = x
      .flatMap((e) => (e.actions as Obj[]) ?? [])
      .flatMap((a) => (a.assignee === undefined ? [] : [a.assignee as Obj]));
    expect(kinds(assignees)).toEqual([...ASSIGNEE_KINDS].sort());
  });

  it("has 8-10 entries with unrecognised phrases, in both languages", () => {
    const withUnrecognised = entries.filter((e) => e.expected.unrecognised !== undefined);
    expect(withUnrecognised.length).toBeGreaterThanOrEqual(8);
    expect(withUnrecognised.length).toBeLessThanOrEqual(10);
    expect(new Set(withUnrecognised.map((e) => e.lang))).toEqual(new Set(["en", "zh"]));
  });

  it("has every expected draft valid against the playbook schema once the unjudged fields are filled", () => {
    expect(entries.flatMap((e) => validatePlaybook(completed(e)).map((p) => `${e.id} ${p}`))).toEqual([]);
  });

  it("shows the arithmetic of every converted threshold and rate in its notes", () => {
    for (const e of entries) {
      const t = e.expected.trigger as Obj;
      if (t.kind === "CONCEPT_THRESHOLD" && t.value !== 0.5) expect(e.notes ?? "").toMatch(/threshold/i);
      if (t.kind === "CONCEPT_TREND") expect(e.notes ?? "").toMatch(/per day/);
    }
  });

  it("mixes the trigger kinds in each language: no kind above a third, none below three", () => {
    for (const lang of ["en", "zh"]) {
      const byKind = new Map<string, number>();
      for (const e of entries.filter((x) => x.lang === lang)) {
        const kind = (e.expected.trigger as Obj).kind as string;
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      for (const kind of TRIGGER_KINDS) {
        expect(byKind.get(kind) ?? 0).toBeGreaterThanOrEqual(3);
        expect(byKind.get(kind) ?? 0).toBeLessThanOrEqual(8);
      }
    }
  });

  it("asks first and runs automatically in both languages, and has some Chinese in traditional characters", () => {
    for (const lang of ["en", "zh"]) {
      const modes = new Set(entries.filter((e) => e.lang === lang).map((e) => e.expected.mode));
      expect(modes).toEqual(new Set(["SUGGEST", "AUTO", undefined]));
    }
    const traditional = entries.filter((e) => e.lang === "zh" && /[醫戶週營團聯經療務門夥]/.test(e.text));
    expect(traditional.length).toBeGreaterThanOrEqual(2);
  });
});
