/**
 * The actions of an English sentence (issue 12): tasks ("create a demo-plan task for the sales lead",
 * "give Tom a task to …", "have the support lead call them back", "ask X to …"), reviews ("open a
 * compliance pre-review"), intent signals ("raise an expansion intent signal"), flags ("flag the account as
 * frozen", "flag the affected chargers") and webhooks ("post it to ServiceNow"), with assignees and due dates.
 */
import { Assignee, PlaybookAction } from "../../automation/playbook";
import { LexiconEntry, LexiconMatch } from "../lexicon";
import {
  ACTION_LEADERS,
  ACTION_VERBS,
  onlyAssignees,
  participleBase,
  nominalAction,
  nominalLead,
  participleLike,
  passiveAction,
  servesClauseEnd,
  subjectAction,
  verbIndex,
} from "./clauses";
import { PERIOD_DAYS, readDuration, wholeDays } from "./numbers";
import { FUNCTION_WORDS, PERSON_TITLES, Sentence, Span } from "./sentence";
import { slugOf } from "./slug";
import { KIND_RELATIONSHIP } from "./trigger";

/** Verbs that hand a task to someone named right after them: "have X do …", "ask X to …". */
const DELEGATE_VERBS = new Set([
  "cc",
  "copy",
  "have",
  "ask",
  "tell",
  "get",
  "remind",
  "notify",
  "alert",
  "email",
  "e-mail",
  "ping",
  "message",
  "inform",
  "let",
  "page",
  "loop",
  "instruct",
  "require",
]);
/** Verbs that make compound nouns with a particle: "check-in", "follow-up", "sign-off". */
const COMPOUND_HEADS = new Set([
  "check",
  "log",
  "sign",
  "follow",
  "set",
  "roll",
  "call",
  "drop",
  "walk",
  "kick",
  "catch",
]);

/** Verbs that only tell someone: "let X know", "notify X". */
const NOTIFY_VERBS = new Set([
  "cc",
  "copy",
  "let",
  "notify",
  "tell",
  "inform",
  "alert",
  "ping",
  "email",
  "e-mail",
  "message",
  "loop",
]);

/** Whose partner a partner word names ("the region's service partner", "the account's reseller"). */
const PARTNER_OWNER_WORDS = new Set(["region", "area", "territory", "account", "customer", "client"]);

/** Words between "the" and an assignee ("the local service provider"). */
const ASSIGNEE_ADJECTIVES = new Set([
  "local",
  "regional",
  "responsible",
  "assigned",
  "relevant",
  "nearest",
  "serving",
  "right",
  "dedicated",
]);

/** Verbs that create something: "create a task", "open a review", "schedule a call". */
const CREATE_VERBS = new Set([
  "create",
  "open",
  "add",
  "log",
  "file",
  "start",
  "schedule",
  "set",
  "book",
  "make",
  "launch",
  "kick",
  "generate",
  "queue",
  "arrange",
  "plan",
  "prepare",
  "draft",
  "organise",
  "organize",
  "initiate",
  "request",
  "raise",
  "record",
  "submit",
  "dispatch",
  "register",
  "put",
  "escalate",
  "trigger",
  "fire",
  "route",
  "emit",
]);
const GIVE_VERBS = new Set(["give", "assign", "hand", "send"]);
const FLAG_VERBS = new Set(["flag", "tag", "mark", "label"]);
/** Meetings are tasks even when called reviews: "book a business review". */
const MEETING_VERBS = new Set(["book", "schedule", "arrange", "hold", "plan", "organise", "organize", "set"]);
const REVIEW_HEADS = new Set([
  "review",
  "reviews",
  "pre-review",
  "approval",
  "verdict",
  "assessment",
  "check-off",
  "sign-off",
]);
const TASK_NOUNS = new Set(["task", "tasks", "ticket", "to-do", "todo", "action", "item", "job", "assignment"]);
const ASSET_WORDS = new Set([
  "asset",
  "assets",
  "charger",
  "chargers",
  "machine",
  "machines",
  "device",
  "devices",
  "vehicle",
  "vehicles",
  "scanner",
  "scanners",
  "equipment",
  "unit",
  "units",
  "station",
  "stations",
  "car",
  "cars",
  "truck",
  "trucks",
  "bus",
  "buses",
  "battery",
  "batteries",
  "pack",
  "packs",
  "line",
  "lines",
  "robot",
  "robots",
]);
const BATCH_WORDS = new Set(["batch", "batches", "lot", "lots"]);
const ACCOUNT_WORDS = new Set([
  "account",
  "accounts",
  "customer",
  "customers",
  "client",
  "clients",
  "them",
  "it",
  "store",
  "seller",
  "hospital",
  "school",
]);

const ASSIGNEE_KINDS = new Set(["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION", "ORGANIZATION_KIND"]);

/** Default deadline when none is said (not judged by the corpus; a week is what people expect). */
export const DEFAULT_DUE_DAYS = 7;

/** An action with where in the sentence it came from. */
export interface ParsedAction {
  action: PlaybookAction;
  span: Span;
}

function assigneeOf(s: Sentence, match: LexiconMatch, span: Span): Assignee {
  const entry = match.entries[0] as LexiconEntry;
  s.term(match.text, entry.kind, entry.id);
  switch (entry.kind) {
    case "USER":
      return { kind: "USER", userId: entry.id };
    case "TEAM":
      return { kind: "TEAM", teamId: entry.id };
    case "ROLE":
      return { kind: "ROLE", role: entry.id };
    case "ORGANIZATION":
      return { kind: "ORGANIZATION", organizationId: entry.id };
    case "ORGANIZATION_KIND": {
      // The words around the partner word, even past the span that found it ("the service partner of the region").
      void span;
      const around = { from: Math.max(0, match.from - 3), to: Math.min(s.tokens.length, match.to + 4) };
      const regional = s.find(around, [
        "of the region",
        "in the region",
        "of that region",
        "in that region",
        "in its region",
        "in their region",
        "for the region",
        "that region",
        "the region",
        "regional",
        "region",
        "local",
        "serving",
        "area",
      ]);
      if (regional !== null) {
        s.use(regional.i, regional.i + regional.n);
        return { kind: "ORGANIZATION", servingRegion: true };
      }
      return { kind: "ORGANIZATION", relationship: KIND_RELATIONSHIP[entry.id] ?? null };
    }
    default:
      return { kind: "ACCOUNT_OWNER" };
  }
}

/**
 * The assignees named in span, in order. A person named with their team ("Tom Becker from Quality") is the
 * person; "X and Y" are two assignees. Matches inside `exclude` (the task's own name) are left out.
 */
function assigneesIn(
  s: Sentence,
  span: Span,
  exclude: Span | null,
  direct = false,
): Array<{ match: LexiconMatch; assignee: Assignee }> {
  const found = s
    .matches(span, (e) => ASSIGNEE_KINDS.has(e.kind), false)
    .filter((m) => exclude === null || m.to <= exclude.from || m.from >= exclude.to)
    // "a compliance review": the review's name, not the role (unless "have compliance review it").
    .filter((m) => direct || !(m.entries[0]!.kind === "ROLE" && REVIEW_HEADS.has(s.word(m.to))));
  const result: Array<{ match: LexiconMatch; assignee: Assignee }> = [];
  for (const match of found) {
    const prev = result[result.length - 1];
    // "Tom Becker from Quality", "Raj of the onboarding team": the person, not the team.
    if (
      prev !== undefined &&
      prev.assignee.kind === "USER" &&
      ["from", "of", "in", "on"].includes(
        s.word(match.from - 1) === "the" ? s.word(match.from - 2) : s.word(match.from - 1),
      )
    ) {
      s.use(match.from, match.to);
      continue;
    }
    // "the account's reseller": the organization kind after the account words.
    result.push({ match, assignee: assigneeOf(s, match, span) });
    s.use(match.from, match.to);
  }
  return result;
}

/**
 * The end of a person's name the directory does not have at i ("Peter Smith", "Dr. Müller"): capitalised
 * words, after a title if one is said, none of them a known doer. Null when no such name stands at i.
 */
function unknownNameAt(s: Sentence, i: number, to: number): number | null {
  const capitalised = (k: number) => /^\p{Lu}/u.test(s.phrase(k, k + 1));
  let k = i;
  if (PERSON_TITLES.has(s.word(k)) && capitalised(k)) k += 1;
  const start = k;
  while (k < to && capitalised(k) && s.lexicon.matchAt(s.tokens, k, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) === null)
    k += 1;
  return k > start ? k : null;
}

/** Units written onto their number: "48h", "2d", "1wk". */
const COMPACT_UNITS: Readonly<Record<string, number>> = {
  h: 1 / 24,
  hr: 1 / 24,
  hrs: 1 / 24,
  d: 1,
  w: 7,
  wk: 7,
  wks: 7,
};

/** A duration at i, also written compactly ("48h", "2d", "1wk"). */
function durationAt(s: Sentence, i: number): { days: number; to: number } | null {
  const read = readDuration(s.tokens, i);
  if (read !== null) return read;
  const compact = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(s.word(i));
  const unit = compact === null ? undefined : COMPACT_UNITS[compact[2] as string];
  return compact === null || unit === undefined ? null : { days: Number(compact[1]) * unit, to: i + 1 };
}

/** Weekdays, for deadlines said as a day ("by Friday", "before next Monday"). */
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend"]);

/** Words that end the working day: "by EOD", "by close of business", "COB". */
const DAY_END = ["eod", "cob", "eob", "close of business", "end of business", "end of the business day"];

/**
 * A deadline said as a weekday ("by Friday", "before next Monday", "by the weekend"): a playbook's deadline is
 * counted from its firing, so a day that depends on the weekday it fires on is read as the end of the week it
 * falls in, as the Chinese grammar reads 本周五之前 / 下周一前 (7) and 下周五前 (14): this week's day, or
 * next Monday (the start of next week), 7; another day of next week, 14. The index after it and its days, or
 * null.
 */
function weekdayDeadline(s: Sentence, i: number): { to: number; days: number } | null {
  if (!["by", "before", "until", "till", "on", "due", "than"].includes(s.word(i))) return null;
  let k = i + 1;
  // "due by Friday", "due on Monday"
  if (s.word(i) === "due" && ["by", "on", "before"].includes(s.word(k))) k += 1;
  if (["the", "this"].includes(s.word(k))) k += 1;
  const next = s.word(k) === "next";
  if (next) k += 1;
  if (!WEEKDAYS.has(s.word(k))) return null;
  // "on Friday" alone may be a schedule, not a deadline; "by/before Friday" is one.
  if (s.word(i) === "on" && !next) return null;
  return { to: k + 1, days: next && s.word(k) !== "monday" ? 14 : 7 };
}

/** Words saying to act at once ("immediately", "right away", "ASAP"): the task is due the same day. */
const AT_ONCE = [
  "immediately",
  "right away",
  "straight away",
  "straightaway",
  "at once",
  "asap",
  "a s a p",
  "as soon as possible",
  "urgently",
  "without delay",
  "right now",
  "first thing",
];

/**
 * Whether span says to act at once: "call them immediately", "right away", "ASAP", "without delay". Not
 * "immediately after …", which says when, and not "first thing tomorrow", which is a day. Marks the words
 * understood.
 */
