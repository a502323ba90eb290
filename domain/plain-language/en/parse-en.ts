/**
 * The English grammar of the plain-language parser (issue 12). A sentence is cut into clauses
 * (`clauses.ts`); the trigger clause gives the trigger and the account conditions (`trigger.ts`), action
 * clauses the actions with assignees and deadlines (`actions.ts`), "unless…" a no-open-task condition,
 * "it worked if…" the success criterion, and "ask me first" / "automatically" the mode. What is left of a
 * clause that carries meaning is named as not understood rather than guessed.
 */
import {
  PlaybookAction,
  PlaybookCondition,
  PlaybookFeedback,
  PlaybookMode,
  PlaybookTrigger,
} from "../../automation/playbook";
import { Lexicon, LexiconMatch } from "../lexicon";
import { ParsedSentence } from "../parsed-sentence";
import { DEFAULT_DUE_DAYS, parseActions, sharedDeadline } from "./actions";
import {
  ACTION_VERBS,
  AUTO_PHRASES,
  Clause,
  headingsBeforeTrigger,
  MODE_TAIL,
  sharedDeadlineStart,
  splitClauses,
  successJudgementEnd,
  SUGGEST_PHRASES,
  TRIGGER_OPENERS,
} from "./clauses";
import { readDuration, wholeDays } from "./numbers";
import { FUNCTION_WORDS, PERSON_TITLES, Sentence, Span } from "./sentence";
import { slugOf } from "./slug";
import {
  feedbackSignals,
  findComparison,
  findWindow,
  industriesOf,
  parseConditions,
  parseTrigger,
  unknownPlaces,
  useSubjectNouns,
} from "./trigger";

/** Default window of a success criterion when none is said. */
const DEFAULT_FEEDBACK_DAYS = 30;

function parseMode(s: Sentence): PlaybookMode | null {
  const whole: Span = { from: 0, to: s.tokens.length };
  const auto = s.find(whole, AUTO_PHRASES);
  // "don't wait for my approval", "no need to run it by me": asking first said inside a phrase that says
  // not to is no request to ask first.
  const found = s.find(whole, SUGGEST_PHRASES);
  const suggest = found !== null && auto !== null && found.i >= auto.i && found.i < auto.i + auto.n ? null : found;
  if (suggest !== null) {
    let end = suggest.i + suggest.n;
    while (MODE_TAIL.has(s.word(end)) && !["and", "then"].includes(s.word(end))) end += 1;
    s.use(suggest.i, end);
    if (s.word(suggest.i - 1) === "but") s.use(suggest.i - 1);
  }
  if (auto !== null) s.use(auto.i, auto.i + auto.n);
  if (suggest !== null && auto !== null) {
    s.ambiguous(
      s.phrase(auto.i, auto.i + auto.n),
      "the sentence says both to act automatically and to ask first; it will ask first",
    );
    return "SUGGEST";
  }
  return suggest !== null ? "SUGGEST" : auto !== null ? "AUTO" : null;
}

/** "unless a visit task is still open", "unless one is already open". */
function parseUnless(s: Sentence, clause: Span): PlaybookCondition[] {
  const task = s.find(clause, ["task", "tasks", "ticket", "review", "one", "job"]);
  const open = s.find(clause, [
    "open",
    "opened",
    "pending",
    "outstanding",
    "in progress",
    "not done",
    "unfinished",
    "still",
  ]);
  if (task !== null && open !== null) {
    const words: string[] = [];
    for (let i = clause.from + 1; i < task.i; i += 1) {
      const w = s.word(i);
      if (
        !FUNCTION_WORDS.has(w) &&
        !["open", "pending", "outstanding", "already", "previous", "existing", "not", "no", "there"].includes(w)
      )
        words.push(w);
    }
    s.use(clause.from, clause.to);
    return [{ kind: "NO_OPEN_TASK", template: words.length > 0 ? slugOf(words) : null }];
  }
  // "unless the account is green", "unless it is in LATAM": the state that stops the rule, as the states that
  // let it run (the schema has no "not").
  const before = s.snapshot();
  const unless = s.find({ from: clause.from, to: Math.min(clause.to, clause.from + 3) }, UNLESS_OPENERS);
  const said = parseConditions(s, { from: unless === null ? clause.from : unless.i + unless.n, to: clause.to }, true);
  const negated = said.map((c) => negateCondition(s, c));
  if (negated.length > 0 && negated.every((c) => c !== null)) {
    if (unless !== null) s.use(unless.i, unless.i + unless.n);
    return negated as PlaybookCondition[];
  }
  s.restore(before);
  return [];
}

const UNLESS_OPENERS = ["unless", "except when", "except if", "but not if"];

