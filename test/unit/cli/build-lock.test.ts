import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Plain JavaScript (it runs before anything is compiled), so it is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withBuildLock } = require("../../../cli/build-lock.js") as {
  withBuildLock: <T>(
    root: string,
    name: string,
    fn: () => T,
    options?: { log?: (message: string) => void; waitLimitMs?: number },
  ) => T;
};

const LOCK_MODULE = join(__dirname, "..", "..", "..", "cli", "build-lock.js");

/** A child process that takes the lock, then writes "start", waits, writes "end" into the journal. */
function builder(root: string, journal: string, tag: string): Promise<number> {
  const script = `
    const { appendFileSync } = require("node:fs");
    const { withBuildLock } = require(${JSON.stringify(LOCK_MODULE)});
    withBuildLock(${JSON.stringify(root)}, "tsc", () => {
      appendFileSync(${JSON.stringify(journal)}, "start ${tag}\\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      appendFileSync(${JSON.stringify(journal)}, "end ${tag}\\n");
    }, { log: () => undefined });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script], { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

describe("build lock (two processes building into one dist/)", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "relata-build-lock-"));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("lets one builder at a time in: the two builds never overlap", async () => {
    const journal = join(root, "journal.txt");
    writeFileSync(journal, "");
    const codes = await Promise.all([builder(root, journal, "a"), builder(root, journal, "b")]);
    expect(codes).toEqual([0, 0]);
    const lines = readFileSync(journal, "utf8").trim().split("\n");
    expect(lines).toHaveLength(4);
    const first = lines[0]!.split(" ")[1];
    const second = first === "a" ? "b" : "a";
    expect(lines).toEqual([`start ${first}`, `end ${first}`, `start ${second}`, `end ${second}`]);
    expect(existsSync(join(root, "dist", ".build-locks", "tsc"))).toBe(false);
  }, 30_000);

  it("returns what the build returns and releases the lock when the build throws", () => {
    expect(withBuildLock(root, "ide", () => "built")).toBe("built");
    expect(() =>
      withBuildLock(root, "ide", () => {
        throw new Error("esbuild failed");
      }),
    ).toThrow("esbuild failed");
    expect(existsSync(join(root, "dist", ".build-locks", "ide"))).toBe(false);
    expect(withBuildLock(root, "ide", () => "again")).toBe("again");
  });

  it("takes over a lock left by a process that died mid-build", () => {
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    const lock = join(root, "dist", ".build-locks", "explorer");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "pid"), String(dead));
    const messages: string[] = [];
    expect(withBuildLock(root, "explorer", () => "built", { log: (m) => messages.push(m) })).toBe("built");
    expect(messages).toEqual([]);
  });

  it("gives up on a live holder after the wait limit, saying which folder to remove", () => {
    const lock = join(root, "dist", ".build-locks", "tsc");
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, "pid"), String(process.pid));
    const messages: string[] = [];
    expect(() => withBuildLock(root, "tsc", () => "never", { log: (m) => messages.push(m), waitLimitMs: 300 })).toThrow(
      `If no build is running, remove ${lock} and try again.`,
    );
    expect(messages).toEqual(["Waiting for another process to finish building tsc…"]);
    expect(existsSync(lock)).toBe(true);
  });
});
