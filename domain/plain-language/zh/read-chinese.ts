/**
 * The Chinese grammar end to end: normalise, split into clauses, give each its role, read the antecedent
 * (trigger and conditions), the actions (with mode and deadlines) and the success criterion, and collect
 * what was matched and what was not understood.
 */
import {
  PlaybookAction,
  PlaybookCondition,
  PlaybookFeedback,
  PlaybookMode,
  PlaybookTrigger,
} from "../../automation/playbook";
import { DraftTerm } from "../draft";
import { ParseAmbiguity } from "../parsed-sentence";
import { readConsequent, readFeedback } from "./actions-zh";
import { readAntecedent } from "./antecedent-zh";
import { NUMBER_SOURCE } from "./chinese-numbers";
import { assignRoles, normaliseChinese, splitClauses, stripAntecedentMarkers } from "./clauses";
import { DuplicateGuard, findDuplicateGuard } from "./duplicate-guard-zh";
import { slugFor } from "./slugs-zh";
import { findDeadline } from "./time-phrases";
import { ZhGrammarContext } from "./zh-context";
import { findTerms } from "./zh-vocabulary";

export interface ZhReading {
  /** The sentence as read (normalised). */
  text: string;
  trigger: PlaybookTrigger | null;
  conditions: PlaybookCondition[];
  actions: PlaybookAction[];
  feedback: PlaybookFeedback | null;
  mode: PlaybookMode | null;
  matched: DraftTerm[];
  unrecognised: string[];
  ambiguities: ParseAmbiguity[];
}

/** A clause after the actions that only narrows the accounts ("仅限企业级客户"). */
const CONDITION_CLAUSE = /^(?:仅限|只限|仅针对|只针对|仅对|只对|限于|仅适用于|只适用于|适用于|范围[是为]?)/u;

/**
 * "充电桩的可用率" names the concept 充电桩可用率: a 的 inside a concept's label is dropped, so the longer,
 * more specific label wins over the shorter one after it (可用率 alone is another concept).
 */
function joinAcrossDe(text: string, ctx: ZhGrammarContext): string {
  let out = text;
  for (let i = out.indexOf("的"); i > 0; i = out.indexOf("的", i + 1)) {
    let found = false;
    for (let left = Math.min(6, i); left >= 2 && !found; left -= 1) {
      for (let right = Math.min(8, out.length - i - 1); right >= 2 && !found; right -= 1) {
        // "客户的尽职调查" is the account's, not the concept 客户尽职调查: the account word stays outside.
        if (/客户|账户/u.test(out.slice(i - left, i))) continue;
        const joined = out.slice(i - left, i) + out.slice(i + 1, i + 1 + right);
        const terms = ctx.vocabulary.byKey.get(joined.toLowerCase());
        if (terms?.some((t) => t.kind === "CONCEPT")) found = true;
      }
    }
    if (found) out = out.slice(0, i) + out.slice(i + 1);
  }
  return out;
}

/**
 * "随访完成率" of 随访率: a rate said with a word of what it counts (完成, 达成, 执行) before 率, where only the
 * shorter name is a concept's label, is that concept; the word is dropped so the label is read.
 */
function joinRateWords(text: string, ctx: ZhGrammarContext): string {
  return text.replace(/([\u3400-\u9fff]{2,6}?)(完成|达成|执行|落实)率/gu, (whole, stem: string) => {
    const isConcept = (name: string): boolean =>
      ctx.vocabulary.byKey.get(name.toLowerCase())?.some((t) => t.kind === "CONCEPT") ?? false;
    for (let cut = 0; cut < stem.length - 1; cut += 1) {
      const head = stem.slice(cut);
      if (isConcept(`${head}${whole.slice(stem.length)}`)) return whole;
      if (isConcept(`${head}率`)) return `${stem}率`;
    }
    return whole;
  });
}

const DOER_KINDS = ["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION"] as const;

/** The length of the known doer a clause starts with (客户经理, 质量部, 刘洋, 华通 …), or 0. */
function doerLength(clause: string, ctx: ZhGrammarContext): number {
  const first = findTerms(ctx.vocabulary, clause)[0];
  if (!first || first.start !== 0) return 0;
  return first.terms.some((t) => (DOER_KINDS as readonly string[]).includes(t.kind)) ? first.end : 0;
}

/** The accounts a relative clause describes ("……的医院客户", "……的企业级账户"). */
const ACCOUNTS_AFTER_DE = /的((?:[^，,。；;的]{0,10}?)(?:客户|账户|卖家|机构|企业|学校|医院))/gu;

/**
 * A condition said inside an action as what its accounts are ("给健康度变红的医院客户的客户经理派一个任务"):
 * the longest phrase before "的……客户" that reads as a whole as a trigger (nothing left unread), with the
 * accounts' words; the action keeps the rest. Null when there is none.
 */
