import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { signToken } from "../../app/auth/token";
import { createRelataMcpServer } from "../../app/mcp/mcp-server";
import { RelataClient, relataClientOptionsFromEnv } from "../../app/mcp/relata-client";
import {
  AuditTrailDocument,
  DisableWebhookDocument,
  PlaybookDocument,
  RegisterWebhookDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertUsersDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

// Issue 12, agents through MCP: the MCP server is a client of the real API over HTTP, acting with an agent's
// token (agt claim) for a user; a real MCP client from the SDK calls its tools, and the task it completes
// appears in the audit trail under the agent's name.
const AGENT = "test-agent.1";

let api: TestApi;
let tenant: string;
let accountId: string;
let taskId: string;
let client: Client;

/** Calls a tool and returns its result (content as text). */
async function call(name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  return { isError: result.isError === true, text: first?.type === "text" ? first.text : "" };
}

async function connect(token: string): Promise<Client> {
  const options = relataClientOptionsFromEnv({ RELATA_URL: api.url, RELATA_TOKEN: token });
  const server = createRelataMcpServer(new RelataClient(options));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: "relata-e2e", version: "1.0.0" });
  await mcp.connect(clientSide);
  return mcp;
}

beforeAll(async () => {
  // Webhook registration checks its target; dispatch stays off (startTestApi), nothing is sent.
  api = await startTestApi({ RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  tenant = uniqueTenant("mcp");
  const writer = signToken({ tenant, role: "integrator", subject: "loader" }, TEST_JWT_SECRET);
  const users = dataOf(
    await api.run(
      UpsertUsersDocument,
      {
        input: [
          { sourceSystem: "hr", externalId: "u-owner", name: "Olga Owner", roles: ["admin"] },
          { sourceSystem: "hr", externalId: "u-analyst", name: "Ann Analyst", roles: ["analyst"] },
          { sourceSystem: "hr", externalId: "u-viewer", name: "Vic Viewer", roles: ["viewer"] },
        ],
      },
      { token: writer },
    ),
  );
  expect(users.upsertUsers.rejections).toEqual([]);
  const accounts = dataOf(
    await api.run(
      UpsertAccountsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "H-1",
            name: "Riverside Hospital",
            industry: "healthcare",
            region: "north",
            owner: { externalId: "u-owner" },
          },
          { sourceSystem: "crm", externalId: "F-1", name: "Fleet Co", industry: "mobility", region: "south" },
        ],
      },
      { token: writer },
    ),
  );
  accountId = accounts.upsertAccounts.records.find((r) => r.index === 0)!.id;
  dataOf(
    await api.run(
      UpsertContactsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "C-1",
            name: "Dr. Chen",
            buyingRole: "DECISION_MAKER" as never,
            account: { externalId: "H-1" },
          },
        ],
      },
      { token: writer },
    ),
  );
  const admin = api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" });
  const outcome = await admin.automation.firing.carryOut({
    firingId: `fir-mcp-${tenant}`,
    playbookId: "pb-mcp",
    playbookVersion: 1,
    playbookName: "Remote QC interest",
    mode: "AUTO",
    ownerUserId: "u-owner",
    firedAt: new Date().toISOString(),
    accountIds: [accountId],
    triggeringEvents: [],
    basis: [{ condition: "trigger", passed: true, facts: { count: 3 } }],
    actions: [
      {
        kind: "CREATE_TASK",
        template: "demo-plan",
        title: "Prepare a remote QC demo plan",
        assignee: { kind: "USER", userId: "u-analyst" },
        dueInDays: 5,
      },
      {
        kind: "CREATE_TASK",
        template: "call",
        title: "Call the QC lead",
        assignee: { kind: "USER", userId: "u-analyst" },
        dueInDays: 2,
      },
    ],
  });
  expect(outcome.status).toBe("EXECUTED");
  const agentToken = signToken({ tenant, role: "analyst", user: "u-analyst", agent: AGENT }, TEST_JWT_SECRET);
  client = await connect(agentToken);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await api?.stop();
});

