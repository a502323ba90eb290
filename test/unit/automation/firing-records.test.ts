import { checkAuditEntry } from "../../../domain/audit/audit-entry";
import { automationId, assertAutomationId } from "../../../domain/automation/automation-ids";
import { checkFiring } from "../../../domain/automation/check-firing";
import { firingStatus } from "../../../domain/automation/firing-outcome";
import {
  actionEntry,
  confirmationEntry,
  firingEntry,
  proposalEntry,
  receiptEntry,
} from "../../../domain/automation/firing-records";
import { PlaybookFiring } from "../../../domain/automation/playbook-firing";
import { checkVerdict, mayComplete, taskCompletionAudit } from "../../../domain/automation/task-completion";
import { Task } from "../../../domain/automation/task";

const firing: PlaybookFiring = {
  firingId: "fir-1",
  playbookId: "pb-1",
  playbookVersion: 2,
  playbookName: "Battery degradation",
  mode: "AUTO",
  ownerUserId: "u-owner",
  firedAt: "2026-11-20T10:00:00.000Z",
  accountIds: ["acc_1"],
  region: "north",
  assetIds: ["ast_1"],
  batchCodes: ["CB-7"],
  triggeringEvents: [{ seq: 1, type: "SIGNAL_CREATED", recordId: "sig_1", recordType: "SIGNAL" }],
  basis: [{ condition: "trigger", passed: true, facts: { slope: -0.02, assets: 4 } }],
  healthExcerpt: { top: [{ concept: "product-reliability", contribution: -7 }] },
  actions: [
    {
      kind: "CREATE_TASK",
      template: "work-order",
      title: "Inspect",
      assignee: { kind: "ORGANIZATION", servingRegion: true },
      dueInDays: 2,
    },
    { kind: "FLAG_RECORDS", target: "BATCH", flag: "rnd-review" },
  ],
};

function task(overrides: Partial<Task> = {}): Task {
  return {
    id: "tsk_1",
    kind: "REVIEW",
    template: "compliance-pre-review",
    reviewType: "compliance-pre-review",
    title: "Review",
    status: "OPEN",
    dueAt: null,
    createdAt: "2026-11-20T10:00:00.000Z",
    completedAt: null,
    completedBy: null,
    verdict: "APPROVED",
    note: null,
    firingId: "fir-1",
    playbookId: "pb-1",
    playbookVersion: 2,
    assignee: { kind: "ROLE", id: null, role: "analyst", requested: "ROLE" },
    accountIds: ["acc_1"],
    evidence: null,
    ...overrides,
  };
}

describe("the audit entries of a firing", () => {
  it("are accepted by the audit trail (ids and values only, no personal fields)", () => {
    const entries = [
      firingEntry(firing),
      actionEntry(firing, { index: 0, kind: "CREATE_TASK", status: "DONE", resultId: "tsk_1", userIds: [] }),
      actionEntry(firing, { index: 1, kind: "FLAG_RECORDS", status: "REFUSED", reason: "beyond the owner's roles" }),
      proposalEntry(firing, "prp_1", [0]),
      confirmationEntry(firing, "prp_1", "CONFIRMED", "u-owner", "2026-11-21T00:00:00.000Z", null, "EXECUTED"),
      receiptEntry(firing, "rcp_1", "u-owner", "2026-11-21T00:00:00.000Z"),
      taskCompletionAudit(task(), "u-2", "2026-11-22T00:00:00.000Z", true),
    ];
    entries.forEach((entry, i) => expect(() => checkAuditEntry(entry, i)).not.toThrow());
  });

  it("keep the firing's input by reference and its basis whole", () => {
    const entry = firingEntry(firing);
    expect(entry).toMatchObject({ kind: "FIRING", firingId: "fir-1", playbookVersion: 2, userIds: ["u-owner"] });
    expect(entry.payload).toMatchObject({
      input: { triggeringEvents: [{ recordId: "sig_1", seq: 1 }], region: "north", batchCodes: ["CB-7"] },
      basis: { conditions: [{ condition: "trigger", facts: { slope: -0.02 } }], healthExcerpt: firing.healthExcerpt },
    });
  });

  it("record a refusal as ACTION_REFUSED with its reason and an action with its parameters", () => {
    const refused = actionEntry(firing, { index: 1, kind: "FLAG_RECORDS", status: "REFUSED", reason: "no" });
    expect(refused.kind).toBe("ACTION_REFUSED");
    const done = actionEntry(firing, {
      index: 0,
      kind: "CREATE_TASK",
      status: "DONE",
      resultId: "tsk_1",
      userIds: ["u-9"],
    });
    expect(done).toMatchObject({ kind: "ACTION", userIds: ["u-owner", "u-9"] });
    expect(done.payload).toMatchObject({ parameters: { template: "work-order" }, result: { resultId: "tsk_1" } });
  });
});