function atOnce(s: Sentence, span: Span): boolean {
  for (let i = span.from; i < span.to; i += 1) {
    const hit = s.find({ from: i, to: span.to }, AT_ONCE, i);
    if (hit === null || hit.i !== i) continue;
    const after = s.word(hit.i + hit.n);
    if (["after", "following", "upon", "on", "when", "once", "if", "tomorrow"].includes(after)) continue;
    if (WEEKDAYS.has(after) || after === "next") continue;
    s.use(hit.i, hit.i + hit.n);
    return true;
  }
  return false;
}

/** A deadline in span: "due in 3 days", "within 24 hours", "due tomorrow", "the same day", "by next week". */
function dueIn(s: Sentence, span: Span): number | null {
  for (let i = span.from; i < span.to; i += 1) {
    const w = s.word(i);
    const weekday = weekdayDeadline(s, i);
    if (weekday !== null && weekday.to <= span.to) {
      s.use(i, weekday.to);
      return weekday.days;
    }
    // "by EOD", "before close of business": today.
    const dayEnd = s.find({ from: i, to: span.to }, DAY_END, i);
    if (dayEnd !== null && dayEnd.i === i) {
      s.use(["by", "before", "at", "until", "till"].includes(s.word(i - 1)) ? i - 1 : i, i + dayEnd.n);
      return 0;
    }
    if (w === "tomorrow") {
      s.use(i);
      if (["due", "by"].includes(s.word(i - 1))) s.use(i - 1);
      return 1;
    }
    if (w === "today" || (w === "same" && s.word(i + 1) === "day") || (w === "end" && s.at(i + 1, ["of", "day"]))) {
      const start = s.word(i - 1) === "the" ? i - 1 : i;
      const begin = ["due", "by", "within", "on"].includes(s.word(start - 1)) ? start - 1 : start;
      s.use(begin, w === "today" ? i + 1 : w === "same" ? i + 2 : i + 3);
      return 0;
    }
    // "this week", "this month": the rest of the period, read as its length (本周 7).
    if (w === "this" && PERIOD_DAYS[s.word(i + 1)] !== undefined && (PERIOD_DAYS[s.word(i + 1)] as number) > 1) {
      s.use(["due", "by", "within", "in"].includes(s.word(i - 1)) ? i - 1 : i, i + 2);
      return PERIOD_DAYS[s.word(i + 1)] as number;
    }
    if (w === "next" && s.word(i + 1) === "week") {
      s.use(["due", "by", "within"].includes(s.word(i - 1)) ? i - 1 : i, i + 2);
      return 7;
    }
    // "by the end of the week", "before end of month", "by the end of the quarter": the period's length.
    if (w === "end" && s.word(i + 1) === "of") {
      let k = s.word(i + 2) === "the" || s.word(i + 2) === "this" ? i + 3 : i + 2;
      // "by the end of next week": the period after this one ends.
      const next = s.word(k) === "next";
      if (next) k += 1;
      const days = PERIOD_DAYS[s.word(k)];
      if (days !== undefined && s.word(k) !== "business" && days > 1) {
        const start = s.word(i - 1) === "the" ? i - 1 : i;
        const begin = ["due", "by", "within", "before", "at"].includes(s.word(start - 1)) ? start - 1 : start;
        s.use(begin, k + 1);
        return next ? days * 2 : days;
      }
    }
    // "within the hour", "within the week": the rest of the period, read as its length (an hour is today).
    if (
      w === "within" &&
      s.word(i + 1) === "the" &&
      (PERIOD_DAYS[s.word(i + 2)] !== undefined || s.word(i + 2) === "hour")
    ) {
      if (s.word(i + 2) !== "business") {
        s.use(i, i + 3);
        return s.word(i + 2) === "hour" ? 0 : (PERIOD_DAYS[s.word(i + 2)] as number);
      }
    }
    // "no later than 5 days after", "at the latest in 3 days"
    if (s.at(i, ["no", "later", "than"]) || s.at(i, ["not", "later", "than"])) {
      // "no later than Friday"
      const day = weekdayDeadline(s, i + 2);
      if (day !== null && day.to <= span.to) {
        s.use(i, day.to);
        return day.days;
      }
      const duration = readDuration(s.tokens, i + 3);
      if (duration !== null && duration.to <= span.to) {
        const end = ["after", "later", "from", "out"].includes(s.word(duration.to)) ? duration.to + 1 : duration.to;
        s.use(i, end);
        return wholeDays(duration.days);
      }
    }
    if (!["due", "within", "in", "by", "inside", "over"].includes(w)) continue;
    let j = i + 1;
    if (w === "due" && ["in", "within", "after", "inside"].includes(s.word(j))) j += 1;
    // "inside of a week"
    if (w === "inside" && s.word(j) === "of") j += 1;
    // "over the next 3 days" (only with "next": "over 3 days" says a window elsewhere)
    if (w === "over" && !(s.word(j) === "the" && s.word(j + 1) === "next")) continue;
    // "within less than 2 days", "in under 48 hours"
    if (["under", "less"].includes(s.word(j)) && w !== "due")
      j += s.word(j) === "less" && s.word(j + 1) === "than" ? 2 : 1;
    if (s.word(j) === "the" && s.word(j + 1) === "next") j += 2;
    const duration = durationAt(s, j);
    if (duration === null || duration.to > span.to) continue;
    // "in 3 days" alone only when it ends the action or follows a task word ("a task in 3 days").
    s.use(i, duration.to);
    return wholeDays(duration.days);
  }
  return null;
}

/**
 * A deadline said once for all the actions (", both due tomorrow", ", each within 5 days"): its days, with
 * the whole piece understood, or null.
 */
export function sharedDeadline(s: Sentence, span: Span): number | null {
  const due = dueIn(s, span);
  if (due === null) return null;
  s.use(span.from, span.to);
  return due;
}

/** Whether "due" at i starts a deadline ("due in 3 days"), not a noun ("an enhanced due diligence review"). */
function deadlineDue(s: Sentence, i: number): boolean {
  return s.word(i) === "due" && !["diligence", "to"].includes(s.word(i + 1));
}

/** The words naming the thing to do: from `from` until a stop word (for, to, due, within, by, an assignee). */
function nounPhraseEnd(s: Sentence, from: number, to: number): number {
  let j = from;
  while (j < to) {
    const w = s.word(j);
    if (["in", "on", "up", "out", "off"].includes(w) && j > from && COMPOUND_HEADS.has(s.word(j - 1))) {
      j += 1;
      continue;
    }
    // "an on-site audit", "an in-person visit": a word joined by a hyphen is part of the name.
    if (["in", "on", "at", "by"].includes(w) && s.gapBefore(j + 1) === "-") {
      j += 1;
      continue;
    }
    const stops = [
      "from",
      "for",
      "to",
      "due",
      "within",
      "by",
      "with",
      "and",
      "assigned",
      "owned",
      "so",
      "that",
      "in",
      "on",
      "at",
    ];
    if (stops.includes(w) && (w !== "due" || deadlineDue(s, j))) break;
    if (TASK_NOUNS.has(w)) return j + 1;
    if (REVIEW_HEADS.has(w)) return TASK_NOUNS.has(s.word(j + 1)) ? j + 2 : j + 1;
    j += 1;
  }
  return j;
}

function skipDeterminers(s: Sentence, i: number): number {
  let j = i;
  while (
    ["a", "an", "the", "one", "new", "separate", "quick", "dedicated", "follow"].includes(s.word(j)) &&
    !(s.word(j) === "follow" && s.word(j + 1) === "up")
  )
    j += 1;
  return j;
}

/** The task's or review's own words: "demo-plan task" → demo-plan; "compliance pre-review" → review. */
function thingOf(s: Sentence, from: number, end: number): { words: string[]; isReview: boolean; isTask: boolean } {
  const words: string[] = [];
  let isReview = false;
  let isTask = false;
  for (let j = from; j < end; j += 1) {
    const w = s.word(j);
    if (TASK_NOUNS.has(w)) {
      isTask = true;
      continue;
    }
    // "an on-site audit" → onsite-audit, "an in-person visit" → inperson-visit.
    if (["on", "in"].includes(w) && s.gapBefore(j + 1) === "-" && j + 1 < end) {
      words.push(`${w}${s.word(j + 1)}`);
      j += 1;
      continue;
    }
    words.push(w);
  }
  // The head noun decides: "a compliance review" is a review, "a returns-audit task" a task.
  isReview = end > from && REVIEW_HEADS.has(s.word(end - 1));
  return { words, isReview, isTask };
}

/** Words before what the accounts said first should get ("should be", "need to be", "must get"). */
const AGENT_LEADS = new Set([
  ...["should", "must", "shall", "will", "need", "needs", "to", "has", "have", "also", "then", "and"],
  ...["immediately", "automatically", "be", "been", "get", "gets", "receive", "receives", "deserve", "deserves"],
  ...["require", "requires", "promptly", "quickly"],
]);

/** Modals before "get"/"receive" of accounts said first ("should get a task from X"). */
const MODAL_LEADS = new Set(["should", "must", "shall", "will", "also", "then", "to"]);

/** Verbs whose participle may name the thing done ("visited", "offered", "called", "audited"). */
const AGENT_VERBS = new Set([
  ...ACTION_VERBS,
  ...Object.keys({ visit: 1, offer: 1, contact: 1, phone: 1, coach: 1, train: 1, audit: 1, inspect: 1 }),
  ...["review", "check", "service", "support", "approach", "help", "assist", "investigate", "assess", "email"],
  ...["reach", "survey", "interview", "escalate", "onboard", "retrain", "repair", "calibrate", "approve"],
]);

/** The verb a participle is a form of, by the verbs known ("visited" → visit, "called" → call), or its stem. */
function agentBase(w: string): string {
  const known = participleBase(w);
  if (known !== null) return known;
  const stem = w.slice(0, -2);
  const candidates = [
    w.endsWith("ied") ? `${w.slice(0, -3)}y` : null,
    stem,
    `${stem}e`,
    stem.length >= 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : null,
  ];
  return candidates.find((c) => c !== null && AGENT_VERBS.has(c)) ?? stem;
}

/**
 * What the accounts said first should get, and from whom: "should be visited by Huatong within three days",
 * "should be offered a coaching session by EduWorks", "should get an adoption-workshop task from the
 * onboarding team", "need a check-in call from Raj". The doer after "by"/"from" gets a task (a review when
 * the thing is one), or null when the clause is not of this shape.
 */
