/**
 * The trigger and conditions of an English sentence (issue 12): a health grade change, a count of signals
 * in a window (page views, boolean events, a categorical value), a concept's trend with a rate, a concept
 * crossing a threshold said in its unit, or a change event; and the conditions on the account (industry,
 * segment, region, name, health score and grade, a related organization, no open task).
 */
import { PlaybookCondition, PlaybookTrigger, SignalSelector, TriggerScope } from "../../automation/playbook";
import { ChangeRecordType, ChangeType } from "../../events/change-event";
import { BOOLEAN_BAD_THRESHOLD, isBooleanConcept, ratePerDayInConceptUnit, thresholdOnScale } from "../concept-scale";
import { EventAction, eventTypeOf } from "../event-vocabulary";
import { ConceptInfo, LexiconEntry, LexiconMatch } from "../lexicon";
import { PERIOD_DAYS, readDuration, readFraction, readNumber, readOrdinal, wholeDays } from "./numbers";
import { searchStem } from "../tokens";
import { FUNCTION_WORDS, Sentence, Span } from "./sentence";

/**
 * The base form of a third-person verb ("goes" → go, "climbs" → climb, "crosses" → cross, "dips" → dip),
 * or null when the word is no such form ("is", "has", "less"). A plural subject ("when scores climb past
 * 80") and the inverted "Should the backlog go past 50" say the base form.
 */
export function verbBase(w: string): string | null {
  if (["is", "has", "was", "does", "less", "across", "plus", "bus"].includes(w) || w.length < 4) return null;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(ch|sh|x|z|ss|o)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.slice(0, -1);
  return null;
}

/** The phrases with each one that starts with a third-person verb also said in the base form. */
function withBaseForms(phrases: readonly string[]): string[] {
  const out = new Set(phrases);
  for (const phrase of phrases) {
    const [first, ...rest] = phrase.split(" ");
    const base = first === undefined ? null : verbBase(first);
    if (base !== null) out.add([base, ...rest].join(" "));
  }
  return [...out];
}

const BELOW_WORDS = withBaseForms([
  "less than",
  "lower than",
  "fewer than",
  "smaller than",
  "worse than",
  "below",
  "under",
  "beneath",
  "underneath",
  "short of",
  "dips below",
  "drops below",
  "falls below",
]);
const ABOVE_WORDS = withBaseForms([
  "more than",
  "greater than",
  "higher than",
  "larger than",
  "bigger than",
  "longer than",
  "above",
  "over",
  "exceeds",
  "exceed",
  "exceeding",
  "exceeded",
  "tops",
  "beyond",
  "surpasses",
  "passes",
  "crosses",
  "goes past",
  "gets past",
  "went past",
  "is past",
  ...["climbs past", "rises past", "creeps past", "moves past", "jumps past", "pushes past", "gets above"],
  ...["climbed past", "rose past", "crept past", "breaks", "breaks through", "breaches", "tips over", "goes beyond"],
]);
const FALLING = withBaseForms([
  ...["sliding", "slipping", "eroding", "sinking", "dipping", "shrinking", "deteriorating", "worsening"],
  ...["weakening", "slumping", "tumbling", "plunging", "plummeting", "degrading", "trending downward"],
  ...["trends downward", "heading down", "heads down", "tailing off", "tails off", "ticking down", "ticks down"],
  ...["edging down", "edges down", "inching down", "inches down", "creeping down", "creeps down", "fading"],
  ...["slumps", "sagging", "sags", "sagged", "softening", "softens", "softened", "downward"],
  ...["fallen", "sunk", "shrunk", "gone down", "went down", "slumps", "slumped", "tumbles", "tumbled", "plunges"],
  ...["plunged", "plummets", "plummeted", "eroded", "degraded", "deteriorated", "worsened", "weakens", "weakened"],
  "declines",
  "decline",
  "declining",
  "drops",
  "drop",
  "dropping",
  "falls",
  "fall",
  "falling",
  "fell",
  "decreases",
  "decrease",
  "decreasing",
  "goes down",
  "go down",
  "going down",
  "slides",
  "slide",
  "shrinks",
  "shrink",
  "dips",
  "dip",
  "sinks",
  "sink",
  "slips",
  "slip",
  "erodes",
  "degrades",
  "deteriorates",
  "worsens",
  "trends down",
  "trending down",
  "slows",
  "loses",
  "lose",
  "losing",
  "lost",
  "dropped",
  "declined",
  "decreased",
  "slid",
  "shrank",
  "dipped",
  "sank",
  "slipped",
  "sheds",
  "shed",
  "down",
]);
const RISING = withBaseForms([
  ...["creeping up", "creeping higher", "creeps higher", "inching up", "inches up", "edging up", "edges up"],
  ...["ticking up", "ticks up", "ticked up", "spiking", "jumping", "surging", "soaring", "mounting"],
  ...["building up", "piling up", "ballooning", "trending upward", "trends upward", "heading up", "heads up"],
  ...["shooting up", "shoots up", "rocketing", "escalating", "upward", "crept higher", "creeping"],
  ...["risen", "grown", "gone up", "went up", "soars", "soared", "balloons", "ballooned", "rockets", "crept up"],
  ...["builds", "built up", "piled up", "mounts", "mounted", "escalates", "escalated", "doubles", "doubled"],
  "rises",
  "rise",
  "rising",
  "rose",
  "increases",
  "increase",
  "increasing",
  "grows",
  "grow",
  "growing",
  "climbs",
  "climb",
  "climbing",
  "goes up",
  "go up",
  "going up",
  "jumps",
  "jump",
  "spikes",
  "spike",
  "builds up",
  "piles up",
  "creeps up",
  "trends up",
  "trending up",
  "surges",
  "gains",
  "gain",
  "gaining",
  "gained",
  "increased",
  "grew",
  "climbed",
  "jumped",
  "spiked",
  "surged",
  "adds",
  "up",
]);
const GRADE_DOWN = [
  "drops",
  "drop",
  "dropped",
  "falls",
  "fall",
  "fell",
  "slips",
  "slip",
  "declines",
  "decline",
  "deteriorates",
  "worsens",
  "worsen",
  "degrades",
  "sinks",
  "downgraded",
  "goes down",
  "slides",
  "dips",
  "worse",
  ...["slipping", "sliding", "dropping", "falling", "sinking", "declining", "deteriorating", "worsening"],
  ...["downgrade", "downgrades", "slid", "slipped", "dipped", "sank", "sunk", "knocked down", "demoted"],
];
const GRADE_UP = [
  "improves",
  "improve",
  "improved",
  "recovers",
  "recover",
  "recovered",
  "rises",
  "rise",
  "climbs",
  "climb",
  "upgraded",
  "returns",
  "bounces",
  "goes up",
  "gets better",
  "better",
  "back",
  // "schools improving to green should …": a participle on the accounts said as the subject.
  ...["improving", "recovering", "rising", "climbing", "returning", "bouncing", "rose", "climbed", "returned"],
];
/**
 * Verbs of movement that say a direction with "up" or "down" after them ("moves up from yellow", "stepped
 * down to red", "shifts up a grade"): each with either particle is a direction word of a grade change.
 */
const MOVEMENT_VERBS = [
  ...["move", "moves", "moved", "moving", "go", "goes", "went", "going", "step", "steps", "stepped"],
  ...["shift", "shifts", "shifted", "jump", "jumps", "jumped", "slide", "slides", "slid", "tick", "ticks"],
  ...["ticked", "bump", "bumps", "bumped", "come", "comes", "came", "trend", "trends", "trended", "climb"],
  ...["climbs", "climbed", "head", "heads", "headed", "knock", "knocks", "knocked"],
];
const GRADE_DOWN_PHRASES = [...GRADE_DOWN, ...MOVEMENT_VERBS.map((v) => `${v} down`)];
const GRADE_UP_PHRASES = [...GRADE_UP, ...MOVEMENT_VERBS.map((v) => `${v} up`)];
const GRADE_VERBS = [
  "goes",
  "go",
  "turns",
  "turn",
  "becomes",
  "become",
  "moves",
  "move",
  "switches",
  "changes",
  "change",
  "changed",
  "flips",
  "is",
  "shows",
  "lights",
  "hits",
  "reaches",
  "enters",
  "lands",
  // "banking clients turning red", "accounts that went red": the other forms of the same verbs.
  ...["turning", "turned", "going", "went", "gone", "becoming", "became", "moving", "moved", "switching"],
  ...["switched", "changing", "flipping", "flipped", "hitting", "reaching", "reached", "entering", "entered"],
  ...["landing", "landed", "showing", "lighting"],
];
const COLOURS = ["orange", "purple", "blue", "black", "white", "grey", "gray", "pink", "brown", "violet"];
const PERSON_WORDS = new Set([
  "contact",
  "contacts",
  "people",
  "person",
  "persons",
  "user",
  "users",
  "teacher",
  "teachers",
  "doctor",
  "doctors",
  "physician",
  "physicians",
  "nurse",
  "nurses",
  "clinician",
  "clinicians",
  "staff",
  "employee",
  "employees",
  "engineer",
  "engineers",
  "buyer",
  "buyers",
  "someone",
  "anyone",
  "visitor",
  "visitors",
  "manager",
  "managers",
  "executive",
  "executives",
  "member",
  "members",
  "stakeholder",
  "stakeholders",
  "decision",
  "admin",
  "admins",
  "administrator",
  "administrators",
  "lecturer",
  "lecturers",
  "professor",
  "professors",
  "faculty",
  "officer",
  "officers",
  "champion",
  "he",
  "she",
  "they",
  "folks",
  "team",
  "radiologist",
  "radiologists",
]);
const VIEW_WORDS = [
  "view",
  "views",
  "viewed",
  "viewing",
  "visit",
  "visits",
  "visited",
  "visiting",
  "open",
  "opens",
  "opened",
  "read",
  "reads",
  "look at",
  "looks at",
  "looked at",
  "check out",
  "checks out",
  "browse",
  "browses",
  "hit",
  "hits",
  "land on",
  "lands on",
  "access",
  "accesses",
  "see",
  "sees",
];
/** VIEW_WORDS that say other things too ("a hit", "opens a case", "sees a drop"). */
const AMBIGUOUS_VIEW_WORDS = new Set(["hit", "hits", "open", "opens", "opened", "see", "sees", "read", "reads"]);
const BOOLEAN_BAD = [
  "disengages",
  "disengaged",
  "goes quiet",
  "drops out",
  "comes back with a hit",
  "come back with a hit",
  "hit",
  "hits",
  "fail",
  "fails",
  "failed",
  "failing",
  "failure",
  "flagged",
  "match",
  "matches",
  "matched",
  "breach",
  "breaches",
  "breached",
  "breaching",
  "violate",
  "violates",
  "violated",
  "violating",
  "violation",
  "violations",
  "miss",
  "missing",
  "overdue",
  "expired",
  "expires",
  ...["expire", "lapse", "lapses", "lapsed", "runs out", "ran out", "run out"],
  "departs",
  "departed",
  "leaves",
  "left",
  "reopened",
  "reopens",
  "escalated",
  "escalates",
  "fault",
  "faults",
  "detected",
  "triggered",
  "missed",
  "misses",
  "not passed",
  "positive",
  "outlier",
  "goes bad",
  "late",
  "is true",
  "true",
  "found",
  "occurs",
  "happens",
  "reported",
  "raised",
  "scheduled",
];
/** BOOLEAN_BAD words that say a flag's bad value (falling short) rather than that the flag is set. */
const SHORTFALL_WORDS = new Set([
  ...["fail", "fails", "failed", "failing", "failure", "miss", "missed", "misses", "missing", "not"],
  ...["breach", "breaches", "breached", "breaching"],
  ...["violate", "violates", "violated", "violating", "violation", "violations"],
]);
const BOOLEAN_GOOD = ["passes", "passed", "passing", "succeeds", "succeeded", "clear", "clean", "resolved", "ok"];
const REGION_SCOPE = [
  "in one region",
  "in the same region",
  "in a region",
  "in any region",
  "in a single region",
  "per region",
  "across a region",
  "of one region",
  "of a region",
  "in one area",
  "in the same area",
  "within a region",
  "within one region",
  "in any one region",
];

/** The pack an industry's concepts live in, to choose between concepts of the same name. */
const INDUSTRY_PACK: Readonly<Record<string, string>> = {
  HEALTHCARE: "healthcare",
  SAAS: "saas",
  MANUFACTURING: "manufacturing",
  FINANCE: "finance",
  AUTOMOTIVE: "automotive",
  ECOMMERCE: "ecommerce",
  EDUCATION: "education",
};

/** Organization kinds and the relationship an account has with each. */
/**
 * Common English names of the customers of each industry (value ids as in {@link INDUSTRY_PACK}), used when
 * the tenant has the industry but its vocabulary does not call it so. Singular and plural; longest first.
 */
