import { proposeDraft } from "../../../domain/mpu/capture-draft";
import { contributions, parsePeriod, tenantFigures, ContributionUnit } from "../../../domain/mpu/contributions";
import { parseMpuDefinition } from "../../../domain/mpu/validate-mpu";
import { situation } from "./fixtures";

describe("capturing a draft from a deal", () => {
  const input = {
    label: "Riverside K12 district",
    from: "2026-10-01T00:00:00.000Z",
    to: "2026-10-31T00:00:00.000Z",
    situation: situation({ healthGrade: null }),
    stageAtEnd: "CLOSED_WON",
    timeline: [
      { kind: "STAGE" as const, at: "2026-10-20T00:00:00.000Z", from: "PROPOSAL", to: "CLOSED_WON" },
      { kind: "SIGNAL" as const, at: "2026-10-03T00:00:00.000Z", field: "dashboard_viewed", value: "3" },
      {
        kind: "TASK" as const,
        at: "2026-10-05T00:00:00.000Z",
        title: "Demo the equipment dashboard",
        template: "demo",
        verdict: null,
      },
    ],
  };

  it("proposes a valid draft: situation at the start, the steps in order, the outcome as checkpoint", () => {
    const { definition, advanced } = proposeDraft(input);
    expect(advanced).toBe(true);
    expect(definition.situation).toEqual([
      { kind: "INDUSTRY", value: "education", required: true },
      { kind: "SEGMENT", value: "K12", required: true },
      { kind: "DEAL_STAGE", value: "PROPOSAL", required: false },
      { kind: "BUYER_ROLE", value: "DECISION_MAKER", required: false },
      { kind: "BUYER_ROLE", value: "TECHNICAL_EVALUATOR", required: false },
    ]);
    expect(definition.actions.map((a) => a.title)).toEqual([
      "Observed dashboard_viewed = 3",
      "Demo the equipment dashboard",
      "Move the deal from PROPOSAL to CLOSED_WON",
    ]);
    expect(definition.verifications).toEqual([{ kind: "STAGE_REACHED", stage: "CLOSED_WON", withinHours: 720 }]);
    expect(parseMpuDefinition(definition).problems).toEqual([]);
  });

  it("says when the deal did not advance", () => {
    expect(proposeDraft({ ...input, stageAtEnd: "CLOSED_LOST" }).advanced).toBe(false);
  });
});

describe("contribution figures", () => {
  const period = parsePeriod("2026-11")!;
  const unit = (id: string, author: string, extra: Partial<ContributionUnit> = {}): ContributionUnit => ({
    id,
    authorUserId: `usr_${author}`,
    authorSubject: author,
    authorTeamId: "team-edu",
    status: "PUBLISHED",
    createdAt: "2026-11-02T00:00:00.000Z",
    validatedAt: "2026-11-05T00:00:00.000Z",
    publishedAt: "2026-11-06T00:00:00.000Z",
    retiredAt: null,
    ...extra,
  });
  const units = [
    unit("m1", "ann"),
    unit("m2", "ann"),
    unit("m3", "bob", { publishedAt: null, status: "DRAFT", validatedAt: null }),
  ];
  const uses = [
    {
      mpuId: "m1",
      appliedBySubject: "bob",
      appliedAt: "2026-11-10T00:00:00.000Z",
      status: "SUCCEEDED" as const,
      resolvedAt: "2026-11-12T00:00:00.000Z",
    },
    {
      mpuId: "m1",
      appliedBySubject: "ann",
      appliedAt: "2026-11-10T00:00:00.000Z",
      status: "FAILED" as const,
      resolvedAt: "2026-11-12T00:00:00.000Z",
    },
    {
      mpuId: "m2",
      appliedBySubject: "ann",
      appliedAt: "2026-11-11T00:00:00.000Z",
      status: "PENDING" as const,
      resolvedAt: null,
    },
  ];

  it("counts adoption only by others, over eligible published units", () => {
    const { authors, teams } = contributions(units, uses, new Set(["m1", "m2"]), period);
    const ann = authors.find((a) => a.authorSubject === "ann")!;
    expect(ann).toMatchObject({ created: 2, validated: 2, adoptedByOthers: 1, eligible: 2, adoptionRate: 0.5 });
    // The author's own FAILED use does not count against her success rate.
    expect(ann.successRate).toBe(1);
    expect(ann.points).toBe(2 * 10 + 5 + 2);
    expect(teams[0]).toMatchObject({ teamId: "team-edu", authors: 2, created: 3 });
  });

  it("gives the tenant figures with their health", () => {
    const figures = tenantFigures(units, uses, new Set(["m1", "m2"]), 4, period);
    expect(figures).toMatchObject({ created: 3, createdPerPerson: 0.75, createdHealthy: false, adoptionRate: 0.5 });
    expect(figures.adoptionHealthy).toBe(false);
    expect(parsePeriod("2026-13")).toBeNull();
  });
});

describe("capturing a deal created in the window", () => {
  it("starts from the stage it was created at and does not make its creation a step", () => {
    const { definition, advanced } = proposeDraft({
      label: "New school",
      from: "2026-10-01T00:00:00.000Z",
      to: "2026-10-31T00:00:00.000Z",
      situation: situation({ buyerRoles: [], healthGrade: null }),
      stageAtEnd: "NEGOTIATION",
      timeline: [
        { kind: "STAGE", at: "2026-10-01T00:00:00.000Z", from: null, to: "QUALIFICATION" },
        { kind: "STAGE", at: "2026-10-09T00:00:00.000Z", from: "QUALIFICATION", to: "NEGOTIATION" },
      ],
    });
    expect(advanced).toBe(true);
    expect(definition.situation).toContainEqual({ kind: "DEAL_STAGE", value: "QUALIFICATION", required: false });
    expect(definition.actions.map((a) => a.title)).toEqual(["Move the deal from QUALIFICATION to NEGOTIATION"]);
  });
});
