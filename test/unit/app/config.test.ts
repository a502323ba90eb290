import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { jwtSecret } from "../../../app/config";

describe("the local state folder (issue 9)", () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "relata-home-"));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("is created 0700 with a 0600 token secret", () => {
    const home = path.join(root, "relata");
    jwtSecret({ RELATA_HOME: home });
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(home, "jwt-secret")).mode & 0o777).toBe(0o600);
  });

  it("is made private when it already exists with looser modes, keeping its secret", () => {
    const home = path.join(root, "relata");
    const first = jwtSecret({ RELATA_HOME: home });
    fs.chmodSync(home, 0o755);
    expect(jwtSecret({ RELATA_HOME: home })).toBe(first);
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
  });
});
