/**
 * The clause structure of a Chinese rule: "（当/如果/一旦/若/只要）<antecedent>（时/的时候），（就/则）<action>，
 * 并/同时/然后 <action>；<deadline>；如果……就算成功；先让我确认". Splits a sentence into clauses at
 * punctuation and connectives and at the 时/就 that ends the antecedent, and tells which clauses are the
 * antecedent (trigger and conditions), which are actions, which state success (feedback) and which only
 * give a deadline for the action before them.
 */
import { toHalfWidth } from "./chinese-numbers";
import { toMainlandChinese } from "./traditional-zh";

/** One clause, with where it is in the normalised sentence. */
export interface Clause {
  text: string;
  start: number;
  end: number;
}

export type ClauseRole = "ANTECEDENT" | "ACTION" | "FEEDBACK";

export interface RoledClause extends Clause {
  role: ClauseRole;
}

const CJK = "\\u3400-\\u9fff";

/**
 * Half-width digits and letters, spaces only between Latin words or numbers ("0.1 mm/s" stays, "ERP 系统"
 * becomes "ERP系统"), curly and corner quotes to “”, traditional characters to simplified ones and regional words
 * to mainland ones (联络人 → 联系人).
 */
export function normaliseChinese(text: string): string {
  return (
    toMainlandChinese(toHalfWidth(text))
      // A heading in brackets ("【电商运营】……") is a heading followed by a colon.
      .replace(/^\s*[【[]([^】\]]{1,20})[】\]]\s*/u, "$1：")
      .replace(/[「『]/gu, "“")
      .replace(/[」』]/gu, "”")
      .replace(/\s*(?:→|->|=>|⇒|➡)\s*/gu, "，")
      // A rule written as labelled parts ("触发：……；动作：……"): the labels are the connectives they stand for.
      .replace(/(^|[，,。；;\n])(?:触发条件|触发器|触发|条件|前提条件|前提|场景|当)[：:]/gu, "$1如果")
      .replace(/(^|[，,。；;\n])(?:执行动作|执行操作|动作|操作|执行|行动|措施|处理方式|响应|那么)[：:]/gu, "$1；就")
      // 口语 "连着三周" is 连续三周.
      .replace(/连着(?=[零〇一二两三四五六七八九十\d几好])/gu, "连续")
      // 口语 "退货率一超15%" is 一旦超过15%, "超5%" 超过5%.
      .replace(/一超(?=[零〇一二两三四五六七八九十百\d]|百分)/gu, "一旦超")
      .replace(/(?:超|过了|超了)(?=[零〇一二两三四五六七八九十百\d]|百分)/gu, "超过")
      // "帮我盯一下……", "请监控……": asking to watch the accounts says no more than the rule does.
      .replace(
        /^(?:请|麻烦)?(?:你|您)?(?:帮我|帮忙|替我)?(?:盯一下|盯着|盯紧|看着|留意一下|留意|关注一下|监控一下|监控|注意一下)/u,
        "",
      )
      .replace(/\s+/gu, " ")
      .replace(new RegExp(`\\s+(?=[${CJK}，。；：、“”（）])|(?<=[${CJK}，。；：、“”（）])\\s+`, "gu"), "")
      .trim()
  );
}

/** Words that open an antecedent (stripped when the clause is read). */
export const ANTECEDENT_OPENERS =
  /^(?:每当|一旦|如果|假如|假若|要是|倘若|若是|若|当(?![天日即前中地面场初下月年周])|只要|但凡|凡是|凡|如遇到|如遇|遇到|(?:触发|前提|启动|执行)?条件(?:是|为)|(?:触发|前提)(?:是|为)|(?:在|于)?(?=.{2,40}(?:的情况下|情况下)$))/u;

/** Openers that bring an antecedent after the actions ("……，触发条件是……", "……，当……时"). */
const LATE_ANTECEDENT =
  /^(?:当(?![天日即前中地面场初下月年周])|如果|一旦|若|假如|要是|只要|每当|(?:触发|前提|启动|执行)?条件(?:是|为)|(?:触发|前提)(?:是|为))/u;

/**
 * A clause that only asks for the rule to be set up ("帮我设置一下", "请建一条规则"): it says nothing of the
 * rule itself.
 */
