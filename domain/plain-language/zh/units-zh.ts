/**
 * Units as Chinese rules write them after a number (分钟, 小时, %, 分, mm/s, 张, 万美元 …), read into the unit
 * names the packs' mappings use (minutes, hours, percent, score, mm_per_s, count, USD …). Used for
 * thresholds and trend rates.
 */

/** A unit after a number: its pack unit name and a factor to multiply the number by (万 = 10 000). */
export interface ZhUnit {
  text: string;
  unit: string;
  factor: number;
}

const UNITS: readonly (readonly [string, string, number])[] = [
  ["个百分点", "percent", 1],
  ["百分点", "percent", 1],
  ["%", "percent", 1],
  ["分钟", "minutes", 1],
  ["分鐘", "minutes", 1],
  ["min", "minutes", 1],
  ["个小时", "hours", 1],
  ["小时", "hours", 1],
  ["h", "hours", 1],
  ["秒钟", "seconds", 1],
  ["秒", "seconds", 1],
  ["个工作日", "days", 1],
  ["工作日", "days", 1],
  ["天", "days", 1],
  // Longer spans of a duration measure in days (逾期超过两个月): the corpus's 30-day month and 7-day week.
  ["个星期", "days", 7],
  ["个礼拜", "days", 7],
  ["星期", "days", 7],
  ["周", "days", 7],
  ["个月", "days", 30],
  ["日", "days", 1],
  ["mm/s", "mm_per_s", 1],
  ["毫米/秒", "mm_per_s", 1],
  ["摄氏度", "celsius", 1],
  ["℃", "celsius", 1],
  ["°C", "celsius", 1],
  ["度电", "kwh", 1],
  ["kwh", "kwh", 1],
  ["千瓦时", "kwh", 1],
  ["度", "celsius", 1],
  ["公里", "km", 1],
  ["km", "km", 1],
  ["万美元", "USD", 10_000],
  ["美元", "USD", 1],
  ["usd", "USD", 1],
  ["分", "score", 1],
  ["星", "score", 1],
  ["次", "count", 1],
  ["张", "count", 1],
  ["单", "count", 1],
  ["个", "count", 1],
  ["条", "count", 1],
  ["笔", "count", 1],
  ["起", "count", 1],
  ["件", "count", 1],
  ["台", "count", 1],
  ["辆", "count", 1],
  ["人", "count", 1],
  ["名", "count", 1],
];

/** The unit written at the start of `text` (after a number), or null. */
export function readUnit(text: string): ZhUnit | null {
  const lower = text.toLowerCase().trimStart();
  for (const [written, unit, factor] of UNITS) {
    if (lower.startsWith(written))
      return { text: text.slice(0, text.length - lower.length + written.length), unit, factor };
  }
  return null;
}