/** A condition turned round: the other values of a field or grades, the other side of a score. */
function negateCondition(s: Sentence, c: PlaybookCondition): PlaybookCondition | null {
  if (c.kind === "ACCOUNT_FIELD" && c.field !== "name") {
    const values = Object.keys(s.lexicon.directory.accountFields[c.field] ?? {}).filter((v) => !c.values.includes(v));
    return values.length === 0 ? null : { ...c, op: values.length === 1 ? "EQUALS" : "IN", values };
  }
  if (c.kind === "HEALTH_GRADE") {
    const grades = Object.keys(s.lexicon.directory.healthGrades).filter((g) => !c.grades.includes(g));
    return grades.length === 0 ? null : { kind: "HEALTH_GRADE", grades };
  }
  if (c.kind === "HEALTH_SCORE") return { ...c, op: c.op === "BELOW" ? "ABOVE" : "BELOW" };
  return null;
}

/** Words that stand for the drafted task in a success criterion ("if she closes it"). */
const TASK_PRONOUNS = ["it", "them", "this", "that", "one", "these", "those"];
/** Verbs that say the drafted work is finished, in every form. */
const DONE_WORDS = [
  ...["completed", "complete", "completes", "done", "closed", "close", "closes", "finished", "finish"],
  ...["finishes", "resolved", "resolve", "resolves", "marked done", "marks it done", "wraps up", "wrap up"],
  ...["wrapped up", "signs off", "signed off", "ticks off", "ticked off", "gets done", "got done"],
  ...["wraps it up", "wrap it up", "wrapped it up", "closes it out", "close it out", "closed it out"],
  ...["gets it done", "get it done", "got it done", "signs it off", "signed it off"],
];

function parseFeedback(
  s: Sentence,
  clause: Span,
  industries: readonly string[],
  trigger: PlaybookTrigger | null,
): PlaybookFeedback | null {
  // Skip the opener ("it worked if", "success means").
  let from = clause.from;
  while (
    from < clause.to &&
    [
      "it",
      "worked",
      "works",
      "if",
      "when",
      "consider",
      "done",
      "success",
      "means",
      "is",
      "a",
      "count",
      "as",
      "successful",
      "succeeded",
      "succeeds",
      "the",
      "goal",
      "that",
      "we",
      "know",
      "call",
      "measure",
      "by",
      "whether",
      "judge",
      "target",
      "kpi",
      "goal",
      "should",
      "be",
      "counts",
      ...["well", "will", "want", "wed", "would", "like", "to", "see", "for", "win", "looks", "aim", "expect"],
      ...["hope", "its", "mean", "measured", "outcome", "desired", "there", "have"],
    ].includes(s.word(from))
  ) {
    from += 1;
  }
  // "count it as working if", "it has worked if", "deem this effective when"
  const judged = successJudgementEnd(s, clause);
  if (judged !== null && judged > from) from = judged;
  s.use(clause.from, from);
  const body: Span = { from, to: clause.to };
  const window = findWindow(s, body);
  if (window !== null) s.use(window.from, window.to);
  const withinDays = window?.days ?? DEFAULT_FEEDBACK_DAYS;
  const health = s.find(body, [
    "health back",
    "back to green",
    "back to yellow",
    "returns to green",
    "goes back up",
    "turns green",
    "becomes green",
    "is green again",
    "health improves",
    "health improve",
    "health gets better",
    "health recovers",
    "health goes up",
    "health grade improves",
    "health is back",
    "health returns",
    "grade improves",
    "health rises",
    "improves",
    ...["improving", "recovering", "rebounding", "getting better", "gets better", "picks up", "picking up"],
    "recovers",
    "recover",
    "recovered",
    "improve",
    "improved",
    "rebounds",
    "rebound",
    "goes back to green",
    "is back to green",
    "back in the green",
  ]);
  if (health !== null) {
    s.use(body.from, body.to);
    return { kind: "HEALTH_IMPROVED", withinDays };
  }
  // "if the visit task is closed", "if she closes it within 20 days": the drafted work said by its noun or a
  // pronoun, and a verb of finishing in any form.
  const task = s.find(body, ["task", "tasks", "review", "visit", "call", ...TASK_PRONOUNS]);
  const done = s.find(body, DONE_WORDS);
  if (task !== null && done !== null) {
    const words: string[] = [];
    if (!TASK_PRONOUNS.includes(s.word(task.i)))
      for (let i = body.from; i < task.i; i += 1)
        if (
          !FUNCTION_WORDS.has(s.word(i)) &&
          !["is", "are"].includes(s.word(i)) &&
          s.find(body, DONE_WORDS, i)?.i !== i
        )
          words.push(s.word(i));
    s.use(body.from, body.to);
    return { kind: "TASK_COMPLETED", withinDays, ...(words.length > 0 ? { template: slugOf(words) } : {}) };
  }
  const preferred =
    trigger === null
      ? null
      : "concept" in trigger
        ? trigger.concept
        : "signals" in trigger
          ? (trigger.signals.concept ?? null)
          : null;
  const signals = feedbackSignals(s, body, industries, preferred);
  if (signals !== null) {
    const seen = s.find(body, [
      "is seen",
      "seen",
      "observed",
      "is observed",
      "recorded",
      "comes in",
      "arrives",
      "shows up",
      "appears",
      "is logged",
      "logged",
      "happens",
      "occurs",
    ]);
    if (seen !== null) s.use(seen.i, seen.i + seen.n);
    return { kind: "SIGNAL_OBSERVED", signals, withinDays };
  }
  return null;
}