function relativeAntecedent(clause: string, ctx: ZhGrammarContext): { antecedent: string; action: string } | null {
  for (const m of clause.matchAll(ACCOUNTS_AFTER_DE)) {
    const de = m.index ?? 0;
    const accounts = m[1] ?? "";
    for (let start = 0; start < de - 1; start += 1) {
      const phrase = clause.slice(start, de);
      const antecedent = `${accounts}的${phrase}`;
      const reading = readAntecedent(antecedent, ctx);
      if (!reading.trigger || reading.unrecognised.length > 0) continue;
      return { antecedent, action: `${clause.slice(0, start)}${clause.slice(de + 1)}` };
    }
  }
  return null;
}

/** The sentence without its guard against duplicate tasks (read as a condition of its own), and the guard. */
function withoutGuard(text: string): { rest: string; guard: DuplicateGuard | null } {
  const guard = findDuplicateGuard(text);
  if (!guard) return { rest: text, guard };
  return { rest: `${text.slice(0, guard.start)}，${text.slice(guard.end)}`, guard };
}

/**
 * A schedule ("每周一检查一次", "每天早上看一下", "每月1号", "每隔两周", "定期巡检"): a playbook fires on its
 * trigger, not on a timetable, so the schedule is named as not understood and the rest is read without it
 * (每周 alone stays: "每周增加超过5张" is a rate; 定期 only with a verb of checking: 定期复核 is a concept).
 */
const SCHEDULE = new RegExp(
  `(?:每(?:个)?(?:周|星期|礼拜)[一二三四五六日天](?![次个条张单回件笔台])|每(?:天|日)(?:早上|上午|中午|下午|晚上|早晨|凌晨|${NUMBER_SOURCE}\\s*(?:点|时))|每(?:个)?月(?:${NUMBER_SOURCE})\\s*(?:号|日)|每隔\\s*(?:${NUMBER_SOURCE})?\\s*(?:个)?(?:天|日|周|星期|礼拜|月|小时))(?:[^，,。；;]{0,3}?(?:检查|查看|看|巡检|扫描|核查|查|跑|运行|盘点|统计)(?:一下|一次|一遍)?)?|(?:每(?:天|日|周|星期|礼拜|个月|月)(?:都)?|定期|定时)(?:检查|查看|巡检|扫描|核查|盘点|统计|跑)(?:一下|一次|一遍)?`,
  "u",
);

/** The sentence without the schedules it says, and the schedules, to be named as not understood. */
function withoutSchedules(text: string): { rest: string; schedules: string[] } {
  const schedules: string[] = [];
  let rest = text;
  for (let m = SCHEDULE.exec(rest); m !== null; m = SCHEDULE.exec(rest)) {
    schedules.push(m[0]);
    rest = `${rest.slice(0, m.index)}，${rest.slice(m.index + m[0].length)}`;
  }
  return { rest, schedules };
}

/** "别重复派了": no open task of the guard's name, or of the first task the rule creates when it names none. */
function guardCondition(guard: DuplicateGuard, actions: readonly PlaybookAction[]): PlaybookCondition {
  const named = slugFor(guard.taskName, "");
  const first = actions.find((a) => a.kind === "CREATE_TASK" || a.kind === "OPEN_REVIEW");
  const template = named || (first?.kind === "CREATE_TASK" ? first.template : first?.reviewType) || "";
  return { kind: "NO_OPEN_TASK", ...(template ? { template } : {}) };
}

/**
 * "请法务部审一下", "让合规专员复核": a review that names nothing reviewed is named by what the rule fires on
 * (a contact deleted → contact-change-review, a new partner → new-organization-review, a credit usage over
 * its limit → credit-utilisation-review), so the draft says what is to be reviewed.
 */
function namedReview(action: PlaybookAction, trigger: PlaybookTrigger | null): PlaybookAction {
  if (action.kind !== "OPEN_REVIEW" || action.reviewType !== "review" || !trigger) return action;
  let subject = "";
  if (trigger.kind === "EVENT") {
    const types = trigger.eventTypes;
    const record = (types[0] ?? "").replace(/_(?:CREATED|UPDATED|DELETED|RESTORED|MERGED|RECORDED|CHANGED)$/u, "");
    const word = record.toLowerCase().replace(/_/gu, "-");
    if (word && types.every((t) => t.startsWith(record))) {
      subject = types.every((t) => t.endsWith("_CREATED")) ? `new-${word}` : `${word}-change`;
    }
  } else if (trigger.kind === "CONCEPT_THRESHOLD" || trigger.kind === "CONCEPT_TREND") {
    subject = trigger.concept.split(":")[1] ?? "";
  } else if (trigger.kind === "SIGNAL_COUNT" && trigger.signals.concept) {
    subject = trigger.signals.concept.split(":")[1] ?? "";
  } else if (trigger.kind === "HEALTH_GRADE_CHANGE") {
    subject = "health";
  }
  return subject ? { ...action, reviewType: `${subject}-review` } : action;
}

/** What may follow a heading's doer ("客户经理请注意：", "大客户团队须知："). */
const HEADING_TAIL = /^(?:请注意|注意|须知|请留意|留意|专用|规则|的规则|看这里)?$/u;

/**
 * "大客户团队：……，立即约高层会面", "客户经理请注意：……，请在两天内上门沟通": a heading that names a known
 * doer says who does what the rule asks when its actions name no one; the heading is read as that doer.
 */
