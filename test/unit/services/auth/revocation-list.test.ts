import { RevokedTokenId } from "../../../../graph/auth/revoked-token.reader";
import { RevocationList } from "../../../../services/auth/revocation-list";

/** A revocation source whose answers the test controls, one pending read at a time. */
class ScriptedSource {
  stored: RevokedTokenId[] = [];
  reads = 0;
  windows: number[] = [];
  private gate: { promise: Promise<void>; open: () => void } | null = null;
  fail: Error | null = null;

  /** Makes the next reads wait until `release` is called; they answer what is stored when they started. */
  hold(): void {
    let open = () => undefined as void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = { promise, open };
  }

  release(): void {
    this.gate?.open();
    this.gate = null;
  }

  async revokedWithin(windowSeconds: number): Promise<RevokedTokenId[]> {
    this.reads += 1;
    this.windows.push(windowSeconds);
    const answer = [...this.stored];
    if (this.gate) await this.gate.promise;
    if (this.fail) throw this.fail;
    return answer;
  }
}

function list(source: ScriptedSource, errors: unknown[] = []): RevocationList {
  return new RevocationList(source, {
    refreshMs: 60_000,
    windowSeconds: 90_000,
    onRefreshError: (error) => errors.push(error),
  });
}

describe("RevocationList", () => {
  it("knows what the source stored once started, per tenant", async () => {
    const source = new ScriptedSource();
    source.stored = [{ tenant: "a", tokenId: "j1" }];
    const revocations = list(source);
    await revocations.start();
    expect(revocations.isRevoked("a", "j1")).toBe(true);
    expect(revocations.isRevoked("b", "j1")).toBe(false);
    expect(revocations.isRevoked("a", "j2")).toBe(false);
    expect(source.windows).toEqual([90_000]);
    await revocations.stop();
  });

  it("applies a local revocation at once, and keeps it through a refresh that started before it", async () => {
    const source = new ScriptedSource();
    const revocations = list(source);
    await revocations.start();
    source.hold();
    const refreshing = revocations.refresh();
    // The revocation is stored and applied while the read (which did not see it) is in flight.
    source.stored = [{ tenant: "a", tokenId: "late" }];
    revocations.add("a", "late");
    expect(revocations.isRevoked("a", "late")).toBe(true);
    source.release();
    await refreshing;
    expect(revocations.isRevoked("a", "late")).toBe(true);
    await revocations.stop();
  });

  it("joins a refresh that is already running instead of reading twice", async () => {
    const source = new ScriptedSource();
    const revocations = list(source);
    await revocations.start();
    source.hold();
    const first = revocations.refresh();
    const second = revocations.refresh();
    source.release();
    await Promise.all([first, second]);
    expect(source.reads).toBe(2);
    await revocations.stop();
  });

  it("keeps the last list when a refresh fails", async () => {
    const source = new ScriptedSource();
    source.stored = [{ tenant: "a", tokenId: "j1" }];
    const revocations = list(source);
    await revocations.start();
    source.fail = new Error("Neo4j is down");
    await expect(revocations.refresh()).rejects.toThrow("Neo4j is down");
    expect(revocations.isRevoked("a", "j1")).toBe(true);
    await revocations.stop();
  });

  it("drops what the source no longer returns (aged out of the window)", async () => {
    const source = new ScriptedSource();
    source.stored = [{ tenant: "a", tokenId: "old" }];
    const revocations = list(source);
    await revocations.start();
    source.stored = [];
    await revocations.refresh();
    expect(revocations.isRevoked("a", "old")).toBe(false);
    await revocations.stop();
  });

  it("refreshes in the background and reports failures", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate"] });
    try {
      const source = new ScriptedSource();
      const errors: unknown[] = [];
      const revocations = list(source, errors);
      await revocations.start();
      source.stored = [{ tenant: "a", tokenId: "j9" }];
      await jest.advanceTimersByTimeAsync(60_000);
      expect(revocations.isRevoked("a", "j9")).toBe(true);
      source.fail = new Error("down");
      await jest.advanceTimersByTimeAsync(60_000);
      expect(errors).toEqual([source.fail]);
      await revocations.stop();
      const reads = source.reads;
      await jest.advanceTimersByTimeAsync(180_000);
      expect(source.reads).toBe(reads);
    } finally {
      jest.useRealTimers();
    }
  });
});
