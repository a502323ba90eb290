/**
 * Splits an English sentence into the clauses a playbook is made of (issue 12): the trigger ("when…",
 * "if…", "whenever…", "every time…"), its conditions ("unless…", "… and it buys through a reseller"), the
 * actions ("create…", "give… and post…"), the success criterion ("it worked if…", "success means…") and the
 * mode ("ask me first", "automatically"). Pieces are cut at sentence marks, commas and these keywords.
 */
import { FUNCTION_WORDS, PERSON_TITLES, Sentence, Span } from "./sentence";
import { LexiconMatch } from "../lexicon";

export type ClauseRole = "TRIGGER" | "UNLESS" | "CONDITION" | "FEEDBACK" | "ACTION" | "MODE" | "DEADLINE";

export interface Clause extends Span {
  role: ClauseRole;
}

/** Words that open a trigger clause (phrases as space-separated words). */
export const TRIGGER_OPENERS = [
  "whenever",
  "when",
  "if",
  "every time",
  "each time",
  "any time",
  "anytime",
  "as soon as",
  "once",
  "in case",
  "should",
  "watch for",
  "look out for",
  "keep an eye out for",
  "in the event that",
  "upon",
  "on the day",
  "the moment",
  "the minute",
  "right after",
  "immediately after",
  "just after",
  "following",
  "after",
];

/** Phrases that open a success criterion. */
const FEEDBACK_OPENERS = [
  "success:",
  "success",
  "goal",
  "target",
  "kpi",
  "it worked if",
  "it worked when",
  "it works if",
  "it succeeded if",
  "it succeeds if",
  "it is a success if",
  "it a success if",
  "it counts as a success if",
  "it counts as success if",
  "count it as a success if",
  "count it as success if",
  "count it as done if",
  "consider it done if",
  "consider it done when",
  "consider it a success if",
  "consider it successful if",
  "consider it worked if",
  "call it done if",
  "call it a success if",
  "success means",
  "success is",
  "success is when",
  "success is if",
  "successful if",
  "successful when",
  "we know it worked if",
  "the goal is",
  "the goal is that",
  "done means",
  "measure success by whether",
  "measure success by",
  "judge it by whether",
  "it is done when",
  "it done when",
  "well know it worked if",
  "well know it worked when",
  "we will know it worked if",
  "we will know it worked when",
  "we know it worked when",
  "the goal is for",
  "the aim is for",
  "the aim is that",
  "the aim is",
  "success looks like",
  "success would be",
  "success will be",
  "success would mean",
  "success will mean",
  "success is measured by",
  "its a success if",
  "its a success when",
  "it's a success if",
  "a success if",
  "a win if",
  "call it a win if",
  "well call it a win if",
  "we will call it a win if",
  "count it as a win if",
  "it counts as a win if",
  "we want to see",
  "we would like to see",
  "wed like to see",
  "we expect to see",
  "we hope to see",
  "the outcome we want is",
  "the desired outcome is",
];

/** Phrases after a condition that make it the success criterion: "If health is green again in 30 days, that's a success." */
export const FEEDBACK_TAILS = [
  "that a success",
  "that a win",
  "that success",
  "thats a success",
  "that is a success",
  "thats success",
  "that is success",
  "that counts as a success",
  "that counts as success",
  "that counts as a win",
  "thats a win",
  "that is a win",
  "it worked",
  "it has worked",
  "then it worked",
  "we succeeded",
  "consider it a success",
  "consider it done",
  "call it a success",
  "call it done",
];

/** Phrases that ask to confirm first (SUGGEST). */
export const SUGGEST_PHRASES = [
  "ask me first",
  "ask me before",
  "let me confirm",
  "let me approve",
  "let me review",
  "let me check",
  "let me decide",
  "check with me",
  "confirm with me",
  "with my approval",
  "after i approve",
  "after i confirm",
  "once i approve",
  "once i confirm",
  "wait for my",
  "needs my approval",
  "need my approval",
  "only suggest",
  "just suggest",
  "suggest it",
  "propose it",
  "ask for my approval",
  "ask for approval",
  "ask for confirmation",
  "for my confirmation",
  "me first",
  "get my approval",
  "get my ok",
  "get my okay",
  "get my go-ahead",
  "my approval first",
  "my sign-off",
  "my sign off",
  "with my ok",
  "with my okay",
  "i want to approve",
  "i want to confirm",
  "i want to review",
  "id like to approve",
  "i would like to approve",
  "let me sign off",
  "let me okay",
  "run it by me",
  "run this by me",
  "run them by me",
  "check in with me",
  "ask for my ok",
  "ask for my okay",
  "ask for my sign-off",
  "ask for my go-ahead",
  "after my approval",
  "pending my approval",
  "subject to my approval",
  "once i have approved",
  "after i have approved",
  "after i sign off",
  "once i sign off",
  "dont act without",
  "do not act without",
  "dont do anything without",
  "do not do anything without",
  "nothing without my",
  "suggest only",
  "as a suggestion",
  "propose first",
  "only propose",
  "ask before",
  "confirm first",
  "approve first",
];

/** Words that finish a mode phrase ("ask me first before", "wait for my approval before"). */
export const MODE_TAIL = new Set([
  "my",
  "first",
  "please",
  "before",
  "and",
  "then",
  "it",
  "runs",
  "acting",
  "approval",
  "confirmation",
  "go-ahead",
  "ok",
  "okay",
  "doing",
  "anything",
  "something",
  "taking",
  "action",
  "any",
  "changing",
  "making",
  "changes",
  "else",
]);

/** Words that say AUTO. */
export const AUTO_PHRASES = [
  "run it automatically",
  "do it automatically",
  "without asking me",
  "no need to ask me",
  "no approval needed",
  "automatically",
  "automatic",
  "auto",
  "without asking",
  "without confirmation",
  "without approval",
  "without my approval",
  "no need to ask",
  "no confirmation needed",
  "no approval required",
  "no confirmation required",
  "without checking with me",
  "without waiting for me",
  "without waiting for approval",
  "without my confirmation",
  "without my sign-off",
  "without confirming",
  "no need to check with me",
  "no need to confirm",
  "no need for approval",
  "dont ask me",
  "do not ask me",
  "dont wait for me",
  "do not wait for me",
  "on its own",
  "on autopilot",
  "hands-off",
  "just do it",
  "just go ahead",
  "go ahead and do it",
  ...["dont bother asking", "do not bother asking", "no need to run it by me", "dont run it by me"],
  ...["without running it by me", "skip my approval", "no sign-off needed", "no sign-off required"],
  ...["dont wait for my approval", "do not wait for my approval", "dont check with me", "do not check with me"],
];

/** Verbs an action clause starts with (after "then", "and", "also", "please"). */
export const ACTION_VERBS = new Set([
  "create",
  "open",
  "add",
  "log",
  "file",
  "start",
  "schedule",
  "set",
  "book",
  "raise",
  "make",
  "launch",
  "kick",
  "assign",
  "give",
  "send",
  "post",
  "push",
  "forward",
  "sync",
  "notify",
  "alert",
  "tell",
  "ask",
  "have",
  "get",
  "remind",
  "let",
  "email",
  "e-mail",
  "ping",
  "message",
  "call",
  "flag",
  "tag",
  "mark",
  "label",
  "put",
  "escalate",
  "trigger",
  "fire",
  "hand",
  "route",
  "generate",
  "queue",
  "arrange",
  "plan",
  "prepare",
  "inform",
  "page",
  "loop",
  "emit",
  "record",
  "submit",
  "dispatch",
  "request",
  "invoke",
  "hit",
  "webhook",
  "publish",
  "share",
  "report",
  "draft",
  "organise",
  "organize",
  "initiate",
  "register",
  "require",
  "cc",
  // Verbs that are themselves the thing to do ("visit the customer", "follow up with them").
  ...["visit", "contact", "phone", "inspect", "audit", "investigate", "review", "check", "verify"],
  ...["follow", "reach", "meet", "coach", "train", "escalate", "re-engage", "survey", "interview", "offer"],
  // More verbs that are the thing to do ("enrol them in the programme", "chase the invoice", "fix the line").
  ...["enrol", "enroll", "invite", "update", "confirm", "chase", "renew", "refund", "waive", "freeze"],
  ...["suspend", "pause", "resend", "replace", "fix", "repair", "calibrate", "diagnose", "troubleshoot"],
  ...["assess", "evaluate", "analyse", "analyze", "document", "approve", "vet", "recheck", "double-check"],
]);

/** Words skipped before an action's verb. */
export const ACTION_LEADERS = new Set([
  // Modals before the verb as "should" is ("… must get Raj a task", "… will need to call them").
  ...["must", "shall", "ought", "will", "needs", "need"],
  // "first tell the owner, then …", "let's have Raj call them".
  ...["first", "firstly", "second", "secondly", "s", "lets"],
  "you",
  "then",
  "and",
  "also",
  "please",
  "automatically",
  "immediately",
  "just",
  "so",
  "we",
  "should",
  "to",
  "straight",
  "away",
  "right",
  "auto",
  "additionally",
  "plus",
  "i",
  "want",
  "you",
  "would",
  "like",
  "go",
  "ahead",
  "and",
  "let",
  "us",
  "after",
  "afterwards",
  "that",
  "next",
  "finally",
  "lastly",
  "meanwhile",
  "too",
  "id",
  "wed",
  "really",
]);