const PREAMBLE =
  /^(?:请|麻烦|劳驾)?(?:你)?(?:帮我|帮忙|帮|替我|给我)?(?:设置|配置|设定|设|新建|创建|建立|建|加|添加|做|写|定|弄)(?:一下)?(?:一个|一条|个|条)?(?:这样的|如下的|下面的|以下的)?(?:自动化)?(?:规则|剧本|playbook|流程|策略|自动化)?(?:吧)?$/iu;

/**
 * The 时 / 的时候 / 的话 / 之后 that ends an antecedent: not the 时 of 时间, 小时, 同时, 及时, 实时, 按时, 超时 ….
 */
const ANTECEDENT_END = new RegExp(
  `(?:的情况下|情况下|的时候|的话|之时|时候|(?<![小同及实按准定临届暂适随平何此那这当工超逾延计限])时(?![间效长段刻速差区序钟辰])|(?<!确认|批准|审批|同意|审核|核实|过目|点头|允许)(?:之后|以后))`,
  "u",
);

/** Success criteria: "……就算成功", "……则视为有效", "……即为达成". */
export const SUCCESS_MARKER =
  /(?:就|则|即|便)?(?:可以|可)?(?:算|视为|记为|认为|当作|算作|即为|为|说明|表示|代表|证明)(?:是)?(?:成功|有效|达成|见效|奏效|达标|起效)|(?:就|则|即|便)?(?:可以|可)?(?:算|视为|视作|记为|算作|当作)(?:是)?(?:已经|已)?(?:解决|搞定|过关|闭环|结案|完成|处理好|ok|OK)|^(?:效果|成效)(?:就|主要)?(?:看|要看)(?=[^，,。；;]{2,})|(?:成功|效果|成效)(?:的)?(?:标准|指标|衡量标准)(?:是|为)?|(?:作为|为)(?:成功|效果|成效)(?:的)?(?:标准|指标)|(?:衡量|评估)(?:效果|成效)|(?:效果|成效)(?:以|用|按|看)(?=[^，,。；;]{1,30}(?:来)?(?:衡量|评估|评价|为准))/u;

/**
 * Adverbs said before an action's verb ("一律同步到ERP", "统统推送到钉钉", "第一时间通知", "顺便抄送"): they
 * say how sure or how soon, not what is done.
 */
export const ACTION_ADVERB =
  /^(?:一律|统统|通通|一概|统一|一并|全部|全都|均|都|也|马上|立即|立刻|即刻|第一时间|及时|尽快|赶紧|顺便|顺手|同时)+/u;

/** Words that start an action (after 就/则/并 … are stripped). */
const ACTION_START_WORDS =
  /^(?:(?:麻烦|劳驾|烦请|有劳)(?=让|请|给|叫|安排|通知|派|把|将|帮|你|您)|(?:你|您)(?=先|就|马上|立即|直接|帮|去|再|让|请|给|叫|安排|通知|派|把|将|自动)|(?:通过|经由|借助|使用|用)[^，,。；;]{1,12}?(?:推送|同步|发送|发出|发|通知|提醒|告知|调用|写入|回写|抄送)|自动|立即|立刻|马上|直接|系统|先|请|让|叫|给|为|向|由|通知|告诉|提醒|要求|安排|派|指派|分派|分配|创建|新建|建立|建|开|发起|生成|打上|打|加上|添加|标记|标注|把|将|记录|记(?=一|个|上|下|条)|标上|推送|同步|发送|发到|发|调用|触发|写入|回写|抄送|抄给|转给|交给|交由|升级给|上报给)/u;
const ACTION_START = new RegExp(
  `${ACTION_ADVERB.source.replace(/\+$/u, "*")}${ACTION_START_WORDS.source.slice(1)}`,
  "u",
);

/** Connectives that start a new clause (when not inside a name). */
const CONNECTIVE = /(?:并且|而且|同时|然后|随后|接着|另外|此外|以及|并|且)/gu;

/** Leading words of a clause that only join it to the one before (or point back at it: 这件事交给……). */
export const CLAUSE_GLUE =
  /^(?:(?:我|我们)?(?:希望|想要|想)(?=当|如果|若|只要|一旦|每当|在)|麻烦|劳驾|烦请|有劳|那么|那就|就会|就|则|便|这件事(?:情)?|这个事(?:情)?|这事(?:儿)?|此事|该事项|并且|而且|同时|然后|随后|接着|另外|此外|以及|并|且|再|还要|还|也|都|(?:需要|必须|务必|应该|应当|应|须|需|要|得)(?!我|经|由我|等|求|是)|、)+/u;