function agentAction(s: Sentence, span: Span): PlaybookAction[] | null {
  let i = span.from;
  let lead = false;
  // "the account should get a call from Sarah", "they should be visited by Huatong".
  while (
    i < span.to &&
    (["and", "then", "the", "they", "it", "this", "that"].includes(s.word(i)) || ACCOUNT_WORDS.has(s.word(i)))
  )
    i += 1;
  let needs = false;
  while (i < span.to && AGENT_LEADS.has(s.word(i))) {
    lead = true;
    if (NEED_LEADS.has(s.word(i))) needs = true;
    i += 1;
  }
  if (!lead) return null;
  let base: string | null = null;
  if (participleLike(s.word(i)) && s.word(i - 1) !== "to") {
    base = agentBase(s.word(i));
    i += 1;
  }
  const prep = s.find({ from: i, to: span.to }, ["by", "from"]);
  const doerAt =
    prep === null
      ? -1
      : ["the", "our", "a", "an", "their", "its"].includes(s.word(prep.i + 1))
        ? prep.i + 2
        : prep.i + 1;
  const saysDoer =
    prep !== null &&
    (s.lexicon.matchAt(s.tokens, doerAt, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) !== null ||
      /^\p{Lu}/u.test(s.word(doerAt) === "" ? "" : s.text.slice(s.tokens[doerAt]!.start, s.tokens[doerAt]!.end)));
  // "should get Anna a follow-up task": the doer right after the verb is said, and read below.
  if (needs && base === null && !saysDoer && ["a", "an"].includes(s.word(i))) return neededThing(s, span, i);
  if (prep === null) return null;
  let who = prep.i + 1;
  while (["the", "our", "a", "an", "their", "its"].includes(s.word(who))) who += 1;
  const match =
    s.lexicon.matchAt(s.tokens, prep.i + 1, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) ??
    s.lexicon.matchAt(s.tokens, who, s.text, (e) => ASSIGNEE_KINDS.has(e.kind));
  if (match === null) {
    // "by Peter", "from Jennifer Walsh": someone the directory does not have. Named; nothing is drafted.
    let end = who;
    while (end < span.to && /^\p{Lu}/u.test(s.text.slice(s.tokens[end]!.start, s.tokens[end]!.end))) end += 1;
    if (end === who || base === null) return null;
    s.unknown(s.phrase(who, end));
    s.use(span.from, span.to);
    return [];
  }
  const assignees = assigneesIn(s, { from: prep.i + 1, to: match.to }, null, true);
  let k = match.to;
  while (["and", "or"].includes(s.word(k)) && k + 1 < span.to) {
    const more = s.lexicon.matchAt(s.tokens, s.word(k + 1) === "the" ? k + 2 : k + 1, s.text, (e) =>
      ASSIGNEE_KINDS.has(e.kind),
    );
    if (more === null || more.to > span.to) break;
    assignees.push(...assigneesIn(s, { from: k + 1, to: more.to }, null, true));
    k = more.to;
  }
  if (assignees.length === 0) return null;
  const due = dueIn(s, span) ?? (atOnce(s, span) ? 0 : null);
  // The thing, between the participle (or "get") and the doer, deadline words left out.
  const words: string[] = [];
  let head = -1;
  for (let j = i; j < prep.i; j += 1) {
    if (s.used[j] || ["a", "an", "the", "one", "some"].includes(s.word(j))) continue;
    if (["within", "due", "by"].includes(s.word(j)) || (s.word(j) === "in" && readDuration(s.tokens, j + 1) !== null))
      break;
    words.push(s.word(j));
    head = j;
  }
  const thing = templateWords(words).filter((w) => !TASK_NOUNS.has(w));
  // "the account must be reviewed by compliance": the account reviewed asks for a verdict, as "review it" does.
  const isReview =
    (head >= 0 && REVIEW_HEADS.has(s.word(head)) && !MEETING_VERBS.has(base ?? "")) ||
    (head < 0 && base !== null && VERDICT_VERBS.has(base));
  let template: string;
  if (thing.length > 0 && words.length > 0 && !PRONOUNS.has(words[0] as string)) template = slugOf(thing);
  else if (base !== null) template = slugOf([NOMINAL[base] ?? base]);
  else return null;
  s.use(span.from, span.to);
  const title = s.phrase(span.from, span.to);
  const dueInDays = due ?? DEFAULT_DUE_DAYS;
  return assignees.map(({ assignee }) =>
    isReview
      ? { kind: "OPEN_REVIEW", reviewType: template, title, assignee, dueInDays }
      : { kind: "CREATE_TASK", template, title, assignee, dueInDays },
  );
}

/** Leads that say the account needs or gets a thing ("the account needs a review", "it should get a call"). */
const NEED_LEADS = new Set(["need", "needs", "require", "requires", "get", "gets", "receive", "receives"]);
/** Heads of things an account can need done for it, with no doer said. */
const NEEDED_HEADS = new Set([...REVIEW_HEADS, ...TASK_NOUNS, "call", "visit", "check", "check-in", "audit"]);

/**
 * "the account needs a review by end of day", "it should get a check-in call within 2 days": a thing the
 * account needs with no doer said is the account owner's, as a passive with no doer is ("must be escalated").
 * Null when what follows is no task or review.
 */
function neededThing(s: Sentence, span: Span, from: number): PlaybookAction[] | null {
  const words: string[] = [];
  let head = -1;
  for (let j = from; j < span.to; j += 1) {
    if (["a", "an", "the", "one", "some"].includes(s.word(j))) continue;
    if (
      ["within", "due", "by", "before"].includes(s.word(j)) ||
      (s.word(j) === "in" && readDuration(s.tokens, j + 1) !== null)
    )
      break;
    words.push(s.word(j));
    head = j;
  }
  if (head < 0 || !NEEDED_HEADS.has(s.word(head))) return null;
  const due = dueIn(s, span) ?? (atOnce(s, span) ? 0 : null);
  const thing = templateWords(words).filter((w) => !TASK_NOUNS.has(w));
  const template = thing.length > 0 ? slugOf(thing) : "follow-up";
  s.use(span.from, span.to);
  const title = s.phrase(span.from, span.to);
  const dueInDays = due ?? DEFAULT_DUE_DAYS;
  const assignee = { kind: "ACCOUNT_OWNER" } as const;
  return REVIEW_HEADS.has(s.word(head))
    ? [{ kind: "OPEN_REVIEW", reviewType: template, title, assignee, dueInDays }]
    : [{ kind: "CREATE_TASK", template, title, assignee, dueInDays }];
}

/** Where the thing starts when a doer the directory has stands at i followed by "a"/"an" ("Huatong a visit"). */
function doerThenThing(s: Sentence, i: number): number | null {
  const at = s.word(i) === "the" ? i + 1 : i;
  const doer = s.lexicon.matchAt(s.tokens, at, s.text, (e) => ASSIGNEE_KINDS.has(e.kind));
  if (doer === null) return null;
  let end = doer.to;
  if (["team", "department", "group"].includes(s.word(end))) end += 1;
  return ["a", "an"].includes(s.word(end)) ? end : null;
}

/** Words after a participle that make it an action said in the passive with its auxiliary left out. */
const ELIDED_FOLLOWERS = new Set(["to", "as", "for", "with", "by", "into", "onto", "on", "in", "within", "due"]);

/**
 * "… and posted to #cs-alerts", "synced to the ERP", "… and flagged": a participle of an action verb that
 * goes on a passive said before, its auxiliary left out ("should be flagged as watch-list and posted to
 * Slack", "gets tagged as at-risk, synced to the ERP and assigned to Finance"). The verb, or null. Only
 * before a preposition or at the end, so "escalated tickets" stays a noun phrase.
 */
function elidedParticiple(s: Sentence, i: number, to: number): string | null {
  const base = participleBase(s.word(i));
  if (base === null) return null;
  return i + 1 >= to || ELIDED_FOLLOWERS.has(s.word(i + 1)) ? base : null;
}

/**
 * "… and the account flagged as at-risk", "… and the affected chargers tagged for recall": the records, then
 * a participle going on a passive said before. The participle's index, or null.
 */
function recordsThenParticiple(s: Sentence, i: number, to: number): number | null {
  let k = i;
  if (["the", "its", "their", "those", "these", "affected"].includes(s.word(k))) k += 1;
  if (s.word(k) === "affected") k += 1;
  const records = (w: string) => ACCOUNT_WORDS.has(w) || ASSET_WORDS.has(w) || BATCH_WORDS.has(w);
  if (!records(s.word(k))) return null;
  k += 1;
  return k < to && elidedParticiple(s, k, to) !== null ? k : null;
}

/** Verbs whose participle takes the thing given right after it ("the owner given a task", "Finance sent a review"). */
const GIVEN_PARTICIPLES = new Set(["give", "assign", "hand", "send", "offer"]);
/** Words that end the object before an elided participle: the participle must come before them. */
const OBJECT_STOPS = new Set(["for", "to", "by", "and", "or", "should", "must", "will", "is", "are", "be", "with"]);

/**
 * "…, a legal review opened for the legal team", "…, the account owner given a task to …", "…, the CS
 * team notified": in a list of passives with "be" said once, an object (a determiner and up to four words)
 * then a participle of an action verb, followed by a preposition, the list's end, or (for "given",
 * "assigned") the thing given. The participle's index and verb, or null.
 */
function objectThenParticiple(s: Sentence, i: number, to: number): { participle: number; base: string } | null {
  let k = i;
  while (["and", "then", "also"].includes(s.word(k))) k += 1;
  // "Finance assigned a credit review": a doer said with no determiner is the object too.
  const named = s.lexicon.matchAt(s.tokens, k, s.text, (e) => ASSIGNEE_KINDS.has(e.kind));
  if (!["a", "an", "the", "its", "their", "another", "our"].includes(s.word(k)) && named === null) return null;
  for (let p = named !== null && k === named.from ? named.to : k + 2; p < Math.min(to, k + 6); p += 1) {
    if (OBJECT_STOPS.has(s.word(p - 1))) return null;
    const base = participleBase(s.word(p));
    if (base === null) continue;
    const next = s.word(p + 1);
    if (p + 1 >= to || ELIDED_FOLLOWERS.has(next) || (GIVEN_PARTICIPLES.has(base) && ["a", "an"].includes(next)))
      return { participle: p, base };
    return null;
  }
  return null;
}

/** Reads one action clause (a verb and what follows, up to the next "and <verb>"). */
/** Words that make a doer own a thing: "in charge of", "responsible for", "accountable for", "on point for". */
const CHARGE_PHRASES = ["in charge of", "responsible for", "accountable for", "on point for", "the owner of"];

/** Verbs that hand a task on to "them" said of the doer named before ("… and ask them to …"). */
const ECHO_VERBS = new Set(["ask", "tell", "get", "remind", "instruct", "require"]);

/** A doer an action named, with the words that named it. */
type Doer = { match: LexiconMatch; assignee: Assignee };

