import { RolesAllowed } from "../../../domain/automation/action-permissions";
import { PlaybookDraft } from "../../../domain/plain-language/draft";
import { DraftContext } from "../../../domain/plain-language/draft-playbook";
import { DirectoryRows, DraftDirectoryRepository } from "../../../graph/plain-language/draft-directory.repository";
import { rolesAllowedByMatrix } from "../../../app/automation/roles-allowed";
import {
  authorRoles,
  DraftCaller,
  DraftParser,
  DraftParserOptions,
  DraftService,
} from "../../../services/plain-language/draft.service";
import { DraftError } from "../../../services/plain-language/draft.errors";
import { PackCache } from "../../../services/plain-language/pack-cache";

// The draft service without an LLM provider (the provider's own tests are in llm-draft-provider.test.ts):
// what it tells the parser (the vocabulary, the caller's roles, the role matrix), the ROLE_NOT_ALLOWED
// warnings it adds where the parser gave none, the text limits, and the savePlaybook input it completes.
// The parser is a stand-in returning a fixed draft, so nothing here depends on how well the grammar parses.

const ROWS: DirectoryRows = {
  users: [
    { externalId: "u-ann", name: "Ann Analyst", roles: ["analyst"] },
    { externalId: "u-vic", name: "Vic Viewer", roles: ["viewer"] },
  ],
  teams: [{ id: "tem_1", externalId: "t-key", name: "Key Accounts" }],
  organizations: [{ id: "org_1", name: "Huatong", kind: "SERVICE_PROVIDER" }],
  endpoints: [{ id: "wh_1", url: "https://erp.example.com/hook", description: "ERP" }],
  industries: ["HEALTHCARE"],
  segments: ["ENTERPRISE"],
  regions: ["EAST"],
  gradeBands: [["GOOD", "BAD"]],
  packs: [{ scope: "_builtin", pack: "healthcare", hash: "h1" }],
};

const HEALTHCARE_PACK = {
  pack: "healthcare",
  version: "1.0.0",
  title: { en: "Healthcare", zh: "医疗健康" },
  description: { en: "", zh: "" },
  namespace: "https://example.com/",
  concepts: [],
  mappings: [],
};

function repository(): DraftDirectoryRepository & { contentReads: string[][] } {
  const contentReads: string[][] = [];
  return {
    contentReads,
    directory: () => Promise.resolve(ROWS),
    packContents: (hashes: readonly string[]) => {
      contentReads.push([...hashes]);
      return Promise.resolve(new Map([["h1", JSON.stringify(HEALTHCARE_PACK)]]));
    },
  } as unknown as DraftDirectoryRepository & { contentReads: string[][] };
}

/** A draft with a trigger and a task and a webhook call, as a parser might read a complete sentence. */
const COMPLETE: Omit<PlaybookDraft, "text" | "language"> = {
  source: "GRAMMAR",
  name: "Red accounts",
  intent: "when an account turns red, Ann calls them and the ERP hears of it",
  trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
  conditions: [],
  actions: [
    {
      kind: "CREATE_TASK",
      template: "call",
      title: "Call them",
      assignee: { kind: "USER", userId: "u-ann" },
      dueInDays: 3,
    },
    { kind: "CALL_WEBHOOK", endpointId: "wh_1" },
  ],
  feedback: null,
  mode: null,
  matched: [{ phrase: "Ann", kind: "USER", id: "u-ann" }],
  unrecognised: [],
  confidence: 0.9,
  warnings: [],
};

interface Call {
  text: string;
  context: DraftContext;
  language: string | undefined;
  options: DraftParserOptions | undefined;
}

function spyParser(draft: Omit<PlaybookDraft, "text" | "language"> = COMPLETE): { parser: DraftParser; calls: Call[] } {
  const calls: Call[] = [];
  const parser: DraftParser = (text, context, language, options) => {
    calls.push({ text, context, language, options });
    return { ...draft, text, language: language ?? "en" };
  };
  return { parser, calls };
}

