import { signToken } from "../../app/auth/token";
import { Role } from "../../resolvers/context";
import {
  ApplyMpuDocument,
  AuditTrailDocument,
  CaptureMpuDocument,
  ChangesDocument,
  CreateMpuDocument,
  IngestSignalsDocument,
  MpuContributionsDocument,
  MpuDocument,
  MpuInput,
  MpuSettingsDocument,
  MpusDocument,
  MpuUsesDocument,
  PublishMpuDocument,
  RecommendedMpusDocument,
  RecordMpuConfirmationDocument,
  ReviewMpuDocument,
  SetMpuSettingsDocument,
  SubmitMpuDocument,
  TaskDocument,
  UpdateMpuDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertTeamsDocument,
  UpsertUsersDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { waitFor } from "../support/wait-for";
import { dataOf, onlyErrorOf } from "./support/responses";

// Issue 16, micro-practice units, end to end over HTTP against the real Neo4j: the education scenario (a rep
// captures "show the equipment office visual data" from a won K12 deal; it stays private; three seniors and
// a customer confirmation validate it; it is published and recommended for similar schools, not hospitals),
// a reviewer below the rank, a breaker that fires after its deadline (the server's clock is moved, no
// sleeps), another tenant, and bad input.

const HOUR = 3_600_000;
// The machine is shared and busy: requests take seconds there, so each step gets two minutes.
jest.setTimeout(120_000);
let nowMs = Date.parse("2026-11-02T09:00:00.000Z");
const clock = () => new Date(nowMs);
const at = (ms: number) => new Date(ms).toISOString();

const tenant = uniqueTenant("mpu");
const otherTenant = uniqueTenant("mpu-other");
let api: TestApi;

const token = (t: string, role: Role, subject: string) => signToken({ tenant: t, role, subject }, TEST_JWT_SECRET);
const ann = () => token(tenant, "rep", "rep-ann"); // the author, MID
const bob = () => token(tenant, "rep", "rep-bob"); // a colleague, MID, owns the other school and the hospital
const joe = () => token(tenant, "rep", "rep-joe"); // JUNIOR
const senior = (n: number) => token(tenant, "rep", `senior-${n}`);
const vic = () => token(tenant, "viewer", "viewer-vic");
const admin = () => token(tenant, "admin", "admin-ada");
const writer = () => token(tenant, "integrator", "loader");

const ids: Record<string, string> = {};

const sourced = <T extends object>(records: T[]) => records.map((r) => ({ sourceSystem: "crm", ...r }));

async function seed(): Promise<void> {
  dataOf(
    await api.run(
      UpsertTeamsDocument,
      { input: sourced([{ externalId: "edu", name: "Education" }]) },
      { token: writer() },
    ),
  );
  const users = [
    { externalId: "rep-ann", name: "Ann Rep", roles: ["rep"], seniority: "MID", team: { externalId: "edu" } },
    { externalId: "rep-bob", name: "Bob Rep", roles: ["rep"], seniority: "MID", team: { externalId: "edu" } },
    { externalId: "rep-joe", name: "Joe Junior", roles: ["rep"], seniority: "JUNIOR" },
    { externalId: "senior-1", name: "Sue Senior", roles: ["rep"], seniority: "SENIOR" },
    { externalId: "senior-2", name: "Sam Senior", roles: ["rep"], seniority: "LEAD" },
    { externalId: "senior-3", name: "Sia Senior", roles: ["analyst"], seniority: "SENIOR" },
    { externalId: "viewer-vic", name: "Vic Viewer", roles: ["viewer"], seniority: "EXECUTIVE" },
    { externalId: "admin-ada", name: "Ada Admin", roles: ["admin"] },
  ];
  const u = dataOf(await api.run(UpsertUsersDocument, { input: sourced(users) as never }, { token: writer() }));
  expect(u.upsertUsers.rejections).toEqual([]);
  const accounts = dataOf(
    await api.run(
      UpsertAccountsDocument,
      {
        input: sourced([
          {
            externalId: "K12-1",
            name: "Riverside K12 District",
            industry: "Education",
            segment: "K12",
            owner: { externalId: "rep-ann" },
          },
          {
            externalId: "K12-2",
            name: "Hillside School",
            industry: "education",
            segment: "k12",
            owner: { externalId: "rep-bob" },
          },
          {
            externalId: "H-1",
            name: "City Hospital",
            industry: "Healthcare",
            segment: "Hospital",
            owner: { externalId: "rep-bob" },
          },
        ]),
      },
      { token: writer() },
    ),
  ).upsertAccounts.records;
  [ids.k12, ids.school, ids.hospital] = accounts.map((r) => r.id);
  dataOf(
    await api.run(
      UpsertContactsDocument,
      {
        input: sourced(
          ["K12-1", "K12-2", "H-1"].map((account) => ({
            externalId: `C-${account}`,
            name: `Equipment office head ${account}`,
            account: { externalId: account },
            buyingRole: "TECHNICAL_EVALUATOR" as never,
          })),
        ),
      },
      { token: writer() },
    ),
  );
  const opportunities = dataOf(
    await api.run(
      UpsertOpportunitiesDocument,
      {
        input: sourced([
          {
            externalId: "O-1",
            name: "Riverside devices 2027",
            account: { externalId: "K12-1" },
            stage: "PROPOSAL" as never,
          },
          { externalId: "O-2", name: "Hillside lab", account: { externalId: "K12-2" }, stage: "PROPOSAL" as never },
          { externalId: "O-3", name: "City imaging", account: { externalId: "H-1" }, stage: "PROPOSAL" as never },
          { externalId: "O-4", name: "Hillside library", account: { externalId: "K12-2" }, stage: "PROPOSAL" as never },
        ]),
      },
      { token: writer() },
    ),
  ).upsertOpportunities.records;
  [ids.o1, ids.o2, ids.o3, ids.o4] = opportunities.map((r) => r.id);
}

async function signal(account: string, recordId: string, field: string, observedAtMs: number, value = "yes") {
  const result = dataOf(
    await api.run(
      IngestSignalsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            recordId,
            field,
            stringValue: value,
            observedAt: at(observedAtMs),
            subject: { kind: "ACCOUNT" as never, externalId: account },
          },
        ],
      },
      { token: writer() },
    ),
  ).ingestSignals;
  expect(result.rejections).toEqual([]);
  return result.records[0]!.id;
}

