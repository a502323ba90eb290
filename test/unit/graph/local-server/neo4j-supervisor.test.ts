import { EventEmitter } from "node:events";
import type { ChildProcess } from "node:child_process";

import { Neo4jSupervisor } from "../../../../graph/local-server/neo4j-supervisor";
import { waitFor } from "../../../support/wait-for";

/** A stand-in server process: its "child" emits exit when the test says so. */
function fakeServer(pid: number): { pid: number; child: ChildProcess; exit(): void } {
  const child = new EventEmitter() as unknown as ChildProcess;
  return { pid, child, exit: () => child.emit("exit", null, "SIGTERM") };
}

describe("the supervisor while a backup holds the server down (issue 19)", () => {
  it("waits for the hold to end, then restarts once, and logs a warning rather than a crash", async () => {
    let hold: string | undefined = "a backup (`npm run db -- backup`, pid 9, since now)";
    const restarts: number[] = [];
    const logged: string[] = [];
    const first = fakeServer(100);
    const supervisor = new Neo4jSupervisor({
      uri: "bolt://127.0.0.1:1",
      log: (message, level = "info") => logged.push(`${level}: ${message}`),
      stopRequested: () => false,
      heldDown: () => hold,
      restart: () => {
        restarts.push(Date.now());
        return Promise.resolve(fakeServer(101));
      },
      onChange: () => undefined,
      pollIntervalMs: 10,
      backoff: { initialMs: 10, maxMs: 10 },
    });
    supervisor.watch(first);
    first.exit();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(restarts).toHaveLength(0);

    hold = undefined;
    await waitFor("the restart after the hold", () => (restarts.length === 1 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 10,
    });
    await supervisor.stop();
    expect(restarts).toHaveLength(1);
    expect(logged[0]).toMatch(/^warn: Neo4j \(pid 100\) was stopped for a backup .*it is started again/);
    expect(logged.some((line) => line.startsWith("error:"))).toBe(false);
  });

  it("stops waiting when it is stopped itself, without restarting", async () => {
    let restarted = false;
    const server = fakeServer(200);
    const supervisor = new Neo4jSupervisor({
      uri: "bolt://127.0.0.1:1",
      log: () => undefined,
      stopRequested: () => false,
      heldDown: () => "a restore",
      restart: () => {
        restarted = true;
        return Promise.resolve(fakeServer(201));
      },
      onChange: () => undefined,
      pollIntervalMs: 10,
    });
    supervisor.watch(server);
    server.exit();
    await supervisor.stop();
    expect(restarted).toBe(false);
  });
});
