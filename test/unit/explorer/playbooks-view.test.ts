import {
  describeParts,
  describeTrigger,
  formatRate,
  readDefinition,
} from "../../../explorer/src/playbooks/playbooks.logic";

describe("the playbooks page's logic (issues 11, 13)", () => {
  it("says a count trigger in English and Chinese", () => {
    const trigger = {
      kind: "SIGNAL_COUNT",
      signals: { field: "viewed_page", valueEquals: "/solutions/remote-quality-control" },
      count: 3,
      withinDays: 7,
      scope: "ACCOUNT",
    };
    expect(describeTrigger(trigger, "en")).toBe(
      "At least 3 × viewed_page = /solutions/remote-quality-control within 7 days (per account)",
    );
    expect(describeTrigger(trigger, "zh")).toBe(
      "7 天内 viewed_page = /solutions/remote-quality-control 至少 3 次（每个客户）",
    );
  });

  it("says a regional trend and a grade change", () => {
    expect(
      describeTrigger(
        {
          kind: "CONCEPT_TREND",
          concept: "automotive:battery-state-of-health",
          direction: "FALLING",
          ratePerDay: 0.05,
          withinDays: 30,
          scope: "REGION",
        },
        "en",
      ),
    ).toBe("automotive:battery-state-of-health falls faster than 0.05 a day over 30 days (per region)");
    expect(describeTrigger({ kind: "HEALTH_GRADE_CHANGE", to: ["RED"] }, "en")).toBe("The health grade changes to RED");
    expect(describeTrigger(undefined, "en")).toBe("–");
  });

  it("lists actions with their settings, leaving out empty ones", () => {
    expect(
      describeParts([
        { kind: "CREATE_TASK", template: "demo-plan", assignee: { kind: "ACCOUNT_OWNER" }, note: null },
        { kind: "FLAG_RECORDS" },
      ]),
    ).toEqual(['CREATE_TASK — template: demo-plan; assignee: {"kind":"ACCOUNT_OWNER"}', "FLAG_RECORDS"]);
  });

  it("reads a definition defensively and formats rates", () => {
    expect(readDefinition(null)).toEqual({});
    expect(readDefinition("x")).toEqual({});
    expect(formatRate(0.666)).toBe("67%");
    expect(formatRate(null)).toBe("–");
  });
});
