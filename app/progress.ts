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
): ProgressReporter {
  let done = 0;
  let nextLog = total / 10;
  const bar = interactive
    ? new SingleBar({
        format: `${title} [{bar}] {percentage}% | {value}/{total} records | {kind} | ETA {eta_formatted}`,
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
        log(`${title}: ${done}/${total} records (${Math.round((100 * done) / Math.max(total, 1))}%), now ${kind}`);
        nextLog += total / 10;
      }
    },
    finish() {
      bar?.stop();
    },
  };
}
