/**
 * The antecedent of a Chinese rule ("医院客户的联系人7天内浏览远程质控解决方案页达到3次") read into the
 * playbook's trigger and conditions:
 * - conditions: account field values (医院客户, 东南亚的中小企业客户), health grade states (健康等级是红色),
 *   health scores, partner organizations (通过经销商采购), no open task (没有未完成的任务), name contains;
 * - triggers, tried in this order: health grade changes (亮红灯, 降为黄色, 回升到绿色), record events
 *   (被删除或恢复, 有变更), page views (浏览……页达到3次), trends (每周增加超过5张), counts of boolean or
 *   categorical signals (上报绝缘故障超过两次, 变为EDD), thresholds (低于88%, 超过30分钟), boolean
 *   concepts turning bad (质控不通过).
 * Everything it reads is marked in a SpanTracker so what is left can be named as not understood.
 */
import { PlaybookCondition, PlaybookTrigger, SignalSelector, TriggerScope } from "../../automation/playbook";
import { CHANGE_TYPES, ChangeType } from "../../events/change-event";
import { DraftTerm } from "../draft";
import { ParseAmbiguity } from "../parsed-sentence";
import { findNumber, NUMBER_SOURCE, parseNumber } from "./chinese-numbers";
import {
  BREACH_WORDS,
  breachStems,
  hasBooleanMapping,
  isBooleanConcept,
  lookupValues,
  normaliseThreshold,
  onlyPositiveFlags,
  ratePerDay,
} from "./concept-facts";
import { resolvePage } from "./pages-zh";
import { chineseValueAfter, chineseValueBefore, ValueMention, valueWordsIn } from "./value-words-zh";
import { slugFor } from "./slugs-zh";
import { SpanTracker } from "./span-tracker";
import { DURATION_SOURCE, findPeriod, findWindow, FoundWindow, parseDuration, WINDOW_SOURCE } from "./time-phrases";
import { readUnit } from "./units-zh";
import { findTerms, ZhMatch, ZhTerm } from "./zh-vocabulary";
import { ZhGrammarContext } from "./zh-context";

export interface AntecedentReading {
  ambiguities: ParseAmbiguity[];
  trigger: PlaybookTrigger | null;
  conditions: PlaybookCondition[];
  matched: DraftTerm[];
  unrecognised: string[];
}

const INDUSTRY_PACK: Readonly<Record<string, string>> = {
  HEALTHCARE: "healthcare",
  MANUFACTURING: "manufacturing",
  AUTOMOTIVE: "automotive",
  FINANCE: "finance",
  SAAS: "saas",
  ECOMMERCE: "ecommerce",
  EDUCATION: "education",
};

const GRADE_ORDER: Readonly<Record<string, number>> = { RED: 0, YELLOW: 1, GREEN: 2 };

/** Grades said with one character after a verb (变红, 转黄). */
const GRADE_CHARS: Readonly<Record<string, string>> = { 红: "RED", 黄: "YELLOW", 绿: "GREEN" };

/** A grade-like word the model may not have: B级, 橙色, 紫灯, A类. */
const UNKNOWN_GRADE = /(?:[A-Za-z][+-]?|[一二三四五甲乙丙丁])(?:级|类|档)|[橙紫蓝黑白灰粉青金银][色灯]/u;

const SUBJECT_ASSET = /车辆|设备|资产|电池包|电池|充电桩|机器|机台|仪器|装置|产线|车/u;
/** The account's people, said as the subject of what they did (联系人, 员工, 客户的人, 有人). */
const SUBJECT_CONTACT =
  /联系人|人员|员工|用户|访客|访问者|决策人|对接人|同事|(?:客户|账户|机构|公司)(?:那边|方面|方|里)?的人|有人/u;

/** Verbs of a page view; not the 访 of a visit to the customer (随访, 回访, 拜访, 走访, 家访, 探访). */
const VIEW_VERB = /(?:浏览|访问|查看|打开|看了|看过|点击|阅读|进入|点开|(?<![随回拜走家探来到寻暗查])访)(?:了|过)?/u;

/** Counted records an event happens to, right before it ("3张工单被", "两台设备", "被"). */
const RECORDS_COUNTED = `(?:(?:${NUMBER_SOURCE})\\s*(?:张|个(?![月星季小礼工钟])|条|单|台|辆|笔|件|起|份)\\s*(?:及以上|或以上|以上)?(?:的)?[\u3400-\u9fffA-Za-z]{0,6}?(?:都|又|再次)?)?被|(?:${NUMBER_SOURCE})\\s*(?:张|个(?![月星季小礼工钟])|条|单|台|辆|笔|件|起|份)\\s*(?:及以上|或以上|以上)?(?:的)?[\u3400-\u9fffA-Za-z]{0,6}?(?:都|又|再次)?`;

/** Words before a count that say how it compares ("达到两次", "超过3次"). */
const COUNT_LEAD = "超过|多于|大于|高于|超出|逾|不少于|不低于|至少|最少|达到|达|满|累计|共计|共";

const COUNT = new RegExp(
  `(超过|多于|大于|高于|超出|逾|不少于|不低于|至少|最少|达到|达|满|累计|共计|共|>=|≥|>)?\\s*(${NUMBER_SOURCE})\\s*(?:次|回|遍|起|单|笔|条|张)\\s*(及以上|或以上|以上|或更多|及更多|以上的)?`,
  "u",
);

const REGION_SCOPE =
  /同一(?:个)?(?:区域|地区|片区|大区|城市|区)|同区域|同地区|一个区域(?:内|里)?|某(?:个)?区域|区域内/u;

const BELOW_WORDS =
  /(未达到|没有达到|没达到|达不到|未达|未超过|没超过|不高于|不超过|不大于|不多于|低于|小于|少于|不足|不到|跌破|跌到|跌至|降到|降至|降低到|下降到|掉到|落到|低过|<=|≤|<)/u;
const ABOVE_WORDS = /(不低于|不少于|不小于|不止|高于|大于|超过|多于|超出|突破|升到|升至|上升到|涨到|高过|达到|>=|≥|>)/u;
const TRAILING_BELOW = /(以下|之下|以内)/u;
const TRAILING_ABOVE = /(以上|之上)/u;

/**
 * Verbs of a change. The one-character colloquial ones (掉3个百分点, 跌了两成, 涨5张) are a change by an amount
 * only when no level follows them: 跌到/掉至/降为/跌破 say the level reached (a threshold), 升级 a grade.
 */
const RISING =
  /上升|增加|增长|上涨|升高|提高|攀升|增多|上扬|走高|变大|加大|加剧|变多|上行|抬升|多出|(?:涨|升|增)(?![到至为成破级值])/u;
const FALLING =
  /下降|减少|降低|下滑|下跌|回落|走低|减小|变小|变少|下行|滑落|缩水|(?:掉|跌|降|滑|减)(?![到至为成破入进级线单])/u;

/** A check not (yet) done: 还没有核实, 尚未验证, 没通过审核 (a boolean concept that is not yet good). */
export const NOT_YET_DONE =
  "(?:还|尚|仍|仍然|一直|至今|迄今)?(?:没有|没|未|尚未|还未|还没有|还没|从未)(?:被|进行|做|完成|经过)?(?:核实|核验|核查|验证|识别|确认|审核|审批|认证|检定|校准|签署|签|备案|登记|完成|通过|办理|进行|续期|复检|年检|做|办)";

const BAD_BOOLEAN = new RegExp(
  `${NOT_YET_DONE}|${BREACH_WORDS}|失败|不通过|未通过|没通过|没有通过|不合格|命中|触发|过期|逾期|到期|异常|告警|报警|离职|离任|离开|违约|被标记|为真|出现|发生|超期|未完成|没完成|预约取消|取消|(?:不再|停止|中断|失去|退出)(?:参与|支持|活跃|合作|对接|联系|跟进|使用|投入)?|没有了|缺位`,
  "u",
);

/** The kinds of record an event can be about, by their Chinese words (longest first). */
const RECORD_WORDS: readonly (readonly [RegExp, string])[] = [
  [/客户记录|客户信息|客户资料|客户档案|客户数据|账户信息|账户|客户/u, "ACCOUNT"],
  [/联系人信息|联系人/u, "CONTACT"],
  [/销售机会|商机|机会/u, "OPPORTUNITY"],
  [/设备信息|设备资料|设备档案|设备|资产信息|资产|车辆|充电桩/u, "ASSET"],
  [/合作伙伴|合作方|供应商|经销商|服务商|代理商|分销商|组织|伙伴/u, "ORGANIZATION"],
  [/信号/u, "SIGNAL"],
  // Support tickets (issue 17) and personal-data consents (issue 15): 新工单, 数据使用授权被更新.
  [/支持工单|服务工单|客服工单|工单|服务单|支持单|问题单|客服单|ticket/iu, "TICKET"],
  [
    /(?:数据使用|数据处理|数据|资料使用|个人资料|隐私|个人信息|个人数据|营销|信息使用)(?:授权|同意)(?:书)?|知情同意(?:书)?|授权书|授权(?!经销|代理|服务|商|合作|伙伴|给|人)/u,
    "CONSENT",
  ],
  [/用户|成员/u, "USER"],
  [/团队/u, "TEAM"],
  [/源系统|数据源/u, "SOURCE_SYSTEM"],
  [/成果|结果|结局/u, "OUTCOME"],
  [/手工指标|人工指标|手工度量/u, "MANUAL_MEASURE"],
  [/健康模型/u, "HEALTH_MODEL"],
  [/本体包/u, "ONTOLOGY_PACK"],
  [/映射/u, "MAPPING"],
];

const EVENT_VERBS: readonly (readonly [RegExp, string])[] = [
  [/删除|删掉|移除|作废/u, "DELETED"],
  [/恢复|还原|找回/u, "RESTORED"],
  [
    /新建|创建|新增|添加|录入|建立|登记|加入|提交|新签约|新签下|刚签约|签约(?![率额金])|有新的|有新|新来的|新进的/u,
    "CREATED",
  ],
  [/更新|变更|修改|改动|编辑|变动|调整|变化|改变/u, "UPDATED"],
  // Only a consent is withdrawn (a new version of it): 撤回授权.
  [/撤回|撤销/u, "WITHDRAWN"],
];

/** What a named partner does for the accounts it serves (诺德光系统服务的, 由绿伏服务维保的). */
const ORG_SERVES = /^(?:所)?(?:服务|代理|供货|分销|合作|负责|维保|维护|维修|运维|托管|经销|供应)的/u;

/** Resolves a term among several with one name, preferring the pack of the account's industry. */
export function pickConcept(match: ZhMatch, industries: readonly string[]): ZhTerm | null {
  const concepts = match.terms.filter((t) => t.kind === "CONCEPT");
  if (concepts.length === 0) return null;
  const packs = industries.map((i) => INDUSTRY_PACK[i]).filter((p): p is string => !!p);
  const score = (t: ZhTerm): number =>
    (packs.includes(t.id.split(":")[0] ?? "") ? 4 : 0) + (t.preferred ? 2 : 0) + (t.id.startsWith("core:") ? 1 : 0);
  return [...concepts].sort((a, b) => score(b) - score(a))[0] ?? null;
}

function term(match: ZhMatch, t: ZhTerm): DraftTerm {
  return { phrase: match.text, kind: t.kind, id: t.id };
}

/** The papers of what a check is about (身份证件, 身份证, 资质证明): their lapse is the check's bad value. */
const DOCUMENT_WORDS = "证件|证照|证明|证书|证|文件|材料";

/**
 * Boolean concepts named by their subject and a breach word (SLA超时, SLA 违约, 发票逾期, 保养超期, also with
 * a window between: 发票在一个季度内逾期) or a count (返修两次), where no label is said: the subject is read
 * as the concept's name, and the breach word or the counted events as its bad value.
 */