describe("a firing's status", () => {
  const o = (status: "DONE" | "FAILED" | "REFUSED" | "PROPOSED", index = 0) => ({
    index,
    kind: "CREATE_TASK" as const,
    status,
  });

  it("follows from its actions", () => {
    expect(firingStatus("AUTO", [o("DONE"), o("DONE")])).toBe("EXECUTED");
    expect(firingStatus("AUTO", [o("DONE"), o("FAILED")])).toBe("PARTIAL");
    expect(firingStatus("AUTO", [o("DONE"), o("REFUSED")])).toBe("PARTIAL");
    expect(firingStatus("AUTO", [o("FAILED"), o("REFUSED")])).toBe("FAILED");
    expect(firingStatus("AUTO", [o("REFUSED"), o("REFUSED")])).toBe("REFUSED");
    expect(firingStatus("AUTO", [])).toBe("REFUSED");
    expect(firingStatus("SUGGEST", [o("PROPOSED"), o("REFUSED")])).toBe("PROPOSED");
    expect(firingStatus("SUGGEST", [o("REFUSED")])).toBe("REFUSED");
    expect(firingStatus("CONFIRMED", [o("DONE")])).toBe("EXECUTED");
  });
});

describe("who may complete a task", () => {
  const state = (t: Task, roles: string[] = [], teams: string[] = []) => ({
    task: t,
    callerRoles: roles,
    callerTeams: teams,
  });

  it("is an assignee or an admin", () => {
    expect(mayComplete(state(task(), ["analyst"]), { subject: "u-2", role: "viewer" })).toBeNull();
    expect(mayComplete(state(task(), ["viewer"]), { subject: "u-2", role: "viewer" })).toContain("role analyst");
    expect(mayComplete(state(task(), []), { subject: "boss", role: "admin" })).toBeNull();
    const forUser = task({ assignee: { kind: "USER", id: "u-3", role: null, requested: "ACCOUNT_OWNER" } });
    expect(mayComplete(state(forUser), { subject: "u-3", role: "viewer" })).toBeNull();
    expect(mayComplete(state(forUser), { subject: "u-4", role: "analyst" })).toContain("user u-3");
    const forTeam = task({ assignee: { kind: "TEAM", id: "team_1", role: null, requested: "TEAM" } });
    expect(mayComplete(state(forTeam, [], ["team_1"]), { subject: "u-5", role: "viewer" })).toBeNull();
    expect(mayComplete(state(forTeam, [], ["team_2"]), { subject: "u-5", role: "viewer" })).not.toBeNull();
  });

  it("records a verdict as a short code, never free text", () => {
    expect(checkVerdict("APPROVED")).toBe("APPROVED");
    expect(checkVerdict("")).toBeNull();
    expect(checkVerdict(null)).toBeNull();
    expect(() => checkVerdict("ask cleo@example.com")).toThrow(/short code/);
    expect(() => checkVerdict("x".repeat(65))).toThrow(/short code/);
  });
});

describe("ids and firings the actions side accepts", () => {
  it("derives stable ids per tenant and firing, and checks their shape", () => {
    const id = automationId("Task", "t1", "fir-1", 0);
    expect(id).toBe(automationId("Task", "t1", "fir-1", 0));
    expect(id).not.toBe(automationId("Task", "t2", "fir-1", 0));
    expect(assertAutomationId("Task", id)).toBe(id);
    expect(() => assertAutomationId("Proposal", id)).toThrow(/not a Proposal id/);
    expect(automationId("WebhookDelivery", "t1", "fir-1", 3)).toMatch(/^msg_/);
  });

  it("refuses a firing with a bad id, mode, instant or too many actions", () => {
    expect(() => checkFiring(firing)).not.toThrow();
    expect(() => checkFiring({ ...firing, firingId: "" })).toThrow(/firingId/);
    expect(() => checkFiring({ ...firing, mode: "LOUD" as never })).toThrow(/mode/);
    expect(() => checkFiring({ ...firing, firedAt: "yesterday" })).toThrow(/firedAt/);
    expect(() => checkFiring({ ...firing, actions: Array(51).fill(firing.actions[1]) })).toThrow(/51 actions/);
    expect(() => checkFiring({ ...firing, accountIds: Array(1001).fill("acc") })).toThrow(/accountIds/);
  });
});

describe("firingEntry and personal external ids (issue 15)", () => {
  it("keeps a contact's external id out of the immutable chain, and a signal's in it", () => {
    const entry = firingEntry({
      ...firing,
      triggeringEvents: [
        {
          seq: 1,
          type: "CONTACT_UPDATED",
          recordId: "con_1",
          recordType: "CONTACT",
          sourceSystem: "crm",
          externalId: "SF-C-7781",
        },
        {
          seq: 2,
          type: "SIGNAL_CREATED",
          recordId: "sig_1",
          recordType: "SIGNAL",
          sourceSystem: "web",
          externalId: "survey-1",
        },
      ],
    });
    const events = (
      entry.payload as { input: { triggeringEvents: Array<{ recordId: string; externalId: string | null }> } }
    ).input.triggeringEvents;
    expect(events.map((e) => [e.recordId, e.externalId])).toEqual([
      ["con_1", null],
      ["sig_1", "survey-1"],
    ]);
    expect(JSON.stringify(entry.payload)).not.toContain("SF-C-7781");
  });
});
