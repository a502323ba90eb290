import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { RolesAllowed } from "../../../domain/automation/action-permissions";
import { DraftDirectory, PlaybookDraft } from "../../../domain/plain-language/draft";
import { DirectoryRows, DraftDirectoryRepository } from "../../../graph/plain-language/draft-directory.repository";
import { DraftParser, DraftService } from "../../../services/plain-language/draft.service";
import { LlmDraftProvider, LlmOutcome } from "../../../services/plain-language/llm-draft-provider";
import { PackCache } from "../../../services/plain-language/pack-cache";

// Issue 12, the optional LLM provider: a REAL local HTTP server speaking the OpenAI chat-completions protocol
// (no mocked module). A valid proposal becomes an LLM draft; invalid JSON, a schema-violating answer, ids the
// tenant does not have, a slow answer and an HTTP 500 each fall back to the grammar's draft with a warning.

type Reply = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let reply: Reply;
const requests: Array<{ path: string | undefined; authorization: string | undefined; body: Record<string, unknown> }> =
  [];

/** A chat completion whose message content is `content`. */
function completion(content: string): Reply {
  return (_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        id: "chatcmpl-test",
        object: "chat.completion",
        model: "tiny-test",
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      }),
    );
  };
}

const VALID = {
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
  confidence: 0.9,
};

const DIRECTORY: DraftDirectory = {
  users: [{ id: "u-ann", names: ["Ann Analyst", "u-ann"] }],
  teams: [{ id: "team_1", names: ["Key Accounts"] }],
  roles: [{ id: "analyst", names: ["analyst"] }],
  accountOwner: { names: ["account owner"] },
  organizations: [],
  organizationKinds: {},
  webhookEndpoints: [{ id: "wh_1", names: ["ERP"] }],
  accountFields: { industry: { HEALTHCARE: ["HEALTHCARE", "healthcare"] } },
  healthGrades: { GREEN: ["green"], RED: ["red"] },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push({
        path: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(body) as Record<string, unknown>,
      });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

function provider(timeoutMs = 5_000): LlmDraftProvider {
  return new LlmDraftProvider({ url: baseUrl, model: "tiny-test", apiKey: "sk-test", timeoutMs });
}

async function propose(timeoutMs?: number): Promise<LlmOutcome> {
  return provider(timeoutMs).propose("When a hospital views the QC page 3 times...", "en", DIRECTORY, []);
}

describe("the LLM provider against an OpenAI-compatible server", () => {
  it("posts to /chat/completions with the model, the key, the schema and the tenant's vocabulary", async () => {
    reply = completion(JSON.stringify(VALID));
    await propose();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.path).toBe("/v1/chat/completions");
    expect(request!.authorization).toBe("Bearer sk-test");
    expect(request!.body.model).toBe("tiny-test");
    const messages = request!.body.messages as Array<{ role: string; content: string }>;
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[0]!.content).toMatch(/"kind":"SIGNAL_COUNT"/);
    expect(messages[0]!.content).toContain("u-ann: Ann Analyst");
    expect(messages[0]!.content).toContain("wh_1: ERP");
    expect(messages[1]!.content).toContain("views the QC page");
  });

  it("turns a valid answer into a proposal in the playbook schema", async () => {
    reply = completion(JSON.stringify(VALID));
    const outcome = await propose();
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.proposal.trigger).toMatchObject({ kind: "SIGNAL_COUNT", count: 3, withinDays: 7 });
    expect(outcome.proposal.actions).toEqual([expect.objectContaining({ kind: "CREATE_TASK", dueInDays: 5 })]);
    expect(outcome.proposal.feedback).toBeNull();
    expect(outcome.proposal.confidence).toBe(0.9);
  });

  it("reads an answer wrapped in a ```json fence", async () => {
    reply = completion("Here it is:\n```json\n" + JSON.stringify(VALID) + "\n```");
    expect((await propose()).ok).toBe(true);
  });

  it("refuses a message that is not valid JSON", async () => {
    reply = completion("Sure! When the hospital views the page, create a task {oops");
    expect(await propose()).toEqual({ ok: false, reason: "the model's message is not valid JSON" });
  });

  it("refuses an HTTP body that is not a chat completion", async () => {
    reply = (_req, res) => void res.end("<html>gateway</html>");
    expect(await propose()).toEqual({ ok: false, reason: expect.stringMatching(/not a chat completion/) as unknown });
  });

  it("refuses an answer that violates the playbook schema, naming the problem's path", async () => {
    reply = completion(JSON.stringify({ ...VALID, trigger: { ...VALID.trigger, count: 0 }, actions: [] }));
    const outcome = await propose();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(/does not fit the playbook schema/);
    expect(outcome.reason).toMatch(/trigger\.count/);
    expect(outcome.reason).toMatch(/actions/);
  });

  it("refuses an answer naming a user or endpoint the tenant does not have", async () => {
    reply = completion(
      JSON.stringify({
        ...VALID,
        actions: [
          { ...VALID.actions[0], assignee: { kind: "USER", userId: "u-invented" } },
          { kind: "CALL_WEBHOOK", endpointId: "wh_invented" },
        ],
      }),
    );
    const outcome = await propose();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(/no user "u-invented"/);
    expect(outcome.reason).toMatch(/no webhook endpoint "wh_invented"/);
  });

  it("gives up on an answer slower than the timeout", async () => {
    // The server holds the answer until the client hangs up.
    reply = () => undefined;
    expect(await propose(150)).toEqual({ ok: false, reason: "the provider did not answer within 150 ms" });
  });

  it("reports an HTTP 500 without its body", async () => {
    reply = (_req, res) => void res.writeHead(500).end("Traceback (most recent call last): secret internals");
    expect(await propose()).toEqual({ ok: false, reason: "the provider answered HTTP 500" });
  });

  it("reports an unreachable provider", async () => {
    const closed = new LlmDraftProvider({ url: "http://127.0.0.1:1/v1", model: "m", apiKey: null, timeoutMs: 2_000 });
    const outcome = await closed.propose("x", "en", DIRECTORY, []);
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/could not be reached/) as unknown });
  });
});