function headingDoer(text: string, ctx: ZhGrammarContext): { doer: string; rest: string } | null {
  const m = /^([^，,。；;：:]{2,16})[：:]/u.exec(text);
  if (!m?.[1]) return null;
  const n = doerLength(m[1], ctx);
  if (n === 0 || !HEADING_TAIL.test(m[1].slice(n))) return null;
  return { doer: m[1].slice(0, n), rest: text.slice(m[0].length) };
}

/** An action clause that names no one and no system, flag or intent: the heading's doer does it. */
function withDoer(clause: string, doer: string, ctx: ZhGrammarContext): string {
  const terms = findTerms(ctx.vocabulary, clause);
  const named = terms.some((m) =>
    m.terms.some((t) => (DOER_KINDS as readonly string[]).includes(t.kind) || t.kind === "WEBHOOK_ENDPOINT"),
  );
  if (named || /意向|信号|标记|标签|打标|先问我|先让我|自动/u.test(clause)) return clause;
  // "两周内完成" only gives the deadline of the action before it.
  const deadline = findDeadline(clause);
  const rest = deadline
    ? clause
        .replace(deadline.text, "")
        .replace(/完成|搞定|处理完|办结|之前|以前|前|内|必须|务必|需要|需|要|并|且|就|再/gu, "")
    : clause;
  if (rest.length === 0) return clause;
  return `让${doer}${clause.replace(/^(?:请|麻烦|需要|须|需|要)/u, "")}`;
}

export function readChinese(raw: string, ctx: ZhGrammarContext): ZhReading {
  const read = joinRateWords(joinAcrossDe(normaliseChinese(raw), ctx), ctx);
  const heading = headingDoer(read, ctx);
  const normalised = heading ? heading.rest : read;
  const { rest: unscheduled, schedules } = withoutSchedules(normalised);
  const { rest: text, guard } = withoutGuard(unscheduled);
  const names = findTerms(ctx.vocabulary, text);
  const clauses = assignRoles(splitClauses(text, names), (clause) => doerLength(clause, ctx));

  const antecedentParts: string[] = [];
  const actionClauses: string[] = [];
  const feedbackClauses: string[] = [];
  for (const c of clauses) {
    const due = heading && c.role === "ANTECEDENT" && antecedentParts.length > 0 ? findDeadline(c.text) : null;
    if (c.role === "FEEDBACK") feedbackClauses.push(c.text);
    // "刘洋：……低于5分，一周内打电话回访": after a heading's doer, a clause that starts with its deadline is
    // that doer's action, not more of the condition.
    else if (due && due.start === 0 && /[\u3400-\u9fff]{2,}/u.test(c.text.slice(due.end))) actionClauses.push(c.text);
    else if (c.role === "ANTECEDENT" || CONDITION_CLAUSE.test(c.text)) {
      antecedentParts.push(stripAntecedentMarkers(c.text.replace(CONDITION_CLAUSE, "")).text);
    } else actionClauses.push(c.text);
  }
  // "客户经理需在24小时内联系健康度降为红灯的医院客户": no antecedent of its own, the condition said as what
  // the accounts acted on are.
  if (antecedentParts.length === 0 || (actionClauses.length === 0 && antecedentParts.length === 1)) {
    const candidates = antecedentParts.length === 0 ? actionClauses : antecedentParts;
    for (let i = 0; i < candidates.length; i += 1) {
      const found = relativeAntecedent(candidates[i] ?? "", ctx);
      if (!found) continue;
      if (antecedentParts.length === 0) actionClauses[i] = found.action;
      else actionClauses.push(found.action);
      antecedentParts.splice(0, antecedentParts.length, found.antecedent);
      break;
    }
  }
  // A mode said inside the antecedent ("自动：当……") is read with the actions.
  const antecedent = readAntecedent(antecedentParts.join("，"), ctx);
  const consequent = readConsequent(
    heading ? actionClauses.map((c) => withDoer(c, heading.doer, ctx)) : actionClauses,
    ctx,
  );
  let feedback: PlaybookFeedback | null = null;
  const unrecognised = [...schedules, ...antecedent.unrecognised, ...consequent.unrecognised];
  for (const clause of feedbackClauses) {
    const read = readFeedback(clause.replace(/^(?:如果|若|只要|假如|要是|当)/u, ""), ctx, antecedent.trigger);
    feedback = feedback ?? read.feedback;
    unrecognised.push(...read.unrecognised);
  }
  const actions = consequent.actions.map((a) => namedReview(a, antecedent.trigger));
  const conditions = [...antecedent.conditions];
  if (guard && !conditions.some((c) => c.kind === "NO_OPEN_TASK")) {
    conditions.push(guardCondition(guard, actions));
  }
  return {
    text: read,
    trigger: antecedent.trigger,
    conditions,
    actions,
    feedback,
    mode: consequent.mode,
    matched: [...antecedent.matched, ...consequent.matched],
    unrecognised: [...new Set(unrecognised)],
    ambiguities: antecedent.ambiguities,
  };
}