const INDUSTRY_NOUNS: ReadonlyArray<readonly [string, string]> = (
  [
    ["HEALTHCARE", ["hospital", "clinic", "medical center", "medical centre", "health system", "care home"]],
    ["HEALTHCARE", ["nursing home", "medical practice", "healthcare provider", "hospital group", "health network"]],
    ["HEALTHCARE", ["healthcare customer", "healthcare client", "healthcare account", "health provider"]],
    ["ECOMMERCE", ["online store", "online shop", "web shop", "webshop", "web store", "e-shop", "online retailer"]],
    ["ECOMMERCE", ["online merchant", "ecommerce", "e-commerce seller", "marketplace seller", "online brand"]],
    ["ECOMMERCE", ["cross-border merchant", "online business"]],
    // Everyday names of sellers: the e-commerce pack's customers are retailers with shops and stores.
    ["ECOMMERCE", ["online retail", "retail", "retailer", "retail chain", "retail brand", "shop", "store"]],
    ["ECOMMERCE", ["seller", "merchant", "shop owner", "store owner"]],
    ["MANUFACTURING", ["factory", "manufacturer", "plant", "production site", "industrial customer", "mill"]],
    ["FINANCE", ["bank", "lender", "credit union", "insurer", "insurance company", "financial institution"]],
    ["FINANCE", ["fintech", "brokerage", "asset manager", "wealth manager", "insurance client"]],
    ["SAAS", ["software company", "software vendor", "saas company", "software business", "saas vendor"]],
    ["AUTOMOTIVE", ["carmaker", "car maker", "automaker", "auto maker", "vehicle maker", "ev maker"]],
    ["AUTOMOTIVE", ["fleet operator", "fleet customer", "fleet"]],
    ["EDUCATION", ["school", "university", "college", "academy", "campus", "school district"]],
  ] as const
)
  .flatMap(([value, phrases]) =>
    phrases.flatMap((p) => {
      const words = p.split(" ");
      const last = words[words.length - 1] as string;
      const plural = last.endsWith("y") && !/[aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`;
      return [[p, value] as const, [[...words.slice(0, -1), plural].join(" "), value] as const];
    }),
  )
  .sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);

/** Industry nouns that also name part of something else: "the shop floor", "an app store", "retail prices". */
const MODIFIER_NOUNS = new Set(["shop", "shops", "store", "stores", "retail"]);
/** Nouns that a customer noun may stand before and still name the customer ("retail accounts"). */
const CUSTOMER_HEADS = new Set(["account", "customer", "client", "company", "business", "brand", "chain", "owner"]);

/** Whether the noun at i is a modifier of a noun next to it ("shop floor", "app store"), not the customer. */
function modifiesAnother(s: Sentence, i: number): boolean {
  const next = s.word(i + 1);
  const joinedNext = next !== "" && !/[,.;:()']/.test(s.gapBefore(i + 1));
  if (joinedNext && !FUNCTION_WORDS.has(next) && !CUSTOMER_HEADS.has(s.stem(i + 1)) && next !== "s") return true;
  const before = s.word(i - 1);
  return i > 0 && !/[,.;:()]/.test(s.gapBefore(i)) && before !== "" && !FUNCTION_WORDS.has(before) && !s.isUsed(i - 1);
}

export const KIND_RELATIONSHIP: Readonly<Record<string, "PARTNER_OF" | "SUPPLIES" | "SERVICES" | "RESELLS_TO">> = {
  SERVICE_PROVIDER: "SERVICES",
  RESELLER: "RESELLS_TO",
  SUPPLIER: "SUPPLIES",
  PARTNER: "PARTNER_OF",
};

const isKind =
  (...kinds: string[]) =>
  (entry: LexiconEntry) =>
    kinds.includes(entry.kind);

/** A comparison said in span: its operator and where its words and number are. */
interface Comparison {
  op: "BELOW" | "ABOVE";
  value: number;
  unit: string | null;
  from: number;
  to: number;
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  hour: "hours",
  hours: "hours",
  hr: "hours",
  hrs: "hours",
  h: "hours",
  minute: "minutes",
  minutes: "minutes",
  min: "minutes",
  mins: "minutes",
  second: "seconds",
  seconds: "seconds",
  sec: "seconds",
  secs: "seconds",
  day: "days",
  days: "days",
  week: "weeks",
  weeks: "weeks",
  month: "months",
  months: "months",
  year: "years",
  years: "years",
  percent: "percent",
  "%": "percent",
  pct: "percent",
  km: "km",
  kilometres: "km",
  kilometers: "km",
  kwh: "kwh",
  dollars: "USD",
  usd: "USD",
  eur: "EUR",
  euros: "EUR",
  yuan: "CNY",
  rmb: "CNY",
  cny: "CNY",
  degrees: "celsius",
  celsius: "celsius",
};

/** The unit said after a number at token i (and how many tokens it takes), or null. */
function unitAt(s: Sentence, numberEnd: number): { unit: string | null; to: number } {
  const token = s.tokens[numberEnd - 1];
  const after = token === undefined ? "" : s.text.slice(token.end, token.end + 1);
  if (after === "%") return { unit: "percent", to: numberEnd };
  const w = s.word(numberEnd);
  const before =
    token === undefined
      ? ""
      : s.text.slice(Math.max(0, (s.tokens[numberEnd - 1]?.start ?? 0) - 1), s.tokens[numberEnd - 1]?.start);
  if (before === "$") return { unit: "USD", to: numberEnd };
  if (w === "per" && s.word(numberEnd + 1) === "cent") return { unit: "percent", to: numberEnd + 2 };
  const unit = UNIT_WORDS[w];
  if (unit === "weeks" || unit === "months" || unit === "years") {
    return { unit: "days", to: numberEnd + 1 };
  }
  return unit === undefined ? { unit: null, to: numberEnd } : { unit, to: numberEnd + 1 };
}

/** Converts weeks/months/years said as a threshold's unit into days (the catalogue has no weeks). */
function thresholdValue(value: number, unitWord: string): number {
  const days = PERIOD_DAYS[unitWord];
  return days !== undefined && days > 1 ? value * days : value;
}

/** Bounds said before a number: "at most 3", "no more than 5" (BELOW), "at least 20%", "no less than 4" (ABOVE). */
const BOUND_LEADS: ReadonlyArray<readonly [string[], "BELOW" | "ABOVE"]> = [
  [["at", "most"], "BELOW"],
  [["no", "more", "than"], "BELOW"],
  [["not", "more", "than"], "BELOW"],
  [["no", "higher", "than"], "BELOW"],
  [["not", "higher", "than"], "BELOW"],
  [["no", "greater", "than"], "BELOW"],
  [["no", "better", "than"], "BELOW"],
  [["a", "maximum", "of"], "BELOW"],
  [["at", "least"], "ABOVE"],
  [["no", "less", "than"], "ABOVE"],
  [["not", "less", "than"], "ABOVE"],
  [["no", "lower", "than"], "ABOVE"],
  [["not", "lower", "than"], "ABOVE"],
  [["no", "fewer", "than"], "ABOVE"],
  [["a", "minimum", "of"], "ABOVE"],
];

/** The first comparison in span: "below 3", "under 1,000 hours", "above 20", "more than 30 minutes". */
export function findComparison(s: Sentence, span: Span): Comparison | null {
  for (let i = span.from; i < span.to; i += 1) {
    for (const [op, words] of [
      ["BELOW", BELOW_WORDS],
      ["ABOVE", ABOVE_WORDS],
    ] as const) {
      const hit = s.find({ from: i, to: span.to }, words, i);
      if (hit === null || hit.i !== i) continue;
      let j = i + hit.n;
      if (s.word(j) === "a" && s.word(j + 1) === "score" && s.word(j + 2) === "of") j += 3;
      const number = readFraction(s.tokens, j) ?? readNumber(s.tokens, j);
      if (number === null) continue;
      const unit = unitAt(s, number.to);
      const value = unit.unit === "days" ? thresholdValue(number.value, s.word(number.to)) : number.value;
      // "below 3 roles", "above 20 tickets": what is counted, when no unit was said.
      const next = s.word(unit.to);
      const counted =
        unit.unit === null &&
        /^[a-z]+s$/.test(next) &&
        !FUNCTION_WORDS.has(next) &&
        !["times", "days", "weeks", "months", "hours", "minutes", "points"].includes(next);
      return { op, value, unit: unit.unit, from: i, to: counted ? unit.to + 1 : unit.to };
    }
    // "2 or lower", "90% or more", "at most 3", "no more than 5", "at least 20%", "no less than 4"
    const bounded = BOUND_LEADS.find(([words]) => s.at(i, words));
    if (bounded !== undefined) {
      const [words, op] = bounded;
      const n = readNumber(s.tokens, i + words.length);
      if (n !== null) {
        const u = unitAt(s, n.to);
        const value = u.unit === "days" ? thresholdValue(n.value, s.word(n.to)) : n.value;
        return { op, value, unit: u.unit, from: i, to: u.to };
      }
    }
    const lead = 0;
    const number = readNumber(s.tokens, i + lead);
    if (
      number === null ||
      (lead === 0 &&
        !["is", "of", "at", "to", "reaches", "hits", "below", "under"].includes(s.word(i - 1)) &&
        !s.at(number.to, ["or"]) &&
        !/%/.test(s.gapBefore(number.to)))
    )
      continue;
    const unit = unitAt(s, number.to);
    if (s.word(unit.to) !== "or") continue;
    const word = s.word(unit.to + 1);
    const below = ["lower", "less", "below", "under", "fewer", "worse", "smaller", "shorter"].includes(word);
    const above = ["more", "higher", "above", "greater", "over", "better", "larger", "longer"].includes(word);
    if (below || above) {
      return { op: below ? "BELOW" : "ABOVE", value: number.value, unit: unit.unit, from: i, to: unit.to + 2 };
    }
  }
  return null;
}

/** Verbs that only say an account was re-graded ("downgraded to 'critical'", "is rated 'at risk'"). */
const REGRADE_VERBS = new Set(["downgraded", "upgraded", "regraded", "reclassified", "rated", "graded", "demoted"]);

/**
 * A grade the health model does not have, said where a grade change would name one: "is downgraded to
 * 'critical'", "its health drops to 'severe'", "health turns 'watch'". Only when the phrase names no concept
 * (a concept's value, "the risk rating moves to HIGH", is that concept's) and no number.
 */
function unknownGrade(
  s: Sentence,
  span: Span,
  health: { i: number; n: number } | null,
  verb: { i: number; n: number } | null,
): Span | null {
  if (verb === null) return null;
  const regrade = REGRADE_VERBS.has(s.word(verb.i));
  if (!regrade && health === null) return null;
  let k = verb.i + verb.n;
  while (["to", "into", "as", "down", "up", "back"].includes(s.word(k))) k += 1;
  const quoted = /["“'‘]\s*$/.test(s.gapBefore(k));
  if (k >= span.to || (k === verb.i + verb.n && !regrade && !quoted)) return null;
  if (readNumber(s.tokens, k) !== null || s.lexicon.matchAt(s.tokens, k, s.text) !== null) return null;
  // A quoted grade is the words up to the closing quote; else the one word.
  let to = k + 1;
  if (quoted) {
    while (to < span.to && !/["”'’]/.test(s.text.slice(s.tokens[to - 1]!.end, s.tokens[to - 1]!.end + 1))) to += 1;
  } else if (FUNCTION_WORDS.has(s.word(k))) return null;
  // "critical status", "'at risk' level": the word for a grade after it is part of the phrase.
  if (["status", "grade", "level", "rating", "tier", "band"].includes(s.word(to))) to += 1;
  // Another measure named ("the risk rating is upgraded to …"): not the account's grade. The account's own
  // health, and a word that is also an industry ("SaaS"), are not other measures.
  const concepts = s
    .matches(span, () => true, false)
    .filter((m) => m.to <= k || m.from >= to)
    .filter(
      (m) =>
        m.entries.some((e) => ["CONCEPT", "FIELD", "CONCEPT_VALUE", "PAGE"].includes(e.kind)) &&
        !m.entries.some((e) => e.kind === "ACCOUNT_FIELD_VALUE" || e.id === "core:customer-health"),
    );
  return concepts.length > 0 ? null : { from: k, to };
}

/** "went from yellow to red", "drops to yellow", "turns red", "improves to green", "out of green". */
function gradeChange(s: Sentence, span: Span): PlaybookTrigger | null {
  const grades = s.matches(span, isKind("HEALTH_GRADE"));
  let unknown: { from: number; to: number } | null = null;
  for (let i = span.from; i < span.to && unknown === null; i += 1) {
    // "grade B", "grade 3": a grade the health model does not have.
    if (s.word(i) === "grade" && /^[a-f]$|^\d$/.test(s.word(i + 1))) unknown = { from: i, to: i + 2 };
  }
  for (let i = span.from; i < span.to && unknown === null; i += 1) {
    if (COLOURS.includes(s.word(i))) unknown = { from: i, to: i + 1 };
  }
  const health = s.find(span, ["health grade", "health status", "health rating", "health", "grade", "traffic light"]);
  const down = s.find(span, GRADE_DOWN_PHRASES);
  const up = s.find(span, GRADE_UP_PHRASES);
  const verb = s.find(span, GRADE_VERBS);
  if (grades.length === 0 && unknown === null) unknown = unknownGrade(s, span, health, down ?? up ?? verb);
  if (grades.length === 0 && unknown === null) {
    const changes = s.find(span, ["changes", "change", "changed"]);
    // "the health score goes down by 15 points in a month": an amount is a change of the score, not a grade.
    const by = s.find(span, ["by"]);
    const amount = by !== null && readNumber(s.tokens, by.i + 1) !== null;
    const number = findComparison(s, span) ?? (amount ? by : null);
    // "battery state of health declines": another concept's name, not the account's health grade.
    if (health !== null && s.word(health.i) === "health" && healthOfOtherConcept(s, span, health.i)) return null;
    if (health !== null && number === null && (changes !== null || down !== null || up !== null)) {
      s.use(health.i, health.i + health.n);
      const direction = down !== null ? "DOWN" : up !== null ? "UP" : null;
      if (down !== null) s.use(down.i, down.i + down.n);
      if (up !== null) s.use(up.i, up.i + up.n);
      if (changes !== null) s.use(changes.i, changes.i + changes.n);
      return direction === null ? { kind: "HEALTH_GRADE_CHANGE" } : { kind: "HEALTH_GRADE_CHANGE", direction };
    }
    return null;
  }
  if (health === null && down === null && up === null && verb === null) return null;
  const from: string[] = [];
  const to: string[] = [];
  for (const match of grades) {
    const grade = match.entries[0]!.id;
    const before = s.word(match.from - 1);
    const before2 = s.word(match.from - 2);
    // "an account that is already yellow turns red": the grade it is in is where it comes from.
    const already =
      ["already", "currently", "still"].includes(before) ||
      (["already", "currently", "still"].includes(before2) && ["is", "in", "at"].includes(before));
    // "a green account drops to red": the grade said of the account before the change is where it comes from.
    const adjective =
      grades.indexOf(match) < grades.length - 1 &&
      !["to", "into"].includes(before) &&
      [0, 1].some((d) => CUSTOMER_HEADS.has(s.stem(match.to + d)) || SUBJECT_NOUNS.has(s.stem(match.to + d)));
    // "from yellow to red or green to red": a grade right before "to" and another grade is where it comes from.
    const beforeTo =
      ["to", "into"].includes(s.word(match.to)) &&
      grades.some((o) => o.from === match.to + 1) &&
      grades.indexOf(match) > 0;
    const isFrom =
      adjective ||
      beforeTo ||
      before === "from" ||
      (before === "of" && before2 === "out") ||
      before === "leaves" ||
      before === "left" ||
      (already && grades.indexOf(match) < grades.length - 1);
    // "from yellow or red" — a grade after "or" / "and" follows the previous grade's side.
    const joined = before === "or" || before === "and";
    if (isFrom || (joined && from.length > 0 && to.length === 0 && s.word(match.from - 2) !== "to")) from.push(grade);
    else to.push(grade);
    s.use(match.from, match.to);
    if (["from", "to", "into", "of", "out", "or", "and", "leaves", "left"].includes(before)) s.use(match.from - 1);
    if (before === "of" && before2 === "out") s.use(match.from - 2);
    s.term(match.text, "HEALTH_GRADE", grade);
  }
  if (unknown !== null) {
    s.unknown(s.phrase(unknown.from, unknown.to).replace(/^["“'‘]+|["”'’]+$/g, ""));
    s.use(unknown.from, unknown.to);
    if (["to", "into", "from"].includes(s.word(unknown.from - 1))) s.use(unknown.from - 1);
  }
  if (health !== null) s.use(health.i, health.i + health.n);
  if (verb !== null) s.use(verb.i, verb.i + verb.n);
  // "that is already yellow turns red": every verb of the change is understood with it.
  for (let k = span.from; k < span.to; k += 1) if (GRADE_VERBS.includes(s.word(k))) s.use(k);
  const neutralFromTo = from.length > 0 && to.length > 0 && down === null && up === null;
  let direction: "DOWN" | "UP" | null = null;
  if (!neutralFromTo) {
    if (down !== null && (up === null || down.i < up.i)) direction = "DOWN";
    else if (up !== null) direction = "UP";
  }
  if (down !== null) s.use(down.i, down.i + down.n);
  if (up !== null) s.use(up.i, up.i + up.n);
  return {
    kind: "HEALTH_GRADE_CHANGE",
    ...(to.length > 0 ? { to: [...new Set(to)] } : {}),
    ...(from.length > 0 ? { from: [...new Set(from)] } : {}),
    ...(direction === null ? {} : { direction }),
  };
}

/** Words that say a code is one ("error CHG-E077", "fault code E-502", "alarm W-211"). */
const CODE_WORDS = new Set(["error", "errors", "code", "codes", "fault", "faults", "alarm", "alarms", "the"]);

/** Words between a categorical concept and its new value ("is upgraded to HIGH", "gets set to EDD"). */
const CHANGE_TO_WORDS = new Set([
  ...["upgraded", "downgraded", "raised", "lowered", "changed", "updated", "moved", "set", "escalated"],
  ...["switched", "now", "to", "reclassified", "rated", "as"],
]);

/** What a count can count without "times": views, visits, alerts. */
const COUNTED_NOUNS = new Set([
  "ticket",
  "tickets",
  "view",
  "views",
  "visit",
  "visits",
  "hit",
  "hits",
  "signal",
  "signals",
  "alert",
  "alerts",
  "event",
  "events",
  "failure",
  "failures",
  "fault",
  "faults",
  "occurrence",
  "occurrences",
  "incident",
  "incidents",
  "breach",
  "breaches",
  "violation",
  "violations",
  "session",
  "sessions",
  "download",
  "downloads",
  "click",
  "clicks",
  "outlier",
  "outliers",
  "anomaly",
  "anomalies",
  "error",
  "errors",
  "exception",
  "exceptions",
  "defect",
  "defects",
  "complaint",
  "complaints",
  "hold",
  "holds",
  "delay",
  "delays",
  "miss",
  "misses",
  "case",
  "cases",
]);

/**
 * "ten chargebacks in two weeks", "ten chargebacks hit a seller within a rolling 30-day window": the plural at k
 * is counted when a window follows within a few words, with no rate and no verb of direction between (which
 * make "10 chargers … drop by 2 points a week over a month" a trend of that many assets).
 */
function countedInWindow(s: Sentence, span: Span, k: number, number = -1): boolean {
  const window = findWindow(s, { from: k + 1, to: Math.min(span.to, k + 12) });
  if (window === null) return false;
  // Only a few words of meaning between ("hit a seller", "to a single factory customer").
  let content = 0;
  for (let i = k + 1; i < window.from; i += 1) if (!s.used[i] && !FUNCTION_WORDS.has(s.word(i))) content += 1;
  if (content > 2) return false;
  // "more than three late deliveries a month": the count's own number said per period is no rate of change,
  // unless a verb of direction says one ("10 chargers drop by 2 points a week").
  const rate = findRate(s, span);
  const ownNumber =
    rate !== null &&
    rate.from <= number &&
    number < rate.to &&
    findUnused(s, span, FALLING) === null &&
    findUnused(s, span, RISING) === null;
  if (rate !== null && !ownNumber) return false;
  for (let i = k + 1; i < window.from; i += 1) {
    const number = ["single", "one"].includes(s.word(i)) ? null : readNumber(s.tokens, i);
    if (FALLING.includes(s.word(i)) || RISING.includes(s.word(i)) || number !== null) return false;
  }
  return true;
}

/**
 * "Over any fortnight, if a fleet customer racks up 3 repeat repairs": the window said first, leading the
 * clause, with no rate of change in it, is the count's window.
 */
function windowLeads(s: Sentence, span: Span, count: number): boolean {
  const window = findWindow(s, { from: span.from, to: count });
  return window !== null && window.from <= span.from + 1 && findRate(s, span) === null;
}

/** Counts: "three times", "twice", "5 or more times", "at least 3 times", "more than 5 times" (→ 6). */
/** Whether a plural noun written in lower case stands in [from, to) ("tickets", not "NPS"). */
function pluralBefore(s: Sentence, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) {
    const written = s.phrase(k, k + 1);
    if (/^[a-z-]+[^s]s$/.test(written) && !FUNCTION_WORDS.has(s.word(k))) return true;
  }
  return false;
}

/** Verbs by which things counted reach a number ("reopened tickets reach 5 in a week"). */
const REACH_VERBS = new Set(["reach", "reaches", "reached", "hit", "hits", "total", "totals", "number", "add"]);

function findCount(s: Sentence, span: Span): { count: number; from: number; to: number } | null {
  for (let i = span.from; i < span.to; i += 1) {
    const w = s.word(i);
    // "is reopened for the third time in a month", "fails a 2nd time within a week": the nth time is n.
    const ordinal = readOrdinal(s.tokens, i);
    // A level crossed for the nth time is no count of signals the schema can say ("dips under 95% for the
    // third time"): the threshold stands, the rest is named.
    if (ordinal !== null && ["time", "occasion"].includes(s.word(i + 1)) && findComparison(s, span) === null) {
      let from = i;
      if (["the", "a"].includes(s.word(from - 1))) from -= 1;
      if (s.word(from - 1) === "for") from -= 1;
      return { count: ordinal, from, to: i + 2 };
    }
    if (w === "twice" || w === "thrice") return { count: w === "twice" ? 2 : 3, from: i, to: i + 1 };
    if (s.at(i, ["more", "than", "twice"]) || s.at(i, ["more", "than", "once"])) {
      return { count: s.word(i + 2) === "twice" ? 3 : 2, from: i, to: i + 3 };
    }
    let start = i;
    let plus = 0;
    if (s.at(i, ["at", "least"])) start = i + 2;
    else if (s.at(i, ["more", "than"]) || s.at(i, ["over"])) {
      start = i + (w === "over" ? 1 : 2);
      plus = 1;
    }
    const number = readNumber(s.tokens, start, false);
    if (number === null) continue;
    // "with a health score above 80 views the pricing page twice": a number already understood counts nothing.
    if (s.isUsed(start)) continue;
    // "reopened tickets reach 5 in a week", "complaints hit 10 within a month": things counted said as the
    // number they reach in a window (at least that many).
    if (
      start === i &&
      REACH_VERBS.has(s.word(i - 1)) &&
      pluralBefore(s, span.from, i - 1) &&
      !/%/.test(s.gapBefore(number.to)) &&
      findWindow(s, { from: number.to, to: span.to })?.from === number.to
    )
      return { count: number.value, from: i - 1, to: number.to };
    // "grows by more than 5 tickets a day": an amount of change, not a count.
    if (
      [1, 2, 3].some(
        (d) =>
          s.word(start - d) === "by" &&
          Array.from({ length: d - 1 }, (_, k) => s.word(start - 1 - k)).every((x) =>
            ["more", "than", "at", "least", "over"].includes(x),
          ),
      )
    )
      continue;
    let j = number.to;
    if (s.at(j, ["or", "more"])) j += 2;
    // "reopened tickets at a school: three within a fortnight", "late deliveries — at least 4 in a month":
    // things counted said first, then how many of them in a window right after the number.
    if (
      pluralBefore(s, span.from, i) &&
      !/%/.test(s.gapBefore(number.to)) &&
      Array.from({ length: i - span.from }, (_, d) => s.gapBefore(span.from + 1 + d)).some((g) =>
        /[:;,—–]|\s-\s|→/.test(g),
      ) &&
      findWindow(s, { from: j, to: span.to })?.from === j
    )
      return { count: number.value + plus, from: i, to: j };
    if (s.word(j) === "separate" && ["occasions", "times"].includes(s.word(j + 1))) j += 1;
    if (["time", "times", "x", "occasions", "occasion"].includes(s.word(j))) {
      return { count: number.value + plus, from: i, to: j + 1 };
    }
    // "three or more views", "5 page views", "3 alerts"
    // "more than two cell batch quality outliers": the counted noun ends the concept's words.
    for (let k = j; k < Math.min(span.to, j + 5); k += 1) {
      if (COUNTED_NOUNS.has(s.word(k))) return { count: number.value + plus, from: i, to: k + 1 };
      // "2 or more vehicles at a fleet customer fail an OTA update in a week": assets of one account, each
      // with what happens to it, counted in a window (in one region they are the trend's subjects instead).
      if (
        k === j &&
        ASSET_SUBJECTS.has(s.stem(k)) &&
        s.word(k) !== s.stem(k) &&
        s.find(span, REGION_SCOPE) === null &&
        findWindow(s, { from: k + 1, to: span.to }) !== null &&
        findRate(s, span) === null &&
        findComparison(s, { from: k + 1, to: span.to }) === null
      )
        return { count: number.value + plus, from: i, to: number.to };
      // "three or more contacts … view the pricing page": the people counted, when no number of times is said.
      if (
        PERSON_WORDS.has(s.word(k)) &&
        /s$/.test(s.word(k)) &&
        s.find(span, VIEW_WORDS) !== null &&
        s.find(span, ["times", "twice", "thrice", "time"]) === null
      )
        return { count: number.value + plus, from: i, to: number.to };
      // "more than ten chargebacks in two weeks", "5 warranty claims within a month": a plural of a concept's
      // word, counted in a window.
      // "three failed QC runs in a month": a plural after a concept's name ("QC") counts that concept.
      const named = (m: number) =>
        s.lexicon.conceptsWithWord(s.word(m).replace(/s$/, "")).length + s.lexicon.conceptsWithWord(s.word(m)).length >
          0 || s.lexicon.matchAt(s.tokens, m, s.text, isKind("CONCEPT", "FIELD")) !== null;
      if (
        /[a-z]s$/.test(s.word(k)) &&
        !["points", "percent", "hours", "days", "minutes", "weeks", "months"].includes(s.word(k)) &&
        Array.from({ length: k - j + 1 }, (_, d) => j + d).some(named) &&
        (countedInWindow(s, span, k, start) || windowLeads(s, span, i))
      )
        return { count: number.value + plus, from: i, to: number.to };
      if (FUNCTION_WORDS.has(s.word(k)) || readNumber(s.tokens, k) !== null) break;
    }
    if (w === "once" && !["a", "an", "per", "every"].includes(s.word(i + 1))) return { count: 1, from: i, to: i + 1 };
  }
  return null;
}

/** Verbs before "over" that make it a comparison ("goes over 8 hours"), not a window ("over 8 weeks"). */
const LEVEL_VERBS = new Set(
  withBaseForms([
    ...["goes", "go", "going", "went", "gone", "rises", "rose", "risen", "climbs", "climbed", "is", "are", "was"],
    ...["were", "stays", "stayed", "remains", "remained", "creeps", "crept", "jumps", "jumped", "gets", "got"],
    ...["runs", "ran", "sits", "moves", "moved", "spikes", "spiked", "shoots", "takes", "took", "lasts"],
  ]),
);

/** Words between a window's preposition and its length that say nothing more ("within a single week"). */
const WINDOW_ADJECTIVES = new Set(["single", "rolling", "given", "calendar", "one", "same", "trailing", "moving"]);

/** A window: "in a week", "within 30 days", "over two weeks", "in the last 14 days", "a week" after a count. */
function findWindow(
  s: Sentence,
  span: Span,
  skip: Span | null = null,
): { days: number; from: number; to: number } | null {
  for (let i = span.from; i < span.to; i += 1) {
    if (skip !== null && i >= skip.from && i < skip.to) continue;
    const w = s.word(i);
    if (
      ![
        "in",
        "within",
        "inside",
        "over",
        "during",
        "across",
        "per",
        "a",
        "an",
        "every",
        "each",
        "for",
        "this",
      ].includes(w)
    )
      continue;
    // "3 escalations this month": the current period is the window.
    if (w === "this") {
      const period = PERIOD_DAYS[s.word(i + 1)];
      if (period === undefined || ["business"].includes(s.word(i + 1)) || i + 2 > span.to) continue;
      if (skip !== null && i + 1 >= skip.from && i + 1 < skip.to) continue;
      return { days: Math.max(1, wholeDays(period)), from: i, to: i + 2 };
    }
    // "goes over 8 hours", "is over 2 days": a level said with a verb of motion or being, not a window.
    if (w === "over" && LEVEL_VERBS.has(s.word(i - 1))) continue;
    // "week over week", "month on month": how a rate is measured, not a window.
    if ((w === "over" || w === "on") && s.word(i - 1) !== "" && s.word(i - 1) === s.word(i + 1)) continue;
    let j = i + 1;
    if (["the", "a"].includes(s.word(j)) && ["last", "past", "previous", "same", "space"].includes(s.word(j + 1)))
      j += 2;
    if (s.word(j) === "of") j += 1;
    // "within a single week", "in any 7-day period", "inside one rolling month", "in a given fortnight"
    if (["a", "an", "any", "one"].includes(s.word(j)) && WINDOW_ADJECTIVES.has(s.word(j + 1))) j += 2;
    else if (["any", "the"].includes(s.word(j)) && (/^\d/.test(s.word(j + 1)) || WINDOW_ADJECTIVES.has(s.word(j + 1))))
      j += WINDOW_ADJECTIVES.has(s.word(j + 1)) ? 2 : 1;
    else if (s.word(j) === "any" && readDuration(s.tokens, j + 1) !== null) j += 1;
    // "within a 14-day window"
    if ((s.word(j) === "a" || s.word(j) === "an") && /^\d/.test(s.word(j + 1))) j += 1;
    if (w === "a" || w === "an" || w === "per" || w === "every" || w === "each") j = i;
    const duration =
      w === "a" || w === "an"
        ? readDuration(s.tokens, i)
        : readDuration(s.tokens, w === "per" || w === "every" || w === "each" ? i + 1 : j);
    if (duration === null || duration.to > span.to) continue;
    if (skip !== null && duration.to > skip.from && duration.from < skip.to) continue;
    let to = ["window", "period", "span", "stretch", "timeframe"].includes(s.word(duration.to))
      ? duration.to + 1
      : duration.to;
    // "for three weeks in a row", "for 10 days running": the window said as a run.
    if (s.at(to, ["in", "a", "row"])) to += 3;
    else if (["running", "straight", "solid"].includes(s.word(to))) to += 1;
    return { days: Math.max(1, wholeDays(duration.days)), from: i, to };
  }
  return null;
}

/** Verbs that only link a concept to what it does ("goes over", "finds a match", "comes back with"). */
const NEUTRAL_VERBS = new Set([
  // "starts seeing more than three late deliveries", "is getting", "keeps logging": the -ing forms.
  ...["seeing", "getting", "having", "logging", "recording", "receiving", "experiencing", "reporting", "racking"],
  ...["starting", "beginning", "suffering", "hitting", "reaching", "registering", "accumulating", "filing"],
  ...["fire", "fires", "fired", "trip", "trips", "tripped", "pop", "pops", "popped", "come", "comes", "came"],
  ...["files", "filed", "submits", "submitted", "logs", "records", "receives", "received", "sees", "saw"],
  ...["rack", "racked", "racking", "clocks", "clocked", "notches", "notched", "accumulated", "accrues", "piles"],
  ...["log", "record", "file", "hit", "see", "has", "had", "gets", "reach", "produce", "produces", "produced"],
  ...["experiences", "experienced", "suffers", "suffered", "registers", "registered", "racks", "accumulates"],
  ...["chalks", "chalked", "tallies", "tallied", "amasses", "amassed"],
  ...["generates", "generated", "triggers", "triggered", "posts", "lodges", "lodged", "raises", "opens"],
  ...["had", "got", "gotten", "stood", "stands", "ends", "ended", "lands", "landed", "settles", "hovers"],
  "found",
  "grade",
  "reported",
  "logged",
  "recorded",
  "detected",
  "seen",
  "observed",
  "raised",
  "happens",
  "occurs",
  "keeps",
  "continues",
  "starts",
  "begins",
  "goes",
  "go",
  "gets",
  "get",
  "is",
  "are",
  "becomes",
  "become",
  "finds",
  "find",
  "returns",
  "return",
  "shows",
  "show",
  "shows",
  "has",
  "have",
  "reports",
  "report",
  "comes",
  "come",
  "back",
  "with",
  "stays",
  "stay",
  "remains",
  "remain",
  "sits",
  "sit",
  "reaches",
  "reach",
  "hits",
  "now",
  "still",
  "runs",
  "run",
  "climbs",
  "rises",
  "falls",
  "drops",
  "dips",
  "sinks",
  "slips",
  "jumps",
  "creeps",
]);

/** The pack preference between concepts of the same name: the industry's pack, then core, then measured ones. */
function preferConcept(s: Sentence, ids: readonly string[], industries: readonly string[]): string {
  const unique = [...new Set(ids)];
  const packs = industries.map((i) => INDUSTRY_PACK[i]).filter((p): p is string => p !== undefined);
  const score = (id: string) => {
    const info = s.lexicon.concepts.get(id);
    const pack = id.split(":")[0] ?? "";
    return (packs.includes(pack) ? 4 : pack === "core" ? 2 : 0) + (info && info.mappings.length > 0 ? 1 : 0);
  };
  return unique.sort((a, b) => score(b) - score(a))[0] as string;
}

/**
 * The concept a span speaks of: the longest label match, unless the concepts' words (labels and source
 * fields) share more of the span's words ("hits its usage limit" → the concept labelled "usage-limit hit").
 * `preferred` (the trigger's concept, for a success criterion) wins with a single shared word.
 */
export function findConcept(
  s: Sentence,
  span: Span,
  industries: readonly string[],
  options: { search?: boolean; preferred?: string | null } = {},
): { concept: ConceptInfo; match: LexiconMatch | null } | null {
  const matches = s.matches(span, isKind("CONCEPT", "FIELD"));
  const searched = options.search === false ? null : searchBest(s, span, options.preferred ?? null);
  const longest = matches.length === 0 ? 0 : Math.max(...matches.map((m) => m.to - m.from));
  if (matches.length > 0 && (searched === null || searched.shared <= longest)) {
    const best = [...matches].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from)[0] as LexiconMatch;
    const ids = best.entries.map((e) => (e.kind === "FIELD" ? (e.concept as string) : e.id));
    const id = preferConcept(s, ids, industries);
    const info = s.lexicon.concepts.get(id);
    if (info !== undefined) {
      const distinct = [...new Set(ids)];
      if (distinct.length > 1) s.ambiguous(best.text, `could be ${distinct.join(" or ")}; ${id} was chosen`);
      s.use(best.from, best.to);
      // "a hospital's average first response time": how the measure is taken, said before its name.
      if (["average", "mean", "median", "overall"].includes(s.word(best.from - 1))) s.use(best.from - 1);
      s.term(best.text, "CONCEPT", id);
      useAside(s, best.to);
      // "the backlog of open tickets": another word of the same concept's names, right before it with "of".
      if (s.word(best.from - 1) === "of") {
        let k = best.from - 2;
        while (k >= span.from && ["the", "a", "an"].includes(s.word(k))) k -= 1;
        if (k >= span.from && !s.used[k] && s.lexicon.conceptsWithWord(s.word(k)).includes(id)) s.use(k, best.from);
      }
      return { concept: info, match: best };
    }
  }
  if (searched === null) return null;
  const id = preferConcept(s, searched.tied, industries);
  const info = s.lexicon.concepts.get(id);
  if (info === undefined) return null;
  // Mark the words the concept's labels share as understood.
  const shared = sharedTokens(s, searched.words, info);
  if (shared.length === 0) return null;
  shared.forEach((i) => s.use(i));
  const from = Math.min(...shared);
  const to = Math.max(...shared) + 1;
  s.term(s.phrase(from, to), "CONCEPT", id);
  useAside(s, to);
  if (searched.tied.length > 1) {
    s.ambiguous(s.phrase(from, to), `could be ${searched.tied.join(" or ")}; ${id} was chosen`);
  }
  return { concept: info, match: null };
}

/**
 * A short aside in parentheses right after a concept's name ("customer effort (CES)", "order defect rate
 * (ODR)") restates it: understood with it.
 */
function useAside(s: Sentence, after: number): void {
  // "patient experience score", "the OEE figures": a word for the measure itself says nothing more.
  if (MEASURE_NOUNS.has(s.word(after)) && !s.used[after] && !s.gapBefore(after).includes(",")) {
    s.use(after);
    return;
  }
  if (!s.gapBefore(after).includes("(")) return;
  let end = after + 1;
  while (end < s.tokens.length && !s.gapBefore(end).includes(")")) end += 1;
  if (end - after <= 3) s.use(after, end);
}

/** Words after a concept's name that name the measure itself ("NPS score", "OEE figures"). */
const MEASURE_NOUNS = new Set([
  "rate",
  "rates",
  "ratio",
  "percentage",
  "check",
  "checks",
  "test",
  "tests",
  "score",
  "scores",
  "index",
  "level",
  "levels",
  "metric",
  "metrics",
  "figure",
  "figures",
  "numbers",
  "kpi",
  "reading",
  "readings",
  "value",
  "values",
]);

interface Searched {
  words: number[];
  tied: string[];
  shared: number;
}

/** The concepts sharing most words with the words of span not yet understood. */
function searchBest(s: Sentence, span: Span, preferred: string | null): Searched | null {
  const words: number[] = [];
  for (let i = span.from; i < span.to; i += 1) {
    if (
      !s.used[i] &&
      !FUNCTION_WORDS.has(s.word(i)) &&
      readNumber(s.tokens, i) === null &&
      !GRAMMAR_WORDS.has(s.word(i))
    ) {
      words.push(i);
    }
  }
  if (words.length === 0) return null;
  const hits = s.lexicon.searchConcepts(words.map((i) => s.word(i)).join(" "));
  if (preferred !== null) {
    const hit = hits.find((h) => h.concept === preferred);
    if (hit !== undefined && hit.score >= 1) return { words, tied: [preferred], shared: Math.floor(hit.score) };
  }
  const top = hits[0];
  if (top !== undefined && top.score >= 1.7) {
    const tied = hits.filter((h) => h.score === top.score).map((h) => h.concept);
    // The shared words must stand together ("usage limit", not "OEE … quality team"), two at least below 2.2.
    const info = s.lexicon.concepts.get(tied[0] as string);
    const shared = info === undefined ? [] : sharedTokens(s, words, info);
    const together = shared.length > 0 && Math.max(...shared) - Math.min(...shared) + 1 <= shared.length + 2;
    if (together && (top.score >= 2.2 || shared.length >= 2)) return { words, tied, shared: Math.floor(top.score) };
  }
  // A word only one concept's labels have ("vibration", "customs", "QC").
  const unique = new Set<string>();
  const shortfall = s.find(span, [...SHORTFALL_WORDS]) !== null;
  for (const i of words) {
    const w = s.word(i);
    if (w.length < 3 || SUBJECT_NOUNS.has(s.stem(i)) || PERSON_WORDS.has(w)) continue;
    if (s.lexicon.matchAt(s.tokens, i, s.text, (e) => e.kind === "RECORD_TYPE" || e.kind === "EVENT_ACTION") !== null)
      continue;
    let concepts = s.lexicon.conceptsWithWord(w);
    // "violates its SLA", "misses its SLA": falling short of something is a flag's bad value, so among the
    // concepts sharing the word, the one with a flag.
    if (concepts.length > 1 && shortfall)
      concepts = concepts.filter((id) => {
        const info = s.lexicon.concepts.get(id);
        return info !== undefined && hasBooleanMapping(info);
      });
    if (concepts.length === 1) unique.add(concepts[0] as string);
  }
  if (unique.size === 1) return { words, tied: [...unique], shared: 1 };
  return null;
}

/** The tokens among `words` that a concept's English labels or source fields contain. */
function sharedTokens(s: Sentence, words: readonly number[], info: ConceptInfo): number[] {
  const labels = new Set(
    [
      info.spec.prefLabel.en ?? "",
      ...(info.spec.altLabel.en ?? []),
      ...info.mappings.map((m) => m.field.replace(/[_.]/g, " ")),
    ]
      .join(" ")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((w) => searchStem(w)),
  );
  return words.filter((i) => labels.has(searchStem(s.word(i))));
}

/** Words of the grammar itself, never searched as concept words. */
const GRAMMAR_WORDS = new Set([
  ...FALLING.filter((w) => !w.includes(" ")),
  ...RISING.filter((w) => !w.includes(" ")),
  "below",
  "above",
  "under",
  "over",
  "less",
  "more",
  "greater",
  "lower",
  "higher",
  "than",
  "exceeds",
  "goes",
  "go",
  "becomes",
  "become",
  "turns",
  "gets",
  "reaches",
  "faster",
  "slower",
  "week",
  "weeks",
  "day",
  "days",
  "month",
  "months",
  "quarter",
  "year",
  "hours",
  "hour",
  "minutes",
  "point",
  "points",
  "times",
  "twice",
  "region",
  "regions",
  "one",
  "same",
  "new",
  "its",
  "whose",
  "least",
  "or",
  "per",
  "by",
  "comes",
  "back",
  "with",
  "seller",
  "store",
  "shop",
  "school",
  "hospital",
  "bank",
  "factory",
  "plant",
  "latest",
  "current",
]);

/** Whether span names people of the account (without marking the words understood). */
function peopleSaid(s: Sentence, span: Span): boolean {
  for (let i = span.from; i < span.to; i += 1) if (PERSON_WORDS.has(s.word(i))) return true;
  return false;
}

/** Whether a subject said in span is people of the account ("contacts", "teachers", "someone"). */
function peopleSubject(s: Sentence, span: Span, before: number): boolean {
  for (let i = span.from; i < before; i += 1)
    if (PERSON_WORDS.has(s.word(i))) {
      s.use(i);
      return true;
    }
  return false;
}

/** Words between "by" and the people who viewed ("by the account's contacts", "by several of their users"). */
const AGENT_FILLERS = new Set([
  ...["the", "their", "its", "a", "an", "any", "some", "several", "multiple", "different", "of", "s"],
  ...["account", "accounts", "customer", "customers", "client", "clients", "two", "three", "more", "than"],
]);

/**
 * Whether the page is viewed by people of the account: said as the subject before the verb ("their contacts
 * view …") or as the agent after it ("viewed twice by people from an enterprise account", "by anyone at a
 * bank", "by the client's users").
 */
function viewedByPeople(s: Sentence, span: Span, before: number): boolean {
  if (peopleSubject(s, span, before)) return true;
  for (let i = Math.max(span.from, before); i < span.to - 1; i += 1) {
    if (s.word(i) !== "by") continue;
    for (let k = i + 1; k < Math.min(span.to, i + 6); k += 1) {
      if (PERSON_WORDS.has(s.word(k))) {
        s.use(i);
        s.use(k);
        return true;
      }
      if (!AGENT_FILLERS.has(s.word(k)) && readNumber(s.tokens, k) === null) break;
    }
  }
  return false;
}

/** What an account's assets are called, as the subject of what is counted ("its vehicles fail …"). */
const ASSET_SUBJECTS = new Set([
  ...["asset", "charger", "machine", "device", "vehicle", "scanner", "car", "truck", "bus", "buse", "robot"],
  ...["pump", "turbine", "compressor", "printer", "meter", "sensor", "instrument", "unit", "equipment"],
]);

/**
 * Whether what is counted happens to the account's assets: an asset noun is the subject right before the
 * counted words ("whose vehicles fail an over-the-air update three times").
 */
function assetSubject(s: Sentence, span: Span, before: number): boolean {
  for (let i = span.from; i < before; i += 1) {
    if (ASSET_SUBJECTS.has(s.stem(i)) && !["in", "of", "at"].includes(s.word(i - 1))) {
      s.use(i);
      return true;
    }
  }
  return false;
}

/**
 * Whether the counted things are said to happen on the account's assets after the count ("fails twice in 10
 * days on a hospital's scanners", "across its vehicles").
 */
function assetsAfter(s: Sentence, span: Span): boolean {
  for (let i = span.from + 1; i < span.to; i += 1) {
    if (!ASSET_SUBJECTS.has(s.stem(i))) continue;
    for (let k = i - 1; k >= Math.max(span.from, i - 5); k -= 1) {
      const w = s.word(k);
      if (["on", "across", "among", "for"].includes(w)) {
        s.use(k, i + 1);
        return true;
      }
      if (!FUNCTION_WORDS.has(w) && !s.used[k]) break;
    }
  }
  return false;
}

/** The selector of a boolean concept's signals: "true" unless the sentence says the positive flag failed. */
function booleanSelector(s: Sentence, span: Span, info: ConceptInfo, fallback: "true" | "false"): SignalSelector {
  const mapping = info.mappings.find((m) => m.dataType === "BOOLEAN");
  const bad = s.find(span, BOOLEAN_BAD);
  const good = s.find(span, BOOLEAN_GOOD);
  let value: "true" | "false" = fallback;
  if (mapping !== undefined) {
    const positiveFlag = mapping.polarity === "HIGHER_IS_BETTER";
    if (good !== null) value = positiveFlag ? "true" : "false";
    else if (bad !== null)
      // A verb of falling short (fails, misses, breaches, violates) counts the flag's bad value; other words
      // ("a hit", "detected") say the flag is set.
      value = positiveFlag && SHORTFALL_WORDS.has(s.word(bad.i)) ? "false" : "true";
  }
  if (bad !== null) s.use(bad.i, bad.i + bad.n);
  if (good !== null) s.use(good.i, good.i + good.n);
  return { concept: info.id, valueEquals: value };
}

/** Whether one of the concept's fields is a flag (a customs hold, a failed check). */
function hasBooleanMapping(info: ConceptInfo): boolean {
  return info.mappings.some((m) => m.dataType === "BOOLEAN");
}

/** "in one region" → REGION (the words are used); ACCOUNT otherwise. */
function scopeOf(s: Sentence, span: Span): TriggerScope {
  const hit = s.find(span, REGION_SCOPE);
  if (hit === null) return "ACCOUNT";
  s.use(hit.i, hit.i + hit.n);
  return "REGION";
}

/** What a region's assets are called (stems). */
const SUBJECT_NOUNS = new Set([
  ...["ticket", "shipment", "invoice", "session", "depot", "fleet", "site", "warehouse"],
  "seller",
  "merchant",
  "vendor",
  "client",
  "fleet",
  "asset",
  "charger",
  "machine",
  "device",
  "vehicle",
  "scanner",
  "site",
  "station",
  "unit",
  "car",
  "bus",
  "buse",
  "truck",
  "battery",
  "robot",
  "line",
  "equipment",
  "instrument",
  "system",
  "pump",
  "turbine",
  "compressor",
  "printer",
  "meter",
  "sensor",
  "installation",
  "plant",
  "store",
  "shop",
  "clinic",
  "hospital",
  "school",
  "campus",
  "branch",
  "account",
  "customer",
]);

/** "10 or more chargers", "at least 5 assets", "more than 10 machines" → minSubjects. */
function minSubjects(s: Sentence, span: Span): number | null {
  for (let i = span.from; i < span.to; i += 1) {
    let start = i;
    let plus = 0;
    if (s.at(i, ["at", "least"])) start = i + 2;
    else if (s.at(i, ["more", "than"])) {
      start = i + 2;
      plus = 1;
    }
    const number = readNumber(s.tokens, start);
    if (number === null) continue;
    let j = number.to;
    if (s.at(j, ["or", "more"])) j += 2;
    const noun = s.stem(j);
    // "three machines in a region", "energy delivered by four chargers in one region": the assets of a
    // region said with their number, with or without a bound.
    const inRegion = s.find({ from: j + 1, to: Math.min(span.to, j + 6) }, REGION_SCOPE)?.i === j + 1;
    if (start === i && j === number.to && !inRegion) continue;
    if (!SUBJECT_NOUNS.has(noun)) continue;
    // "grows by more than 5 tickets a day": an amount of a rate, not how many subjects.
    const after = s.word(j + 1);
    if (
      (s.word(i - 1) === "by" && !inRegion) ||
      after in EVERY_PERIOD ||
      (["a", "an", "per", "each", "every"].includes(after) && PERIOD_DAYS[s.word(j + 2)] !== undefined)
    )
      continue;
    // "more than two battery fault codes": the noun starts a concept's name, it is not what is counted.
    const longer = s.lexicon.matchAt(s.tokens, j, s.text, isKind("CONCEPT", "FIELD"));
    if (longer !== null && longer.to > j + 1) continue;
    s.use(i, j + 1);
    if (s.word(i - 1) === "of") s.use(i - 1);
    return number.value + plus;
  }
  return null;
}

/** A rate: "more than 2 points a week", "faster than 20 orders a day", "by 3% per month". */
/** Adverbs of a rate's period: "weekly", "daily", "monthly". */
const EVERY_PERIOD: Readonly<Record<string, number>> = {
  daily: 1,
  weekly: 7,
  monthly: 30,
  quarterly: 90,
  yearly: 365,
  annually: 365,
};

function findRate(
  s: Sentence,
  span: Span,
): { amount: number; unit: string | null; periodDays: number; from: number; to: number } | null {
  for (let i = span.from; i < span.to; i += 1) {
    // "half a point a week", "a quarter of a day per week": a fraction of the unit.
    const number = readFraction(s.tokens, i) ?? readNumber(s.tokens, i);
    if (number === null) continue;
    // "for the third time in a month": an ordinal counts, it is no amount.
    if (["time", "times", "occasion"].includes(s.word(number.to)) && readOrdinal(s.tokens, i) !== null) continue;
    // "at one clinic", "in one region": a number after a preposition of place says where, not how much.
    if (["at", "in", "across", "from", "inside"].includes(s.word(i - 1)) && s.word(i) === "one") continue;
    const unit = unitAt(s, number.to);
    let j = unit.to;
    // Up to five words of what is counted and of what: "points", "percentage points", "points of charger
    // availability"; never past another number or a window ("over 4 weeks").
    const per = ["a", "an", "per", "each", "every"];
    for (
      let k = 0;
      k < 5 &&
      j < span.to &&
      !per.includes(s.word(j)) &&
      readNumber(s.tokens, j) === null &&
      !["over", "within", "in", "inside", "during", "across", "for", "and", "or", "at"].includes(s.word(j));
      k += 1
    )
      j += 1;
    // "10% week over week", "5 points month on month", "1 point weekly": the period said another way.
    for (let p = unit.to; p <= j && p < span.to; p += 1) {
      const everyPeriod = EVERY_PERIOD[s.word(p)];
      const repeated =
        PERIOD_DAYS[s.word(p)] !== undefined && ["over", "on"].includes(s.word(p + 1)) && s.word(p + 2) === s.word(p);
      if (everyPeriod === undefined && !repeated) continue;
      const days = everyPeriod ?? (PERIOD_DAYS[s.word(p)] as number);
      const lead = s.find({ from: Math.max(span.from, i - 3), to: i }, [
        "by more than",
        "by at least",
        "by over",
        "by",
      ]);
      return {
        amount: number.value,
        unit: unit.unit,
        periodDays: days,
        from: lead?.i ?? i,
        to: repeated ? p + 3 : p + 1,
      };
    }
    if (!per.includes(s.word(j))) continue;
    const period = PERIOD_DAYS[s.word(j + 1)];
    if (period === undefined || s.word(j + 1) === "business") continue;
    let from = i;
    const lead = s.find({ from: Math.max(span.from, i - 3), to: i }, [
      "faster than",
      "more than",
      "by more than",
      "by at least",
      "at least",
      "by over",
      "by",
      "over",
    ]);
    if (lead !== null) from = lead.i;
    return { amount: number.value, unit: unit.unit, periodDays: period, from, to: j + 2 };
  }
  return null;
}

/**
 * "health" said alone of the account ("an account's health is below 60", "customer health under 50"): its
 * health score, unless the word belongs to another concept's name ("battery health", "machine health").
 */
function accountHealth(s: Sentence, span: Span): { i: number; n: number } | null {
  for (let i = span.from; i < span.to; i += 1) {
    if (s.word(i) !== "health" || ["grade", "status", "rating", "light"].includes(s.word(i + 1))) continue;
    if (!healthOfOtherConcept(s, span, i)) return { i, n: 1 };
  }
  return null;
}

/** Words between "with" and a health score said as a state ("with a health score", "with its health"). */
const SCORE_STATE_LEADS = new Set(["with", "having", "a", "an", "its", "their", "the", "current", "overall"]);

/** Whether the health score at i is said as a state of the account ("with a health score under 60"). */
function scoreSaidAsState(s: Sentence, span: Span, i: number): boolean {
  for (let k = i - 1; k >= span.from && i - k <= 4; k -= 1) {
    if (["with", "having"].includes(s.word(k))) return true;
    if (!SCORE_STATE_LEADS.has(s.word(k))) return false;
  }
  return false;
}

/** Words before "score" that make it the account's own ("whose score", "the account's score"). */
const SCORE_OWNERS = new Set(["whose", "its", "their", "account", "customer", "client", "overall", "s"]);

/**
 * "score" said alone of the account ("any hospital whose score falls under 40", "the customer's score"): its
 * health score, unless the word belongs to another concept's name ("its NPS score", "credit score").
 */
function accountScore(s: Sentence, span: Span, withState = false): { i: number; n: number } | null {
  for (let i = span.from; i < span.to; i += 1) {
    if (!["score", "scores"].includes(s.word(i))) continue;
    // "a school with a score below 50": the score the account has.
    const had = withState && ["a", "an"].includes(s.word(i - 1)) && ["with", "having"].includes(s.word(i - 2));
    if (!SCORE_OWNERS.has(s.word(i - 1)) && !had) continue;
    let other = false;
    // A name starting at "score" itself is only a source field's last word ("satisfaction_rating.score").
    for (let k = Math.max(span.from, i - 4); k < i && !other; k += 1) {
      const owner = s.lexicon.matchAt(s.tokens, k, s.text, isKind("CONCEPT", "FIELD"));
      other = owner !== null && owner.to > i && !owner.entries.some((e) => e.id === "core:customer-health");
    }
    if (!other) return { i, n: 1 };
  }
  return null;
}

/** Whether the word "health" at i belongs to another concept's name ("battery state of health", "machine health"). */
export function healthOfOtherConcept(s: Sentence, span: Span, i: number): boolean {
  for (let k = Math.max(span.from, i - 4); k <= i; k += 1) {
    const owner = s.lexicon.matchAt(s.tokens, k, s.text, isKind("CONCEPT", "FIELD"));
    if (
      owner !== null &&
      owner.to > i &&
      !owner.entries.some((e) => e.id === "core:customer-health" || e.concept === "core:customer-health") &&
      // "an account's health": the seller-performance concept's "account health" is the account's health.
      !(owner.to - owner.from === 2 && ["account", "customer", "client"].includes(s.word(owner.from)))
    )
      return true;
  }
  return false;
}

/**
 * Things counted said as a level over a window: "customs holds exceed 3 in a month", "more than 4 warranty
 * claims in a quarter" said as "warranty claims go above 4 within a quarter". A bare number (no unit, no
 * percent) right before a window, of a concept named in the plural or a boolean one, is a count of its
 * signals: "exceeds 3" is 4 or more, "3 or more" and "at least 3" are 3.
 */
function countSaidAsLevel(
  s: Sentence,
  span: Span,
  found: { concept: ConceptInfo; match: LexiconMatch | null },
  comparison: Comparison,
): PlaybookTrigger | null {
  if (comparison.op !== "ABOVE" || comparison.unit !== null || !Number.isInteger(comparison.value)) return null;
  if (/%/.test(s.gapBefore(comparison.to)) || ["percent", "points", "point"].includes(s.word(comparison.to)))
    return null;
  const window = findWindow(s, { from: comparison.to, to: Math.min(span.to, comparison.to + 5) });
  if (window === null || window.from !== comparison.to) return null;
  const named = found.match === null ? "" : s.word(found.match.to - 1);
  const plural = /[a-z]s$/.test(named) && !named.endsWith("ss");
  if (!plural && !hasBooleanMapping(found.concept)) return null;
  const said = s.phrase(comparison.from, comparison.to).toLowerCase();
  const inclusive = /or more|at least|or above|or higher/.test(said);
  s.use(comparison.from, comparison.to);
  s.use(window.from, window.to);
  const selector: SignalSelector = hasBooleanMapping(found.concept)
    ? booleanSelector(s, span, found.concept, "true")
    : { concept: found.concept.id };
  return {
    kind: "SIGNAL_COUNT",
    signals: selector,
    count: comparison.value + (inclusive ? 0 : 1),
    withinDays: window.days,
    scope: scopeOf(s, span),
  };
}

/**
 * Whether the words between a measure and its comparison only say whose it is and how it moves ("the health
 * score of a mid-market account drops under 40"): function words, words already understood, linking verbs.
 */
function linkingGap(s: Sentence, from: number, to: number): boolean {
  if (to - from > 8) return false;
  for (let k = from; k < to; k += 1) {
    const w = s.word(k);
    if (FUNCTION_WORDS.has(w) || s.used[k] || NEUTRAL_VERBS.has(w) || SUBJECT_NOUNS.has(s.stem(k))) continue;
    if (FALLING.includes(w) || RISING.includes(w)) continue;
    return false;
  }
  return true;
}

/** The first of the phrases in span on words not yet understood. */
function findUnused(s: Sentence, span: Span, phrases: readonly string[]): { i: number; n: number } | null {
  let hit = s.find(span, phrases);
  while (hit !== null && s.isUsed(hit.i, hit.i + hit.n)) hit = s.find(span, phrases, hit.i + 1);
  return hit;
}

/** Marks what the trigger's subject is called ("Watch for chargers whose …") as understood. */
export function useSubjectNouns(s: Sentence, span: Span): void {
  for (let k = span.from; k < span.to; k += 1) if (SUBJECT_NOUNS.has(s.stem(k))) s.use(k);
}

/** The trigger of a trigger clause's main part, and the conditions it implies (a health score said as the trigger). */
export function parseTrigger(
  s: Sentence,
  span: Span,
  industries: readonly string[],
): { trigger: PlaybookTrigger | null; conditions: PlaybookCondition[] } {
  const found = triggerOf(s, span, industries);
  if (found.trigger !== null) {
    for (let k = span.from; k < span.to; k += 1) {
      // Linking verbs and what the measure is of ("a scanner's", "the machines'") are understood with it.
      if (NEUTRAL_VERBS.has(s.word(k)) || SUBJECT_NOUNS.has(s.stem(k))) s.use(k);
    }
  }
  return found;
}

function triggerOf(
  s: Sentence,
  span: Span,
  industries: readonly string[],
  scoreIsState = false,
): { trigger: PlaybookTrigger | null; conditions: PlaybookCondition[] } {
  // A health score said as the trigger: the score's change event with the score as a condition.
  const healthScore = scoreIsState
    ? null
    : (s.find(span, ["health score", "health scores"]) ?? accountHealth(s, span) ?? accountScore(s, span, true));
  if (healthScore !== null) {
    const comparison = findComparison(s, { from: healthScore.i, to: span.to });
    if (
      comparison !== null &&
      (comparison.from - (healthScore.i + healthScore.n) <= 3 ||
        linkingGap(s, healthScore.i + healthScore.n, comparison.from)) &&
      s.word(comparison.from - 1) !== "by"
    ) {
      // "a school with a health score below 50 drops to red": a score the account has, said with "with", is
      // a condition when the rest of the part says what happens.
      const score: PlaybookCondition = { kind: "HEALTH_SCORE", op: comparison.op, value: comparison.value };
      if (scoreSaidAsState(s, span, healthScore.i)) {
        const before = s.snapshot();
        s.use(healthScore.i, healthScore.i + healthScore.n);
        s.use(comparison.from, comparison.to);
        for (let k = healthScore.i - 1; k >= span.from && SCORE_STATE_LEADS.has(s.word(k)); k -= 1) s.use(k);
        const other = triggerOf(s, span, industries, true);
        if (other.trigger !== null) return { trigger: other.trigger, conditions: [score, ...other.conditions] };
        s.restore(before);
      }
      s.use(healthScore.i, healthScore.i + healthScore.n);
      s.use(comparison.from, comparison.to);
      // "health below 60 and falling": the score falling is the trigger, its level the condition.
      const trend = s.find({ from: comparison.to, to: Math.min(span.to, comparison.to + 4) }, [
        "and still falling",
        "and falling",
        "and dropping",
        "and declining",
        "and trending down",
        "and getting worse",
        "and still dropping",
        "and rising",
        "and climbing",
        "and improving",
        "and trending up",
      ]);
      if (trend !== null) {
        s.use(trend.i, trend.i + trend.n);
        const window = findWindow(s, span);
        if (window !== null) s.use(window.from, window.to);
        s.term(s.phrase(healthScore.i, healthScore.i + healthScore.n), "CONCEPT", "core:customer-health");
        const rising = ["rising", "climbing", "improving", "up"].includes(s.word(trend.i + trend.n - 1));
        s.ambiguous(
          s.phrase(trend.i, trend.i + trend.n),
          "no rate was said; the trend fires on any slope in that direction",
        );
        return {
          trigger: {
            kind: "CONCEPT_TREND",
            concept: "core:customer-health",
            direction: rising ? "RISING" : "FALLING",
            ratePerDay: 0,
            withinDays: window?.days ?? 30,
            scope: "ACCOUNT",
          },
          conditions: [{ kind: "HEALTH_SCORE", op: comparison.op, value: comparison.value }],
        };
      }
      s.term(s.phrase(healthScore.i, healthScore.i + healthScore.n), "EVENT_TYPE", "HEALTH_SCORE_CHANGED");
      return {
        trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] },
        conditions: [{ kind: "HEALTH_SCORE", op: comparison.op, value: comparison.value }],
      };
    }
  }

  // "each time a customer's health score changes": the score's change event, with no level.
  const scoreChange = s.find(span, ["health score", "health scores"]);
  if (scoreChange !== null && findComparison(s, span) === null) {
    const verb = s.find(
      { from: scoreChange.i + scoreChange.n, to: Math.min(span.to, scoreChange.i + scoreChange.n + 3) },
      ["changes", "changed", "is updated", "gets updated", "updates", "is recalculated", "moves", "shifts"],
    );
    if (verb !== null) {
      s.use(scoreChange.i, scoreChange.i + scoreChange.n);
      s.use(verb.i, verb.i + verb.n);
      s.term(s.phrase(scoreChange.i, scoreChange.i + scoreChange.n), "EVENT_TYPE", "HEALTH_SCORE_CHANGED");
      return { trigger: { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] }, conditions: [] };
    }
  }
  const grade = gradeChange(s, span);
  if (grade !== null) return { trigger: grade, conditions: [] };

  const scope = scopeOf(s, span);
  const count = findCount(s, span);
  const pages = s.matches(span, isKind("PAGE"));
  const view = s.find(span, VIEW_WORDS);
  // A page is named with a verb of viewing or the word "page"; a count alone is not enough ("charging
  // sessions fail 5 times" is no view of the charging page).
  // A verb that is also other words' ("returns a hit", "opens a case") views a page only right before it.
  const viewSaid =
    view !== null &&
    (!AMBIGUOUS_VIEW_WORDS.has(s.word(view.i)) ||
      pages.some((p) => p.from >= view.i + view.n && p.from - (view.i + view.n) <= 2));
  const pageSaid = viewSaid || s.find(span, ["page", "pages"]) !== null;
  if (pages.length > 0 && (pageSaid || (count !== null && peopleSaid(s, span)))) {
    const page = pages[0] as LexiconMatch;
    const entry = page.entries[0] as LexiconEntry;
    s.use(page.from, page.to);
    s.term(page.text, "PAGE", entry.id);
    const values = pages.map((p) => p.entries[0]!.id);
    pages.forEach((p) => {
      s.use(p.from, p.to);
      s.term(p.text, "PAGE", p.entries[0]!.id);
    });
    if (pages.length > 1) s.ambiguous(page.text, `several pages are named; only ${values[0]} is counted`);
    if (view !== null) s.use(view.i, view.i + view.n);
    const people = viewedByPeople(s, span, view?.i ?? page.from);
    const window = findWindow(s, span, count);
    if (count !== null) s.use(count.from, count.to);
    if (window !== null) s.use(window.from, window.to);
    const signals: SignalSelector = {
      field: entry.field ?? "viewed_page",
      valueEquals: entry.id,
      ...(people ? { subjectKinds: ["CONTACT"] as const } : {}),
    };
    return {
      trigger: { kind: "SIGNAL_COUNT", signals, count: count?.count ?? 1, withinDays: window?.days ?? 7, scope },
      conditions: [],
    };
  }
  if (view !== null && s.find(span, ["page", "pages"]) !== null) {
    // A page the web system does not know: name it.
    const pageWord = s.find(span, ["page", "pages"])!;
    s.unknown(s.phrase(view.i + view.n, pageWord.i + 1));
  }

  const took = timeTaken(s, span, industries);
  if (took !== null) return { trigger: took, conditions: [] };

  const subjects = minSubjects(s, span);
  const beforeConcept = s.snapshot();
  const found = countedValue(s, span, count) ?? findConcept(s, span, industries);
  const rate = findRate(s, span);
  // Words of the concept's own name ("follow-up rate", "drop-out rate") say no direction.
  const falling = findUnused(s, span, FALLING);
  const rising = findUnused(s, span, RISING);

  // A categorical value: "the due-diligence level becomes EDD".
  // A value of the concept named, or else a code written as such ("EDD", "HIGH") of another concept: the
  // concept whose value it is ("a client's due-diligence level is raised to EDD", "the risk rating becomes
  // EDD").
  const ownValues = s.matches(
    span,
    (e) => e.kind === "CONCEPT_VALUE" && (found === null || e.concept === found.concept.id),
  );
  const codes = s.matches(span, (e) => e.kind === "CONCEPT_VALUE").filter((m) => /[A-Z]/.test(m.text));
  // "changes from verified to expired": the value it comes from is not the one it becomes.
  const notFrom = (m: LexiconMatch) => s.word(m.from - 1) !== "from";
  const candidates = ownValues.filter((m) => found !== null || /[A-Z]/.test(m.text));
  const value = candidates.find(notFrom) ?? candidates[0] ?? codes.find(notFrom) ?? codes[0];
  if (value !== undefined && count === null) {
    for (const other of [...ownValues, ...codes])
      if (other !== value && !notFrom(other) && other.entries[0]!.concept === value.entries[0]!.concept)
        s.use(other.from - 1, other.to);
    const entry = value.entries[0] as LexiconEntry;
    const info =
      found !== null && entry.concept === found.concept.id
        ? found.concept
        : s.lexicon.concepts.get(entry.concept as string);
    if (info !== undefined) {
      s.use(value.from, value.to);
      s.term(value.text, "CONCEPT", info.id);
      const verb = s.find(span, [
        "becomes",
        "become",
        "is set to",
        "set to",
        "changes to",
        "moves to",
        "turns",
        "goes to",
        "is raised to",
        "raised to",
        "is lowered to",
        "lowered to",
        "is changed to",
        "changed to",
        "is updated to",
        "updated to",
        "is moved to",
        "moved to",
        "upgraded to",
        "downgraded to",
        "escalated to",
        "switches to",
        "switched to",
        "flips to",
        "shifts to",
        "reaches",
        "hits",
        "is rated",
        "is now",
        "turns into",
        "is",
        ...["changes", "changed", "goes", "went", "moves", "moved", "switches", "switched", "shifts"],
      ]);
      if (verb !== null) {
        let end = verb.i + verb.n;
        while (end < value.from && CHANGE_TO_WORDS.has(s.word(end))) end += 1;
        s.use(verb.i, end);
      }
      const window = findWindow(s, span);
      if (window !== null) s.use(window.from, window.to);
      return {
        trigger: {
          kind: "SIGNAL_COUNT",
          signals: { concept: info.id, valueEquals: entry.id },
          count: 1,
          withinDays: window?.days ?? 30,
          scope,
        },
        conditions: [],
      };
    }
  }

  // "a charger reports error CHG-E077 twice in a day": a code counted with no concept named counts the
  // concept whose lookup table has it.
  const countedCode = found === null && count !== null ? (codes[0] ?? null) : null;
  const codeConcept =
    countedCode === null ? undefined : s.lexicon.concepts.get(countedCode.entries[0]!.concept as string);
  if (countedCode !== null && codeConcept !== undefined) {
    for (let k = countedCode.from - 1; k >= span.from && CODE_WORDS.has(s.word(k)); k -= 1) s.use(k);
    s.term(countedCode.text, "CONCEPT", codeConcept.id);
  }
  const counted = found ?? (codeConcept === undefined ? null : { concept: codeConcept, match: countedCode });
  if (counted !== null && count !== null) {
    const found = counted;
    const info = found.concept;
    s.use(count.from, count.to);
    const window = findWindow(s, span, count);
    if (window !== null) s.use(window.from, window.to);
    const value = s.matches(span, (e) => e.kind === "CONCEPT_VALUE" && e.concept === info.id)[0];
    if (value !== undefined) {
      s.use(value.from, value.to);
      s.term(value.text, "CONCEPT", info.id);
    }
    const selector: SignalSelector =
      value !== undefined
        ? { concept: info.id, valueEquals: value.entries[0]!.id }
        : hasBooleanMapping(info)
          ? booleanSelector(s, span, info, "true")
          : { concept: info.id };
    const assets = assetSubject(s, span, found.match?.from ?? count.from) || assetsAfter(s, span);
    const signals: SignalSelector = assets ? { ...selector, subjectKinds: ["ASSET"] } : selector;
    return {
      trigger: { kind: "SIGNAL_COUNT", signals, count: count.count, withinDays: window?.days ?? 30, scope },
      conditions: [],
    };
  }

  if (found !== null && [falling, rising].some((hit) => hit !== null && passiveOfOneRecord(s, span, hit.i))) {
    // "a support ticket is escalated": one record's change, not a measure moving; the change is the trigger.
    const asConcept = s.snapshot();
    s.restore(beforeConcept);
    const change = changeEvent(s, span);
    if (change !== null) return { trigger: change, conditions: [] };
    s.restore(asConcept);
  }

  if (found !== null && (falling !== null || rising !== null) && !isBooleanConcept(found.concept)) {
    const comparison = findComparison(s, span);
    const direction = falling !== null && (rising === null || falling.i < rising.i) ? "FALLING" : "RISING";
    const dirHit = direction === "FALLING" ? falling! : rising!;
    // "drops below 3" is a threshold, not a trend.
    const isThreshold =
      comparison !== null &&
      rate === null &&
      comparison.from <= dirHit.i + dirHit.n + 1 &&
      (BELOW_WORDS.concat(ABOVE_WORDS).some(
        (w) => !["more than", "over"].includes(w) && s.at(comparison.from, w.split(" ")),
      ) ||
        // "falls to 4 or lower", "climbs to 90% or more": the level reached, not a rate.
        (["to", "at"].includes(s.word(comparison.from - 1)) && readNumber(s.tokens, comparison.from) !== null) ||
        // "CES climbs over 4": "over" a level with no window and no rate said is the level passed.
        (s.word(comparison.from) === "over" && s.word(dirHit.i - 1) !== "by" && findWindow(s, span) === null));
    // "NPS dips to 3", "the pass rate falls to 50%": the level reached, as a threshold in the verb's direction.
    if (comparison === null && rate === null && s.word(dirHit.i + dirHit.n) === "to") {
      const n = readNumber(s.tokens, dirHit.i + dirHit.n + 1);
      const level = n === null ? null : unitAt(s, n.to);
      const grade = s.lexicon.matchAt(s.tokens, dirHit.i + dirHit.n + 1, s.text, isKind("HEALTH_GRADE"));
      if (n !== null && level !== null && grade === null && findWindow(s, { from: n.to, to: span.to }) === null) {
        const op = direction === "FALLING" ? "BELOW" : "ABOVE";
        const value = level.unit === "days" ? thresholdValue(n.value, s.word(n.to)) : n.value;
        const scaled = thresholdOnScale(found.concept, op, value, level.unit);
        s.use(dirHit.i, level.to);
        if ("problem" in scaled) {
          s.ambiguous(s.phrase(n.from, level.to), `${scaled.problem}; the value is kept as said`);
          return {
            trigger: { kind: "CONCEPT_THRESHOLD", concept: found.concept.id, op, value, scope },
            conditions: [],
          };
        }
        return {
          trigger: { kind: "CONCEPT_THRESHOLD", concept: found.concept.id, op: scaled.op, value: scaled.value, scope },
          conditions: [],
        };
      }
    }
    if (!isThreshold) {
      s.use(dirHit.i, dirHit.i + dirHit.n);
      const window = findWindow(s, span, rate);
      if (window !== null) s.use(window.from, window.to);
      let ratePerDay = 0;
      if (rate !== null) {
        s.use(rate.from, rate.to);
        ratePerDay = ratePerDayInConceptUnit(found.concept, rate.amount, rate.periodDays, rate.unit);
      } else {
        // "drops by more than 10 points over 30 days": the amount over the window.
        // "by more than 10 points over 30 days": the amount said with "by", over the window.
        const amount = (() => {
          let hit = s.find(span, ["by more than", "by at least", "by over", "by"]);
          if (hit !== null) hit.i += hit.n - 1;
          else {
            // "falls more than 2 points over a quarter", "dropped 5 points in 30 days": the amount right after
            // the verb, in points or the concept's unit.
            const after = dirHit.i + dirHit.n;
            const lead =
              s.at(after, ["more", "than"]) || s.at(after, ["at", "least"]) ? 2 : s.word(after) === "over" ? 1 : 0;
            const n = readFraction(s.tokens, after + lead) ?? readNumber(s.tokens, after + lead);
            if (
              n !== null &&
              ["points", "point", "pts", "percentage", "%", "percent"].some(
                (u) => s.word(n.to) === u || s.gapBefore(n.to).includes("%"),
              )
            )
              hit = { i: after + lead - 1, n: 1 };
          }
          const n = hit === null ? null : (readFraction(s.tokens, hit.i + 1) ?? readNumber(s.tokens, hit.i + 1));
          if (n === null) return null;
          const unit = unitAt(s, n.to);
          // "by more than 5 points", "by 3 percentage points": points are the concept's own unit.
          let to = unit.to;
          if (s.word(to) === "percentage" && ["points", "point"].includes(s.word(to + 1))) to += 2;
          else if (["points", "point", "pts", "pt"].includes(s.word(to))) to += 1;
          return { value: n.value, unit: unit.unit, from: hit!.i, to };
        })();
        if (amount !== null && window !== null && (amount.to <= window.from || amount.from >= window.to)) {
          s.use(amount.from, amount.to);
          if (s.word(amount.from - 1) === "by") s.use(amount.from - 1);
          ratePerDay = ratePerDayInConceptUnit(found.concept, amount.value, window.days, amount.unit);
        } else {
          s.ambiguous(
            s.phrase(dirHit.i, dirHit.i + dirHit.n),
            "no rate was said; the trend fires on any slope in that direction",
          );
        }
      }
      const withinDays = window?.days ?? (rate !== null ? Math.max(rate.periodDays, 7) : 30);
      return {
        trigger: {
          kind: "CONCEPT_TREND",
          concept: found.concept.id,
          direction,
          ratePerDay,
          withinDays,
          scope,
          ...(subjects !== null ? { minSubjects: subjects } : {}),
        },
        conditions: [],
      };
    }
  }

  if (found !== null) {
    const info = found.concept;
    // "at least 3 scanners … have uptime below 95%": a bound already read as how many assets is no level.
    let comparison = findComparison(s, span);
    while (comparison !== null && s.used[comparison.from] === true)
      comparison = findComparison(s, { from: comparison.to, to: span.to });
    const counted = comparison === null ? null : countSaidAsLevel(s, span, found, comparison);
    if (counted !== null) return { trigger: counted, conditions: [] };
    if (comparison !== null && !isBooleanConcept(info)) {
      const scaled = thresholdOnScale(info, comparison.op, comparison.value, comparison.unit);
      s.use(comparison.from, comparison.to);
      const window = findWindow(s, span, comparison);
      if (window !== null) s.use(window.from, window.to);
      for (let k = comparison.from - 1; k >= span.from && NEUTRAL_VERBS.has(s.word(k)); k -= 1) s.use(k);
      [falling, rising].forEach((hit) => hit !== null && s.use(hit.i, hit.i + hit.n));
      if ("problem" in scaled) {
        s.ambiguous(s.phrase(comparison.from, comparison.to), `${scaled.problem}; the value is kept as said`);
        return {
          trigger: { kind: "CONCEPT_THRESHOLD", concept: info.id, op: comparison.op, value: comparison.value, scope },
          conditions: [],
        };
      }
      return {
        trigger: { kind: "CONCEPT_THRESHOLD", concept: info.id, op: scaled.op, value: scaled.value, scope },
        conditions: [],
      };
    }
    if (isBooleanConcept(info) || (comparison === null && hasBooleanMapping(info))) {
      const good = s.find(span, BOOLEAN_GOOD);
      const bad = s.find(span, BOOLEAN_BAD);
      for (let k = span.from; k < span.to; k += 1) if (NEUTRAL_VERBS.has(s.word(k))) s.use(k);
      if (bad !== null) s.use(bad.i, bad.i + bad.n);
      if (good !== null) s.use(good.i, good.i + good.n);
      const goodTurn = good !== null && bad === null;
      return {
        trigger: {
          kind: "CONCEPT_THRESHOLD",
          concept: info.id,
          op: goodTurn ? "ABOVE" : BOOLEAN_BAD_THRESHOLD.op,
          value: BOOLEAN_BAD_THRESHOLD.value,
          scope,
        },
        conditions: [],
      };
    }
  }

  const event = changeEvent(s, span);
  if (event !== null) return { trigger: event, conditions: [] };
  if (found !== null) {
    // "a support ticket is opened": a record and what happened to it, whose words a concept's name shares
    // ("open support tickets"); with nothing said about the measure, the change is the trigger.
    const asConcept = s.snapshot();
    s.restore(beforeConcept);
    const change = changeEvent(s, span);
    if (change !== null) return { trigger: change, conditions: [] };
    s.restore(asConcept);
    nameUnknownChange(s, span, found.match);
    s.ambiguous(
      found.match?.text ?? found.concept.id,
      "the concept is named but not what about it should start the playbook",
    );
  }
  return { trigger: null, conditions: [] };
}

/** Verbs that say how long something took: "it takes an engineer more than 8 hours to get on site". */
const TAKE_VERBS = new Set(["takes", "take", "took", "taking", "needs", "need", "needed", "requires", "require"]);
const TIME_UNITS = new Set(["hours", "minutes", "seconds", "days"]);

/**
 * "If it takes an engineer more than eight hours to get on site", "engineers need over 8 hours to get on
 * site", "it takes longer than 5 days to resolve a ticket": a duration compared, then what took that long.
 * The measure is the concept whose names share the words of who and what ("engineer … on site" → engineer
 * on-site time), its threshold the duration said. Null when the words name no measure of time.
 */
function timeTaken(s: Sentence, span: Span, industries: readonly string[]): PlaybookTrigger | null {
  for (let t = span.from; t < span.to; t += 1) {
    if (!TAKE_VERBS.has(s.word(t)) || s.isUsed(t)) continue;
    const comparison = findComparison(s, { from: t + 1, to: Math.min(span.to, t + 8) });
    if (comparison === null || comparison.unit === null || !TIME_UNITS.has(comparison.unit)) continue;
    if (s.word(comparison.to) !== "to" || comparison.to + 1 >= span.to) continue;
    const words: number[] = [];
    const take = (from: number, to: number) => {
      for (let k = from; k < to; k += 1)
        if (!s.used[k] && !FUNCTION_WORDS.has(s.word(k)) && !GRAMMAR_WORDS.has(s.word(k))) words.push(k);
    };
    take(span.from, t);
    take(t + 1, comparison.from);
    let end = comparison.to + 1;
    while (end < span.to && !s.used[end] && !["at", "for", "with", "in", "on", "within"].includes(s.word(end)))
      end += 1;
    // "to get on site at a hospital": "on site" is what is done; "at a hospital" whose.
    if (s.word(end) === "on" && s.word(end + 1) === "site") end += 2;
    take(comparison.to + 1, end);
    if (words.length === 0) continue;
    const hits = s.lexicon.searchConcepts(`${words.map((k) => s.word(k)).join(" ")} time`);
    const top = hits[0];
    if (top === undefined || top.score < 1.5) continue;
    const tied = hits.filter((h) => h.score === top.score).map((h) => h.concept);
    const id = preferConcept(s, tied, industries);
    const info = s.lexicon.concepts.get(id);
    if (info === undefined || isBooleanConcept(info)) continue;
    // The words said must name it, not "time" alone ("to pay an invoice" is no "time to value").
    const own = s.lexicon.searchConcepts(words.map((k) => s.word(k)).join(" "));
    if (!own.some((h) => h.concept === id && h.score >= 1)) continue;
    const scaled = thresholdOnScale(info, comparison.op, comparison.value, comparison.unit);
    s.use(t, end);
    words.forEach((k) => s.use(k));
    if (s.word(t - 1) === "it") s.use(t - 1);
    s.term(s.phrase(t, end), "CONCEPT", id);
    if (tied.length > 1) s.ambiguous(s.phrase(t, end), `could be ${tied.join(" or ")}; ${id} was chosen`);
    if ("problem" in scaled) {
      s.ambiguous(s.phrase(comparison.from, comparison.to), `${scaled.problem}; the value is kept as said`);
      return {
        kind: "CONCEPT_THRESHOLD",
        concept: id,
        op: comparison.op,
        value: comparison.value,
        scope: scopeOf(s, span),
      };
    }
    return { kind: "CONCEPT_THRESHOLD", concept: id, op: scaled.op, value: scaled.value, scope: scopeOf(s, span) };
  }
  return null;
}

/** Prepositions and particles a verb of change takes before "or" ("removed from or restored to"). */
const CHAIN_PARTICLES = new Set(["from", "to", "into", "in", "on", "off", "out", "back", "up", "onto", "of"]);

/** Matches joined by "or" / "and" / commas ("deleted or restored", "an account or a contact"), as chains. */
function chains(s: Sentence, matches: readonly LexiconMatch[]): LexiconMatch[][] {
  const out: LexiconMatch[][] = [];
  for (const match of matches) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev !== undefined && last !== undefined) {
      // "removed from or restored to", "added to and dropped from": a verb's preposition or particle before
      // the joining word belongs to the verb.
      let at = prev.to;
      while (at < match.from && at - prev.to < 2 && CHAIN_PARTICLES.has(s.word(at))) at += 1;
      if (!["or", "and"].includes(s.word(at))) at = prev.to;
      let k = at;
      while (k < match.from && ["or", "and", "a", "an", "the", "is", "are", "gets", "get"].includes(s.word(k))) k += 1;
      const joined =
        k === match.from && (s.word(at) === "or" || s.word(at) === "and" || /,/.test(s.gapBefore(prev.to)));
      if (joined) {
        last.push(match);
        continue;
      }
    }
    out.push([match]);
  }
  return out;
}

/** Words after a record that make the next record its owner ("a contact at an account", "a deal of a bank"). */
const RECORD_PREPOSITIONS = new Set(["at", "of", "for", "in", "from", "on", "with", "under"]);

/** The first and last token of a record-and-action pair. */
function pairBounds(pair: { records: LexiconMatch[]; actions: LexiconMatch[] }): Span {
  const all = [...pair.records, ...pair.actions];
  return { from: Math.min(...all.map((m) => m.from)), to: Math.max(...all.map((m) => m.to)) };
}

/**
 * "consent is recorded or a person's data is erased", "a ticket is opened and a contact is deleted": other
 * record-and-action pairs joined to the best one by "or"/"and", with at most two words not understood
 * between them. Each is an event the playbook starts on as well.
 */
function joinedEvents<P extends { records: LexiconMatch[]; actions: LexiconMatch[] }>(
  s: Sentence,
  best: P,
  pairs: readonly P[],
): P[] {
  const taken = new Set<LexiconMatch>([...best.records, ...best.actions]);
  const chosen: P[] = [best];
  for (const pair of pairs) {
    if ([...pair.records, ...pair.actions].some((m) => taken.has(m))) continue;
    const bounds = pairBounds(pair);
    const joined = chosen.some((c) => {
      const other = pairBounds(c);
      const gap =
        other.to <= bounds.from
          ? { from: other.to, to: bounds.from }
          : bounds.to <= other.from
            ? { from: bounds.to, to: other.from }
            : null;
      if (gap === null) return false;
      let loose = 0;
      let link = false;
      for (let k = gap.from; k < gap.to; k += 1) {
        if (["or", "and"].includes(s.word(k))) link = true;
        else if (!s.used[k] && !FUNCTION_WORDS.has(s.word(k))) loose += 1;
      }
      return link && loose <= 2;
    });
    if (!joined) continue;
    chosen.push(pair);
    [...pair.records, ...pair.actions].forEach((m) => taken.add(m));
  }
  return chosen.slice(1);
}

/**
 * "a warranty claim is rejected", "a purchase order is cancelled": something that happened to a thing the
 * event vocabulary has no record for, whose name a concept shares. The whole phrase is named as not
 * understood (not only the verb), so the author sees which change was not read.
 */
function nameUnknownChange(s: Sentence, span: Span, match: LexiconMatch | null): void {
  if (match === null) return;
  const aux = match.to;
  const participle = s.word(aux + 1);
  if (!["is", "gets", "got", "was", "are"].includes(s.word(aux)) || !participle.endsWith("ed") || s.isUsed(aux + 1))
    return;
  let from = match.from;
  while (from - 1 >= span.from && !s.isUsed(from - 1) && !FUNCTION_WORDS.has(s.word(from - 1))) from -= 1;
  s.unknown(s.phrase(from, aux + 2));
  s.use(from, aux + 2);
}

/**
 * Whether the verb at i is a passive said of one record ("a support ticket is escalated", "a case gets
 * escalated"): an auxiliary right before it, and before that a record word after "a"/"an".
 */
function passiveOfOneRecord(s: Sentence, span: Span, i: number): boolean {
  const aux = ["is", "gets", "got", "was", "been"].includes(s.word(i - 1)) ? i - 1 : -1;
  if (aux < 0) return false;
  return s
    .matches(span, isKind("RECORD_TYPE"), false)
    .some((m) => m.to === aux && ["a", "an"].includes(s.word(m.from - 1)));
}

/** Where records are kept, said after the verb of their change ("removed from the CRM", "added to the pipeline"). */
const CONTAINER_NOUNS = new Set([
  ...["pipeline", "system", "crm", "base", "list", "database", "portal", "register", "registry", "directory"],
  ...["book", "books", "records", "fleet", "network", "roster", "platform", "catalog", "catalogue", "inventory"],
  ...["ledger", "queue", "backlog", "account", "forecast"],
]);

/**
 * "removed from or restored to the installed base", "added to the pipeline": the place a record is added to
 * or taken from says nothing more than the change itself; its words are understood with it.
 */
function useContainers(s: Sentence, span: Span, actions: readonly LexiconMatch[]): void {
  for (const action of actions) {
    const prepositions = ["to", "from", "into", "in", "on", "onto", "off", "of", "out"];
    let k = action.to;
    // "dropped from" is one phrase of the vocabulary: its preposition is already said.
    if (!prepositions.includes(s.word(k - 1))) {
      if (!prepositions.includes(s.word(k))) continue;
      if (s.word(k) === "out" && s.word(k + 1) === "of") k += 1;
      k += 1;
    }
    if (["the", "our", "their", "its", "a", "an", "his", "her"].includes(s.word(k))) k += 1;
    for (let end = k; end < Math.min(span.to, k + 3); end += 1) {
      if (s.isUsed(end) && !CONTAINER_NOUNS.has(s.word(end))) break;
      if (CONTAINER_NOUNS.has(s.word(end))) {
        s.use(action.to, end + 1);
        break;
      }
    }
  }
}

/**
 * "any deleted contact", "every restored or merged account", "each newly created deal": the change said as a
 * participle before its record, after a determiner.
 */
function participleBefore(s: Sentence, actions: readonly LexiconMatch[], record: LexiconMatch): boolean {
  const last = actions[actions.length - 1] as LexiconMatch;
  const first = actions[0] as LexiconMatch;
  if (last.to !== record.from || last.to - last.from !== 1) return false;
  if (!actions.every((a) => /ed$|en$/.test(s.word(a.to - 1)))) return false;
  let k = first.from - 1;
  if (["newly", "just", "recently"].includes(s.word(k))) k -= 1;
  if (["any", "every", "each", "a", "an", "the", "all", "newly"].includes(s.word(k))) return true;
  // "Deleted contacts at banks must be reviewed …": records in the plural starting the sentence or a piece.
  const plural = s.word(record.to - 1) !== s.stem(record.to - 1);
  return plural && (k < 0 || /[:;,.!?—–]/.test(s.gapBefore(k + 1)));
}

/** "a new account is added", "a churn or renewal outcome is recorded", "an account is deleted or restored". */
function changeEvent(s: Sentence, span: Span): PlaybookTrigger | null {
  const actions = s.matches(span, isKind("EVENT_ACTION"));
  // "an opportunity at a North American account is updated": the record after a preposition says whose
  // the first one is; the first is what changed, and its phrase runs to the end of the second.
  const ends = new Map<LexiconMatch, number>();
  const records: LexiconMatch[] = [];
  for (const record of s.matches(span, isKind("RECORD_TYPE"), false)) {
    const head = records[records.length - 1];
    const headEnd = head === undefined ? -1 : (ends.get(head) ?? head.to);
    const between = head === undefined ? [] : actions.filter((a) => a.from >= headEnd && a.to <= record.from);
    if (
      head !== undefined &&
      RECORD_PREPOSITIONS.has(s.word(headEnd)) &&
      record.from - headEnd <= 6 &&
      between.length === 0 &&
      // "a customer in EMEA churns": a record word that is also what happens is no owner.
      !actions.some((a) => a.from === record.from)
    ) {
      ends.set(head, record.to);
      s.use(record.from, record.to);
      continue;
    }
    records.push(record);
  }
  if (records.length === 0 || actions.length === 0) return null;
  type Pair = { records: LexiconMatch[]; actions: LexiconMatch[]; distance: number };
  let best: Pair | null = null;
  const pairs: Pair[] = [];
  for (const recordChain of chains(s, records)) {
    for (const actionChain of chains(s, actions)) {
      const first = actionChain[0] as LexiconMatch;
      const last = recordChain[recordChain.length - 1] as LexiconMatch;
      const lastRecord = { ...last, to: ends.get(last) ?? last.to };
      const firstRecord = recordChain[0] as LexiconMatch;
      // "<record> is <action>" (the record before), or "new <record>" (the action before).
      // Words between that are understood already ("at an enterprise hospital") or carry no meaning do not
      // count as distance.
      const contentBetween = (from: number, to: number) => {
        let n = 0;
        for (let k = from; k < to; k += 1) if (!s.used[k] && !FUNCTION_WORDS.has(s.word(k))) n += 1;
        return Math.min(to - from, n + (to - from > 8 ? 5 : 0));
      };
      const distance =
        firstRecord.from === first.from
          ? -1
          : lastRecord.to <= first.from
            ? contentBetween(lastRecord.to, first.from)
            : first.entries[0]!.phrase === "new" && first.to <= firstRecord.from
              ? firstRecord.from - first.to
              : participleBefore(s, actionChain, firstRecord)
                ? // "a deleted contact comes back": a verb after the record says what happens now.
                  1
                : Number.POSITIVE_INFINITY;
      if (distance <= 4) pairs.push({ records: recordChain, actions: actionChain, distance });
      if (distance <= 4 && (best === null || distance < best.distance))
        best = { records: recordChain, actions: actionChain, distance };
    }
  }
  if (best === null) return null;
  const types = new Set<ChangeType>();
  for (const pair of [best, ...joinedEvents(s, best, pairs)])
    for (const record of pair.records) {
      for (const action of pair.actions) {
        // "an account renews", "a customer churned": the account's outcome is recorded, not the account created.
        const outcome = record.entries[0]!.id === "ACCOUNT" && /^(churn|renew)/.test(s.word(action.from));
        const type = outcome
          ? "OUTCOME_RECORDED"
          : eventTypeOf(record.entries[0]!.id as ChangeRecordType, action.entries[0]!.id as EventAction);
        if (type === null) continue;
        types.add(type);
        s.term(record.text, "EVENT_TYPE", type);
      }
      s.use(record.from, record.to);
    }
  if (types.size === 0) return null;
  for (const pair of [best, ...joinedEvents(s, best, pairs)]) {
    const before = s.word(pair.actions[0]!.from - 1);
    if (["newly", "recently", "just"].includes(before)) s.use(pair.actions[0]!.from - 1);
    // "a deleted contact comes back": the participle before the record says which record it is.
    for (const record of pair.records) {
      const described = actions.find((a) => a.to === record.from && participleBefore(s, [a], record));
      if (described !== undefined) s.use(described.from, described.to);
    }
  }
  useContainers(
    s,
    span,
    [best, ...joinedEvents(s, best, pairs)].flatMap((p) => p.actions),
  );
  const said = new Set([best, ...joinedEvents(s, best, pairs)].flatMap((p) => p.actions.map((a) => a.entries[0]!.id)));
  actions
    .filter((a) => said.has(a.entries[0]!.id) || a.entries[0]!.phrase === "new")
    .forEach((a) => s.use(a.from, a.to));
  return { kind: "EVENT", eventTypes: [...types] };
}

/** The industries a span names (for choosing between concepts of the same name). */
export function industriesOf(conditions: readonly PlaybookCondition[]): string[] {
  return conditions.flatMap((c) => (c.kind === "ACCOUNT_FIELD" && c.field === "industry" ? [...c.values] : []));
}

/**
 * Conditions on the account said anywhere in span: field values (industry, segment, region), related
 * organizations ("buys through a reseller"), a name ("whose name contains Acme"); with `full`, also the
 * health score and grade ("and its health score is under 60", "and it is red").
 */
export function parseConditions(s: Sentence, span: Span, full: boolean): PlaybookCondition[] {
  const conditions: PlaybookCondition[] = [];
  const byField = new Map<string, string[]>();
  // "outside EMEA", "except hospitals and schools", "not in the SMB segment": values the account must not have.
  const excluded = new Map<string, string[]>();
  const negatedTokens = new Set<number>();
  const add = (field: string, value: string, from: number, to: number) => {
    const negation = negatedBefore(s, span, from, negatedTokens);
    const target = negation === null ? byField : excluded;
    if (negation !== null) {
      s.use(negation.i, negation.i + negation.n);
      for (let k = from; k < to; k += 1) negatedTokens.add(k);
    }
    const list = target.get(field) ?? [];
    if (!list.includes(value)) list.push(value);
    target.set(field, list);
  };
  for (const match of s.matches(span, isKind("ACCOUNT_FIELD_VALUE"))) {
    const entry = match.entries[0] as LexiconEntry;
    // "a software update": the word starts a concept's longer name, it does not say the industry.
    const concept = s.lexicon.matchAt(s.tokens, match.from, s.text, isKind("CONCEPT", "FIELD"));
    if (concept !== null && concept.to > match.to) continue;
    // "fail a software update": the word and the next are words of one concept's name together.
    const next = s.word(match.to);
    if (
      match.to - match.from === 1 &&
      !["account", "customer", "client", "company", "seller", "firm", "business", "user"].includes(s.stem(match.to)) &&
      next !== "" &&
      !FUNCTION_WORDS.has(next)
    ) {
      const withValue = new Set(s.lexicon.conceptsWithWord(s.word(match.from)));
      if (s.lexicon.conceptsWithWord(next).some((id) => withValue.has(id))) continue;
    }
    add(entry.field as string, entry.id, match.from, match.to);
    s.use(match.from, match.to);
    if (["in", "from", "based"].includes(s.word(match.from - 1))) s.use(match.from - 1);
    // "based in Latin America", "located in EMEA", "headquartered in China"
    if (
      s.word(match.from - 1) === "in" &&
      ["based", "located", "headquartered", "operating", "registered"].includes(s.word(match.from - 2))
    )
      s.use(match.from - 2);
    s.term(match.text, "ACCOUNT_FIELD_VALUE", entry.id);
  }
  // "an online store's conversion rate", "a lender", "a medical center": common English names of an industry
  // the tenant has (its value in the directory) but does not call by that name.
  const industries = s.lexicon.directory.accountFields.industry ?? {};
  for (let i = span.from; i < span.to; i += 1) {
    if (s.isUsed(i)) continue;
    for (const [phrase, value] of INDUSTRY_NOUNS) {
      const words = phrase.split(" ");
      if (i + words.length > span.to || !s.at(i, words) || s.isUsed(i, i + words.length)) continue;
      if (industries[value] === undefined) continue;
      // "a store of data", "bank holiday": the noun must name the customer (followed by no other noun of a
      // concept's name).
      const concept = s.lexicon.matchAt(s.tokens, i, s.text, isKind("CONCEPT", "FIELD"));
      if (concept !== null && concept.to > i + words.length) continue;
      if (words.length === 1 && MODIFIER_NOUNS.has(phrase) && modifiesAnother(s, i)) continue;
      add("industry", value, i, i + words.length);
      s.use(i, i + words.length);
      s.term(s.phrase(i, i + words.length), "ACCOUNT_FIELD_VALUE", value);
      i += words.length - 1;
      break;
    }
  }
  for (const [field, values] of excluded) {
    // The schema has no "not": the values left of the field's values in the directory, as an IN.
    const all = Object.keys(s.lexicon.directory.accountFields[field] ?? {});
    const kept = (byField.get(field) ?? all).filter((v) => !values.includes(v));
    if (kept.length > 0) byField.set(field, kept);
  }
  for (const [field, values] of byField) {
    conditions.push({
      kind: "ACCOUNT_FIELD",
      field: field as "industry" | "segment" | "region",
      op: values.length === 1 ? "EQUALS" : "IN",
      values,
    });
  }
  const name = s.find(span, [
    "whose name contains",
    "name contains",
    "whose name includes",
    "name includes",
    "named",
    "called",
  ]);
  if (name !== null) {
    const start = name.i + name.n;
    const quoted = /^\s*["“'‘]([^"”'’]+)["”'’]/.exec(s.text.slice(s.tokens[start - 1]!.end));
    let value: string | null = null;
    let end = start;
    if (quoted) {
      value = quoted[1]!.trim();
      const stop = s.tokens[start - 1]!.end + quoted[0].length;
      while (end < span.to && s.tokens[end]!.start < stop) end += 1;
    } else {
      while (end < span.to && /^[A-Z0-9]/.test(s.text.slice(s.tokens[end]!.start, s.tokens[end]!.start + 1))) end += 1;
      if (end > start) value = s.phrase(start, end);
    }
    if (value !== null) {
      s.use(name.i, end);
      conditions.push({ kind: "ACCOUNT_FIELD", field: "name", op: "CONTAINS", values: [value] });
    }
  }
  // A related organization: "it buys through a reseller", "has a service partner", "served by a partner in its region".
  const orgVerbs = [
    "buys through",
    "buy through",
    "sells through",
    "sell through",
    "selling through",
    "goes through",
    "orders through",
    "buys from",
    "works through",
    "buying through",
    "sold through",
    "buys via",
    "through",
    "via",
    "has",
    "have",
    "with",
    "served by",
    "serviced by",
    "supplied by",
    "works with",
    "work with",
    "working with",
    "uses",
    "use",
  ];
  for (const match of s.matches(span, isKind("ORGANIZATION_KIND", "ORGANIZATION"))) {
    const entry = match.entries[0] as LexiconEntry;
    const verb = s.find({ from: Math.max(span.from, match.from - 4), to: match.from }, orgVerbs);
    if (verb === null) continue;
    const kind = entry.kind === "ORGANIZATION" ? (entry.organizationKind as string) : entry.id;
    const region = s.find({ from: match.to, to: Math.min(span.to, match.to + 4) }, [
      "in the region",
      "in its region",
      "in that region",
      "in their region",
    ]);
    s.use(verb.i, match.to);
    if (region !== null) s.use(region.i, region.i + region.n);
    s.term(match.text, entry.kind, entry.id);
    conditions.push({
      kind: "HAS_ORGANIZATION",
      organizationKind: kind as "PARTNER" | "SUPPLIER" | "SERVICE_PROVIDER" | "RESELLER",
      ...(region !== null ? { servingRegion: true } : {}),
    });
  }
  if (full) {
    let score = s.find(span, ["health score", "health scores", "health", "score"]);
    // "its carbon intensity score", "the battery health": another measure's score, not the health score.
    while (score !== null && !accountScoreWord(s, span, score.i)) {
      score = s.find(span, ["health score", "health scores", "health", "score"], score.i + score.n);
    }
    if (score !== null) {
      const comparison = findComparison(s, { from: score.i, to: span.to });
      if (comparison !== null && comparison.from - (score.i + score.n) <= 3) {
        s.use(score.i, comparison.to);
        conditions.push({ kind: "HEALTH_SCORE", op: comparison.op, value: comparison.value });
      }
    }
    const grades = s.matches(span, isKind("HEALTH_GRADE"));
    if (grades.length > 0) {
      grades.forEach((g) => {
        s.use(g.from, g.to);
        s.term(g.text, "HEALTH_GRADE", g.entries[0]!.id);
      });
      const said = [...new Set(grades.map((g) => g.entries[0]!.id))];
      // "and it is not red", "and its health isn't green": every other grade.
      const not = s.find({ from: Math.max(span.from, grades[0]!.from - 4), to: grades[0]!.from }, GRADE_NOT_WORDS);
      if (not !== null) s.use(not.i, not.i + not.n);
      const kept = not === null ? said : Object.keys(s.lexicon.directory.healthGrades).filter((g) => !said.includes(g));
      conditions.push({ kind: "HEALTH_GRADE", grades: kept });
      for (let k = span.from; k < span.to; k += 1) {
        if (
          ["health", "grade", "status", "is", "are", "turns", "shows", "rated", "currently", "already", "or"].includes(
            s.word(k),
          )
        )
          s.use(k);
      }
    }
    for (let i = span.from; i < span.to; i += 1) {
      if (COLOURS.includes(s.word(i)) || (s.word(i) === "grade" && /^[a-f]$/.test(s.word(i + 1)))) {
        s.unknown(s.phrase(i, s.word(i) === "grade" ? i + 2 : i + 1));
        s.use(i, s.word(i) === "grade" ? i + 2 : i + 1);
      }
    }
  }
  return conditions;
}

/** Words that turn a grade round ("is not red", "isn't green", "is no longer green"). */
const GRADE_NOT_WORDS = ["not", "isnt", "arent", "never", "no longer"];

/** Words that say an account must not have a field's value ("outside EMEA", "except hospitals"). */
const NEGATIONS = [
  ...["outside of", "outside", "except for", "except", "excluding", "other than", "apart from", "not in"],
  ...["not from", "not based in", "not located in", "not", "non", "besides", "but not", "aside from", "never"],
];
/** Words that may stand between a negation and the value it negates ("not in the SMB segment"). */
const NEGATION_GAP = new Set([
  ...["the", "a", "an", "in", "from", "and", "or", "any", "of", "based", "located", "our", "for", "with", "at"],
]);

/**
 * The negation said before the field value at `at` ("outside EMEA", "except hospitals and schools", "not in
 * the SMB segment"), reaching back over joining words and values already negated, or null.
 */
function negatedBefore(
  s: Sentence,
  span: Span,
  at: number,
  negated: ReadonlySet<number>,
): { i: number; n: number } | null {
  for (let k = at - 1; k >= span.from && k >= at - 8; k -= 1) {
    for (const phrase of NEGATIONS) {
      const words = phrase.split(" ");
      const start = k - words.length + 1;
      if (start >= span.from && s.at(start, words)) return { i: start, n: words.length };
    }
    if (!NEGATION_GAP.has(s.word(k)) && !negated.has(k)) return null;
  }
  return null;
}

/** Whether "health"/"score" at i is the account's own ("its health score", "a score of"), not another measure's. */
function accountScoreWord(s: Sentence, span: Span, i: number): boolean {
  if (s.word(i) === "health" && healthOfOtherConcept(s, span, i)) return false;
  const before = s.word(i - 1);
  return i === span.from || FUNCTION_WORDS.has(before) || s.used[i - 1] === true || before === "health";
}

/** A place said with a capital that the tenant has no region for: "in the Midwest", "in Bavaria". */
export function unknownPlaces(s: Sentence, span: Span): void {
  for (let i = span.from; i < span.to; i += 1) {
    if (!["in", "from", "across", "within", "around"].includes(s.word(i)) || s.used[i + 1] === true) continue;
    let j = i + 1;
    if (s.word(j) === "the") j += 1;
    let end = j;
    while (end < span.to && !s.used[end] && /^\p{Lu}/u.test(s.text.slice(s.tokens[end]!.start, s.tokens[end]!.end)))
      end += 1;
    if (end > j) {
      s.unknown(s.phrase(i, end));
      s.use(i, end);
    }
  }
  // "a US customer", "German hospitals", "a Canadian bank's NPS": a place said as a capitalised word before
  // the accounts' noun (after an article, or starting the part), which the tenant has no region for.
  for (let i = span.from; i < span.to; i += 1) {
    const written = s.phrase(i, i + 1);
    // "Any hospital": a function word with a capital starts the sentence; "US" in capitals is a place.
    const functionWord = FUNCTION_WORDS.has(s.word(i)) && !/^\p{Lu}{2,}$/u.test(written);
    if (s.used[i] === true || !/^\p{Lu}/u.test(written) || functionWord) continue;
    if (i > span.from && !["a", "an", "the", "any", "every", "each", "all", "our", "for", "of"].includes(s.word(i - 1)))
      continue;
    let k = i + 1;
    while (k < span.to && s.used[k] === true && !CUSTOMER_HEADS.has(s.stem(k)) && k - i <= 3) k += 1;
    const noun = CUSTOMER_HEADS.has(s.stem(k)) || (k > i + 1 && s.used[k - 1] === true);
    if (!noun || s.lexicon.matchAt(s.tokens, i, s.text, () => true) !== null) continue;
    s.unknown(written);
    s.use(i);
  }
}

/** The signal a success criterion watches for: a page, a boolean concept's good value, a concept. */
export function feedbackSignals(
  s: Sentence,
  span: Span,
  industries: readonly string[],
  preferred: string | null = null,
): SignalSelector | null {
  const pages = s.matches(span, isKind("PAGE"));
  // A page is meant when the sentence says viewing or a page ("views the pricing page"), not a measure that
  // shares the page's name ("OEE above 70%").
  const pageSaid = s.find(span, ["page", "pages", ...VIEW_WORDS]) !== null;
  if (pages.length > 0 && pageSaid) {
    const entry = pages[0]!.entries[0] as LexiconEntry;
    s.use(pages[0]!.from, pages[0]!.to);
    s.term(pages[0]!.text, "PAGE", entry.id);
    // "if their contacts view the returns page": viewed by the account's people.
    const view = s.find(span, VIEW_WORDS);
    if (view !== null) s.use(view.i, view.i + view.n);
    const people = viewedByPeople(s, span, view?.i ?? pages[0]!.from);
    return {
      field: entry.field ?? "viewed_page",
      valueEquals: entry.id,
      ...(people ? { subjectKinds: ["CONTACT"] as const } : {}),
    };
  }
  const found = findConcept(s, span, industries, { preferred });
  if (found === null) return null;
  // "an on-time delivery shows up": the concept's value said in the words that named it.
  const said = lookupValueSaid(s, found.match ?? span, found.concept);
  if (said !== null) return { concept: found.concept.id, valueEquals: said };
  if (isBooleanConcept(found.concept)) {
    const mapping = found.concept.mappings.find((m) => m.dataType === "BOOLEAN");
    const good = mapping?.polarity === "HIGHER_IS_BETTER" ? "true" : "false";
    return booleanSelector(s, span, found.concept, good as "true" | "false");
  }
  return { concept: found.concept.id };
}

/**
 * A value of the concept's lookup table written in span ("on-time delivery" → ON_TIME, "a late delivery" →
 * LATE), or null. Keys are compared as words, underscores and hyphens as spaces.
 */
function lookupValueSaid(s: Sentence, span: Span, info: ConceptInfo): string | null {
  const norm = (x: string) => ` ${x.toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim()} `;
  const text = norm(s.phrase(span.from, span.to));
  let best: string | null = null;
  for (const mapping of info.mappings) {
    const transform = mapping.transform as { kind?: string; table?: Record<string, number> } | undefined;
    if (transform?.kind !== "lookup" || transform.table === undefined) continue;
    for (const key of Object.keys(transform.table)) {
      if (!/[a-z]/i.test(key) || !text.includes(norm(key))) continue;
      if (best === null || key.length > best.length) best = key;
    }
  }
  return best;
}

/**
 * "three late deliveries", "two partial shipments": a count of a concept's value said before a noun of the
 * same concept's names. The concept and value, with their words understood, or null.
 */
function countedValue(
  s: Sentence,
  span: Span,
  count: { from: number; to: number } | null,
): { concept: ConceptInfo; match: LexiconMatch | null } | null {
  if (count === null) return null;
  for (const value of s.matches(span, isKind("CONCEPT_VALUE"))) {
    for (const entry of value.entries) {
      const info = s.lexicon.concepts.get(entry.concept as string);
      if (info === undefined) continue;
      const noun = s.word(value.to);
      const singular = noun.replace(/ies$/, "y").replace(/s$/, "");
      const named = [noun, singular].some((w) => w !== "" && s.lexicon.conceptsWithWord(w).includes(info.id));
      if (!named) continue;
      s.use(value.to);
      s.term(s.phrase(value.from, value.to + 1), "CONCEPT", info.id);
      return { concept: info, match: null };
    }
  }
  return null;
}

export { findWindow };
