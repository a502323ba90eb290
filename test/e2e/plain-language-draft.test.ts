import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { signToken } from "../../app/auth/token";
import {
  AuditTrailDocument,
  DraftPlaybookFromTextDocument,
  PlaybookDocument,
  PlaybookInput,
  RegisterWebhookDocument,
  SavePlaybookDocument,
  UpsertAccountsDocument,
  UpsertOrganizationsDocument,
  UpsertTeamsDocument,
  UpsertUsersDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

// Issue 12, plain-language drafts over real HTTP against the real Neo4j: the vocabulary comes from the
// tenant's graph (and only that tenant's), a draft's playbookInput is accepted by savePlaybook as a DRAFT,
// a viewer's draft is flagged ROLE_NOT_ALLOWED, and oversize text is refused with a clear code. The LLM
// provider is a tiny OpenAI-compatible server in this test, so a complete draft does not depend on how
// much the built-in parser understands: it proposes for sentences marked PLAN-A-DEMO and fails (HTTP 500)
// for the rest, which then get the parser's draft.

let api: TestApi;
let llm: Server;
const prompts: string[] = [];
let tenant: string;
let other: string;
let teamId: string;

const DEMO_SENTENCE =
  "PLAN-A-DEMO: when a hospital's contacts view the remote QC page 3 times in a week, Ann plans a demo";

const PROPOSAL = {
  name: "Remote QC interest",
  mode: null,
  trigger: {
    kind: "SIGNAL_COUNT",
    signals: { field: "page_view", valueEquals: "/remote-quality-control", subjectKinds: ["CONTACT"] },
    count: 3,
    withinDays: 7,
    scope: "ACCOUNT",
  },
  conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", op: "IN", values: ["HEALTHCARE"] }],
  actions: [
    {
      kind: "CREATE_TASK",
      template: "demo-plan",
      title: "Plan a remote QC demo",
      assignee: { kind: "USER", userId: "u-ann" },
      dueInDays: 5,
    },
  ],
  feedback: null,
  unrecognised: [],
  confidence: 0.8,
};

const userToken = (user: string, role: "admin" | "analyst" | "viewer") =>
  signToken({ tenant, role, user }, TEST_JWT_SECRET);

beforeAll(async () => {
  llm = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const messages = (JSON.parse(body) as { messages: Array<{ content: string }> }).messages;
      prompts.push(messages[0]!.content);
      if (!messages[1]!.content.includes("PLAN-A-DEMO")) return void res.writeHead(500).end("model overloaded");
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: JSON.stringify(PROPOSAL) } }] }));
    });
  });
  await new Promise<void>((resolve) => llm.listen(0, "127.0.0.1", resolve));
  api = await startTestApi({
    RELATA_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    RELATA_NL_LLM_URL: `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`,
    RELATA_NL_LLM_MODEL: "tiny-test",
    RELATA_NL_LLM_TIMEOUT_MS: "10000",
  });
  tenant = uniqueTenant("nl-draft");
  other = uniqueTenant("nl-other");
  const writer = signToken({ tenant, role: "integrator", subject: "loader" }, TEST_JWT_SECRET);
  const teams = dataOf(
    await api.run(
      UpsertTeamsDocument,
      { input: [{ sourceSystem: "hr", externalId: "t-key", name: "Key Accounts" }] },
      { token: writer },
    ),
  );
  teamId = teams.upsertTeams.records[0]!.id;
  dataOf(
    await api.run(
      UpsertUsersDocument,
      {
        input: [
          {
            sourceSystem: "hr",
            externalId: "u-ann",
            name: "Ann Analyst",
            roles: ["analyst"],
            team: { externalId: "t-key" },
          },
          { sourceSystem: "hr", externalId: "u-olga", name: "Olga Admin", roles: ["admin"] },
          { sourceSystem: "hr", externalId: "u-vic", name: "Vic Viewer", roles: ["viewer"] },
        ],
      },
      { token: writer },
    ),
  );
  dataOf(
    await api.run(
      UpsertAccountsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "H-1",
            name: "Riverside Hospital",
            industry: "HEALTHCARE",
            segment: "ENTERPRISE",
            region: "EAST",
            owner: { externalId: "u-ann" },
          },
        ],
      },
      { token: writer },
    ),
  );
  const organizations = dataOf(
    await api.run(
      UpsertOrganizationsDocument,
      {
        input: [
          {
            sourceSystem: "erp",
            externalId: "ORG-1",
            name: "Huatong Medical Services",
            kind: "SERVICE_PROVIDER" as never,
            links: [{ account: { sourceSystem: "crm", externalId: "H-1" }, relationship: "SERVICES" as never }],
          },
        ],
      },
      { token: writer },
    ),
  );
  expect(organizations.upsertOrganizations.rejections).toEqual([]);
  dataOf(
    await api.run(
      RegisterWebhookDocument,
      { url: "http://127.0.0.1:9/erp-hook", eventTypes: ["ACCOUNT_CREATED"] as never, description: "ERP" },
      { token: writer },
    ),
  );
  // Another tenant's people must never reach this tenant's vocabulary.
  dataOf(
    await api.run(
      UpsertUsersDocument,
      { input: [{ sourceSystem: "hr", externalId: "u-zed-other", name: "Zed Othertenant", roles: ["analyst"] }] },
      { token: signToken({ tenant: other, role: "integrator", subject: "loader" }, TEST_JWT_SECRET) },
    ),
  );
}, 180_000);

