import { MpuDefinition, StoredMpu } from "../../../domain/mpu/mpu";
import { AccountSituation } from "../../../domain/mpu/situation-match";

/** The education scenario's unit: show the equipment office its data visually. */
export const visualDataUnit: MpuDefinition = {
  title: "Show the equipment office visual data",
  summary: null,
  situation: [
    { kind: "INDUSTRY", value: "Education", required: true },
    { kind: "SEGMENT", value: "K12", required: false },
    { kind: "DEAL_STAGE", value: "PROPOSAL", required: false },
    { kind: "BUYER_ROLE", value: "TECHNICAL_EVALUATOR", required: false },
  ],
  actions: [{ kind: "MANUAL", title: "Build a dashboard of their equipment data", notes: null, links: [] }],
  verifications: [{ kind: "STAGE_REACHED", stage: "NEGOTIATION", withinHours: 24 * 30 }],
  breakers: [
    {
      kind: "NO_SIGNAL",
      field: "tech_dept_reply",
      withinHours: 48,
      escalateTo: { kind: "ACCOUNT_OWNER" },
      title: "No answer from the technical department",
    },
  ],
};

export function situation(overrides: Partial<AccountSituation> = {}): AccountSituation {
  return {
    accountId: "acc_1",
    industry: "education",
    segment: "K12",
    dealStages: ["PROPOSAL"],
    buyerRoles: ["TECHNICAL_EVALUATOR", "DECISION_MAKER"],
    healthGrade: "B",
    concepts: [],
    ...overrides,
  };
}

export function storedUnit(overrides: Partial<StoredMpu> = {}): StoredMpu {
  return {
    id: "mpu_1",
    status: "SUBMITTED",
    authorUserId: "usr_author",
    authorSubject: "author",
    authorTeamId: null,
    title: visualDataUnit.title,
    version: 1,
    definition: visualDataUnit,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    submittedAt: null,
    validatedAt: null,
    publishedAt: null,
    retiredAt: null,
    rejectedReason: null,
    capturedFrom: null,
    ...overrides,
  };
}