/**
 * Splits a normalised sentence into clauses: at ，。；！？ and line breaks, before connectives (并, 同时,
 * 然后 …), after an antecedent's closing 时 and before a 就/则 that follows it. `protectedSpans` are names
 * (from the vocabulary) that are never split inside.
 */
export function splitClauses(text: string, protectedSpans: readonly { start: number; end: number }[] = []): Clause[] {
  const inName = (i: number): boolean => protectedSpans.some((s) => i > s.start && i < s.end);
  const cuts = new Set<number>();
  for (const m of text.matchAll(/[，,。；;！!？?\n：:]/gu)) cuts.add(m.index ?? 0);
  const breaks = new Set<number>();
  for (const m of text.matchAll(CONNECTIVE)) {
    const i = m.index ?? 0;
    if (!inName(i) && !inName(i + 1)) breaks.add(i);
  }
  // The antecedent's closing 时 followed directly by an action ("……时自动给……").
  const end = new RegExp(ANTECEDENT_END.source, "gu");
  for (const m of text.matchAll(end)) {
    const after = (m.index ?? 0) + m[0].length;
    if (!inName(m.index ?? 0) && after < text.length && !cuts.has(after)) breaks.add(after);
  }
  // "……达到3次就给……": 就/则 after something, not the 就 of 就算成功 or 成就, nor the 就 of a change said
  // fast ("一周就降了三成").
  for (const m of text.matchAll(
    /(?<=[^，,。；;\s成造规原否])(?:就|则)(?!算|是|视|为|可以算|行|降|跌|涨|掉|增|减|升(?!级)|上升|下降|上涨|下跌|下滑)/gu,
  )) {
    if (!inName(m.index ?? 0)) breaks.add(m.index ?? 0);
  }
  const clauses: Clause[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.replace(/[、\s]+$/u, "").trim();
    if (trimmed.length > 0) clauses.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length) {
      push(start, i);
    } else if (cuts.has(i)) {
      push(start, i);
      start = i + 1;
    } else if (breaks.has(i) && i > start) {
      push(start, i);
      start = i;
    }
  }
  return clauses;
}

/** A clause without its joining words ("并", "就", "同时", "然后") at the start. */
export function stripGlue(clause: Clause): Clause {
  const m = CLAUSE_GLUE.exec(clause.text);
  if (!m) return clause;
  return { text: clause.text.slice(m[0].length), start: clause.start + m[0].length, end: clause.end };
}

/**
 * 书面 "……降为红色者，……": a clause-final 者 names what the rule is about and so closes the antecedent; not
 * the 者 of a word (患者, 学者, 记者, 读者, 作者, 使用者, 或者).
 */
const NOMINAL_END = /(?<![患学记读作用者或再前后老长])者$/u;

/** Whether a clause ends an antecedent (……时, ……的时候, ……者). */
export function endsAntecedent(text: string): boolean {
  return new RegExp(`${ANTECEDENT_END.source}$`, "u").test(text) || NOMINAL_END.test(text);
}

/**
 * The role of every clause: those before the first action are the antecedent, unless the sentence starts
 * with an action and puts its antecedent after it ("……，当……时"); clauses with a success marker are
 * feedback; the rest are actions (a clause that only gives a deadline or a mode is an action clause too).
 */
