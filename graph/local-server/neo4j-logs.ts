import * as fs from "node:fs";
import * as path from "node:path";

/** The server's log files that Relata reads: progress from debug.log, errors from the other two. */
const LOG_FILES = ["neo4j.log", "console.log", "debug.log"] as const;
type LogFile = (typeof LOG_FILES)[number];

/** Byte sizes of the server's log files before a start, so messages show only that start's output. */
export type LogOffsets = Partial<Record<LogFile, number>>;

export function currentLogSizes(home: string): LogOffsets {
  const sizes: LogOffsets = {};
  for (const name of LOG_FILES) {
    try {
      sizes[name] = fs.statSync(path.join(home, "logs", name)).size;
    } catch {
      sizes[name] = 0;
    }
  }
  return sizes;
}

/** The last lines each of neo4j.log and console.log got since `offsets`, for error messages. */
export function logTail(home: string, offsets: LogOffsets): string {
  const parts: string[] = [];
  for (const name of ["neo4j.log", "console.log"] as const) {
    const file = path.join(home, "logs", name);
    const tail = readTail(file, offsets[name] ?? 0, 30);
    if (tail) parts.push(`--- last lines of ${file} ---\n${tail}`);
  }
  return parts.join("\n") || `(no log output in ${path.join(home, "logs")})`;
}

/** Up to `lines` last lines of `file` written after byte `from` (at most its last 16 KB). */
export function readTail(file: string, from: number, lines: number): string {
  try {
    const size = fs.statSync(file).size;
    const start = Math.max(from, size - 16_384);
    if (start >= size) return "";
    return readRange(file, start, size).trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Reads the lines a log file gains, a poll at a time; a file that shrank (rotated) is read from its start. */
export class LogFollower {
  private partial = "";

  constructor(
    private readonly file: string,
    private offset: number,
  ) {}

  /** Complete lines written since the last call (a line still being written waits for the next). */
  readNewLines(): string[] {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return [];
    }
    if (size < this.offset) {
      this.offset = 0;
      this.partial = "";
    }
    if (size === this.offset) return [];
    // Bounded per poll so a burst of diagnostics cannot make one poll read megabytes.
    const end = Math.min(size, this.offset + 1_048_576);
    let text: string;
    try {
      text = this.partial + readRange(this.file, this.offset, end);
    } catch {
      return [];
    }
    this.offset = end;
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    return lines;
  }
}

function readRange(file: string, start: number, end: number): string {
  const buffer = Buffer.alloc(end - start);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    fs.closeSync(fd);
  }
  return buffer.toString("utf8");
}