/** Words that say the playbook worked: "count it as working if", "it has worked if", "deem it effective when". */
const SUCCESS_WORDS = new Set([
  ...["success", "successful", "succeeded", "succeeds", "working", "worked", "works", "done", "effective"],
  ...["win", "fixed", "resolved", "solved", "good", "positive", "helpful", "landed"],
]);
const JUDGE_VERBS = new Set(["count", "consider", "treat", "call", "mark", "deem", "regard", "judge", "score", "rate"]);
const SUBJECT_WORDS = new Set(["it", "its", "this", "that", "playbook", "rule", "the", "we", "we've", "weve"]);
const SUCCESS_FILLERS = new Set([
  "as",
  "a",
  "an",
  "to",
  "be",
  "being",
  "has",
  "have",
  "is",
  "been",
  "really",
  "actually",
]);
const CONDITION_WORDS = new Set(["if", "when", "once", "provided"]);

/**
 * "count it as working if …", "it has worked if …", "deem this effective when …", "the playbook succeeded
 * once …": a judging verb or the playbook as subject, a word of success and "if"/"when": the index where the
 * criterion's opener starts, or null.
 */
function successJudgement(s: Sentence, span: Span): number | null {
  for (let i = span.from; i < span.to; i += 1) {
    let k = i;
    // "we'll count it as …", "I'd call it done if …"
    if (["we", "well", "i", "ill", "id", "wed", "you", "lets"].includes(s.word(k)) && JUDGE_VERBS.has(s.word(k + 1)))
      k += 1;
    if (JUDGE_VERBS.has(s.word(k)) && SUBJECT_WORDS.has(s.word(k + 1))) k += 2;
    else if (SUBJECT_WORDS.has(s.word(k)) && (k === span.from || !SUBJECT_WORDS.has(s.word(k - 1)))) k += 1;
    else continue;
    while (SUBJECT_WORDS.has(s.word(k)) && k < i + 3) k += 1;
    while (SUCCESS_FILLERS.has(s.word(k))) k += 1;
    if (!SUCCESS_WORDS.has(s.word(k))) continue;
    k += 1;
    if (s.word(k) === "out") k += 1;
    if (CONDITION_WORDS.has(s.word(k))) return i;
  }
  return null;
}

/** After a judgement that opens span ("count it as working if"), the index after its "if"/"when"; else null. */
export function successJudgementEnd(s: Sentence, span: Span): number | null {
  if (successJudgement(s, span) !== span.from) return null;
  for (let k = span.from; k < span.to; k += 1) if (CONDITION_WORDS.has(s.word(k))) return k + 1;
  return null;
}

function feedbackStart(s: Sentence, span: Span): number | null {
  const judged = successJudgement(s, span);
  const found = s.find(span, FEEDBACK_OPENERS);
  const hit = judged !== null && (found === null || judged < found.i) ? { i: judged, n: 1 } : found;
  if (hit === null) return null;
  // "success", "goal", "target" alone open a criterion only at the start of a piece ("Success: …").
  if (hit.n === 1 && ["success", "goal", "target", "kpi"].includes(s.word(hit.i)) && hit.i !== span.from) return null;
  return hit.i;
}

/** The first token of span that is an action verb after leading words, or null. */
export function verbIndex(s: Sentence, span: Span): number | null {
  for (let i = span.from; i < span.to; i += 1) {
    const w = s.word(i);
    // "let me confirm" is a mode, "let's have Raj call" a leader before the verb.
    const letLeads = w === "let" && (["me", "s", "us"].includes(s.word(i + 1)) || ACTION_VERBS.has(s.word(i + 1)));
    if (ACTION_VERBS.has(w) && !letLeads) return i;
    if (!ACTION_LEADERS.has(w)) return null;
  }
  return null;
}

/** Whether span names only people, teams or partners ("Zhang Min", "Raj and the CS team"). */
export function onlyAssignees(s: Sentence, span: Span): boolean {
  const kinds = ["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION"];
  let i = span.from;
  let any = false;
  while (i < span.to) {
    if (["the", "and", "or", "both"].includes(s.word(i))) {
      i += 1;
      continue;
    }
    const m = s.lexicon.matchAt(s.tokens, i, s.text, (e) => kinds.includes(e.kind));
    if (m === null || m.to > span.to) return false;
    any = true;
    i = m.to;
    if (["team", "department", "group"].includes(s.word(i)) && i < span.to) i += 1;
  }
  return any;
}

const DOER_KINDS = ["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION"];

/**
 * "push it to ServiceNow, Zendesk and the partner portal": a piece that names only systems (the tenant's
 * endpoints or capitalised names) after a piece that sends something to one goes on with its list.
 */
