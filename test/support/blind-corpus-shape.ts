/**
 * The shape checks every blind development set of the plain-language corpus shares (issue 12): as many English as
 * Chinese entries (24 each unless a set says otherwise) with ids of one series, known kinds, pack concepts, change
 * types and directory ids, every kind covered, a set's share of entries naming what is not understood (8–10 of 48
 * unless it says otherwise), every expected draft valid for
 * `validatePlaybook` once completed, and the arithmetic of converted values in the notes. A set's own test calls
 * {@link describeBlindCorpusShape} and adds what is particular to it. It checks the corpus only and runs no
 * parser on it.
 */
import { validatePlaybook } from "../../domain/automation/validate-playbook";
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
} from "./plain-language-corpus";

/** How big a blind set is: entries per language, and how many of all its entries name something unknown. */
export interface BlindCorpusSize {
  perLanguage: number;
  unrecognised: { min: number; max: number };
}

/** The size of development-4, -5 and -6. */
const FULL_SIZE: BlindCorpusSize = { perLanguage: 24, unrecognised: { min: 8, max: 10 } };

/** Declares the shared shape tests of `file` (ids `<series>-en-01`…, `<series>-zh-01`…) and returns its entries. */
export function describeBlindCorpusShape(file: string, series: string, size: BlindCorpusSize = FULL_SIZE): Entry[] {
  const entries: Entry[] = loadCorpus(file);
  const { perLanguage, unrecognised } = size;

  describe(`plain-language corpus: ${file}`, () => {
    it(`has ${perLanguage * 2} entries, ${perLanguage} English and ${perLanguage} Chinese, with unique ids of the ${series}- series`, () => {
      expect(entries).toHaveLength(perLanguage * 2);
      const en = entries.filter((e) => e.lang === "en");
      const zh = entries.filter((e) => e.lang === "zh");
      expect(en).toHaveLength(perLanguage);
      expect(zh).toHaveLength(perLanguage);
      expect(en.map((e) => e.id)).toEqual(
        Array.from({ length: perLanguage }, (_, i) => `${series}-en-${String(i + 1).padStart(2, "0")}`),
      );
      expect(zh.map((e) => e.id)).toEqual(
        Array.from({ length: perLanguage }, (_, i) => `${series}-zh-${String(i + 1).padStart(2, "0")}`),
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

    const howMany =
      unrecognised.min === unrecognised.max ? `${unrecognised.min}` : `${unrecognised.min}-${unrecognised.max}`;
    it(`has ${howMany} entries with unrecognised phrases, in both languages`, () => {
      const withUnrecognised = entries.filter((e) => e.expected.unrecognised !== undefined);
      expect(withUnrecognised.length).toBeGreaterThanOrEqual(unrecognised.min);
      expect(withUnrecognised.length).toBeLessThanOrEqual(unrecognised.max);
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
  });

  return entries;
}