function parseOne(
  s: Sentence,
  span: Span,
  inherited: string | null,
  previous: readonly Doer[] = [],
  carried: readonly Doer[] = [],
): { actions: PlaybookAction[]; verb: string | null; ok: boolean; doers?: Doer[]; bySubject?: boolean } {
  let bySubject = false;
  const v = verbIndex(s, span);
  // "should get a call from Sarah", and "get a quality review from compliance" after accounts said first.
  const gets = v !== null && ["get", "receive"].includes(s.word(v));
  if (
    v === null ||
    (gets && MODAL_LEADS.has(s.word(v - 1)) && v > span.from) ||
    (gets && v === span.from && ["a", "an"].includes(s.word(v + 1)))
  ) {
    const byAgent = agentAction(s, span);
    if (byAgent !== null) return { actions: byAgent, verb: null, ok: true };
  }
  let verb: string | null = v === null ? null : s.word(v);
  let rest = v === null ? span.from : v + 1;
  let passive: ReturnType<typeof passiveAction> = null;
  // A passive going on from one said before, its auxiliary left out ("…, the owner given a task").
  let elidedAux = false;
  if (v === null) {
    // "… and a welcome call for Raj": the previous verb carries on.
    let k = span.from;
    while (k < span.to && ACTION_LEADERS.has(s.word(k))) k += 1;
    passive = passiveAction(s, span);
    const subject = passive === null ? subjectAction(s, span) : null;
    // Only going on from something said before ("… and posted to Slack", ", synced to the ERP"): a piece
    // that starts so ("Accounts flagged as at-risk that turn red: …") says which accounts.
    const goesOn = ["and", "or", "plus", "then"].includes(s.word(span.from)) || s.gapBefore(span.from).includes(",");
    const elided = goesOn && passive === null && k < span.to ? elidedParticiple(s, k, span.to) : null;
    const recordsFirst = goesOn && passive === null && elided === null ? recordsThenParticiple(s, k, span.to) : null;
    const objectFirst =
      goesOn && passive === null && elided === null && recordsFirst === null && subject === null
        ? objectThenParticiple(s, k, span.to)
        : null;
    if (recordsFirst !== null) {
      // "… and the account flagged as at-risk": the records, then what is done to them (a flag's target
      // is read from the records; anything else goes on after the participle).
      verb = elidedParticiple(s, recordsFirst, span.to);
      rest = FLAG_VERBS.has(verb as string) ? k : recordsFirst + 1;
      s.use(span.from, FLAG_VERBS.has(verb as string) ? k : recordsFirst + 1);
      s.use(recordsFirst);
    } else if (elided !== null) {
      // "… and posted to Slack", "synced to the ERP": the passive before goes on with another verb.
      verb = elided;
      rest = k + 1;
      s.use(span.from, k + 1);
    } else if (objectFirst !== null) {
      // "…, a legal review opened for legal, and the owner given a task": the passive before goes on with
      // another object and participle, read as "open a legal review for legal", "give the owner a task".
      verb = objectFirst.base;
      rest = k;
      s.use(span.from, k);
      s.use(objectFirst.participle);
      elidedAux = true;
    } else if (passive !== null) {
      // "a rescue task should be created for ops", "the owner should be notified": the object first, read
      // as "create a rescue task for ops", "notify the owner".
      verb = passive.base;
      rest = k;
      s.use(span.from, k);
      s.use(passive.aux, passive.participle + 1);
    } else if (subject !== null) {
      // "the owner should call them": the doer first, as "have the owner call them".
      verb = "have";
      rest = subject;
      bySubject = true;
      s.use(span.from, subject);
    } else if (inherited !== null && ["a", "an", "another", "one"].includes(s.word(k))) {
      verb = inherited;
      rest = k;
    } else if (
      nominalLead(s, k, span.to) !== null &&
      nominalAction(s, { from: nominalLead(s, k, span.to) as number, to: span.to })
    ) {
      // "there should be a check-in call by Sarah", "the next step is a credit review by the credit team".
      const lead = nominalLead(s, k, span.to) as number;
      verb = "create";
      rest = lead;
      s.use(span.from, lead);
    } else if (nominalAction(s, { from: k, to: span.to })) {
      // "→ a win-back task for the account manager", ": an on-site audit by Quality": the thing alone.
      verb = "create";
      rest = k;
      s.use(span.from, k);
    } else if (doerThenThing(s, k) !== null && s.word(span.from) === "and") {
      // "… and Huatong a site-visit task": the doer and the thing of the verb before.
      verb = "give";
      rest = k;
    } else return { actions: [], verb: null, ok: false };
  } else s.use(span.from, v + 1);
  if (verb === "set" && s.word(rest) === "up") rest += 1;
  if (verb === "kick" && s.word(rest) === "off") rest += 1;
  const body: Span = { from: rest, to: span.to };
  let due = dueIn(s, body) ?? (atOnce(s, span) ? 0 : null);

  const webhooks = s.matches(body, (e) => e.kind === "WEBHOOK_ENDPOINT", false);
  if (webhooks.length > 0) {
    webhooks.forEach((m) => {
      s.use(m.from, m.to);
      s.term(m.text, "WEBHOOK_ENDPOINT", m.entries[0]!.id);
    });
    // "sync it to HubSpot and the ERP": a system in the same list that the tenant has no endpoint for.
    for (const other of unknownListedSystems(s, body, webhooks)) {
      s.unknown(s.phrase(other.from, other.to));
      s.use(other.from, other.to);
    }
    s.use(body.from, body.to);
    return { actions: webhooks.map((m) => ({ kind: "CALL_WEBHOOK", endpointId: m.entries[0]!.id })), verb, ok: true };
  }

  const listed = listFlag(s, verb as string, body);
  if (listed !== null) {
    s.use(body.from, body.to);
    return { actions: [{ kind: "FLAG_RECORDS", target: "ACCOUNT", flag: listed, note: null }], verb, ok: true };
  }

  if (FLAG_VERBS.has(verb as string)) {
    let target: "ACCOUNT" | "ASSET" | "BATCH" = "ACCOUNT";
    let sawTarget = false;
    let flag: string | null = null;
    for (let j = body.from; j < body.to; j += 1) {
      const w = s.word(j);
      if (w === "as") {
        // "as out-of-service", "as on-hold": words joined by hyphens are kept whole.
        const hyphened = (k: number) => s.gapBefore(k) === "-" || s.gapBefore(k + 1) === "-";
        flag = slugOf(
          Array.from({ length: body.to - j - 1 }, (_, k) => j + 1 + k)
            .filter((k) => !FUNCTION_WORDS.has(s.word(k)) || s.word(k) === "at" || hyphened(k))
            .map((k) => s.word(k)),
        );
        break;
      }
      if (BATCH_WORDS.has(w)) target = "BATCH";
      else if (ASSET_WORDS.has(w) && target !== "BATCH") target = "ASSET";
      if (BATCH_WORDS.has(w) || ASSET_WORDS.has(w) || ACCOUNT_WORDS.has(w))
        sawTarget = sawTarget || !["them", "it"].includes(w);
    }
    if (!sawTarget && s.find(body, ["them", "these", "those", "it"]) !== null) {
      // "inspect the vehicles … and flag them": the records named last before.
      for (let k = body.from - 1; k >= 0; k -= 1) {
        if (BATCH_WORDS.has(s.word(k))) {
          target = "BATCH";
          break;
        }
        if (ASSET_WORDS.has(s.word(k))) {
          target = "ASSET";
          break;
        }
      }
    }
    s.use(body.from, body.to);
    return { actions: [{ kind: "FLAG_RECORDS", target, flag: flag ?? "", note: null }], verb, ok: true };
  }

  // "raise a churn-risk flag on the account", "add an at-risk tag to the vehicles": a flag said as a noun.
  const flagNoun = s.find(body, ["flag", "flags", "tag", "tags", "label", "labels"]);
  if (
    flagNoun !== null &&
    ["raise", "add", "set", "put", "create", "make"].includes(verb as string) &&
    flagNoun.i - skipDeterminers(s, body.from) <= 4
  ) {
    const words: string[] = [];
    for (let j = skipDeterminers(s, body.from); j < flagNoun.i; j += 1) words.push(s.word(j));
    let target: "ACCOUNT" | "ASSET" | "BATCH" = "ACCOUNT";
    for (let j = flagNoun.i + 1; j < body.to; j += 1) {
      if (BATCH_WORDS.has(s.word(j))) target = "BATCH";
      else if (ASSET_WORDS.has(s.word(j)) && target !== "BATCH") target = "ASSET";
    }
    s.use(body.from, body.to);
    const flag = slugOf(words.filter((w) => !FUNCTION_WORDS.has(w)));
    return { actions: [{ kind: "FLAG_RECORDS", target, flag, note: null }], verb, ok: true };
  }

  const intent = s.find(body, ["intent signal", "intent", "buying signal", "signal"]);
  if (
    intent !== null &&
    [
      "raise",
      "create",
      "add",
      "record",
      "log",
      "emit",
      "set",
      "make",
      "register",
      "trigger",
      "fire",
      "generate",
    ].includes(verb as string)
  ) {
    const words: string[] = [];
    // "an at-risk intent": a word joined by a hyphen is kept, even a small one.
    for (let j = skipDeterminers(s, body.from); j < intent.i; j += 1)
      words.push(FUNCTION_WORDS.has(s.word(j)) && s.gapBefore(j + 1) === "-" ? `${s.word(j)}-` : s.word(j));
    // "a buying-intent signal": the compound is the intent's name.
    if (words.length > 0 && s.word(intent.i) === "intent" && s.gapBefore(intent.i) === "-") words.push("intent");
    if (words.length === 0) {
      const of = s.find({ from: intent.i + intent.n, to: body.to }, ["of", "for", "called", "named"]);
      if (of !== null) for (let j = of.i + 1; j < body.to; j += 1) words.push(s.word(j));
    }
    s.use(body.from, body.to);
    return {
      actions: [
        { kind: "RAISE_INTENT_SIGNAL", intent: slugOf(words.filter((w) => !FUNCTION_WORDS.has(w))) || "intent" },
      ],
      verb,
      ok: true,
    };
  }

  // Who gets it, and what it is.
  let assigneeSpan: Span = body;
  let thingFrom = body.from;
  // A verb that is itself the thing to do: "call them back", "visit the site".
  let vpWords: string[] | null =
    !CREATE_VERBS.has(verb as string) && !GIVE_VERBS.has(verb as string) && !DELEGATE_VERBS.has(verb as string)
      ? []
      : null;
  if (vpWords !== null) thingFrom = v ?? span.from;
  let delegated: Doer[] = [];
  // "put Sarah in charge of a recovery plan", "make the credit officer responsible for a limit review".
  const charge = ["put", "make"].includes(verb as string) && directObject(s, body);
  if (DELEGATE_VERBS.has(verb as string) || charge || (GIVE_VERBS.has(verb as string) && directObject(s, body))) {
    // "have the support lead call them back", "give GreenVolt Service an inspection task"
    let j = body.from;
    // "loop in the key account team", "have someone from the CS team call them", "get a member of Quality to …":
    // the doer is the team named.
    if (verb === "loop" && s.word(j) === "in") {
      s.use(j);
      j += 1;
    }
    if (
      ["someone", "somebody", "anyone", "one", "member", "members", "person", "a"].includes(s.word(j)) &&
      ["from", "in", "on", "of", "at"].includes(s.word(j + (s.word(j) === "a" ? 2 : 1)))
    ) {
      const k = j + (s.word(j) === "a" ? 3 : 2);
      const doer = s.lexicon.matchAt(s.tokens, s.word(k) === "the" ? k + 1 : k, s.text, (e) =>
        ASSIGNEE_KINDS.has(e.kind),
      );
      if (doer !== null && (s.word(j) !== "a" || ["member", "person"].includes(s.word(j + 1)))) {
        s.use(j, k);
        j = k;
        body.from = k;
      }
    }
    // "its regional partner", "their owner": the account's.
    while (["the", "both", "each", "either", "of", "a", "an", "our", "your", "its", "their"].includes(s.word(j))) {
      s.use(j);
      j += 1;
    }
    // "the region's service partner", "the account's reseller": whose partner it is.
    // "the account's region's service partner": owners in a chain.
    let owners = j;
    while (
      PARTNER_OWNER_WORDS.has(s.word(owners)) &&
      s.lexicon.matchAt(s.tokens, owners, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) === null
    )
      owners += 1;
    if (owners > j && s.lexicon.matchAt(s.tokens, owners, s.text, (e) => e.kind === "ORGANIZATION_KIND") !== null) {
      s.use(j, owners);
      j = owners;
    }
    // "have Dr. Müller and the service manager triage it": someone the directory does not have, listed
    // before a doer it has, is named; the doer it has still gets the action.
    const unknownFirst = unknownNameAt(s, j, body.to);
    if (unknownFirst !== null && unknownFirst < body.to) {
      const joined = s.word(unknownFirst) === "and" || s.word(unknownFirst) === "or" ? unknownFirst + 1 : unknownFirst;
      const next = s.word(joined) === "the" ? joined + 1 : joined;
      const known = s.lexicon.matchAt(s.tokens, next, s.text, (e) => ASSIGNEE_KINDS.has(e.kind));
      if (known !== null && (joined > unknownFirst || s.gapBefore(unknownFirst).includes(","))) {
        s.unknown(s.phrase(j, unknownFirst));
        s.use(j, next);
        j = next;
        body.from = next;
      }
    }
    let first =
      s.lexicon.matchAt(s.tokens, body.from, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) ??
      s.lexicon.matchAt(s.tokens, j, s.text, (e) => ASSIGNEE_KINDS.has(e.kind));
    if (first === null && ASSIGNEE_ADJECTIVES.has(s.word(j))) {
      // "the local service provider", "the responsible account manager"
      first = s.lexicon.matchAt(s.tokens, j + 1, s.text, (e) => ASSIGNEE_KINDS.has(e.kind));
    }
    // "our partner Apex", "the distributor Apex Distribution": a partner word before the partner's name.
    if (first !== null && first.entries[0]?.kind === "ORGANIZATION_KIND") {
      const named = s.lexicon.matchAt(s.tokens, first.to, s.text, (e) => e.kind === "ORGANIZATION");
      if (named !== null) {
        s.use(body.from, first.to);
        body.from = first.to;
        first = named;
      }
    }
    const possessive = first === null ? null : first;
    if (possessive !== null && possessive.to <= body.to) {
      const list = assigneesIn(s, { from: body.from, to: possessive.to }, null, true);
      delegated = list;
      let k = possessive.to;
      // "X and Y"
      while ((s.word(k) === "and" || s.word(k) === "or" || s.gapBefore(k).includes(",")) && k + 1 < body.to) {
        // "X and Y", "X, Y and Z"
        const joined = s.word(k) === "and" || s.word(k) === "or" ? k + 1 : k;
        const more = s.lexicon.matchAt(s.tokens, s.word(joined) === "the" ? joined + 1 : joined, s.text, (e) =>
          ASSIGNEE_KINDS.has(e.kind),
        );
        // "have the service manager and Peter Smith triage it": a name the directory does not have in the
        // list is named, and the list goes on after it.
        const stranger = more === null ? unknownNameAt(s, joined, body.to) : null;
        if (more === null && stranger !== null && stranger < body.to) {
          s.unknown(s.phrase(joined, stranger));
          s.use(k, stranger);
          k = stranger;
          continue;
        }
        if (more === null) break;
        delegated.push(...assigneesIn(s, { from: joined, to: more.to }, null));
        s.use(k, joined);
        k = more.to;
        if (["team", "department", "group"].includes(s.word(k))) {
          s.use(k);
          k += 1;
        }
      }
      // "the partner that serves the region": whom the partner serves says which partner it is.
      const served = servesClauseEnd(s, k);
      if (served > k) {
        s.use(k, served);
        k = served;
      }
      thingFrom = k;
      // "Tom Becker from Quality": the person's team or place says who they are, nothing to do.
      if (["from", "of", "at", "in"].includes(s.word(thingFrom))) {
        const to = s.find({ from: thingFrom, to: Math.min(body.to, thingFrom + 5) }, ["to"]);
        const team = s.lexicon.matchAt(
          s.tokens,
          s.word(thingFrom + 1) === "the" ? thingFrom + 2 : thingFrom + 1,
          s.text,
          (e) => ["TEAM", "ROLE", "ORGANIZATION"].includes(e.kind),
        );
        if (to !== null) {
          s.use(thingFrom, to.i);
          thingFrom = to.i;
        } else if (team !== null && team.to < body.to && delegated[0]?.assignee.kind === "USER") {
          // "have Tom Becker from Quality call the plant": the team says who Tom is.
          let end = team.to;
          if (["team", "department", "group"].includes(s.word(end))) end += 1;
          s.use(thingFrom, end);
          thingFrom = end;
        } else if (delegated[0]?.assignee.kind === "USER" && ["from", "of"].includes(s.word(thingFrom))) {
          // "Tom Becker from Quality", "Anna of Finance": a capitalised name of where the person works.
          let end = thingFrom + 1;
          if (s.word(end) === "the") end += 1;
          const named = end;
          while (end < body.to && /^\p{Lu}/u.test(s.phrase(end, end + 1))) end += 1;
          if (["team", "department", "group"].includes(s.word(end))) end += 1;
          if (end > named && end < body.to) {
            s.use(thingFrom, end);
            thingFrom = end;
          }
        }
      }
      while (
        [
          "team",
          "department",
          "group",
          "people",
          "folks",
          "desk",
          "each",
          "both",
          "know",
          "should",
          "must",
          "will",
          "shall",
          "needs",
          "need",
          "has",
          "is",
          "can",
          "gets",
          "receives",
          "ought",
          "would",
          "may",
          "could",
          "are",
          "have",
        ].includes(s.word(thingFrom)) ||
        (s.word(thingFrom) === "to" &&
          ["needs", "need", "has", "is", "ought", "have", "are"].includes(s.word(thingFrom - 1)))
      ) {
        s.use(thingFrom);
        thingFrom += 1;
      }
      const charged = s.find({ from: thingFrom, to: Math.min(body.to, thingFrom + 3) }, CHARGE_PHRASES, thingFrom);
      if (charged !== null && charged.i === thingFrom) {
        s.use(thingFrom, thingFrom + charged.n);
        thingFrom += charged.n;
      }
      // "the onboarding team should be assigned a kickoff task": past the passive's words.
      while (thingFrom < body.to && s.used[thingFrom] && (passive !== null || elidedAux)) thingFrom += 1;
      if (s.word(thingFrom) === "to") thingFrom += 1;
      // "ask Apex for a stock review", "request an engagement plan from X": the thing asked for names it.
      if (
        s.word(thingFrom) === "for" &&
        ["ask", "get", "request", "ping", "email", "e-mail", "message", "remind", "page"].includes(verb as string) &&
        ["a", "an", "the", "one", "some"].includes(s.word(thingFrom + 1))
      ) {
        s.use(thingFrom);
        thingFrom += 1;
      }
      // "… and Huatong gets one to visit": "one" is a task, and what follows "to" names it.
      if (s.word(thingFrom) === "one" && s.word(thingFrom + 1) === "to" && !s.used[thingFrom + 2]) {
        s.use(thingFrom, thingFrom + 2);
        thingFrom += 2;
      }
      // "give Field Service 3 days to inspect the line", "Tom gets a week to call them": the time is the deadline.
      const allowed = durationAt(s, thingFrom);
      if (allowed !== null && s.word(allowed.to) === "to" && !["the", "a", "an"].includes(s.word(allowed.to + 1))) {
        due = due ?? wholeDays(allowed.days);
        s.use(thingFrom, allowed.to + 1);
        thingFrom = allowed.to + 1;
        vpWords = [];
      } else if (["a", "an", "the", "one"].includes(s.word(thingFrom)) || GIVE_VERBS.has(verb as string))
        vpWords = null;
      else vpWords = [];
    } else if (
      ECHO_VERBS.has(verb as string) &&
      ["them", "him", "her"].includes(s.word(j)) &&
      s.word(j + 1) === "to" &&
      previous.length > 0
    ) {
      // "notify Nordlicht and ask them to check the chargers": the doer named just before.
      delegated = [...previous];
      s.use(j, j + 2);
      thingFrom = j + 2;
      vpWords = [];
    } else if (DELEGATE_VERBS.has(verb as string)) {
      // An unknown person or party: name it rather than guess.
      let end = j;
      while (end < body.to && /^\p{Lu}/u.test(s.text.slice(s.tokens[end]!.start, s.tokens[end]!.end))) end += 1;
      if (end > j) {
        // What they were to do is no action of the draft: no one the playbook can assign would do it.
        s.unknown(s.phrase(j, end));
        s.use(span.from, span.to);
        return { actions: [], verb, ok: true };
      } else return { actions: [], verb, ok: false };
    }
  }

  let template: string;
  let isReview = false;
  let isTaskNoun = false;
  let thingEnd: number;
  if (vpWords !== null) {
    // A verb phrase: "call them back", "check the store", "visit the customer", "send them a case study".
    while (thingFrom < body.to && s.used[thingFrom] && thingFrom !== v) thingFrom += 1;
    // "come out and inspect the chargers", "go over and check the line": the going is part of the doing.
    const motionEnd = motionBefore(s, thingFrom, body.to);
    if (motionEnd !== null) {
      s.use(thingFrom, motionEnd);
      thingFrom = motionEnd;
    }
    thingEnd = thingFrom;
    const words: string[] = [];
    while (
      thingEnd < body.to &&
      !(
        ["within", "by", "and", "for", "before", "after", "when", "if"].includes(s.word(thingEnd)) ||
        deadlineDue(s, thingEnd)
      )
    ) {
      // "set up a call with their champion": whom the thing is with is not its name.
      const withEnd = words.length > 0 ? counterpartEnd(s, thingEnd, body.to) : null;
      if (withEnd !== null) {
        s.use(thingEnd, withEnd);
        thingEnd = withEnd;
        continue;
      }
      // Words already understood (a deadline such as "the same day") are not part of the task's name.
      if (!s.used[thingEnd] || thingEnd === v) words.push(s.word(thingEnd));
      thingEnd += 1;
    }
    // "the chargers should be inspected by GreenVolt": the object said first, then the verb.
    if (passive !== null && v === null && words.length > 0 && words[0] !== passive.base) words.unshift(passive.base);
    if (words.length === 0)
      template = slugOf([
        NOTIFY_VERBS.has(verb as string)
          ? "notify"
          : verb === "have" || verb === "get"
            ? "follow-up"
            : (verb as string),
      ]);
    else template = verbPhraseSlug(words);
    // "open a sanctions review the same day": the head noun is the last word not already understood.
    let headEnd = thingEnd;
    while (headEnd > thingFrom + 1 && s.used[headEnd - 1] && headEnd - 1 !== v) headEnd -= 1;
    const inner = thingOf(s, thingFrom, headEnd);
    // "sign off on the account", "sign off the discount": a verdict, as "approve" is.
    const signOff = words[0] === "sign" && words[1] === "off";
    if (signOff) words.splice(0, 2, "sign-off");
    const verdictVerb = VERDICT_VERBS.has(words[0] ?? "");
    const verdict = verdictVerb && asksVerdict(s, words, delegated);
    isReview = verdict || (inner.isReview && !words.some((w) => MEETING_VERBS.has(w)) && words[0] !== "book");
    if (verdictVerb) template = reviewSlug(words);
    s.use(thingFrom, thingEnd);
  } else {
    const start = skipDeterminers(s, thingFrom);
    thingEnd = nounPhraseEnd(s, start, body.to);
    const thing = thingOf(s, start, thingEnd);
    // "a 30-minute call with the champion": whom the thing is with is understood, and not its name.
    const withEnd = thingEnd > start ? counterpartEnd(s, thingEnd, body.to) : null;
    if (withEnd !== null) s.use(thingEnd, withEnd);
    let words = thing.words;
    if (thing.isTask && s.word(thingEnd) === "to" && !["the", "a", "an", "our", "my"].includes(s.word(thingEnd + 1))) {
      // "a task to visit the customer"
      const vp: string[] = [];
      let k = thingEnd + 1;
      while (
        k < body.to &&
        !(
          ["within", "by", "and", "for", "before", "after", "when", "if", "whenever"].includes(s.word(k)) ||
          deadlineDue(s, k)
        )
      ) {
        vp.push(s.word(k));
        k += 1;
      }
      if (words.length === 0 && vp.length > 0) {
        s.use(thingEnd, k);
        thingEnd = k;
        words = [];
        template = verbPhraseSlug(vp);
      } else template = slugOf(words);
    } else template = slugOf(templateWords(words));
    isTaskNoun = thing.isTask || thing.isReview;
    isReview =
      thing.isReview && !MEETING_VERBS.has(verb as string) && !words.includes("business") && !words.includes("qbr");
    s.use(thingFrom, thingEnd);
    if (template === "")
      template =
        NOMINAL[verb as string] ??
        (CREATE_VERBS.has(verb as string) || GIVE_VERBS.has(verb as string) ? "follow-up" : slugOf([verb as string]));
  }

  const exclude: Span = { from: thingFrom, to: thingEnd };
  if (delegated.length === 0) {
    const prep = s.find({ from: thingEnd, to: body.to }, ["for", "to", "assigned to", "owned by", "with"]);
    assigneeSpan = prep === null ? { from: thingEnd, to: body.to } : { from: prep.i, to: body.to };
    delegated = assigneesIn(s, assigneeSpan, exclude);
    if (prep !== null && delegated.length > 0) s.use(prep.i, prep.i + prep.n);
    // "route it to the CS team for a recovery plan", "assign it to Raj for a health check": what it is for names it.
    const last = delegated[delegated.length - 1];
    let after = last === undefined ? -1 : last.match.to;
    if (["team", "department", "group"].includes(s.word(after))) after += 1;
    if (
      last !== undefined &&
      thingEnd <= thingFrom + 1 &&
      s.word(after) === "for" &&
      ["a", "an"].includes(s.word(after + 1))
    ) {
      const start = skipDeterminers(s, after + 1);
      const end = nounPhraseEnd(s, start, body.to);
      const named = thingOf(s, start, end);
      if (named.words.length > 0 || named.isReview) {
        template = slugOf(templateWords(named.words)) || template;
        isReview = named.isReview && !MEETING_VERBS.has(verb as string);
        s.use(after, end);
      }
    }
    // "open a ticket for GreenVolt to inspect the chargers": what the doer is to do names the task.
    if (vpWords === null && last !== undefined && isTaskNoun && s.word(last.match.to) === "to") {
      const from = last.match.to + 1;
      let k = from;
      const vp: string[] = [];
      while (
        k < body.to &&
        !["within", "by", "and", "before", "after", "when", "if", "inside"].includes(s.word(k)) &&
        !deadlineDue(s, k)
      ) {
        if (!s.used[k]) vp.push(s.word(k));
        k += 1;
      }
      if (vp.length > 0 && !["the", "a", "an", "them", "it"].includes(vp[0] as string)) {
        if (["follow-up", ""].includes(template) || TASK_NOUNS.has(template)) template = verbPhraseSlug(vp);
        s.use(last.match.to, k);
      }
    }
    // "schedule a Huatong visit", "book a Raj call": a person or partner named inside the thing does it (a
    // role or team there names the thing: "a compliance review", "a quality-team audit").
    if (delegated.length === 0) {
      for (const m of s.matches(exclude, (e) => e.kind === "USER" || e.kind === "ORGANIZATION", false))
        delegated.push(...assigneesIn(s, m, null, true));
    }
    if (delegated.length === 0) {
      // "log it in Jira", "create a ticket in Zendesk": a system the tenant has no webhook endpoint for is
      // named, and nothing is drafted for it (not a task for the account owner).
      const system = unknownSystem(s, { from: thingFrom, to: body.to });
      if (system !== null) {
        s.unknown(s.phrase(system.from, system.to));
        s.use(span.from, span.to);
        return { actions: [], verb, ok: true };
      }
    }
    const carriedOn = v !== null && carried.length > 0 && !SYSTEM_VERBS.has(verb as string);
    if (delegated.length === 0 && !carriedOn && unknownDoing(s, verb as string, body, prep, isTaskNoun))
      return { actions: [], verb, ok: false };
    if (delegated.length === 0 && prep !== null) {
      // "for Peter": a name the directory does not have. Named; nothing is drafted for it.
      let k = prep.i + prep.n;
      if (s.word(k) === "the") k += 1;
      let end = k;
      while (end < body.to && /^\p{Lu}/u.test(s.text.slice(s.tokens[end]!.start, s.tokens[end]!.end))) end += 1;
      if (end > k) {
        s.unknown(s.phrase(k, end));
        s.use(span.from, span.to);
        return { actions: [], verb, ok: true };
      }
    }
  }
  // "Sarah should call them and send a summary": the doer said first does the verbs joined to theirs.
  if (delegated.length === 0 && v !== null && carried.length > 0) delegated = [...carried];
  const assignees: Assignee[] = delegated.length > 0 ? delegated.map((d) => d.assignee) : [{ kind: "ACCOUNT_OWNER" }];
  if (delegated.length === 0) {
    s.ambiguous(s.phrase(span.from, span.to), "no assignee was said; the account owner gets it");
  }
  // Account words after "for" ("for the customer") are understood.
  for (let k = body.from; k < body.to; k += 1) if (ACCOUNT_WORDS.has(s.word(k))) s.use(k);
  const dueInDays = due ?? DEFAULT_DUE_DAYS;
  let titleFrom = span.from;
  while (
    titleFrom < span.to &&
    ["and", "then", "also", "plus", "automatically", "please"].includes(s.word(titleFrom))
  ) {
    titleFrom += 1;
  }
  const title = s.phrase(titleFrom, span.to);
  const actions: PlaybookAction[] = assignees.map((assignee) =>
    isReview
      ? { kind: "OPEN_REVIEW", reviewType: template, title, assignee, dueInDays }
      : { kind: "CREATE_TASK", template, title, assignee, dueInDays },
  );
  return { actions, verb, ok: true, doers: delegated, bySubject };
}

