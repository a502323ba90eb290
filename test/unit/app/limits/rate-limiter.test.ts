import { RateLimitError } from "../../../../app/limits/rate-limit.errors";
import { RateLimiter, RateLimitSettings } from "../../../../app/limits/rate-limiter";

const SETTINGS: RateLimitSettings = {
  enabled: true,
  tenant: { burst: 3, perSecond: 0.001 },
  token: { burst: 2, perSecond: 0.001 },
};

/** A limiter on a clock the test moves by hand. */
function limiter(settings: RateLimitSettings = SETTINGS) {
  const clock = { now: 0 };
  return { clock, limiter: new RateLimiter(settings, () => clock.now) };
}

function refusal(run: () => void): RateLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof RateLimitError) return error;
    throw error;
  }
  throw new Error("expected a RateLimitError");
}

describe("RateLimiter", () => {
  describe("admitted requests", () => {
    it("lets each token make its burst", () => {
      const { limiter: l } = limiter();
      expect(() => l.admit("acme", "t1")).not.toThrow();
      expect(() => l.admit("acme", "Bearer t1")).not.toThrow();
    });

    it("keeps tenants apart: one tenant's exhausted bucket does not touch another's", () => {
      const { limiter: l } = limiter();
      l.admit("acme", "a1");
      l.admit("acme", "a1");
      l.admit("acme", "a2");
      expect(refusal(() => l.admit("acme", "a3")).reason).toBe("TENANT_RATE_LIMIT");
      expect(() => l.admit("globex", "g1")).not.toThrow();
      expect(() => l.admit("globex", "g1")).not.toThrow();
      expect(() => l.admit("globex", "g2")).not.toThrow();
    });

    it("admits everything when turned off", () => {
      const { limiter: l } = limiter({ ...SETTINGS, enabled: false });
      for (let i = 0; i < 50; i += 1) l.admit("acme", "t1");
      expect(l.size).toBe(0);
    });

    it("admits again once the bucket has refilled", () => {
      const { clock, limiter: l } = limiter({ ...SETTINGS, token: { burst: 1, perSecond: 1 } });
      l.admit("acme", "t1");
      expect(() => l.admit("acme", "t1")).toThrow(RateLimitError);
      clock.now = 1_000;
      expect(() => l.admit("acme", "t1")).not.toThrow();
    });
  });

  describe("refused requests", () => {
    it("refuses a token over its burst with TOKEN_RATE_LIMIT and the seconds to wait", () => {
      const { limiter: l } = limiter();
      l.admit("acme", "t1");
      l.admit("acme", "t1");
      const error = refusal(() => l.admit("acme", "Bearer t1"));
      expect(error.code).toBe("RATE_LIMITED");
      expect(error.reason).toBe("TOKEN_RATE_LIMIT");
      expect(error.retryAfterSeconds).toBe(1000);
      expect(error.message).toMatch(/2 requests at once, then 0.001 per second/);
    });

    it("refuses the tenant's next token once all its tokens used the tenant's burst", () => {
      const { limiter: l } = limiter();
      l.admit("acme", "t1");
      l.admit("acme", "t2");
      l.admit("acme", "t3");
      const error = refusal(() => l.admit("acme", "t4"));
      expect(error.reason).toBe("TENANT_RATE_LIMIT");
      expect(error.message).toContain('tenant "acme"');
      expect(error.message).toContain("RELATA_RATE_TENANT_BURST");
    });

    it("takes nothing from the tenant when the token is refused", () => {
      const { limiter: l } = limiter();
      l.admit("acme", "t1");
      l.admit("acme", "t1");
      for (let i = 0; i < 5; i += 1) expect(refusal(() => l.admit("acme", "t1")).reason).toBe("TOKEN_RATE_LIMIT");
      // The tenant has used 2 of 3: one more request with another token passes.
      expect(() => l.admit("acme", "t2")).not.toThrow();
      expect(refusal(() => l.admit("acme", "t3")).reason).toBe("TENANT_RATE_LIMIT");
    });
  });

  describe("memory", () => {
    it("forgets buckets that have refilled completely", () => {
      const { clock, limiter: l } = limiter({
        enabled: true,
        tenant: { burst: 5_000, perSecond: 1_000 },
        token: { burst: 5, perSecond: 1 },
      });
      for (let i = 0; i < 999; i += 1) l.admit("acme", `token-${i}`);
      expect(l.size).toBe(1_000);
      clock.now = 60_000;
      l.admit("acme", "token-last"); // the 1,000th request sweeps
      // Left: the buckets this last request just drew from (its token's and the tenant's).
      expect(l.size).toBe(2);
    });
  });
});