function breachMatches(text: string, matches: readonly ZhMatch[], ctx: ZhGrammarContext): ZhMatch[] {
  const found: ZhMatch[] = [];
  const taken = (start: number, end: number): boolean =>
    [...matches, ...found].some((m) => m.start < end && start < m.end);
  for (const { stem, concept } of breachStems(ctx.packs)) {
    const name = stem
      .split(/\s+/u)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"))
      .join("\\s*");
    // Word boundaries only for Latin ends: "重开5次" has a digit right after a Chinese name.
    const lead = /^[A-Za-z0-9]/u.test(stem) ? "(?<![A-Za-z0-9])" : "";
    const tail = /[A-Za-z0-9]$/u.test(stem) ? "(?![A-Za-z0-9])" : "";
    // "返修两次", "返修达到两次", "SLA 超时", and counted records it happened to: "3张工单被重开".
    const re = new RegExp(
      `${lead}${name}${tail}(?:的)?(?:${DOCUMENT_WORDS}){0,2}(?=\\s*(?:了|又|再次|再|一|已经|已)?\\s*(?:${WINDOW_SOURCE})?\\s*(?:了|又|再次|再|累计|共)?\\s*(?:${COUNT_LEAD})?\\s*(?:${BREACH_WORDS}|(?:${NUMBER_SOURCE})\\s*(?:次|回)))|(?<=${RECORDS_COUNTED})${name}${tail}`,
      "giu",
    );
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      found.push({ start, end, text: m[0], terms: [{ kind: "CONCEPT", id: concept, preferred: false }] });
    }
  }
  return found;
}

/**
 * A boolean concept's label split by a negation ("受益所有人还没有核实" of 受益所有人核实, "UBO 尚未识别" of
 * UBO 识别): the label's subject before a check not done is the concept, the negation its bad value.
 */
function negatedLabelMatches(text: string, matches: readonly ZhMatch[], ctx: ZhGrammarContext): ZhMatch[] {
  const found: ZhMatch[] = [];
  const taken = (start: number, end: number): boolean =>
    [...matches, ...found].some((m) => m.start < end && start < m.end);
  const subjects = new Map<string, Set<string>>();
  for (const c of ctx.concepts.values()) {
    if (!hasBooleanMapping(ctx.packs, c.id)) continue;
    for (const label of [c.spec.prefLabel.zh, ...(c.spec.altLabel?.zh ?? [])]) {
      const m = /^(.{2,}?)\s*(?:核实|核验|验证|识别|确认|审核|认证|检定|校准|签署|备案|登记)$/u.exec(label ?? "");
      if (!m?.[1]) continue;
      const ids = subjects.get(m[1]) ?? new Set<string>();
      ids.add(c.id);
      subjects.set(m[1], ids);
    }
  }
  for (const [subject, ids] of subjects) {
    if (ids.size !== 1) continue;
    const name = subject.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s+/gu, "\\s*");
    for (const m of text.matchAll(new RegExp(`${name}(?=(?:的)?${NOT_YET_DONE})`, "giu"))) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      found.push({ start, end, text: m[0], terms: [{ kind: "CONCEPT", id: [...ids][0]!, preferred: false }] });
    }
  }
  return found;
}

/**
 * "KYC过期": a value said right after a concept whose own tables lack it is the value of the concept whose label
 * holds that name and whose table has it (KYC 状态 → EXPIRED); the name is read as that concept.
 */
function valueOwners(text: string, matches: ZhMatch[], ctx: ZhGrammarContext): ZhMatch[] {
  return matches.map((m) => {
    const ids = m.terms.filter((t) => t.kind === "CONCEPT").map((t) => t.id);
    if (ids.length === 0) return m;
    const after = /^(?:的)?(?:状态)?(?:已经|已|被)?(?:变成|变为|转为|成为|为|是)?/u.exec(text.slice(m.end))?.[0] ?? "";
    const mention = valueWordsIn(text.slice(m.end + after.length, m.end + after.length + 6))[0];
    if (!mention || mention.start !== 0) return m;
    const has = (id: string): boolean =>
      lookupValues(ctx.packs, id).some((v) => v.toLowerCase() === mention.value.toLowerCase());
    if (ids.some(has)) return m;
    const name = m.text.replace(/\s+/gu, "").toLowerCase();
    const owners = [...ctx.concepts.values()]
      .filter((c) => has(c.id))
      .filter((c) =>
        [c.spec.prefLabel.zh, c.spec.prefLabel.en, ...(c.spec.altLabel?.zh ?? []), ...(c.spec.altLabel?.en ?? [])]
          .filter((l): l is string => !!l)
          .some((l) => l.replace(/\s+/gu, "").toLowerCase().includes(name)),
      );
    if (owners.length !== 1) return m;
    return { ...m, terms: [{ kind: "CONCEPT", id: owners[0]!.id, preferred: false }] };
  });
}

/**
 * "电池容量衰减率": the longest name from the left (电池容量, state of health) leaves 衰减率 unread, while a
 * concept label starting inside it (容量衰减率, capacity fade) reaches further. When nothing was found right after
 * a concept's name, a concept label starting inside it and ending at least two characters further is the name
 * said; the head before it stays a modifier.
 */
function overlappingLabels(text: string, matches: ZhMatch[], ctx: ZhGrammarContext): ZhMatch[] {
  const isConcept = (m: ZhMatch): boolean => m.terms.every((t) => t.kind === "CONCEPT");
  return matches.map((m, i) => {
    if (!isConcept(m) || matches[i + 1]?.start === m.end) return m;
    for (let start = m.start + 1; start < m.end; start += 1) {
      const limit = Math.min(text.length, start + ctx.vocabulary.maxKeyLength);
      for (let end = limit; end >= m.end + 2; end -= 1) {
        const terms = ctx.vocabulary.byKey.get(text.slice(start, end).toLowerCase());
        const concepts = terms?.filter((t) => t.kind === "CONCEPT") ?? [];
        if (concepts.length > 0 && !matches.some((o) => o !== m && o.start < end && start < o.end)) {
          return { start, end, text: text.slice(start, end), terms: concepts };
        }
      }
    }
    return m;
  });
}

/**
 * Concept names that start inside a record word ("单量" of 工单量, read as 订单量): the record word is the
 * word said, so the concept is not; the phrase is left for a reading by resemblance or named as unknown. A
 * bare measure word right after another concept (保修索赔单量) is that concept's measure, not a concept.
 */
