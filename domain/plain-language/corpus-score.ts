/**
 * Scores a draft against a corpus entry's expected draft, as test/fixtures/plain-language/README.md ("How
 * a draft is scored") says:
 * - a field missing from `expected` is not judged; `title` never is;
 * - `template` (of actions, NO_OPEN_TASK and feedback), `reviewType`, `intent`, `flag` and `note` are soft:
 *   reported as slug agreement, not part of exact structure;
 * - exact structure: the trigger (kind and every field given; event types and grades as sets), the
 *   conditions as a multiset with no extras (values as sets), the actions as a multiset with no extras
 *   (kind, assignee's given fields, `dueInDays` when given, FLAG_RECORDS' `target`, CALL_WEBHOOK's
 *   `endpointId`), `mode` and `feedback` when given, and `unrecognised` when given (each expected phrase
 *   overlaps a named one: one contains the other, case and spaces ignored);
 * - numbers: exact, except a CONCEPT_THRESHOLD `value` within ±0.005 and `ratePerDay` within 2 %.
 */

type Obj = Record<string, unknown>;

/** An entry's expected draft, as the corpus writes it. */
export interface ExpectedDraft {
  trigger?: Obj | null;
  conditions?: Obj[];
  actions?: Obj[];
  feedback?: Obj | null;
  mode?: string | null;
  unrecognised?: string[];
}

/** The parts of a draft that are scored. */
export interface ScoredDraft {
  trigger: unknown;
  conditions: readonly unknown[];
  actions: readonly unknown[];
  feedback: unknown;
  mode: string | null;
  unrecognised: readonly string[];
}

/** One soft field compared. */
export interface SlugComparison {
  where: string;
  expected: string;
  actual: string | null;
  agrees: boolean;
}

export interface EntryScore {
  exact: boolean;
  /** What differs, in words (empty when exact). */
  differences: string[];
  slugs: SlugComparison[];
}

/** Fields that are soft (slug agreement) wherever they appear. */
export const SOFT_FIELDS = ["template", "reviewType", "intent", "flag", "note"] as const;
const NEVER_JUDGED = new Set(["title"]);
/** The fields of an action that exact structure judges (besides `kind`). */
const ACTION_FIELDS = new Set(["kind", "assignee", "dueInDays", "target", "endpointId"]);
/** Arrays compared as sets. */
const SET_FIELDS = new Set(["eventTypes", "to", "from", "grades", "values", "subjectKinds"]);

const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const show = (value: unknown) => JSON.stringify(value) ?? "undefined";

function numbersAgree(key: string, expected: number, actual: unknown, context: Obj): boolean {
  if (typeof actual !== "number") return false;
  if (key === "value" && context.kind === "CONCEPT_THRESHOLD") return Math.abs(expected - actual) <= 0.005 + 1e-9;
  if (key === "ratePerDay") return Math.abs(expected - actual) <= Math.abs(expected) * 0.02 + 1e-9;
  return expected === actual;
}

/**
 * Whether `actual` has every field `expected` gives (soft and never-judged fields aside, and for actions
 * only the judged fields); the differences are pushed to `out` with their path.
 */
function agrees(expected: unknown, actual: unknown, path: string, out: string[], only?: Set<string>): boolean {
  if (expected === null || expected === undefined) {
    if (actual === null || actual === undefined) return true;
    out.push(`${path}: expected ${show(expected)}, drafted ${show(actual)}`);
    return false;
  }
  if (Array.isArray(expected)) {
    const key = path.split(".").pop() ?? "";
    if (!Array.isArray(actual)) {
      out.push(`${path}: expected ${show(expected)}, drafted ${show(actual)}`);
      return false;
    }
    if (SET_FIELDS.has(key)) {
      const a = new Set(actual.map(String));
      const e = new Set(expected.map(String));
      const same = a.size === e.size && [...e].every((v) => a.has(v));
      if (!same) out.push(`${path}: expected ${show([...e])}, drafted ${show([...a])}`);
      return same;
    }
    const same = show(expected) === show(actual);
    if (!same) out.push(`${path}: expected ${show(expected)}, drafted ${show(actual)}`);
    return same;
  }
  if (isObj(expected)) {
    if (!isObj(actual)) {
      out.push(`${path}: expected ${show(expected)}, drafted ${show(actual)}`);
      return false;
    }
    let ok = true;
    for (const [key, value] of Object.entries(expected)) {
      if (NEVER_JUDGED.has(key) || (SOFT_FIELDS as readonly string[]).includes(key)) continue;
      if (only !== undefined && !only.has(key)) continue;
      const sub = `${path}.${key}`;
      if (typeof value === "number") {
        if (!numbersAgree(key, value, actual[key], expected)) {
          out.push(`${sub}: expected ${value}, drafted ${show(actual[key])}`);
          ok = false;
        }
      } else if (!agrees(value, actual[key], sub, out)) ok = false;
    }
    return ok;
  }
  const same = expected === actual;
  if (!same) out.push(`${path}: expected ${show(expected)}, drafted ${show(actual)}`);
  return same;
}

/**
 * Pairs each expected item with a distinct drafted one it agrees with (backtracking; lists are short).
 * Returns the pairing (expected index → drafted index) or null when there is none.
 */
