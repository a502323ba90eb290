/**
 * A small seeded pseudo-random number generator for the demo data generator.
 *
 * Why not `Math.random()`: the demo data set must be byte-identical for the same seed on every run and
 * every machine, and each account must get its own independent stream (see {@link deriveSeed}) so the
 * records of account 512 never depend on how many random numbers were drawn for accounts 0..511.
 *
 * The core is mulberry32 (32-bit state, good statistical quality for simulation, not cryptographic).
 * Everything is built from integer ops (`Math.imul`, shifts) and plain float arithmetic, so results do
 * not depend on platform-specific transcendental functions.
 */

const UINT32_RANGE = 4294967296;

/** Finalisation step of MurmurHash3: spreads every input bit over the whole 32-bit output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Combines integers (a seed, a stream id, an account index, ...) into one well-mixed 32-bit seed.
 *
 * Each part is hashed in order, so `deriveSeed(s, 3, 512)` and `deriveSeed(s, 512, 3)` differ. Parts
 * beyond 32 bits contribute both their low and high words, so large or negative safe integers are
 * accepted.
 */
export function deriveSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const low = part >>> 0;
    const high = Math.floor(part / UINT32_RANGE) >>> 0;
    h = fmix32(Math.imul(h ^ low, 0x9e3779b1) + 0x7f4a7c15);
    h = fmix32(Math.imul(h ^ high, 0x85ebca77) + 0x165667b1);
  }
  return h;
}

/** An item with a relative weight, for {@link SeededRandom.weighted}. */
export type Weighted<T> = readonly [item: T, weight: number];

/**
 * A deterministic random stream with the helpers the demo generator needs.
 *
 * @example
 * const rng = new SeededRandom(deriveSeed(seed, STREAM_CONTACTS, accountIndex));
 * const contacts = rng.int(6, 9);
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / UINT32_RANGE;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) {
      throw new RangeError(`int(min, max) expects min <= max, received min=${min}, max=${max}`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `probability` (clamped to [0, 1]). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new RangeError("pick() expects a non-empty array; received an empty one");
    }
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * One item, chosen with probability proportional to its weight. Weights must be non-negative and at
   * least one must be positive.
   */
  weighted<T>(entries: readonly Weighted<T>[]): T {
    let total = 0;
    for (const [, weight] of entries) {
      total += Math.max(0, weight);
    }
    if (!(total > 0)) {
      throw new RangeError("weighted() expects at least one entry with a positive weight");
    }
    let threshold = this.next() * total;
    for (const [item, weight] of entries) {
      threshold -= Math.max(0, weight);
      if (threshold < 0) {
        return item;
      }
    }
    // Floating-point rounding can leave a sliver above the last positive entry.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const entry = entries[index] as Weighted<T>;
      if (entry[1] > 0) {
        return entry[0];
      }
    }
    throw new RangeError("weighted() found no entry with a positive weight");
  }

  /**
   * A roughly normal value: the Irwin–Hall sum of six uniforms, rescaled. Its tails stop at about
   * ±4.2 standard deviations, which suits demo data better than a true normal (no absurd outliers).
   */
  normal(mean: number, standardDeviation: number): number {
    let sum = 0;
    for (let draw = 0; draw < 6; draw += 1) {
      sum += this.next();
    }
    // Six uniforms have mean 3 and variance 0.5; 1 / sqrt(0.5) = sqrt(2).
    return mean + (sum - 3) * Math.SQRT2 * standardDeviation;
  }

  /** A value spread evenly on a log scale between `min` and `max` (both positive). */
  logUniform(min: number, max: number): number {
    return min * Math.pow(max / min, this.next());
  }

  /** `count` distinct indices from [0, size), in the order drawn. */
  sampleIndices(size: number, count: number): number[] {
    const wanted = Math.min(size, Math.max(0, count));
    // A partial Fisher–Yates over a sparse map: O(count) time and memory even when size is huge.
    const swapped = new Map<number, number>();
    const result: number[] = [];
    for (let position = 0; position < wanted; position += 1) {
      const target = this.int(position, size - 1);
      const atTarget = swapped.get(target) ?? target;
      const atPosition = swapped.get(position) ?? position;
      swapped.set(target, atPosition);
      result.push(atTarget);
    }
    return result;
  }
}