async function moveStage(externalId: string, account: string, stage: string) {
  dataOf(
    await api.run(
      UpsertOpportunitiesDocument,
      { input: sourced([{ externalId, name: externalId, account: { externalId: account }, stage: stage as never }]) },
      { token: writer() },
    ),
  );
}

const edited: MpuInput = {
  title: "Show the equipment office visual data",
  summary: "Turn the school's own equipment data into a dashboard the equipment office can show upwards.",
  situation: [
    { kind: "INDUSTRY" as never, value: "Education", required: true },
    { kind: "SEGMENT" as never, value: "K12" },
    { kind: "DEAL_STAGE" as never, value: "PROPOSAL" },
    { kind: "BUYER_ROLE" as never, value: "TECHNICAL_EVALUATOR" },
  ],
  actions: [
    {
      kind: "MANUAL" as never,
      title: "Build a dashboard from their equipment inventory",
      notes: "Use the template; one page, their logo.",
      links: ["https://files.example.com/visual-data-template.pptx"],
    },
    { kind: "MANUAL" as never, title: "Walk the equipment office head through it on site" },
  ],
  verifications: [{ kind: "STAGE_REACHED" as never, stage: "NEGOTIATION" as never, withinHours: 24 * 30 }],
  breakers: [
    {
      kind: "NO_SIGNAL" as never,
      field: "tech_dept_reply",
      withinHours: 48,
      title: "No answer from the technical department",
      escalateTo: { kind: "ACCOUNT_OWNER" as never },
    },
  ],
};

