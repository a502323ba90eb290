/**
 * The shape of the fourth, Chinese-only development corpus of the plain-language parser (issue 12),
 * `test/fixtures/plain-language/development-zh-4.json` (written before reading the Chinese grammar, in the
 * ways users of different industries say things): ids, counts,
 * known kinds, concept ids against `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids
 * against `directory.json`, and every expected draft, completed with the fields a sentence does not
 * determine, valid for `validatePlaybook`. It checks the corpus only and reads no other half of it.
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

const entries: Entry[] = loadCorpus("development-zh-4.json");

describe("plain-language corpus: development-zh-4.json", () => {
  it("has at least 30 Chinese entries with consecutive ids of the d4-zh- series", () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(entries.every((e) => e.lang === "zh")).toBe(true);
    expect(entries.map((e) => e.id)).toEqual(
      Array.from({ length: entries.length }, (_, i) => `d4-zh-${String(i + 1).padStart(2, "0")}`),
    );
    for (const e of entries) {
      expect(Object.keys(e).every((k) => ["id", "lang", "text", "expected", "notes"].includes(k))).toBe(true);
      expect(e.text.trim()).not.toBe("");
    }
  });

  it("names only pack concepts, change types and directory ids, with known kinds", () => {
    expect(entries.flatMap((e) => problemsOf(e, { ratePerDayOptional: true }))).toEqual([]);
  });

  it("covers every trigger, condition, action and assignee kind, and has entries with unrecognised phrases", () => {
    const x = entries.map((e) => e.expected);
    const kinds = (list: Obj[]) => [...new Set(list.map((o) => o.kind as string))].sort();
    expect(kinds(x.map((e) => e.trigger as Obj))).toEqual([...TRIGGER_KINDS].sort());
    expect(kinds(x.flatMap((e) => (e.conditions as Obj[]) ?? []))).toEqual([...CONDITION_KINDS].sort());
    const actions = x.flatMap((e) => (e.actions as Obj[]) ?? []);
    expect(kinds(actions)).toEqual([...ACTION_KINDS].sort());
    expect(kinds(actions.flatMap((a) => (a.assignee === undefined ? [] : [a.assignee as Obj])))).toEqual(
      [...ASSIGNEE_KINDS].sort(),
    );
    expect(x.filter((e) => e.unrecognised !== undefined).length).toBeGreaterThanOrEqual(5);
  });

  it("has every expected draft valid against the playbook schema once the unjudged fields are filled", () => {
    expect(entries.flatMap((e) => validatePlaybook(completed(e)).map((p) => `${e.id} ${p}`))).toEqual([]);
  });

  it("shows the arithmetic of every converted threshold in its notes", () => {
    for (const e of entries) {
      const t = e.expected.trigger as Obj;
      if (t.kind === "CONCEPT_THRESHOLD" && t.value !== 0.5) expect(e.notes ?? "").toMatch(/threshold/i);
    }
  });
});