const ANN: DraftCaller = { subject: "u-ann", tokenRole: "analyst", userRoles: ["analyst"], isUser: true };
const VIC: DraftCaller = { subject: "u-vic", tokenRole: "viewer", userRoles: ["viewer"], isUser: true };

function service(caller: DraftCaller, parser: DraftParser, rolesAllowed: RolesAllowed = rolesAllowedByMatrix) {
  return new DraftService(repository(), new PackCache(), caller, rolesAllowed, null, parser);
}

describe("what the draft service tells the parser", () => {
  it("passes the trimmed sentence, the detected language, the tenant's vocabulary and packs", async () => {
    const { parser, calls } = spyParser();
    await service(ANN, parser).draft("  当客户变红时，通知李伟  ", null);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.text).toBe("当客户变红时，通知李伟");
    expect(call!.language).toBe("zh");
    expect(call!.context.directory.users).toEqual([
      { id: "u-ann", names: ["Ann Analyst", "u-ann"] },
      { id: "u-vic", names: ["Vic Viewer", "u-vic"] },
    ]);
    expect(call!.context.directory.teams).toEqual([
      { id: "tem_1", names: ["Key Accounts", "Key Accounts team", "t-key"] },
    ]);
    expect(call!.context.directory.healthGrades).toEqual({ GOOD: ["GOOD"], BAD: ["BAD"] });
    expect(call!.context.directory.accountFields.industry).toEqual({ HEALTHCARE: ["HEALTHCARE", "医疗健康"] });
    expect(call!.context.directory.organizationKinds).toEqual({
      SERVICE_PROVIDER: ["service partner", "service provider", "服务商", "维保服务商"],
    });
    expect(call!.context.packs.map((p) => p.pack)).toEqual(["healthcare"]);
  });

  it("passes the caller's roles and the role matrix, so the parser can flag ROLE_NOT_ALLOWED", async () => {
    const { parser, calls } = spyParser();
    await service(VIC, parser).draft("when an account turns red, call them", "en");
    expect(calls[0]!.options?.author).toEqual({ roles: ["viewer"], userId: "u-vic" });
    expect(calls[0]!.options?.rolesAllowed?.("Mutation.savePlaybook")).toEqual(["admin", "analyst"]);
  });

  it("names the token's role when the user holds it, else the user's roles (the role cap)", () => {
    expect(authorRoles({ ...ANN, tokenRole: "analyst", userRoles: ["analyst", "viewer"] })).toEqual(["analyst"]);
    expect(authorRoles({ ...ANN, tokenRole: "admin", userRoles: ["viewer"] })).toEqual(["viewer"]);
    expect(authorRoles({ ...ANN, tokenRole: "integrator", userRoles: null })).toEqual(["integrator"]);
  });

  it("parses each ontology pack version once per process (by content hash)", async () => {
    const repo = repository();
    const cache = new PackCache();
    const { parser } = spyParser();
    await new DraftService(repo, cache, ANN, rolesAllowedByMatrix, null, parser).draft("x y z", "en");
    await new DraftService(repo, cache, ANN, rolesAllowedByMatrix, null, parser).draft("x y z", "en");
    expect(repo.contentReads).toEqual([["h1"]]);
  });
});