beforeAll(async () => {
  api = await startTestApi(
    {
      RELATA_MPU_TRACKER: "1",
      RELATA_MPU_TRACKER_POLL_MS: "100",
      // Only this file's tenants: the test moves the server's clock, which must not decide other files' uses.
      RELATA_MPU_TRACKER_TENANTS: `${tenant},${otherTenant}`,
    },
    { clock },
  );
  await seed();
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe("the education scenario", () => {
  let mpuId: string;

  it("captures a draft from the won K12 deal: its situation, steps in order and outcome", async () => {
    const t0 = nowMs;
    await signal("K12-1", "s-view-1", "dashboard_viewed", t0 + 24 * HOUR, "3");
    await signal("K12-1", "s-reply-1", "tech_dept_reply", t0 + 30 * HOUR);
    nowMs = t0 + 5 * 24 * HOUR;
    await moveStage("O-1", "K12-1", "CLOSED_WON");
    const draft = dataOf(
      await api.run(
        CaptureMpuDocument,
        { accountId: ids.k12!, opportunityId: ids.o1!, from: at(t0), to: at(nowMs) },
        { token: ann() },
      ),
    ).captureMpu;
    mpuId = draft.id;
    expect(draft.id).toMatch(/^mpu_/);
    expect(draft.status).toBe("DRAFT");
    expect(draft.authorSubject).toBe("rep-ann");
    expect(draft.capturedFrom).toEqual({ accountId: ids.k12, opportunityId: ids.o1, from: at(t0), to: at(nowMs) });
    expect(draft.situation).toEqual(
      expect.arrayContaining([
        { kind: "INDUSTRY", value: "Education", required: true },
        { kind: "SEGMENT", value: "K12", required: true },
        { kind: "DEAL_STAGE", value: "PROPOSAL", required: false },
        { kind: "BUYER_ROLE", value: "TECHNICAL_EVALUATOR", required: false },
      ]),
    );
    expect(draft.actions.map((a) => a.title)).toEqual([
      "Observed dashboard_viewed = 3",
      "Observed tech_dept_reply = yes",
      "Move the deal from PROPOSAL to CLOSED_WON",
    ]);
    expect(draft.verifications).toEqual([
      expect.objectContaining({ kind: "STAGE_REACHED", stage: "CLOSED_WON", withinHours: 120 }),
    ]);
  });

  it("lets the author edit it into a new version", async () => {
    const updated = dataOf(await api.run(UpdateMpuDocument, { id: mpuId, input: edited }, { token: ann() })).updateMpu;
    expect(updated).toMatchObject({ title: edited.title, version: 2, status: "DRAFT" });
    expect(updated.breakers[0]).toMatchObject({
      kind: "NO_SIGNAL",
      withinHours: 48,
      escalateTo: { kind: "ACCOUNT_OWNER" },
    });
  });

  it("keeps the draft invisible to everyone but its author and admins", async () => {
    for (const other of [senior(1), vic(), bob()]) {
      const error = onlyErrorOf(await api.run(MpuDocument, { id: mpuId }, { token: other }), 200);
      expect(error.extensions).toMatchObject({ code: "NOT_FOUND", reason: "MPU_NOT_FOUND" });
      const list = dataOf(await api.run(MpusDocument, { filter: { search: "visual" } }, { token: other })).mpus;
      expect(list.map((m) => m.id)).not.toContain(mpuId);
    }
    const missing = onlyErrorOf(await api.run(MpuDocument, { id: "mpu_nothing" }, { token: bob() }), 200);
    expect(missing.message).toBe(
      'Your tenant has no micro-practice unit "mpu_nothing" that you may see. Check the id (mpus lists them).',
    );
    expect(dataOf(await api.run(MpuDocument, { id: mpuId }, { token: admin() })).mpu.status).toBe("DRAFT");
    expect(
      dataOf(await api.run(MpusDocument, { filter: { author: "me" } }, { token: ann() })).mpus.map((m) => m.id),
    ).toEqual([mpuId]);
    const recommended = dataOf(await api.run(RecommendedMpusDocument, { accountId: ids.school! }, { token: bob() }));
    expect(recommended.recommendedMpus.map((r) => r.mpu.id)).not.toContain(mpuId);
  });

  it("refuses a reviewer below the rank, with a clear code, and one without the role", async () => {
    dataOf(await api.run(SubmitMpuDocument, { id: mpuId }, { token: ann() }));
    const below = onlyErrorOf(
      await api.run(
        ReviewMpuDocument,
        { id: mpuId, rating: 5, comment: "great", verdict: "APPROVE" },
        { token: joe() },
      ),
      200,
    );
    expect(below.extensions).toMatchObject({ code: "FORBIDDEN", reason: "MPU_REVIEWER_BELOW_RANK" });
    expect(below.message).toContain("needs seniority SENIOR or above; your user's seniority is JUNIOR");
    const author = onlyErrorOf(
      await api.run(ReviewMpuDocument, { id: mpuId, rating: 5, comment: "mine", verdict: "APPROVE" }, { token: ann() }),
      200,
    );
    expect(author.extensions).toMatchObject({ code: "FORBIDDEN", reason: "MPU_REVIEWER_BELOW_RANK" });
    const viewer = onlyErrorOf(
      await api.run(ReviewMpuDocument, { id: mpuId, rating: 5, comment: "nice", verdict: "APPROVE" }, { token: vic() }),
      200,
    );
    expect(viewer.extensions?.code).toBe("FORBIDDEN");
    // A submitted unit stays hidden from the junior, and shows in a senior's review queue.
    expect(onlyErrorOf(await api.run(MpuDocument, { id: mpuId }, { token: joe() }), 200).extensions?.code).toBe(
      "NOT_FOUND",
    );
    const queue = dataOf(await api.run(MpusDocument, { filter: { toReview: true } }, { token: senior(1) })).mpus;
    expect(queue.map((m) => m.id)).toEqual([mpuId]);
  });

  it("validates it with three senior reviews and a customer confirmation, not before", async () => {
    for (const [n, rating] of [
      [1, 5],
      [2, 4],
      [3, 4],
    ] as const) {
      const reviewed = dataOf(
        await api.run(
          ReviewMpuDocument,
          { id: mpuId, rating, comment: `Worked in my schools too (${n}).`, verdict: "APPROVE" },
          { token: senior(n) },
        ),
      ).reviewMpu;
      expect(reviewed.gate.approvals).toBe(n);
      expect(reviewed.status).toBe("SUBMITTED");
    }
    const twice = onlyErrorOf(
      await api.run(
        ReviewMpuDocument,
        { id: mpuId, rating: 1, comment: "again", verdict: "APPROVE" },
        { token: senior(1) },
      ),
      200,
    );
    expect(twice.extensions).toMatchObject({ code: "CONFLICT", reason: "MPU_ALREADY_REVIEWED" });
    const feedback = await signal(
      "K12-1",
      "s-feedback-1",
      "customer_feedback",
      nowMs - HOUR,
      "the dashboard convinced the board",
    );
    const confirmed = dataOf(
      await api.run(
        RecordMpuConfirmationDocument,
        {
          id: mpuId,
          accountId: ids.k12!,
          signalId: feedback,
          note: "The equipment office head said the dashboard won it.",
        },
        { token: ann() },
      ),
    ).recordMpuConfirmation;
    expect(confirmed.status).toBe("VALIDATED");
    expect(confirmed.gate).toEqual({ approvals: 3, requiredReviews: 3, confirmed: true, passed: true });
    const detail = dataOf(await api.run(MpuDocument, { id: mpuId }, { token: vic() })).mpu;
    expect(detail.reviews).toHaveLength(3);
    expect(detail.averageRating).toBeCloseTo(13 / 3, 10);
    expect(detail.confirmations[0]).toMatchObject({ accountId: ids.k12, signalId: feedback, recordedBy: "rep-ann" });
  });

  it("is published by its author and recommended for a similar school, not for a hospital", async () => {
    const notAuthor = onlyErrorOf(await api.run(PublishMpuDocument, { id: mpuId }, { token: bob() }), 200);
    expect(notAuthor.extensions).toMatchObject({ code: "FORBIDDEN", reason: "MPU_NOT_AUTHOR" });
    expect(dataOf(await api.run(PublishMpuDocument, { id: mpuId }, { token: ann() })).publishMpu.status).toBe(
      "PUBLISHED",
    );
    const school = dataOf(
      await api.run(RecommendedMpusDocument, { accountId: ids.school! }, { token: bob() }),
    ).recommendedMpus;
    expect(school.map((r) => r.mpu.id)).toEqual([mpuId]);
    expect(school[0]!.matchedTags.map((t) => t.kind)).toEqual(["INDUSTRY", "SEGMENT", "DEAL_STAGE", "BUYER_ROLE"]);
    expect(school[0]!.matchScore).toBe(1);
    // No use yet: the effect is the prior (0.5), so the rank is 0.6 + 0.4 × 0.5.
    expect(school[0]!.rank).toBeCloseTo(0.8, 10);
    expect(school[0]!.explanation).toContain("Matches 4 of 4 situation tags");
    const hospital = dataOf(await api.run(RecommendedMpusDocument, { accountId: ids.hospital! }, { token: bob() }));
    expect(hospital.recommendedMpus).toEqual([]);
  });

  it("does not recommend it where a running experiment keeps the account (or its deal) in the control arm", async () => {
    // The graph contract with the experiments side (mpu-exp): written here as that side would write it.
    const executor = api.runtime.database.executor(60_000);
    const assign = (arm: string, label: "Account" | "Opportunity", id: string, status = "RUNNING") =>
      executor.write(
        {
          name: "test.mpu.assign",
          text: `MATCH (t:${label} {tenant: $tenant, id: $id})
                 MERGE (x:MpuExperiment {tenant: $tenant, id: $experimentId})
                 SET x.mpuId = $mpuId, x.status = $status
                 MERGE (x)-[a:ASSIGNED]->(t) SET a.arm = $arm`,
        },
        { tenant, id, experimentId: `exp-${label}-${arm}-${status}`, mpuId, status, arm },
      );
    const recommendedFor = async (accountId: string) =>
      dataOf(await api.run(RecommendedMpusDocument, { accountId }, { token: bob() })).recommendedMpus.map(
        (r) => r.mpu.id,
      );
    await assign("CONTROL", "Opportunity", ids.o2!);
    expect(await recommendedFor(ids.school!)).toEqual([]);
    await executor.write(
      { name: "test.mpu.unassign", text: "MATCH (x:MpuExperiment {tenant: $tenant}) DETACH DELETE x" },
      { tenant },
    );
    await assign("TREATMENT", "Account", ids.school!);
    await assign("CONTROL", "Account", ids.school!, "STOPPED");
    expect(await recommendedFor(ids.school!)).toEqual([mpuId]);
    await executor.write(
      { name: "test.mpu.unassign", text: "MATCH (x:MpuExperiment {tenant: $tenant}) DETACH DELETE x" },
      { tenant },
    );
  });

  it("records every change on the audit trail and in the change feed", async () => {
    const trail = dataOf(await api.run(AuditTrailDocument, { first: 100 }, { token: admin() })).auditTrail.edges.map(
      (e) => e.node,
    );
    const kinds = trail.filter((r) => (r.payload as { mpuId?: string }).mpuId === mpuId).map((r) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "MPU_CREATED",
        "MPU_UPDATED",
        "MPU_SUBMITTED",
        "MPU_REVIEWED",
        "MPU_CONFIRMED",
        "MPU_VALIDATED",
        "MPU_PUBLISHED",
      ]),
    );
    expect(kinds.filter((k) => k === "MPU_REVIEWED")).toHaveLength(3);
    expect(JSON.stringify(trail)).not.toContain("Worked in my schools");
    const feed = dataOf(
      await api.run(
        ChangesDocument,
        { types: ["MPU_CREATED", "MPU_VALIDATED", "MPU_PUBLISHED"], first: 50 },
        { token: admin() },
      ),
    ).changes.events;
    expect(feed.filter((e) => e.recordId === mpuId).map((e) => e.type)).toEqual([
      "MPU_CREATED",
      "MPU_VALIDATED",
      "MPU_PUBLISHED",
    ]);
    expect(feed[0]!.recordType).toBe("MPU");
  });

  describe("following uses", () => {
    it("marks a use SUCCEEDED when its checkpoint is met in time", async () => {
      const use = dataOf(
        await api.run(ApplyMpuDocument, { mpuId, accountId: ids.school!, opportunityId: ids.o2! }, { token: bob() }),
      ).applyMpu;
      expect(use).toMatchObject({ status: "PENDING", mpuVersion: 2, appliedBySubject: "rep-bob" });
      nowMs += 2 * HOUR;
      await signal("K12-2", "s-reply-2", "tech_dept_reply", nowMs - HOUR);
      await moveStage("O-2", "K12-2", "NEGOTIATION");
      const done = await waitFor(
        "the use succeeded",
        async () => {
          const [u] = dataOf(await api.run(MpuUsesDocument, { filter: { mpuId } }, { token: bob() })).mpuUses.filter(
            (x) => x.id === use.id,
          );
          return u?.status === "PENDING" ? undefined : u;
        },
        { timeoutMs: 60_000 },
      );
      expect(done).toMatchObject({ status: "SUCCEEDED", escalationTaskId: null });
      expect(done!.reason).toContain("stage NEGOTIATION");
    });

    it("breaks a use when its breaker's deadline passes without an answer, and escalates to the owner", async () => {
      const use = dataOf(
        await api.run(ApplyMpuDocument, { mpuId, accountId: ids.school!, opportunityId: ids.o4! }, { token: bob() }),
      ).applyMpu;
      nowMs += 47 * HOUR;
      // Before the deadline the tracker leaves it pending (it polls every 100 ms; a full poll passes here).
      await api.runtime.mpuTracking.tracker!.tick();
      const [early] = dataOf(
        await api.run(MpuUsesDocument, { filter: { accountId: ids.school!, status: "PENDING" } }, { token: bob() }),
      ).mpuUses;
      expect(early?.id).toBe(use.id);
      nowMs += 2 * HOUR;
      const broken = await waitFor(
        "the breaker fired",
        async () => {
          const [u] = dataOf(await api.run(MpuUsesDocument, { filter: { mpuId } }, { token: bob() })).mpuUses.filter(
            (x) => x.id === use.id,
          );
          return u?.status === "PENDING" ? undefined : u;
        },
        { timeoutMs: 60_000 },
      );
      expect(broken).toMatchObject({ status: "BROKEN" });
      expect(broken!.reason).toContain(
        'breaker "No answer from the technical department": no tech_dept_reply signal within 48 h',
      );
      const task = dataOf(await api.run(TaskDocument, { id: broken!.escalationTaskId! }, { token: admin() })).task;
      expect(task).toMatchObject({
        title: "No answer from the technical department",
        template: "mpu-escalation",
        status: "OPEN",
        assignee: expect.objectContaining({ kind: "USER", id: "rep-bob" }),
      });
      const resolved = dataOf(
        await api.run(ChangesDocument, { types: ["MPU_USE_RESOLVED"], first: 10 }, { token: admin() }),
      );
      expect(resolved.changes.events.map((e) => e.recordId)).toEqual(expect.arrayContaining([use.id]));
    });

    it("counts contribution: created, validated, adopted by others, success rate, tenant figures", async () => {
      const c = dataOf(
        await api.run(MpuContributionsDocument, { period: "2026-11" }, { token: admin() }),
      ).mpuContributions;
      const author = c.authors.find((a) => a.authorSubject === "rep-ann")!;
      expect(author).toMatchObject({
        teamId: expect.stringMatching(/^tem_/),
        created: 1,
        validated: 1,
        adoptedByOthers: 1,
        eligible: 1,
        adoptionRate: 1,
        successRate: 0.5,
        successfulUsesByOthers: 1,
        points: 10 + 5 + 2,
      });
      // Five field people (ann, bob, joe, senior-1, senior-2 hold the rep role) created one unit.
      expect(c.tenant).toMatchObject({
        period: "2026-11",
        created: 1,
        people: 5,
        createdPerPerson: 0.2,
        adoptionRate: 1,
      });
      expect(c.tenant.createdHealthy).toBe(false);
      expect(c.tenant.adoptionHealthy).toBe(true);
      expect(c.trend.map((f) => f.period)).toEqual(["2026-09", "2026-10", "2026-11"]);
    });
  });
});

