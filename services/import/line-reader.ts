import { createInterface } from "node:readline";
import { Readable } from "node:stream";

/** One line of a text stream, numbered from 1, without its line ending. */
export interface NumberedLine {
  line: number;
  text: string;
}

/**
 * The lines of a UTF-8 stream, one at a time: a file of any size is read with only the current line in
 * memory. A byte-order mark at the start is dropped; `\n` and `\r\n` both end a line.
 */
export async function* readLines(input: Readable): AsyncGenerator<NumberedLine> {
  input.setEncoding("utf8");
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      yield { line, text: line === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text };
    }
  } finally {
    lines.close();
  }
}