afterAll(async () => {
  await api?.stop();
  llm?.closeAllConnections();
  await new Promise((resolve) => llm?.close(resolve));
});

describe("the draft vocabulary (issue 12)", () => {
  it("comes from the tenant's graph: users, teams, roles, organizations, endpoints, field values, grades, packs", async () => {
    const { directory, packs } = await api.runtime.server.contexts
      .forPrincipal({ tenant, role: "analyst", subject: "u-ann" })
      .drafts.context();
    expect(directory.users).toEqual(
      expect.arrayContaining([
        { id: "u-ann", names: ["Ann Analyst", "u-ann"] },
        { id: "u-vic", names: ["Vic Viewer", "u-vic"] },
      ]),
    );
    expect(directory.users).toHaveLength(3);
    expect(directory.teams).toEqual([{ id: teamId, names: ["Key Accounts", "Key Accounts team", "t-key"] }]);
    expect(directory.roles.map((r) => r.id)).toEqual(["admin", "analyst", "viewer"]);
    expect(directory.organizations).toEqual([
      expect.objectContaining({ kind: "SERVICE_PROVIDER", names: ["Huatong Medical Services"] }),
    ]);
    expect(directory.organizationKinds.SERVICE_PROVIDER).toEqual(expect.arrayContaining(["service provider"]));
    expect(directory.webhookEndpoints).toEqual([
      expect.objectContaining({ names: expect.arrayContaining(["ERP", "127.0.0.1"]) as unknown }),
    ]);
    expect(Object.keys(directory.accountFields.industry!)).toEqual(["HEALTHCARE"]);
    // Names compare without case; the healthcare pack's titles name the value in both languages.
    expect(directory.accountFields.industry!.HEALTHCARE).toEqual(["HEALTHCARE", "医疗健康"]);
    expect(Object.keys(directory.accountFields.segment!)).toEqual(["ENTERPRISE"]);
    expect(Object.keys(directory.accountFields.region!)).toEqual(["EAST"]);
    expect(Object.keys(directory.healthGrades)).toEqual(["GREEN", "YELLOW", "RED"]);
    expect(packs.map((p) => p.pack)).toEqual(expect.arrayContaining(["core", "healthcare"]));
  });

  it("never holds another tenant's users, nor sends them to the LLM provider", async () => {
    const { directory } = await api.runtime.server.contexts
      .forPrincipal({ tenant, role: "analyst", subject: "u-ann" })
      .drafts.context();
    expect(JSON.stringify(directory)).not.toMatch(/zed/i);
    prompts.length = 0;
    dataOf(
      await api.run(DraftPlaybookFromTextDocument, { text: DEMO_SENTENCE }, { token: userToken("u-ann", "analyst") }),
    );
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain("u-ann");
    expect(prompts[0]).not.toMatch(/zed/i);
  });

  it("is read in one statement, plus one for ontology packs not parsed yet", async () => {
    const draft = () =>
      api.run(
        DraftPlaybookFromTextDocument,
        { text: "when a contact views the pricing page, tell the owner" },
        { token: userToken("u-olga", "admin"), headers: { "x-relata-debug": "1" } },
      );
    const first = await draft();
    dataOf(first);
    expect(statementNames(first)[0]).toBe("plainLanguage.directory");
    expect(statementNames(first).length).toBeLessThanOrEqual(2);
    const second = await draft();
    dataOf(second);
    expect(statementNames(second)).toEqual(["plainLanguage.directory"]);
  });
});