function withoutSplitWords(text: string, matches: ZhMatch[]): ZhMatch[] {
  const words = RECORD_WORDS.flatMap(([re]) =>
    [...text.matchAll(new RegExp(re.source, "gu"))].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
    })),
  );
  const isConcept = (m: ZhMatch): boolean => m.terms.every((t) => t.kind === "CONCEPT");
  const out: ZhMatch[] = [];
  for (const m of matches) {
    if (isConcept(m) && words.some((w) => w.start < m.start && m.start < w.end)) continue;
    // "保修索赔单量": a bare measure word right after a concept counts that concept, it names no other.
    const prev = out[out.length - 1];
    if (prev && isConcept(m) && isConcept(prev) && prev.end === m.start && MEASURE_NAME.test(m.text)) {
      out[out.length - 1] = { ...prev, end: m.end, text: `${prev.text}${m.text}` };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Labels that are only a measure word (单量 of 订单量): after another concept, they measure it. */
const MEASURE_NAME = /^(?:单量|单数|数量|次数|件数|笔数|总数|总量|个数)$/u;

/** Two names of one concept side by side ("清关扣关", "OEE设备综合效率") are one mention of it. */
function mergeSameConcept(matches: ZhMatch[]): ZhMatch[] {
  const ids = (m: ZhMatch): string =>
    m.terms
      .filter((t) => t.kind === "CONCEPT")
      .map((t) => t.id)
      .sort()
      .join(",");
  const out: ZhMatch[] = [];
  for (const m of matches) {
    const prev = out[out.length - 1];
    if (prev && prev.end === m.start && ids(prev) !== "" && ids(prev) === ids(m)) {
      out[out.length - 1] = { ...prev, end: m.end, text: `${prev.text}${m.text}` };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Reads the antecedent text (markers 如果/时 already removed). */
export function readAntecedent(text: string, ctx: ZhGrammarContext): AntecedentReading {
  const tracker = new SpanTracker(text);
  const matched: DraftTerm[] = [];
  const unrecognised: string[] = [];
  const ambiguities: ParseAmbiguity[] = [];
  const conditions: PlaybookCondition[] = [];
  const matches = valueOwners(
    text,
    mergeSameConcept(withoutSplitWords(text, overlappingLabels(text, findTerms(ctx.vocabulary, text), ctx))),
    ctx,
  );
  matches.push(...breachMatches(text, matches, ctx));
  matches.push(...negatedLabelMatches(text, matches, ctx));
  matches.sort((a, b) => a.start - b.start);

  // Account field values → conditions, one per field (IN when several).
  const fieldValues = new Map<string, string[]>();
  for (const m of matches) {
    const t = m.terms.find((x) => x.kind === "ACCOUNT_FIELD_VALUE");
    if (!t || !t.field) continue;
    // A value word inside a larger phrase about something else (e.g. 车 of 车辆) is not a condition.
    const values = fieldValues.get(t.field) ?? [];
    if (!values.includes(t.id)) values.push(t.id);
    fieldValues.set(t.field, values);
    matched.push(term(m, t));
    tracker.mark(m.start, m.end);
  }
  for (const [field, values] of fieldValues) {
    conditions.push({
      kind: "ACCOUNT_FIELD",
      field: field as "industry" | "segment" | "region" | "name",
      op: values.length > 1 ? "IN" : "EQUALS",
      values,
    });
  }
  const industries = fieldValues.get("industry") ?? [];

  // Name contains: 名称包含“X”, 名字里有X.
  const nameContains =
    /(?:客户)?(?:名称|名字|公司名|客户名)(?:中|里)?(?:包含|含有|含|带有|带|有)“?([^”，,。的]{1,20})”?/u.exec(text);
  if (nameContains?.[1]) {
    conditions.push({ kind: "ACCOUNT_FIELD", field: "name", op: "CONTAINS", values: [nameContains[1]] });
    tracker.mark(nameContains.index, nameContains.index + nameContains[0].length);
  }

  // No open task: 没有未完成的任务, 还没有未完成的退货分析任务 (the task's name is its template).
  const noOpen =
    /(?:而且|并且|且)?(?:目前|当前|还|尚|仍)?(?:没有|无|尚无|不存在|没)(?:未完成|未关闭|进行中|正在进行|正在处理|待处理|未结|打开|未办结|在办|开着)的?([^，,。；;的]{0,10}?)(?:任务|工单|待办)/u.exec(
      text,
    );
  if (noOpen) {
    const template = slugFor(noOpen[1] ?? "", "");
    conditions.push({ kind: "NO_OPEN_TASK", ...(template ? { template } : {}) });
    tracker.mark(noOpen.index, noOpen.index + noOpen[0].length);
  }

  // Organizations: 通过经销商采购, 有服务商, 由合作伙伴服务.
  for (const m of matches) {
    const t = m.terms.find((x) => x.kind === "ORGANIZATION_KIND");
    if (!t) continue;
    const around = `${text.slice(Math.max(0, m.start - 6), m.start)}|${text.slice(m.end, Math.min(text.length, m.end + 6))}`;
    // The organization is the record an event is about (合作伙伴信息被修改), not a condition.
    if (/^(?:信息|资料|档案|记录)?(?:被|有)?(?:删除|恢复|新建|创建|更新|变更|修改|编辑)/u.test(text.slice(m.end)))
      continue;
    // … or the object of one (新增合作伙伴, 有新的合作伙伴, 删除了一家合作伙伴).
    if (
      /(?:新建|创建|新增|添加|录入|建立|登记|删除|删掉|移除|恢复|有新的|有新|新来的|新进的)(?:了)?(?:一个|一家|个|家)?(?:新的|新)?$/u.test(
        text.slice(0, m.start),
      )
    )
      continue;
    if (!/通过|经由|经|由|有|存在|签约|合作|采购|购买|代理|服务|供货|配备/u.test(around)) continue;
    // "没有合作伙伴的客户": the schema has no condition for an organization's absence; named, never inverted.
    const absent = /(?:没有|没|无|尚无|未有|不带)(?:任何)?(?:的)?$/u.exec(text.slice(0, m.start));
    if (absent) {
      unrecognised.push(text.slice(absent.index, m.end));
      tracker.mark(absent.index, m.end);
      continue;
    }
    const serving = /该区域|所在区域|本区域|当地|同区域/u.test(around);
    conditions.push({
      kind: "HAS_ORGANIZATION",
      organizationKind: t.id as "PARTNER" | "SUPPLIER" | "SERVICE_PROVIDER" | "RESELLER",
      ...(serving ? { servingRegion: true } : {}),
    });
    matched.push(term(m, t));
    const verb = /(?:通过|经由|经|由|有|存在)?[^，,]{0,0}/u;
    void verb;
    tracker.mark(Math.max(0, m.start - 2), Math.min(text.length, m.end + 4));
  }

  // A named organization serving or selling to the account (诺德光系统服务的客户): a condition on its kind.
  for (const m of matches) {
    const t = m.terms.find((x) => x.kind === "ORGANIZATION");
    if (!t || !t.organizationKind) continue;
    const after = text.slice(m.end, m.end + 6);
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    if (!ORG_SERVES.test(after) && !/(?:通过|经由|由)$/u.test(before)) continue;
    conditions.push({
      kind: "HAS_ORGANIZATION",
      organizationKind: t.organizationKind as "PARTNER" | "SUPPLIER" | "SERVICE_PROVIDER" | "RESELLER",
    });
    matched.push(term(m, t));
    tracker.mark(m.start, m.end);
    const verb = ORG_SERVES.exec(after);
    if (verb) tracker.mark(m.end, m.end + verb[0].length);
  }

  // "同一客户有3张工单被重开": one account's events, which every count already is.
  tracker.markPattern(/(?:在)?(?:同一|同一个|同一家|单个|单一|某个|某一)(?:客户|账户)(?:下|里|中)?/u);
  // "同一台设备返修两次": the asset's events, which subjectKinds says.
  tracker.markPattern(new RegExp(`(?:同一|单)(?:台|辆|部|套|个)?(?=${SUBJECT_ASSET.source})`, "u"));
  // "同时满足随访率低于50%、处于红灯两个条件": the words that say the conditions all hold add none.
  if (/条件/u.test(text)) {
    tracker.markPattern(
      /(?:同时)?满足(?:以下|下列|如下|上述)?(?:全部|所有|这)?(?:两|二|三|四|几)?(?:个|项)?(?:条件)?(?:[:：])?/u,
    );
    tracker.markPattern(/(?:这|以上|上述)?(?:两|二|三|四|几|全部|所有)(?:个|项)?条件/u);
  }
  const scopeMatch = REGION_SCOPE.exec(text);
  const scope: TriggerScope = scopeMatch ? "REGION" : "ACCOUNT";
  if (scopeMatch) tracker.mark(scopeMatch.index, scopeMatch.index + scopeMatch[0].length);

  const readers = [
    readScoreEvent,
    readGradeChange,
    readEvent,
    readPageViews,
    readTrend,
    readConceptCount,
    readThreshold,
    readBooleanBad,
  ];
  let trigger: PlaybookTrigger | null = null;
  const state: ReaderState = {
    text,
    masked: maskNames(text, matches),
    tracker,
    matches,
    matched,
    unrecognised,
    conditions,
    industries,
    scope,
    ctx,
  };
  // A grade stated as a state is a condition when something else triggers (健康等级是红色 beside 低于88%).
  const gradeState = readGradeState(state);
  state.gradeState = gradeState ?? undefined;
  for (const read of readers) {
    trigger = read(state, gradeState !== null);
    if (trigger) break;
  }
  // No concept label matched: look for a concept by the words it shares with what is left (预防性维护逾期
  // → 预防性维护完成率), and say so, since it is a reading by resemblance rather than by name.
  if (!trigger && !state.matches.some((m) => m.terms.some((t) => t.kind === "CONCEPT"))) {
    const byValue = conceptByValue(state);
    const guess = byValue ?? conceptByWords(state);
    if (guess) {
      if (byValue?.valueOnly) state.valueNamed = byValue.match;
      state.matches.push(guess.match);
      state.matches.sort((a, b) => a.start - b.start);
      for (const read of readers) {
        trigger = read(state, gradeState !== null);
        if (trigger) break;
      }
      if (trigger)
        ambiguities.push({
          phrase: guess.match.text,
          message: `read as ${guess.id} by the words it shares with that concept's labels`,
        });
    }
  }
  if (gradeState) {
    if (trigger && trigger.kind !== "HEALTH_GRADE_CHANGE") {
      conditions.push({ kind: "HEALTH_GRADE", grades: gradeState.grades });
      tracker.mark(gradeState.start, gradeState.end);
    } else if (!trigger) {
      tracker.mark(gradeState.start, gradeState.end);
      // "健康等级为红色的企业级客户……提交了超过3张工单": the grade only says which accounts; what they do is
      // not understood, so it stays a condition rather than becoming the trigger.
      const describes = /^的/u.test(text.slice(gradeState.end)) && tracker.leftovers().length > 0;
      if (describes) conditions.push({ kind: "HEALTH_GRADE", grades: gradeState.grades });
      else trigger = { kind: "HEALTH_GRADE_CHANGE", to: gradeState.grades };
    }
  }
  // Health score as a condition (健康分低于60) when something else triggers.
  const score = HEALTH_SCORE_CONDITION.exec(text);
  // (Not when the score itself is the threshold: 健康分低于60 alone is read on the composite.)
  const scoreIsTrigger =
    trigger?.kind === "CONCEPT_THRESHOLD" &&
    trigger.concept === "core:customer-health" &&
    !!score &&
    !state.matches.some(
      (m) => m.start > (score?.index ?? 0) + (score?.[0].length ?? 0) && m.terms.some((t) => t.kind === "CONCEPT"),
    );
  if (score && trigger && !scoreIsTrigger) {
    const value = parseNumber(score[2] ?? "");
    if (value !== null) {
      conditions.push({
        kind: "HEALTH_SCORE",
        op: /低于|小于|不足|不到/u.test(score[1] ?? "") ? "BELOW" : "ABOVE",
        value,
      });
      tracker.mark(score.index, score.index + score[0].length);
    }
  }

  // The window of a threshold or a state is read with it (the schema keeps no window for them).
  const window = findWindow(text);
  if (window && trigger) tracker.mark(window.start, window.end);
  // Subject words and glue read as such.
  tracker.markPattern(new RegExp(`${SUBJECT_ASSET.source}|${SUBJECT_CONTACT.source}`, "u"));
  // The records a counted event happens to (工单被重开, 订单被退回) are read with the event.
  if (trigger?.kind === "SIGNAL_COUNT") tracker.markPattern(/工单|服务单|维修单|问题单|案例|订单|发票/u);
  unrecognised.push(...tracker.leftovers().map((phrase) => wholeAlternative(text, phrase)));
  return { trigger, conditions, matched, unrecognised, ambiguities };
}

/** What may bound an alternative on its left: 或, a comma, the 的 of the accounts it is about. */
const ALTERNATIVE_START = ["或者", "或是", "或", "，", ",", "；", ";", "的"] as const;

/**
 * A rule has one trigger: of triggers joined by 或 ("健康等级变红或设备开机率低于85%时", "联系人被删除，或者健康
 * 等级变红"), the one not read is named whole, with the words read as its subject (设备, 联系人被), not as the
 * rest of it (删除, 开机率低于85%). Other phrases are named as found.
 */
function wholeAlternative(text: string, phrase: string): string {
  const at = text.indexOf(phrase);
  if (at < 0 || !/或/u.test(text)) return phrase;
  const before = text.slice(0, at);
  let start = 0;
  let startWord = "";
  for (const word of ALTERNATIVE_START) {
    const i = before.lastIndexOf(word);
    if (i >= 0 && i + word.length > start) {
      start = i + word.length;
      startWord = word;
    }
  }
  const after = text.slice(at + phrase.length);
  const stop = /[，,；;。]|(?:的时候|时候|时)(?=[，,；;。]|$)|或/u.exec(after);
  const endAt = stop ? stop.index : after.length;
  const joinedAfter = /^[，,]?(?:或者|或是|或)/u.test(after.slice(endAt));
  if (!startWord.startsWith("或") && !joinedAfter) return phrase;
  const whole = text.slice(start, at + phrase.length + endAt);
  return whole.length <= phrase.length + 8 ? whole : phrase;
}

/** A health score compared with a number (健康分低于60): a condition when something else triggers. */
const HEALTH_SCORE_CONDITION =
  /(?:客户)?健康(?:分|评分|得分|分数)(?:数)?\s*(?:又|也|还|同时|都|已经|已|仍然|仍)?\s*(低于|小于|不足|不到|高于|大于|超过)\s*(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)\s*分?/u;

/** Grammar words that split what is left into phrases that might name a concept. */
const NOT_CONCEPT =
  /的|在|有|被|时|连续|持续|累计|再次|又|出现|发生|对于|行业|[0-9.%]+|[零〇一二两三四五六七八九十百千]+(?:台|辆|个|次|天|周|月)|以上|以下|低于|高于|超过|不足|跌破|小于|大于|少于|不到|达到|逾期|失败|异常|命中|不通过|上升|下降|增加|减少|每天|每周|每月|内|里|设备|车辆|联系人|客户/gu;

/** A count of items right before a value word ("超过5个差评", "3条负面"). */
const ITEMS_SOURCE = `(超过|多于|大于|高于|超出|逾|不少于|至少|达到|满)?\\s*(${NUMBER_SOURCE})\\s*(?:个|条|次|笔|单|张|起|件|位)\\s*(及以上|或以上|以上)?(?:的)?$`;
const ITEMS_BEFORE = new RegExp(ITEMS_SOURCE, "u");
/** What may come right before items counted after them: nothing, 的, a window, or the accounts. */
const ITEMS_HEAD = /(?:^|的|内|里|中|期间|客户|账户|收到|有|出现)$/u;
/** Items of one value counted after it ("差评一周内超过5条", "差评数超过5个"): the count's comparison and number. */
const ITEMS_AFTER = new RegExp(
  `^(?:的)?(?:数量|数|条数|个数|总数)?\\s*(?:${WINDOW_SOURCE})?\\s*(?:就|已经|已|累计|共)?\\s*(?<lead>超过|多于|大于|高于|超出|逾|不少于|至少|达到|满)?\\s*(?<n>${NUMBER_SOURCE})\\s*(?:个|条|次|笔|单|张|起|件|位)\\s*(及以上|或以上|以上)?`,
  "u",
);

/** Verbs linking a state's subject to its value (交付状态为延迟, 审核结果是已拒绝). */
const STATE_LINK =
  /(?:的)?(?:状态|等级|评级|级别|结果|情况|类型)?(?:显示为|被标为|被评为|被设为|变为|变成|转为|转成|成为|改为|为|是|出现)$/u;

/**
 * The concept a categorical state is of when its name is no label ("交付状态为延迟", "付款情况变成逾期"): the
 * concepts whose lookup tables have the value said, the one whose labels share most words with the subject
 * before it (or the only one). Said as a reading by resemblance (an ambiguity), like {@link conceptByWords}.
 */
function conceptByValue(s: ReaderState): { match: ZhMatch; id: string; valueOnly?: boolean } | null {
  // A value of another industry's concept is no reading for these accounts (医院客户的强检过期 is no KYC expiry).
  const packs = s.industries.map((i) => INDUSTRY_PACK[i]).filter((p): p is string => !!p);
  const fits = (id: string): boolean => packs.length === 0 || ["core", ...packs].includes(id.split(":")[0] ?? "");
  const mentions = [...valueWordsIn(s.text), ...valueCodesIn(s)].sort((a, b) => a.start - b.start);
  for (const mention of mentions) {
    const owners = [...s.ctx.concepts.keys()].filter((id) =>
      lookupValues(s.ctx.packs, id).some((v) => v.toLowerCase() === mention.value.toLowerCase()),
    );
    // A value said as its code (LATE, past_due) that one concept alone has names that concept, whatever the
    // accounts' industry; a word (延迟, 过期) may mean another industry's state.
    const code = /^[A-Za-z_]+$/u.test(mention.word) && owners.length === 1;
    const candidates = owners.filter((id) => code || fits(id));
    if (candidates.length === 0) continue;
    const head = s.text.slice(0, mention.start);
    // "一周内收到超过5个差评", "差评一周内超过5条": counted items of one value, the concept being the only one
    // with that value.
    // Counted after it, the value is the items themselves only when nothing it could be said of comes before
    // (保单失效达到2次 is a policy lapsing, not items of an 失效 value).
    const itemsAfterIt = ITEMS_AFTER.test(s.text.slice(mention.end)) && ITEMS_HEAD.test(head);
    if (candidates.length === 1 && (ITEMS_BEFORE.test(head) || itemsAfterIt)) {
      const id = candidates[0]!;
      const match = {
        start: mention.start,
        end: mention.end,
        text: mention.word,
        terms: [{ kind: "CONCEPT" as const, id, preferred: false }],
      };
      return { match, id, valueOnly: true };
    }
    const link = STATE_LINK.exec(head);
    if (!link) continue;
    // "交付状态有4次是部分交付": a count between the subject and the link is the count's, not the subject.
    const counted = new RegExp(`(?:有|出现|共)?(?:${NUMBER_SOURCE})\\s*(?:次|回)$`, "u").exec(
      head.slice(0, link.index),
    );
    const subjectEnd = counted ? counted.index : link.index;
    const run = /[\u3400-\u9fffA-Za-z]{1,10}$/u.exec(head.slice(0, subjectEnd));
    if (!run) continue;
    // The subject is what follows the last count, window or possessive before it (有2次交付状态 → 交付).
    const subject = run[0].replace(/^.*[次回的内里有在个]/u, "");
    const subjectStart = subjectEnd - subject.length;
    const hits = s.ctx.lexicon.searchConcepts(`${subject}${link[0]}`);
    const scored = candidates
      .map((id) => ({ id, score: hits.find((h) => h.concept === id)?.score ?? 0 }))
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best || (best.score === 0 && candidates.length > 1)) continue;
    const start = subject.length > 0 && !counted ? subjectStart : link.index;
    if (counted && subject.length > 0) s.tracker.mark(subjectStart, subjectEnd);
    const end = link.index + link[0].length;
    const text = s.text.slice(start, end);
    return { match: { start, end, text, terms: [{ kind: "CONCEPT", id: best.id, preferred: false }] }, id: best.id };
  }
  return null;
}

/**
 * A lookup value said as the table spells it ("交付状态是LATE", "KYC状态变为EXPIRED"): a Latin code of two
 * letters or more standing as a word, read like its Chinese words (a page path or a number is no such value).
 */
function valueCodesIn(s: ReaderState): ValueMention[] {
  const codes = new Set<string>();
  for (const id of s.ctx.concepts.keys()) {
    for (const v of lookupValues(s.ctx.packs, id)) if (/^[A-Za-z][A-Za-z_]+$/u.test(v)) codes.add(v);
  }
  const found: ValueMention[] = [];
  for (const m of s.text.matchAll(/(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_]+(?![A-Za-z0-9_])/gu)) {
    const code = [...codes].find((c) => c.toLowerCase() === m[0].toLowerCase());
    if (code) found.push({ word: m[0], value: code, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found;
}

/**
 * Whether a concept found by resemblance (a label's head or start, shared words) may be meant for the
 * accounts: a core concept, or one of the stated industry's pack (学校客户的出勤率 is no vehicle availability;
 * named as not understood instead). Any concept when no industry is stated.
 */
function fitsIndustries(s: ReaderState, id: string): boolean {
  const packs = s.industries.map((i) => INDUSTRY_PACK[i]).filter((p): p is string => !!p);
  return packs.length === 0 || ["core", ...packs].includes(id.split(":")[0] ?? "");
}

/**
 * The one concept (of the account's industry, when several) whose Chinese labels end in `word` ("投诉" of 客户投诉,
 * 质量投诉): a label's head said alone. Null when none or several.
 */
function conceptByHead(s: ReaderState, word: string): string | null {
  if (!/^[\u3400-\u9fff]{2,}$/u.test(word)) return null;
  const ids = [...s.ctx.concepts.values()]
    .filter((c) => {
      const labels = [c.spec.prefLabel.zh, ...(c.spec.altLabel?.zh ?? [])].filter((l): l is string => !!l);
      return labels.some((l) => l !== word && l.endsWith(word));
    })
    .map((c) => c.id);
  const chosen = ids.filter((id) => fitsIndustries(s, id));
  const inPack = chosen.filter((id) => !id.startsWith("core:"));
  const pick = inPack.length > 0 && s.industries.length > 0 ? inPack : chosen;
  return pick.length === 1 ? (pick[0] ?? null) : null;
}

/**
 * "出现制裁命中": the start of one flag concept's Chinese label (制裁 of 制裁名单筛查, of the account's industry
 * when several) said right before a word of its bad value is that flag. Null when none or several.
 */
function flagByLabelStart(s: ReaderState, word: string, end: number): string | null {
  if (!/^[\u3400-\u9fff]{2,}$/u.test(word)) return null;
  if (!new RegExp(`^(?:了)?(?:${BAD_BOOLEAN.source})`, "u").test(s.text.slice(end))) return null;
  const ids = [...s.ctx.concepts.values()]
    .filter((c) => hasBooleanMapping(s.ctx.packs, c.id))
    .filter((c) =>
      [c.spec.prefLabel.zh, ...(c.spec.altLabel?.zh ?? [])].some((l) => !!l && l !== word && l.startsWith(word)),
    )
    .map((c) => c.id);
  const chosen = ids.filter((id) => fitsIndustries(s, id));
  const inPack = chosen.filter((id) => !id.startsWith("core:"));
  const pick = inPack.length > 0 && s.industries.length > 0 ? inPack : chosen;
  return pick.length === 1 ? (pick[0] ?? null) : null;
}

function conceptByWords(s: ReaderState): { match: ZhMatch; id: string } | null {
  let best: { match: ZhMatch; id: string; score: number } | null = null;
  for (const span of s.tracker.openSpans()) {
    let at = 0;
    for (const piece of span.text.split(NOT_CONCEPT)) {
      const start = span.text.indexOf(piece, at);
      at = start + piece.length;
      const abs0 = span.start + start;
      const head: string | null = best
        ? null
        : (conceptByHead(s, piece) ?? flagByLabelStart(s, piece, abs0 + piece.length));
      if (head) {
        const abs = span.start + start;
        const term: ZhTerm = { kind: "CONCEPT", id: head, preferred: false };
        best = { match: { start: abs, end: abs + piece.length, text: piece, terms: [term] }, id: head, score: 1 };
        continue;
      }
      if ((piece.match(/[\u3400-\u9fffA-Za-z]/gu) ?? []).length < 3) continue;
      const hit = s.ctx.lexicon.searchConcepts(piece).find((h) => fitsIndustries(s, h.concept));
      if (!hit || hit.score < 2) continue;
      if (!best || hit.score > best.score) {
        const abs = span.start + start;
        const term: ZhTerm = { kind: "CONCEPT", id: hit.concept, preferred: false };
        best = {
          match: { start: abs, end: abs + piece.length, text: piece, terms: [term] },
          id: hit.concept,
          score: hit.score,
        };
      }
    }
  }
  return best ? { match: best.match, id: best.id } : null;
}

interface ReaderState {
  text: string;
  /** The text with every vocabulary name blanked out, for grammar words (访 of 随访率 is no page view). */
  masked: string;
  tracker: SpanTracker;
  matches: ZhMatch[];
  matched: DraftTerm[];
  unrecognised: string[];
  conditions: PlaybookCondition[];
  industries: string[];
  scope: TriggerScope;
  ctx: ZhGrammarContext;
  /** A concept found by the value word said for it (5个差评): the match is that word. */
  valueNamed?: ZhMatch;
  /** A grade said as a state ("且亮黄灯"): its verb is no change of grade. */
  gradeState?: { start: number; end: number };
}

type Reader = (s: ReaderState, gradeIsState: boolean) => PlaybookTrigger | null;

const GRADE_SUBJECT =
  /(?:客户)?(?:健康等级|健康状态|健康灯|健康评级|健康颜色|健康度等级|健康分级|健康度|健康等|评级|等级|健康)/u;

/** A grade word at the start of `text`: a directory grade name, one colour character, or an unknown grade. */
function gradeAt(s: ReaderState, at: number): { grade: string | null; end: number; phrase: string } | null {
  const rest = s.text.slice(at);
  const m = findTerms(s.ctx.vocabulary, rest, ["HEALTH_GRADE"])[0];
  if (m && m.start === 0) return { grade: m.terms[0]?.id ?? null, end: at + m.end, phrase: m.text };
  const ch = rest[0] ?? "";
  const single = GRADE_CHARS[ch];
  if (single && s.ctx.grades.includes(single)) {
    const len = /^.(?:色|灯|区)/u.test(rest) ? 2 : 1;
    return { grade: single, end: at + len, phrase: rest.slice(0, len) };
  }
  const unknown = UNKNOWN_GRADE.exec(rest);
  if (unknown && unknown.index === 0) return { grade: null, end: at + unknown[0].length, phrase: unknown[0] };
  return null;
}

/** Grades joined by 或/和/、 starting at `at`. */
function gradesAt(s: ReaderState, at: number): { grades: string[]; unknown: string[]; end: number } | null {
  const first = gradeAt(s, at);
  if (!first) return null;
  const grades: string[] = first.grade ? [first.grade] : [];
  const unknown: string[] = first.grade ? [] : [first.phrase];
  let end = first.end;
  for (;;) {
    const joiner = /^(?:或者|或是|或|和|及|、|\/)/u.exec(s.text.slice(end));
    if (!joiner) break;
    const next = gradeAt(s, end + joiner[0].length);
    if (!next) break;
    if (next.grade) grades.push(next.grade);
    else unknown.push(next.phrase);
    end = next.end;
  }
  // "黄色以下", "黄色及以上": that grade and those below or above it (以上/以下 read inclusively, as counts are).
  const range = grades.length === 1 ? /^(?:及|或)?(以下|之下|以上|之上)/u.exec(s.text.slice(end)) : null;
  if (range) {
    const at = GRADE_ORDER[grades[0] ?? ""];
    const below = /下/u.test(range[1] ?? "");
    const more = Object.keys(GRADE_ORDER).filter((g) => {
      const o = GRADE_ORDER[g];
      return at !== undefined && o !== undefined && s.ctx.grades.includes(g) && (below ? o < at : o > at);
    });
    grades.push(...more);
    end += range[0].length;
  }
  return { grades, unknown, end };
}

const DOWN_VERBS =
  "降为|降到|降至|降成|下降到|下降为|下降至|跌到|跌至|跌为|跌入|掉到|掉为|掉进|恶化为|恶化到|变差为|降级为|降级到|降";
const UP_VERBS =
  "回升到|回升至|回升为|回到|升为|升到|升至|上升到|上升为|恢复到|恢复为|恢复至|恢复成|好转为|好转到|转好为|改善为|改善到|升级为|升级到|回升|升";
const TO_VERBS = "变成|变为|变到|转为|转成|转到|成为|进入|亮起了|亮起|亮了|亮|变|转";
const STATE_VERBS = "是|为|处于|属于|显示为|显示|在";
/** Adverbs between a grade and the verb that changes it (直接, 一下子, 突然, 又). */
const GRADE_ADVERBS = "直接|一下子|一下|突然|骤然|陡然|迅速|很快|急剧|一路|竟然|又|再次|再|已经|已|就|都|了";

/** Whether position `at` is inside the name of a concept other than the customer's health (电池健康度). */
function insideOtherConcept(s: ReaderState, at: number): boolean {
  return s.matches.some(
    (m) =>
      m.start <= at &&
      at < m.end &&
      m.terms.some((t) => t.kind === "CONCEPT") &&
      !m.terms.some((t) => t.id === "core:customer-health"),
  );
}

/** The first grade subject (健康等级, 健康状态 …) that is not part of another concept's name. */
function gradeSubject(s: ReaderState): RegExpExecArray | null {
  const re = new RegExp(GRADE_SUBJECT.source, "gu");
  for (let m = re.exec(s.text); m !== null; m = re.exec(s.text)) {
    if (!insideOtherConcept(s, m.index)) return m;
  }
  return null;
}

function readGradeState(s: ReaderState): { grades: string[]; start: number; end: number } | null {
  // "健康度连续两周都是红灯": a state held over a window is the state (the schema keeps no window for it).
  const re = new RegExp(
    `(${GRADE_SUBJECT.source})(?:(?:连续|持续)[^，,。；]{1,6}?)?(?:目前|当前|仍然|仍|还|都|均|一直)?(${STATE_VERBS})`,
    "gu",
  );
  for (const m of s.text.matchAll(re)) {
    if (insideOtherConcept(s, m.index ?? 0)) continue;
    const at = (m.index ?? 0) + m[0].length;
    const g = gradesAt(s, at);
    if (g && g.grades.length > 0) return { grades: g.grades, start: m.index ?? 0, end: g.end };
  }
  // "……低于60%且处于黄灯", "、又是红灯的": a state joined to another condition needs no subject, when the
  // grade is said whole (黄灯, 红色, a directory grade name), not as one colour character.
  for (const m of s.text.matchAll(BARE_GRADE_STATE)) {
    const at = (m.index ?? 0) + m[0].length;
    const g = gradesAt(s, at);
    if (!g || g.grades.length === 0 || g.unknown.length > 0) continue;
    if (!/^[红黄绿](?:色|灯)|^[^红黄绿]/u.test(s.text.slice(at, g.end))) continue;
    if (insideOtherConcept(s, at)) continue;
    const state = /^(?:的)?状态/u.exec(s.text.slice(g.end));
    return { grades: g.grades, start: m.index ?? 0, end: g.end + (state ? state[0].length : 0) };
  }
  return null;
}

/** A grade state after a joiner, with no subject ("且处于黄灯", "同时亮着红灯", "、又是红色"). */
const BARE_GRADE_STATE = new RegExp(
  `(?<=^|[，,、；;]|且|而且|并且|同时|又|也|还|并)(?:客户)?(?:目前|当前|仍然|仍|还|都|均|一直|已经|已|正)?(?:处于|处在|是|为|亮着|亮起了|亮起|亮了|亮|显示为|属于|在)`,
  "gu",
);

const readGradeChange: Reader = (s) => {
  const subject = gradeSubject(s);
  const hasGradeTerm = findTerms(s.ctx.vocabulary, s.text, ["HEALTH_GRADE"]).length > 0;
  if (!subject && !hasGradeTerm && !/[变转亮][红黄绿]/u.test(s.text)) return null;
  // 从X降为Y.
  const fromTo = new RegExp(`从|由`, "gu");
  for (const m of s.text.matchAll(fromTo)) {
    const from = gradesAt(s, (m.index ?? 0) + 1);
    if (!from) continue;
    // "从绿色直接掉到红色", "由黄色又回到绿色": an adverb of manner may stand before the verb.
    const verb = new RegExp(`^(?:${GRADE_ADVERBS})*(${DOWN_VERBS}|${UP_VERBS}|${TO_VERBS})`, "u").exec(
      s.text.slice(from.end),
    );
    if (!verb) continue;
    const to = gradesAt(s, from.end + verb[0].length);
    if (!to) continue;
    return gradeTrigger(
      s,
      subject,
      m.index ?? 0,
      to.end,
      from.grades,
      to.grades,
      [...from.unknown, ...to.unknown],
      verb[1] ?? verb[0],
    );
  }
  const inState = (at: number): boolean => !!s.gradeState && at >= s.gradeState.start && at < s.gradeState.end;
  for (const verbs of [DOWN_VERBS, UP_VERBS, TO_VERBS]) {
    const re = new RegExp(`(${verbs})`, "gu");
    for (const m of s.text.matchAll(re)) {
      if (inState(m.index ?? 0)) continue;
      const at = (m.index ?? 0) + m[0].length;
      const to = gradesAt(s, at);
      if (!to) continue;
      // A lone colour character needs a grade subject or a change verb right before it.
      return gradeTrigger(s, subject, m.index ?? 0, to.end, [], to.grades, to.unknown, m[0]);
    }
  }
  if (subject) {
    const after = s.text.slice(subject.index + subject[0].length);
    const verb =
      /^(?:出现|发生|有|被|又)?(下降|下滑|下调|调低|降低|降级|恶化|变差|变坏|走低|上调|调高|上升|提升|回升|好转|改善|升级|变好|恢复|变化|变动|改变|调整|更新)(?:了)?(?:一级|一档|一个等级)?/u.exec(
        after,
      );
    if (verb) {
      const v = verb[1] ?? "";
      const direction = /下降|下滑|下调|调低|降低|降级|恶化|变差|变坏|走低/u.test(v)
        ? "DOWN"
        : /上调|调高|上升|提升|回升|好转|改善|升级|变好|恢复/u.test(v)
          ? "UP"
          : null;
      s.tracker.mark(subject.index, subject.index + subject[0].length + verb[0].length);
      s.matched.push({ phrase: subject[0], kind: "EVENT_TYPE", id: "HEALTH_GRADE_CHANGED" });
      return { kind: "HEALTH_GRADE_CHANGE", ...(direction ? { direction } : {}) };
    }
  }
  return null;
};

function gradeTrigger(
  s: ReaderState,
  subject: RegExpExecArray | null,
  start: number,
  end: number,
  from: string[],
  to: string[],
  unknown: string[],
  verb: string,
): PlaybookTrigger {
  let direction: "DOWN" | "UP" | null = null;
  if (new RegExp(`^(?:${DOWN_VERBS})$`, "u").test(verb)) direction = "DOWN";
  else if (new RegExp(`^(?:${UP_VERBS})$`, "u").test(verb)) direction = "UP";
  else if (from.length === 1 && to.length === 1) {
    const a = GRADE_ORDER[from[0] ?? ""];
    const b = GRADE_ORDER[to[0] ?? ""];
    if (a !== undefined && b !== undefined && a !== b) direction = b < a ? "DOWN" : "UP";
  }
  if (subject) s.tracker.mark(subject.index, subject.index + subject[0].length);
  s.tracker.mark(start, end);
  // An unknown grade is named, and the rest of the phrase kept (issue 12: name, do not guess).
  for (const u of unknown) {
    const at = s.text.indexOf(u, start);
    if (at >= 0) {
      s.unrecognised.push(u);
    }
  }
  for (const g of [...from, ...to]) s.matched.push({ phrase: g, kind: "HEALTH_GRADE", id: g });
  return {
    kind: "HEALTH_GRADE_CHANGE",
    ...(to.length > 0 ? { to } : {}),
    ...(from.length > 0 ? { from } : {}),
    ...(direction ? { direction } : {}),
  };
}

const readScoreEvent: Reader = (s) => {
  const score = /(?:客户)?健康(?:分|评分|得分|分数)(?:发生|有)?(?:变化|变动|改变|更新|波动)/u.exec(s.text);
  if (score) {
    s.tracker.mark(score.index, score.index + score[0].length);
    s.matched.push({ phrase: score[0], kind: "EVENT_TYPE", id: "HEALTH_SCORE_CHANGED" });
    return { kind: "EVENT", eventTypes: ["HEALTH_SCORE_CHANGED"] };
  }
  return null;
};

/** Verbs said before the new record (有新的商机, 新来的客户): their record is the noun after them. */
const PRENOMINAL_VERB = /^(?:有新的|有新|新来的|新进的)$/u;
/** Verbs whose record is only ever their object (提交了新工单; 客户提交 alone creates no account). */
const OBJECT_ONLY_VERB = /^(?:提交)$/u;
/** A second verb coordinated with the first, sharing its object (登记或更新了数据使用授权). */
const COORDINATED_VERB = new RegExp(
  `^(?:了)?(?:或者|或是|或|和|及|与|、|/)(?:${EVENT_VERBS.map(([re]) => re.source).join("|")})`,
  "u",
);
/** Words after a new record saying it arrived (有新工单进来). */
const ARRIVAL = /^(?:进来|进入系统|提交上来|上来|过来|来了|进线)/u;

/** Event types whose record has one event for being written, new or changed (a consent's new version). */
function eventTypeFor(record: string, suffix: string): string | null {
  const type = `${record}_${suffix}`;
  if ((CHANGE_TYPES as readonly string[]).includes(type)) return type;
  if (record === "OUTCOME" && suffix === "CREATED") return "OUTCOME_RECORDED";
  if (record === "CONSENT" && ["CREATED", "UPDATED", "WITHDRAWN"].includes(suffix)) return "CONSENT_RECORDED";
  return null;
}
/** What may stand between a verb and its object (新增了一个合作伙伴). */
const OBJECT_GAP = /^(?:了|的|一个|一位|一条|一名|一家|个|位|条|名|家|新的|新)/u;

/**
 * The record a verb's object is about: the head (last record word) of the noun phrase right after the verb,
 * over measure words and account words (新增客户联系人 → contact, 有新的医疗客户 → account).
 */
function objectAfter(s: ReaderState, verbEnd: number): { record: string; end: number } | null {
  let at = verbEnd;
  let head: { record: string; end: number } | null = null;
  while (at < s.text.length && at - verbEnd < 16) {
    const rest = s.text.slice(at);
    const word = RECORD_WORDS.map(([re, rec]) => ({ m: new RegExp(`^(?:${re.source})`, "u").exec(rest), rec })).find(
      (x) => x.m !== null,
    );
    if (word?.m) {
      at += word.m[0].length;
      head = { record: word.rec, end: at };
      continue;
    }
    const value = s.matches.find((m) => m.start === at && m.terms.some((t) => t.kind === "ACCOUNT_FIELD_VALUE"));
    if (value) {
      at = value.end;
      const tail = RECORD_WORDS.map(([re, rec]) => ({
        m: new RegExp(`(?:${re.source})$`, "u").exec(value.text),
        rec,
      })).find((x) => x.m !== null);
      if (tail) head = { record: tail.rec, end: at };
      continue;
    }
    // After a record word only 的 before another one goes on (新增客户的联系人 → contact).
    const gap = head
      ? RECORD_WORDS.some(([re]) => new RegExp(`^的(?:${re.source})`, "u").test(rest))
        ? /^的/u.exec(rest)
        : null
      : OBJECT_GAP.exec(rest);
    if (!gap) break;
    at += gap[0].length;
  }
  return head;
}

/**
 * The record an event verb is about: the record noun nearest the verb. A noun right after the verb is its
 * object (新建商机, 删除联系人, 有新的商机) and wins over one before it, unless the verb is passive (联系人被删除);
 * before it, the nearest noun wins (医疗客户的联系人被删除 is about the contact, 医疗客户 only says which
 * accounts). A record word inside a concept's name (客户满意度) is no record.
 */
function recordOfVerb(s: ReaderState, at: number, verb: string): { record: string; start: number; end: number } | null {
  const from = Math.max(0, at - 10);
  const before = s.text.slice(from, at);
  let prior: { record: string; start: number } | null = null;
  for (const [wordRe, rec] of RECORD_WORDS) {
    for (const m of before.matchAll(new RegExp(wordRe.source, "gu"))) {
      const abs = from + (m.index ?? 0);
      const inConcept = s.matches.some(
        (x) => x.terms.some((t) => t.kind === "CONCEPT") && x.start <= abs && x.end > abs,
      );
      if (!inConcept && (!prior || abs > prior.start)) prior = { record: rec, start: abs };
    }
  }
  let verbEnd = at + verb.length;
  // "登记或更新了数据使用授权": both verbs take the object; not a verb said as a noun or passive ("资料一有修改
  // 或者新增联系人", "被删除或新建"), whose record is its own.
  const coordinated = /(?:有|被|发生)$/u.test(s.text.slice(0, at))
    ? null
    : COORDINATED_VERB.exec(s.text.slice(verbEnd));
  if (coordinated) verbEnd += coordinated[0].length;
  const object = objectAfter(s, verbEnd);
  if (!object && OBJECT_ONLY_VERB.test(verb)) return null;
  // Passive (联系人被删除), or a verb of joining whose object is where the record goes (联系人加入大学客户):
  // the record is the one before the verb.
  const passive = /被$/u.test(s.text.slice(0, at)) || /^加入$/u.test(verb);
  if (object && (!passive || !prior || PRENOMINAL_VERB.test(verb)))
    return { record: object.record, start: at, end: object.end };
  if (prior) return { record: prior.record, start: prior.start, end: verbEnd };
  return null;
}

/** What joins a second event verb to the first (修改或被删除, 被编辑、删除, 有变更或者被删除). */
const VERB_COORDINATOR = /^(?:了)?(?:或者|或是|或|和|及|与|、|\/)(?:被|有|是|遭)?$/u;

/**
 * "联系人信息一有修改或被删除": a verb joined by 或/、 to an event verb before it, with no record of its own
 * in reach, is about that verb's record (the record may be further back than a verb's own look-behind).
 */
function coordinatedRecord(
  text: string,
  at: number,
  length: number,
  verbs: readonly { at: number; end: number; record: string }[],
): { record: string; start: number; end: number } | null {
  const previous = [...verbs].reverse().find((v) => v.end <= at);
  if (!previous || !VERB_COORDINATOR.test(text.slice(previous.end, at))) return null;
  return { record: previous.record, start: previous.at, end: at + length };
}

/** An opportunity won or lost (赢单, 丢单, 成交): an update of the opportunity, whose stage closes. */
const DEAL_OUTCOME =
  /(?:(?:商机|销售机会|机会|订单|项目|单子)(?:被)?(?:赢下来|赢下|丢掉|丢失|输掉|拿下)|(?:商机|销售机会|机会|订单|项目)?(?:的)?(?:状态|阶段)?(?:被)?(?:标记为|标记成|标为|改为|改成|变为|变成|转为|更新为|置为|设为)?(?:赢单|丢单|输单|签单|成交|关单|失单)(?![额量率金价]))(?:了)?/u;
/** An account churning or renewing, said as what happened (流失了, 确认流失, 续约成功), not a measure of it. */
const OUTCOME_SAID =
  /(?:已经|已|正式|确认|宣布|最终)?(?:被)?(?:标记为|标为|判定为|认定为)?(?:已经|已)?(?:流失|续约|续签|解约|断约|退订|不再续约|不续约|没有续约|未续约|没续约)(?:了|成功|完成)?(?![风率预意信复谈任机评概可倾金额周期合同跟提管流到日计方])/u;

/** A record moving to a stage or status (商机进入谈判阶段, 阶段变为赢单): an update of that record. */
const STAGE_CHANGE =
  /(?:进入|推进到|推进至|推进|推到|到达|进到|转入|转到|移到|移入|变为|变成|改为|更新为|更新到)(?:了)?[^，,。；;]{0,10}?(?:阶段|状态|环节)|(?:阶段|销售阶段|商机阶段)(?:发生)?(?:变化|变更|推进|更新|调整|改变)/u;

const readEvent: Reader = (s) => {
  const types = new Set<ChangeType>();
  let spanStart = -1;
  let spanEnd = -1;
  const deal = DEAL_OUTCOME.exec(s.masked);
  const stage = deal ? null : STAGE_CHANGE.exec(s.masked);
  if (deal || stage) {
    const m = (deal ?? stage)!;
    // "商机阶段推进到谈判": the stage is the opportunity's, whatever record comes before it.
    const ownStage = !deal && /^(?:商机|销售机会|机会)/u.test(m[0]);
    const found = deal || ownStage ? null : recordOfVerb(s, m.index, m[0]);
    const record = deal || ownStage ? "OPPORTUNITY" : (found?.record ?? "OPPORTUNITY");
    const type = `${record}_UPDATED`;
    if ((CHANGE_TYPES as readonly string[]).includes(type)) {
      const start = Math.min(m.index, found?.start ?? m.index);
      // "……推进到谈判", "……变更为赢单": the stage it reaches is part of the change.
      const reached = stage
        ? /^(?:了)?(?:到|至|为|成)(?:了)?[\u3400-\u9fffA-Za-z]{1,6}?(?:阶段)?$/u.exec(
            s.text.slice(m.index + m[0].length),
          )
        : null;
      s.tracker.mark(start, m.index + m[0].length + (reached?.[0].length ?? 0));
      s.matched.push({ phrase: m[0], kind: "EVENT_TYPE", id: type });
      return { kind: "EVENT", eventTypes: [type as ChangeType] };
    }
  }
  // A rule with a comparison, a count or a rate is about measures, not record events (客户新增工单每周超过10张);
  // a health score said of the accounts (健康分低于40的客户有新工单) is a condition, not such a measure.
  const scoreSaid = HEALTH_SCORE_CONDITION.exec(s.text);
  const measures = scoreSaid
    ? `${s.masked.slice(0, scoreSaid.index)}${"□".repeat(scoreSaid[0].length)}${s.masked.slice(scoreSaid.index + scoreSaid[0].length)}`
    : s.masked;
  if (BELOW_WORDS.test(measures) || ABOVE_WORDS.test(measures) || COUNT.test(measures) || findPeriod(measures))
    return null;
  // "客户流失了", "一旦续约成功": a churn or renewal outcome recorded for the account (not the name of a task
  // already read, as in 没有进行中的续约跟进任务).
  const outcome = OUTCOME_SAID.exec(s.masked);
  if (outcome && !s.tracker.isUsed(outcome.index)) {
    s.tracker.mark(outcome.index, outcome.index + outcome[0].length);
    s.matched.push({ phrase: outcome[0], kind: "EVENT_TYPE", id: "OUTCOME_RECORDED" });
    return { kind: "EVENT", eventTypes: ["OUTCOME_RECORDED"] };
  }
  // Every verb found, in order, so a verb coordinated with the one before it can share its record.
  const verbs: { at: number; end: number; record: string }[] = [];
  const hits = EVENT_VERBS.flatMap(([verbRe, suffix]) =>
    [...s.masked.matchAll(new RegExp(verbRe.source, "gu"))].map((v) => ({ v, suffix })),
  ).sort((a, b) => (a.v.index ?? 0) - (b.v.index ?? 0));
  for (const { v, suffix } of hits) {
    const at = v.index ?? 0;
    // "洗钱风险等级被调整为高": a concept's value changes, not the record (the count reader takes it).
    const conceptJustBefore = s.matches.some(
      (m) =>
        m.terms.some((t) => t.kind === "CONCEPT") &&
        m.end <= at &&
        /^(?:的)?(?:被|已|已经|又|有|发生)?(?:了)?$/u.test(s.text.slice(m.end, at)),
    );
    if (conceptJustBefore && suffix === "UPDATED") continue;
    const found = recordOfVerb(s, at, v[0]) ?? coordinatedRecord(s.text, at, v[0].length, verbs);
    if (!found) continue;
    const { record, start: abs, end: recordEnd } = found;
    verbs.push({ at, end: at + v[0].length, record });
    const chosen = eventTypeFor(record, suffix);
    if (!chosen) continue;
    types.add(chosen as ChangeType);
    spanStart = spanStart < 0 ? Math.min(abs, at) : Math.min(spanStart, abs, at);
    const arrival = ARRIVAL.exec(s.text.slice(recordEnd));
    spanEnd = Math.max(spanEnd, recordEnd + (arrival?.[0].length ?? 0));
  }
  if (types.size === 0) return null;
  // A concept measure changing (……率变化) is not a record event.
  s.tracker.mark(spanStart, spanEnd);
  for (const t of types) s.matched.push({ phrase: s.text.slice(spanStart, spanEnd), kind: "EVENT_TYPE", id: t });
  return { kind: "EVENT", eventTypes: CHANGE_TYPES.filter((t) => types.has(t)) };
};

/** A count said right before the concept ("出现3次负面通话情绪"), in the same clause: the last one before it. */
function countJustBefore(
  text: string,
  before: number,
): { count: number; start: number; end: number; absolute: true } | null {
  const head = text.slice(0, before);
  const all = new RegExp(COUNT.source, "gu");
  let last: RegExpExecArray | null = null;
  for (let m = all.exec(head); m !== null; m = all.exec(head)) last = m;
  if (!last || !/[次回遍]/u.test(last[0])) return null;
  const end = last.index + last[0].length;
  if (before - end > 6 || /[，,。；]/u.test(head.slice(end))) return null;
  const n = parseNumber(last[2] ?? "");
  if (n === null) return null;
  const exclusive = /超过|多于|大于|高于|超出|逾|>(?!=)/u.test(last[1] ?? "");
  return { count: exclusive ? Math.floor(n) + 1 : n, start: last.index, end, absolute: true };
}

/** Counted items right before a value word ("超过5个差评" → 6). */
function itemsBefore(
  text: string,
  before: number,
): { count: number; start: number; end: number; absolute: true } | null {
  const m = ITEMS_BEFORE.exec(text.slice(0, before));
  if (!m) return null;
  const n = parseNumber(m[2] ?? "");
  if (n === null) return null;
  const exclusive = /超过|多于|大于|高于|超出|逾/u.test(m[1] ?? "");
  return { count: exclusive ? Math.floor(n) + 1 : n, start: m.index, end: before, absolute: true };
}

/** Items of one value counted after it ("差评一周内超过5条"), with the span of the count. */
function itemsAfter(text: string, after: number): { count: number; start: number; end: number; absolute: true } | null {
  const m = ITEMS_AFTER.exec(text.slice(after));
  if (!m) return null;
  const n = parseNumber(m.groups?.n ?? "");
  if (n === null) return null;
  const exclusive = /超过|多于|大于|高于|超出|逾/u.test(m.groups?.lead ?? "");
  // The window between the value and the count is read by the window reader; the span only marks it too.
  const start = after;
  return { count: exclusive ? Math.floor(n) + 1 : n, start, end: after + m[0].length, absolute: true };
}

/**
 * "有3张工单被重开", "两台设备被返修": the records a counted event happened to, said before it with their
 * number; each is one event.
 */
function recordsBefore(
  text: string,
  before: number,
): { count: number; start: number; end: number; absolute: true } | null {
  const m = new RegExp(
    // 个 of 一个月, 两个星期 is a duration, not records.
    `(${COUNT_LEAD})?\\s*(${NUMBER_SOURCE})\\s*(?:张|个(?![月星季小礼工钟])|条|单|台|辆|笔|件|起|份)\\s*(及以上|或以上|以上)?(?:的)?[\u3400-\u9fffA-Za-z]{0,6}?(?:都|又|再次)?(?:被)?$`,
    "u",
  ).exec(text.slice(0, before));
  if (!m) return null;
  const n = parseNumber(m[2] ?? "");
  if (n === null) return null;
  const exclusive = /超过|多于|大于|高于|超出|逾/u.test(m[1] ?? "");
  return { count: exclusive ? Math.floor(n) + 1 : n, start: m.index, end: before, absolute: true };
}

/** "有3台以上设备……" before the concept: how many assets the signals come from, read as the count. */
function assetCount(
  text: string,
  before: number,
): { count: number; start: number; end: number; absolute: true } | null {
  const m = new RegExp(
    `(超过|多于|至少|不少于)?(${NUMBER_SOURCE})\\s*(?:台|辆|个|套|部)\\s*(及以上|或以上|以上)?(?:的)?(?=${SUBJECT_ASSET.source})`,
    "u",
  ).exec(text.slice(0, before));
  if (!m) return null;
  const n = parseNumber(m[2] ?? "");
  if (n === null) return null;
  return {
    count: /超过|多于/u.test(m[1] ?? "") ? n + 1 : n,
    start: m.index,
    end: m.index + m[0].length,
    absolute: true,
  };
}

/** Names blanked out (same length), so grammar words are only found outside them. */
function maskNames(text: string, matches: readonly ZhMatch[]): string {
  const chars = [...text];
  // Offsets are UTF-16 units; Chinese text here has no surrogate pairs, and a name with one stays unmasked.
  if (chars.length !== text.length) return text;
  for (const m of matches) for (let i = m.start; i < m.end; i += 1) chars[i] = "□";
  return chars.join("");
}

/** "有3个联系人浏览了……": how many people, read as the count of views. */
function peopleCount(text: string): { count: number; start: number; end: number } | null {
  const m = new RegExp(
    `(超过|多于|至少|不少于)?(${NUMBER_SOURCE})\\s*(?:个|位|名)\\s*(及以上|或以上|以上)?(?:不同的)?(?=${SUBJECT_CONTACT.source})`,
    "u",
  ).exec(text);
  if (!m) return null;
  const n = parseNumber(m[2] ?? "");
  if (n === null) return null;
  return { count: /超过|多于/u.test(m[1] ?? "") ? n + 1 : n, start: m.index, end: m.index + m[0].length };
}

/** The count said in the text: "3次", "超过两次" (3), "两次以上" (2), with its span. */
function readCount(text: string): { count: number; start: number; end: number; absolute?: boolean } | null {
  const m = COUNT.exec(text);
  if (!m) return null;
  const n = parseNumber(m[2] ?? "");
  if (n === null) return null;
  const exclusive = /超过|多于|大于|高于|超出|逾|>(?!=)/u.test(m[1] ?? "");
  return { count: exclusive ? Math.floor(n) + 1 : n, start: m.index, end: m.index + m[0].length };
}

/** A count said right before a concept's name ("出现3次投诉升级", "有两次负面通话情绪"), with its span. */
function countBefore(
  text: string,
  before: number,
): { count: number; start: number; end: number; absolute: true } | null {
  const head = text.slice(0, before);
  const m = new RegExp(`(?:${COUNT.source})(?:的)?$`, "u").exec(head);
  if (!m) return null;
  const found = readCount(m[0]);
  if (!found) return null;
  return { count: found.count, start: m.index, end: head.length, absolute: true };
}

function subjectKinds(text: string, before: number): ("ACCOUNT" | "CONTACT" | "ASSET")[] | null {
  const head = text.slice(0, before);
  const kinds: ("CONTACT" | "ASSET")[] = [];
  if (SUBJECT_CONTACT.test(head)) kinds.push("CONTACT");
  if (SUBJECT_ASSET.test(head.replace(/车队/gu, ""))) kinds.push("ASSET");
  return kinds.length > 0 ? kinds : null;
}

/** "一天涨了超过5度", "一周就降了10%": a duration right before a change, with no 内, is the change's window. */
function durationBeforeChange(text: string, changeAt: number): FoundWindow | null {
  const m = new RegExp(`(?:在)?(?<d>${DURATION_SOURCE})(?:之内|以内|内|里)?(?:就|都|已经|已|竟然|足足)?$`, "u").exec(
    text.slice(0, changeAt),
  );
  const days = m?.groups?.d ? parseDuration(m.groups.d) : null;
  return m && days !== null ? { days, text: m[0], start: m.index, end: m.index + m[0].length } : null;
}

function windowDays(s: ReaderState, fallback: number): number {
  const w = findWindow(s.text);
  if (!w) return fallback;
  s.tracker.mark(w.start, w.end);
  return w.days;
}

/** The window of a count: the one said, else the period said ("每周超过3次" counts in 7 days), else 30 days. */
function countWindowDays(s: ReaderState): number {
  if (findWindow(s.text)) return windowDays(s, 30);
  const period = findPeriod(s.masked);
  if (!period) return 30;
  s.tracker.mark(period.start, period.end);
  return Math.max(1, Math.round(period.days));
}

const readPageViews: Reader = (s) => {
  const verb = VIEW_VERB.exec(s.masked);
  if (!verb) return null;
  const after = verb.index + verb[0].length;
  const rest = s.text.slice(after);
  const pageEnd = /(?:页面|网页|页)/u.exec(rest);
  // 进入, 打开 name a page view only with a page or site word (进入谈判阶段, 工单被重新打开 are no views).
  if (/^(?:进入|打开|点开)/u.test(verb[0]) && !pageEnd && !/官网|网站|门户|站点/u.test(rest)) return null;
  const count = readCount(s.masked) ?? peopleCount(s.masked);
  let nameAt = after;
  let nameText = pageEnd
    ? rest.slice(0, pageEnd.index + pageEnd[0].length)
    : rest.slice(0, count ? count.start - after : rest.length);
  const clean = (t: string): string =>
    t
      .replace(/^(?:了|过|我们的|我们|官网的|官网上的|官网|网站上的|网站的|网站)/u, "")
      .replace(/^(?:的)?(?:次数|人次|数量|量)(?:累计|共|达到|达|超过)?$/u, "");
  // "访问了3次博客": the page named after the count.
  if (clean(nameText).length === 0 && count && count.end > after) {
    nameAt = count.end;
    nameText = /^[^，,。；;]*?(?=时|的时候|$|[，,。；;])/u.exec(s.text.slice(count.end))?.[0] ?? "";
  }
  const cleaned = clean(nameText);
  const path = resolvePage(s.ctx.pages, cleaned);
  const signals: SignalSelector = { field: "viewed_page" };
  if (path) {
    signals.valueEquals = path;
    s.matched.push({ phrase: cleaned, kind: "PAGE", id: path });
    s.tracker.mark(nameAt, nameAt + nameText.length);
  } else if (cleaned.length > 0) {
    s.unrecognised.push(cleaned.replace(/[“”]/gu, ""));
    s.tracker.mark(nameAt, nameAt + nameText.length);
  }
  s.matched.push({ phrase: verb[0], kind: "FIELD", id: "viewed_page" });
  s.tracker.mark(verb.index, after);
  const kinds = subjectKinds(s.masked, verb.index);
  if (kinds) signals.subjectKinds = kinds;
  // Concepts named inside the page name are the page's topic, not measures.
  const n = count?.count ?? 1;
  if (count) s.tracker.mark(count.start, count.end);
  return { kind: "SIGNAL_COUNT", signals, count: n, withinDays: countWindowDays(s), scope: s.scope };
};

/** The concept named last before `before` (or anywhere when none is before it). */
function conceptBefore(s: ReaderState, before: number): { match: ZhMatch; term: ZhTerm } | null {
  const candidates = s.matches.filter((m) => m.terms.some((t) => t.kind === "CONCEPT"));
  const earlier = candidates.filter((m) => m.end <= before);
  const chosen = earlier[earlier.length - 1] ?? candidates[0];
  if (!chosen) return null;
  const t = pickConcept(chosen, s.industries);
  return t ? { match: chosen, term: t } : null;
}

/**
 * The length of the start of one of the concept's Chinese labels said right before its match (一次 of
 * 一次合格率 before 交检合格率), two characters or more; 0 when none.
 */
function labelStartBefore(s: ReaderState, c: { match: ZhMatch; term: ZhTerm }): number {
  const info = s.ctx.concepts.get(c.term.id);
  const labels = [info?.spec.prefLabel.zh, ...(info?.spec.altLabel?.zh ?? [])].filter((l): l is string => !!l);
  const head = s.text.slice(0, c.match.start);
  let best = 0;
  for (const label of labels) {
    if (c.match.text.startsWith(label.slice(0, 2))) continue;
    for (let n = Math.min(label.length - 1, head.length); n >= 2; n -= 1) {
      if (head.endsWith(label.slice(0, n))) {
        best = Math.max(best, n);
        break;
      }
    }
  }
  return best;
}

function useConcept(s: ReaderState, c: { match: ZhMatch; term: ZhTerm }): void {
  s.tracker.mark(c.match.start, c.match.end);
  s.matched.push(term(c.match, c.term));
}

/** A number with its unit right after `from` in the text ("0.1 mm/s", "5张", "百分之九十六", "30分钟"). */
function amountAt(
  text: string,
  from: number,
): { value: number; unit: string | null; end: number; start: number } | null {
  const n = findNumber(text, from);
  // "超过半天", "超过一个半月": halves of a duration.
  const half = new RegExp(
    `^\\s*(?<n>${NUMBER_SOURCE})?\\s*(?:个)?半(?<unit>个月|月|个小时|小时|天|个星期|周|年)`,
    "u",
  ).exec(text.slice(from));
  if (half?.groups?.unit) {
    const unitDays: Record<string, number> = { 个月: 30, 月: 30, 天: 1, 个星期: 7, 周: 7, 年: 365 };
    const whole = half.groups.n ? (parseNumber(half.groups.n) ?? 0) : 0;
    const hours = /小时/u.test(half.groups.unit);
    const per = hours ? 1 : (unitDays[half.groups.unit] ?? 1);
    return {
      value: whole * per + per / 2,
      unit: hours ? "hours" : "days",
      start: from + half[0].length - half[0].trimStart().length,
      end: from + half[0].length,
    };
  }
  if (!n) return null;
  if (n.percent) return { value: n.value, unit: "percent", start: n.start, end: n.end };
  const unit = readUnit(text.slice(n.end));
  if (unit) return { value: n.value * unit.factor, unit: unit.unit, start: n.start, end: n.end + unit.text.length };
  return { value: n.value, unit: null, start: n.start, end: n.end };
}

const readTrend: Reader = (s) => {
  const period = findPeriod(s.masked);
  const rising = RISING.exec(s.masked);
  const falling = FALLING.exec(s.masked);
  const persistent = /持续|连续|不断|一直/u.exec(s.masked);
  // "环比下降超过20%", "周环比下滑": a change against the period before (a month unless said), a trend over it.
  const compared =
    /(日|周|月|季度|季|年)?(?:环比|同比)|(?:较|比|相比|相较于|相较|和|与|对比)(?:上|前)(?:一)?(?:个)?(日|天|周|星期|礼拜|月|季度|季|年)(?:相比|比)?/u.exec(
      s.masked,
    );
  const comparedDays = compared
    ? (({ 日: 1, 天: 1, 周: 7, 星期: 7, 礼拜: 7, 月: 30, 季度: 90, 季: 90, 年: 365 } as Record<string, number>)[
        compared[1] ?? compared[2] ?? ""
      ] ?? (/同比/u.test(compared[0]) ? 365 : 30))
    : null;
  const dirMatch = rising && falling ? (rising.index < falling.index ? rising : falling) : (rising ?? falling);
  if (!dirMatch) return null;
  // Without 每天/连续, a change of an amount over a window is a trend too ("一个季度内下降了0.5分"): the
  // amount over the window's days. A change *to* a level (下降到80%) is a threshold.
  const said = findWindow(s.text);
  const window = said ?? durationBeforeChange(s.text, dirMatch.index);
  // "客单价下降三成", "续读率下滑超过5个百分点": a change by an amount with no window is one over 30 days.
  const overWindow =
    !period && !persistent
      ? new RegExp(
          `^(?:了)?(?:幅度)?(?:超过|多于|大于|达到|至少|逾|高于|不少于|了)?\\s*(?=${NUMBER_SOURCE}|百分之)`,
          "u",
        ).exec(s.text.slice(dirMatch.index + dirMatch[0].length))
      : null;
  if (!period && !persistent && !overWindow && !compared) return null;
  const direction = dirMatch === rising ? "RISING" : "FALLING";
  const concept = conceptBefore(s, dirMatch.index);
  if (!concept) return null;
  useConcept(s, concept);
  s.tracker.mark(dirMatch.index, dirMatch.index + dirMatch[0].length);
  if (period) s.tracker.mark(period.start, period.end);
  if (persistent) s.tracker.mark(persistent.index, persistent.index + persistent[0].length);
  if (compared) s.tracker.mark(compared.index, compared.index + compared[0].length);
  let rate = 0;
  // "以每周3个百分点以上的速度下降": the amount said before the verb, as its pace.
  const pace = /以([^，,。；;]{1,16}?)(?:及以上|或以上|以上)?的(?:速度|速率|幅度|节奏)/u.exec(
    s.text.slice(0, dirMatch.index),
  );
  const paceFrom = pace && period && period.start >= pace.index && period.end <= dirMatch.index ? period.end : null;
  const paced = pace ? amountAt(s.text, paceFrom ?? pace.index + 1) : null;
  if (pace && paced && paced.end <= pace.index + pace[0].length)
    s.tracker.mark(pace.index, pace.index + pace[0].length);
  const amount =
    paced && pace && paced.end <= pace.index + pace[0].length
      ? paced
      : amountAt(s.text, dirMatch.index + dirMatch[0].length);
  // "每周至少下降", "平均每周都跌": words that only stress the change; "跌幅超过" names its amount.
  s.tracker.markPattern(/(?:跌幅|降幅|涨幅|增幅|减幅|幅度)(?:都|均)?/u);
  const stress = /(?:至少|最少|起码|平均|都|均|还|又)+$/u.exec(s.text.slice(0, dirMatch.index));
  if (stress) s.tracker.mark(stress.index, dirMatch.index);
  // The amount changes over the rate's period, else over the window said, else over the compared period.
  const over =
    period ??
    (window && (overWindow || persistent || compared) ? window : null) ??
    (comparedDays !== null ? { days: comparedDays } : null) ??
    (overWindow ? { days: 30 } : null);
  if (amount && over) {
    rate = ratePerDay(s.ctx.concepts, concept.term.id, amount.value, over.days, amount.unit);
    const lead = /(?:幅度|了)?(?:超过|多于|大于|达到|至少|逾|高于|以上)?$/u.exec(
      s.text.slice(dirMatch.index + dirMatch[0].length, amount.start),
    );
    s.tracker.mark(amount.start - (lead?.[0].length ?? 0), amount.end);
    s.tracker.markPattern(/超过|多于|大于|以上/u);
  }
  // How many assets of one region: 有3台以上设备.
  let minSubjects: number | null = null;
  const subjects = new RegExp(
    `(超过|多于|至少|不少于)?(${NUMBER_SOURCE})\\s*(?:台|辆|个(?![月星季小礼工钟区地省城])|套|部|座|块)\\s*(及以上|或以上|以上)?`,
    "u",
  ).exec(s.text);
  if (subjects && s.scope === "REGION") {
    const n = parseNumber(subjects[2] ?? "");
    if (n !== null) {
      minSubjects = /超过|多于/u.test(subjects[1] ?? "") ? n + 1 : n;
      s.tracker.mark(subjects.index, subjects.index + subjects[0].length);
    }
  }
  // The window is the period of the fit; "每天" alone is a rate, not a window.
  const bare = !said && window ? window : null;
  if (bare) s.tracker.mark(bare.start, bare.end);
  const withinDays = bare ? bare.days : windowDays(s, comparedDays ?? 30);
  return {
    kind: "CONCEPT_TREND",
    concept: concept.term.id,
    direction,
    ratePerDay: rate,
    withinDays,
    scope: s.scope,
    ...(minSubjects !== null ? { minSubjects } : {}),
  };
};

const readConceptCount: Reader = (s) => {
  const concept = conceptBefore(s, s.text.length);
  if (!concept) return null;
  const id = concept.term.id;
  const after = readCount(s.masked.slice(concept.match.end));
  const namedByValue = s.valueNamed === concept.match;
  // "一次交检合格率" read by resemblance to 一次合格率: the 一次 before it is the start of its name, no count.
  const nameStart = concept.match.start - labelStartBefore(s, concept);
  const count =
    after ??
    countJustBefore(s.masked, nameStart) ??
    countBefore(s.masked, nameStart) ??
    assetCount(s.masked, nameStart) ??
    recordsBefore(s.text, nameStart) ??
    (namedByValue ? (itemsBefore(s.masked, concept.match.start) ?? itemsAfter(s.masked, concept.match.end)) : null);
  const values = lookupValues(s.ctx.packs, id);
  // "可疑交易预警超过3条": items of a level the concept measures (open alerts, open tickets), not events in a
  // window; the threshold reader takes it.
  if (
    after &&
    !/[次回遍]/u.test(s.masked.slice(concept.match.end + after.start, concept.match.end + after.end)) &&
    !findWindow(s.text) &&
    values.length === 0 &&
    !hasBooleanMapping(s.ctx.packs, id)
  )
    return null;
  const valueSaid = values
    .map((v) => ({
      v,
      m: new RegExp(`(?<![A-Za-z0-9])${v.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![A-Za-z0-9])`, "iu").exec(s.text),
    }))
    .find((x) => x.m !== null);
  const chineseValue = valueSaid
    ? null
    : namedByValue
      ? chineseValueAfter(s.text, concept.match.start, values)
      : (chineseValueAfter(s.text, concept.match.end, values) ??
        chineseValueBefore(s.text, concept.match.start, values));
  if (chineseValue) {
    s.tracker.mark(chineseValue.start, chineseValue.end);
    // "从中风险升为高风险": the value it came from is read with the change.
    const between = s.text.slice(concept.match.end, chineseValue.start);
    if (/^(?:的)?(?:一旦|如果|要是|若|已经|已|突然|直接)?(?:从|由)/u.test(between) && between.length <= 12)
      s.tracker.mark(concept.match.end, chineseValue.start);
    s.tracker.markPattern(
      /(?:被)?(?:变为|变成|转为|升为|升至|降为|降到|被评为|改为|调整为|调整到|调为|更新为|修改为|设为|定为|上调为|下调为)/u,
    );
  }
  const boolean = hasBooleanMapping(s.ctx.packs, id);
  if (!count && !valueSaid && !chineseValue) return null;
  useConcept(s, concept);
  const signals: SignalSelector = { concept: id };
  if (chineseValue) {
    signals.valueEquals = chineseValue.value;
  } else if (valueSaid?.m) {
    signals.valueEquals = valueSaid.v;
    s.tracker.mark(valueSaid.m.index, valueSaid.m.index + valueSaid.m[0].length);
  }
  const kinds = subjectKinds(s.masked, concept.match.start);
  if (kinds) signals.subjectKinds = kinds;
  const bad = boolean ? BAD_BOOLEAN.exec(s.masked.slice(concept.match.end)) : null;
  // Counted bad events are the flag being true, unless every flag of the concept is a good one (OTA 升级成功
  // is true when it worked): then a failure is the flag being false.
  if (boolean && !signals.valueEquals)
    signals.valueEquals =
      bad &&
      /失败|不通过|未通过|没通过|没有通过|不合格|未达成|没达成|未达标|没达标|不达标/u.test(bad[0]) &&
      onlyPositiveFlags(s.ctx.packs, id)
        ? "false"
        : "true";
  if (bad) s.tracker.mark(concept.match.end + bad.index, concept.match.end + bad.index + bad[0].length);
  if (count && count.absolute) s.tracker.mark(count.start, count.end);
  else if (count) s.tracker.mark(concept.match.end + count.start, concept.match.end + count.end);
  return {
    kind: "SIGNAL_COUNT",
    signals,
    count: count?.count ?? 1,
    withinDays: countWindowDays(s),
    scope: s.scope,
  };
};

/**
 * The comparison a threshold is read from: the first one with a concept named between it and the comparison
 * before it ("健康分低于60且NPS低于5分": the NPS's, the health score being a condition), else the first.
 */
function thresholdComparison(s: ReaderState): { op: "BELOW" | "ABOVE"; at: number; len: number } | null {
  const all = [
    ...[...s.masked.matchAll(new RegExp(BELOW_WORDS.source, "gu"))].map((m) => ({ m, op: "BELOW" as const })),
    ...[...s.masked.matchAll(new RegExp(ABOVE_WORDS.source, "gu"))].map((m) => ({ m, op: "ABOVE" as const })),
  ]
    .map(({ m, op }) => ({ op, at: m.index ?? 0, len: m[0].length }))
    .sort((a, b) => a.at - b.at || b.len - a.len)
    .filter((c, i, list) => i === 0 || c.at >= (list[i - 1]?.at ?? 0) + (list[i - 1]?.len ?? 0));
  if (all.length === 0) return null;
  const concepts = s.matches.filter((m) => m.terms.some((t) => t.kind === "CONCEPT"));
  // "客户健康分低于40且NPS低于6分": a health score said beside another measure is the condition (read after
  // the trigger), so the other measure's comparison is the threshold.
  const score = HEALTH_SCORE_CONDITION.exec(s.text);
  const isScore = (m: ZhMatch): boolean =>
    !!score &&
    m.terms.every((t) => t.kind !== "CONCEPT" || t.id === "core:customer-health") &&
    m.start >= score.index &&
    m.end <= score.index + score[0].length;
  let first: (typeof all)[number] | null = null;
  for (let i = 0; i < all.length; i += 1) {
    const from = i === 0 ? 0 : (all[i - 1]?.at ?? 0);
    const c = all[i]!;
    const named = concepts.filter((m) => m.start >= from && m.end <= c.at);
    if (named.length === 0) continue;
    if (!named.every(isScore)) return c;
    first = first ?? c;
  }
  return first ?? all[0] ?? null;
}

const readThreshold: Reader = (s) => {
  const comparison = thresholdComparison(s);
  let op: "BELOW" | "ABOVE" | null = comparison?.op ?? null;
  let at = comparison?.at ?? -1;
  let len = comparison?.len ?? 0;
  let amount = at >= 0 ? amountAt(s.text, at + len) : null;
  if (amount && amount.start - (at + len) > 2) amount = null;
  if (!amount) {
    // "在88%以下", "90%以上".
    const trailing = new RegExp(
      `(${NUMBER_SOURCE}\\s*(?:%|成[一二三四五六七八九半]?|分钟|小时|天|分|mm/s)?)\\s*(${TRAILING_BELOW.source}|${TRAILING_ABOVE.source})`,
      "u",
    ).exec(s.text);
    if (!trailing) return null;
    amount = amountAt(s.text, trailing.index);
    if (!amount) return null;
    op = TRAILING_BELOW.test(trailing[2] ?? "") ? "BELOW" : "ABOVE";
    at = trailing.index;
    len = 0;
    s.tracker.mark(trailing.index, trailing.index + trailing[0].length);
  }
  if (op === null) return null;
  let concept = conceptBefore(s, at);
  if (!concept) return null;
  // "账款逾期超过30天", "发票拖欠超过60天": days past a breach are the concept named by that breach's days
  // (逾期天数, 拖欠天数), not the breach flag itself.
  if (amount.unit === "days") {
    const breach = /(逾期|拖欠|超期|延期|延误|欠款)(?:了)?(?:已经|已)?$/u.exec(s.text.slice(concept.match.end, at));
    const days = breach ? s.ctx.vocabulary.byKey.get(`${breach[1]}天数`)?.find((t) => t.kind === "CONCEPT") : undefined;
    if (breach && days && days.id !== concept.term.id) {
      const start = concept.match.end + breach.index;
      const match: ZhMatch = { start, end: start + breach[0].length, text: breach[0], terms: [days] };
      s.tracker.mark(concept.match.start, concept.match.end);
      concept = { match, term: days };
    }
  }
  let scaled = normaliseThreshold(s.ctx.concepts, concept.term.id, op, amount.value, amount.unit);
  // A composite without a scale of its own (客户健康度, 健康分) is read on the health score's 0..100.
  const composite = (s.ctx.concepts.get(concept.term.id)?.mappings.length ?? 1) === 0;
  if (!scaled && composite && (amount.unit === null || amount.unit === "score" || amount.unit === "percent")) {
    if (amount.value >= 0 && amount.value <= 100) {
      scaled = { op, value: Math.round((amount.value > 1 ? amount.value / 100 : amount.value) * 10_000) / 10_000 };
    }
  }
  useConcept(s, concept);
  // "未处理的可疑交易预警": the open items are what the concept counts.
  const open = /(?:未处理|待处理|未关闭|未解决|未结|积压|在途)的?$/u.exec(s.text.slice(0, concept.match.start));
  if (open) s.tracker.mark(open.index, open.index + open[0].length);
  s.tracker.mark(at, at + len);
  // "至少达到98%", "已经超过60天": a word before the comparison that only stresses it.
  const stress = /(?:至少|最少|起码|已经|已|均|都|仍然|仍|还|持续|一直)$/u.exec(s.text.slice(0, at));
  if (stress) s.tracker.mark(stress.index, at);
  // "NPS从9分降到6分以下": the level it came from is read with the level it reaches.
  const origin = new RegExp(
    `(?:从|由)\\s*(?:${NUMBER_SOURCE})\\s*(?:分|%|个百分点|点)?\\s*(?:直接|一下子|突然)?$`,
    "u",
  ).exec(s.text.slice(0, stress ? stress.index : at));
  if (origin) s.tracker.mark(origin.index, origin.index + origin[0].length);
  s.tracker.mark(amount.start, amount.end);
  // "降到6分以下": a bound said again after the amount.
  const bound = /^(?:及|或)?(?:以下|之下|以上|之上)/u.exec(s.text.slice(amount.end));
  if (bound) s.tracker.mark(amount.end, amount.end + bound[0].length);
  if (!scaled) {
    s.unrecognised.push(s.text.slice(at, amount.end));
    return { kind: "CONCEPT_THRESHOLD", concept: concept.term.id, op, value: 0.5, scope: s.scope };
  }
  return { kind: "CONCEPT_THRESHOLD", concept: concept.term.id, op: scaled.op, value: scaled.value, scope: s.scope };
};

const readBooleanBad: Reader = (s) => {
  const concept = conceptBefore(s, s.text.length);
  if (!concept) return null;
  // A concept with a boolean field beside numeric ones turns bad when its breach is said (保养超期).
  const breach =
    hasBooleanMapping(s.ctx.packs, concept.term.id) &&
    new RegExp(`^\\s*(?:了)?\\s*(?:${BREACH_WORDS})`, "u").test(s.text.slice(concept.match.end));
  // "发生扣关", "出现制裁命中": the concept's name is its bad event, said as happening.
  const happened =
    hasBooleanMapping(s.ctx.packs, concept.term.id) &&
    /(?:发生|出现|遭遇|遇到|遭到)(?:了)?(?:一次|一起)?$/u.test(s.text.slice(0, concept.match.start));
  if (!breach && !happened && !isBooleanConcept(s.ctx.packs, concept.term.id)) return null;
  const bad = BAD_BOOLEAN.exec(s.masked);
  if (!bad && concept.match.end < s.text.length - 1) return null;
  useConcept(s, concept);
  if (bad) {
    s.tracker.mark(bad.index, bad.index + bad[0].length);
    // "校准证书过期": the concept's papers lapsing is the concept turning bad.
    const between = s.text.slice(concept.match.end, bad.index);
    if (new RegExp(`^(?:的)?(?:${DOCUMENT_WORDS}){1,2}(?:已经|已|都|一)?$`, "u").test(between))
      s.tracker.mark(concept.match.end, bad.index);
  }
  return { kind: "CONCEPT_THRESHOLD", concept: concept.term.id, op: "BELOW", value: 0.5, scope: s.scope };
};