/** Words that say a health grade is a state ("is red", "stays yellow"), not a change ("turns red"). */
const STATE_WORDS = new Set(["is", "are", "remains", "stays", "currently", "already", "still", "sits"]);

/** Whether a part says the account is in a health grade ("its health is red"), with no change said. */
function gradeState(s: Sentence, part: Span): boolean {
  const grade = s.matches(part, (e) => e.kind === "HEALTH_GRADE", false)[0];
  if (grade === undefined) return false;
  let k = grade.from - 1;
  while (k > part.from && ["or", "and", "either"].includes(s.word(k))) k -= 1;
  if (!STATE_WORDS.has(s.word(k))) return false;
  return (
    s.find(part, ["from", "to", "turns", "becomes", "goes", "drops", "falls", "moves", "changes", "slips"]) === null
  );
}

/** Words that say the account is in a grade inside a noun phrase ("a college that's already amber"). */
const RELATIVE_STATE = new Set([
  ...["that", "which", "who", "already", "currently", "still", "now", "with", "having", "whose"],
]);
/** Words in a grade's state that turn it round ("whose health is not green"). */
const NOT_WORDS = new Set(["not", "isnt", "arent", "never", "no", "longer"]);
const GRADE_STATE_GAP = new Set([
  ...["that", "which", "who", "is", "are", "s", "already", "currently", "still", "now", "rated", "graded"],
  ...["in", "the", "at", "on", "sitting", "sits", "flagged", "marked", "showing", "shows", "a", "an"],
  ...["with", "having"],
  // "whose health is not green", "that isn't red".
  ...["whose", "health", "grade", "not", "isnt", "arent", "no", "longer"],
]);

/**
 * "Three escalations at a college that's already amber", "for accounts currently red": a grade said of the
 * account inside the trigger's noun phrase is a condition on it, when the part says something else that
 * happens (a measure, a page, an event). The grade is understood here, so the trigger does not read it as a
 * change.
 */
function gradeStatesInside(s: Sentence, part: Span): PlaybookCondition[] {
  const grades = s.matches(part, (e) => e.kind === "HEALTH_GRADE");
  const valued = new Set<number>();
  for (const m of s.matches(part, (e) => e.kind === "ACCOUNT_FIELD_VALUE", false))
    for (let i = m.from; i < m.to; i += 1) valued.add(i);
  const graded = new Set<number>();
  for (const g of grades) for (let i = g.from; i < g.to; i += 1) graded.add(i);
  // "Yellow SaaS accounts whose NPS …", "red or yellow hospitals": a grade said before the accounts' noun.
  const beforeAccounts = (g: LexiconMatch) => {
    if (["to", "into", "from", "turns", "turning", "goes", "going", "becomes"].includes(s.word(g.from - 1)))
      return false;
    let k = g.to;
    let values = false;
    while (k < part.to && (graded.has(k) || valued.has(k) || ["or", "and"].includes(s.word(k)))) {
      values = values || valued.has(k);
      k += 1;
    }
    // "a yellow SaaS customer falls to red": with a grade it changes to, the first is where it comes from.
    if (grades.some((o) => o.from >= k)) return false;
    return ACCOUNT_NOUNS.has(s.word(k)) || (values && valued.has(k - 1));
  };
  const adjectives = grades.filter(beforeAccounts);
  const states = grades.filter((g) => {
    if (adjectives.includes(g)) return true;
    let k = g.from - 1;
    const gap: string[] = [];
    while (k >= part.from && GRADE_STATE_GAP.has(s.word(k)) && g.from - k <= 4) gap.push(s.word((k -= 1) + 1));
    // "… whose health is not green …": the part cut at "whose" starts the state.
    const relative = gap.some((w) => RELATIVE_STATE.has(w)) || (k < part.from && s.word(part.from - 1) === "whose");
    return relative && !["to", "into", "from"].includes(s.word(g.from - 1));
  });
  if (states.length === 0) return [];
  // "health score falls below 50 at an account that is already yellow": a level crossed is something else
  // that happens, even of the health score.
  const level = findComparison(s, part) !== null;
  const other =
    level ||
    s
      .matches(part, () => true)
      .filter((m) => !states.includes(m))
      .some((m) =>
        m.entries.some(
          (e) =>
            ["CONCEPT", "FIELD", "PAGE", "EVENT_ACTION", "CONCEPT_VALUE"].includes(e.kind) &&
            e.id !== "core:customer-health",
        ),
      );
  // "Any red factory whose …": a grade said of the accounts' noun is their state whatever else is said.
  if (!other && adjectives.length < states.length) return [];
  for (const g of states) {
    s.use(g.from, g.to);
    // "with a red health grade": the words naming the grade after it.
    for (let k = g.to; ["health", "grade", "rating", "status"].includes(s.word(k)); k += 1) s.use(k);
    s.term(g.text, "HEALTH_GRADE", g.entries[0]!.id);
    for (let k = g.from - 1; k >= part.from && GRADE_STATE_GAP.has(s.word(k)) && g.from - k <= 4; k -= 1) s.use(k);
  }
  const said = [...new Set(states.map((g) => g.entries[0]!.id))];
  const negated = states.some((g) => {
    for (let k = g.from - 1; k >= part.from && GRADE_STATE_GAP.has(s.word(k)) && g.from - k <= 4; k -= 1)
      if (NOT_WORDS.has(s.word(k))) return true;
    return false;
  });
  const kept = negated ? Object.keys(s.lexicon.directory.healthGrades).filter((g) => !said.includes(g)) : said;
  return [{ kind: "HEALTH_GRADE", grades: kept }];
}

