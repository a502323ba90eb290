/**
 * The Chinese half of the development corpus (issue 12) through the Chinese grammar, compared by exact
 * structure. Only development.json is read here; the held-out half is evaluated by the evaluate command.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpusContext, ROOT } from "../../../cli/nl";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../../domain/plain-language/draft-playbook";

const FIXTURES = join(ROOT, "test", "fixtures", "plain-language");

type Obj = Record<string, unknown>;
interface Entry {
  id: string;
  lang: string;
  text: string;
  expected: Obj;
}

const development = JSON.parse(readFileSync(join(FIXTURES, "development.json"), "utf8")) as Entry[];
const chinese = development.filter((e) => e.lang === "zh");
const context = loadCorpusContext();

const SOFT = new Set(["template", "reviewType", "intent", "flag", "note", "title"]);

/** Whether `actual` has every field `expected` gives (sets for arrays, tolerances for numbers). */
function fits(expected: unknown, actual: unknown, key = ""): boolean {
  if (SOFT.has(key)) return true;
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    if (key === "value") return Math.abs(expected - actual) <= 0.005;
    if (key === "ratePerDay") return Math.abs(expected - actual) <= Math.abs(expected) * 0.02;
    return expected === actual;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    if (expected.every((x) => typeof x !== "object")) {
      return expected.every((x) => actual.includes(x)) && actual.every((x) => expected.includes(x));
    }
    return multisetFits(expected as Obj[], actual as Obj[]);
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return false;
    return Object.entries(expected as Obj).every(([k, v]) => fits(v, (actual as Obj)[k], k));
  }
  return expected === actual;
}

function multisetFits(expected: readonly Obj[], actual: readonly Obj[]): boolean {
  if (expected.length !== actual.length) return false;
  const used = new Set<number>();
  const match = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j += 1) {
      if (used.has(j) || !fits(expected[i], actual[j])) continue;
      used.add(j);
      if (match(i + 1)) return true;
      used.delete(j);
    }
    return false;
  };
  return match(0);
}

function overlaps(a: string, b: string): boolean {
  const x = a.replace(/\s/gu, "").toLowerCase();
  const y = b.replace(/\s/gu, "").toLowerCase();
  return x.includes(y) || y.includes(x);
}

/** The fields of the exact-structure comparison that differ (empty when the entry is correct). */
function structureDiff(expected: Obj, draft: PlaybookDraft): string[] {
  const diffs: string[] = [];
  if (!fits(expected.trigger, draft.trigger)) diffs.push("trigger");
  if (!multisetFits((expected.conditions as Obj[]) ?? [], draft.conditions as unknown as Obj[]))
    diffs.push("conditions");
  if (!multisetFits((expected.actions as Obj[]) ?? [], draft.actions as unknown as Obj[])) diffs.push("actions");
  if (expected.mode !== undefined && expected.mode !== draft.mode) diffs.push("mode");
  if (expected.feedback !== undefined && !fits(expected.feedback, draft.feedback)) diffs.push("feedback");
  const wanted = (expected.unrecognised as string[] | undefined) ?? [];
  if (!wanted.every((w) => draft.unrecognised.some((u) => overlaps(w, u)))) diffs.push("unrecognised");
  return diffs;
}

describe("the Chinese grammar on the development corpus", () => {
  const results = chinese.map((e) => ({ entry: e, draft: draftPlaybookFromText(e.text, context) }));
  const wrong = results
    .map((r) => ({
      id: r.entry.id,
      diffs: structureDiff(r.entry.expected, r.draft),
      draft: r.draft,
      expected: r.entry.expected,
    }))
    .filter((r) => r.diffs.length > 0);

  it("has the fifteen Chinese development sentences, each detected as Chinese", () => {
    expect(chinese).toHaveLength(15);
    expect(results.every((r) => r.draft.language === "zh")).toBe(true);
  });

  it("reads at least 90 % of them with the exact structure", () => {
    if (wrong.length > 0) {
      // The differences, to read when the assertion fails.
      process.stdout.write(`${JSON.stringify(wrong, null, 1)}\n`);
    }
    const accuracy = (results.length - wrong.length) / results.length;
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
