import { PlaybookDefinition } from "../../../../domain/automation/playbook";
import { playbookHealthReads, playbookReads, playbookReadsOf } from "../../../../domain/lineage/playbook-reads";

const base: PlaybookDefinition = {
  name: "p",
  intent: "i",
  mode: "SUGGEST",
  ownerUserId: "u",
  trigger: { kind: "CONCEPT_THRESHOLD", concept: "idh:usage", op: "BELOW", value: 0.3, scope: "ACCOUNT" },
  conditions: [],
  actions: [],
  feedback: { kind: "SIGNAL_OBSERVED", signals: { field: "logins" }, withinDays: 7 },
  limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
};

describe("playbookReads", () => {
  it("lists the concept of a threshold trigger and the raw field of a signal feedback", () => {
    expect(playbookReads(base)).toEqual([
      { place: "trigger", concept: "idh:usage", field: null },
      { place: "feedback", concept: null, field: "logins" },
    ]);
  });

  it("reads nothing from event and grade triggers", () => {
    expect(
      playbookReads({
        ...base,
        trigger: { kind: "HEALTH_GRADE_CHANGE" },
        feedback: { kind: "HEALTH_IMPROVED", withinDays: 7 },
      }),
    ).toEqual([]);
  });

  it("matches by concept or by the field's name, and not otherwise", () => {
    expect(playbookReadsOf(base, new Set(["idh:usage"]), null)).toHaveLength(1);
    expect(playbookReadsOf(base, new Set(["idh:other"]), "logins")).toEqual([
      { place: "feedback", concept: null, field: "logins" },
    ]);
    expect(playbookReadsOf(base, new Set(["idh:other"]), "csat")).toEqual([]);
  });
});

describe("playbookHealthReads", () => {
  it("finds health read by a grade trigger, a grade or score condition and a health feedback", () => {
    expect(
      playbookHealthReads({
        ...base,
        trigger: { kind: "HEALTH_GRADE_CHANGE", to: ["RED"] },
        conditions: [{ kind: "HEALTH_SCORE", op: "BELOW", value: 40 }],
        feedback: { kind: "HEALTH_IMPROVED", withinDays: 30 },
      }),
    ).toEqual(["trigger", "conditions", "feedback"]);
  });

  it("counts an event trigger on health events, and nothing for a concept threshold", () => {
    expect(playbookHealthReads({ ...base, trigger: { kind: "EVENT", eventTypes: ["HEALTH_GRADE_CHANGED"] } })).toEqual([
      "trigger",
    ]);
    expect(playbookHealthReads(base)).toEqual([]);
  });
});