/** Words that join a state of the account to a trigger ("… as long as it is red", "… provided that its …"). */
const STATE_JOINERS = [
  ...["as long as", "so long as", "provided that", "providing that", "assuming that", "and as long as"],
  ...["while", "whilst", "and while", "but only if", "but only while", "only if", "only while"],
];

/** Splits a trigger clause into its main part and the conditions joined with "and it…", "and its…", "where…". */
function triggerParts(s: Sentence, clause: Span): { main: Span; rest: Span[] } {
  let start = clause.from;
  for (const opener of TRIGGER_OPENERS) {
    const words = opener.split(" ");
    if (s.at(start, words)) {
      s.use(start, start + words.length);
      start += words.length;
      break;
    }
  }
  // "When that happens, …" after a trigger said before ("Watch for …. When that happens, …"): nothing new.
  const anaphora = ["that", "this", "it", "so", "happens", "happened", "occurs", "is", "the", "case", "does"];
  let k = start;
  while (k < clause.to && anaphora.includes(s.word(k))) k += 1;
  if (k === clause.to && k > start && ["that", "this", "it", "so"].includes(s.word(start))) {
    s.use(start, clause.to);
    return { main: { from: clause.to, to: clause.to }, rest: [] };
  }
  const cuts: Array<{ at: number; n: number }> = [];
  for (let i = start + 1; i < clause.to; i += 1) {
    const w = s.word(i);
    // "… as long as it is yellow", "… provided that the account is in EMEA": the words joining a state.
    const joiner = s.find({ from: i, to: Math.min(clause.to, i + 3) }, STATE_JOINERS);
    const n = joiner !== null && joiner.i === i ? joiner.n : 1;
    const next = s.word(i + n);
    const andCondition =
      (["and", "but", "while", "whilst"].includes(w) || n > 1 || ["provided", "providing"].includes(w)) &&
      (["it", "its", "they", "their", "there", "whose", "no"].includes(next) ||
        (next === "the" && ["account", "customer", "client", "seller", "hospital"].includes(s.word(i + n + 1))));
    if (andCondition) cuts.push({ at: i, n });
    else if (w === "where" || w === "whose") cuts.push({ at: i, n: 1 });
    if (andCondition) i += n - 1;
  }
  if (cuts.length === 0) return { main: { from: start, to: clause.to }, rest: [] };
  const rest: Span[] = [];
  cuts.forEach((cut, k) => {
    s.use(cut.at, cut.at + cut.n);
    rest.push({ from: cut.at + cut.n, to: cuts[k + 1]?.at ?? clause.to });
  });
  return { main: { from: start, to: cuts[0]!.at }, rest };
}

function fillFlags(actions: PlaybookAction[]): PlaybookAction[] {
  const task = actions.find((a) => a.kind === "CREATE_TASK" || a.kind === "OPEN_REVIEW");
  const base = task === undefined ? null : task.kind === "CREATE_TASK" ? task.template : task.reviewType;
  return actions.map((a) =>
    a.kind === "FLAG_RECORDS" && a.flag === "" ? { ...a, flag: base === null ? "flagged" : `${base}-needed` } : a,
  );
}

/** Resolves "unless a visit task is still open" against the actions: the action whose template names it. */
function resolveNoOpenTask(conditions: PlaybookCondition[], actions: readonly PlaybookAction[]): PlaybookCondition[] {
  const templates = actions.flatMap((a) =>
    a.kind === "CREATE_TASK" ? [a.template] : a.kind === "OPEN_REVIEW" ? [a.reviewType] : [],
  );
  return conditions.map((c) => {
    if (c.kind !== "NO_OPEN_TASK") return c;
    if (c.template === null || c.template === undefined)
      return { kind: "NO_OPEN_TASK", template: templates[0] ?? null };
    const named = templates.find((t) => t === c.template || t.split("-").includes(c.template as string));
    return named === undefined ? c : { kind: "NO_OPEN_TASK", template: named };
  });
}

/** Names what meaningful words of the clauses stayed unused. */
function nameLeftovers(s: Sentence, clauses: readonly Clause[]): void {
  for (const clause of clauses) {
    let runStart = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      let from = runStart;
      let to = end;
      while (from < to && FUNCTION_WORDS.has(s.word(from))) from += 1;
      while (to > from && FUNCTION_WORDS.has(s.word(to - 1))) to -= 1;
      const content = Array.from({ length: to - from }, (_, k) => from + k).filter(
        (i) => s.isContent(i) && !/^\d/.test(s.word(i)),
      );
      if (content.length > 0) s.unknown(s.phrase(from, to));
      runStart = -1;
    };
    for (let i = clause.from; i < clause.to; i += 1) {
      // "Dr. Alvarez" is one name: the stop after a title is no boundary.
      const title = s.gapBefore(i).trim() === "." && PERSON_TITLES.has(s.word(i - 1));
      const boundary = /[,;.]/.test(s.gapBefore(i)) && !title;
      if (boundary) flush(i);
      if (s.used[i]) flush(i);
      else if (runStart < 0) runStart = i;
    }
    flush(clause.to);
  }
}

