import { TokenBucket } from "../../../../app/limits/token-bucket";

describe("TokenBucket", () => {
  describe("within its rate", () => {
    it("lets a full burst pass at once", () => {
      const bucket = new TokenBucket({ burst: 3, perSecond: 1 }, 0);
      for (let i = 0; i < 3; i += 1) {
        expect(bucket.canTake(0)).toBe(true);
        bucket.take(0);
      }
    });

    it("refills at its rate, never above its burst", () => {
      const bucket = new TokenBucket({ burst: 2, perSecond: 4 }, 0);
      bucket.take(0);
      bucket.take(0);
      expect(bucket.canTake(100)).toBe(false); // 0.4 of a request back
      expect(bucket.canTake(250)).toBe(true); // 1 back
      expect(bucket.isFull(250)).toBe(false);
      expect(bucket.isFull(10_000)).toBe(true);
      bucket.take(10_000);
      bucket.take(10_000);
      expect(bucket.canTake(10_000)).toBe(false); // the long pause refilled 2, not 39
    });

    it("counts a fresh bucket as full", () => {
      expect(new TokenBucket({ burst: 5, perSecond: 1 }, 42).isFull(42)).toBe(true);
    });
  });

  describe("over its rate", () => {
    it("refuses once the burst is used and says when the next request may pass", () => {
      const bucket = new TokenBucket({ burst: 3, perSecond: 0.001 }, 0);
      for (let i = 0; i < 3; i += 1) bucket.take(0);
      expect(bucket.canTake(0)).toBe(false);
      expect(bucket.secondsUntilNext(0)).toBe(1000);
      expect(bucket.secondsUntilNext(500_000)).toBe(500);
      expect(bucket.secondsUntilNext(1_000_000)).toBe(0);
    });

    it("rounds the wait up to whole seconds and never answers 0 while refusing", () => {
      const bucket = new TokenBucket({ burst: 1, perSecond: 10 }, 0);
      bucket.take(0);
      expect(bucket.canTake(50)).toBe(false);
      expect(bucket.secondsUntilNext(50)).toBe(1);
    });

    it("gains nothing from a clock that steps back", () => {
      const bucket = new TokenBucket({ burst: 1, perSecond: 1 }, 5_000);
      bucket.take(5_000);
      expect(bucket.canTake(1_000)).toBe(false);
      expect(bucket.canTake(5_500)).toBe(false);
      expect(bucket.canTake(6_000)).toBe(true);
    });

    it("rejects a rate that would never let anything pass", () => {
      expect(() => new TokenBucket({ burst: 0, perSecond: 1 }, 0)).toThrow(/burst ≥ 1/);
      expect(() => new TokenBucket({ burst: 1, perSecond: 0 }, 0)).toThrow(/perSecond > 0/);
    });
  });
});
