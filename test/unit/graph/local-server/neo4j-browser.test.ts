import * as net from "node:net";

import { browserUrl, chooseHttpPort } from "../../../../graph/local-server/neo4j-browser";
import { findFreePort } from "../../../../graph/local-server/server-state";

describe("the HTTP port of Neo4j Browser (issue 19)", () => {
  let squatter: net.Server;
  let taken: number;

  beforeAll(async () => {
    squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    taken = (squatter.address() as net.AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => squatter.close(resolve));
  });

  it("reuses the stored port while it is free, and never picks the Bolt port", async () => {
    const free = await findFreePort();
    expect(await chooseHttpPort(undefined, free, 1)).toBe(free);
    expect(await chooseHttpPort(undefined, free, free)).not.toBe(free);
    expect(await chooseHttpPort(undefined, taken, 1)).not.toBe(taken);
  });

  it("refuses a requested port that is taken with INVALID_SETTING naming RELATA_NEO4J_HTTP_PORT", async () => {
    await expect(chooseHttpPort(taken, undefined, 1)).rejects.toMatchObject({
      code: "INVALID_SETTING",
      message: expect.stringContaining(`RELATA_NEO4J_HTTP_PORT names port ${taken}`),
    });
  });

  it("serves the browser under /browser/ on loopback", () => {
    expect(browserUrl(17474)).toBe("http://127.0.0.1:17474/browser/");
  });
});
