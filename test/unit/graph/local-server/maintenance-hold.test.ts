import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import {
  activeMaintenance,
  beginMaintenance,
  describeMaintenance,
  endMaintenance,
} from "../../../../graph/local-server/maintenance-hold";
import { readServerState, updateServerState } from "../../../../graph/local-server/server-state";

describe("a maintenance hold in state.json (issue 19)", () => {
  let home: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-hold-"));
    updateServerState(home, { boltPort: 40000 });
  });

  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("is recorded with this process's pid, read as active, and removed again, keeping the other fields", () => {
    beginMaintenance(home, "backup");
    const hold = activeMaintenance(readServerState(home));
    expect(hold).toMatchObject({ pid: process.pid, operation: "backup" });
    expect(describeMaintenance(hold!)).toContain(`a backup (\`npm run db -- backup\`, pid ${process.pid}`);
    endMaintenance(home);
    expect(readServerState(home)).toEqual({ boltPort: 40000 });
  });

  it("does not hold a server down once its process is gone (a crashed backup)", () => {
    updateServerState(home, { maintenance: { pid: 2 ** 22 + 11, operation: "restore", since: "x" } });
    expect(readServerState(home).maintenance).toBeDefined();
    expect(activeMaintenance(readServerState(home))).toBeUndefined();
  });

  it("leaves another process's hold alone when this one ends", () => {
    const other = { pid: 1, operation: "restore" as const, since: "x" };
    updateServerState(home, { maintenance: other });
    endMaintenance(home);
    expect(readServerState(home).maintenance).toEqual(other);
  });
});
