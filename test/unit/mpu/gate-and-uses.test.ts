import { gateState, maySee, reviewRefusal, MpuViewer, publishRefusal } from "../../../domain/mpu/mpu-access";
import { DEFAULT_MPU_SETTINGS, MpuReview } from "../../../domain/mpu/mpu";
import { evaluateUse, stageReached } from "../../../domain/mpu/use-evaluation";
import { storedUnit, visualDataUnit } from "./fixtures";

const viewer = (overrides: Partial<MpuViewer> = {}): MpuViewer => ({
  subject: "someone",
  userId: "usr_someone",
  isAdmin: false,
  seniority: "SENIOR",
  ...overrides,
});

const review = (reviewer: string, verdict: "APPROVE" | "REJECT" = "APPROVE"): MpuReview => ({
  id: `r-${reviewer}`,
  mpuId: "mpu_1",
  version: 1,
  reviewerUserId: reviewer,
  reviewerSubject: reviewer,
  rating: 4,
  comment: "worked for me",
  verdict,
  at: "2026-11-02T00:00:00.000Z",
});

describe("cold-start visibility", () => {
  it("hides a draft from everyone but its author and admins", () => {
    const draft = storedUnit({ status: "DRAFT" });
    expect(maySee(draft, viewer({ subject: "author" }), DEFAULT_MPU_SETTINGS)).toBe(true);
    expect(maySee(draft, viewer({ isAdmin: true }), DEFAULT_MPU_SETTINGS)).toBe(true);
    expect(maySee(draft, viewer(), DEFAULT_MPU_SETTINGS)).toBe(false);
  });

  it("shows a submitted unit to reviewers senior enough, not to juniors", () => {
    const submitted = storedUnit({ status: "SUBMITTED" });
    expect(maySee(submitted, viewer(), DEFAULT_MPU_SETTINGS)).toBe(true);
    expect(maySee(submitted, viewer({ seniority: "MID" }), DEFAULT_MPU_SETTINGS)).toBe(false);
    expect(maySee(storedUnit({ status: "PUBLISHED" }), viewer({ seniority: null }), DEFAULT_MPU_SETTINGS)).toBe(true);
  });
});

describe("the quality gate", () => {
  it("refuses a reviewer below the rank before anything else", () => {
    expect(reviewRefusal(storedUnit(), viewer({ seniority: "MID" }), DEFAULT_MPU_SETTINGS, [])?.code).toBe(
      "MPU_REVIEWER_BELOW_RANK",
    );
    expect(
      reviewRefusal(
        storedUnit(),
        viewer({ seniority: "MID" }),
        { ...DEFAULT_MPU_SETTINGS, minReviewerSeniority: "MID" },
        [],
      ),
    ).toBeNull();
  });

  it("refuses the author, a second review of the same version, and a unit not submitted", () => {
    expect(reviewRefusal(storedUnit(), viewer({ subject: "author" }), DEFAULT_MPU_SETTINGS, [])?.code).toBe(
      "MPU_SELF_REVIEW",
    );
    expect(reviewRefusal(storedUnit(), viewer(), DEFAULT_MPU_SETTINGS, [review("usr_someone")])?.code).toBe(
      "MPU_ALREADY_REVIEWED",
    );
    expect(reviewRefusal(storedUnit({ status: "DRAFT" }), viewer(), DEFAULT_MPU_SETTINGS, [])?.code).toBe(
      "MPU_WRONG_STATUS",
    );
    expect(reviewRefusal(storedUnit(), viewer({ userId: null }), DEFAULT_MPU_SETTINGS, [])?.code).toBe(
      "MPU_REVIEWER_NOT_A_USER",
    );
  });

  it("passes with three distinct approvals and a customer confirmation, not before", () => {
    const three = [review("a"), review("b"), review("c")];
    expect(gateState(three, 0, DEFAULT_MPU_SETTINGS).passed).toBe(false);
    expect(gateState([review("a"), review("b")], 1, DEFAULT_MPU_SETTINGS).passed).toBe(false);
    expect(gateState(three, 1, DEFAULT_MPU_SETTINGS)).toEqual({
      approvals: 3,
      requiredReviews: 3,
      confirmed: true,
      passed: true,
    });
  });

  it("lets the author publish only once validated", () => {
    expect(publishRefusal(storedUnit({ status: "VALIDATED" }), viewer({ subject: "author" }))).toBeNull();
    expect(publishRefusal(storedUnit({ status: "SUBMITTED" }), viewer({ subject: "author" }))?.code).toBe(
      "MPU_WRONG_STATUS",
    );
    expect(publishRefusal(storedUnit({ status: "VALIDATED" }), viewer())?.code).toBe("MPU_NOT_AUTHOR");
  });
});

describe("following a use", () => {
  const applied = Date.parse("2026-11-10T00:00:00Z");
  const hours = (h: number) => applied + h * 3_600_000;
  const none = { signals: [], stage: { stage: "PROPOSAL", since: applied - 1 }, tasks: [] };

  it("stays pending before any deadline", () => {
    expect(evaluateUse(visualDataUnit, applied, none, hours(47)).status).toBe("PENDING");
  });

  it("breaks when the breaker's deadline passes without an answer, and not when the answer came", () => {
    const verdict = evaluateUse(visualDataUnit, applied, none, hours(49));
    expect(verdict).toMatchObject({ status: "BROKEN", reason: expect.stringContaining("tech_dept_reply") });
    const answered = { ...none, signals: [{ field: "tech_dept_reply", at: hours(20) }] };
    expect(evaluateUse(visualDataUnit, applied, answered, hours(49)).status).toBe("PENDING");
  });

  it("succeeds when the stage is reached in time, and fails when its time limit passes", () => {
    const won = {
      ...none,
      signals: [{ field: "tech_dept_reply", at: hours(1) }],
      stage: { stage: "CLOSED_WON", since: hours(100) },
    };
    expect(evaluateUse(visualDataUnit, applied, won, hours(101)).status).toBe("SUCCEEDED");
    const stuck = { ...none, signals: [{ field: "tech_dept_reply", at: hours(1) }] };
    expect(evaluateUse(visualDataUnit, applied, stuck, hours(24 * 31)).status).toBe("FAILED");
  });

  it("orders stages on the way to winning; a lost deal reaches nothing else", () => {
    expect(stageReached("CLOSED_WON", "NEGOTIATION")).toBe(true);
    expect(stageReached("PROPOSAL", "NEGOTIATION")).toBe(false);
    expect(stageReached("CLOSED_LOST", "NEGOTIATION")).toBe(false);
  });
});