/** Words a window said on its own may carry besides the duration ("over any rolling 3-week stretch"). */
const WINDOW_FILLERS = new Set(["any", "rolling", "given", "single", "calendar", "trailing", "moving", "period"]);

/** Whether a clause says nothing but a window ("Over any 3-week stretch", "Within a single month"). */
function windowOnly(s: Sentence, clause: Span): boolean {
  const window = findWindow(s, clause);
  if (window === null) return false;
  for (let i = clause.from; i < clause.to; i += 1) {
    if (i >= window.from && i < window.to) continue;
    if (!FUNCTION_WORDS.has(s.word(i)) && !WINDOW_FILLERS.has(s.word(i))) return false;
  }
  return true;
}

/**
 * "Over any 3-week stretch, if …", "…, within a single month, create …": a piece that says only a window,
 * next to the trigger, is the trigger's window wherever it stands; it joins the trigger clause.
 */
function joinWindowPieces(s: Sentence, clauses: readonly Clause[]): Clause[] {
  const out = clauses.map((c) => ({ ...c }));
  for (let k = 0; k < out.length; k += 1) {
    const clause = out[k] as Clause;
    if (["MODE", "FEEDBACK", "DEADLINE"].includes(clause.role) || !windowOnly(s, clause)) continue;
    const next = out[k + 1];
    const prev = out[k - 1];
    if (prev !== undefined && prev.role === "TRIGGER" && prev.to === clause.from) prev.to = clause.to;
    else if (next !== undefined && next.role === "TRIGGER" && next.from === clause.to) next.from = clause.from;
    else continue;
    out.splice(k, 1);
    k -= 1;
  }
  return out;
}

/** Whether span reads as a trigger; the reading is taken back. */
function readsAsTrigger(s: Sentence, span: Span): boolean {
  const state = s.snapshot();
  const conditions = parseConditions(s, span, false);
  const found = parseTrigger(s, span, industriesOf(conditions)).trigger !== null;
  s.restore(state);
  return found;
}

/** Whether span reads as at least one action; the reading is taken back. */
function readsAsActions(s: Sentence, span: Span): boolean {
  const state = s.snapshot();
  const found = parseActions(s, span).actions.length > 0;
  s.restore(state);
  return found;
}

/** Words that open a condition clause saying a state the account is in ("while", "as long as"). */
const STATE_OPENERS = new Set(["while", "whilst", "as", "so"]);

/** Modals after what happens that say what it should bring about ("… should get the CS team a task"). */
const RESULT_MODALS = new Set(["should", "must", "shall", "will", "ought", "needs", "need", "deserves", "warrants"]);

/**
 * A rule said with no trigger word ("Three escalations in a week at a bank: …", "Retention at a college
 * dropping two points a month should get the CS team a task"): when no clause opens a trigger, the first
 * piece that reads as no action but as a trigger is the trigger, and a subject before a modal that reads as
 * a trigger is cut from the action after it. Each reading is tried on the typed slots the trigger grammar
 * finds anywhere in the piece (a measure, a comparison, a count, a window, an event), not on its word order.
 */
