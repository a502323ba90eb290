import { deriveSeed, SeededRandom } from "../../../demo/seeded-random";

const draw = (rng: SeededRandom, count: number): number[] => Array.from({ length: count }, () => rng.next());

describe("SeededRandom", () => {
  it("repeats the same sequence for the same seed", () => {
    expect(draw(new SeededRandom(42), 50)).toEqual(draw(new SeededRandom(42), 50));
  });

  it("produces a different sequence for a different seed", () => {
    expect(draw(new SeededRandom(42), 50)).not.toEqual(draw(new SeededRandom(43), 50));
  });

  it("draws floats in [0, 1)", () => {
    const outside = draw(new SeededRandom(7), 10_000).filter((value) => value < 0 || value >= 1);
    expect(outside).toEqual([]);
  });

  it("draws integers within both inclusive bounds and reaches each of them", () => {
    const rng = new SeededRandom(1);
    const seen = new Set<number>();
    for (let index = 0; index < 2_000; index += 1) {
      seen.add(rng.int(3, 7));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("rejects an empty range, an empty pick and all-zero weights with a clear message", () => {
    const rng = new SeededRandom(1);
    expect(() => rng.int(5, 4)).toThrow(/min <= max/);
    expect(() => rng.pick([])).toThrow(/non-empty/);
    expect(() => rng.weighted([["a", 0]])).toThrow(/positive weight/);
  });

  it("never picks an entry of zero weight and follows the weights", () => {
    const rng = new SeededRandom(3);
    const counts = { a: 0, b: 0, never: 0 };
    for (let index = 0; index < 10_000; index += 1) {
      counts[
        rng.weighted<keyof typeof counts>([
          ["a", 3],
          ["never", 0],
          ["b", 1],
        ])
      ] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it("draws roughly normal values with the requested mean and spread", () => {
    const rng = new SeededRandom(11);
    const values = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeGreaterThan(1.9);
    expect(Math.sqrt(variance)).toBeLessThan(2.1);
  });

  it("samples distinct indices, even from a huge range", () => {
    const rng = new SeededRandom(5);
    const sample = rng.sampleIndices(1_000_000_000, 50);
    expect(new Set(sample).size).toBe(50);
    expect(rng.sampleIndices(4, 10).sort()).toEqual([0, 1, 2, 3]);
  });
});

describe("deriveSeed", () => {
  it("is a pure function of its parts", () => {
    expect(deriveSeed(42, 3, 512)).toBe(deriveSeed(42, 3, 512));
  });

  it("depends on the order of the parts", () => {
    expect(deriveSeed(42, 3, 512)).not.toBe(deriveSeed(42, 512, 3));
  });

  it("tells apart seeds that differ only above 32 bits", () => {
    expect(deriveSeed(1)).not.toBe(deriveSeed(1 + 2 ** 32));
    expect(deriveSeed(-1)).not.toBe(deriveSeed(2 ** 32 - 1));
  });

  it("gives neighbouring accounts unrelated streams", () => {
    const firstDraws = Array.from({ length: 1_000 }, (_, index) => new SeededRandom(deriveSeed(9, 1, index)).next());
    expect(new Set(firstDraws.map((value) => Math.floor(value * 10))).size).toBe(10);
  });
});
