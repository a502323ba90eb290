import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { signToken } from "../../app/auth/token";
import { UpsertAccountsDocument } from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 12: `npm run mcp` as agents start it, the built dist/cli/mcp.js on stdio, with a real MCP client
// from the SDK, against the real API over HTTP.
const ROOT = join(__dirname, "..", "..");

let api: TestApi;
let tenant: string;
let client: Client;

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, "cli", "build-if-stale.js")], { cwd: ROOT, stdio: "inherit" });
  api = await startTestApi();
  tenant = uniqueTenant("mcp-stdio");
  const writer = signToken({ tenant, role: "integrator", subject: "loader" }, TEST_JWT_SECRET);
  dataOf(
    await api.run(
      UpsertAccountsDocument,
      { input: [{ sourceSystem: "crm", externalId: "A-1", name: "Northwind Clinic", industry: "healthcare" }] },
      { token: writer },
    ),
  );
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(ROOT, "dist", "cli", "mcp.js")],
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      RELATA_URL: api.url,
      // A loaded CI machine can take longer than the 15 s default for a first call.
      RELATA_MCP_TIMEOUT_MS: "120000",
      RELATA_TOKEN: signToken({ tenant, role: "viewer", agent: "stdio-bot" }, TEST_JWT_SECRET),
    },
    stderr: "ignore",
  });
  client = new Client({ name: "relata-e2e-stdio", version: "1.0.0" });
  await client.connect(transport);
}, 300_000);

afterAll(async () => {
  await client?.close();
  await api?.stop();
});

describe("npm run mcp over stdio (issue 12)", () => {
  it("answers tool calls through the API, and the API's refusals as tool errors", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "find_accounts",
        "customer_360",
        "list_tasks",
        "complete_task",
        "draft_playbook",
        "save_playbook_draft",
      ]),
    );
    const found = (await client.callTool({
      name: "find_accounts",
      arguments: { industry: ["healthcare"] },
    })) as CallToolResult;
    expect(found.isError).toBeFalsy();
    expect((JSON.parse(text(found)) as { accounts: Array<{ name: string }> }).accounts.map((a) => a.name)).toEqual([
      "Northwind Clinic",
    ]);
    const missing = (await client.callTool({
      name: "complete_task",
      arguments: { taskId: "tsk_nothing" },
    })) as CallToolResult;
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/^[A-Z_]+: /);
    expect(text(missing)).not.toMatch(/\n\s+at /);
  });

  it("drafts a playbook over stdio, and refuses the viewer's save with the API's code", async () => {
    const drafted = (await client.callTool({
      name: "draft_playbook",
      arguments: { text: "frobnicate the quux whenever zorp" },
    })) as CallToolResult;
    expect(drafted.isError).toBeFalsy();
    const draft = JSON.parse(text(drafted)) as {
      text: string;
      unrecognised: string[];
      warnings: Array<{ code: string }>;
      playbookInput: unknown;
    };
    expect(draft.unrecognised.length).toBeGreaterThan(0);
    expect(draft.playbookInput).toBeNull();
    expect(draft.warnings.map((w) => w.code)).toContain("ROLE_NOT_ALLOWED");

    const saved = (await client.callTool({
      name: "save_playbook_draft",
      arguments: {
        definition: {
          name: "Stdio attempt",
          intent: "x",
          mode: "SUGGEST",
          ownerUserId: "nobody",
          trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
          actions: [{ kind: "RAISE_INTENT_SIGNAL", intent: "churn-risk" }],
          feedback: { kind: "HEALTH_IMPROVED", withinDays: 30 },
          limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
        },
      },
    })) as CallToolResult;
    expect(saved.isError).toBe(true);
    expect(text(saved)).toMatch(/^FORBIDDEN: /);
  });
});
