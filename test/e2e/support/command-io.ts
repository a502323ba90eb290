import type { CommandIo } from "../../../cli/db/command-io";

/** A command's output, captured in memory. */
export interface CapturedIo extends CommandIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function captureIo(): CapturedIo {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  };
}
