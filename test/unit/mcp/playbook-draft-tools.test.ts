import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { createRelataMcpServer, MAX_DEFINITION_JSON } from "../../../app/mcp/mcp-server";
import { RelataClient } from "../../../app/mcp/relata-client";

// The MCP playbook-draft tools against a real local HTTP server standing in for the API: which operations
// they send, with what, and what they refuse before sending anything. (test/e2e/mcp-agent.test.ts runs them
// against the real API and Neo4j.)

let api: Server;
let client: Client;
const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
let draftAnswer: Record<string, unknown>;

const INPUT = { name: "n", intent: "i", mode: "SUGGEST", ownerUserId: "u-ann" };

beforeAll(async () => {
  api = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const request = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      sent.push(request);
      res.setHeader("content-type", "application/json");
      if (request.query.includes("draftPlaybookFromText")) {
        return void res.end(JSON.stringify({ data: { draftPlaybookFromText: draftAnswer } }));
      }
      res.end(JSON.stringify({ data: { savePlaybook: { id: "pb_1", status: "DRAFT" } } }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  const relata = new RelataClient({
    url: `http://127.0.0.1:${(api.address() as AddressInfo).port}/graphql`,
    token: "t",
  });
  const server = createRelataMcpServer(relata);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = new Client({ name: "unit", version: "1.0.0" });
  await client.connect(clientSide);
});

afterAll(async () => {
  await client.close();
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

beforeEach(() => {
  sent.length = 0;
  draftAnswer = { source: "GRAMMAR", warnings: [], playbookInput: INPUT };
});

async function call(name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  return { isError: result.isError === true, text: first?.type === "text" ? first.text : "" };
}

describe("draft_playbook", () => {
  it("asks draftPlaybookFromText with the text and language and answers the draft", async () => {
    const result = await call("draft_playbook", { text: "when x, do y", language: "zh" });
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.text)).toEqual(draftAnswer);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.variables).toEqual({ text: "when x, do y", language: "zh" });
  });

  it("refuses an empty sentence before calling the API", async () => {
    expect((await call("draft_playbook", { text: "   " })).isError).toBe(true);
    expect(sent).toHaveLength(0);
  });
});

describe("save_playbook_draft", () => {
  it("saves a definition with savePlaybook, never activatePlaybook", async () => {
    const result = await call("save_playbook_draft", { definition: INPUT });
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.text)).toEqual({ playbook: { id: "pb_1", status: "DRAFT" }, warnings: [] });
    expect(sent.map((s) => /savePlaybook|activatePlaybook/.exec(s.query)?.[0])).toEqual(["savePlaybook"]);
    expect(sent[0]!.variables).toEqual({ definition: INPUT });
  });

  it("drafts a sentence and saves its playbookInput, passing on the draft's warnings", async () => {
    draftAnswer = {
      source: "GRAMMAR",
      warnings: [{ code: "AMBIGUOUS", message: "m" }],
      playbookInput: INPUT,
    };
    const result = await call("save_playbook_draft", { text: "when x, do y" });
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.text)).toMatchObject({ warnings: [{ code: "AMBIGUOUS" }] });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.variables).toEqual({ definition: INPUT });
  });

  it("refuses to save a sentence whose draft is incomplete, and sends no save", async () => {
    draftAnswer = { source: "GRAMMAR", warnings: [{ code: "INCOMPLETE", message: "no trigger" }], playbookInput: null };
    const result = await call("save_playbook_draft", { text: "blorft" });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^INCOMPLETE: .*no trigger/);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ["neither a definition nor a text", {}],
    ["both", { definition: INPUT, text: "when x, do y" }],
  ])("refuses %s before calling the API", async (_what, args) => {
    const result = await call("save_playbook_draft", args);
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/either definition or text/);
    expect(sent).toHaveLength(0);
  });

  it("refuses a definition larger than the limit before calling the API", async () => {
    const result = await call("save_playbook_draft", {
      definition: { ...INPUT, intent: "x".repeat(MAX_DEFINITION_JSON) },
    });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/larger than 20000 characters/);
    expect(sent).toHaveLength(0);
  });
});
