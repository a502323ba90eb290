import { execFileSync } from "node:child_process";
import * as fs from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat times (`getconf CLK_TCK`, 100 on Linux almost always). */
const TICKS_PER_SECOND = readTicksPerSecond();

/**
 * CPU time (user + system, all threads) of a process in milliseconds, from /proc/<pid>/stat; null where
 * there is no procfs or the process is gone.
 */
export function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may contain spaces; fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds several processes spent between `start()` and the returned function's call. */
export function startCpuSample(pids: Readonly<Record<string, number>>): () => Record<string, number | null> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, processCpuMs(pid)]));
  return () =>
    Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => {
        const start = before[name];
        const end = processCpuMs(pid);
        return [name, start === null || start === undefined || end === null ? null : end - start];
      }),
    );
}

function readTicksPerSecond(): number {
  try {
    const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

/**
 * Waits until the processes are idle again (each under `idleShare` of one core over a 50 ms poll, at most
 * `maxMs`), and returns the CPU milliseconds each spent meanwhile. After a load window closes its
 * connections the server still finishes the requests in flight; that work belongs to the window.
 */
export async function waitForQuiet(
  pids: Readonly<Record<string, number>>,
  maxMs = 10_000,
  idleShare = 0.2,
): Promise<Record<string, number | null>> {
  const pollMs = 50;
  const total = Object.fromEntries(Object.keys(pids).map((name) => [name, 0 as number | null]));
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const sample = startCpuSample(pids);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const spent = sample();
    let busy = false;
    for (const [name, ms] of Object.entries(spent)) {
      const sum = total[name];
      total[name] = ms === null || sum === null || sum === undefined ? null : sum + ms;
      // A clock tick is 10 ms, so "under a tick" is the finest idle test there is.
      if ((ms ?? 0) > Math.max(pollMs * idleShare, 10)) busy = true;
    }
    if (!busy) break;
  }
  return total;
}
