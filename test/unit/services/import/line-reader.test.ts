import { Readable } from "node:stream";
import { readLines } from "../../../../services/import/line-reader";

async function lines(chunks: Array<string | Buffer>) {
  const out = [];
  for await (const line of readLines(Readable.from(chunks))) out.push(line);
  return out;
}

describe("readLines", () => {
  it("numbers lines from 1 and drops the line endings, \\n and \\r\\n alike", async () => {
    expect(await lines(["a\r\nb\nc"])).toEqual([
      { line: 1, text: "a" },
      { line: 2, text: "b" },
      { line: 3, text: "c" },
    ]);
  });

  it("drops a UTF-8 byte-order mark at the start, and only there", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await lines([Buffer.concat([bom, Buffer.from("x\n\uFEFFy\n")])])).toEqual([
      { line: 1, text: "x" },
      { line: 2, text: "\uFEFFy" },
    ]);
  });

  it("joins a line split across chunks, a multi-byte character included", async () => {
    const text = Buffer.from("长城\n公司\n", "utf8");
    expect(await lines([text.subarray(0, 2), text.subarray(2, 8), text.subarray(8)])).toEqual([
      { line: 1, text: "长城" },
      { line: 2, text: "公司" },
    ]);
  });

  it("keeps blank lines, counted", async () => {
    expect((await lines(["a\n\nb\n"])).map((l) => l.line)).toEqual([1, 2, 3]);
  });
});
