import { parsePlaybook, validatePlaybook } from "../../../domain/automation/validate-playbook";
import { BATTERY_FADE_PLAYBOOK, REMOTE_QC_PLAYBOOK } from "../../support/playbook-examples";

const clone = <T>(value: T): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe("validatePlaybook", () => {
  it("accepts both seed scenarios", () => {
    expect(validatePlaybook(REMOTE_QC_PLAYBOOK)).toEqual([]);
    expect(validatePlaybook(BATTERY_FADE_PLAYBOOK)).toEqual([]);
    expect(parsePlaybook(BATTERY_FADE_PLAYBOOK).definition).toEqual(BATTERY_FADE_PLAYBOOK);
  });

  it("names the path, the range and the value received", () => {
    const input = clone(REMOTE_QC_PLAYBOOK);
    (input.trigger as Record<string, unknown>).count = 0;
    expect(validatePlaybook(input)).toEqual(["trigger.count: must be a whole number 1-1000, got 0"]);
  });

  it("reports every problem at once", () => {
    const input = clone(REMOTE_QC_PLAYBOOK);
    input.name = "";
    input.mode = "SOMETIMES";
    (input.limits as Record<string, unknown>).periodDays = 1.5;
    (input.actions as Array<Record<string, unknown>>)[1]!.assignee = { kind: "USER" };
    expect(validatePlaybook(input)).toEqual([
      'name: must be a non-empty string of at most 200 characters, got ""',
      'mode: must be one of SUGGEST, AUTO, got "SOMETIMES"',
      "actions[1].assignee.userId: must be a non-empty string of at most 200 characters, got nothing",
      "limits.periodDays: must be a whole number 1-365, got 1.5",
    ]);
  });

  it("refuses unknown event types and kinds", () => {
    const input = clone(REMOTE_QC_PLAYBOOK);
    input.trigger = { kind: "EVENT", eventTypes: ["ACCOUNT_UPDATED", "ACCOUNT_EXPLODED"] };
    (input.conditions as unknown[]).push({ kind: "MOON_PHASE" });
    const problems = validatePlaybook(input);
    expect(problems[0]).toMatch(/^trigger\.eventTypes\[1\]: must be one of ACCOUNT_CREATED, .*got "ACCOUNT_EXPLODED"$/);
    expect(problems[1]).toMatch(/^conditions\[2\]\.kind: must be one of ACCOUNT_FIELD, .*got "MOON_PHASE"$/);
  });

  it("refuses fields of another kind and list sizes out of range", () => {
    const input = clone(REMOTE_QC_PLAYBOOK);
    (input.trigger as Record<string, unknown>).ratePerDay = 3;
    input.actions = [];
    expect(validatePlaybook(input)).toEqual([
      "trigger.ratePerDay: is not a field of a SIGNAL_COUNT trigger; it takes kind, signals, count, withinDays, scope",
      "actions: must hold 1-10 items, got 0",
    ]);
  });

  it("needs a concept or a field in a signal selector, and grades that are not empty", () => {
    const input = clone(REMOTE_QC_PLAYBOOK);
    (input.trigger as Record<string, unknown>).signals = {};
    input.conditions = [{ kind: "HEALTH_GRADE", grades: [] }];
    expect(validatePlaybook(input)).toEqual([
      "trigger.signals: needs a concept (preferred: it covers every source system) or a raw field",
      "conditions[0].grades: must hold 1-20 items, got 0",
    ]);
  });

  it("checks string lengths and numeric ranges of concept triggers", () => {
    const input = clone(BATTERY_FADE_PLAYBOOK);
    (input.trigger as Record<string, unknown>).ratePerDay = 0;
    input.intent = "x".repeat(2001);
    expect(validatePlaybook(input)).toEqual([
      "intent: must be at most 2000 characters, got 2001",
      "trigger.ratePerDay: must be a number above 0 up to 1000000000, got 0",
    ]);
  });

  it("flags batches only when the firing is about assets", () => {
    const input = clone(REMOTE_QC_PLAYBOOK);
    (input.actions as unknown[]).push({ kind: "FLAG_RECORDS", target: "BATCH", flag: "x" });
    expect(validatePlaybook(input)).toEqual([
      "actions[3].target: BATCH records are known only to firings about assets: use a REGION-scoped or CONCEPT_TREND trigger, or target ACCOUNT",
    ]);
  });

  it("requires an organization id or the region's organization", () => {
    const input = clone(BATTERY_FADE_PLAYBOOK);
    (input.actions as Array<Record<string, unknown>>)[0]!.assignee = { kind: "ORGANIZATION" };
    expect(validatePlaybook(input)).toEqual([
      "actions[0].assignee: needs an organizationId, or servingRegion: true for the organization serving the firing's region",
    ]);
  });

  it("refuses something that is not an object", () => {
    expect(validatePlaybook("playbook")).toEqual(['definition: must be an object, got "playbook"']);
  });
});
