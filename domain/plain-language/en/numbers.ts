/**
 * Numbers, counts and durations in English sentences (issue 12): "three", "1,000", "twice", "a week",
 * "two weeks", "a fortnight", "24 hours", "tomorrow", "the same day". Reads tokens (see ../tokens.ts).
 */
import { Token } from "../tokens";

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  no: 0,
  one: 1,
  a: 1,
  an: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
  couple: 2,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** A number read from tokens `[from, to)`. */
export interface NumberRead {
  value: number;
  from: number;
  to: number;
}

/**
 * The number starting at token `i`: digits ("3", "1,000", "2.5", "10k"), words ("three", "twenty-one",
 * "a hundred", "half"), or null. "a"/"an" count as 1 only when `articleIsOne`.
 */
export function readNumber(tokens: readonly Token[], i: number, articleIsOne = false): NumberRead | null {
  const token = tokens[i];
  if (token === undefined) return null;
  const text = token.text;
  const digits = /^(\d+(?:\.\d+)?)(k|m)?$/.exec(text);
  if (digits) {
    const base = Number(digits[1]);
    const factor = digits[2] === "k" ? 1000 : digits[2] === "m" ? 1_000_000 : 1;
    let to = i + 1;
    let value = base * factor;
    const next = tokens[to]?.text;
    if (next === "thousand") {
      value *= 1000;
      to += 1;
    } else if (next === "hundred") {
      value *= 100;
      to += 1;
    }
    return { value, from: i, to };
  }
  if ((text === "a" || text === "an") && !articleIsOne) {
    const next = tokens[i + 1]?.text;
    if (next === "hundred" || next === "thousand" || next === "dozen" || next === "couple") {
      const inner = readNumber(tokens, i + 1);
      return inner === null ? null : { value: inner.value, from: i, to: inner.to };
    }
    return null;
  }
  // "half a dozen" is 6; "half" alone a half.
  if (text === "half" && ["a", "an"].includes(tokens[i + 1]?.text ?? "") && tokens[i + 2]?.text === "dozen")
    return { value: 6, from: i, to: i + 3 };
  if (text === "half") return { value: 0.5, from: i, to: i + 1 };
  // "a few" is no number; "several" neither: the grammar names them rather than guess.
  let value: number | null = null;
  let to = i;
  if (TENS[text] !== undefined) {
    value = TENS[text] as number;
    to = i + 1;
    const unit = tokens[to]?.text;
    if (unit !== undefined && UNITS[unit] !== undefined && UNITS[unit]! > 0 && UNITS[unit]! < 10 && unit !== "a") {
      value += UNITS[unit] as number;
      to += 1;
    }
  } else if (UNITS[text] !== undefined) {
    value = UNITS[text] as number;
    to = i + 1;
    if (text === "couple" && tokens[to]?.text === "of") to += 1;
  }
  if (value === null) return null;
  const scale = tokens[to]?.text;
  if (scale === "hundred") {
    value *= 100;
    to += 1;
  } else if (scale === "thousand") {
    value *= 1000;
    to += 1;
  }
  return { value, from: i, to };
}

const FRACTIONS: Readonly<Record<string, number>> = {
  half: 1 / 2,
  halves: 1 / 2,
  third: 1 / 3,
  thirds: 1 / 3,
  quarter: 1 / 4,
  quarters: 1 / 4,
  fourth: 1 / 4,
  fourths: 1 / 4,
  fifth: 1 / 5,
  fifths: 1 / 5,
  tenth: 1 / 10,
  tenths: 1 / 10,
};

/**
 * A fraction of a unit starting at token i, the article before the unit included: "half a (point)",
 * "a quarter of a (day)", "one third of a (percentage point)", "three quarters of an (hour)", "a half (point)".
 * Null when none starts there. The caller reads the unit after `to`.
 */
