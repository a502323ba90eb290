import { assigneeText, isOverdue, replaceTask, statusFilter, WorkTask } from "../../../explorer/src/work/work.logic";

function task(overrides: Partial<WorkTask> = {}): WorkTask {
  return {
    id: "t1",
    kind: "TASK",
    title: "Demo plan",
    template: "demo-plan",
    reviewType: null,
    status: "OPEN",
    dueAt: "2026-12-05T00:00:00.000Z",
    createdAt: "2026-12-01T00:00:00.000Z",
    completedAt: null,
    completedBy: null,
    verdict: null,
    note: null,
    accountIds: ["acc-1"],
    playbookId: "pb-1",
    playbookVersion: 2,
    assignee: { kind: "USER", requested: "ACCOUNT_OWNER", id: "u-sales", role: null },
    ...overrides,
  };
}

describe("the work page's logic (issue 13)", () => {
  it("says who a task is for, and how it was asked for when that differs", () => {
    expect(assigneeText(task().assignee)).toBe("user u-sales (account owner)");
    expect(assigneeText({ kind: "TEAM", requested: "TEAM", id: "compliance", role: null })).toBe("team compliance");
    expect(assigneeText({ kind: "ROLE", requested: "ROLE", id: null, role: "analyst" })).toBe("role analyst");
  });

  it("calls an open task past its due time overdue, and a done or undated one not", () => {
    const now = new Date("2026-12-06T00:00:00Z");
    expect(isOverdue(task(), now)).toBe(true);
    expect(isOverdue(task({ status: "DONE" }), now)).toBe(false);
    expect(isOverdue(task({ dueAt: null }), now)).toBe(false);
    expect(isOverdue(task(), new Date("2026-12-04T00:00:00Z"))).toBe(false);
  });

  it("replaces a completed task in place", () => {
    const list = [task(), task({ id: "t2" })];
    const done = task({ id: "t2", status: "DONE" });
    expect(replaceTask(list, done).map((t) => [t.id, t.status])).toEqual([
      ["t1", "OPEN"],
      ["t2", "DONE"],
    ]);
  });

  it("asks the API for every status when the filter says any", () => {
    expect(statusFilter("ALL")).toBeNull();
    expect(statusFilter("DONE")).toBe("DONE");
  });
});
