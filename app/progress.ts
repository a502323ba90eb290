import { SingleBar } from "cli-progress";

export interface ProgressReporter {
  advance(kind: string, count: number): void;
  finish(): void;
}

/**
 * Progress of a long job: a bar on an interactive terminal, otherwise a log line at every tenth of the
 * way, so that CI and container logs show counts.
 */
export function createProgressReporter(
  title: string,
  total: number,
  log: (message: string) => void,
  interactive = Boolean(process.stderr.isTTY),
  /** What is counted, e.g. "records" or "bytes". */
  unit = "records",
): ProgressReporter {
  let done = 0;
  let nextLog = total / 10;
  const bar = interactive
    ? new SingleBar({
        format: `${title} [{bar}] {percentage}% | {value}/{total} ${unit} | {kind} | ETA {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  bar?.start(total, 0, { kind: "" });
  return {
    advance(kind, count) {
      done += count;
      if (bar) {
        bar.update(done, { kind });
      } else if (done >= nextLog || done === total) {
        log(`${title}: ${done}/${total} ${unit} (${Math.round((100 * done) / Math.max(total, 1))}%), now ${kind}`);
        nextLog += total / 10;
      }
    },
    finish() {
      // Idempotent: a caller may finish in a `finally` after finishing on success.
      bar?.stop();
    },
  };
}