describe("the draft the service answers", () => {
  it("completes a whole draft into a savePlaybook input owned by the caller, with default mode, feedback, limits", async () => {
    const { parser } = spyParser();
    const result = await service(ANN, parser).draft("when an account turns red, Ann calls them", "en");
    expect(result.playbookInput).toEqual({
      name: "Red accounts",
      intent: "when an account turns red, Ann calls them and the ERP hears of it",
      mode: "SUGGEST",
      ownerUserId: "u-ann",
      trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
      conditions: [],
      actions: COMPLETE.actions,
      feedback: { kind: "TASK_COMPLETED", withinDays: 3 },
      limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
    });
    // An analyst may save, create tasks; calling a webhook needs admin or integrator.
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: "ROLE_NOT_ALLOWED",
        actionIndex: 1,
        message: expect.stringMatching(/CALL_WEBHOOK/) as unknown,
      }),
    ]);
  });

  it("flags a viewer's draft: saving it, and each action their roles may not have done", async () => {
    const { parser } = spyParser();
    const result = await service(VIC, parser).draft("when an account turns red, Ann calls them", "en");
    const flagged = result.warnings.filter((w) => w.code === "ROLE_NOT_ALLOWED");
    expect(flagged.map((w) => w.actionIndex ?? null)).toEqual([null, 0, 1]);
    expect(result.draft.warnings).toEqual(result.warnings);
    expect(result.playbookInput).not.toBeNull();
  });

  it("does not repeat a ROLE_NOT_ALLOWED warning the parser already gave", async () => {
    const { parser } = spyParser({
      ...COMPLETE,
      warnings: [
        { code: "ROLE_NOT_ALLOWED", message: "parser: may not save" },
        { code: "ROLE_NOT_ALLOWED", message: "parser: may not create tasks", actionIndex: 0 },
      ],
    });
    const result = await service(VIC, parser).draft("when an account turns red, Ann calls them", "en");
    expect(result.warnings.map((w) => [w.actionIndex ?? null, w.message.slice(0, 7)])).toEqual([
      [null, "parser:"],
      [0, "parser:"],
      [1, "CALL_WE"],
    ]);
  });

  it("gives no savePlaybook input for a draft without trigger or action, and names what was not understood", async () => {
    const { parser } = spyParser({ ...COMPLETE, trigger: null, actions: [], unrecognised: ["blorft"] });
    const result = await service(ANN, parser).draft("blorft", "en");
    expect(result.playbookInput).toBeNull();
    expect(result.draft.unrecognised).toEqual(["blorft"]);
    expect(result.llm).toBeNull();
  });

  it("says when a part does not validate, instead of answering an input savePlaybook would refuse", async () => {
    const { parser } = spyParser({
      ...COMPLETE,
      trigger: { kind: "SIGNAL_COUNT", signals: {}, count: 0, withinDays: 7, scope: "ACCOUNT" },
    });
    const result = await service(ANN, parser).draft("x", "en");
    expect(result.playbookInput).toBeNull();
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "INCOMPLETE", message: expect.stringMatching(/trigger\.count/) as unknown }),
    );
  });

  it("warns a caller who is not a user of the tenant that the playbook needs an owner", async () => {
    const { parser } = spyParser();
    const result = await service(
      { subject: "svc-sync", tokenRole: "admin", userRoles: null, isUser: false },
      parser,
    ).draft("x", "en");
    expect(result.playbookInput).toMatchObject({ ownerUserId: "svc-sync" });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "INCOMPLETE", message: expect.stringMatching(/names no user/) as unknown }),
    );
  });
});

describe("the text the service drafts", () => {
  it("refuses empty text", async () => {
    const { parser, calls } = spyParser();
    await expect(service(ANN, parser).draft("   ", null)).rejects.toMatchObject({ code: "DRAFT_TEXT_EMPTY" });
    expect(calls).toHaveLength(0);
  });

  it("refuses text over 1,000 characters, saying how long it was, before reading the graph", async () => {
    const { parser, calls } = spyParser();
    const refused = service(ANN, parser).draft("a".repeat(1001), null);
    await expect(refused).rejects.toBeInstanceOf(DraftError);
    await expect(refused).rejects.toMatchObject({
      code: "DRAFT_TEXT_TOO_LONG",
      message: expect.stringMatching(/1001 characters/) as unknown,
    });
    expect(calls).toHaveLength(0);
    await expect(service(ANN, parser).draft("a".repeat(1000), null)).resolves.toBeDefined();
  });
});
