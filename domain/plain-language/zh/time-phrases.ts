/**
 * Chinese time phrases of rules, in days (README of the corpus: a day 1, a week 7, two weeks 14, 半个月 15,
 * a month 30, a quarter 90, a year 365; 明天 and 24 小时 are 1, 当天 0):
 * - durations: 7天, 一周, 两个星期, 一个月, 半个月, 一个季度, 半年, 48小时;
 * - windows: 7天内, 一周之内, 最近90天里, 过去两周, 在一个月中;
 * - deadlines: 3天内完成, 明天之前, 当天, 24小时内;
 * - rates' periods: 每天, 每周, 每月.
 */
import { NUMBER_SOURCE, parseNumber } from "./chinese-numbers";

/** Days in one of each unit a duration can be written in. */
const UNIT_DAYS: Readonly<Record<string, number>> = {
  天: 1,
  日: 1,
  工作日: 1,
  周: 7,
  星期: 7,
  礼拜: 7,
  月: 30,
  季度: 90,
  季: 90,
  年: 365,
  小时: 1 / 24,
  钟头: 1 / 24,
};

const UNIT_SOURCE =
  "(?:个工作日|工作日|个星期|个礼拜|个月|个季度|个小时|个钟头|天|日|周|星期|礼拜|月|季度|年|小时|钟头)";

/** A duration: a number (or 半) and a unit, or 半个月 / 半年 / 一个半月. */
export const DURATION_SOURCE = `(?:(${NUMBER_SOURCE})\\s*(?:个(?=半))?(半)?\\s*${UNIT_SOURCE.replace("(?:", "(")}|半\\s*(个月|年|天|小时))`;

/** A duration found in a text, in days, with where it is. */
export interface FoundDuration {
  days: number;
  text: string;
  start: number;
  end: number;
}

function unitDays(unit: string): number {
  const bare = unit.replace(/^个/u, "");
  return UNIT_DAYS[bare] ?? 1;
}

/** Whole days, except for fractions of a day written in hours (kept exact for rates). */
function roundDays(days: number): number {
  return days >= 1 ? Math.round(days) : days;
}

/** Reads one duration match (the groups of DURATION_SOURCE) as days. */
function durationDays(match: RegExpExecArray): number | null {
  const [, count, half, unit, halfOnlyUnit] = match;
  if (halfOnlyUnit !== undefined) return roundDays(0.5 * unitDays(halfOnlyUnit));
  const n = parseNumber(count ?? "");
  if (n === null || unit === undefined) return null;
  const hours = /小时|钟头/u.test(unit);
  // 24 小时 reads as one day, 48 小时 as two: deadlines and windows are whole days.
  if (hours) return Math.max(1, Math.ceil(n / 24));
  return roundDays((n + (half ? 0.5 : 0)) * unitDays(unit));
}

