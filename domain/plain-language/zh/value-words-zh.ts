/**
 * Chinese words for the categorical values of the packs' lookup tables (KYC 状态变为过期 → EXPIRED,
 * 洗钱风险等级升为高 → HIGH). A word only ever reads as a value the concept's table has, spelled as the
 * table spells it (the corpus convention for "a categorical value becoming something").
 */

const WORDS: readonly (readonly [string, string])[] = [
  ["正面", "POSITIVE"],
  ["积极", "POSITIVE"],
  ["中性", "NEUTRAL"],
  ["负面", "NEGATIVE"],
  ["消极", "NEGATIVE"],
  ["差评", "bad"],
  ["不满意", "bad"],
  ["好评", "good"],
  ["满意", "good"],
  ["已验证", "VERIFIED"],
  ["已核验", "VERIFIED"],
  ["已通过", "VERIFIED"],
  ["通过", "VERIFIED"],
  ["待审核", "PENDING_REVIEW"],
  ["待复核", "PENDING_REVIEW"],
  ["审核中", "PENDING_REVIEW"],
  ["已过期", "EXPIRED"],
  ["过期", "EXPIRED"],
  ["失效", "EXPIRED"],
  ["已拒绝", "REJECTED"],
  ["被拒绝", "REJECTED"],
  ["拒绝", "REJECTED"],
  ["低风险", "LOW"],
  ["中风险", "MEDIUM"],
  ["中等", "MEDIUM"],
  ["高风险", "HIGH"],
  ["高", "HIGH"],
  ["中", "MEDIUM"],
  ["低", "LOW"],
  ["简化尽调", "SDD"],
  ["标准尽调", "CDD"],
  ["强化尽调", "EDD"],
  ["简化", "SDD"],
  ["标准", "CDD"],
  ["强化", "EDD"],
  ["准时", "ON_TIME"],
  ["提前", "EARLY"],
  ["部分交付", "PARTIAL"],
  ["部分", "PARTIAL"],
  ["延迟", "LATE"],
  ["延期", "LATE"],
  ["迟交", "LATE"],
  ["逾期未付", "past_due"],
  ["逾期", "past_due"],
  ["欠费", "past_due"],
  ["已取消", "canceled"],
  ["取消", "canceled"],
  ["暂停", "paused"],
  ["未付款", "unpaid"],
  ["试用", "trialing"],
  ["试用中", "trialing"],
];

const VERB =
  /^(?:变为|变成|转为|转成|升为|升至|升到|上调为|上调到|降为|降到|降至|下调为|被评为|被标为|被设为|改为|成为|调整为|调整到|调为|更新为|修改为|设为|定为|为|是|出现)$/u;

/**
 * The categorical value a Chinese word after the concept names, among `values` (the concept's lookup
 * table), with the word's span in `text`; `from` is where to start looking. Null when none is said.
 */
export function chineseValueAfter(
  text: string,
  from: number,
  values: readonly string[],
): { value: string; start: number; end: number } | null {
  const window = text.slice(from, from + 12);
  let best: { value: string; start: number; end: number } | null = null;
  // "从中风险升为高风险": the value after the verb of becoming is the new one, not the one it came from.
  let become: { value: string; start: number; end: number } | null = null;
  for (const [word, value] of WORDS) {
    const actual = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!actual) continue;
    const at = window.indexOf(word);
    if (at < 0) continue;
    // One-character words (高, 中, 低) only right after a verb of becoming.
    if (
      word.length === 1 &&
      !VERB.test(window.slice(Math.max(0, at - 3), at).replace(/^.*?(?=变|转|升|上|降|下|被|改|成|为|是|出)/u, ""))
    ) {
      continue;
    }
    const candidate = { value: actual, start: from + at, end: from + at + word.length };
    if (!best || candidate.start < best.start || (candidate.start === best.start && candidate.end > best.end)) {
      best = candidate;
    }
    if (BECOME_BEFORE.test(window.slice(0, at)) && (!become || candidate.start > become.start)) become = candidate;
  }
  return become && best && /[从由]/u.test(text.slice(from, best.start)) ? become : best;
}

/** A verb of becoming right before a value (升为, 变成, 调整为 …). */
const BECOME_BEFORE =
  /(?:变为|变成|转为|转成|升为|升至|升到|上调为|上调到|降为|降到|降至|下调为|改为|成为|调整为|调为|更新为)$/u;

/**
 * The categorical value a Chinese word right before the concept names ("3次负面通话情绪" → NEGATIVE), among
 * `values`, with its span; `to` is where the concept starts. Words of two characters or more only, joined
 * to the concept directly or with 的.
 */
export function chineseValueBefore(
  text: string,
  to: number,
  values: readonly string[],
): { value: string; start: number; end: number } | null {
  const head = text.slice(Math.max(0, to - 8), to).replace(/的$/u, "");
  const offset = Math.max(0, to - 8);
  let best: { value: string; start: number; end: number } | null = null;
  for (const [word, value] of WORDS) {
    if (word.length < 2 || !head.endsWith(word)) continue;
    const actual = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!actual) continue;
    const start = offset + head.length - word.length;
    if (!best || start < best.start) best = { value: actual, start, end: start + word.length };
  }
  return best;
}

/** A categorical value word found in a text (two characters or more), with the value it names. */
export interface ValueMention {
  word: string;
  value: string;
  start: number;
  end: number;
}

/**
 * Every value word of two characters or more in `text` (延迟, 部分交付, 已过期 …), the longest at each place,
 * left to right: for finding the concept a state is of when its name is not a label ("交付状态为延迟").
 */
export function valueWordsIn(text: string): ValueMention[] {
  const found: ValueMention[] = [];
  for (const [word, value] of WORDS) {
    if (word.length < 2) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      found.push({ word, value, start: at, end: at + word.length });
    }
  }
  return found
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((m, i, list) => !list.slice(0, i).some((o) => o.start <= m.start && m.end <= o.end));
}
