import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { ensurePrivateDir, makeTreePrivate } from "../../../../graph/local-server/file-permissions";
import { secureHome } from "../../../../graph/local-server/neo4j-launch";

const modeOf = (file: string): number => fs.lstatSync(file).mode & 0o777;

describe("private files of the managed Neo4j (issue 9)", () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "relata-perm-"));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("creates a folder and its missing parents 0700", () => {
    const dir = path.join(root, "a", "b");
    ensurePrivateDir(dir);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(root, "a"))).toBe(0o700);
  });

  it("tightens an existing 0755 folder", () => {
    const dir = path.join(root, "loose");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it("takes group and other access off a whole tree, keeping the owner's bits", () => {
    const data = path.join(root, "data", "databases");
    fs.mkdirSync(data, { recursive: true });
    fs.writeFileSync(path.join(data, "neostore"), "x");
    fs.writeFileSync(path.join(root, "data", "auth.ini"), "x");
    fs.writeFileSync(path.join(root, "tool"), "x");
    for (const dir of [root, path.join(root, "data"), data]) fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(data, "neostore"), 0o644);
    fs.chmodSync(path.join(root, "data", "auth.ini"), 0o664);
    fs.chmodSync(path.join(root, "tool"), 0o755);

    expect(makeTreePrivate(root)).toBe(6);

    expect(modeOf(root)).toBe(0o700);
    expect(modeOf(data)).toBe(0o700);
    expect(modeOf(path.join(data, "neostore"))).toBe(0o600);
    expect(modeOf(path.join(root, "data", "auth.ini"))).toBe(0o600);
    expect(modeOf(path.join(root, "tool"))).toBe(0o700);
    expect(makeTreePrivate(root)).toBe(0);
  });

  it("does not follow or change symbolic links", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "relata-perm-outside-"));
    try {
      fs.chmodSync(outside, 0o755);
      fs.symlinkSync(outside, path.join(root, "link"));
      makeTreePrivate(root);
      expect(modeOf(outside)).toBe(0o755);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("makes a server home and its conf, data, logs and run folders private", () => {
    const home = path.join(root, "neo4j");
    fs.mkdirSync(path.join(home, "logs"), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(home, "logs", "debug.log"), "x", { mode: 0o644 });
    secureHome(home);
    for (const name of ["", "conf", "data", "logs", "run", "plugins", "import"]) {
      expect({ name, mode: modeOf(path.join(home, name)) }).toEqual({ name, mode: 0o700 });
    }
    expect(modeOf(path.join(home, "logs", "debug.log"))).toBe(0o600);
  });
});
