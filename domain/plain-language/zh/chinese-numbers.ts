/**
 * Chinese numerals as business people write them in rules: Arabic digits (half- or full-width, with
 * decimals and thousands separators), Chinese numerals (一二两三…十百千万, 零/〇, 点 for decimals, 半 for
 * one half) and percentages (百分之九十六, 96%, 96％). Pure functions, no vocabulary.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

const CN_CHARS = "零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿";

/** A Chinese numeral, e.g. 两, 十四, 一百二十, 三点五, 百分之九十六's 九十六. */
export const CHINESE_NUMERAL_SOURCE = `[${CN_CHARS}]+(?:点[${CN_CHARS}]+)?`;
/** An Arabic number, e.g. 3, 0.2, 1,200, 96. */
export const ARABIC_NUMBER_SOURCE = String.raw`\d+(?:,\d{3})*(?:\.\d+)?|\.\d+`;
/** Either kind of number (Arabic first, so "3" never reads as a Chinese numeral). */
export const NUMBER_SOURCE = `(?:${ARABIC_NUMBER_SOURCE}|${CHINESE_NUMERAL_SOURCE})`;

/** Full-width digits, letters, %, . and spaces to their ASCII forms, so one set of patterns reads both. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/gu, " ");
}

/** The value of an integer written in Chinese numerals (十四 = 14, 二十 = 20, 一百零五 = 105, 3万 = no). */
function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  // Digit-by-digit form ("二〇二六", "一五"): only digits, more than one.
  if (text.length > 1 && [...text].every((ch) => ch in DIGITS)) {
    return Number([...text].map((ch) => String(DIGITS[ch])).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] ?? 0;
    } else if (ch in SMALL_UNITS) {
      // "十" alone at the start means one ten.
      section += (digit ?? 1) * (SMALL_UNITS[ch] ?? 1);
      digit = null;
    } else if (ch in BIG_UNITS) {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * (BIG_UNITS[ch] ?? 1);
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * The value of a number written in digits or Chinese numerals: "3", "0.2", "1,200", "十四", "两", "三点五",
 * "半" (0.5). Null when it is not a number.
 */
export function parseNumber(raw: string): number | null {
  const text = toHalfWidth(raw).trim();
  if (text.length === 0) return null;
  if (text === "半") return 0.5;
  if (/^(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)$/u.test(text)) return Number(text.replace(/,/gu, ""));
  // Mixed forms such as "3万" or "1.5万".
  const mixed = /^(\d+(?:\.\d+)?)([万亿千百])$/u.exec(text);
  if (mixed) {
    const unit = { 万: 10_000, 亿: 100_000_000, 千: 1000, 百: 100 }[mixed[2] as "万" | "亿" | "千" | "百"];
    return Number(mixed[1]) * unit;
  }
  const point = text.indexOf("点");
  if (point > 0) {
    const whole = parseChineseInteger(text.slice(0, point));
    const fraction = [...text.slice(point + 1)].map((ch) => DIGITS[ch]);
    if (whole === null || fraction.length === 0 || fraction.some((d) => d === undefined)) return null;
    return Number(`${whole}.${fraction.join("")}`);
  }
  return parseChineseInteger(text);
}

/** A number found in a text, with where it is. */
export interface FoundNumber {
  value: number;
  /** The number as written, including 百分之 or % when it is a percentage. */
  text: string;
  start: number;
  end: number;
  percent: boolean;
}

const PERCENT_BEFORE = new RegExp(`百分之(${NUMBER_SOURCE})|百分百`, "u");
/** Per mille: 千分之五 = 0.5 %, 5‰. */
const PER_MILLE = new RegExp(`千分之(${NUMBER_SOURCE})|(${ARABIC_NUMBER_SOURCE})\\s*‰`, "u");
/** Tenths said with 成: 八成 = 80 %, 九成五 = 95 %, 八成半 = 85 %, 8成 = 80 % (not the 成 of 完成, 变成). */
const TENTHS =
  /(?<![零〇一二两三四五六七八九十百千万\d.])([一二两三四五六七八九十]|\d{1,2})成([一二三四五六七八九]|半)?(?![为了功本员果交])/u;
const PLAIN = new RegExp(`(${NUMBER_SOURCE})(\\s*[%％])?`, "u");

/** The first number in `text` (a percentage when written 百分之N or N%), or null. */
export function findNumber(text: string, from = 0): FoundNumber | null {
  // Half-width forms have the same length, so offsets stay those of `text`.
  const rest = toHalfWidth(text.slice(from));
  const pct = PERCENT_BEFORE.exec(rest);
  const plain = PLAIN.exec(rest);
  const candidates: FoundNumber[] = [];
  const tenths = TENTHS.exec(rest);
  if (tenths) {
    const whole = parseNumber(tenths[1] ?? "");
    const part = tenths[2] === undefined ? 0 : tenths[2] === "半" ? 5 : (parseNumber(tenths[2]) ?? 0);
    if (whole !== null && whole <= 10) {
      candidates.push({
        value: whole * 10 + part,
        text: tenths[0],
        start: from + tenths.index,
        end: from + tenths.index + tenths[0].length,
        percent: true,
      });
    }
  }
  if (pct) {
    // 百分百 is 100 %.
    const value = pct[1] === undefined ? 100 : parseNumber(pct[1]);
    if (value !== null) {
      candidates.push({
        value,
        text: pct[0],
        start: from + pct.index,
        end: from + pct.index + pct[0].length,
        percent: true,
      });
    }
  }
  const mille = PER_MILLE.exec(rest);
  if (mille) {
    const value = parseNumber(mille[1] ?? mille[2] ?? "");
    if (value !== null) {
      candidates.push({
        value: value / 10,
        text: mille[0],
        start: from + mille.index,
        end: from + mille.index + mille[0].length,
        percent: true,
      });
    }
  }
  if (plain) {
    const value = parseNumber(plain[1] ?? "");
    if (value !== null) {
      candidates.push({
        value,
        text: plain[0],
        start: from + plain.index,
        end: from + plain.index + plain[0].length,
        percent: plain[2] !== undefined,
      });
    }
  }
  // At one position the longest reading wins (八成 over 八).
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  return candidates[0] ?? null;
}
