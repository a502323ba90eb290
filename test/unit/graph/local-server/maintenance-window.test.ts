import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { waitForOwner } from "../../../../graph/local-server/maintenance-window";

/**
 * After a backup or restore stopped a server tied to `npm start`, the command waits for that owner to start
 * Neo4j again: it stops waiting at once, and says what to do, when the owner has ended; with a live owner
 * that does not bring it back it says so after the wait. No server runs in these homes.
 */
describe("waiting for the owner of a stopped server", () => {
  let home: string;
  let lines: string[];
  const log = (line: string) => lines.push(line);

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-window-"));
    lines = [];
  });

  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("ends at once when the owner process is gone, and says how to start Neo4j", async () => {
    const ended = spawnSync(process.execPath, ["-e", "0"]).pid;
    // A generous wait that the test would run into if the owner's end were not noticed.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<string>((resolve) => {
      timer = setTimeout(resolve, 60_000, "hung");
    });
    const outcome = await Promise.race([waitForOwner(home, ended, Date.now(), log, 600_000).then(() => "ended"), hung]);
    clearTimeout(timer);
    expect(outcome).toBe("ended");
    expect(lines[0]).toBe(`Waiting for its owner (pid ${ended}) to start Neo4j again.`);
    expect(lines[1]).toContain(`The process that ran it (pid ${ended}) has ended`);
    expect(lines[1]).toContain("npm run db -- start");
  }, 90_000);

  it("says after the wait that Neo4j has not come back while the owner lives on", async () => {
    await waitForOwner(home, process.pid, Date.now(), log, 1_200);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Neo4j has not been started again within 1.2 s");
  }, 60_000);
});
