/**
 * The consequent of a Chinese rule read into playbook actions, the mode and the success criterion:
 * - 推送到/同步到/调用 <endpoint> → CALL_WEBHOOK;
 * - 打上/记录 ……意向(信号) → RAISE_INTENT_SIGNAL;
 * - 把……标记为“…” / 打上……标签 → FLAG_RECORDS (批次 → BATCH, 车辆/设备 → ASSET, else ACCOUNT);
 * - 给/让/请/通知/由 <assignee>（和 <assignee>）（各）……任务/工单/评审 → one CREATE_TASK or OPEN_REVIEW
 *   per assignee (评审/预审/复核/审核/审查 make a review), with the deadline said (3天内完成, 明天之前);
 * - a clause that only gives a deadline (一周内完成) sets it on the action before it;
 * - 先让我确认/先问我 → SUGGEST, 自动 → AUTO;
 * - ……内任务完成/健康度回升/浏览……页 就算成功 → feedback.
 */
import {
  Assignee,
  PlaybookAction,
  PlaybookFeedback,
  PlaybookMode,
  PlaybookTrigger,
  SignalSelector,
} from "../../automation/playbook";
import { DraftTerm } from "../draft";
import { bestLookupValue, hasBooleanMapping, isBooleanConcept, lookupValues, onlyPositiveFlags } from "./concept-facts";
import { pickConcept } from "./antecedent-zh";
import { resolvePage } from "./pages-zh";
import { flagSlugFor, intentSlugFor, reviewSlugFor, slugFor } from "./slugs-zh";
import { chineseValueAfter } from "./value-words-zh";
import { SpanTracker } from "./span-tracker";
import { ACTION_ADVERB } from "./clauses";
import { findCalendarDate, findDeadline, findDurations, findWindow } from "./time-phrases";
import { ZhGrammarContext } from "./zh-context";
import { findTerms, ZhMatch, ZhTerm } from "./zh-vocabulary";

const SUGGEST =
  /先(?:让|给|请|经|由|等|问|找|跟)?我(?:来)?(?:确认|审批|批准|审核|同意|过目|看一下|看看|看|点头)(?:一下)?|先问(?:一下|一问)?我(?:一下|一声)?|(?:需要|需|要|得|必须)(?:经过|经|让|由|等)?我(?:来)?(?:确认|审批|批准|同意|审核)|(?:经|等|待)我(?:确认|审批|批准|同意)(?:后|之后|以后)?(?:再)?(?:执行|操作|处理)?|我确认(?:后|之后|以后)(?:再)?(?:执行|操作|处理)?|不要自动(?:执行)?|别自动(?:执行)?|人工确认|先确认|确认后再(?:执行|操作)?|征求我的同意|先提醒我|(?:先|要|需)?(?:发|提交|交|报|送|转)(?:给)?我(?:来)?(?:审批|确认|批准|审核|过目|看一下|看看|看)|我(?:批准|审批|同意|点头)(?:后|之后|以后)(?:再)?(?:执行|操作|处理)?/u;
const AUTO =
  /全自动(?:执行|处理)?|(?:无需|无须|不需要|不用|不必)人工(?:干预|确认|介入|审核|审批|操作)?|(?:不用|不必|无需|无须|毋须|毋需|不需要|用不着)(?:先)?(?:问我|找我|经过我|经我|等我|让我确认|我确认|我批准|我审批)|自动(?!化)(?:执行|处理|完成|地)?|事后(?:再)?(?:通知|告诉|告知)我|执行后(?:再)?(?:通知|告诉|告知)我|直接执行|无需确认|不用确认|不需要确认|无须确认|不必确认|无需审批|直接(?=给|派|创建|推送|同步|通知|调用|标记|把|将)|(?:毋须|毋需|无须|无需|不必|不用)(?:征询|征求|询问|请示)(?:我|本人)(?:的)?(?:意见|同意)?/u;

const NO_CONFIRMATION =
  /(?:不用|不必|无需|无须|毋须|毋需|不需要|不需|用不着)(?:再)?(?:先)?(?:经过|经|让|由|等|问|找)?我?(?:来)?(?:确认|审批|批准|同意|审核|过目)|(?:不用|不必|无需|无须|毋须|毋需|不需要|用不着|不要|别)(?:再)?(?:先)?(?:问|找|等)我/u;

const SEND_VERB =
  /(?:推送|同步|发送|转发|上报|回写|写入|抄送|推|发|通知|告知|触发|调用)(?:一下)?(?:到|至|给|进)?|(?:接口|系统|群)(?=$|[，。；])/u;

