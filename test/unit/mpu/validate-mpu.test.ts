import { parseMpuDefinition } from "../../../domain/mpu/validate-mpu";
import { visualDataUnit } from "./fixtures";

describe("parseMpuDefinition", () => {
  it("accepts a whole unit and normalises enum-valued tags to upper case", () => {
    const parsed = parseMpuDefinition({
      ...visualDataUnit,
      situation: [...visualDataUnit.situation, { kind: "BUYER_ROLE", value: "champion" }],
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.definition?.situation[4]).toEqual({ kind: "BUYER_ROLE", value: "CHAMPION", required: false });
  });

  it("accepts an automation step from the playbook action schema", () => {
    const parsed = parseMpuDefinition({
      ...visualDataUnit,
      actions: [
        {
          kind: "AUTOMATION",
          title: "Ask for a compliance pre-review",
          action: {
            kind: "OPEN_REVIEW",
            reviewType: "compliance",
            title: "Pre-review",
            assignee: { kind: "ROLE", role: "analyst" },
            dueInDays: 3,
          },
        },
      ],
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.definition?.actions[0]?.kind).toBe("AUTOMATION");
  });

  it("names every problem with its path", () => {
    const parsed = parseMpuDefinition({
      title: "",
      situation: [{ kind: "WEATHER", value: "sunny" }],
      actions: [
        { kind: "MANUAL", title: "x", links: ["ftp://files/deck.pdf"] },
        { kind: "AUTOMATION", title: "y", action: { kind: "CREATE_TASK", title: "t" } },
      ],
      verifications: [{ kind: "SIGNAL", field: "reply", withinHours: 0 }],
      breakers: [{ kind: "STAGE_REACHED", stage: "LOST", title: "lost", escalateTo: { kind: "NOBODY" } }],
      colour: "red",
    });
    expect(parsed.definition).toBeNull();
    const text = parsed.problems.join("\n");
    expect(text).toContain("mpu.colour: is not a field of a unit");
    expect(text).toContain("title: must be a non-empty text");
    expect(text).toContain("situation[0].kind: must be one of DEAL_STAGE");
    expect(text).toContain("actions[0].links[0]: must be an http(s) link");
    expect(text).toContain("actions[1].action.template");
    expect(text).toContain("verifications[0].withinHours: must be a number of hours");
    expect(text).toContain("breakers[0].stage: must be one of PROSPECTING");
    expect(text).toContain("breakers[0].escalateTo.kind");
  });

  it("refuses a repeated tag and a unit without steps or checkpoints", () => {
    const parsed = parseMpuDefinition({
      ...visualDataUnit,
      situation: [
        { kind: "INDUSTRY", value: "Education" },
        { kind: "INDUSTRY", value: "education " },
      ],
      actions: [],
      verifications: [],
    });
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        'situation[1]: repeats INDUSTRY "education"',
        "actions: must hold 1-20 items, got 0",
        "verifications: must hold 1-10 items, got 0",
      ]),
    );
  });
});
