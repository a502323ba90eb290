/** Where a `db` command writes: results to stdout, progress and messages to stderr. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
}

/** The process's own streams. */
export const PROCESS_IO: CommandIo = { stdout: process.stdout, stderr: process.stderr };

/** A line of progress on stderr. */
export function progressTo(io: CommandIo): (message: string) => void {
  return (message) => {
    io.stderr.write(`${message}\n`);
  };
}

/** Bad arguments: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