function systemListGoesOn(s: Sentence, piece: Span, next: Span): boolean {
  const endpoint = (e: { kind: string }) => e.kind === "WEBHOOK_ENDPOINT";
  if (s.matches({ from: Math.max(piece.from, piece.to - 4), to: piece.to }, endpoint, false).length === 0) {
    // "to Zendesk, Slack …": a capitalised name right after a preposition ends the piece.
    const last = piece.to - 1;
    if (!["to", "into", "on", "in", "onto"].includes(s.word(last - 1)) || !/^\p{Lu}/u.test(s.phrase(last, last + 1)))
      return false;
  }
  let i = next.from;
  let any = false;
  while (i < next.to) {
    if (["and", "or", "the", "also"].includes(s.word(i))) {
      i += 1;
      continue;
    }
    const m = s.lexicon.matchAt(s.tokens, i, s.text, endpoint);
    if (m !== null && m.to <= next.to) {
      i = m.to;
      any = true;
      continue;
    }
    if (!/^[\p{Lu}#]/u.test(s.phrase(i, i + 1))) return false;
    any = true;
    i += 1;
  }
  return any;
}

/** Whether span ends with a doer's name ("have Raj"). */
function endsWithAssignee(s: Sentence, span: Span): boolean {
  for (let i = Math.max(span.from, span.to - 4); i < span.to; i += 1) {
    const m = s.lexicon.matchAt(s.tokens, i, s.text, (e) => DOER_KINDS.includes(e.kind));
    if (m !== null && (m.to === span.to || (m.to + 1 === span.to && ["team", "department"].includes(s.word(m.to)))))
      return true;
  }
  return false;
}

/** Whether span starts with a doer's name ("Anna and the CS team call them"). */
function startsWithAssignee(s: Sentence, span: Span): boolean {
  const i = s.word(span.from) === "the" ? span.from + 1 : span.from;
  return s.lexicon.matchAt(s.tokens, i, s.text, (e) => DOER_KINDS.includes(e.kind)) !== null;
}

/** Words between "the" and a doer ("the local service partner"). */
const SUBJECT_ADJECTIVES = new Set([
  "local",
  "regional",
  "responsible",
  "assigned",
  "relevant",
  "nearest",
  "dedicated",
]);

/** Whose partner a partner word names ("the region's service partner", "the account's reseller"). */
const PARTNER_OWNERS = new Set(["region", "area", "territory", "account", "customer", "client"]);

/** Modal words after a subject that make it the doer of an action: "the owner should call them". */
const MODALS = new Set([
  ...["should", "must", "will", "shall", "needs", "need", "has", "is", "can", "gets", "receives", "ought"],
  // "Raj and Anna each get a call task": several doers with the verb in the plural.
  ...["get", "receive"],
  ...["would", "may", "might", "could", "are", "have"],
]);

/**
 * "the account owner should schedule a check-in", "Sarah must call them": the index of the assignee that
 * starts an action said with its doer first, or null.
 */
export function subjectAction(s: Sentence, span: Span): number | null {
  let i = span.from;
  while (i < span.to && ACTION_LEADERS.has(s.word(i)) && s.word(i) !== "let") i += 1;
  // "both Tom and the QA engineer should …", "either Raj or Anna must …"
  if (["both", "either"].includes(s.word(i))) i += 1;
  const start = i;
  // "someone from the CS team should …", "anyone in finance must …": the team is the doer.
  if (
    ["someone", "somebody", "anyone", "anybody"].includes(s.word(i)) &&
    ["from", "in", "on", "at", "of"].includes(s.word(i + 1))
  )
    i += 2;
  while (s.word(i) === "the" || (["our", "its", "their"].includes(s.word(i)) && i === start)) i += 1;
  // "the local service partner should …", "the responsible account manager must …"
  if (
    SUBJECT_ADJECTIVES.has(s.word(i)) &&
    s.lexicon.matchAt(s.tokens, i, s.text, (e) => DOER_KINDS.includes(e.kind)) === null
  )
    i += 1;
  const kinds = ["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION", "ORGANIZATION_KIND"];
  // "the region's service partner should …", "the account's reseller must …": whose partner it is.
  // "the account's region's service partner": owners in a chain.
  let owners = i;
  while (PARTNER_OWNERS.has(s.word(owners))) owners += 1;
  if (owners > i && s.lexicon.matchAt(s.tokens, owners, s.text, (e) => e.kind === "ORGANIZATION_KIND") !== null)
    i = owners;
  let match =
    s.lexicon.matchAt(s.tokens, start, s.text, (e) => kinds.includes(e.kind)) ??
    s.lexicon.matchAt(s.tokens, i, s.text, (e) => kinds.includes(e.kind));
  if (match === null) return null;
  let j = match.to;
  if (["team", "department", "group"].includes(s.word(j))) j += 1;
  j = servesClauseEnd(s, j);
  // "our partner Apex should …": the partner's name after the partner word.
  if (match.entries[0]?.kind === "ORGANIZATION_KIND") {
    const named = s.lexicon.matchAt(s.tokens, j, s.text, (e) => e.kind === "ORGANIZATION");
    if (named !== null) j = named.to;
  }
  // "Li Wei from finance should …": the person's team says who they are.
  const person = match.entries[0]?.kind === "USER";
  const team = ["from", "of", "in", "on"].includes(s.word(j))
    ? s.lexicon.matchAt(s.tokens, s.word(j + 1) === "the" ? j + 2 : j + 1, s.text, (e) => kinds.includes(e.kind))
    : null;
  if (person && team !== null) j = ["team", "department", "group"].includes(s.word(team.to)) ? team.to + 1 : team.to;
  // "Zhang Min and Li Wei should each get …", "Tom, Anna and the CS team must …": several doers.
  while (["and", "or"].includes(s.word(j)) || s.gapBefore(j).includes(",")) {
    let k = ["and", "or"].includes(s.word(j)) ? j + 1 : j;
    if (s.word(k) === "the") k += 1;
    const more = s.lexicon.matchAt(s.tokens, k, s.text, (e) => kinds.includes(e.kind));
    if (more === null || (k === j && !s.gapBefore(j).includes(","))) break;
    match = more;
    j = more.to;
    if (["team", "department", "group"].includes(s.word(j))) j += 1;
  }
  while (["each", "both", "all", "also", "then", "now"].includes(s.word(j)) && !MODALS.has(s.word(j))) j += 1;
  if (MODALS.has(s.word(j))) return start;
  // "…, and the field service team to check the machines" (after "I'd like Tom to …"): the wish goes on.
  if (
    s.word(j) === "to" &&
    s.word(start - 1) === "and" &&
    !["the", "a", "an", "them", "it"].includes(s.word(j + 1)) &&
    wishBefore(s, start)
  )
    return start;
  // "Huatong inspects the scanners", "the service manager calls the customer": the present tense, read as
  // the verb itself.
  const base = presentTenseBase(s.phrase(j, j + 1).toLowerCase()) ?? presentBeforeObject(s, j);
  if (base !== null && !s.isUsed(j)) {
    s.readAs(j, base);
    return start;
  }
  return null;
}

/** Verbs of a partner's relative clause: "the partner that serves the region", "the reseller who covers them". */
const SERVE_VERBS = new Set(["serves", "serve", "covers", "cover", "supports", "support", "handles", "services"]);

/**
 * After a doer, the end of a relative clause saying whom it serves ("that serves the region", "who covers the
 * account", "which handles their area"), or j when none stands there.
 */
export function servesClauseEnd(s: Sentence, j: number): number {
  // "of its region", "in that area", "serving the territory": the region said after the doer.
  if (["of", "in", "for", "serving", "covering"].includes(s.word(j))) {
    const k = ["the", "its", "their", "this", "that"].includes(s.word(j + 1)) ? j + 2 : j + 1;
    return ["region", "area", "territory"].includes(s.word(k)) ? k + 1 : j;
  }
  if (!["that", "which", "who"].includes(s.word(j)) || !SERVE_VERBS.has(s.word(j + 1))) return j;
  let k = j + 2;
  if (["the", "their", "its", "this", "that"].includes(s.word(k))) k += 1;
  if (!["region", "area", "territory", "account", "customer", "client", "them", "it", "site"].includes(s.word(k)))
    return j;
  return k + 1;
}

/** Whether a wish read as "have" ("I'd like Tom to …") stands before token i. */
function wishBefore(s: Sentence, i: number): boolean {
  for (let k = 0; k < i; k += 1) {
    if (s.word(k) === "have" && ["want", "like", "need", "sure", "ensure"].includes(s.phrase(k, k + 1).toLowerCase()))
      return true;
  }
  return false;
}

/** The verb of a third-person present form that does something ("calls" → call, "audits" → audit), or null. */
function presentTenseBase(w: string): string | null {
  if (w.length < 4 || !w.endsWith("s") || w.endsWith("ss") || FUNCTION_WORD_VERBS.has(w)) return null;
  const candidates = [
    w.endsWith("ies") ? `${w.slice(0, -3)}y` : null,
    w.endsWith("es") ? w.slice(0, -2) : null,
    w.slice(0, -1),
  ];
  return candidates.find((c) => c !== null && (ACTION_VERBS.has(c) || PRESENT_VERBS.has(c))) ?? null;
}

/** Words that start the object of a verb: "builds a save plan", "writes them a note", "draws up the plan". */
const OBJECT_STARTS = new Set(["a", "an", "the", "them", "their", "it", "its", "his", "her", "up", "out", "back"]);

/**
 * "Customer Success builds a save plan", "Priya drafts the memo": any third-person present form right after a
 * doer and before an object is the doer's action, read as its base form ("builds" → build, "fixes" → fix,
 * "carries" → carry), whether or not the grammar knows the verb.
 */
function presentBeforeObject(s: Sentence, j: number): string | null {
  const w = s.phrase(j, j + 1).toLowerCase();
  if (!/^[a-z]{4,}$/.test(w) || !w.endsWith("s") || /(ss|us|is)$/.test(w) || FUNCTION_WORD_VERBS.has(w)) return null;
  if (!OBJECT_STARTS.has(s.word(j + 1))) return null;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|zes|sses|oes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** Verb forms after a doer that are no action of theirs. */
const FUNCTION_WORD_VERBS = new Set(["is", "has", "was", "does", "gets", "receives", "needs"]);
/** Verbs a doer does in the present tense besides the action verbs ("runs a workshop", "holds a session"). */
const PRESENT_VERBS = new Set([
  "run",
  "hold",
  "conduct",
  "perform",
  "do",
  "prepare",
  "organise",
  "organize",
  "handle",
  "take",
  "fix",
  "repair",
  "replace",
  "update",
  "calibrate",
  "deliver",
  "provide",
  "set",
  // "Customer Success builds a save plan", "the quality team writes an 8D report".
  ...["build", "write", "draw", "design", "compile", "lead", "coordinate", "drive", "put", "draft", "assess"],
]);

/** Past participles of action verbs that are not the verb plus "ed". */
const IRREGULAR_PARTICIPLES: Readonly<Record<string, string>> = {
  sent: "send",
  given: "give",
  told: "tell",
  made: "make",
  put: "put",
  set: "set",
  kicked: "kick",
  paged: "page",
};

/** The action verb a past participle is a form of ("created" → "create", "flagged" → "flag"), or null. */
export function participleBase(w: string): string | null {
  const irregular = IRREGULAR_PARTICIPLES[w];
  if (irregular !== undefined) return irregular;
  if (!w.endsWith("ed") || w.length < 5) return null;
  const stem = w.slice(0, -2);
  const doubled = stem.length >= 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : null;
  const ied = w.endsWith("ied") ? `${w.slice(0, -3)}y` : null;
  return [stem, `${stem}e`, doubled, ied].find((c) => c !== null && ACTION_VERBS.has(c)) ?? null;
}

/** Auxiliaries of a passive: "should be created", "is opened", "gets assigned", "has been flagged". */
const PASSIVE_AUXILIARIES = new Set(["be", "is", "are", "gets", "get", "been"]);

/**
 * An action said in the passive, its object first: "a rescue task should be created for marketplace ops",
 * "the owner should be notified", "the account gets flagged as at-risk". The auxiliary, the participle
 * and the action verb it stands for, or null.
 */
export function passiveAction(s: Sentence, span: Span): { aux: number; participle: number; base: string } | null {
  // "… and a renewal-risk review opened for finance": the auxiliary said once for both.
  let lead = span.from;
  while (["and", "then", "also"].includes(s.word(lead))) lead += 1;
  if (["a", "an"].includes(s.word(lead)) && lead > span.from) {
    for (let i = lead + 1; i < Math.min(span.to, lead + 6); i += 1) {
      const base = participleBase(s.word(i));
      if (base !== null && CREATE_PARTICIPLE_FOLLOWERS.has(s.word(i + 1))) return { aux: i, participle: i, base };
      if (["for", "to", "by", "and"].includes(s.word(i))) break;
    }
  }
  for (let i = span.from + 1; i + 1 < span.to; i += 1) {
    if (!PASSIVE_AUXILIARIES.has(s.word(i))) continue;
    const base = participleBase(s.word(i + 1));
    if (base === null) continue;
    let aux = i;
    while (aux - 1 > span.from && MODALS_BEFORE_BE.has(s.word(aux - 1))) aux -= 1;
    return { aux, participle: i + 1, base };
  }
  return null;
}

/** Words after an elided passive's participle ("a review opened for finance"). */
const CREATE_PARTICIPLE_FOLLOWERS = new Set(["for", "to", "by", "within", "due", "in", "and", ""]);

/** Words before "be" in a passive ("should", "must", "needs to", "has"). */
const MODALS_BEFORE_BE = new Set([
  "should",
  "must",
  "will",
  "shall",
  "can",
  "to",
  "needs",
  "need",
  "has",
  "have",
  "is",
]);

/** The words that end a piece saying what starts the playbook: "more than two outliers in 30 days means: …". */
const TRIGGER_TAILS = ["means that", "means", "should trigger", "calls for", "warrants", "is a reason to"];

/** Verbs by which what happens brings about an action: "… should trigger a task", "… means a call from Raj". */
const LINK_VERBS = new Set([
  ...["trigger", "triggers", "mean", "means", "prompt", "prompts", "warrant", "warrants", "merit", "merits"],
  ...["justify", "justifies", "spawn", "spawns", "generate", "generates", "create", "creates", "open", "opens"],
  ...["earn", "earns", "deserve", "deserves", "need", "needs", "require", "requires", "raise", "raises"],
  // "every new ticket should become a triage task", "any deleted contact gets a review task for …".
  ...["become", "becomes", "get", "gets", "receive", "receives"],
]);
/** Link verbs whose bare form says nothing else ("trigger" and "open" can also start an action). */
const BARE_LINK_VERBS = new Set(["mean", "warrant", "merit", "justify", "deserve", "spawn", "earn", "become", "get"]);
const LINK_PAIRS = [
  ...["lead to", "leads to", "result in", "results in", "kick off", "kicks off", "set off", "sets off"],
  ...["turn into", "turns into", "call for", "calls for"],
];
const LINK_MODALS = new Set(["should", "must", "will", "shall", "would", "ought", "to", "automatically", "always"]);

/**
 * "Three late deliveries … should trigger a recovery task", "more than five escalations in a fortnight
 * mean a call from Raj": a piece that starts with what happens (no verb, no doer, no opener) and links it to
 * an action by a verb of bringing about, followed by a thing ("a", "an", "one"). Where the link starts and
 * its verb, or null.
 */
function triggerLink(s: Sentence, span: Span): { from: number; verb: number } | null {
  if (verbIndex(s, span) !== null || subjectAction(s, span) !== null) return null;
  if (startsWithOpener(s, span.from, TRIGGER_OPENERS) > 0) return null;
  for (let i = span.from + 2; i < span.to - 1; i += 1) {
    const pair = LINK_PAIRS.find((p) => s.at(i, p.split(" ")));
    const n = pair !== undefined ? 2 : LINK_VERBS.has(s.word(i)) ? 1 : 0;
    if (n === 0) continue;
    if (!["a", "an", "one", "another", "both", "two", "three"].includes(s.word(i + n))) continue;
    let from = i;
    while (from - 1 > span.from && LINK_MODALS.has(s.word(from - 1))) from -= 1;
    // A modal or a present tense is the link ("should trigger", "triggers"); a bare "open" or "need" is not.
    // A plural subject takes the bare form of a verb that only links ("three expiries mean a review").
    if (from === i && !/s$/.test(s.word(i)) && pair === undefined && !BARE_LINK_VERBS.has(s.word(i))) continue;
    if (n === 2) s.use(i, i + 1);
    return { from, verb: i + n - 1 };
  }
  return null;
}

/**
 * "NRR above 120% means the key account team gets a task", "… so Finance receives a review": a doer said
 * between a link word and the link verb is the action's subject. Where the link word stands and where the
 * doer starts, or null.
 */
function doerAfterLinkWord(s: Sentence, piece: Span, link: number): { lead: number; from: number } | null {
  for (let lead = piece.from + 1; lead < link; lead += 1) {
    if (!["means", "mean", "so", "then"].includes(s.word(lead))) continue;
    const from = s.word(lead + 1) === "that" ? lead + 2 : lead + 1;
    const k = ["the", "our"].includes(s.word(from)) ? from + 1 : from;
    const doer = s.lexicon.matchAt(s.tokens, k, s.text, (e) => DOER_KINDS.includes(e.kind));
    if (doer === null) continue;
    const end = ["team", "department", "group"].includes(s.word(doer.to)) ? doer.to + 1 : doer.to;
    if (end === link) return { lead, from };
  }
  return null;
}

/** Where a trigger opener stands inside span (not at its start), or null. */
function triggerOpenerInside(s: Sentence, span: Span): number | null {
  for (let i = span.from + 1; i < span.to; i += 1) {
    for (const opener of TRIGGER_OPENERS) {
      if (opener === "should") continue;
      const words = opener.split(" ");
      if (!s.at(i, words)) continue;
      if (opener === "once" && onceIsFrequency(s, i)) continue;
      if (opener === "when" && s.word(i - 1) === "done") continue;
      // Inside a piece, only the clear openers cut it ("… within a week after …" is no trigger).
      if (
        [
          "after",
          "following",
          "upon",
          "on the day",
          "the moment",
          "the minute",
          "right after",
          "immediately after",
          "just after",
        ].includes(opener)
      )
        continue;
      return i;
    }
  }
  return null;
}

/** Whether what follows "after"/"following" at i is something happening ("after a contact is deleted"). */
function triggerAfter(s: Sentence, i: number): boolean {
  const next = s.word(i);
  if (["a", "an", "any", "every", "each"].includes(next)) return true;
  // "after the health grade drops", but not "after that" or "after the first call".
  return next === "the" && !["same", "first", "call", "visit", "review", "task", "meeting"].includes(s.word(i + 1));
}

/** Period words after "once a"/"once per": "once a week" is a frequency, "once an account …" a trigger. */
const FREQUENCY_PERIODS = new Set(["day", "week", "fortnight", "month", "quarter", "year", "while", "shift"]);

/** Whether "once" at i says how often ("once a week", "once more", "once per month"), not when. */
function onceIsFrequency(s: Sentence, i: number): boolean {
  const next = s.word(i + 1);
  if (["per", "every", "each", "more", "again", "or", "in"].includes(next)) return true;
  if (["a", "an"].includes(next)) return FREQUENCY_PERIODS.has(s.word(i + 2));
  return false;
}

function startsWithOpener(s: Sentence, i: number, openers: readonly string[]): number {
  for (const opener of openers) {
    const words = opener.split(" ");
    if (!s.at(i, words)) continue;
    if (opener === "once" && onceIsFrequency(s, i)) continue;
    // "after that, tell the owner", "following this": a sequence of actions, not a trigger.
    if (
      ["after", "following", "right after", "just after", "immediately after"].includes(opener) &&
      !triggerAfter(s, i + words.length)
    )
      continue;
    if (opener === "should" && verbIndex(s, { from: i + 1, to: s.tokens.length }) !== null) continue;
    // "… should be visited by Huatong", "should get a task": a modal of an action, not "Should X happen, …".
    if (
      opener === "should" &&
      (["be", "get", "receive", "have", "also", "then"].includes(s.word(i + 1)) || participleLike(s.word(i + 1)))
    )
      continue;
    return words.length;
  }
  return 0;
}

/** Words a trigger's continuation starts with ("…, in region X, …", "…, and it buys through …"). */
const CONTINUATION_STARTS = new Set([
  "in",
  "for",
  "with",
  "where",
  "while",
  "whose",
  "at",
  "from",
  "across",
  "and",
  "or",
  "but",
  "only",
  "within",
  "during",
  "on",
  "of",
  "that",
  "which",
  "who",
  "provided",
  "as",
  "it",
  "its",
  "the",
  "a",
  "an",
  "over",
  "by",
]);

/**
 * Inside a trigger clause with no comma before the actions ("when OEE drops under 60% create a task …"):
 * the index of an imperative verb that starts the actions, or null.
 */
function actionInsideTrigger(s: Sentence, span: Span): number | null {
  for (let i = span.from + 2; i < span.to; i += 1) {
    const w = s.word(i);
    if (!STRONG_VERBS.has(w)) continue;
    const before = s.word(i - 1);
    if (
      [
        "to",
        "will",
        "would",
        "should",
        "and",
        "or",
        "the",
        "a",
        "an",
        "can",
        "not",
        "i",
        "we",
        "they",
        "who",
        "that",
      ].includes(before)
    )
      continue;
    const after = s.word(i + 1);
    const opensObject =
      ["a", "an", "the", "it", "them", "one", "two", "three"].includes(after) ||
      s.lexicon.matchAt(s.tokens, i + 1, s.text, (e) =>
        ["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION", "WEBHOOK_ENDPOINT"].includes(e.kind),
      ) !== null;
    if (opensObject) return i;
  }
  return null;
}

/** Imperative verbs that can only start an action, not continue a trigger. */
const STRONG_VERBS = new Set([
  "create",
  "assign",
  "give",
  "notify",
  "tell",
  "ask",
  "flag",
  "schedule",
  "alert",
  "remind",
  "ping",
  "sync",
  "forward",
  "tag",
]);

/** Phrases that open a clause of conditions only ("but only for enterprise accounts"). */
const CONDITION_OPENERS = [
  "but only for",
  "but only if",
  "but only when",
  "only for",
  "only if",
  "only when",
  "as long as",
  "so long as",
  "provided that",
  "provided",
  "providing that",
  "providing",
  "assuming that",
  "assuming",
  // "…, while the account is yellow: …": a state the account is in while what happens happens.
  "while",
  "whilst",
  "but only",
  "only",
];

/** The action verb a gerund is a form of ("creating" → "create", "setting" → "set"), or null. */
export function gerundBase(w: string): string | null {
  if (!w.endsWith("ing") || w.length < 5) return null;
  const stem = w.slice(0, -3);
  const doubled = stem.length >= 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : null;
  return [stem, `${stem}e`, doubled].find((c) => c !== null && ACTION_VERBS.has(c)) ?? null;
}

/** Words after which a gerund is an action: "let me confirm before creating a task", "after opening a review". */
const GERUND_LEADS = new Set(["before", "after", "then", "and"]);

/**
 * Reads an action said as a gerund after a mode phrase or a linking word ("let me confirm before creating a
 * check-in task") as the verb itself, so the action is drafted like "create a check-in task".
 */
function readGerunds(s: Sentence): void {
  for (let i = 1; i < s.tokens.length; i += 1) {
    const base = GERUND_LEADS.has(s.word(i - 1)) ? gerundBase(s.word(i)) : null;
    if (base !== null) s.readAs(i, base);
  }
  // "whoever owns the account", "the person who manages the customer": the account owner said in more
  // words, read as "the account owner" (the words before it read as "the", which says nothing more).
  for (let i = 0; i < s.tokens.length; i += 1) {
    const end = ownerPeriphrasisEnd(s, i);
    if (end === null || end - i < 4) continue;
    for (let k = i; k < end - 2; k += 1) s.readAs(k, "the");
    s.readAs(end - 2, "account");
    s.readAs(end - 1, "owner");
  }
  // "a rescue task should go to the CS team", "the review must go to legal": the thing handed to a doer,
  // read as the passive "should be assigned to".
  for (let i = 2; i + 2 < s.tokens.length; i += 1) {
    if (!["go", "goes"].includes(s.word(i)) || s.word(i + 1) !== "to") continue;
    if (!["should", "must", "will", "shall", "can"].includes(s.word(i - 1))) continue;
    const who = s.word(i + 2) === "the" ? i + 3 : i + 2;
    const doer = s.lexicon.matchAt(s.tokens, who, s.text, (e) => DOER_KINDS.includes(e.kind));
    const thing = [2, 3, 4].some((d) => ["task", "review", "ticket", "call", "visit"].includes(s.stem(i - d)));
    if (doer === null || !thing) continue;
    s.readAs(i - 1, "be");
    s.readAs(i, "assigned");
  }
  // "Tom wants to know", "the CS team needs to hear about it": the doer is to be told, read as the passive
  // "Tom should be notified".
  for (let i = 1; i + 2 < s.tokens.length; i += 1) {
    if (!["wants", "want", "needs", "need"].includes(s.word(i)) || s.word(i + 1) !== "to") continue;
    if (!["know", "hear"].includes(s.word(i + 2))) continue;
    // A doer the directory has ends right before the verb ("Tom", "the quality team").
    const ends = (k: number) => {
      const m = s.lexicon.matchAt(s.tokens, k, s.text, (e) => DOER_KINDS.includes(e.kind));
      return m !== null && (m.to === i || (m.to === i - 1 && ["team", "department", "group"].includes(s.word(i - 1))));
    };
    if (![1, 2, 3].some((d) => i - d >= 0 && ends(i - d))) continue;
    s.readAs(i, "should");
    s.readAs(i + 1, "be");
    s.readAs(i + 2, "notified");
  }
  // "a churn-risk review for finance is needed whenever …": the thing needed is created.
  for (let i = 2; i < s.tokens.length; i += 1) {
    if (!["needed", "required", "wanted"].includes(s.word(i)) || !["is", "are"].includes(s.word(i - 1))) continue;
    const thing = [1, 2, 3, 4, 5, 6].some((d) =>
      ["task", "review", "call", "visit", "check", "audit"].includes(s.stem(i - 1 - d)),
    );
    if (thing) s.readAs(i, "created");
  }
  // "keep the compliance team in the loop", "keep Raj posted", "bring in the quality team": the doer is told,
  // read as "loop Raj in" (the words after the doer say nothing more).
  for (let i = 0; i + 2 < s.tokens.length; i += 1) {
    if (!["keep", "bring"].includes(s.word(i))) continue;
    const particle = s.word(i) === "bring" && s.word(i + 1) === "in" ? 1 : 0;
    const at = i + 1 + particle;
    const doer = s.lexicon.matchAt(s.tokens, s.word(at) === "the" ? at + 1 : at, s.text, (e) =>
      DOER_KINDS.includes(e.kind),
    );
    if (doer === null) continue;
    const after = s.phrase(doer.to, Math.min(s.tokens.length, doer.to + 3)).toLowerCase();
    if (s.word(i) === "keep") {
      const tail = ["in the loop", "posted", "informed", "updated", "in copy"].find((w) => after.startsWith(w));
      if (tail === undefined) continue;
      s.readAs(i, "loop");
      s.use(doer.to, doer.to + tail.split(" ").length);
    } else if (particle === 1 || s.word(doer.to) === "in") {
      s.readAs(i, "loop");
    }
  }
  // "suggest a business review to the account owner", "recommend a line audit to the quality engineer": a
  // thing proposed to a doer is theirs to do, read as "create a business review for the account owner".
  for (let i = 0; i + 3 < s.tokens.length; i += 1) {
    if (!["suggest", "recommend", "propose"].includes(s.word(i))) continue;
    for (let k = i + 2; k < Math.min(s.tokens.length, i + 8) && !/[.;,]/.test(s.gapBefore(k)); k += 1) {
      if (s.word(k) !== "to") continue;
      const who = s.word(k + 1) === "the" ? k + 2 : k + 1;
      if (s.lexicon.matchAt(s.tokens, who, s.text, (e) => DOER_KINDS.includes(e.kind)) === null) break;
      s.readAs(i, "create");
      s.readAs(k, "for");
      break;
    }
  }
  // "I'd like Tom to audit the line", "we want the CS team to call them", "make sure Sarah calls them": a
  // doer asked to act, read as "have Tom audit the line".
  for (let i = 0; i < s.tokens.length; i += 1) {
    const w = s.word(i);
    const wish =
      ["want", "like", "need"].includes(w) && ["i", "we", "id", "wed", "would", "really"].includes(s.word(i - 1));
    const ensure = (w === "sure" && s.word(i - 1) === "make") || (w === "ensure" && s.word(i + 1) !== "that");
    if (!wish && !ensure) continue;
    // "I'd like a task for Sarah …", "we want a call from Raj": the thing wished for is created.
    if (wish && ["a", "an"].includes(s.word(i + 1))) {
      s.readAs(i, "create");
      // "a call from Raj" is a call for Raj to make.
      for (let k = i + 2; k < s.tokens.length && !/[.;,]/.test(s.gapBefore(k)); k += 1) {
        const who = s.word(k + 1) === "the" ? k + 2 : k + 1;
        if (s.word(k) === "from" && s.lexicon.matchAt(s.tokens, who, s.text, (e) => DOER_KINDS.includes(e.kind)))
          s.readAs(k, "for");
      }
      continue;
    }
    const at = s.word(i + 1) === "that" ? i + 2 : i + 1;
    const who = s.word(at) === "the" ? at + 1 : at;
    const doer = s.lexicon.matchAt(s.tokens, who, s.text, (e) => DOER_KINDS.includes(e.kind));
    if (doer === null) continue;
    if (s.word(i - 1) === "make") s.readAs(i - 1, "please");
    s.readAs(i, "have");
    // "make sure Sarah calls them": the doer's verb in the present tense, read as the verb itself.
    const verb = presentTenseBase(s.word(doer.to));
    if (verb !== null) s.readAs(doer.to, verb);
  }
}

/** Verbs of owning an account ("whoever owns the account", "the rep who manages the customer"). */
const OWNING_VERBS = new Set(["owns", "own", "manages", "manage", "runs", "handles", "covers", "looks"]);

/**
 * Where a phrase naming the account owner by what they do ends ("whoever owns the account", "the person who
 * manages the customer", "the rep that looks after the client"), or null when none starts at i.
 */
function ownerPeriphrasisEnd(s: Sentence, i: number): number | null {
  let k = i;
  if (s.word(k) === "whoever") k += 1;
  else if (
    s.word(k) === "the" &&
    ["person", "rep", "one", "colleague", "salesperson", "manager"].includes(s.word(k + 1)) &&
    ["who", "that"].includes(s.word(k + 2))
  )
    k += 3;
  else return null;
  if (!OWNING_VERBS.has(s.word(k))) return null;
  k += s.word(k) === "looks" && s.word(k + 1) === "after" ? 2 : 1;
  if (["the", "that", "this", "their"].includes(s.word(k))) k += 1;
  return ["account", "customer", "client", "relationship"].includes(s.word(k)) ? k + 1 : null;
}

/** Cuts the sentence into clauses with their roles. */
export function splitClauses(s: Sentence): Clause[] {
  readGerunds(s);
  const pieces: Span[] = [];
  // "(enterprise banks only)": a parenthesis that names only accounts is a piece of its own (one that names
  // a measure, "customer effort (CES)", is part of its phrase).
  const parenCuts = new Set<number>();
  for (let i = 1; i < s.tokens.length; i += 1) {
    if (!s.gapBefore(i).includes("(")) continue;
    let j = i + 1;
    while (j <= s.tokens.length && !s.gapBefore(j).includes(")")) j += 1;
    if (j <= s.tokens.length && namesOnlyAccounts(s, { from: i, to: j })) {
      parenCuts.add(i);
      parenCuts.add(j);
    }
  }
  let from = 0;
  for (let i = 1; i <= s.tokens.length; i += 1) {
    const gap = s.gapBefore(i);
    // A colon ends a piece ("… means: flag the batches"), except after a criterion's opener ("Success: …").
    // Parentheses do not: "customer effort (CES)" is one phrase.
    const colon = /:/.test(gap) && !(i - from <= 3 && feedbackStart(s, { from, to: i }) === from);
    // "Dr. Müller", "Ms. Park": the stop after a title ends no sentence.
    const title = gap.trim() === "." && PERSON_TITLES.has(s.word(i - 1)) && /^\p{Lu}/u.test(s.phrase(i, i + 1));
    const boundary =
      i === s.tokens.length ||
      (/[.;!?。；！？,，]|\s[-–—]\s|—|→|⇒|->|=>/.test(gap) && !title) ||
      colon ||
      parenCuts.has(i);
    if (boundary) {
      if (i > from) pieces.push({ from, to: i });
      from = i;
    }
  }
  // "Raj, Anna and the CS team must call them": a list of doers cut at its commas is one piece.
  for (let k = pieces.length - 2; k >= 0; k -= 1) {
    const piece = pieces[k] as Span;
    const next = pieces[k + 1] as Span;
    if (/[.;:!?]/.test(s.gapBefore(next.from))) continue;
    const listGoesOn =
      (onlyAssignees(s, piece) && (onlyAssignees(s, next) || subjectAction(s, next) !== null)) ||
      // "have Raj, Anna and the CS team call them"
      (endsWithAssignee(s, piece) &&
        startsWithAssignee(s, next) &&
        subjectAction(s, next) === null &&
        verbIndex(s, piece) !== null);
    if (listGoesOn || systemListGoesOn(s, piece, next)) pieces.splice(k, 2, { from: piece.from, to: next.to });
  }
  // "If the account's health goes back to green within a quarter, that's a success.": the condition before
  // the marker is the success criterion.
  const successMarked = new Set<number>();
  for (let k = 1; k < pieces.length; k += 1) {
    const marker = pieces[k] as Span;
    const hit = s.find(marker, FEEDBACK_TAILS);
    if (hit === null || hit.i !== marker.from || hit.i + hit.n < marker.to - 1) continue;
    const before = pieces[k - 1] as Span;
    if (!["if", "when", "once"].includes(s.word(before.from))) continue;
    s.use(marker.from, marker.to);
    s.use(before.from);
    successMarked.add(before.from);
    pieces.splice(k, 1);
  }
  // "Please set this up:", "Quick one -", "Here's what I want:", "New rule:": words before the rule that only
  // announce it.
  while (pieces.length > 1 && isPreamble(s, pieces[0] as Span)) {
    const piece = pieces.shift() as Span;
    s.use(piece.from, piece.to);
  }
  // "… Thanks!", "… Cheers.": a greeting after the rule.
  while (pieces.length > 1 && isPreamble(s, pieces[pieces.length - 1] as Span)) {
    const piece = pieces.pop() as Span;
    s.use(piece.from, piece.to);
  }
  const clauses: Clause[] = [];
  const pending = [...pieces];
  // "Scope: SaaS accounts in EMEA. Trigger: CSAT below 3. Action: …": a label before a colon says the role of
  // the piece after it.
  let labelled: ClauseRole | null = null;
  while (pending.length > 0) {
    const piece = pending.shift() as Span;
    const label = pieceLabel(s, piece);
    if (label !== null) {
      s.use(piece.from, piece.to);
      labelled = label;
      continue;
    }
    const forced = labelled;
    labelled = null;
    if (forced === "CONDITION" || (forced === "TRIGGER" && startsWithOpener(s, piece.from, TRIGGER_OPENERS) === 0)) {
      clauses.push({ ...piece, role: forced });
      continue;
    }
    if (successMarked.has(piece.from)) {
      clauses.push({ from: piece.from + 1, to: piece.to, role: "FEEDBACK" });
      continue;
    }
    const feedback = feedbackStart(s, piece);
    if (feedback !== null) {
      if (feedback > piece.from) pending.unshift({ from: piece.from, to: feedback });
      clauses.push({ from: feedback, to: piece.to, role: "FEEDBACK" });
      continue;
    }
    const unless = s.find(piece, ["unless", "except when", "except if", "but not if", "but only if no"]);
    if (unless !== null && unless.i > piece.from) {
      pending.unshift({ from: piece.from, to: unless.i }, { from: unless.i, to: piece.to });
      continue;
    }
    if (unless !== null) {
      clauses.push({ ...piece, role: "UNLESS" });
      continue;
    }
    const conditionOpener = s.find({ from: piece.from, to: Math.min(piece.to, piece.from + 3) }, CONDITION_OPENERS);
    if (conditionOpener?.i === piece.from) {
      // The opener's words ("as long as", "provided") are understood with it.
      s.use(conditionOpener.i, conditionOpener.i + conditionOpener.n);
      clauses.push({ ...piece, role: "CONDITION" });
      continue;
    }
    const opener = startsWithOpener(s, piece.from, TRIGGER_OPENERS);
    const lead = ["and", "but", "then", "or"].includes(s.word(piece.from)) ? 1 : 0;
    const inner = triggerOpenerInside(s, { from: piece.from + lead + (opener > 0 ? opener : 0), to: piece.to });
    if (opener > 0 || startsWithOpener(s, piece.from + lead, TRIGGER_OPENERS) > 0) {
      // "when X, then do Y" without a comma: the action starts at "then <verb>".
      const then = s.find(piece, ["then"], piece.from + 1);
      if (then !== null && verbIndex(s, { from: then.i, to: piece.to }) !== null) {
        clauses.push({ from: piece.from, to: then.i, role: "TRIGGER" });
        pending.unshift({ from: then.i, to: piece.to });
      } else {
        const inside = actionInsideTrigger(s, piece);
        if (inside !== null) {
          clauses.push({ from: piece.from, to: inside, role: "TRIGGER" });
          pending.unshift({ from: inside, to: piece.to });
        } else clauses.push({ ...piece, role: "TRIGGER" });
      }
      continue;
    }
    if (inner !== null) {
      // "Can you set up a rule so that whenever …": words before the opener that only announce the rule.
      if (isPreamble(s, { from: piece.from, to: inner })) {
        s.use(piece.from, inner);
        pending.unshift({ from: inner, to: piece.to });
      } else pending.unshift({ from: piece.from, to: inner }, { from: inner, to: piece.to });
      continue;
    }
    const mode = s.find(piece, SUGGEST_PHRASES);
    if (mode !== null) {
      // "ask me first and then have Sarah …": the mode, then the actions.
      let end = mode.i + mode.n;
      while (end < piece.to && MODE_TAIL.has(s.word(end))) end += 1;
      // "…, but let me review it first": a linking word before the mode says nothing more.
      const before: Span = { from: piece.from, to: mode.i };
      let lead = before.from;
      while (
        lead < before.to &&
        (ACTION_LEADERS.has(s.word(lead)) || ["but", "though", "however"].includes(s.word(lead)))
      )
        lead += 1;
      if (lead === before.to) s.use(before.from, before.to);
      else if (mode.i > piece.from) pending.unshift(before);
      clauses.push({ from: mode.i, to: end, role: "MODE" });
      if (end < piece.to) pending.unshift({ from: end, to: piece.to });
      continue;
    }
    const tail = s.find(piece, TRIGGER_TAILS);
    if (tail !== null && tail.i + tail.n === piece.to && tail.i > piece.from && verbIndex(s, piece) === null) {
      // "<something happens> means: <actions>".
      s.use(tail.i, tail.i + tail.n);
      clauses.push({ from: piece.from, to: tail.i, role: "TRIGGER" });
      continue;
    }
    const subjectModal = subjectTriggerModal(s, piece);
    if (subjectModal !== null) {
      // "Hospitals whose uptime falls below 95% should be visited by Huatong": the accounts said first with
      // what happens to them, then what should be done for them.
      clauses.push({ from: piece.from, to: subjectModal, role: "TRIGGER" });
      pending.unshift({ from: subjectModal, to: piece.to });
      continue;
    }
    const link = triggerLink(s, piece);
    const linkDoer = link === null ? null : doerAfterLinkWord(s, piece, link.from);
    if (linkDoer !== null && !clauses.some((c) => c.role === "TRIGGER")) {
      s.use(linkDoer.lead, linkDoer.from);
      clauses.push({ from: piece.from, to: linkDoer.lead, role: "TRIGGER" });
      pending.unshift({ from: linkDoer.from, to: piece.to });
      continue;
    }
    if (link !== null && !clauses.some((c) => c.role === "TRIGGER")) {
      // "Three late deliveries inside 30 days should trigger a recovery task for the owner": what happens
      // said first as the subject, then what it should bring about, read as "create …"; "a call from Raj"
      // is a call for Raj to make.
      s.use(link.from, link.verb);
      s.readAs(link.verb, "create");
      for (let k = link.verb + 1; k < piece.to; k += 1) {
        const doer = s.lexicon.matchAt(s.tokens, s.word(k + 1) === "the" ? k + 2 : k + 1, s.text, (e) =>
          DOER_KINDS.includes(e.kind),
        );
        if (s.word(k) === "from" && doer !== null) s.readAs(k, "for");
      }
      clauses.push({ from: piece.from, to: link.from, role: "TRIGGER" });
      pending.unshift({ from: link.verb, to: piece.to });
      continue;
    }
    if (s.find(piece, AUTO_PHRASES) !== null && noAction(s, piece)) {
      // "Run it automatically."
      clauses.push({ ...piece, role: "MODE" });
      continue;
    }
    clauses.push({ ...piece, role: "ACTION" });
  }
  for (const clause of clauses) if (clause.role === "ACTION") readThingReceived(s, clause);
  // Pieces before the trigger with no action in them ("For mid-market SaaS accounts with a health score above
  // 75: when …") say conditions; with no trigger said elsewhere, they are the trigger. A piece that names
  // only accounts ("…, the enterprise ones, when …") after such a piece says conditions too.
  const firstTrigger = clauses.findIndex((c) => c.role === "TRIGGER");
  for (let k = 0; k < clauses.length && ["ACTION", "CONDITION"].includes(clauses[k]!.role); k += 1) {
    const clause = clauses[k] as Clause;
    if (clause.role !== "ACTION") continue;
    const leads = CONDITION_LEADS.has(s.word(clause.from));
    // "Enterprise hospitals only: when …", "…, the enterprise ones, when …": a piece naming only accounts.
    const accountsOnly =
      firstTrigger > k &&
      s
        .matches(clause, (e) => ["ACCOUNT_FIELD_VALUE", "PAGE"].includes(e.kind), false)
        .some((m) => m.entries.some((e) => e.kind === "ACCOUNT_FIELD_VALUE") || accountWordNotPage(s, clause, m)) &&
      s
        .matches(clause, (e) => ["CONCEPT", "FIELD", "PAGE", "EVENT_ACTION"].includes(e.kind), false)
        .every((m) => accountWordNotPage(s, clause, m));
    if (noAction(s, clause) && (leads || accountsOnly)) {
      clause.role = firstTrigger > k ? "CONDITION" : "TRIGGER";
      if (leads) s.use(clause.from);
      if (s.word(clause.to - 1) === "only") s.use(clause.to - 1);
    }
  }
  // Pieces after a trigger that start with no verb continue it ("When X, in region Y, do Z").
  for (let k = 1; k < clauses.length; k += 1) {
    const clause = clauses[k] as Clause;
    const prev = clauses[k - 1] as Clause;
    if (
      clause.role === "ACTION" &&
      prev.role === "TRIGGER" &&
      noAction(s, clause) &&
      CONTINUATION_STARTS.has(s.word(clause.from))
    ) {
      clause.role = "TRIGGER";
    }
  }
  // ", for LATAM accounts only", ", but only in EMEA" after the actions: conditions said last.
  for (let k = 1; k < clauses.length; k += 1) {
    const clause = clauses[k] as Clause;
    if (clause.role !== "ACTION" || !noAction(s, clause)) continue;
    if (s.matches(clause, (e) => e.kind === "ACCOUNT_FIELD_VALUE", false).length === 0) continue;
    // "— this applies to enterprise banks only", "but just for hospitals in EMEA": with no leading
    // preposition, a piece that names accounts and nothing that happens.
    const leads = CONDITION_LEADS.has(s.word(clause.from));
    if (!leads && !namesOnlyAccounts(s, clause)) continue;
    if (clauses.slice(0, k).some((c) => c.role === "ACTION")) {
      clause.role = "CONDITION";
      let from = clause.from;
      while (from < clause.to && (CONDITION_LEADS.has(s.word(from)) || APPLIES_WORDS.has(s.word(from)))) from += 1;
      s.use(clause.from, from);
      if (s.word(clause.to - 1) === "only") s.use(clause.to - 1);
    }
  }
  for (const clause of clauses) if (clause.role === "ACTION" && isModeOnly(s, clause)) clause.role = "MODE";
  // ", both due tomorrow", ", all within a week" after the actions: one deadline for all of them.
  for (const clause of clauses) {
    if (clause.role === "ACTION" && sharedDeadlineStart(s, clause) !== null) clause.role = "DEADLINE";
  }
  // ", due in three days" after an action belongs to it.
  const merged: Clause[] = [];
  for (const clause of clauses) {
    const prev = merged[merged.length - 1];
    const deadline = ["due", "within", "by"].includes(s.word(clause.from)) && verbIndex(s, clause) === null;
    if (
      prev !== undefined &&
      prev.role === "ACTION" &&
      clause.role === "ACTION" &&
      deadline &&
      prev.to === clause.from
    ) {
      prev.to = clause.to;
      continue;
    }
    merged.push(clause);
  }
  return merged;
}

/** Words before what the accounts get ("should get", "must also receive"). */
const RECEIVE_LEADS = new Set([
  ...["should", "must", "will", "shall", "would", "ought", "to", "also", "then", "automatically", "and"],
  // "…, it should get a calibration task for …", "the account gets a review for compliance".
  ...["it", "they", "the", "account", "customer", "client"],
]);
/** Things an account can be given by a doer ("a check-in task for the CS team", "a review for compliance"). */
const RECEIVED_THINGS = new Set([
  ...["task", "review", "call", "visit", "check", "check-in", "audit", "follow-up", "workshop", "session"],
  ...["meeting", "assessment", "inspection", "email", "plan"],
]);

/**
 * "… should get a check-in task for the CS team", "… get a calibration task for field service": what the
 * accounts said first get, for a doer to do, read as "create a check-in task for the CS team".
 */
function readThingReceived(s: Sentence, clause: Span): void {
  let i = clause.from;
  while (i < clause.to && RECEIVE_LEADS.has(s.word(i))) i += 1;
  if (!["get", "gets", "receive", "receives"].includes(s.word(i)) || !["a", "an"].includes(s.word(i + 1))) return;
  for (let k = i + 2; k < Math.min(clause.to - 1, i + 8); k += 1) {
    if (!RECEIVED_THINGS.has(s.word(k)) || s.word(k + 1) !== "for") continue;
    const who = s.word(k + 2) === "the" ? k + 3 : k + 2;
    if (s.lexicon.matchAt(s.tokens, who, s.text, (e) => DOER_KINDS.includes(e.kind)) === null) return;
    s.use(clause.from, i);
    // "it should get …": the account said as the subject is read as a linking word, so the verb leads.
    for (let k = clause.from; k < i; k += 1) if (!ACTION_LEADERS.has(s.word(k))) s.readAs(k, "then");
    s.readAs(i, "create");
    return;
  }
}

/** Labels of a rule written as a form, and the role of the piece each stands before. */
const LABELS: ReadonlyArray<readonly [string, ClauseRole]> = [
  ...(["scope", "conditions", "condition", "applies to", "accounts", "segment", "filter", "only for"] as const).map(
    (l) => [l, "CONDITION"] as const,
  ),
  ...(["trigger", "when", "if", "event", "signal", "rule"] as const).map((l) => [l, "TRIGGER"] as const),
  ...(["action", "actions", "then", "do", "task", "response"] as const).map((l) => [l, "ACTION"] as const),
];

/** The role a piece that is only a label before a colon gives the next piece ("Scope:", "Trigger:"), or null. */
function pieceLabel(s: Sentence, piece: Span): ClauseRole | null {
  if (!/^\s*:/.test(s.gapBefore(piece.to)) || piece.to >= s.tokens.length) return null;
  const words = Array.from({ length: piece.to - piece.from }, (_, k) => s.word(piece.from + k)).join(" ");
  return LABELS.find(([l]) => l === words)?.[1] ?? null;
}

/** Words of a piece that only announces the rule ("Please set this up", "Here's what I want", "Quick one"). */
const PREAMBLE_WORDS = new Set([
  ...["set", "up", "this", "rule", "rules", "playbook", "automation", "workflow", "quick", "one", "heads"],
  ...["here", "heres", "what", "want", "need", "like", "new", "please", "can", "could", "create", "make"],
  ...["build", "add", "know", "just", "so", "fyi", "note", "following", "hi", "hey", "thanks", "id", "idea"],
  ...["okay", "ok", "right", "well", "simple", "another", "request", "suggestion", "question", "following"],
  ...["so", "that", "you", "would", "mind", "setting", "creating", "adding", "make", "sure"],
  // "Alert: …", "Reminder –", "Policy:": a label before the rule.
  ...["alert", "reminder", "policy", "heads-up", "fyi", "todo", "to-do"],
  // "Hey team -", "Hi all,", "Thanks!", "Cheers": greetings around the rule.
  ...["team", "all", "folks", "everyone", "guys", "cheers", "thank", "thx", "pls", "much", "appreciated"],
]);

/** Whether a piece only announces the rule: all its words are announcing or function words, with no name. */
function isPreamble(s: Sentence, span: Span): boolean {
  const names = s.lexicon.findAll(
    s.phrase(span.from, span.to),
    (e) => !["RECORD_TYPE", "EVENT_ACTION"].includes(e.kind),
  );
  if (names.length > 0) return false;
  let content = 0;
  for (let i = span.from; i < span.to; i += 1) {
    const w = s.word(i);
    if (PREAMBLE_WORDS.has(w)) content += 1;
    else if (!FUNCTION_WORDS.has(w)) return false;
  }
  return content > 0;
}

/** Words that say a deadline is for every action: "both due tomorrow", "all of them within a week". */
const SHARED_WORDS = new Set(["both", "each", "all", "every", "either", "everything"]);

/** Where the deadline of a piece such as "both due tomorrow" or "each within 5 days" starts, or null. */
export function sharedDeadlineStart(s: Sentence, span: Span): number | null {
  let i = span.from;
  while (["and", "with", "them", "then"].includes(s.word(i))) i += 1;
  if (!SHARED_WORDS.has(s.word(i))) return null;
  i += 1;
  while (
    [
      "of",
      "them",
      "these",
      "those",
      "one",
      "actions",
      "tasks",
      "reviews",
      "of them",
      "should",
      "be",
      "are",
      "is",
    ].includes(s.word(i))
  )
    i += 1;
  if (!["due", "within", "by", "in", "done", "completed", "finished"].includes(s.word(i))) return null;
  return verbIndex(s, { from: i, to: span.to }) === null ? i : null;
}

/** Words that say what the accounts said first should get: "should be visited", "need a call", "must get". */
const SUBJECT_MODALS = new Set([
  // "Hospitals whose … get a quality review from compliance": the present tense says it too.
  ...["get", "receive"],
  "should",
  "must",
  "shall",
  "will",
  "need",
  "needs",
  "deserve",
  "deserves",
  "require",
  "requires",
]);
/** Words that make a subject's description a trigger: "Hospitals whose …", "Sellers with …", "Schools that …". */
const SUBJECT_RELATIVES = new Set(["whose", "with", "that", "which", "where", "who"]);

/**
 * "Schools whose submission rate drops under 70% should be offered a coaching session by EduWorks": the
 * index of the modal after a subject described by a relative clause, when no verb starts the piece and the
 * subject is not someone who acts ("the owner should call"), or null.
 */
export function subjectTriggerModal(s: Sentence, span: Span): number | null {
  if (verbIndex(s, span) !== null || subjectAction(s, span) !== null) return null;
  if (startsWithOpener(s, span.from, TRIGGER_OPENERS) > 0) return null;
  let relative = -1;
  for (let i = span.from + 1; i < span.to; i += 1) {
    const w = s.word(i);
    if (relative < 0 && SUBJECT_RELATIVES.has(w)) relative = i;
    if (relative >= 0 && i > relative + 2 && SUBJECT_MODALS.has(w)) {
      const next = s.word(i + 1);
      // "… should be", "… need to be", "… must get", "… needs a call", "… should receive".
      if (
        ["be", "get", "receive", "to", "a", "an", "have", "immediately", "also", "then"].includes(next) ||
        participleLike(next)
      )
        return i;
    }
  }
  return null;
}

/** A past participle by its form ("visited", "offered", "given", "sent"). */
export function participleLike(w: string): boolean {
  return (
    (w.endsWith("ed") && w.length > 4) ||
    ["given", "sent", "told", "shown", "seen", "done", "taken", "made"].includes(w)
  );
}

/** Words that say to which accounts a rule applies ("this applies to", "but just for", "limited to"). */
const APPLIES_WORDS = new Set([
  ...["this", "it", "that", "applies", "apply", "to", "but", "just", "only", "limited", "restricted", "and"],
  ...["rule", "is", "for", "should", "runs", "run", "scope", "scoped", "meant", "relevant"],
]);

/** Whether span names account field values and nothing that happens (no measure, page, event or doer). */
export function namesOnlyAccounts(s: Sentence, span: Span): boolean {
  const all = s.matches(span, () => true, false);
  return (
    all.some((m) => m.entries.some((e) => e.kind === "ACCOUNT_FIELD_VALUE") || accountWordNotPage(s, span, m)) &&
    !all.some(
      (m) =>
        !accountWordNotPage(s, span, m) &&
        m.entries.some((e) =>
          ["CONCEPT", "FIELD", "PAGE", "EVENT_ACTION", "CONCEPT_VALUE", "HEALTH_GRADE", ...DOER_KINDS].includes(e.kind),
        ),
    )
  );
}

/**
 * "SaaS accounts: …", "Retail banking: …", "Our SaaS customers: …": words that name accounts and are also a
 * customer-story page are the
 * accounts when nothing in the piece speaks of pages or viewing.
 */
function accountWordNotPage(s: Sentence, span: Span, m: LexiconMatch): boolean {
  return (
    // "SaaS customers" is also the title of the SaaS customers' story page (/customers/saas).
    m.entries.some((e) => e.kind === "ACCOUNT_FIELD_VALUE" || e.id.startsWith("/customers/")) &&
    m.entries.every((e) => e.kind === "ACCOUNT_FIELD_VALUE" || e.kind === "PAGE") &&
    s.find(span, ["page", "pages", "view", "views", "viewed", "visit", "visits", "visited"]) === null
  );
}

/** Words a piece of conditions before the trigger starts with ("For hospital accounts, …"). */
const CONDITION_LEADS = new Set(["for", "among", "across", "at", "in", "with", "within", "on"]);

/** A piece with no action in it: no verb, no doer with a modal, no passive, no mode. */
function noAction(s: Sentence, span: Span): boolean {
  return (
    !nominalAction(s, span) &&
    verbIndex(s, span) === null &&
    subjectAction(s, span) === null &&
    passiveAction(s, span) === null &&
    !agentShape(s, span) &&
    !isModeOnly(s, span)
  );
}

/** Words before a thing to do that only say it is to be done ("there should be", "the next step is"). */
const NOMINAL_LEADS = [
  ...["there should be", "there must be", "there will be", "there needs to be", "there has to be", "there is"],
  ...["the next step is", "next step is", "the first step is", "step one is", "the action is", "the response is"],
  ...["we need", "we want", "i want", "i need", "we would like", "wed like", "id like", "let there be"],
];

/** Where the thing starts after words that only say it is to be done, or null. */
export function nominalLead(s: Sentence, i: number, to: number): number | null {
  const hit = s.find({ from: i, to }, NOMINAL_LEADS, i);
  return hit !== null && hit.i === i ? i + hit.n : null;
}

/** Heads of a thing to do said alone, with no verb: "a win-back task for Raj", "an on-site audit by Quality". */
export const NOMINAL_HEADS = new Set([
  ...["task", "review", "pre-review", "call", "visit", "audit", "check", "check-in", "inspection", "plan"],
  ...["workshop", "session", "meeting", "follow-up", "assessment", "investigation", "escalation", "outreach"],
]);

/**
 * "→ a win-back task for the account manager", ": an on-site audit by Quality within a week": a piece that
 * is only a thing to do, with no verb ("create" is understood), its head followed by its doer or deadline or
 * ending the piece, and its doer named or the head a task or review. Said after a trigger, it is the action.
 */
export function nominalAction(s: Sentence, span: Span): boolean {
  let i = span.from;
  while (i < span.to && ["and", "then", "plus", "also", "so"].includes(s.word(i))) i += 1;
  i = nominalLead(s, i, span.to) ?? i;
  // "→ retention review for the regional manager": after an arrow, the thing said with no article.
  const bare = i === span.from && /→|->|=>/.test(s.gapBefore(i)) && !["a", "an", "one"].includes(s.word(i));
  if (!bare && !["a", "an", "one"].includes(s.word(i))) return false;
  const first = bare ? i : i + 1;
  // "a heads-up to WeCom", "a note in #cs-alerts": a message to one of the tenant's systems.
  if (
    ["heads-up", "heads", "note", "message", "alert", "notification", "update", "ping", "post"].includes(
      s.word(i + 1),
    ) &&
    s.matches(span, (e) => e.kind === "WEBHOOK_ENDPOINT", false).length > 0
  )
    return true;
  for (let k = first; k < Math.min(span.to, i + 7); k += 1) {
    if (!NOMINAL_HEADS.has(s.word(k))) continue;
    const after = s.word(k + 1);
    if (k + 1 < span.to && !["for", "by", "from", "to", "within", "due", "inside", "in", "assigned"].includes(after))
      continue;
    const doer = s.matches(span, (e) => DOER_KINDS.includes(e.kind), false).length > 0;
    return doer || ["task", "review", "pre-review"].includes(s.word(k));
  }
  return false;
}

/** "… should get a call from Sarah", "… should be visited by Huatong": something done for the account by someone. */
function agentShape(s: Sentence, span: Span): boolean {
  // "the account needs a review by end of day": a thing needed, with or without its doer.
  const need = s.find(span, ["needs", "need", "requires", "require"]);
  if (
    need !== null &&
    ["a", "an"].includes(s.word(need.i + 1)) &&
    [2, 3, 4].some((d) =>
      ["task", "review", "call", "visit", "check", "check-in", "audit"].includes(s.stem(need.i + d)),
    )
  )
    return true;
  const modal = s.find(span, ["should", "must", "shall", "needs", "need", "will"]);
  if (modal === null) return false;
  const next = s.word(modal.i + 1) === "to" ? s.word(modal.i + 2) : s.word(modal.i + 1);
  if (!["be", "get", "receive"].includes(next)) return false;
  return s.find({ from: modal.i, to: span.to }, ["by", "from"]) !== null;
}

/** A clause that only says the mode ("ask me first", "but let me confirm first"). */
function isModeOnly(s: Sentence, span: Span): boolean {
  const hit = s.find(span, SUGGEST_PHRASES);
  if (hit === null) return false;
  return verbIndex(s, { from: span.from, to: hit.i }) === null;
}

/** Nouns that end a label naming who keeps the rule, not accounts ("Telecom desk", "Claims team"). */
const LABEL_NOUNS = new Set(["desk", "team", "rule", "rules", "playbook", "group", "squad", "pod", "note", "memo"]);

/**
 * "Insurance clients in Europe, persistency below 80% → …", "Telecom desk — SaaS accounts: when …": once the
 * trigger is known, pieces before it that do nothing and name only accounts say conditions; a piece before
 * them that only labels the rule's keepers ("Telecom desk") says nothing.
 */
export function headingsBeforeTrigger(s: Sentence, clauses: Clause[]): Clause[] {
  const first = clauses.findIndex((c) => c.role === "TRIGGER");
  if (first <= 0) return clauses;
  const out = clauses.map((c) => ({ ...c }));
  let accounts = false;
  for (let k = first - 1; k >= 0; k -= 1) {
    const clause = out[k] as Clause;
    if (clause.role === "CONDITION" && namesOnlyAccounts(s, clause)) {
      accounts = true;
      continue;
    }
    if (clause.role !== "ACTION" || !noAction(s, clause)) break;
    if (namesOnlyAccounts(s, clause)) {
      clause.role = "CONDITION";
      accounts = true;
      continue;
    }
    const label =
      accounts &&
      LABEL_NOUNS.has(s.word(clause.to - 1)) &&
      // "Support desk", "Claims team": the keepers' words may name a measure, never accounts.
      s.matches(clause, (e) => e.kind === "ACCOUNT_FIELD_VALUE", false).length === 0 &&
      clause.to - clause.from <= 4;
    if (!label) break;
    s.use(clause.from, clause.to);
    out.splice(k, 1);
  }
  return out;
}