export function assignRoles(clauses: readonly Clause[], doerAt: DoerAt = () => 0): RoledClause[] {
  const roled: RoledClause[] = [];
  let seenAction = false;
  // Once a clause has closed the antecedent (……时, ……一旦……), what follows is the consequent.
  let closed = false;
  let lateAntecedent = false;
  for (const raw of joinDoerToVerb(clauses, doerAt)) {
    if (PREAMBLE.test(raw.text)) continue;
    const clause = stripGlue(raw);
    const joined = raw.text !== clause.text && /^(?:就|则|便|那么)/u.test(raw.text);
    const hasAntecedent = roled.some((r) => r.role === "ANTECEDENT");
    // "……一旦超过5%，质量部要在一周内做一次8D分析": after the condition, a clause led by a known doer acts.
    if (hasAntecedent && !opensAntecedentWord(clause.text) && leadsWithDoer(clause.text, doerAt)) {
      seenAction = true;
      roled.push({ ...clause, role: "ACTION" });
      continue;
    }
    // "客户经理要在三天内回访，如果……": a known doer who must do something acts, before the condition too.
    if (
      !seenAction &&
      !hasAntecedent &&
      !opensAntecedentWord(clause.text) &&
      leadsWithDoer(clause.text, doerAt) &&
      SUBJECT_MODAL.test(clause.text)
    ) {
      seenAction = true;
      roled.push({ ...clause, role: "ACTION" });
      continue;
    }
    // "由绿伏服务维保的车队客户，……": before any action, the accounts a partner serves are no action of its.
    if (!seenAction && SERVED_ACCOUNTS.test(clause.text)) {
      roled.push({ ...clause, role: "ANTECEDENT" });
      continue;
    }
    // "……低于80%，且由绿伏服务维保的，……": a clause ending in 的 says which accounts; it is no action.
    if (!seenAction && hasAntecedent && /的$/u.test(clause.text) && !leadsWithDoer(clause.text, doerAt)) {
      roled.push({ ...clause, role: "ANTECEDENT" });
      continue;
    }
    // "……一旦超过5%，且……": a further condition joined to a closed antecedent, before any action.
    if (
      closed &&
      !seenAction &&
      /^(?:且|并且|而且|同时(?:满足)?|另外|还有)/u.test(raw.text) &&
      !ACTION_START.test(clause.text)
    ) {
      roled.push({ ...clause, role: "ANTECEDENT" });
      continue;
    }
    if (SUCCESS_MARKER.test(clause.text)) {
      // "若两周内任务完成，视为成功": the marker alone in its clause closes the condition before it.
      const prev = roled[roled.length - 1];
      const alone = clause.text.replace(SUCCESS_MARKER, "").replace(/[就则即便]/gu, "").length === 0;
      if (alone && prev && (prev.role !== "ANTECEDENT" || seenAction)) {
        roled[roled.length - 1] = {
          text: `${prev.text}${clause.text}`,
          start: prev.start,
          end: clause.end,
          role: "FEEDBACK",
        };
      } else {
        roled.push({ ...clause, role: "FEEDBACK" });
      }
      continue;
    }
    // "一旦……，平台运营团队应在5天内完成审核": after the condition, a doer with 应/需要/必须 acts.
    if (
      roled.some((r) => r.role === "ANTECEDENT") &&
      !opensAntecedentWord(clause.text) &&
      SUBJECT_MODAL.test(clause.text)
    ) {
      seenAction = true;
      roled.push({ ...clause, role: "ACTION" });
      continue;
    }
    const opensAntecedent = ANTECEDENT_OPENERS.test(clause.text) && !/^在.{0,8}(?:推送|同步|发送)/u.test(clause.text);
    const closesAntecedent = endsAntecedent(clause.text);
    // "……回升到绿色时，如果是东南亚客户，就……": a second opener before any action adds to the antecedent.
    if (
      !seenAction &&
      !joined &&
      (closesAntecedent ||
        (closed && opensAntecedent) ||
        (!closed && !ACTION_START.test(clause.text) && !opensAntecedentAction(clause.text)))
    ) {
      roled.push({ ...clause, role: "ANTECEDENT" });
      if (closesAntecedent || MID_OPENER.test(clause.text)) closed = true;
      continue;
    }
    if (seenAction && (closesAntecedent || (opensAntecedent && LATE_ANTECEDENT.test(clause.text)))) {
      roled.push({ ...clause, role: "ANTECEDENT" });
      lateAntecedent = true;
      continue;
    }
    // "……，前提是有新工单进来且健康分低于30": a further condition joined to an antecedent said after the actions.
    if (
      lateAntecedent &&
      /^(?:且|并且|而且|同时(?:满足)?|另外|还有)/u.test(raw.text) &&
      !ACTION_START.test(clause.text)
    ) {
      roled.push({ ...clause, role: "ANTECEDENT" });
      continue;
    }
    lateAntecedent = false;
    seenAction = true;
    roled.push({ ...clause, role: "ACTION" });
  }
  // A sentence whose every clause reads as an antecedent has its last one as the action ("A时B" with B unknown).
  return roled;
}