function multisetPairing(
  expected: readonly Obj[],
  actual: readonly unknown[],
  match: (e: Obj, a: unknown) => boolean,
): number[] | null {
  const used = new Array<boolean>(actual.length).fill(false);
  const pairing: number[] = [];
  const assign = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j += 1) {
      if (used[j] || !match(expected[i] as Obj, actual[j])) continue;
      used[j] = true;
      pairing[i] = j;
      if (assign(i + 1)) return true;
      used[j] = false;
    }
    return false;
  };
  return assign(0) ? pairing : null;
}

/** A pairing for slugs when the exact one fails: the first unused drafted item of the same kind. */
function kindPairing(expected: readonly Obj[], actual: readonly unknown[]): Array<number | null> {
  const used = new Set<number>();
  return expected.map((e) => {
    const j = actual.findIndex((a, k) => !used.has(k) && isObj(a) && a.kind === e.kind);
    if (j < 0) return null;
    used.add(j);
    return j;
  });
}

function compareList(
  name: "conditions" | "actions",
  expected: readonly Obj[],
  actual: readonly unknown[],
  differences: string[],
  slugs: SlugComparison[],
): void {
  const only = name === "actions" ? ACTION_FIELDS : undefined;
  const pairing = multisetPairing(expected, actual, (e, a) => agrees(e, a, name, [], only));
  if (pairing === null) {
    const kinds = (list: readonly unknown[]) => list.map((item) => (isObj(item) ? String(item.kind) : "?"));
    differences.push(`${name}: expected ${show(expected)}, drafted ${show(actual)}`);
    if (show(kinds(expected).sort()) === show(kinds(actual).sort())) {
      // Same kinds: name what differs item by item.
      kindPairing(expected, actual).forEach((j, i) => {
        if (j !== null) agrees(expected[i], actual[j], `${name}[${i}]`, differences, only);
      });
    }
  } else if (actual.length > expected.length) {
    const extra = actual.filter((_, j) => !pairing.includes(j));
    differences.push(`${name}: drafted extra ${show(extra)}`);
  }
  const pairs = pairing ?? kindPairing(expected, actual);
  expected.forEach((e, i) => {
    const j = pairs[i];
    const a = j === null || j === undefined ? null : actual[j];
    for (const field of SOFT_FIELDS) {
      if (typeof e[field] !== "string") continue;
      const drafted = isObj(a) && typeof a[field] === "string" ? (a[field] as string) : null;
      slugs.push({
        where: `${name}[${i}].${field}`,
        expected: e[field],
        actual: drafted,
        agrees: drafted === e[field],
      });
    }
  });
}

/** Whether two phrases overlap: one contains the other, case-insensitive, spaces ignored. */
export function phrasesOverlap(a: string, b: string): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, "");
  const x = fold(a);
  const y = fold(b);
  return x !== "" && y !== "" && (x.includes(y) || y.includes(x));
}

/** Scores one draft against one entry's expected draft. */
export function scoreDraft(expected: ExpectedDraft, draft: ScoredDraft): EntryScore {
  const differences: string[] = [];
  const slugs: SlugComparison[] = [];
  if (expected.trigger !== undefined) agrees(expected.trigger, draft.trigger, "trigger", differences);
  if (expected.conditions !== undefined) {
    compareList("conditions", expected.conditions, draft.conditions, differences, slugs);
  }
  if (expected.actions !== undefined) compareList("actions", expected.actions, draft.actions, differences, slugs);
  if (expected.mode !== undefined && expected.mode !== draft.mode) {
    differences.push(`mode: expected ${show(expected.mode)}, drafted ${show(draft.mode)}`);
  }
  if (expected.feedback !== undefined) {
    agrees(expected.feedback, draft.feedback, "feedback", differences);
    const e = expected.feedback;
    if (isObj(e) && typeof e.template === "string") {
      const a = isObj(draft.feedback) && typeof draft.feedback.template === "string" ? draft.feedback.template : null;
      slugs.push({ where: "feedback.template", expected: e.template, actual: a, agrees: a === e.template });
    }
  }
  for (const phrase of expected.unrecognised ?? []) {
    if (!draft.unrecognised.some((named) => phrasesOverlap(phrase, named))) {
      differences.push(`unrecognised: "${phrase}" is not named (named: ${show(draft.unrecognised)})`);
    }
  }
  return { exact: differences.length === 0, differences, slugs };
}

/** Totals over scored entries. */
export interface ScoreSummary {
  entries: number;
  exact: number;
  /** exact / entries (0 when there are none). */
  accuracy: number;
  slugs: number;
  slugsAgreeing: number;
  /** slugsAgreeing / slugs (1 when there are none). */
  slugAgreement: number;
}

export function summariseScores(scores: readonly EntryScore[]): ScoreSummary {
  const exact = scores.filter((s) => s.exact).length;
  const slugs = scores.flatMap((s) => s.slugs);
  const agreeing = slugs.filter((s) => s.agrees).length;
  return {
    entries: scores.length,
    exact,
    accuracy: scores.length === 0 ? 0 : exact / scores.length,
    slugs: slugs.length,
    slugsAgreeing: agreeing,
    slugAgreement: slugs.length === 0 ? 1 : agreeing / slugs.length,
  };
}