describe("the Relata MCP server (issue 12)", () => {
  it("lists its tools, each with an input schema", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "complete_task",
      "customer_360",
      "draft_playbook",
      "find_accounts",
      "list_tasks",
      "save_playbook_draft",
    ]);
    expect(tools.every((t) => t.inputSchema.type === "object")).toBe(true);
  });

  it("finds accounts by name words and filters, through the API", async () => {
    const found = await call("find_accounts", { search: "river", industry: ["healthcare"] });
    expect(found.isError).toBe(false);
    const body = JSON.parse(found.text) as { accounts: Array<{ id: string; name: string }>; hasNextPage: boolean };
    expect(body.accounts.map((a) => a.name)).toEqual(["Riverside Hospital"]);
    expect(body.accounts[0]!.id).toBe(accountId);
    const south = JSON.parse((await call("find_accounts", { region: ["south"] })).text) as {
      accounts: Array<{ name: string }>;
    };
    expect(south.accounts.map((a) => a.name)).toEqual(["Fleet Co"]);
  });

  it("refuses a page larger than 50 before calling the API", async () => {
    const result = await call("find_accounts", { first: 51 });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/first/);
  });

  it("reads a customer 360: attributes, owner, contacts, open tasks and health", async () => {
    const result = await call("customer_360", { accountId });
    expect(result.isError).toBe(false);
    const account = JSON.parse(result.text) as Record<string, unknown> & {
      owner: { externalId: string } | null;
      contacts: Array<{ name: string; buyingRole: string }>;
      tasks: Array<{ title: string }>;
      health: { confidence: number; lowConfidence: boolean; drivers: unknown[]; explanationSummary: unknown[] } | null;
    };
    expect(account).toMatchObject({ id: accountId, name: "Riverside Hospital", industry: "healthcare" });
    expect(account.owner?.externalId).toBe("u-owner");
    expect(account.contacts).toEqual([expect.objectContaining({ name: "Dr. Chen", buyingRole: "DECISION_MAKER" })]);
    expect(account.tasks.map((t) => t.title).sort()).toEqual(["Call the QC lead", "Prepare a remote QC demo plan"]);
    expect(account.health).not.toBeNull();
    expect(Object.keys(account.health!)).toEqual(expect.arrayContaining(["score", "grade", "modelId"]));
    expect(account.health).toEqual(
      expect.objectContaining({
        confidence: expect.any(Number) as unknown,
        lowConfidence: expect.any(Boolean) as unknown,
        drivers: expect.any(Array) as unknown,
        explanationSummary: expect.any(Array) as unknown,
      }),
    );
  });

  it("answers a bad account id as a tool error with the API's message, not a stack trace", async () => {
    const result = await call("customer_360", { accountId: "not-an-id" });
    expect(result.isError).toBe(true);
    expect(result.text).not.toMatch(/\n\s+at /);
    expect(result.text).toMatch(/^[A-Z_]+: .*not-an-id/);
  });

  it("lists the user's tasks, completes one, and the audit trail names the agent", async () => {
    const listed = await call("list_tasks", { status: "OPEN" });
    expect(listed.isError).toBe(false);
    const tasks = (JSON.parse(listed.text) as { tasks: Array<{ id: string; title: string }> }).tasks;
    expect(tasks.map((t) => t.title).sort()).toEqual(["Call the QC lead", "Prepare a remote QC demo plan"]);
    taskId = tasks.find((t) => t.title === "Prepare a remote QC demo plan")!.id;

    const done = await call("complete_task", { taskId, note: "plan sent by the agent" });
    expect(done.isError).toBe(false);
    expect(JSON.parse(done.text)).toMatchObject({ id: taskId, status: "DONE", completedBy: "u-analyst" });
    const open = JSON.parse((await call("list_tasks", { status: "OPEN" })).text) as { tasks: Array<{ title: string }> };
    expect(open.tasks.map((t) => t.title)).toEqual(["Call the QC lead"]);

    const again = await call("complete_task", { taskId });
    expect(again.isError).toBe(true);
    expect(again.text).not.toMatch(/\n\s+at /);

    const trail = dataOf(
      await api.run(
        AuditTrailDocument,
        { filter: { kind: "TASK_COMPLETED", accountId }, first: 10 },
        { token: signToken({ tenant, role: "admin" }, TEST_JWT_SECRET) },
      ),
    );
    const records = trail.auditTrail.edges.map((e) => e.node);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: "TASK_COMPLETED", actor: `agent:${AGENT}` });
  });

  it("refuses another user's agent completing a task not assigned to it, with the API's message", async () => {
    const open = JSON.parse((await call("list_tasks", { status: "OPEN" })).text) as { tasks: Array<{ id: string }> };
    const other = open.tasks[0]!.id;
    const viewer = await connect(
      signToken({ tenant, role: "viewer", user: "u-viewer", agent: "viewer-bot" }, TEST_JWT_SECRET),
    );
    try {
      const result = (await viewer.callTool({ name: "complete_task", arguments: { taskId: other } })) as CallToolResult;
      expect(result.isError).toBe(true);
      const first = result.content[0];
      expect(first?.type === "text" ? first.text : "").toMatch(/only an assignee or an admin completes it/);
    } finally {
      await viewer.close();
    }
    const still = JSON.parse((await call("list_tasks", { status: "OPEN" })).text) as { tasks: Array<{ id: string }> };
    expect(still.tasks.map((t) => t.id)).toEqual([other]);
  });
});