const INTENT = /(?:购买)?意向(?:信号)?|兴趣信号|信号/u;
const INTENT_VERB = /打上|打个|打|记录|记一条|记|标记|添加|加上|加|生成|发出|产生|写入|创建|挂上|提升|提高/u;

const FLAG = /标记|标签|打标|标注|贴上|标为|标成|挂上|置为/u;

const BATCH_WORDS = /批次/u;
const ASSET_WORDS = /车辆|设备|资产|电池|充电桩|机器|机台|仪器|装置|车/u;
const ACCOUNT_WORDS = /客户|账户|公司|企业|机构|医院|学校|门店|商家|卖家/u;

/**
 * What a flag is put on: the object of 把/将/给/为 before the flag verb when it names records ("把该客户标记为
 * “电池关注”", "给这家客户打上“设备风险”标签" flag the account, whatever the flag's own name says), else any
 * record word of the clause (标记为“车辆异常” flags assets); a batch, an asset, or the account.
 */
function flagTarget(clause: string, flagAt: number): "BATCH" | "ASSET" | "ACCOUNT" {
  const before = clause
    .slice(0, flagAt)
    .replace(/[“"][^”"]*[”"]/gu, "")
    .replace(/(?:打上|打个|打|贴上|加上|挂上|添加)$/u, "");
  const object = /(?:把|将|给|为|对)([^，,。；;]{1,12})$/u.exec(before)?.[1] ?? "";
  for (const text of [object, clause]) {
    if (BATCH_WORDS.test(text)) return "BATCH";
    if (ASSET_WORDS.test(text)) return "ASSET";
    if (text === object && ACCOUNT_WORDS.test(text)) return "ACCOUNT";
  }
  return "ACCOUNT";
}

/** Templates that only say someone is told or follows up, not what the work is. */
const GENERIC_TEMPLATES = /^(?:follow-up|notification|notification-[a-z-]+)$/u;

/**
 * Review in the sense of a verdict or an approval (README: OPEN_REVIEW): 评审, 复核, 审核, and 口语 "审一下",
 * "把关", "过一下"; not 看一下 or 排查, which look into something. "过一下/过一遍" with a 把-object goes through
 * things ("把工单过一遍", "把发货单过一下"): work, a task.
 */
const REVIEW =
  /评审|预审|审核|复核|审查|审批|稽核|复审|审阅|审定|核准|审一下|审一审|审审|审下|把关|过目|(?<!把[^，。；,;把]{1,12})过一[下遍](?=$|吧|[，。；,;])|review/iu;
const TASK_WORDS =
  /任务|工单|待办|跟进|拜访|回访|联系|排查|处理|安排|评估|检修|维修|上门|给出|制定|准备|核实|电话|沟通|提交|整改|处理|派/u;

const INTRODUCER = /(?:给|让|请|由|叫|通知|提醒|告诉|要求|安排|交给|派给|分配给|指派给|转给|交由|找|通知到|@)$/u;
const MODIFIER =
  /(?:该区域的|该区域|所在区域的|所在区域|本区域的|当地的|当地|对应的|负责的|该客户的|客户的|他们的|相关的)$/u;
const JOINER = /^(?:和|与|及|、|以及|跟|还有|或者|或|,|，)$/u;

const ASSIGNEE_KINDS = ["USER", "TEAM", "ROLE", "ACCOUNT_OWNER", "ORGANIZATION", "ORGANIZATION_KIND"] as const;

/**
 * A person or unit the directory does not have, named by a surname and a title or by a unit word, leading
 * an action clause ("请张经理……", "王总要……", "让华东销售部……").
 */
const UNKNOWN_DOER =
  /^(?:顺便|顺手|另外|同时)?(?:请|让|叫|给|由|通知|安排|要求|提醒|告诉|交给|找|派|抄送给|抄送|抄给|cc给|cc)?([\u4e00-\u9fff]{1,2}(?:经理|总监|总|主管|主任|老师|医生|工程师|专员|助理|律师|顾问)|[\u4e00-\u9fff]{2,6}(?:部门|销售部|事业部|中心|小组))(?=[^的]|$)/u;

/** Someone unnamed sent to do something ("派人上门", "安排工程师到现场", "找专人跟进"). */
const SOMEONE =
  /^(?:立即|立刻|马上|尽快|及时)?(?:派|安排|找|指派)(?:一个|一名|一位)?(?:人|专人|工程师|技术人员|技术员|维修人员|服务人员|同事)/u;

/** Owner words the directory may lack. */
const OWNER_WORDS = /负责人|对接销售|销售代表|该客户的销售|客户的销售|负责销售/u;

export interface ConsequentReading {
  actions: PlaybookAction[];
  mode: PlaybookMode | null;
  matched: DraftTerm[];
  unrecognised: string[];
}

function assigneeOf(t: ZhTerm, context: string): Assignee | null {
  switch (t.kind) {
    case "USER":
      return { kind: "USER", userId: t.id };
    case "TEAM":
      return { kind: "TEAM", teamId: t.id };
    case "ROLE":
      return { kind: "ROLE", role: t.id };
    case "ACCOUNT_OWNER":
      return { kind: "ACCOUNT_OWNER" };
    case "ORGANIZATION":
      return { kind: "ORGANIZATION", organizationId: t.id };
    case "ORGANIZATION_KIND":
      // "该区域的服务商": the organization serving the firing's region (README: servingRegion).
      void context;
      return { kind: "ORGANIZATION", servingRegion: true };
    default:
      return null;
  }
}

/** The assignees of a clause: the one after an introducer (给/让/请 …), else the first, and those joined to it. */
function findAssignees(clause: string, matches: readonly ZhMatch[]): { match: ZhMatch; term: ZhTerm }[] {
  const candidates = matches
    .map((m) => ({ match: m, term: m.terms.find((t) => (ASSIGNEE_KINDS as readonly string[]).includes(t.kind)) }))
    .filter((c): c is { match: ZhMatch; term: ZhTerm } => c.term !== undefined);
  // "供应商华芯", "区域经理王芳", "质量部的张敏": a kind, role or team right before a named partner or person
  // is their title (README: a person named with their team is the user).
  for (let i = candidates.length - 2; i >= 0; i -= 1) {
    const c = candidates[i]!;
    const next = candidates[i + 1]!;
    const gap = clause.slice(c.match.end, next.match.start);
    const title =
      (c.term.kind === "ORGANIZATION_KIND" && next.term.kind === "ORGANIZATION" && gap === "") ||
      ((c.term.kind === "ROLE" || c.term.kind === "TEAM") && next.term.kind === "USER" && /^(?:的)?$/u.test(gap));
    if (title) candidates.splice(i, 1);
  }
  if (candidates.length === 0) return [];
  const introduced = candidates.findIndex((c) => {
    const before = clause.slice(0, c.match.start).replace(MODIFIER, "");
    return INTRODUCER.test(before) || before.length === 0;
  });
  const first = introduced >= 0 ? introduced : 0;
  const chosen = [candidates[first]!];
  for (let i = first + 1; i < candidates.length; i += 1) {
    const prev = chosen[chosen.length - 1]!;
    const gap = clause.slice(prev.match.end, candidates[i]!.match.start).replace(MODIFIER, "");
    if (!JOINER.test(gap)) break;
    chosen.push(candidates[i]!);
  }
  return chosen;
}

/** Verbs that may introduce whom a task is for, before a name (给/让/请 …). */
const INTRODUCER_WORD = "给|让|请|由|叫|通知|提醒|告诉|要求|安排|交给|派给|分配给|指派给|转给|交由|找";
/** Words that join assignees (跟 of 跟进, 跟踪 is a verb, not "with"). */
const JOINER_WORD = "和|与|及|、|以及|跟(?![进踪])";
/** What may follow the last of joined assignees ("…和王总一起制定", "…和仓储团队各派一个任务"). */
const AFTER_ASSIGNEES = "一起|共同|联合|各|分别|都|去|来|负责|跟进|制定|安排|处理|核实|派|开|建";

/**
 * People or teams joined to known assignees that the tenant does not have ("请王总和客户经理一起制定…",
 * "给仓储团队和子午线物流各派…"): named as not understood, never guessed as someone else.
 */
function unknownJoined(clause: string, first: ZhMatch, last: ZhMatch): { text: string; start: number; end: number }[] {
  const found: { text: string; start: number; end: number }[] = [];
  const lead = new RegExp(`(${INTRODUCER_WORD})([^，。；、,]{1,8}?)(?:${JOINER_WORD})$`, "u").exec(
    clause.slice(0, first.start),
  );
  if (lead?.[1] && lead[2]) {
    const start = lead.index + lead[1].length;
    found.push({ text: lead[2], start, end: start + lead[2].length });
  }
  const trail = new RegExp(`^(?:${JOINER_WORD})([^，。；、,]{1,8}?)(?=${AFTER_ASSIGNEES})`, "u").exec(
    clause.slice(last.end),
  );
  if (trail?.[1]) {
    const start = last.end + trail[0].length - trail[1].length;
    found.push({ text: trail[1], start, end: start + trail[1].length });
  }
  return found;
}

/** A name-like run of a clause: Chinese or Latin characters, no punctuation. */
const NAME_RUN = "[\\u3400-\\u9fffA-Za-z]{1,6}?";

/**
 * People the clause names beside its assignees whom the tenant does not have ("请销售主管和客户经理一起",
 * "给大客户团队和周总各派"), and qualifiers the schema cannot express ("大客户团队中最资深的人"): named as
 * not understood, so the draft does not quietly drop them (issue 12: name, do not guess).
 */
function unknownBesideAssignees(
  clause: string,
  assignees: readonly { match: ZhMatch; term: ZhTerm }[],
  ctx: ZhGrammarContext,
): string[] {
  if (assignees.length === 0) return [];
  const unknown: string[] = [];
  const isUnknown = (phrase: string): boolean =>
    phrase.length >= 2 &&
    findTerms(ctx.vocabulary, phrase).length === 0 &&
    !/^(?:我|你|他|她|大家|各自|双方)/u.test(phrase);
  const first = assignees[0]!;
  const last = assignees[assignees.length - 1]!;
  const before = new RegExp(
    `(?:给|让|请|由|叫|通知|提醒|告诉|要求|安排|交给|派给|交由)(${NAME_RUN})(?:${JOINER_WORD}|还有)$`,
    "u",
  ).exec(clause.slice(0, first.match.start));
  if (before?.[1] && isUnknown(before[1])) unknown.push(before[1]);
  const tail = clause.slice(last.match.end);
  const after = new RegExp(`^(?:${JOINER_WORD}|还有)(${NAME_RUN})(?=各|分别|一起|共同|一同|都|$|[，,。；;])`, "u").exec(
    tail,
  );
  if (after?.[1] && isUnknown(after[1])) unknown.push(after[1]);
  const qualifier =
    /^(?:中|里|内|里面|之中|当中)?的?(最[^，,。；;的]{1,6}的?(?:人|成员|同事|工程师|一位|那位|那个人|员工))/u.exec(
      tail,
    );
  if (qualifier?.[1]) unknown.push(qualifier[1]);
  return unknown;
}

/** Reads the action clauses in order. */
/** A clause that only says who does the action before it ("由客户成功团队负责", "交给华通来办，三天内完成"). */
// "这个交给客户经理", "这事让教学服务团队去做", "核对一下，让财务来办": the action said before is the one
// handed over.
const DOER_AFTER =
  /^(?:并|且|就|再)?(?:(?:这个|这事|这件事|此事|该任务|这项工作)(?:就|要|可以)?(?:由|交由|交给|让|请|给)?|由|交由|交给|让|请)/u;
const DOER_AFTER_REST = /^(?:来|去|负责|牵头|跟进|处理|执行|完成|落实|办理|办|做|搞定|承担|对接|统筹|一下|吧|。)*/u;

/**
 * "安排功能培训，由客户成功团队负责": the doer said after an action that names none is that action's doer;
 * the two clauses are read as one ("让客户成功团队安排功能培训").
 */
function joinLateDoers(clauses: readonly string[], ctx: ZhGrammarContext): string[] {
  const out: string[] = [];
  for (const clause of clauses) {
    const prev = out[out.length - 1];
    // "核对一下相关订单，财务负责": a doer said with no introducer hands over the action too (below).
    const lead = DOER_AFTER.exec(clause) ?? /^/u.exec(clause);
    if (prev !== undefined && lead) {
      const rest = clause.slice(lead[0].length);
      const doer = findTerms(ctx.vocabulary, rest).find(
        (m) => m.start === 0 && m.terms.some((t) => (ASSIGNEE_KINDS as readonly string[]).includes(t.kind)),
      );
      const prevTerms = findTerms(ctx.vocabulary, prev);
      // A post to a system needs no doer: "同步到风控系统，由客户经理跟进" is two actions.
      const prevHasDoer =
        findAssignees(prev, prevTerms).length > 0 ||
        prevTerms.some((m) => m.terms.some((t) => t.kind === "WEBHOOK_ENDPOINT")) ||
        INTENT.test(prev) ||
        FLAG.test(prev);
      const tail = doer ? rest.slice(doer.end) : "";
      const verbs = DOER_AFTER_REST.exec(tail)?.[0] ?? "";
      const after = tail.slice(verbs.length);
      // After 让/请, or with no introducer, only words that point back at the action (去做, 来办, 负责) hand
      // it over: "让财务跟进" and "请质量部处理" are actions of their own.
      const handsOver = (lead[0].length > 0 && !/(?:让|请)$/u.test(lead[0])) || /做|办|负责/u.test(verbs);
      if (doer && handsOver && !prevHasDoer && (after.length === 0 || findDeadline(after)?.start === 0)) {
        out[out.length - 1] = `让${doer.text}${prev}${after}`;
        continue;
      }
    }
    out.push(clause);
  }
  return out;
}

export function readConsequent(rawClauses: readonly string[], ctx: ZhGrammarContext): ConsequentReading {
  const clauses = joinLateDoers(rawClauses, ctx);
  const actions: PlaybookAction[] = [];
  const matched: DraftTerm[] = [];
  const unrecognised: string[] = [];
  let mode: PlaybookMode | null = null;
  let lastTasks: number[] = [];

  for (const clause of clauses) {
    const tracker = new SpanTracker(clause);
    // "不需要我确认" says no confirmation: AUTO, though it contains the words of one.
    const unconfirmed = NO_CONFIRMATION.exec(clause);
    const suggest = unconfirmed ? null : SUGGEST.exec(clause);
    const auto = suggest ? null : (unconfirmed ?? AUTO.exec(clause));
    if (suggest) {
      mode = "SUGGEST";
      tracker.mark(suggest.index, suggest.index + suggest[0].length);
    } else if (auto) {
      mode = mode ?? "AUTO";
      tracker.mark(auto.index, auto.index + auto[0].length);
    }
    const matches = findTerms(ctx.vocabulary, clause);
    // "一律同步到ERP", "第一时间推送": adverbs of how sure or how soon are read with the action.
    const adverb = ACTION_ADVERB.exec(clause);
    if (adverb) tracker.mark(0, adverb[0].length);
    const deadline = findDeadline(clause);
    const date = findCalendarDate(clause);
    // "12月31日前回访": a date is no number of days from the firing; the task keeps the default and the
    // date is named.
    if (date && !unrecognised.includes(date.text)) unrecognised.push(date.text);
    const produced: PlaybookAction[] = [];

    // Webhooks.
    const endpoints = matches.filter((m) => m.terms.some((t) => t.kind === "WEBHOOK_ENDPOINT"));
    for (const m of endpoints) {
      const t = m.terms.find((x) => x.kind === "WEBHOOK_ENDPOINT")!;
      produced.push({ kind: "CALL_WEBHOOK", endpointId: t.id });
      matched.push({ phrase: m.text, kind: "WEBHOOK_ENDPOINT", id: t.id });
      tracker.mark(m.start, m.end);
      tracker.markPattern(SEND_VERB);
      tracker.markPattern(/消息|通知|提醒|告警|信息|里|中|上/u);
      // "通过 ERP 系统推送一条通知": the channel's preposition and the message's measure word.
      tracker.markPattern(
        /通过|经由|借助|使用|一条|一下|一个|一则|大家|所有人|相关人员|全员|相关同事|结果|情况|进展|记录|创建工单|建工单|开工单/u,
      );
    }

    const assignees = findAssignees(
      clause,
      matches.filter((m) => !endpoints.includes(m)),
    );
    const intent = INTENT.exec(clause);
    const flag = FLAG.exec(clause);
    if (intent && INTENT_VERB.test(clause.slice(0, intent.index)) && assignees.length === 0) {
      const verb = INTENT_VERB.exec(clause.slice(0, intent.index))!;
      const topic = clause.slice(verb.index + verb[0].length, intent.index).replace(/^(?:一条|一个|个|条|上)/u, "");
      const concept = findTerms(ctx.vocabulary, topic, ["CONCEPT"])[0];
      const fallback = concept ? (concept.terms[0]?.id.split(":")[1] ?? "buying") : "buying";
      produced.push({ kind: "RAISE_INTENT_SIGNAL", intent: intentSlugFor(topic, fallback) });
      tracker.mark(0, clause.length);
    } else if (flag && (assignees.length === 0 || assignees[0]!.match.start > flag.index)) {
      // "把批次标记出来交给电池研发团队": the records are flagged; who they are for is the flag's note.
      const target = flagTarget(clause, flag.index);
      const quoted = /[“"]([^”"]+)[”"]/u.exec(clause)?.[1];
      const after = clause.slice(flag.index + flag[0].length).replace(/^(?:为|成|上)/u, "");
      const name = quoted ?? (after.length > 0 ? after : clause.slice(0, flag.index));
      const fallback = target === "BATCH" ? "batch-review" : target === "ASSET" ? "asset-review" : "account-review";
      const forWhom = assignees[0]?.match.text;
      produced.push({
        kind: "FLAG_RECORDS",
        target,
        flag: flagSlugFor(name.replace(/出来|一下/gu, "").split(/交给|给|供/u)[0] ?? name, fallback),
        ...(forWhom ? { note: `for ${forWhom}` } : {}),
      });
      tracker.mark(0, clause.length);
    } else if (assignees.length > 0) {
      unrecognised.push(...unknownBesideAssignees(clause, assignees, ctx));
      const isReview = REVIEW.test(clause) && !/业务回顾|季度回顾|QBR/iu.test(clause);
      const last = assignees[assignees.length - 1]!;
      const description = clause
        .slice(last.match.end)
        .replace(deadline?.text ?? "\u0000", "")
        .replace(/^(?:各|分别|都)?(?:在)?/u, "");
      for (const u of unknownJoined(clause, assignees[0]!.match, last.match)) {
        if (!unrecognised.includes(u.text)) unrecognised.push(u.text);
      }
      // "立即通知合规专员": with nothing said after the doers, the task is the clause without their names.
      let bare = clause;
      for (const a of [...assignees].reverse()) bare = `${bare.slice(0, a.match.start)}${bare.slice(a.match.end)}`;
      for (const a of assignees) {
        const assignee = assigneeOf(a.term, clause);
        if (!assignee) continue;
        matched.push({ phrase: a.match.text, kind: a.term.kind, id: a.term.id });
        const title = description.length > 0 ? description : bare;
        const dueInDays = deadline ? deadline.days : 3;
        if (isReview) {
          produced.push({ kind: "OPEN_REVIEW", reviewType: reviewSlugFor(title), title, assignee, dueInDays });
        } else {
          produced.push({ kind: "CREATE_TASK", template: slugFor(title, "follow-up"), title, assignee, dueInDays });
        }
      }
      tracker.mark(0, clause.length);
    } else if (SOMEONE.test(clause) && TASK_WORDS.test(clause)) {
      // "派人上门检修", "安排工程师到现场": someone unnamed is sent; the task is the account owner's to arrange.
      const title = clause;
      produced.push({
        kind: "CREATE_TASK",
        template: slugFor(title, "follow-up"),
        title,
        assignee: { kind: "ACCOUNT_OWNER" },
        dueInDays: deadline ? deadline.days : 3,
      });
      tracker.mark(0, clause.length);
    } else if (UNKNOWN_DOER.test(clause)) {
      // "请张经理联系客户", "王总要在一周内拜访": a person the tenant does not have is named, and no task is
      // drafted for someone else in their place (issue 12: name, do not guess).
      const who = UNKNOWN_DOER.exec(clause)?.[1] ?? "";
      if (!unrecognised.includes(who)) unrecognised.push(who);
      tracker.mark(0, clause.length);
    } else if (
      OWNER_WORDS.test(clause) ||
      // "调用ServiceNow创建工单": the ticket is the system's, not a task of the owner's.
      (endpoints.length === 0 && TASK_WORDS.test(clause) && /任务|工单|待办|评审|预审|复核|审核/u.test(clause))
    ) {
      // A task with no assignee named goes to the account owner.
      const isReview = REVIEW.test(clause);
      const title = clause;
      const assignee: Assignee = { kind: "ACCOUNT_OWNER" };
      const dueInDays = deadline ? deadline.days : 3;
      produced.push(
        isReview
          ? { kind: "OPEN_REVIEW", reviewType: reviewSlugFor(title), title, assignee, dueInDays }
          : { kind: "CREATE_TASK", template: slugFor(title, "follow-up"), title, assignee, dueInDays },
      );
      tracker.mark(0, clause.length);
    } else if (deadline && endpoints.length === 0) {
      // A clause that only gives a deadline: it is the deadline of the tasks before it.
      // "一周内给出方案" after a task continues that task: its words are the task's.
      if (lastTasks.length > 0) tracker.mark(0, clause.length);
      tracker.mark(deadline.start, deadline.end);
      tracker.markPattern(/完成|处理|搞定|办结|之前|以前|前|必须|务必|需要|需|要|内/u);
      // "立即通知合规专员，三天内完成强化尽调审查": the work said with the deadline is what the task before it
      // only announced (a notification or a follow-up), a review when it names one.
      const work = clause
        .replace(deadline.text, "")
        .replace(/^(?:并|且|就|再|要|需要|需|必须|务必|在)+/u, "")
        .replace(/^(?:完成|做完|做好|搞定|办结|处理完)/u, "")
        .replace(/^(?:一次|一个|一份|个|份)/u, "");
      const named = /[\u3400-\u9fff]{2,}/u.test(work) && !/^(?:完成|处理|搞定|办结|之前|以前|前|内)*$/u.test(work);
      for (const i of lastTasks) {
        const a = actions[i];
        if (!a || (a.kind !== "CREATE_TASK" && a.kind !== "OPEN_REVIEW")) continue;
        const generic = a.kind === "CREATE_TASK" && GENERIC_TEMPLATES.test(a.template);
        if (named && generic && REVIEW.test(work)) {
          const { template: _template, ...rest } = a;
          void _template;
          actions[i] = {
            ...rest,
            kind: "OPEN_REVIEW",
            reviewType: reviewSlugFor(work),
            title: work,
            dueInDays: deadline.days,
          };
        } else if (named && generic && a.kind === "CREATE_TASK") {
          actions[i] = { ...a, template: slugFor(work, a.template), title: work, dueInDays: deadline.days };
        } else actions[i] = { ...a, dueInDays: deadline.days };
      }
    }
    if (deadline && produced.some((p) => p.kind === "CREATE_TASK" || p.kind === "OPEN_REVIEW")) {
      tracker.mark(deadline.start, deadline.end);
    }
    const firstIndex = actions.length;
    actions.push(...produced);
    const taskIndexes = produced
      .map((p, k) => (p.kind === "CREATE_TASK" || p.kind === "OPEN_REVIEW" ? firstIndex + k : -1))
      .filter((k) => k >= 0);
    if (taskIndexes.length > 0) lastTasks = taskIndexes;
    unrecognised.push(...tracker.leftovers());
  }
  // A deadline said once for tasks that have none: the default stays only when nothing was said.
  return { actions, mode, matched, unrecognised };
}

/** Reads a success criterion ("如果十四天内任务完成就算成功", "30天内健康度回升就算有效"). */
/** Whether the clause says the end of one of the concept's Chinese labels (出勤率 of 车辆出勤率), three characters or more. */
function saysHeadOf(clause: string, conceptId: string, ctx: ZhGrammarContext): boolean {
  const info = ctx.concepts.get(conceptId);
  if (!info) return false;
  const labels = [info.spec.prefLabel.zh, ...(info.spec.altLabel?.zh ?? [])].filter((l): l is string => !!l);
  return labels.some((label) => {
    for (let n = label.length - 1; n >= 3; n -= 1) if (clause.includes(label.slice(label.length - n))) return true;
    return false;
  });
}

/** A check done or a state made good again (核实通过, 完成核实, 已校准, 恢复正常): the flag's good value seen. */
const CHECK_DONE =
  /核实|核验|验证|识别|认证|检定|校准|续期|续签|补齐|补全|补充完|恢复正常|恢复|修复|解决|合格|达标|通过/u;

/**
 * The success criterion of a rule. `trigger` is the rule's trigger: a criterion that names no concept but says the
 * check was done ("十天内核实通过就算成功" after "受益所有人还没有核实") is the triggering flag's good value seen.
 */
export function readFeedback(
  clause: string,
  ctx: ZhGrammarContext,
  trigger: PlaybookTrigger | null = null,
): { feedback: PlaybookFeedback | null; unrecognised: string[] } {
  const window = findWindow(clause) ?? findDurations(clause)[0] ?? null;
  const withinDays = window ? Math.round(window.days) : 30;
  if (
    /健康/u.test(clause) &&
    /回升|改善|好转|提升|变好|恢复|升级|转绿|上升|变绿|提高|回到|变回|升回|绿色|绿灯/u.test(clause)
  ) {
    return { feedback: { kind: "HEALTH_IMPROVED", withinDays }, unrecognised: [] };
  }
  const view = /(?:浏览|访问|查看|打开|点击)(?:了|过)?(.{1,20}?(?:页面|网页|页))/u.exec(clause);
  if (view?.[1]) {
    const path = resolvePage(ctx.pages, view[1]);
    const signals: SignalSelector = { field: "viewed_page", ...(path ? { valueEquals: path } : {}) };
    return { feedback: { kind: "SIGNAL_OBSERVED", signals, withinDays }, unrecognised: path ? [] : [view[1]] };
  }
  if (/任务|工单|待办|评审|预审|复核|审核/u.test(clause) && /完成|办结|关闭|处理完|结束|做完|闭环/u.test(clause)) {
    return { feedback: { kind: "TASK_COMPLETED", withinDays }, unrecognised: [] };
  }
  const triggerConcept =
    trigger && (trigger.kind === "CONCEPT_THRESHOLD" || trigger.kind === "CONCEPT_TREND") ? trigger.concept : null;
  const concept = findTerms(ctx.vocabulary, clause, ["CONCEPT"])[0];
  // "开机率恢复到95%以上" after a threshold on 设备开机率: the measure the rule is about, said short.
  const namesTrigger = concept ? concept.terms.some((t) => t.id === triggerConcept) : false;
  if (triggerConcept && (namesTrigger || (!concept && saysHeadOf(clause, triggerConcept, ctx)))) {
    const signals: SignalSelector = {
      concept: triggerConcept,
      ...(isBooleanConcept(ctx.packs, triggerConcept) ? { valueEquals: "true" } : {}),
    };
    if (!isBooleanConcept(ctx.packs, triggerConcept))
      return { feedback: { kind: "SIGNAL_OBSERVED", signals, withinDays }, unrecognised: [] };
  }
  // "重新核验通过就算成功" after a KYC status became 已过期: the counted categorical concept seen at the value
  // said, or at its best value when the check is said done.
  const countedValue = trigger?.kind === "SIGNAL_COUNT" ? trigger.signals.valueEquals : undefined;
  const countedConcept = trigger?.kind === "SIGNAL_COUNT" ? trigger.signals.concept : undefined;
  const namesOther = concept ? !concept.terms.some((t) => t.id === countedConcept) : false;
  if (countedConcept && countedValue && !/^(?:true|false)$/u.test(countedValue) && !namesOther) {
    const values = lookupValues(ctx.packs, countedConcept);
    const code = values.find((v) =>
      new RegExp(`(?<![A-Za-z0-9_])${v.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![A-Za-z0-9_])`, "iu").test(clause),
    );
    const said = code ?? chineseValueAfter(clause, 0, values)?.value;
    const value =
      said && said !== countedValue
        ? said
        : CHECK_DONE.test(clause)
          ? bestLookupValue(ctx.packs, countedConcept)
          : null;
    if (value && value !== countedValue) {
      return {
        feedback: { kind: "SIGNAL_OBSERVED", signals: { concept: countedConcept, valueEquals: value }, withinDays },
        unrecognised: [],
      };
    }
  }
  if (concept) {
    const t = pickConcept(concept, []);
    if (t) {
      // A check said done of a flag whose true value is the bad state (校准完成 of calibration_expired) is
      // the flag's good value, "false"; otherwise a flag named in a success criterion is seen true.
      const good =
        CHECK_DONE.test(clause) && hasBooleanMapping(ctx.packs, t.id) && !onlyPositiveFlags(ctx.packs, t.id)
          ? "false"
          : "true";
      const signals: SignalSelector = {
        concept: t.id,
        ...(isBooleanConcept(ctx.packs, t.id) ? { valueEquals: good } : {}),
      };
      return { feedback: { kind: "SIGNAL_OBSERVED", signals, withinDays }, unrecognised: [] };
    }
  }
  const flag =
    trigger?.kind === "CONCEPT_THRESHOLD" && trigger.op === "BELOW" && hasBooleanMapping(ctx.packs, trigger.concept)
      ? trigger.concept
      : null;
  if (flag && CHECK_DONE.test(clause)) {
    const good = onlyPositiveFlags(ctx.packs, flag) ? "true" : "false";
    return {
      feedback: { kind: "SIGNAL_OBSERVED", signals: { concept: flag, valueEquals: good }, withinDays },
      unrecognised: [],
    };
  }
  // "两天内修好就算解决", "一周内处理好就算成功": the work said done is the task completed.
  if (/完成|修好|修复好|处理好|处理完|办好|办完|做好|做完|搞定|落实/u.test(clause))
    return { feedback: { kind: "TASK_COMPLETED", withinDays }, unrecognised: [] };
  return { feedback: null, unrecognised: [clause] };
}
