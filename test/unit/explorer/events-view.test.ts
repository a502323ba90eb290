import { accountOf, changeLines, ChangeEvent, mergeNewer, typesOf } from "../../../explorer/src/events/events.logic";
import { CHANGE_TYPES } from "../../../domain/events/change-event";

function event(sequence: number, overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: `e${sequence}`,
    sequence,
    type: "ACCOUNT_UPDATED",
    recordType: "ACCOUNT",
    recordId: `acc-${sequence}`,
    externalId: null,
    sourceSystem: "crm",
    actor: "job:test",
    at: "2026-12-02T00:00:00.000Z",
    changes: [],
    ...overrides,
  };
}

describe("the events page's logic (issue 13)", () => {
  it("names only real change types in its groups, and every type in at most one group", () => {
    const seen = new Map<string, string>();
    for (const group of ["accounts", "people", "network", "signals", "health", "ontology"] as const) {
      for (const type of typesOf(group) ?? []) {
        expect(CHANGE_TYPES).toContain(type);
        expect(seen.get(type)).toBeUndefined();
        seen.set(type, group);
      }
    }
    expect(typesOf("all")).toBeNull();
  });

  it("puts newer events of a refresh on top, without repeating those shown", () => {
    const shown = [event(5), event(4)];
    expect(mergeNewer(shown, [event(7), event(6), event(5)]).map((e) => e.sequence)).toEqual([7, 6, 5, 4]);
    expect(mergeNewer([], [event(2), event(1)]).map((e) => e.sequence)).toEqual([2, 1]);
  });

  it("writes one line per field, shortening long values and saying when personal data was erased", () => {
    const lines = changeLines(
      event(1, {
        changes: [
          { field: "stage", old: "PROPOSAL", new: "NEGOTIATION", personal: false, erased: false },
          { field: "email", old: null, new: null, personal: true, erased: true },
          { field: "notes", old: null, new: "x".repeat(100), personal: false, erased: false },
        ],
      }),
      "erased",
    );
    expect(lines[0]).toBe("stage: PROPOSAL → NEGOTIATION");
    expect(lines[1]).toBe("email: erased");
    expect(lines[2]).toMatch(/^notes: – → x{57}…$/);
  });

  it("links account and health events to the account, and nothing else", () => {
    expect(accountOf(event(1))).toBe("acc-1");
    expect(accountOf(event(2, { recordType: "HEALTH", type: "HEALTH_GRADE_CHANGED" }))).toBe("acc-2");
    expect(accountOf(event(3, { recordType: "CONTACT", type: "CONTACT_CREATED" }))).toBeNull();
  });
});