// The draft service with the provider: the graph is a fixed vocabulary here (the integration and e2e tests
// read it from Neo4j), the parser a stand-in that understands nothing, so any recognised part is the LLM's.
const ROWS: DirectoryRows = {
  users: [{ externalId: "u-ann", name: "Ann Analyst", roles: ["analyst"] }],
  teams: [],
  organizations: [],
  endpoints: [{ id: "wh_1", url: "https://erp.example.com/hook", description: "ERP" }],
  industries: ["HEALTHCARE"],
  segments: [],
  regions: [],
  gradeBands: [],
  packs: [],
};
const repository = {
  directory: () => Promise.resolve(ROWS),
  packContents: () => Promise.resolve(new Map<string, string>()),
} as unknown as DraftDirectoryRepository;
const nothingUnderstood: DraftParser = (text, _context, language) => ({
  language: language ?? "en",
  text,
  source: "GRAMMAR",
  name: "grammar name",
  intent: text,
  trigger: null,
  conditions: [],
  actions: [],
  feedback: null,
  mode: null,
  matched: [],
  unrecognised: [text],
  confidence: 0,
  warnings: [{ code: "INCOMPLETE", message: "No trigger was recognised in the sentence." }],
});
const rolesAllowed: RolesAllowed = (operation) =>
  operation === "Mutation.createTask" ? ["admin", "analyst", "integrator"] : ["admin", "analyst"];

function service(timeoutMs = 5_000): DraftService {
  return new DraftService(
    repository,
    new PackCache(),
    { subject: "u-ann", tokenRole: "analyst", userRoles: ["analyst"], isUser: true },
    rolesAllowed,
    provider(timeoutMs),
    nothingUnderstood,
  );
}

describe("a draft with the LLM provider", () => {
  it("is the model's validated proposal, marked LLM, with a savePlaybook input owned by the caller", async () => {
    reply = completion(JSON.stringify(VALID));
    const result = await service().draft("When a hospital views the QC page 3 times in a week, ...", null);
    expect(result.draft.source).toBe("LLM");
    expect(result.llm).toEqual({ model: "tiny-test", outcome: "USED", message: null });
    expect(result.draft.trigger).toMatchObject({ kind: "SIGNAL_COUNT", count: 3 });
    expect(result.playbookInput).toMatchObject({
      name: "Remote QC interest",
      mode: "SUGGEST",
      ownerUserId: "u-ann",
      feedback: { kind: "TASK_COMPLETED", withinDays: 5 },
      limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
    });
    expect(result.warnings).toEqual([]);
  });

  it.each<[string, Reply, number, RegExp]>([
    ["invalid JSON", completion("not json at all"), 5_000, /not valid JSON/],
    [
      "a schema-violating answer",
      completion(JSON.stringify({ ...VALID, trigger: { kind: "SOMETIMES" } })),
      5_000,
      /does not fit the playbook schema \(trigger\.kind/,
    ],
    ["a slow answer", () => undefined, 150, /did not answer within 150 ms/],
    ["an HTTP 500", (_req, res) => void res.writeHead(500).end("boom"), 5_000, /HTTP 500/],
  ])("falls back to the grammar's draft on %s, with a warning saying what went wrong", async (_what, r, ms, why) => {
    reply = r;
    const result = await service(ms).draft("When a hospital views the QC page 3 times in a week, ...", "en");
    expect(result.draft.source).toBe("GRAMMAR");
    expect(result.draft.name).toBe("grammar name");
    expect(result.llm?.outcome).toBe("FALLBACK");
    expect(result.llm?.message).toMatch(why);
    const fallback = result.warnings.filter((w) => w.code === "LLM_FALLBACK");
    expect(fallback).toHaveLength(1);
    expect(fallback[0]!.message).toMatch(why);
    expect(fallback[0]!.message).not.toMatch(/\n\s+at /);
    // The domain draft keeps the parser's own warning codes only.
    expect((result.draft as PlaybookDraft).warnings.map((w) => w.code)).not.toContain("LLM_FALLBACK");
    expect(result.playbookInput).toBeNull();
  });
});