describe("draftPlaybookFromText over HTTP (issue 12)", () => {
  it("drafts a complete playbook whose playbookInput savePlaybook accepts as a DRAFT", async () => {
    const token = userToken("u-ann", "analyst");
    const draft = dataOf(
      await api.run(DraftPlaybookFromTextDocument, { text: DEMO_SENTENCE }, { token }),
    ).draftPlaybookFromText;
    expect(draft.source).toBe("LLM");
    expect(draft.llm).toEqual({ model: "tiny-test", outcome: "USED", message: null });
    expect(draft.warnings).toEqual([]);
    expect(draft.playbookInput).toMatchObject({ ownerUserId: "u-ann", mode: "SUGGEST" });

    const saved = dataOf(
      await api.run(SavePlaybookDocument, { definition: draft.playbookInput as PlaybookInput }, { token }),
    ).savePlaybook;
    expect(saved).toMatchObject({ status: "DRAFT", ownerUserId: "u-ann" });
    const stored = dataOf(await api.run(PlaybookDocument, { id: saved.id }, { token })).playbook;
    expect(stored.status).toBe("DRAFT");
    expect(stored.definition).toMatchObject({ trigger: PROPOSAL.trigger, actions: PROPOSAL.actions });
  });

  it("saves and activates nothing by itself", async () => {
    const admin = userToken("u-olga", "admin");
    const before = dataOf(
      await api.run(AuditTrailDocument, { filter: { kind: "PLAYBOOK_CHANGED" }, first: 50 }, { token: admin }),
    );
    dataOf(await api.run(DraftPlaybookFromTextDocument, { text: DEMO_SENTENCE }, { token: admin }));
    const after = dataOf(
      await api.run(AuditTrailDocument, { filter: { kind: "PLAYBOOK_CHANGED" }, first: 50 }, { token: admin }),
    );
    expect(after.auditTrail.edges).toHaveLength(before.auditTrail.edges.length);
  });

  it("flags a viewer's draft ROLE_NOT_ALLOWED: saving it, and the task it would create", async () => {
    const draft = dataOf(
      await api.run(DraftPlaybookFromTextDocument, { text: DEMO_SENTENCE }, { token: userToken("u-vic", "viewer") }),
    ).draftPlaybookFromText;
    const flagged = draft.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED");
    expect(flagged.map((w) => w.actionIndex ?? null).sort()).toEqual([0, null]);
    expect(flagged.find((w) => w.actionIndex === 0)?.message).toMatch(/CREATE_TASK/);
  });

  it("falls back to the built-in parser when the provider fails, saying why, never a 500", async () => {
    const response = await api.run(
      DraftPlaybookFromTextDocument,
      { text: "xqzv blorft wibble", language: "en" as never },
      { token: userToken("u-ann", "analyst") },
    );
    const draft = dataOf(response).draftPlaybookFromText;
    expect(draft.source).toBe("GRAMMAR");
    expect(draft.llm).toEqual({ model: "tiny-test", outcome: "FALLBACK", message: "the provider answered HTTP 500" });
    expect(draft.warnings).toContainEqual(
      expect.objectContaining({ code: "LLM_FALLBACK", message: expect.stringMatching(/HTTP 500/) as unknown }),
    );
    expect(draft.unrecognised.length).toBeGreaterThan(0);
    expect(draft.playbookInput).toBeNull();
  });

  it("refuses text over 1,000 characters with DRAFT_TEXT_TOO_LONG", async () => {
    const response = await api.run(
      DraftPlaybookFromTextDocument,
      { text: "w".repeat(1001) },
      { token: userToken("u-ann", "analyst") },
    );
    const error = onlyErrorOf(response, 200);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DRAFT_TEXT_TOO_LONG" });
    expect(error.message).toMatch(/1001 characters long; a draft is made of at most 1000/);
  });

  it("refuses empty text with DRAFT_TEXT_EMPTY", async () => {
    const response = await api.run(
      DraftPlaybookFromTextDocument,
      { text: "   " },
      { token: userToken("u-ann", "analyst") },
    );
    expect(onlyErrorOf(response, 200).extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DRAFT_TEXT_EMPTY" });
  });
});
