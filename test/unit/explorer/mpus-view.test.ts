import { filterOf, gateSummary, isMpuView, mpuInputOf, parseTagLines } from "../../../explorer/src/mpus/mpus.logic";
import { href, parseRoute } from "../../../explorer/src/routing/routes";

describe("the MPU pages' view logic", () => {
  it("reads the view from the URL, the review queue by default, and writes it back", () => {
    expect(parseRoute("/explorer/mpus", "")).toEqual({ page: "mpus", view: "queue" });
    expect(parseRoute("/explorer/mpus", "?view=sandbox")).toEqual({ page: "mpus", view: "sandbox" });
    expect(parseRoute("/explorer/mpus", "?view=nonsense")).toEqual({ page: "mpus", view: "queue" });
    expect(href({ page: "mpus", view: "mine" })).toBe("/explorer/mpus?view=mine");
    expect(href({ page: "mpus", view: "queue" })).toBe("/explorer/mpus");
    expect(isMpuView("published")).toBe(true);
  });

  it("lists what each view is about", () => {
    expect(filterOf("queue")).toEqual({ toReview: true });
    expect(filterOf("mine")).toEqual({ author: "me" });
    expect(filterOf("published")).toEqual({ statuses: ["PUBLISHED"] });
  });

  it("reads tag lines, required with a trailing !, and reports the lines that are not tags", () => {
    expect(parseTagLines("INDUSTRY: Education!\n\nBUYER_ROLE: TECHNICAL_EVALUATOR\nweather: sunny")).toEqual({
      tags: [
        { kind: "INDUSTRY", value: "Education", required: true },
        { kind: "BUYER_ROLE", value: "TECHNICAL_EVALUATOR", required: false },
      ],
      bad: ["weather: sunny"],
    });
  });

  it("builds the unit the sandbox sends, and summarises a gate", () => {
    expect(
      mpuInputOf({
        title: " Show the equipment office visual data ",
        tags: "INDUSTRY: Education!",
        steps: "Build the dashboard\n\nWalk them through it",
        checkpointKind: "STAGE_REACHED",
        checkpointValue: "negotiation",
        withinHours: 720,
      }),
    ).toEqual({
      title: "Show the equipment office visual data",
      situation: [{ kind: "INDUSTRY", value: "Education", required: true }],
      actions: [
        { kind: "MANUAL", title: "Build the dashboard" },
        { kind: "MANUAL", title: "Walk them through it" },
      ],
      verifications: [{ kind: "STAGE_REACHED", stage: "NEGOTIATION", withinHours: 720 }],
    });
    const words = { approvals: "approvals", confirmed: "customer confirmed", unconfirmed: "not confirmed" };
    expect(gateSummary({ approvals: 2, requiredReviews: 3, confirmed: false }, words)).toBe(
      "2 / 3 approvals · not confirmed",
    );
  });
});
