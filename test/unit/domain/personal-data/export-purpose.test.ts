import { StoredChange } from "../../../../domain/events/change-event";
import { ExportConsentScreen, exportPurpose, ExportPeople } from "../../../../domain/personal-data/export-purpose";

const event = (seq: number, type: string, recordId: string): StoredChange =>
  ({ seq, type, recordId, externalId: null, sourceSystem: null, changes: [], at: "2026-01-01T00:00:00.000Z" }) as never;

const GRANTED = {
  purpose: "MARKETING" as const,
  grantedAt: "2026-01-01T00:00:00Z",
  withdrawnAt: null,
  expiresAt: null,
};

describe("exportPurpose", () => {
  it.each([
    ["MARKETING", "MARKETING"],
    [" data-sharing ", "DATA_SHARING"],
    ["analytics", "ANALYTICS"],
  ])("reads %j as the consent purpose %s", (header, purpose) => {
    expect(exportPurpose(header)).toBe(purpose);
  });

  it("screens nobody for a free-form purpose or none", () => {
    expect(exportPurpose("kyc-check")).toBeNull();
    expect(exportPurpose(null)).toBeNull();
  });
});

describe("ExportConsentScreen", () => {
  const people: ExportPeople = {
    personOf: new Map<string, string | null>([
      ["con_a", "per_a"],
      ["con_b", "per_b"],
      ["sig_b", "per_b"],
      ["con_new", null],
      ["con_gone", "per_gone"],
    ]),
    consentsOf: new Map([
      ["per_a", [GRANTED]],
      ["per_b", [{ ...GRANTED, withdrawnAt: "2026-06-01T00:00:00Z" }]],
      ["per_gone", [GRANTED]],
    ]),
    erased: new Set(["per_gone"]),
  };

  it("keeps events about people with consent and about no person, leaves the others out and tallies why", () => {
    const screen = new ExportConsentScreen("MARKETING");
    const events = [
      event(1, "ACCOUNT_CREATED", "acc_1"),
      event(2, "CONTACT_CREATED", "con_a"),
      event(3, "CONTACT_CREATED", "con_b"),
      event(4, "SIGNAL_CREATED", "sig_b"),
      event(5, "CONTACT_CREATED", "con_new"),
      event(6, "CONTACT_UPDATED", "con_gone"),
    ];
    const kept = screen.screen(events, people, "2026-12-01T00:00:00Z");
    expect(kept.map((e) => e.seq)).toEqual([1, 2]);
    expect(screen.summary()).toEqual({
      purpose: "MARKETING",
      eventsKept: 2,
      eventsSkipped: 4,
      allowedPeople: 1,
      skipped: [
        { personId: "per_b", state: "WITHDRAWN" },
        { personId: "per_gone", state: "NO_CONSENT" },
      ],
      unresolvedRecords: 1,
    });
  });

  it("adds up over pages", () => {
    const screen = new ExportConsentScreen("MARKETING");
    screen.screen([event(1, "CONTACT_CREATED", "con_a")], people, "2026-12-01T00:00:00Z");
    screen.screen(
      [event(2, "CONTACT_UPDATED", "con_a"), event(3, "CONTACT_UPDATED", "con_b")],
      people,
      "2026-12-01T00:00:00Z",
    );
    expect(screen.summary()).toMatchObject({ eventsKept: 2, eventsSkipped: 1, allowedPeople: 1 });
  });
});