function recoverTrigger(s: Sentence, clauses: readonly Clause[]): Clause[] {
  const out = clauses.map((c) => ({ ...c }));
  const triggers = out.filter((c) => c.role === "TRIGGER");
  if (triggers.length > 0) {
    // "Escalated cases at a bank: if there are more than 2 in a week, …": what is counted said in the piece
    // before a trigger that does not read alone; the two read together.
    if (triggers.some((c) => readsAsTrigger(s, c))) return out;
    for (let k = 1; k < out.length; k += 1) {
      const clause = out[k] as Clause;
      const before = out[k - 1] as Clause;
      if (clause.role !== "TRIGGER" || !["ACTION", "CONDITION"].includes(before.role)) continue;
      if (readsAsActions(s, before) || !readsAsTrigger(s, { from: before.from, to: clause.to })) continue;
      out.splice(k - 1, 2, { from: before.from, to: clause.to, role: "TRIGGER" });
      return out;
    }
    return out;
  }
  for (let k = 0; k < out.length; k += 1) {
    const clause = out[k] as Clause;
    if (clause.role !== "ACTION" && clause.role !== "CONDITION") continue;
    // "Whilst the account is red, …", "as long as it is yellow": a state the rule holds in, never what starts it.
    if (clause.role === "CONDITION" && STATE_OPENERS.has(s.word(clause.from))) continue;
    const joined = countAfterHeading(s, clause, out[k + 1]);
    if (joined !== null) {
      out.splice(k, 2, ...joined);
      return out;
    }
    for (let i = clause.from + 2; i < clause.to - 1; i += 1) {
      if (!RESULT_MODALS.has(s.word(i))) continue;
      const subject: Span = { from: clause.from, to: i };
      const rest: Span = { from: i, to: clause.to };
      if (readsAsTrigger(s, subject) && readsAsActions(s, rest)) {
        out.splice(k, 1, { ...subject, role: "TRIGGER" }, { ...rest, role: "ACTION" });
        return out;
      }
    }
    if (!readsAsActions(s, clause) && readsAsTrigger(s, clause)) {
      clause.role = "TRIGGER";
      return out;
    }
  }
  for (let k = 0; k < out.length; k += 1) {
    const clause = out[k] as Clause;
    if (clause.role !== "ACTION") continue;
    const inside = accountsDescribedInside(s, clause);
    if (inside === null) continue;
    const pieces: Clause[] = [
      { from: clause.from, to: inside.from, role: "ACTION" },
      { ...inside, role: "TRIGGER" },
      ...(inside.to < clause.to ? [{ from: inside.to, to: clause.to, role: "ACTION" as const }] : []),
    ];
    out.splice(k, 1, ...pieces);
    return out;
  }
  for (let k = 0; k < out.length; k += 1) {
    const clause = out[k] as Clause;
    if (clause.role !== "ACTION") continue;
    const inside = recordsDescribedInside(s, clause);
    if (inside === null) continue;
    const pieces: Clause[] = [
      { from: clause.from, to: inside.from, role: "ACTION" },
      { from: inside.from, to: inside.to, role: "TRIGGER" },
      ...(inside.to < clause.to ? [{ from: inside.to, to: clause.to, role: "DEADLINE" as const }] : []),
    ];
    out.splice(k, 1, ...pieces);
    return out;
  }
  return out;
}

/** Words that start the records an action is for ("every new contact", "any deleted deal"). */
const EVERY_WORDS = new Set(["every", "each", "any", "all"]);

/**
 * "Have compliance review every new contact at a bank within a week", "sync any deleted deal to the ERP": the
 * records an action is for, said with the change that happens to them, are the trigger. The span from
 * "every" to the end of the clause, without a deadline said last, when it reads as a trigger; else null.
 */
function recordsDescribedInside(s: Sentence, clause: Span): Span | null {
  for (let d = clause.from + 2; d < clause.to - 1; d += 1) {
    if (!EVERY_WORDS.has(s.word(d))) continue;
    let k = d + 1;
    if (["newly", "recently"].includes(s.word(k))) k += 1;
    const change = s.lexicon.matchAt(s.tokens, k, s.text, (e) => e.kind === "EVENT_ACTION");
    if (change === null) continue;
    const record = s.lexicon.matchAt(s.tokens, change.to, s.text, (e) => e.kind === "RECORD_TYPE");
    if (record === null) continue;
    // A deadline said last belongs to the action: "… within a week", "… by tomorrow", "… in 3 days".
    let end = clause.to;
    for (let i = record.to; i < clause.to; i += 1) {
      if (!["within", "by", "due", "in"].includes(s.word(i))) continue;
      const window = findWindow(s, { from: i, to: clause.to });
      if ((window !== null && window.from === i && window.to === clause.to) || s.word(i) === "due") {
        end = i;
        break;
      }
    }
    // "sync any deleted deal to the ERP": what follows the record's description goes back to the action.
    const span: Span = { from: d, to: end };
    if (readsAsTrigger(s, span)) return span;
  }
  return null;
}

/**
 * "Escalated tickets at banks: more than 3 in a week should get the support lead a task", "Reopened cases at a
 * school — three within a fortnight → …": what is counted said as a heading, and how many in what window
 * after it. The heading and the count read together as the trigger (and what follows a modal as the
 * actions), when the count does not read as a trigger alone; else null.
 */
function countAfterHeading(s: Sentence, heading: Clause, next: Clause | undefined): Clause[] | null {
  if (next === undefined || next.role !== "ACTION" || readsAsActions(s, heading)) return null;
  if (findWindow(s, next) === null) return null;
  const ends = [next.to];
  for (let i = next.from + 2; i < next.to - 1; i += 1) if (RESULT_MODALS.has(s.word(i))) ends.unshift(i);
  for (const end of ends) {
    const count: Span = { from: next.from, to: end };
    if (readsAsTrigger(s, count) || readsAsActions(s, count)) continue;
    const together: Span = { from: heading.from, to: end };
    if (!readsAsTrigger(s, together)) continue;
    if (end < next.to && !readsAsActions(s, { from: end, to: next.to })) continue;
    return [
      { ...together, role: "TRIGGER" },
      ...(end < next.to ? [{ from: end, to: next.to, role: "ACTION" as const }] : []),
    ];
  }
  return null;
}

/** Nouns of the accounts an action is for ("call any customer whose …", "flag every hospital where …"). */
const ACCOUNT_NOUNS = new Set([
  ...["account", "accounts", "customer", "customers", "client", "clients", "company", "companies", "seller"],
  ...["sellers", "store", "stores", "shop", "shops", "one", "ones", "business", "businesses", "firm", "firms"],
]);
/** Words that start the description of accounts ("any", "every", "all the") or join their names. */
const ACCOUNT_DETERMINERS = new Set([
  "any",
  "every",
  "each",
  "all",
  "a",
  "an",
  "the",
  "those",
  "of",
  "our",
  "and",
  "or",
]);
/** Words that start what is said about the accounts. */
const RELATIVE_WORDS = new Set(["whose", "where", "that", "which", "with", "who"]);