/**
 * The length of the known doer (a person, team, role, partner or the account owner of the tenant's
 * vocabulary) a text starts with, or 0.
 */
export type DoerAt = (text: string) => number;

/**
 * A clause led by a known doer who acts ("质量部要在一周内……", "刘洋当天就要……", "客户经理马上回访"): the doer,
 * then not 的/负责/名下 (客户经理的客户, 王芳负责的客户 say which accounts, not who acts).
 */
function leadsWithDoer(text: string, doerAt: DoerAt, alone = false): boolean {
  const n = doerAt(text);
  if (n === 0 || (n >= text.length && !alone)) return false;
  return !/^(?:的|之|所|负责|名下|手上|手里|跟进的|管理的|服务的|旗下)/u.test(text.slice(n));
}

/**
 * "刘洋当天就要更新赢单预测" is split before its 就: a doer with only a time before the 就 is joined back to
 * the verb after it, so the clause reads as one action.
 */
function joinDoerToVerb(clauses: readonly Clause[], doerAt: DoerAt): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.end === c.start &&
      /^(?:就|便|则)/u.test(c.text) &&
      leadsWithDoer(prev.text, doerAt, true) &&
      DOER_TIME.test(prev.text.slice(doerAt(prev.text)))
    ) {
      out[out.length - 1] = { text: `${prev.text}${c.text}`, start: prev.start, end: c.end };
      continue;
    }
    out.push(c);
  }
  return out;
}

/** What may stand between a doer and the 就 of its verb: a time, a deadline, an adverb. */
const DOER_TIME =
  /^(?:[在于]?(?:当天|当日|今天|明天|次日|第二天|本周|下周|马上|立即|立刻|随后|也|都|必须|务必)|[在于]?[^，,。；;]{0,8}?(?:内|之内|以内|之前|以前|前))*$/u;

/** Accounts said by who serves them ("由绿伏服务维保的车队客户", "由华通负责的医院客户"). */
const SERVED_ACCOUNTS =
  /^(?:由|经)[^，,。；;]{1,12}?(?:服务|代理|供货|分销|合作|负责|维保|维护|维修|运维|托管|经销|供应)的[^，,。；;]{0,10}?(?:客户|账户)$/u;

/** An opener inside a clause, after its subject ("废品率一旦超过5%", "商机阶段一有变动"): it closes the antecedent. */
const MID_OPENER = /.(?:一旦|如果|只要|要是|假如|倘若|每当|一有|一出现|一发生|一变|一降|一跌|一超过|一低于|一高于)/u;

/** A doer and a modal verb, then something to do ("平台运营团队应在5天内完成审核", "客户经理需要当天回访"). */
const SUBJECT_MODAL =
  /^[^，,。；]{2,12}?(?:应该|应当|应|需要|需|必须|务必|须|负责|要(?!是|求)|得(?![分到出]))(?:在|于)?[^，,。；]{0,12}?(?:完成|处理|跟进|联系|回访|拜访|安排|开|创建|提交|核实|审核|评审|复核|排查|检查|制定|上门|派|组织|更新|通知|做|出|进行|发起|准备|约|打电话|发|培训|去|到现场|整改|核对|核查|确认|复盘|检修)/u;

function opensAntecedentWord(text: string): boolean {
  return ANTECEDENT_OPENERS.test(text) || endsAntecedent(text);
}

/** An antecedent clause that is in fact an action said without a leading verb ("在工作时间内推送到ERP"). */
function opensAntecedentAction(text: string): boolean {
  return /^在.{0,10}?(?:推送|同步|发送|发到|调用|通知|创建|派|提醒)/u.test(text);
}

/** The antecedent's text without its opening and closing markers (如果……时 → ……). */
export function stripAntecedentMarkers(text: string): { text: string; offset: number } {
  let offset = 0;
  let rest = text;
  const open = ANTECEDENT_OPENERS.exec(rest);
  if (open) {
    offset = open[0].length;
    rest = rest.slice(open[0].length);
  }
  rest = rest.replace(new RegExp(`${ANTECEDENT_END.source}$`, "u"), "").replace(NOMINAL_END, "");
  return { text: rest, offset };
}
