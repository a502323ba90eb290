import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { isProcessAlive } from "./process-liveness";

/** Releases a lock taken with {@link acquireFileLock}; safe to call twice. */
export type ReleaseFileLock = () => void;

/** How long to wait for a lock and what to say while waiting. */
export interface FileLockOptions {
  /** Give up after this many milliseconds. */
  readonly timeoutMs: number;
  /** Called once when the lock is busy, with the holder's pid. */
  readonly onWait?: (holderPid: number | undefined) => void;
  /** Builds the error thrown on timeout. */
  readonly onTimeout: (holderPid: number | undefined) => Error;
}

/**
 * Takes an exclusive lock by creating `lockPath` with O_EXCL and writing our pid into it. A lock whose
 * holder process is gone is stale and taken over, so a crashed run never blocks the next one. Used so two
 * processes (two jest runs, `npm start` beside `npm run db`) do not download or start the same thing twice.
 */
export async function acquireFileLock(lockPath: string, options: FileLockOptions): Promise<ReleaseFileLock> {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, "wx", 0o644);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, acquiredAt: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readHolderPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolderPid(lockPath);
    if (holder !== undefined && !isProcessAlive(holder)) {
      // Stale: its holder died. Remove it only if it still names that holder (another waiter may have
      // already taken it over).
      if (readHolderPid(lockPath) === holder) fs.rmSync(lockPath, { force: true });
      continue;
    }
    if (holder === undefined && lockAgeMs(lockPath) > 10_000) {
      // Created but never written (the writer died between open and write).
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw options.onTimeout(holder);
    if (!announced) {
      announced = true;
      options.onWait?.(holder);
    }
    await sleep(250);
  }
}

function readHolderPid(lockPath: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(lockPath, "utf8"));
    const pid = (parsed as { pid?: unknown }).pid;
    return typeof pid === "number" ? pid : undefined;
  } catch {
    return undefined;
  }
}

function lockAgeMs(lockPath: string): number {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}