/**
 * "Have Raj call any enterprise customer whose NPS drops under 6", "flag every hospital where uptime falls
 * below 95% and tell the owner": the accounts an action is for, described by what happens to them, are the
 * trigger. The span from the accounts' words to the end of the description (before "and <verb>"), when it
 * reads as a trigger; else null.
 */
function accountsDescribedInside(s: Sentence, clause: Span): Span | null {
  const valued = new Set<number>();
  for (const m of s.matches(clause, (e) => e.kind === "ACCOUNT_FIELD_VALUE", false))
    for (let i = m.from; i < m.to; i += 1) valued.add(i);
  for (let r = clause.from + 2; r < clause.to - 2; r += 1) {
    if (!RELATIVE_WORDS.has(s.word(r))) continue;
    let b = r;
    let named = false;
    // "any bank in LATAM that …", "hospitals in EMEA whose …": the accounts' noun and where they are.
    const described = (k: number) =>
      ACCOUNT_NOUNS.has(s.word(k)) ||
      valued.has(k) ||
      (["in", "from", "across"].includes(s.word(k)) && (valued.has(k - 1) || ACCOUNT_NOUNS.has(s.word(k - 1))));
    while (b > clause.from + 1 && described(b - 1)) {
      named = true;
      b -= 1;
    }
    if (!named) continue;
    while (b > clause.from + 1 && ACCOUNT_DETERMINERS.has(s.word(b - 1))) b -= 1;
    let end = clause.to;
    for (let i = r + 1; i < clause.to - 1; i += 1) {
      const next = s.word(i + 1);
      if (["and", "then"].includes(s.word(i)) && ACTION_VERBS.has(next) && next !== "have") {
        end = i;
        break;
      }
    }
    const span: Span = { from: b, to: end };
    if (readsAsTrigger(s, span)) return span;
  }
  return null;
}

export function parseEnglish(text: string, lexicon: Lexicon): ParsedSentence {
  const s = new Sentence(text, lexicon);
  const mode = parseMode(s);
  const clauses = headingsBeforeTrigger(s, joinWindowPieces(s, recoverTrigger(s, splitClauses(s))));
  let trigger: PlaybookTrigger | null = null;
  const conditions: PlaybookCondition[] = [];
  const actions: PlaybookAction[] = [];
  let feedback: PlaybookFeedback | null = null;

  // Conditions first (industries decide between concepts of the same name), then the trigger.
  const triggerClauses = clauses.filter((c) => c.role === "TRIGGER");
  const parts = triggerClauses.map((c) => triggerParts(s, c));
  for (const { main, rest } of parts) {
    for (const part of [main, ...rest])
      conditions.push(...gradeStatesInside(s, part), ...parseConditions(s, part, false));
  }
  // The trigger is in the main part, or else in the first joined part that has one ("… whose name contains
  // Acme drops to red"); the other joined parts are conditions.
  let triggerPart: Span | null = null;
  // "its health is red and its NPS falls under 3": a grade the account is in is a condition when another
  // part says what happens.
  const allParts = parts.flatMap(({ main, rest }) => [main, ...rest]);
  const states = allParts.length > 1 ? allParts.filter((part) => gradeState(s, part)) : [];
  if (states.length > 0 && states.length < allParts.length) {
    for (const part of states) conditions.push(...parseConditions(s, part, true));
  }
  for (const { main, rest } of parts) {
    for (const part of [main, ...rest]) {
      if (trigger !== null) break;
      if (states.includes(part) && states.length < allParts.length) continue;
      const found = parseTrigger(s, part, industriesOf(conditions));
      trigger = found.trigger;
      conditions.push(...found.conditions);
      if (trigger !== null) triggerPart = part;
    }
  }
  // "…from green to yellow, or from yellow to red", "…is created, or when a deal is won": another trigger
  // clause joined with "or" that says the same kind of change adds its grades or event types.
  for (const { main } of parts) {
    if (trigger === null || main === triggerPart || s.word(main.from) !== "or") continue;
    const state = s.snapshot();
    s.use(main.from);
    const part: Span = { from: main.from + (TRIGGER_OPENERS.includes(s.word(main.from + 1)) ? 2 : 1), to: main.to };
    if (part.from > main.from + 1) s.use(main.from + 1);
    const other = parseTrigger(s, part, industriesOf(conditions)).trigger ?? elidedGradeChange(s, part, trigger);
    const merged = other === null ? null : orTriggers(trigger, other);
    if (merged === null) s.restore(state);
    else trigger = merged;
  }
  for (const { main, rest } of parts) {
    for (const part of [main, ...rest]) {
      if (part !== triggerPart && part !== main) conditions.push(...parseConditions(s, part, true));
    }
    if (triggerPart !== null && rest.includes(triggerPart)) useSubjectNouns(s, main);
  }
  for (const clause of clauses) {
    if (clause.role === "UNLESS") conditions.push(...parseUnless(s, clause));
    if (clause.role === "CONDITION") conditions.push(...parseConditions(s, clause, true));
    if (clause.role === "ACTION") actions.push(...parseActions(s, clause).actions);
    if (clause.role === "FEEDBACK") feedback = parseFeedback(s, clause, industriesOf(conditions), trigger) ?? feedback;
    if (clause.role === "MODE") s.use(clause.from, clause.to);
    if (clause.role === "DEADLINE") {
      // ", both due tomorrow": the deadline of every action said without one of its own.
      // "… every new contact at a bank within a week": a deadline cut from its action by the records said
      // inside it is said as a window.
      const window = sharedDeadlineStart(s, clause) === null ? findWindow(s, clause) : null;
      const days =
        sharedDeadline(s, clause) ??
        (window !== null && window.from === clause.from && window.to === clause.to ? window.days : null);
      if (days !== null) s.use(clause.from, clause.to);
      if (days !== null)
        actions.forEach((a, k) => {
          if ((a.kind === "CREATE_TASK" || a.kind === "OPEN_REVIEW") && a.dueInDays === DEFAULT_DUE_DAYS)
            actions[k] = { ...a, dueInDays: days };
        });
    }
  }
  for (const clause of clauses)
    if (clause.role === "TRIGGER" || clause.role === "UNLESS" || clause.role === "CONDITION") unknownPlaces(s, clause);
  nameLeftovers(
    s,
    clauses.filter((c) => c.role !== "MODE"),
  );

  const merged = mergeFieldConditions(resolveNoOpenTask(conditions, actions));
  return {
    trigger,
    conditions: merged,
    actions: fillFlags(actions),
    feedback,
    mode,
    matched: s.matched,
    unrecognised: s.unrecognised,
    ambiguities: s.ambiguities,
    coverage: s.coverage(),
    name: null,
  };
}