// A definition as draft_playbook's playbookInput carries it: complete, owned by the agent's user.
const DRAFTED = {
  name: "Remote QC interest",
  intent: "When a hospital's contacts view the remote QC page three times in a week, plan a demo.",
  mode: "SUGGEST",
  ownerUserId: "u-analyst",
  trigger: {
    kind: "SIGNAL_COUNT",
    signals: { field: "page_view", valueEquals: "/remote-quality-control", subjectKinds: ["CONTACT"] },
    count: 3,
    withinDays: 7,
    scope: "ACCOUNT",
  },
  conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", op: "IN", values: ["healthcare"] }],
  actions: [
    {
      kind: "CREATE_TASK",
      template: "demo-plan",
      title: "Plan a remote QC demo",
      assignee: { kind: "ACCOUNT_OWNER" },
      dueInDays: 5,
    },
  ],
  feedback: { kind: "TASK_COMPLETED", withinDays: 5 },
  limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
};

describe("plain-language drafts and playbook saves through MCP (issue 12)", () => {
  it("drafts a playbook from text through the API, naming what it did not understand", async () => {
    const result = await call("draft_playbook", { text: "xqzv blorft wibble" });
    expect(result.isError).toBe(false);
    const draft = JSON.parse(result.text) as {
      source: string;
      unrecognised: string[];
      playbookInput: unknown;
      warnings: Array<{ code: string }>;
    };
    expect(draft.source).toBe("GRAMMAR");
    expect(draft.unrecognised.length).toBeGreaterThan(0);
    expect(draft.playbookInput).toBeNull();
    // An analyst may save playbooks and create tasks: no role warning.
    expect(draft.warnings.map((w) => w.code)).not.toContain("ROLE_NOT_ALLOWED");
  });

  it("refuses a sentence over 1,000 characters before calling the API", async () => {
    const result = await call("draft_playbook", { text: "a".repeat(1001) });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/text/);
  });

  it("refuses to save a sentence that gives no complete playbook, and saves nothing", async () => {
    const result = await call("save_playbook_draft", { text: "xqzv blorft wibble" });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^INCOMPLETE: /);
  });

  it("saves a draft as a DRAFT playbook, never active, and the audit trail names the agent", async () => {
    const result = await call("save_playbook_draft", { definition: DRAFTED });
    expect(result.isError).toBe(false);
    const saved = (JSON.parse(result.text) as { playbook: { id: string; status: string; ownerUserId: string } })
      .playbook;
    expect(saved).toMatchObject({ status: "DRAFT", ownerUserId: "u-analyst" });

    const admin = signToken({ tenant, role: "admin" }, TEST_JWT_SECRET);
    const stored = dataOf(await api.run(PlaybookDocument, { id: saved.id }, { token: admin }));
    expect(stored.playbook.status).toBe("DRAFT");
    const trail = dataOf(
      await api.run(
        AuditTrailDocument,
        { filter: { kind: "PLAYBOOK_CHANGED", playbookId: saved.id }, first: 10 },
        { token: admin },
      ),
    );
    const records = trail.auditTrail.edges.map((e) => e.node);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor: `agent:${AGENT}`,
      payload: expect.objectContaining({ change: "SAVED" }),
    });
  });

  it("refuses a viewer agent's save with the API's FORBIDDEN, and nothing is saved", async () => {
    const viewer = await connect(
      signToken({ tenant, role: "viewer", user: "u-viewer", agent: "viewer-bot" }, TEST_JWT_SECRET),
    );
    try {
      const result = (await viewer.callTool({
        name: "save_playbook_draft",
        arguments: { definition: { ...DRAFTED, name: "Viewer's attempt", ownerUserId: "u-viewer" } },
      })) as CallToolResult;
      expect(result.isError).toBe(true);
      const first = result.content[0];
      const text = first?.type === "text" ? first.text : "";
      expect(text).toMatch(/^FORBIDDEN: /);
      expect(text).not.toMatch(/\n\s+at /);

      // The viewer may draft; the draft says its roles may not save it.
      const drafted = (await viewer.callTool({
        name: "draft_playbook",
        arguments: { text: "xqzv blorft wibble" },
      })) as CallToolResult;
      expect(drafted.isError).toBeFalsy();
      const draftText = drafted.content[0]?.type === "text" ? drafted.content[0].text : "";
      const draft = JSON.parse(draftText) as { warnings: Array<{ code: string; actionIndex: number | null }> };
      expect(draft.warnings).toContainEqual(expect.objectContaining({ code: "ROLE_NOT_ALLOWED", actionIndex: null }));
    } finally {
      await viewer.close();
    }
    const trail = dataOf(
      await api.run(
        AuditTrailDocument,
        { filter: { kind: "PLAYBOOK_CHANGED" }, first: 50 },
        { token: signToken({ tenant, role: "admin" }, TEST_JWT_SECRET) },
      ),
    );
    expect(trail.auditTrail.edges.map((e) => e.node.actor)).not.toContain("agent:viewer-bot");
  });

  it("records an agent as who disabled a webhook endpoint (webhook writes name the agent)", async () => {
    const token = signToken({ tenant, role: "integrator", subject: "svc-sync", agent: "hook-bot" }, TEST_JWT_SECRET);
    const registered = dataOf(
      await api.run(
        RegisterWebhookDocument,
        { url: "http://127.0.0.1:9/hook", eventTypes: ["ACCOUNT_CREATED"] as never, description: "agent hook" },
        { token },
      ),
    );
    const disabled = dataOf(
      await api.run(DisableWebhookDocument, { id: registered.registerWebhook.endpoint.id }, { token }),
    );
    expect(disabled.disableWebhook.disabledReason).toBe("Disabled by agent:hook-bot.");
  });
});

describe("the MCP server's settings", () => {
  it("needs RELATA_TOKEN and says how to get one", () => {
    expect(() => relataClientOptionsFromEnv({})).toThrow(/RELATA_TOKEN is not set.*npm run token/);
    expect(relataClientOptionsFromEnv({ RELATA_TOKEN: "t" }).url).toBe("http://localhost:4000/graphql");
  });
});