describe("tenant isolation", () => {
  it("shows another tenant nothing", async () => {
    const other = token(otherTenant, "admin", "someone");
    expect(dataOf(await api.run(MpusDocument, {}, { token: other })).mpus).toEqual([]);
    expect(dataOf(await api.run(MpuUsesDocument, {}, { token: other })).mpuUses).toEqual([]);
    const [published] = dataOf(
      await api.run(MpusDocument, { filter: { statuses: ["PUBLISHED"] } }, { token: admin() }),
    ).mpus;
    const byId = onlyErrorOf(await api.run(MpuDocument, { id: published!.id }, { token: other }), 200);
    expect(byId.extensions).toMatchObject({ code: "NOT_FOUND", reason: "MPU_NOT_FOUND" });
    const recommended = onlyErrorOf(
      await api.run(RecommendedMpusDocument, { accountId: ids.school! }, { token: other }),
      200,
    );
    expect(recommended.extensions).toMatchObject({ code: "NOT_FOUND", reason: "MPU_ACCOUNT_NOT_FOUND" });
    const apply = onlyErrorOf(
      await api.run(ApplyMpuDocument, { mpuId: published!.id, accountId: ids.school! }, { token: other }),
      200,
    );
    expect(apply.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("bad input", () => {
  it("names every problem of an invalid unit with its path", async () => {
    const error = onlyErrorOf(
      await api.run(
        CreateMpuDocument,
        {
          input: {
            ...edited,
            title: "x".repeat(201),
            situation: [{ kind: "DEAL_STAGE" as never, value: "budget approval" }],
            actions: [{ kind: "MANUAL" as never, title: "deck", links: ["file:///etc/passwd"] }],
            verifications: [{ kind: "SIGNAL" as never, withinHours: 0 }],
          },
        },
        { token: ann() },
      ),
      200,
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_MPU" });
    const problems = (error.extensions as { problems: string[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        "title: must be at most 200 characters, got 201",
        'situation[0].value: must be one of PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST, got "BUDGET APPROVAL"',
        'actions[0].links[0]: must be an http(s) link to the attachment, got "file:///etc/passwd"',
        "verifications[0].field: must be a non-empty text of at most 200 characters, got nothing",
      ]),
    );
  });

  it("refuses a rating out of range, a backwards capture window, a bad period and a rep changing the gate", async () => {
    const [published] = dataOf(
      await api.run(MpusDocument, { filter: { statuses: ["PUBLISHED"] } }, { token: admin() }),
    ).mpus;
    const rating = onlyErrorOf(
      await api.run(
        ReviewMpuDocument,
        { id: published!.id, rating: 7, comment: "x", verdict: "APPROVE" },
        { token: senior(1) },
      ),
      200,
    );
    expect(rating.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_MPU_REQUEST" });
    const window = onlyErrorOf(
      await api.run(
        CaptureMpuDocument,
        { accountId: ids.k12!, from: "2026-11-10T00:00:00Z", to: "2026-11-01T00:00:00Z" },
        { token: ann() },
      ),
      200,
    );
    expect(window.message).toContain("must be before to");
    const period = onlyErrorOf(await api.run(MpuContributionsDocument, { period: "2026-13" }, { token: admin() }), 200);
    expect(period.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_MPU_REQUEST" });
    const gate = onlyErrorOf(await api.run(SetMpuSettingsDocument, { requiredReviews: 1 }, { token: ann() }), 200);
    expect(gate.extensions?.code).toBe("FORBIDDEN");
    const notAdvanced = onlyErrorOf(
      await api.run(
        CaptureMpuDocument,
        { accountId: ids.hospital!, opportunityId: ids.o3!, from: "2026-11-01T00:00:00Z", to: "2026-11-03T00:00:00Z" },
        { token: bob() },
      ),
      200,
    );
    expect(notAdvanced.message).toContain("did not advance");
  });

  it("takes the tenant's own minimum seniority", async () => {
    const set = dataOf(
      await api.run(SetMpuSettingsDocument, { minReviewerSeniority: "LEAD", requiredReviews: 2 }, { token: admin() }),
    ).setMpuSettings;
    expect(set).toEqual({ minReviewerSeniority: "LEAD", requiredReviews: 2 });
    expect(dataOf(await api.run(MpuSettingsDocument, {}, { token: ann() })).mpuSettings).toEqual(set);
    const draft = dataOf(
      await api.run(CreateMpuDocument, { input: { ...edited, title: "Second unit" } }, { token: ann() }),
    ).createMpu;
    dataOf(await api.run(SubmitMpuDocument, { id: draft.id }, { token: ann() }));
    const senior1 = onlyErrorOf(
      await api.run(
        ReviewMpuDocument,
        { id: draft.id, rating: 3, comment: "ok", verdict: "APPROVE" },
        { token: senior(1) },
      ),
      200,
    );
    expect(senior1.extensions).toMatchObject({ reason: "MPU_REVIEWER_BELOW_RANK" });
    expect(senior1.message).toContain("needs seniority LEAD or above");
    const rejected = dataOf(
      await api.run(
        ReviewMpuDocument,
        {
          id: draft.id,
          rating: 2,
          comment: "Too vague.",
          verdict: "REJECT",
          reason: "Say which data the office sees.",
        },
        { token: senior(2) },
      ),
    ).reviewMpu;
    expect(rejected).toMatchObject({ status: "REJECTED", rejectedReason: "Say which data the office sees." });
    const revised = dataOf(
      await api.run(
        UpdateMpuDocument,
        { id: draft.id, input: { ...edited, title: "Second unit, revised" } },
        { token: ann() },
      ),
    ).updateMpu;
    expect(revised).toMatchObject({ status: "DRAFT", version: 2 });
    expect(dataOf(await api.run(SubmitMpuDocument, { id: draft.id }, { token: ann() })).submitMpu.status).toBe(
      "SUBMITTED",
    );
  });
});
