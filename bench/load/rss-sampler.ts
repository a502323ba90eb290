import * as fs from "node:fs";

/** Issue 18's memory target for the API process through a whole run. */
export const API_RSS_TARGET_MB = 300;

/** A process's resident set size in MB from /proc/<pid>/status (VmRSS); null where unknown or gone. */
export function processRssMb(pid: number): number | null {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : null;
}

/** What {@link startRssSampler} saw of one process. */
export interface RssSummary {
  readonly pid: number;
  readonly samples: number;
  readonly everyMs: number;
  /** Highest VmRSS seen (null when no sample could be read). */
  readonly peakMb: number | null;
  readonly lastMb: number | null;
  /** The phase of the run the peak was seen in. */
  readonly peakPhase: string | null;
}

/**
 * Samples a process's RSS every `everyMs` until stopped. VmHWM (the kernel's own peak) would miss nothing
 * between samples, but it counts the whole life of the process; sampling shows which phase of the run the
 * peak belongs to. `phase()` names the phase the next samples belong to.
 */
export function startRssSampler(pid: number, everyMs = 250) {
  let samples = 0;
  let peakMb: number | null = null;
  let lastMb: number | null = null;
  let phase = "start";
  let peakPhase: string | null = null;
  const sample = () => {
    const mb = processRssMb(pid);
    if (mb === null) return;
    samples += 1;
    lastMb = mb;
    if (peakMb === null || mb > peakMb) {
      peakMb = mb;
      peakPhase = phase;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    phase(name: string): void {
      sample();
      phase = name;
    },
    stop(): RssSummary {
      sample();
      clearInterval(timer);
      return { pid, samples, everyMs, peakMb, lastMb, peakPhase };
    },
  };
}
