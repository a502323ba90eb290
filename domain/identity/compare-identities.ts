import damerauLevenshtein from "talisman/metrics/damerau-levenshtein";
import jaroWinkler from "talisman/metrics/jaro-winkler";
import soundex from "talisman/phonetics/soundex";
import {
  BlockingRule,
  BlockingTransform,
  ComparisonLevel,
  ComparisonSpec,
  IdentityField,
  IdentityModelSpec,
} from "./identity-model";
import { NormalisedIdentity } from "./normalise-identity";

/** Level of a pair when either side has no value: it says nothing (weight 0). */
export const NULL_LEVEL = -1;

const LIST_FIELDS = new Set<IdentityField>(["emails", "verifiedEmails", "phones", "verifiedPhones", "deviceIds"]);

/** A field's value on one identity: a string, a list (emails, phones, device ids) or null. */
export function fieldValue(identity: NormalisedIdentity, field: IdentityField): string | string[] | null {
  const value = identity[field];
  if (Array.isArray(value)) return value.length > 0 ? value : null;
  return (value as string | null) ?? null;
}

/** True when the field holds a list of values (any shared value agrees). */
export function isListField(field: IdentityField): boolean {
  return LIST_FIELDS.has(field);
}

const DAY_MS = 86_400_000;

function dayNumber(date: string | null): number {
  if (date === null) return NaN;
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/**
 * One comparison over all records, its values pulled out once: integer codes make exact agreement and the
 * term-frequency lookup one array read; dates become day numbers; lists stay lists.
 */
class ComparisonColumn {
  readonly values: (string | null)[];
  readonly lists: (string[] | null)[] | null;
  readonly swapValues: (string | null)[] | null;
  /** Per level: its kind as a small integer, its parameter(s), the other field's values it reads. */
  private readonly kinds: Uint8Array;
  private readonly params: Float64Array;
  private readonly params2: Float64Array;
  private readonly andValues: ((string | null)[] | null)[];
  private readonly lengths: Int32Array;
  private readonly letterMasks: Int32Array;
  readonly codes: Int32Array;
  /** Share of records (with a value) holding each code. */
  readonly frequency: Float64Array;
  readonly days: Float64Array | null;
  readonly numbers: Float64Array | null;
  /** Year, month and day of dates (NaN when absent), for the day/month swap. */
  readonly dateParts: Int32Array | null;

  constructor(
    readonly spec: ComparisonSpec,
    records: readonly NormalisedIdentity[],
  ) {
    const n = records.length;
    const list = isListField(spec.field);
    this.lists = list ? records.map((r) => fieldValue(r, spec.field) as string[] | null) : null;
    this.values = list
      ? this.lists!.map((l) => (l ? l[0] : null))
      : records.map((r) => fieldValue(r, spec.field) as string | null);
    const swap = spec.levels.find((l): l is Extract<ComparisonLevel, { kind: "swapped" }> => l.kind === "swapped");
    this.swapValues = swap ? records.map((r) => fieldValue(r, swap.with) as string | null) : null;
    this.kinds = Uint8Array.from(spec.levels, (l) => KIND_CODES[l.kind]);
    this.params = Float64Array.from(spec.levels, levelParameter);
    this.params2 = Float64Array.from(spec.levels, (l) => (l.kind === "numericWithin" ? l.relative : 0));
    const others = new Map<IdentityField, (string | null)[]>();
    this.andValues = spec.levels.map((level) => {
      const other = level.kind === "otherField" ? level.field : "andField" in level ? level.andField : undefined;
      if (!other) return null;
      if (!others.has(other)) {
        others.set(
          other,
          records.map((r) => {
            const v = fieldValue(r, other);
            return Array.isArray(v) ? v[0] : v;
          }),
        );
      }
      return others.get(other)!;
    });
    this.lengths = Int32Array.from(this.values, (v) => (v === null ? 0 : v.length));
    this.letterMasks = Int32Array.from(this.values, (v) => (v === null ? 0 : letterMask(v)));
    this.codes = new Int32Array(n);
    const dictionary = new Map<string, number>();
    const counts: number[] = [];
    let nonNull = 0;
    for (let i = 0; i < n; i++) {
      const v = this.values[i];
      if (v === null) {
        this.codes[i] = -1;
        continue;
      }
      let code = dictionary.get(v);
      if (code === undefined) {
        code = dictionary.size;
        dictionary.set(v, code);
        counts.push(0);
      }
      counts[code]++;
      nonNull++;
      this.codes[i] = code;
    }
    this.frequency = Float64Array.from(counts, (c) => c / Math.max(1, nonNull));
    const needsDays = spec.levels.some((l) => l.kind === "withinDays" || l.kind === "dayMonthSwapped");
    this.days = needsDays ? Float64Array.from(this.values, (v) => dayNumber(v)) : null;
    this.dateParts = needsDays ? new Int32Array(n * 3).fill(-1) : null;
    if (this.dateParts) {
      this.values.forEach((v, i) => {
        if (v === null || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
        this.dateParts![i * 3] = Number(v.slice(0, 4));
        this.dateParts![i * 3 + 1] = Number(v.slice(5, 7));
        this.dateParts![i * 3 + 2] = Number(v.slice(8, 10));
      });
    }
    const needsNumbers = spec.levels.some((l) => l.kind === "numericWithin");
    this.numbers = needsNumbers
      ? Float64Array.from(this.values, (v) => {
          const match = v === null ? null : /-?\d+(\.\d+)?/.exec(v);
          return match ? Number(match[0]) : NaN;
        })
      : null;
  }

  /** The index of the first level the pair meets, or `NULL_LEVEL` when either side has no value. */
  level(i: number, j: number): number {
    const a = this.values[i];
    const b = this.values[j];
    if (a === null || b === null) return NULL_LEVEL;
    const kinds = this.kinds;
    const params = this.params;
    // Jaro–Winkler at most once per pair, however many bands the comparison has; skipped outright when an
    // upper bound from the letters the two values share (see `jaroWinklerBound`) is below the band.
    let similarity = -1;
    for (let k = 0; k < kinds.length; k++) {
      switch (kinds[k]) {
        case EXACT: {
          const other = this.andValues[k];
          if (other !== null && !agrees(other, i, j)) break;
          if (this.lists) {
            if (sameList(this.lists[i]!, this.lists[j]!)) return k;
          } else if (this.codes[i] === this.codes[j]) return k;
          break;
        }
        case SWAPPED: {
          const sa = this.swapValues![i];
          const sb = this.swapValues![j];
          if (sa !== null && sb !== null && a === sb && b === sa) return k;
          break;
        }
        case JARO_WINKLER: {
          const other = this.andValues[k];
          if (other !== null && !agrees(other, i, j)) break;
          if (similarity < 0) {
            if (this.jaroWinklerBound(i, j) < params[k]) break;
            similarity = jaroWinkler(a, b);
          }
          if (similarity >= params[k]) return k;
          break;
        }
        case OTHER_FIELD: {
          const other = this.andValues[k]!;
          const x = other[i];
          const y = other[j];
          if (x === null || y === null) break;
          if (x === y) return k;
          if (params[k] > 0 && textBound(x, y) >= params[k] && jaroWinkler(x, y) >= params[k]) return k;
          break;
        }
        case EDIT_DISTANCE: {
          const limit = params[k];
          if (Math.abs(a.length - b.length) > limit) break;
          if (limit === 1 ? withinOneEdit(a, b) : damerauLevenshtein.limited(limit, a, b) <= limit) return k;
          break;
        }
        case DAY_MONTH_SWAPPED: {
          const p = this.dateParts!;
          const x = i * 3;
          const y = j * 3;
          if (p[x] >= 0 && p[x] === p[y] && p[x + 1] === p[y + 2] && p[x + 2] === p[y + 1]) return k;
          break;
        }
        case WITHIN_DAYS:
          if (Math.abs(this.days![i] - this.days![j]) <= params[k]) return k;
          break;
        case NUMERIC_WITHIN: {
          const x = this.numbers![i];
          const y = this.numbers![j];
          if (!Number.isNaN(x) && !Number.isNaN(y)) {
            const limit = Math.max(params[k], this.params2[k] * Math.max(Math.abs(x), Math.abs(y)));
            if (Math.abs(x - y) <= limit) return k;
          }
          break;
        }
        case PREFIX: {
          const length = params[k];
          if (a.length >= length && b.length >= length && a.slice(0, length) === b.slice(0, length)) return k;
          break;
        }
        case ANY_SHARED:
          if (this.lists ? shareAny(this.lists[i]!, this.lists[j]!) : a === b) return k;
          break;
        default:
          return k;
      }
    }
    return kinds.length - 1;
  }

  /**
   * An upper bound of the Jaro–Winkler similarity from letter sets: a letter of one value absent from the
   * other cannot match, so at most |a| − (distinct letters of a not in b) characters match; with that m,
   * Jaro ≤ (m/|a| + m/|b| + 1)/3 and the Winkler prefix adds at most 0.4·(1 − Jaro).
   */
  private jaroWinklerBound(i: number, j: number): number {
    const la = this.lengths[i];
    const lb = this.lengths[j];
    const ma = this.letterMasks[i];
    const mb = this.letterMasks[j];
    const m = Math.min(la - popcount(ma & ~mb), lb - popcount(mb & ~ma));
    if (m <= 0) return 0;
    const jaro = (m / la + m / lb + 1) / 3;
    return jaro + 0.4 * (1 - jaro);
  }
}

const EXACT = 0;
const SWAPPED = 1;
const JARO_WINKLER = 2;
const EDIT_DISTANCE = 3;
const DAY_MONTH_SWAPPED = 4;
const WITHIN_DAYS = 5;
const NUMERIC_WITHIN = 6;
const PREFIX = 7;
const ANY_SHARED = 8;
const OTHER_FIELD = 9;
const ELSE = 10;

const KIND_CODES: Record<ComparisonLevel["kind"], number> = {
  exact: EXACT,
  swapped: SWAPPED,
  jaroWinkler: JARO_WINKLER,
  editDistance: EDIT_DISTANCE,
  dayMonthSwapped: DAY_MONTH_SWAPPED,
  withinDays: WITHIN_DAYS,
  numericWithin: NUMERIC_WITHIN,
  prefix: PREFIX,
  anyShared: ANY_SHARED,
  otherField: OTHER_FIELD,
  else: ELSE,
};

function levelParameter(level: ComparisonLevel): number {
  switch (level.kind) {
    case "jaroWinkler":
      return level.atLeast;
    case "editDistance":
      return level.atMost;
    case "withinDays":
      return level.days;
    case "numericWithin":
      return level.absolute;
    case "prefix":
      return level.length;
    case "otherField":
      return level.atLeast ?? 0;
    default:
      return 0;
  }
}

/** `jaroWinklerBound` for two values without precomputed masks. */
function textBound(a: string, b: string): number {
  const ma = letterMask(a);
  const mb = letterMask(b);
  const m = Math.min(a.length - popcount(ma & ~mb), b.length - popcount(mb & ~ma));
  if (m <= 0) return 0;
  const jaro = (m / a.length + m / b.length + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}

/**
 * Optimal-string-alignment distance ≤ 1 (one insertion, deletion, substitution or adjacent transposition),
 * in one pass: the common case of the edit-distance levels, without the general algorithm's matrix.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let start = 0;
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start === la && start === lb) return true;
  let endA = la - 1;
  let endB = lb - 1;
  while (endA >= start && endB >= start && a.charCodeAt(endA) === b.charCodeAt(endB)) {
    endA--;
    endB--;
  }
  const restA = endA - start + 1;
  const restB = endB - start + 1;
  if (restA <= 1 && restB <= 1) return true;
  return (
    restA === 2 &&
    restB === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}

function agrees(values: readonly (string | null)[], i: number, j: number): boolean {
  const a = values[i];
  return a !== null && a === values[j];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** 32 buckets of characters (a–z, digits folded, the rest by code) present in a value. */
function letterMask(value: string): number {
  let mask = 0;
  for (let k = 0; k < value.length; k++) mask |= 1 << (value.charCodeAt(k) % 32);
  return mask;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

function shareAny(a: readonly string[], b: readonly string[]): boolean {
  for (const v of a) if (b.includes(v)) return true;
  return false;
}

/** The records of one resolution with every comparison column prepared: what scoring and blocking read. */
export class PreparedIdentities {
  readonly columns: ComparisonColumn[];
  /** Per deterministic rule, per field, every record's value(s). */
  private readonly ruleValues: (string | string[] | null)[][][];
  readonly size: number;

  constructor(
    readonly records: readonly NormalisedIdentity[],
    readonly model: IdentityModelSpec,
  ) {
    this.size = records.length;
    this.columns = model.comparisons.map((spec) => new ComparisonColumn(spec, records));
    this.ruleValues = model.deterministicRules.map((rule) =>
      rule.fields.map((field) => records.map((r) => fieldValue(r, field))),
    );
  }

  /** The comparison vector of records i and j into `out` (one level per comparison). */
  levels(i: number, j: number, out: Int8Array, offset = 0): void {
    for (let c = 0; c < this.columns.length; c++) out[offset + c] = this.columns[c].level(i, j);
  }

  /** The comparison vectors of sorted pair keys (`i·n + j`), one row of levels per pair. */
  vectors(pairs: Float64Array, onProgress?: (message: string) => void): Int8Array {
    const width = this.columns.length;
    const out = new Int8Array(pairs.length * width);
    const n = this.size;
    for (let k = 0; k < pairs.length; k++) {
      const i = Math.floor(pairs[k] / n);
      this.levels(i, pairs[k] - i * n, out, k * width);
      if (onProgress && k > 0 && k % 1_000_000 === 0) onProgress(`compared ${k} of ${pairs.length} pairs`);
    }
    return out;
  }

  /**
   * For a comparison whose first level is exact agreement on a single value: the probability that two
   * random records (both with a value) agree exactly, Σ c(c-1) / (N(N-1)) over the values' counts.
   * Exact, where sampling random pairs would see a rare agreement only a handful of times.
   */
  exactAgreementShare(c: number): number | null {
    const column = this.columns[c];
    if (column.lists || column.spec.levels[0]?.kind !== "exact") return null;
    let nonNull = 0;
    for (let i = 0; i < this.size; i++) if (column.codes[i] >= 0) nonNull++;
    if (nonNull < 2) return null;
    let same = 0;
    for (const f of column.frequency) {
      const count = Math.round(f * nonNull);
      same += count * (count - 1);
    }
    return same / (nonNull * (nonNull - 1));
  }

  /** Share of records holding record i's value of comparison c (for term-frequency adjustment). */
  frequency(c: number, i: number): number {
    const code = this.columns[c].codes[i];
    return code < 0 ? 0 : this.columns[c].frequency[code];
  }

  /** The index of the first deterministic rule whose fields all share a value between i and j, or -1. */
  deterministicRule(i: number, j: number): number {
    const rules = this.ruleValues;
    for (let r = 0; r < rules.length; r++) {
      const fields = rules[r];
      if (fields.length === 0) continue;
      let all = true;
      for (const values of fields) {
        const a = values[i];
        const b = values[j];
        if (
          a === null ||
          b === null ||
          !(typeof a === "string"
            ? typeof b === "string"
              ? a === b
              : b.includes(a)
            : typeof b === "string"
              ? a.includes(b)
              : shareAny(a, b))
        ) {
          all = false;
          break;
        }
      }
      if (all) return r;
    }
    return -1;
  }
}

function transformValue(value: string, transform: BlockingTransform): string | null {
  switch (transform.kind) {
    case "exact":
      return value;
    case "prefix":
      return value.length >= transform.length ? value.slice(0, transform.length) : value;
    case "soundex": {
      const word = value.replace(/[^a-z]/g, "");
      return word === "" ? value : soundex(word);
    }
    case "year":
      return /^\d{4}/.test(value) ? value.slice(0, 4) : null;
    case "sortedNames":
      return value.split(" ").sort().join(" ");
  }
}

/** The blocking keys of one identity under one rule (several when a part is a list; none if a part is empty). */
export function blockingKeysOf(identity: NormalisedIdentity, rule: BlockingRule): string[] {
  // Fast path: every part single-valued (the common case), one key, no intermediate lists.
  let key = "";
  let single = true;
  for (const part of rule.parts) {
    const value = fieldValue(identity, part.field);
    if (value === null) return [];
    if (typeof value !== "string") {
      single = false;
      break;
    }
    const v = transformValue(value, part.transform);
    if (v === null || v === "") return [];
    key = key === "" ? v : `${key}\u0001${v}`;
  }
  if (single) return [key];
  let keys = [""];
  for (const part of rule.parts) {
    const value = fieldValue(identity, part.field);
    if (value === null) return [];
    const values = (typeof value === "string" ? [value] : value)
      .map((v) => transformValue(v, part.transform))
      .filter((v): v is string => v !== null && v !== "");
    if (values.length === 0) return [];
    keys = keys.flatMap((k) => values.map((v) => (k === "" ? v : `${k}\u0001${v}`)));
  }
  return [...new Set(keys)];
}

/** Every blocking key of an identity under a model, prefixed by its rule's index: what a store indexes. */
export function modelBlockingKeys(identity: NormalisedIdentity, model: IdentityModelSpec): string[] {
  return model.blockingRules.flatMap((rule, r) => blockingKeysOf(identity, rule).map((k) => `${r}\u0002${k}`));
}

/**
 * Candidate pairs of a set of records: every pair that agrees on all parts of at least one blocking rule,
 * once, sorted (i < j, encoded i·n + j). With `onlyTouching`, only pairs with at least one record from
 * index `onlyTouching` on (new records resolved against existing ones).
 */
export function candidatePairs(
  prepared: PreparedIdentities,
  options: { onlyTouching?: number; acrossChannelsOnly?: boolean } = {},
): {
  pairs: Float64Array;
  /** Per pair, a bit per blocking rule that selected it (rule r → bit r; rules beyond 31 share bit 31). */
  rules: Uint32Array;
  perRule: { rule: string; pairs: number; skippedBlocks: number }[];
} {
  const n = prepared.size;
  const from = options.onlyTouching ?? 0;
  const channels = options.acrossChannelsOnly ? channelCodes(prepared.records) : null;
  let buffer = new Float64Array(1 << 16);
  let length = 0;
  let bit = 0;
  const push = (i: number, j: number): void => {
    if (length === buffer.length) {
      const grown = new Float64Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }
    // The rule rides in the five low bits (×32) so that one sort dedupes and keeps which rules found a pair.
    buffer[length++] = (i < j ? i * n + j : j * n + i) * 32 + bit;
  };
  const perRule: { rule: string; pairs: number; skippedBlocks: number }[] = [];
  for (const [r, rule] of prepared.model.blockingRules.entries()) {
    bit = Math.min(r, 31);
    const blocks = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      for (const key of blockingKeysOf(prepared.records[i], rule)) {
        const block = blocks.get(key);
        if (block) block.push(i);
        else blocks.set(key, [i]);
      }
    }
    let pairs = 0;
    let skippedBlocks = 0;
    for (const block of blocks.values()) {
      if (block.length < 2) continue;
      if (block.length > rule.maxBlockSize) {
        skippedBlocks++;
        continue;
      }
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          if (block[x] < from && block[y] < from) continue;
          if (channels && channels[block[x]] === channels[block[y]]) continue;
          push(block[x], block[y]);
          pairs++;
        }
      }
    }
    perRule.push({ rule: rule.name, pairs, skippedBlocks });
  }
  const sorted = buffer.subarray(0, length).sort();
  const pairs = new Float64Array(length);
  const rules = new Uint32Array(length);
  let unique = -1;
  let previous = -1;
  for (let k = 0; k < sorted.length; k++) {
    const key = Math.floor(sorted[k] / 32);
    const rule = sorted[k] - key * 32;
    if (key !== previous) {
      pairs[++unique] = key;
      previous = key;
    }
    rules[unique] |= 1 << rule;
  }
  return { pairs: pairs.slice(0, unique + 1), rules: rules.slice(0, unique + 1), perRule };
}

/** Each record's channel as a small integer (to compare only across channels when linking sources). */
export function channelCodes(records: readonly NormalisedIdentity[]): Int32Array {
  const codes = new Map<string, number>();
  return Int32Array.from(records, (r) => {
    let code = codes.get(r.channel);
    if (code === undefined) codes.set(r.channel, (code = codes.size));
    return code;
  });
}

/** A small seeded generator (mulberry32): resolution is deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