/** Prepositions before a system something is put in ("log it in Jira", "post it to Teams"). */
const SYSTEM_PREPOSITIONS = new Set(["in", "into", "to", "on", "onto", "via", "through"]);

/** A capitalised name after a preposition that no lexicon entry knows ("in Jira"), or null. */
function unknownSystem(s: Sentence, span: Span): Span | null {
  for (let i = span.from; i < span.to; i += 1) {
    if (!SYSTEM_PREPOSITIONS.has(s.word(i)) || s.used[i + 1] === true) continue;
    let from = i + 1;
    if (s.word(from) === "the") from += 1;
    let end = from;
    while (
      end < span.to &&
      !s.used[end] &&
      /^[\p{Lu}#]/u.test(s.text.slice(s.tokens[end]!.start - (s.gapBefore(end).endsWith("#") ? 1 : 0)))
    )
      end += 1;
    if (end === from) continue;
    if (s.lexicon.matchAt(s.tokens, from, s.text, () => true) !== null) continue;
    return { from, to: end };
  }
  return null;
}

/** Lexicon kinds that are words, not names of a system ("Teams" is no team of the tenant's). */
const NOT_NAMES = new Set(["RECORD_TYPE", "EVENT_ACTION", "CONCEPT_VALUE"]);

/**
 * Capitalised names listed with the tenant's endpoints ("to HubSpot and the ERP", "to Slack, Teams and
 * ServiceNow") that no lexicon entry knows.
 */
function unknownListedSystems(s: Sentence, body: Span, endpoints: readonly LexiconMatch[]): Span[] {
  const found: Span[] = [];
  const capital = (k: number) =>
    /^[\p{Lu}#]/u.test(s.text.slice(s.tokens[k]!.start - (s.gapBefore(k).endsWith("#") ? 1 : 0)));
  for (let i = body.from; i < body.to; i += 1) {
    const known = s.lexicon.matchAt(s.tokens, i, s.text, (e) => !NOT_NAMES.has(e.kind));
    if (s.used[i] || !capital(i) || known !== null) continue;
    let before = i - 1;
    if (s.word(before) === "the") before -= 1;
    const listed =
      SYSTEM_PREPOSITIONS.has(s.word(before)) || ["and", "or"].includes(s.word(before)) || s.gapBefore(i).includes(",");
    if (!listed) continue;
    let end = i + 1;
    while (end < body.to && !s.used[end] && capital(end)) end += 1;
    // Only beside an endpoint: right before or after one, in the same list.
    const near = endpoints.some((m) => Math.abs(m.from - end) <= 2 || Math.abs(i - m.to) <= 2);
    if (near) found.push({ from: i, to: end });
    i = end - 1;
  }
  return found;
}

/** Verbs that pass something on to a system: without a webhook endpoint of the tenant, the system is unknown. */
const SYSTEM_VERBS = new Set(["post", "push", "forward", "sync", "publish", "invoke", "hit", "webhook"]);

/**
 * Whether an action with no assignee said is one the grammar cannot draft, so it is named rather than
 * guessed as a task for the account owner: something sent, handed or posted to a recipient that is neither
 * an assignee, the account nor one of the tenant's systems ("send a carrier pigeon to the board", "sync it
 * to Salesforce"), or sent without saying to whom unless it is a task ("send a brochure"). "Create a
 * follow-up task" and "send them a case study" (the account's people) stay tasks for the account owner.
 */
function unknownDoing(
  s: Sentence,
  verb: string,
  body: Span,
  prep: { i: number; n: number } | null,
  isTaskNoun: boolean,
): boolean {
  if (SYSTEM_VERBS.has(verb)) return true;
  if (!GIVE_VERBS.has(verb)) return false;
  for (let k = body.from; k < body.to; k += 1) {
    const w = s.word(k);
    if (ACCOUNT_WORDS.has(w) || ["them", "they", "their", "contacts", "contact", "people"].includes(w)) return false;
  }
  if (prep !== null && ["to", "for"].includes(s.word(prep.i))) {
    for (let k = prep.i + 1; k < body.to && !["due", "within", "by"].includes(s.word(k)); k += 1)
      if (!FUNCTION_WORDS.has(s.word(k)) && !s.used[k]) return true;
  }
  return !isTaskNoun;
}

/** Verbs asking for a verdict: "have compliance review it", "ask legal to approve the contract". */
const VERDICT_VERBS = new Set(["review", "approve", "vet", "re-review", "recheck", "sign-off"]);

/**
 * What is reviewed when a review asks for a verdict (README: "review" as an approval or verdict is
 * OPEN_REVIEW): the account or the relationship, a contract, a consent, a case, an application, a claim, a
 * limit, a decision — the things someone approves or rejects.
 */
const VERDICT_OBJECTS = new Set([
  ...["account", "accounts", "customer", "client", "relationship", "contract", "contracts", "agreement", "terms"],
  ...["consent", "consents", "case", "cases", "application", "applications", "claim", "claims", "file", "kyc"],
  ...["credit", "limit", "limits", "exposure", "risk", "decision", "exception", "exceptions", "waiver", "deal"],
  ...["discount", "discounts", "renewal", "pricing", "quote", "proposal", "request", "requests", "change"],
  ...["changes", "deletion", "erasure", "eligibility", "onboarding", "documents", "documentation", "dossier"],
  // Decisions already taken, reviewed for a verdict on them: "review discharges", "review the refunds".
  ...["discharge", "discharges", "admission", "admissions", "refund", "refunds", "write-off", "write-offs"],
  ...["chargeback", "chargebacks", "transaction", "transactions", "invoice", "invoices", "payment", "payments"],
]);

/** Words naming a doer whose reviews are verdicts: compliance, legal, credit, KYC, risk, audit. */
const VERDICT_DOERS = ["compliance", "legal", "credit", "kyc", "aml", "risk", "audit", "auditor", "counsel"];

/**
 * Whether "review …" asks for a verdict (an OPEN_REVIEW) or is work (a task): "have compliance review the
 * relationship", "tell legal to review it", "review the contract" ask for one; "have Meridian review the
 * shipping lanes", "get the vendor to review their pick routes" examine operational things, and are tasks.
 * "approve" and "vet" always ask for one. A review is a verdict when nothing but the account is named as its
 * object ("review it"), when its object is a thing approved or rejected, or when its doer is one whose
 * reviews are verdicts (compliance, legal, credit).
 */
function asksVerdict(
  s: Sentence,
  words: readonly string[],
  doers: ReadonlyArray<{ match: LexiconMatch; assignee: Assignee }>,
): boolean {
  const [verb, ...rest] = words;
  if (!["review", "re-review", "recheck"].includes(verb ?? "")) return true;
  const object = rest.filter((w) => !PRONOUNS.has(w) && !FUNCTION_WORDS.has(w) && !["their", "our", "its"].includes(w));
  if (object.length === 0 || object.some((w) => VERDICT_OBJECTS.has(w))) return true;
  const doerWords = doers.flatMap((d) =>
    s
      .phrase(d.match.from, d.match.to)
      .toLowerCase()
      .split(/[\s-]+/),
  );
  return doerWords.some((w) => VERDICT_DOERS.includes(w));
}

/** The singular of a noun in a slug ("lanes" → lane, "batteries" → battery, "routes" → route). */
function singular(w: string): string {
  if (w.length <= 3 || !w.endsWith("s") || /(ss|us|is|ics)$/.test(w)) return w;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** "review the account" → account-review; "review it" → review; "review the shipping lanes" → shipping-lane-review. */
function reviewSlug(words: readonly string[]): string {
  const [verb, ...rest] = words;
  const object = rest
    .filter((w) => !PRONOUNS.has(w) && (!FUNCTION_WORDS.has(w) || OBJECT_NOUNS.has(w)))
    .map((w, k, all) => (k === all.length - 1 ? singular(w) : w));
  const noun =
    verb === "approve"
      ? "approval"
      : verb === "audit"
        ? "audit"
        : verb === "assess"
          ? "assessment"
          : verb === "sign-off"
            ? "sign-off"
            : "review";
  return slugOf([...object, noun]);
}

/** Verbs whose noun reads after the object in a slug: "check the store" → store-check. */
const NOMINAL: Readonly<Record<string, string>> = {
  check: "check",
  visit: "visit",
  inspect: "inspection",
  review: "review",
  audit: "audit",
  call: "call",
  phone: "call",
  ring: "call",
  contact: "outreach",
  reach: "outreach",
  assess: "assessment",
  investigate: "investigation",
  verify: "verification",
  train: "training",
  onboard: "onboarding",
  follow: "follow-up",
  escalate: "escalation",
  repair: "repair",
  service: "service",
  fix: "fix",
  replace: "replacement",
  calibrate: "calibration",
  clean: "cleaning",
  invite: "invitation",
  enrol: "enrolment",
  enroll: "enrollment",
  renew: "renewal",
  confirm: "confirmation",
  diagnose: "diagnosis",
  troubleshoot: "troubleshooting",
  evaluate: "evaluation",
  analyse: "analysis",
  analyze: "analysis",
  document: "documentation",
  meet: "meeting",
};
const LIGHT_VERBS = new Set([
  // "have Anna open a churn-risk review": the thing opened names it; "ops should get a review task".
  // "build a save plan", "write a recovery plan": the thing made names it.
  ...["build", "write", "draw", "compile", "produce", "develop", "assemble", "put", "draft"],
  "get",
  "receive",
  "open",
  "create",
  "start",
  "file",
  "launch",
  "initiate",
  "book",
  "schedule",
  "arrange",
  "do",
  "run",
  "hold",
  "make",
  "plan",
  "prepare",
  "organise",
  "organize",
  "set",
  "conduct",
  "perform",
  "carry",
  "take",
]);
const PRONOUNS = new Set([
  "them",
  "him",
  "her",
  "it",
  "they",
  "us",
  "me",
  "the",
  "a",
  "an",
  "their",
  "its",
  "his",
  "up",
  "out",
  "this",
  "that",
]);

/** The words of a task's name that go into its slug ("follow-up" keeps its "up"). */
function templateWords(words: readonly string[]): string[] {
  return words.filter(
    (w, k) =>
      !FUNCTION_WORDS.has(w) ||
      (["up", "out", "back", "in", "on", "off"].includes(w) && COMPOUND_HEADS.has(words[k - 1] ?? "")),
  );
}

/** Nouns that are function words elsewhere but name the object of a task ("visit the customer"). */
const OBJECT_NOUNS = new Set(["customer", "account", "client", "company"]);

/** Whether an assignee stands right after the verb ("give the account owner a task"). */
function directObject(s: Sentence, body: Span): boolean {
  if (s.lexicon.matchAt(s.tokens, body.from, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) !== null) return true;
  let j = body.from;
  while (["the", "both", "each", "either", "of"].includes(s.word(j))) j += 1;
  return s.lexicon.matchAt(s.tokens, j, s.text, (e) => ASSIGNEE_KINDS.has(e.kind)) !== null;
}

/**
 * "with the champion", "with their CFO", "with them": after a thing to do, the customer's side it is done
 * with — no assignee, no system, a few words up to the deadline or the doer. The index after it, or null.
 */
function counterpartEnd(s: Sentence, i: number, to: number): number | null {
  if (s.word(i) !== "with") return null;
  let k = i + 1;
  if (["them", "the", "their", "its", "our", "a", "an"].includes(s.word(k))) k += 1;
  if (s.word(k - 1) === "them") return k;
  const from = k;
  while (
    k < to &&
    k - from < 4 &&
    !["for", "within", "by", "due", "and", "before", "in", "to", "inside", "today", "tomorrow"].includes(s.word(k)) &&
    !/^\p{Lu}/u.test(s.phrase(k, k + 1)) &&
    s.lexicon.matchAt(s.tokens, k, s.text, (e) => ASSIGNEE_KINDS.has(e.kind) || e.kind === "WEBHOOK_ENDPOINT") === null
  )
    k += 1;
  const stop =
    k === to ||
    ["for", "within", "by", "due", "and", "before", "in", "inside", "today", "tomorrow"].includes(s.word(k));
  return k > from && stop ? k : null;
}

/** People sent to the customer: "send a technician", "send an engineer out". */
const VISITORS = new Set([
  ...["technician", "technicians", "tech", "engineer", "engineers", "fitter", "inspector", "specialist", "crew"],
  ...["someone", "somebody", "mechanic", "electrician", "installer", "auditor", "trainer", "consultant"],
]);

/**
 * Phrasal verbs said as the verb they mean: "take a look at the contract" → check the contract, "look into
 * it" → investigate it, "get in touch with them" → reach out, "owe them a call" → (make) a call.
 */
function plainVerb(words: readonly string[]): readonly string[] {
  const at = (phrase: string) => phrase.split(" ").every((w, k) => words[k] === w);
  if (at("take a look at") || at("have a look at")) return ["check", ...words.slice(4)];
  if (at("take a look") || at("have a look")) return ["check", ...words.slice(3)];
  if (at("look at")) return ["check", ...words.slice(2)];
  if (at("look into")) return ["investigate", ...words.slice(2)];
  if (at("get in touch") || at("be in touch")) return ["reach", "out"];
  if (at("owe") || at("owes")) return ["make", ...words.slice(1)];
  return words;
}

/** A slug for what someone is asked to do. */
function verbPhraseSlug(said: readonly string[]): string {
  const words = plainVerb(said);
  const [verb, ...rest] = words;
  if (verb === undefined) return "follow-up";
  const particles = ["back", "up", "in", "out", "over", "off", "on", "down"];
  const object = rest.filter(
    (w, k) =>
      (particles.includes(w) && COMPOUND_HEADS.has(rest[k - 1] ?? "")) ||
      (!PRONOUNS.has(w) && !particles.includes(w) && (!FUNCTION_WORDS.has(w) || OBJECT_NOUNS.has(w))),
  );
  const particle = rest.find((w) => particles.includes(w));
  // "get Raj on the phone with them": a call.
  if (verb === "on" && rest.includes("phone")) return "call";
  // "send a technician out", "send an engineer": a visit by them; "send an upgrade proposal": the thing sent.
  if (verb === "send" && object.some((w) => VISITORS.has(w)))
    return slugOf([...object.slice(0, object.findIndex((w) => VISITORS.has(w)) + 1).map(singular), "visit"]);
  if (verb === "send" && object.length > 0) return slugOf(object);
  if (LIGHT_VERBS.has(verb) && object.length > 0) {
    // "create a follow-up task" → follow-up: the word task says what it is, not which.
    const named = object.filter((w) => !["task", "tasks", "ticket"].includes(w));
    return slugOf(named.length > 0 ? named : object);
  }
  if (verb === "follow" && particle === "up") return slugOf(["follow-up", ...object.filter((w) => w !== "up")]);
  // "reach out" → outreach; "investigate", "inspect them", "phone them" → investigation, inspection, call.
  if (object.length === 0 && verb === "reach" && particle === "out") return "outreach";
  if (object.length === 0 && particle === undefined && NOMINAL[verb] !== undefined) return NOMINAL[verb] as string;
  if (object.length === 0) return slugOf(particle ? [verb, particle] : [verb]);
  // (The object keeps its number: an existing test pins "audits the listings" → listings-audit, although
  // the corpus writes listing-audit.)
  if (object.length === 1 && NOMINAL[verb] !== undefined) return slugOf([...object, NOMINAL[verb] as string]);
  return slugOf([verb, ...object]);
}

/** Splits an action clause at "and <verb>", "and also", "then" and reads each part. */
/** Verbs that, with a system named after them, say to post there: "drop a note in #cs-alerts", "shout in Slack". */
const MESSAGE_VERBS = new Set([
  ...["drop", "leave", "write", "shout", "put", "share", "mention", "broadcast", "announce", "note", "say"],
  ...["give", "fire", "pop", "throw", "raise", "post", "send", "push", "ping", "message", "notify", "alert"],
]);
/** What is posted to a system: "a note", "a heads-up", "a message". */
const MESSAGE_NOUNS = new Set([
  ...["note", "notes", "message", "messages", "post", "posts", "update", "updates", "heads-up", "heads", "headsup"],
  ...["alert", "alerts", "notification", "notifications", "ping", "line", "word", "notice", "shout", "shout-out"],
  ...["summary", "it", "this", "that", "them", "details", "record", "entry", "item", "card"],
]);
const TO_SYSTEM = new Set(["in", "into", "to", "on", "onto", "via", "through", "over", "at"]);

/**
 * "drop a note in #cs-alerts", "plus a post to the partner portal", "with a heads-up to DingTalk", "shout
 * about it in Slack": a part that names a webhook endpoint after a preposition of sending, with no one to do
 * it, is a call of that endpoint. The endpoints, or null.
 */
function messageToSystem(s: Sentence, part: Span): LexiconMatch[] | null {
  const all = s.matches(part, (e) => e.kind === "WEBHOOK_ENDPOINT", false);
  // The first after a preposition of sending, and those listed after it ("to ServiceNow and the portal").
  const first = all.findIndex(
    (m) => TO_SYSTEM.has(s.word(m.from - 1)) || (s.word(m.from - 1) === "the" && TO_SYSTEM.has(s.word(m.from - 2))),
  );
  if (first < 0) return null;
  const endpoints = all.slice(first);
  const before: Span = { from: part.from, to: endpoints[0]!.from };
  if (s.matches(before, (e) => ASSIGNEE_KINDS.has(e.kind), false).length > 0) return null;
  let said = false;
  for (let k = before.from; k < before.to; k += 1) {
    const w = s.word(k);
    if (MESSAGE_VERBS.has(w) || MESSAGE_NOUNS.has(w)) said = true;
    else if (!FUNCTION_WORDS.has(w) && !ACTION_LEADERS.has(w) && !["along", "together", "plus", "about"].includes(w))
      return null;
  }
  return said ? endpoints : null;
}

/**
 * "add them to the at-risk list", "put the account on the watch list", "move it onto the escalation list": a
 * list the account is put on is a flag of its name ("at-risk", "watch-list", "escalation"). Null otherwise.
 */
function listFlag(s: Sentence, verb: string, body: Span): string | null {
  if (!["add", "put", "move", "place", "include"].includes(verb)) return null;
  let i = body.from;
  if (ACCOUNT_WORDS.has(s.word(i)) || s.word(i) === "the") {
    while (i < body.to && (ACCOUNT_WORDS.has(s.word(i)) || s.word(i) === "the")) i += 1;
  } else return null;
  if (!["to", "on", "onto", "into"].includes(s.word(i))) return null;
  i += 1;
  if (["the", "our", "a", "an"].includes(s.word(i))) i += 1;
  const words: number[] = [];
  while (i < body.to && !["list", "watchlist", "watch-list"].includes(s.word(i)) && words.length < 4) {
    words.push(i);
    i += 1;
  }
  if (i >= body.to || words.some((k) => s.lexicon.matchAt(s.tokens, k, s.text, (e) => e.kind === "WEBHOOK_ENDPOINT")))
    return null;
  const named = words.map((k) => s.word(k)).filter((w) => !FUNCTION_WORDS.has(w) || w === "at");
  // "the watch list", "the watchlist", "the escalation watchlist" → watch-list, escalation-watch-list.
  const watch = s.word(i) !== "list" || named[named.length - 1] === "watch";
  const flag = slugOf(watch ? [...named.filter((w) => w !== "watch"), "watch-list"] : named);
  return flag === "" ? null : flag;
}

/** Verbs of going somewhere before the thing done there: "come out and inspect", "pop over and check". */
const MOTION_VERBS = new Set(["come", "go", "head", "pop", "swing", "drive", "run", "nip", "stop"]);
const MOTION_PARTICLES = new Set(["out", "over", "by", "round", "around", "down", "up", "there", "onsite", "in"]);

/**
 * "come out and inspect …", "go on site and check …", "swing by and …": a verb of going, its particles and
 * "and", before another verb. The index of that verb, or null.
 */
function motionBefore(s: Sentence, i: number, to: number): number | null {
  if (!MOTION_VERBS.has(s.word(i))) return null;
  let k = i + 1;
  while (k < to && (MOTION_PARTICLES.has(s.word(k)) || ["on", "site", "to", "the"].includes(s.word(k)))) k += 1;
  return k > i + 1 && s.word(k) === "and" && k + 1 < to ? k + 1 : null;
}

/** Words that only label what follows as the actions ("Action:", "Then:", "Next steps:", "To do:"). */
const LABEL_WORDS = new Set([
  "action",
  "actions",
  "then",
  "next",
  "steps",
  "step",
  "to",
  "do",
  "todo",
  "to-do",
  "response",
]);

function onlyLabel(s: Sentence, part: Span): boolean {
  if (!/^\s*:/.test(s.gapBefore(part.to)) || part.to - part.from > 3) return false;
  for (let k = part.from; k < part.to; k += 1) if (!LABEL_WORDS.has(s.word(k))) return false;
  return true;
}

/** Whether two lists name the same doers. */
function sameDoers(a: readonly Doer[], b: readonly Doer[]): boolean {
  return a.length === b.length && a.every((d, k) => JSON.stringify(d.assignee) === JSON.stringify(b[k]?.assignee));
}

/** The first index from `from` that is no leading word ("and", "then", "also"). */
function leaderEnd(s: Sentence, from: number, to: number): number {
  let k = from;
  while (k < to && (ACTION_LEADERS.has(s.word(k)) || s.word(k) === "and")) k += 1;
  return k;
}

export function parseActions(s: Sentence, clause: Span): { actions: PlaybookAction[]; understood: boolean } {
  const parts: Span[] = [];
  let from = clause.from;
  for (let i = clause.from + 1; i < clause.to; i += 1) {
    const w = s.word(i);
    // "… and drop a note in #cs-alerts", "… along with a message to Slack": a post to a system after another action.
    if (
      (w === "along" || w === "together") &&
      s.word(i + 1) === "with" &&
      messageToSystem(s, { from: i, to: clause.to }) !== null
    ) {
      parts.push({ from, to: i });
      from = i;
      continue;
    }
    if (!["and", "then", "plus", "also"].includes(w)) continue;
    let j = i + 1;
    while (j < clause.to && ["also", "then", "and", "please", "automatically", "immediately"].includes(s.word(j)))
      j += 1;
    const next = s.word(j);
    const startsVerb =
      (ACTION_VERBS.has(next) && !(next === "let" && s.word(j + 1) === "me")) ||
      (MESSAGE_VERBS.has(next) && messageToSystem(s, { from: j, to: clause.to }) !== null);
    const startsThing = ["a", "an", "another"].includes(next) && i > from + 1;
    // "should be flagged as watch-list and posted to Slack": another participle after a passive.
    const startsParticiple =
      ["and", "or"].includes(w) &&
      i > from + 1 &&
      (elidedParticiple(s, j, clause.to) !== null ||
        recordsThenParticiple(s, j, clause.to) !== null ||
        objectThenParticiple(s, j, clause.to) !== null) &&
      (passiveAction(s, { from, to: i }) !== null ||
        elidedParticiple(s, leaderEnd(s, from, i), i) !== null ||
        objectThenParticiple(s, from, i) !== null);
    // "give the service manager a review and Huatong a site-visit task": another doer and thing, same verb.
    const givenDoer = w === "and" && i > from + 1 ? doerThenThing(s, j) : null;
    // "… and the account manager should be told", "… and Sarah must call them": a doer or a passive.
    const rest: Span = { from: j, to: Math.min(clause.to, j + 8) };
    const passive = w === "and" ? passiveAction(s, rest) : null;
    const startsDoer =
      w === "and" &&
      i > from + 1 &&
      // "Zhang Min and Li Wei should each get …": the doers before are part of the same action.
      !onlyAssignees(s, { from, to: i }) &&
      (subjectAction(s, { from: j, to: clause.to }) !== null ||
        (passive !== null && !s.find({ from: j, to: passive.aux }, ["and", "then"])));
    // "come out and inspect": one action.
    let going = i - 1;
    while (going > from && (MOTION_PARTICLES.has(s.word(going)) || ["on", "site", "to", "the"].includes(s.word(going))))
      going -= 1;
    const afterMotion = w === "and" && going < i - 1 && motionBefore(s, going, clause.to) === j;
    if (!afterMotion && (startsVerb || startsThing || startsDoer || startsParticiple || givenDoer !== null)) {
      parts.push({ from, to: i });
      from = i;
      i = j - 1;
    }
  }
  parts.push({ from, to: clause.to });
  const actions: PlaybookAction[] = [];
  let inherited: string | null = null;
  // "Sarah must email them, book a QBR and …": a list cut at its commas goes on with the doer said first.
  const before = lastSubject.get(s);
  // A reading tried and taken back (its words no longer understood) carries nothing.
  const listed =
    before !== undefined &&
    before.to === clause.from &&
    /^\s*,\s*$/.test(s.gapBefore(clause.from)) &&
    before.doers.every((d) => s.used[d.match.from] === true);
  let previous: Doer[] = listed ? [...before.doers] : [];
  let subjectDoers: Doer[] = listed ? [...before.doers] : [];
  let understood = true;
  for (const part of parts) {
    // "Action: …", "Then: …", "Next steps: …": a label before the actions.
    if (onlyLabel(s, part)) {
      s.use(part.from, part.to);
      continue;
    }
    const posted = messageToSystem(s, part);
    if (posted !== null) {
      posted.forEach((m) => {
        s.use(m.from, m.to);
        s.term(m.text, "WEBHOOK_ENDPOINT", m.entries[0]!.id);
      });
      for (const other of unknownListedSystems(s, part, posted)) {
        s.unknown(s.phrase(other.from, other.to));
        s.use(other.from, other.to);
      }
      s.use(part.from, part.to);
      actions.push(...posted.map((m): PlaybookAction => ({ kind: "CALL_WEBHOOK", endpointId: m.entries[0]!.id })));
      continue;
    }
    const { actions: found, verb, ok, doers, bySubject } = parseOne(s, part, inherited, previous, subjectDoers);
    if (doers !== undefined && doers.length > 0) previous = doers;
    // The doer said first carries on over the verbs joined to it, until another doer is said.
    if (bySubject === true && doers !== undefined) subjectDoers = doers;
    else if (doers !== undefined && doers.length > 0 && doers !== subjectDoers && !sameDoers(doers, subjectDoers))
      subjectDoers = [];
    if (!ok) {
      let k = part.from;
      while (k < part.to && (ACTION_LEADERS.has(s.word(k)) || s.word(k) === "and")) {
        s.use(k);
        k += 1;
      }
      if (k < part.to) s.unknown(s.phrase(k, part.to));
      s.use(k, part.to);
      understood = false;
      continue;
    }
    if (verb !== null && CREATE_VERBS.has(verb)) inherited = verb;
    else if (verb !== null && GIVE_VERBS.has(verb)) inherited = "create";
    actions.push(...found);
  }
  if (subjectDoers.length > 0) lastSubject.set(s, { to: clause.to, doers: subjectDoers });
  else lastSubject.delete(s);
  return { actions, understood };
}

/** The doer said first in the last action clause of a sentence, and where that clause ended. */
const lastSubject = new WeakMap<Sentence, { to: number; doers: Doer[] }>();