/**
 * "…moves from green to yellow, or from yellow to red": grades said after "or" with the verb of the grade
 * change before left out; null unless the trigger before is a grade change and the part says only grades.
 */
function elidedGradeChange(s: Sentence, part: Span, before: PlaybookTrigger): PlaybookTrigger | null {
  if (before.kind !== "HEALTH_GRADE_CHANGE") return null;
  const grades = s.matches(part, (e) => e.kind === "HEALTH_GRADE");
  if (grades.length === 0) return null;
  for (let i = part.from; i < part.to; i += 1)
    if (!grades.some((g) => i >= g.from && i < g.to) && !["from", "to", "into", "or", "and"].includes(s.word(i)))
      return null;
  const from: string[] = [];
  const to: string[] = [];
  for (const g of grades) {
    (s.word(g.from - 1) === "from" ? from : to).push(g.entries[0]!.id);
    s.term(g.text, "HEALTH_GRADE", g.entries[0]!.id);
  }
  s.use(part.from, part.to);
  return {
    kind: "HEALTH_GRADE_CHANGE",
    ...(to.length > 0 ? { to } : {}),
    ...(from.length > 0 ? { from } : {}),
    ...(before.direction !== undefined && before.direction !== null ? { direction: before.direction } : {}),
  };
}

/** Two triggers said with "or" as one: grade changes or events of either; null when they are of other kinds. */
function orTriggers(a: PlaybookTrigger, b: PlaybookTrigger): PlaybookTrigger | null {
  const union = <T>(x: readonly T[] | undefined, y: readonly T[] | undefined) =>
    x === undefined || y === undefined ? undefined : [...new Set([...x, ...y])];
  if (a.kind === "EVENT" && b.kind === "EVENT")
    return { kind: "EVENT", eventTypes: union(a.eventTypes, b.eventTypes)! };
  if (a.kind === "HEALTH_GRADE_CHANGE" && b.kind === "HEALTH_GRADE_CHANGE") {
    const to = union(a.to, b.to);
    const from = union(a.from, b.from);
    const direction = a.direction === b.direction ? a.direction : undefined;
    return {
      kind: "HEALTH_GRADE_CHANGE",
      ...(to !== undefined ? { to } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(direction !== undefined && direction !== null ? { direction } : {}),
    };
  }
  return null;
}

/** One condition per account field: the same field said twice becomes one IN. */
function mergeFieldConditions(conditions: PlaybookCondition[]): PlaybookCondition[] {
  const out: PlaybookCondition[] = [];
  for (const c of conditions) {
    if (c.kind === "ACCOUNT_FIELD" && c.field !== "name") {
      const same = out.find((o) => o.kind === "ACCOUNT_FIELD" && o.field === c.field);
      if (same !== undefined && same.kind === "ACCOUNT_FIELD") {
        const values = [...new Set([...same.values, ...c.values])];
        out[out.indexOf(same)] = { ...same, op: values.length === 1 ? "EQUALS" : "IN", values };
        continue;
      }
    }
    if (out.some((o) => JSON.stringify(o) === JSON.stringify(c))) continue;
    out.push(c);
  }
  return out;
}

export { readDuration, wholeDays };
