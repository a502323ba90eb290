import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { explanationSummary } from "../../../../app/mcp/mcp-server";
import { RelataApiError, RelataClient, relataClientOptionsFromEnv } from "../../../../app/mcp/relata-client";

// The MCP server's HTTP client against a real local HTTP server: the API's errors pass through with their
// code, bodies that are not GraphQL and slow answers become clear errors.
let server: Server;
let url: string;
const seen: Array<{ authorization: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ authorization: req.headers.authorization, body });
      const { query } = JSON.parse(body) as { query: string };
      if (query.includes("slow")) {
        const timer = setTimeout(() => res.end("{}"), 2_000);
        return void res.on("close", () => clearTimeout(timer));
      }
      if (query.includes("html")) return void res.writeHead(502).end("<html>bad gateway</html>");
      res.setHeader("content-type", "application/json");
      if (query.includes("refused")) {
        return void res.end(
          JSON.stringify({ errors: [{ message: "Task t-1 was not found.", extensions: { code: "NOT_FOUND" } }] }),
        );
      }
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("RelataClient", () => {
  it("posts the operation with the bearer token and answers the data", async () => {
    const client = new RelataClient({ url, token: "tok-1" });
    await expect(client.request("{ ok }", { a: 1 })).resolves.toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({
      authorization: "Bearer tok-1",
      body: JSON.stringify({ query: "{ ok }", variables: { a: 1 } }),
    });
  });

  it("passes the API's error on with its code", async () => {
    const client = new RelataClient({ url, token: "t" });
    const error = await client.request("{ refused }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RelataApiError);
    expect(error).toMatchObject({ message: "NOT_FOUND: Task t-1 was not found.", code: "NOT_FOUND" });
  });

  it("says when the answer is not GraphQL, when it is too slow, and when nothing listens", async () => {
    const client = new RelataClient({ url, token: "t", timeoutMs: 200 });
    await expect(client.request("{ html }")).rejects.toThrow(/answered HTTP 502 without a GraphQL JSON body/);
    await expect(client.request("{ slow }")).rejects.toThrow(/did not answer within 200 ms/);
    const nowhere = new RelataClient({ url: "http://127.0.0.1:9/graphql", token: "t" });
    await expect(nowhere.request("{ ok }")).rejects.toThrow(/Could not reach the Relata API .*is it running\?/);
  });

  it("reads its settings from the environment and refuses bad ones", () => {
    expect(() => relataClientOptionsFromEnv({ RELATA_TOKEN: " " })).toThrow(/RELATA_TOKEN is not set/);
    expect(() => relataClientOptionsFromEnv({ RELATA_TOKEN: "t", RELATA_URL: "ftp://x" })).toThrow(
      /not an http\(s\) URL/,
    );
    expect(() => relataClientOptionsFromEnv({ RELATA_TOKEN: "t", RELATA_MCP_TIMEOUT_MS: "5" })).toThrow(/100-300000/);
    expect(relataClientOptionsFromEnv({ RELATA_TOKEN: "t", RELATA_URL: url })).toEqual({
      url,
      token: "t",
      timeoutMs: 15_000,
    });
  });
});

describe("explanationSummary", () => {
  it("keeps the concepts nearest the score, largest contribution first, at most the limit", () => {
    const node = (id: string, depth: number, contribution: number) => ({
      id,
      parentId: null,
      depth,
      conceptId: id,
      kind: "CONCEPT",
      contribution,
      value: null,
    });
    const summary = explanationSummary([node("a", 0, 10), node("b", 1, -30), node("c", 2, 99), node("d", 1, 5)], 2);
    expect(summary.map((n) => n.conceptId)).toEqual(["b", "a"]);
  });
});
