import { HeavyOperationSlots, Schedule } from "../../../../app/limits/heavy-operation-slots";
import { RateLimitError } from "../../../../app/limits/rate-limit.errors";

/** A schedule the test fires by hand: no real timers. */
function manualSchedule() {
  const pending: Array<{ run: () => void; cancelled: boolean }> = [];
  const schedule: Schedule = (_ms, run) => {
    const entry = { run, cancelled: false };
    pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const fireAll = () => {
    for (const entry of pending.splice(0)) if (!entry.cancelled) entry.run();
  };
  return { schedule, fireAll, pending };
}

async function settled<T>(promise: Promise<T>): Promise<"pending" | "resolved" | "rejected"> {
  const marker = Symbol("pending");
  const outcome = await Promise.race([
    promise.then(
      () => "resolved" as const,
      () => "rejected" as const,
    ),
    new Promise<typeof marker>((resolve) => setImmediate(() => resolve(marker))),
  ]);
  return outcome === marker ? "pending" : outcome;
}

describe("HeavyOperationSlots", () => {
  describe("within the cap", () => {
    it("gives each tenant its own slots", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 0 });
      await slots.acquire("acme", "ingestSignals");
      await expect(slots.acquire("globex", "ingestSignals")).resolves.toEqual(expect.any(Function));
      expect(slots.active("acme")).toBe(1);
      expect(slots.active("globex")).toBe(1);
    });

    it("frees the slot on release, and a second release changes nothing", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 2, waitMs: 0 });
      const release = await slots.acquire("acme", "recomputeHealth");
      await slots.acquire("acme", "recomputeHealth");
      release();
      release();
      expect(slots.active("acme")).toBe(1);
    });
  });

  describe("over the cap", () => {
    it("refuses at once with HEAVY_OPERATION_LIMIT when waiting is off", async () => {
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 0 });
      await slots.acquire("acme", "ingestSignals");
      const error = await slots.acquire("acme", "upsertAccounts").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).reason).toBe("HEAVY_OPERATION_LIMIT");
      expect((error as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
      expect((error as RateLimitError).message).toMatch(/^upsertAccounts refused: tenant "acme" already runs 1/);
    });

    it("hands a freed slot to the first in line", async () => {
      const { schedule } = manualSchedule();
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 60_000 }, schedule);
      const first = await slots.acquire("acme", "a");
      const second = slots.acquire("acme", "b");
      const third = slots.acquire("acme", "c");
      expect(slots.waiting("acme")).toBe(2);
      expect(await settled(second)).toBe("pending");
      first();
      expect(await settled(second)).toBe("resolved");
      expect(await settled(third)).toBe("pending");
      expect(slots.active("acme")).toBe(1);
      (await second)();
      expect(await settled(third)).toBe("resolved");
      (await third)();
      expect(slots.active("acme")).toBe(0);
      expect(slots.waiting("acme")).toBe(0);
    });

    it("refuses a waiting operation when its wait runs out, and keeps the line in order", async () => {
      const { schedule, fireAll } = manualSchedule();
      const slots = new HeavyOperationSlots({ perTenant: 1, waitMs: 5_000 }, schedule);
      const first = await slots.acquire("acme", "a");
      const waiting = slots.acquire("acme", "calibrateHealthModel");
      fireAll();
      const error = await waiting.catch((e: unknown) => e);
      expect((error as RateLimitError).reason).toBe("HEAVY_OPERATION_LIMIT");
      expect((error as RateLimitError).message).toContain("waited 5000 ms");
      expect(slots.waiting("acme")).toBe(0);
      first();
      expect(slots.active("acme")).toBe(0);
    });

    it("rejects a cap below 1", () => {
      expect(() => new HeavyOperationSlots({ perTenant: 0, waitMs: 0 })).toThrow(/≥ 1/);
    });
  });
});
