import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Plain JavaScript (it runs before anything is compiled), so it is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fingerprint } = require("../../../cli/build-if-stale.js") as { fingerprint: (root: string) => string };

describe("build-if-stale fingerprint (issue 19: CLI start-up without recompiling)", () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "relata-build-stamp-"));
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "tsconfig.build.json"), JSON.stringify({ include: ["src", "missing"] }));
    writeFileSync(join(root, "tsconfig.json"), "{}");
    writeFileSync(join(root, "package-lock.json"), "{}");
    writeFileSync(join(root, "src", "a.ts"), "export const a = 1;\n");
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is the same while nothing changes", () => {
    expect(fingerprint(root)).toBe(fingerprint(root));
  });

  it("changes when a source is edited", () => {
    const before = fingerprint(root);
    writeFileSync(join(root, "src", "a.ts"), "export const a = 22;\n");
    expect(fingerprint(root)).not.toBe(before);
  });

  it("changes when a source is touched without a change of size", () => {
    const before = fingerprint(root);
    utimesSync(join(root, "src", "a.ts"), new Date(0), new Date(1_000_000));
    expect(fingerprint(root)).not.toBe(before);
  });

  it("changes when a source is added, and when the lock file changes", () => {
    const before = fingerprint(root);
    writeFileSync(join(root, "src", "b.yaml"), "x: 1\n");
    const added = fingerprint(root);
    expect(added).not.toBe(before);
    writeFileSync(join(root, "package-lock.json"), '{"v":2}');
    expect(fingerprint(root)).not.toBe(added);
  });

  it("ignores files that are not inputs of the build", () => {
    const before = fingerprint(root);
    writeFileSync(join(root, "src", "notes.md"), "hello\n");
    expect(fingerprint(root)).toBe(before);
  });
});
