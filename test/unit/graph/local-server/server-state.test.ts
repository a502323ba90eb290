import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

import {
  chooseBoltPort,
  isPortFree,
  markStopRequested,
  parseServerState,
  readServerState,
  updateServerState,
  wasStopRequested,
} from "../../../../graph/local-server/server-state";

describe("parseServerState", () => {
  it("keeps a valid port and stop request", () => {
    const stopRequested = { pid: 42, at: "2026-12-01T08:00:00.000Z" };
    expect(parseServerState({ boltPort: 40123, stopRequested })).toEqual({ boltPort: 40123, stopRequested });
  });

  it("drops fields a damaged or hand-edited file got wrong, never failing", () => {
    expect(parseServerState({ boltPort: 70000, stopRequested: { pid: "x" } })).toEqual({});
    expect(parseServerState({ boltPort: "7687" })).toEqual({});
    expect(parseServerState(null)).toEqual({});
    expect(parseServerState("garbage")).toEqual({});
  });
});

describe("parseServerState: the HTTP port and a maintenance hold (issue 19)", () => {
  it("keeps a valid HTTP port and hold", () => {
    const maintenance = { pid: 7, operation: "backup", since: "2026-12-01T08:00:00.000Z" };
    expect(parseServerState({ httpPort: 17474, maintenance })).toEqual({ httpPort: 17474, maintenance });
  });

  it("drops a hold of an unknown kind or without a pid", () => {
    expect(parseServerState({ maintenance: { pid: 7, operation: "vacuum", since: "x" } })).toEqual({});
    expect(parseServerState({ maintenance: { operation: "backup", since: "x" } })).toEqual({});
    expect(parseServerState({ httpPort: 0 })).toEqual({});
  });
});

describe("the state file", () => {
  let home: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "relata-state-"));
  });

  afterEach(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("is empty for a home used before, and merges updates, private to the owner", () => {
    expect(readServerState(home)).toEqual({});
    updateServerState(home, { boltPort: 40123 });
    markStopRequested(home, 99);
    const state = readServerState(home);
    expect(state.boltPort).toBe(40123);
    expect(wasStopRequested(state, 99)).toBe(true);
    expect(wasStopRequested(state, 100)).toBe(false);
    expect(fs.statSync(path.join(home, "state.json")).mode & 0o777).toBe(0o600);
  });

  it("reads a corrupt file as empty", () => {
    fs.writeFileSync(path.join(home, "state.json"), "{ not json");
    expect(readServerState(home)).toEqual({});
  });
});

describe("chooseBoltPort", () => {
  const probes = (taken: number[], free = 50_000) => ({
    stateFile: "/home/neo4j/state.json",
    isFree: async (port: number) => !taken.includes(port),
    findFree: async () => free,
  });

  it("reuses the stored port while it is free", async () => {
    await expect(chooseBoltPort({ ...probes([]), stored: 40123 })).resolves.toEqual({ port: 40123 });
  });

  it("picks another port when the stored one is taken, and says so clearly", async () => {
    const choice = await chooseBoltPort({ ...probes([40123]), stored: 40123 });
    expect(choice.port).toBe(50_000);
    expect(choice.notice).toContain("Port 40123, where this Neo4j listened before");
    expect(choice.notice).toContain("/home/neo4j/state.json");
    expect(choice.notice).toContain("listens on port 50000 instead");
    expect(choice.notice).toContain("RELATA_NEO4J_PORT");
  });

  it("lets RELATA_NEO4J_PORT win over the stored port", async () => {
    await expect(chooseBoltPort({ ...probes([]), stored: 40123, requested: 7687 })).resolves.toEqual({ port: 7687 });
  });

  it("fails with PORT_IN_USE when the requested port is taken", async () => {
    await expect(chooseBoltPort({ ...probes([7687]), requested: 7687 })).rejects.toMatchObject({
      code: "PORT_IN_USE",
    });
  });

  it("picks a free port on the first start", async () => {
    await expect(chooseBoltPort({ ...probes([]) })).resolves.toEqual({ port: 50_000 });
  });
});

describe("isPortFree", () => {
  it("sees a port another program listens on as taken", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(isPortFree(port)).resolves.toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(isPortFree(port)).resolves.toBe(true);
  });
});
