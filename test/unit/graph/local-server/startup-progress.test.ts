import { parseProgressLine, StartupProgress } from "../../../../graph/local-server/startup-progress";

const entry = (text: string, logger = "o.n.k.d.Database", database = "neo4j/ea599f2e"): string =>
  `2026-12-01 08:23:17.066+0000 INFO  [${logger}] [${database}] ${text}`;

describe("parseProgressLine", () => {
  it("counts a log entry as progress", () => {
    expect(parseProgressLine("2026-12-01 08:23:09.313+0000 INFO  [o.n.d.d.DatabaseLifecycles] Starting 'x'.")).toEqual({
      progress: true,
    });
  });

  it("does not count continuation lines or the VM pause monitor's warnings", () => {
    expect(parseProgressLine("                   Total Physical memory: 23.54GiB").progress).toBe(false);
    expect(
      parseProgressLine(
        "2026-12-01 08:23:17.066+0000 WARN  [o.n.k.i.c.VmPauseMonitorComponent] Detected VM stop-the-world pause: {}",
      ).progress,
    ).toBe(false);
    expect(parseProgressLine("").progress).toBe(false);
  });

  it("turns the steps of a recovery into milestones naming the database", () => {
    expect(parseProgressLine(entry("Recovery required from position LogPosition{logVersion=0}")).milestone).toBe(
      'Recovering database "neo4j" after an unclean shutdown.',
    );
    expect(parseProgressLine(entry(" 40% completed", "o.n.k.r.Recovery", "system/00000000"))).toEqual({
      progress: true,
      milestone: 'Recovery of database "system": 40%.',
      percentOf: '"system"',
    });
    expect(parseProgressLine(entry("Recovery in 'full' mode completed. Observed transactions range")).milestone).toBe(
      'Recovery of database "neo4j" completed.',
    );
  });

  it("ignores a percentage that is not the recovery's", () => {
    expect(parseProgressLine(entry("50% completed", "o.n.k.i.a.i.IndexPopulationJob")).milestone).toBeUndefined();
  });
});

describe("StartupProgress", () => {
  const limits = { idleTimeoutMs: 90_000, ceilingMs: 600_000 };

  it("fails a start that shows no progress for the idle timeout", () => {
    const progress = new StartupProgress(0, limits);
    expect(progress.expired(90_000)).toBeUndefined();
    expect(progress.expired(90_001)).toBe("no-progress");
  });

  it("moves the deadline with every progress entry, so a long recovery is not cut off", () => {
    const progress = new StartupProgress(0, limits);
    progress.observe([entry(" 10% completed", "o.n.k.r.Recovery")], 80_000);
    expect(progress.expired(150_000)).toBeUndefined();
    progress.observe([entry("Recovery in 'full' mode completed.")], 160_000);
    expect(progress.deadline()).toBe(250_000);
    expect(progress.expired(250_001)).toBe("no-progress");
  });

  it("does not move the deadline for lines that are not progress", () => {
    const progress = new StartupProgress(0, limits);
    progress.observe(
      ["   continuation", "2026-12-01 08:23:17.066+0000 WARN  [x] Detected VM stop-the-world pause"],
      80_000,
    );
    expect(progress.deadline()).toBe(90_000);
  });

  it("stops at the ceiling however much progress shows", () => {
    const progress = new StartupProgress(0, limits);
    for (let now = 0; now <= 600_000; now += 60_000) progress.observe([entry("Checkpoint triggered")], now);
    expect(progress.deadline()).toBe(600_000);
    expect(progress.expired(600_001)).toBe("ceiling");
  });

  it("reports only the last of several recovery percentages of one database read at once", () => {
    const progress = new StartupProgress(0, limits);
    const lines = [10, 20, 30].map((p) => entry(` ${p}% completed`, "o.n.k.r.Recovery"));
    expect(progress.observe([entry("Recovery required from"), ...lines], 1)).toEqual([
      'Recovering database "neo4j" after an unclean shutdown.',
      'Recovery of database "neo4j": 30%.',
    ]);
  });
});