export function readFraction(tokens: readonly Token[], i: number): NumberRead | null {
  const w = (k: number) => tokens[k]?.text ?? "";
  let k = i;
  let times = 1;
  if (["a", "an", "one"].includes(w(k)) && FRACTIONS[w(k + 1)] !== undefined) k += 1;
  else {
    const n = readNumber(tokens, k);
    if (n !== null && n.value >= 1 && Number.isInteger(n.value) && FRACTIONS[w(n.to)] !== undefined) {
      times = n.value;
      k = n.to;
    }
  }
  const part = FRACTIONS[w(k)];
  if (part === undefined) return null;
  k += 1;
  // "half a point", "a quarter of a day", "a half point": the article (and "of") before the unit.
  if (w(k) === "of") k += 1;
  if (["a", "an"].includes(w(k))) k += 1;
  else if (w(k - 1) !== "half" && w(k - 1) !== "of") return null;
  // "half a dozen" is a count, read by readNumber.
  if (w(k) === "dozen") return null;
  return { value: part * times, from: i, to: k };
}

/** Days in one of a period word: day 1, week 7, fortnight 14, month 30, quarter 90, year 365. */
export const PERIOD_DAYS: Readonly<Record<string, number>> = {
  day: 1,
  days: 1,
  week: 7,
  weeks: 7,
  fortnight: 14,
  fortnights: 14,
  month: 30,
  months: 30,
  quarter: 90,
  quarters: 90,
  year: 365,
  years: 365,
  business: 1,
};

/** Hours and smaller, as fractions of a day. */
const SMALL_PERIODS: Readonly<Record<string, number>> = {
  hour: 1 / 24,
  hours: 1 / 24,
  hr: 1 / 24,
  hrs: 1 / 24,
  h: 1 / 24,
};

/** A duration read from tokens `[from, to)`, in days (may be fractional for hours). */
export interface DurationRead {
  days: number;
  from: number;
  to: number;
}

/**
 * A duration starting at token `i`: "a week", "two weeks", "21 days", "a fortnight", "24 hours",
 * "half a day", "one month". Null when none starts there.
 */
export function readDuration(tokens: readonly Token[], i: number): DurationRead | null {
  const t = tokens[i]?.text;
  if (t === undefined) return null;
  if (t === "fortnight" || t === "week" || t === "month" || t === "quarter" || t === "year" || t === "day") {
    return { days: PERIOD_DAYS[t] as number, from: i, to: i + 1 };
  }
  // "a quarter of a day" is a fraction of a day, not a quarter of a year.
  if ((t === "quarter" || t === "quarters") && tokens[i + 1]?.text === "of") return null;
  const fraction = readFraction(tokens, i);
  if (fraction !== null) {
    const inner = readDuration(tokens, fraction.to);
    return inner === null ? null : { days: inner.days * fraction.value, from: i, to: inner.to };
  }
  const number = readNumber(tokens, i, true);
  if (number === null) return null;
  let j = number.to;
  // "10 business days", "3 working days", "5 calendar days"
  // "three consecutive weeks", "5 straight days"
  if (
    ["business", "working", "calendar", "full", "consecutive", "successive", "straight", "continuous"].includes(
      tokens[j]?.text ?? "",
    )
  )
    j += 1;
  const unit = tokens[j]?.text ?? "";
  if (PERIOD_DAYS[unit] !== undefined && unit !== "business") {
    return { days: number.value * (PERIOD_DAYS[unit] as number), from: i, to: j + 1 };
  }
  if (SMALL_PERIODS[unit] !== undefined) {
    return { days: number.value * (SMALL_PERIODS[unit] as number), from: i, to: j + 1 };
  }
  if (unit === "minute" || unit === "minutes" || unit === "mins") {
    return { days: number.value / 1440, from: i, to: j + 1 };
  }
  return null;
}

/** Whole days for a deadline or window: hours round up to days ("24 hours" → 1, "36 hours" → 2). */
export function wholeDays(days: number): number {
  return Math.max(0, Math.ceil(days - 1e-9));
}

/** Ordinal words and their numbers ("the third time"). */
const ORDINALS: Readonly<Record<string, number>> = {
  ...{ second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 },
  ...{ "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10 },
};

/** The number of an ordinal word at token i ("third", "3rd"), or null. */
export function readOrdinal(tokens: readonly Token[], i: number): number | null {
  const w = tokens[i]?.text;
  return w === undefined ? null : (ORDINALS[w] ?? null);
}