/** Every duration in a text, left to right. */
export function findDurations(text: string): FoundDuration[] {
  const re = new RegExp(DURATION_SOURCE, "gu");
  const found: FoundDuration[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const days = durationDays(m);
    if (days !== null) found.push({ days, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The days of a text that is exactly one duration ("两周", "半个月"), or null. */
export function parseDuration(text: string): number | null {
  const m = new RegExp(`^${DURATION_SOURCE}$`, "u").exec(text.trim());
  return m ? durationDays(m) : null;
}

/** A window: "7天内", "一周之内", "最近90天里", "过去两周", "在一个月中", "近30天" (a regular expression source). */
export const WINDOW_SOURCE = `(?:在|于)?(?:最近|过去|近|前|这|本)?\\s*(?:的)?\\s*(?:${DURATION_SOURCE})\\s*(?:以内|之内|内|里|中|期间|当中)`;
const WINDOW_LEADING = `(?:在|于)?(?:最近|过去|近|连续|持续|长达|达|满)\\s*(?:的)?\\s*(?:${DURATION_SOURCE})`;

/** A bare duration right before a count ("一周超过5单", "一个月有3次"): the count's window. */
const WINDOW_BEFORE_COUNT = `(?<![每连持])(?:${DURATION_SOURCE})(?=\\s*(?:就|已经|已|累计|共)?\\s*(?:超过|达到|多于|不少于|至少|有|出现|发生)\\s*(?:${NUMBER_SOURCE})\\s*(?:次|回|单|笔|条|张|件|起|个|台|辆|位))`;

/** A window found in a text. */
export type FoundWindow = FoundDuration;

/** The first window ("N天内", "最近N天里", "过去两周") in a text, or null. */
export function findWindow(text: string): FoundWindow | null {
  const candidates: FoundWindow[] = [];
  for (const source of [WINDOW_SOURCE, WINDOW_LEADING, WINDOW_BEFORE_COUNT]) {
    const m = new RegExp(source, "u").exec(text);
    if (!m) continue;
    const inner = new RegExp(DURATION_SOURCE, "u").exec(m[0]);
    const days = inner ? durationDays(inner) : null;
    if (days !== null) candidates.push({ days, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  return candidates[0] ?? null;
}

/**
 * Words naming a day relative to today, for deadlines. A playbook's deadline is a number of days from the
 * firing (`dueInDays`), so a day that depends on the weekday or the date the rule fires is read as the end
 * of the period it falls in, measured as the English side does ("by the end of the week" 7, "end of
 * month" 30, "by next week" 7): 本周五之前 / 周末前 7, 下周一前 (before next week begins) 7, 下周五前 (in
 * the week after) 14, 月底前 30, 下个月底 60, 季度末 90, 年底 365. A calendar date (12月31日前, 15号之前) cannot be said
 * as days from the firing: it is left for the reader to name as not understood.
 */
const WEEKDAY = "(?:一|二|三|四|五|六|日|天|末)";
const RELATIVE_DAYS: readonly (readonly [RegExp, number])[] = [
  [/当天|当日|今天|今日|即日|下班前/u, 0],
  [/明天|明日|次日|第二天|隔天/u, 1],
  [/后天/u, 2],
  [new RegExp(`下(?:个)?(?:周|星期|礼拜)一|下(?:个)?(?:周|星期|礼拜)(?!${WEEKDAY})`, "u"), 7],
  [new RegExp(`下(?:个)?(?:周|星期|礼拜)${WEEKDAY}`, "u"), 14],
  // A bare weekday is a deadline only before 前 (周五前): 周末不要触发 says when not to fire, 每周一 is a
  // schedule and 两周五次 a count.
  [
    new RegExp(
      `(?:本|这|这个)(?:周|星期|礼拜)${WEEKDAY}|(?<![每一二两三四五六七八九十0-9个])(?:周|星期|礼拜)${WEEKDAY}(?=之前|以前|前|下班)|本周|这周|这个星期|本星期`,
      "u",
    ),
    7,
  ],
  [/(?:本|这个)?(?:月底|月末)|本月|这个月/u, 30],
  [/下(?:个)?月(?!底|末)(?:初)?/u, 30],
  [/下(?:个)?月(?:底|末)/u, 60],
  [/(?:本|这个)?(?:季度末|季末|季度底)/u, 90],
  [/(?:今|本)?(?:年底|年末)/u, 365],
];

/** Words saying to act at once (立即, 马上): with no deadline said, the task is due the same day. */
const AT_ONCE = /立即|立刻|马上|即刻|第一时间|火速|赶紧|立马/u;

/** A deadline found in a text: days from the firing, with the phrase. */
export interface FoundDeadline {
  days: number;
  text: string;
  start: number;
  end: number;
}

/**
 * The deadline said in a text: a window ("3天内", "在两周内") or a relative day ("明天之前", "当天"),
 * optionally followed by 完成/处理/搞定/之前/前/以前. Null when there is none.
 */
export function findDeadline(text: string): FoundDeadline | null {
  const window = findWindow(text);
  const after = "(?:之前|以前|前|内|为止)?(?:完成|处理完|处理|搞定|办结|跟进|给出|回复)?";
  let best: FoundDeadline | null = window
    ? { days: Math.max(0, Math.round(window.days)), text: window.text, start: window.start, end: window.end }
    : null;
  for (const [pattern, days] of RELATIVE_DAYS) {
    const m = new RegExp(`(?:在)?(?:${pattern.source})(?:下班)?${after}`, "u").exec(text);
    if (m && (best === null || m.index < best.start)) {
      best = { days, text: m[0], start: m.index, end: m.index + m[0].length };
    }
  }
  if (best === null) {
    // "期限为3天", "截止时间为两天": a time limit said as such.
    const m = new RegExp(
      `(?:期限|时限|截止时间|截止日期|截止|限期|完成时限|(?<=[都各均，,]|^)限)(?:为|是|设为)?(${DURATION_SOURCE})`,
      "u",
    ).exec(text);
    if (m) {
      const inner = new RegExp(DURATION_SOURCE, "u").exec(m[0]);
      const days = inner ? durationDays(inner) : null;
      if (days !== null) best = { days: Math.round(days), text: m[0], start: m.index, end: m.index + m[0].length };
    }
  }
  if (best === null) {
    // "N天完成", "限期两天": a bare duration next to a completion verb.
    const m = new RegExp(`(?:限期|期限)?(${DURATION_SOURCE})(?:之内|以内|内)?(?=完成|处理|搞定|办结|给出)`, "u").exec(
      text,
    );
    if (m) {
      const inner = new RegExp(DURATION_SOURCE, "u").exec(m[0]);
      const days = inner ? durationDays(inner) : null;
      if (days !== null) best = { days: Math.round(days), text: m[0], start: m.index, end: m.index + m[0].length };
    }
  }
  if (best === null) {
    // "立即复核", "马上跟进": the urgency said is the deadline when no other is (立即通知……，两天内完成 is
    // due in two days, its deadline clause read after this one).
    const m = AT_ONCE.exec(text);
    if (m) best = { days: 0, text: m[0], start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * A calendar date said as a deadline ("12月31日前", "15号之前", "5日以前"): not a number of days from the
 * firing, so it cannot be a `dueInDays`; the reader names it as not understood. Null when there is none.
 */
export function findCalendarDate(text: string): FoundDeadline | null {
  const m = new RegExp(
    `(?:(?:${NUMBER_SOURCE})\\s*月\\s*(?:${NUMBER_SOURCE})\\s*(?:日|号)|(?:${NUMBER_SOURCE})\\s*(?:号|日))(?:之前|以前|前|为止)`,
    "u",
  ).exec(text);
  return m ? { days: 0, text: m[0], start: m.index, end: m.index + m[0].length } : null;
}

/** A rate's period: 每天 1, 每周 7, 每月 30 … (the number of days it is per). */
export interface FoundPeriod {
  days: number;
  text: string;
  start: number;
  end: number;
}

const PERIOD_SOURCE = `(?:平均每|每)\\s*(?:(${NUMBER_SOURCE})\\s*)?(个工作日|工作日|个星期|个礼拜|个月|个季度|个小时|天|日|周|星期|礼拜|月|季度|年|小时)`;

/** The first "每天/每周/每月/每两周/日均…" in a text, or null. */
export function findPeriod(text: string): FoundPeriod | null {
  const m = new RegExp(PERIOD_SOURCE, "u").exec(text);
  if (m) {
    const n = m[1] ? parseNumber(m[1]) : 1;
    const unit = m[2] ?? "天";
    const days = (n ?? 1) * unitDays(unit);
    return { days, text: m[0], start: m.index, end: m.index + m[0].length };
  }
  const short = /(日均|周均|月均)/u.exec(text);
  if (short) {
    const days = { 日均: 1, 周均: 7, 月均: 30 }[short[1] as "日均" | "周均" | "月均"];
    return { days, text: short[0], start: short.index, end: short.index + short[0].length };
  }
  return null;
}
