/**
 * How long a managed Neo4j may take to start. A fixed deadline fails both ways: recovery after a crash can
 * take minutes on a busy machine, while a server that hangs should be reported soon. So the deadline
 * follows the server's own log: every entry it writes to `debug.log` while starting (recovery steps, index
 * population, checkpoints) moves the deadline to `idleTimeoutMs` after that entry, up to a hard ceiling.
 */
export interface StartupLimits {
  /** Longest stretch without a progress entry in debug.log. */
  readonly idleTimeoutMs: number;
  /** Longest start, progress or not. */
  readonly ceilingMs: number;
}

/** 90 s without progress, 15 min in all. */
export const DEFAULT_STARTUP_LIMITS: StartupLimits = { idleTimeoutMs: 90_000, ceilingMs: 15 * 60_000 };

/** What one line of debug.log says about start-up. */
export interface ProgressLine {
  /** A new log entry that shows the server is working (continuation lines and pause warnings are not). */
  readonly progress: boolean;
  /** A step worth telling the operator, e.g. recovery percentages. */
  readonly milestone?: string;
  /** For a recovery percentage, its database: of several in one poll, only the last is told. */
  readonly percentOf?: string;
}

// 2026-12-01 08:23:17.646+0000 INFO  [o.n.k.r.Recovery] [neo4j/ea599f2e]  10% completed
const ENTRY =
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4} +[A-Z]+ +\[([^\]]+)\] *(?:\[([^/\]]+)\/[^\]]*\])? *(.*)$/;

/**
 * Classifies one debug.log line. Entries count as progress, except the VM pause monitor's warnings, which
 * a stalled JVM on a starved machine keeps writing. Recovery steps become milestones. Pure.
 */
export function parseProgressLine(line: string): ProgressLine {
  const match = ENTRY.exec(line);
  if (!match) return { progress: false };
  const [, logger = "", database, text = ""] = match;
  if (/stop-the-world pause/i.test(text)) return { progress: false };
  const name = database ? `"${database}"` : "the server";
  if (/^Recovery required/i.test(text)) {
    return { progress: true, milestone: `Recovering database ${name} after an unclean shutdown.` };
  }
  const percent = /^(\d{1,3})% completed/.exec(text.trim());
  if (percent && logger.endsWith("Recovery")) {
    return { progress: true, milestone: `Recovery of database ${name}: ${percent[1]}%.`, percentOf: name };
  }
  if (/^Recovery in '[^']*' mode completed|^Recovery completed/i.test(text)) {
    return { progress: true, milestone: `Recovery of database ${name} completed.` };
  }
  return { progress: true };
}

/** Why a start ran out of time. */
export type StartupExpiry = "no-progress" | "ceiling";

/** Tracks one start: the deadline moves with each progress entry, never past the ceiling. */
export class StartupProgress {
  private lastProgressAt: number;

  constructor(
    private readonly startedAt: number,
    private readonly limits: StartupLimits,
  ) {
    this.lastProgressAt = startedAt;
  }

  /** Takes the log lines written since the last call; returns the milestones among them. */
  observe(lines: readonly string[], now: number): string[] {
    const milestones: string[] = [];
    let lastPercentOf: string | undefined;
    for (const line of lines) {
      const parsed = parseProgressLine(line);
      if (parsed.progress) this.lastProgressAt = now;
      if (!parsed.milestone) continue;
      // A quick recovery writes ten percentages at once; the last one says it all.
      if (parsed.percentOf !== undefined && parsed.percentOf === lastPercentOf) milestones.pop();
      milestones.push(parsed.milestone);
      lastPercentOf = parsed.percentOf;
    }
    return milestones;
  }

  /** The moment the start counts as failed unless more progress shows. */
  deadline(): number {
    return Math.min(this.lastProgressAt + this.limits.idleTimeoutMs, this.startedAt + this.limits.ceilingMs);
  }

  /** Why the start is out of time at `now`, or `undefined` while it is not. */
  expired(now: number): StartupExpiry | undefined {
    if (now <= this.deadline()) return undefined;
    return now > this.startedAt + this.limits.ceilingMs ? "ceiling" : "no-progress";
  }
}
