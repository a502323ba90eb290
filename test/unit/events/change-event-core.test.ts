import {
  changeEventId,
  ChangeCursorError,
  decodeChangeCursor,
  encodeChangeCursor,
} from "../../../domain/events/change-cursor";
import { CHANGE_TYPES, recordTypeOf } from "../../../domain/events/change-event";
import { diffFields } from "../../../domain/events/field-diff";
import { isSealed, newPersonKey, openPersonalValue, sealPersonalValue } from "../../../domain/events/personal-cipher";
import { lifecycleChange, upsertChange } from "../../../domain/events/record-changes";

describe("change cursors (issue 10)", () => {
  it("round-trips positions and treats no cursor as the beginning", () => {
    for (const seq of [0, 1, 42, 9_007_199_254]) expect(decodeChangeCursor(encodeChangeCursor(seq))).toBe(seq);
    expect(decodeChangeCursor(null)).toBe(0);
    expect(decodeChangeCursor("")).toBe(0);
    expect(decodeChangeCursor("0")).toBe(0);
  });

  it("refuses text that is not a cursor, saying what to pass", () => {
    for (const bad of ["abc", "chg1:5", Buffer.from("chg1:x").toString("base64url"), "%%%", "a".repeat(200)]) {
      expect(() => decodeChangeCursor(bad)).toThrow(ChangeCursorError);
    }
    expect(() => decodeChangeCursor("nope")).toThrow(/pass a cursor the feed returned/);
  });

  it("gives events ids that are stable and differ between tenants", () => {
    expect(changeEventId("a", 7)).toBe(changeEventId("a", 7));
    expect(changeEventId("a", 7)).not.toBe(changeEventId("b", 7));
    expect(changeEventId("a", 7)).not.toBe(changeEventId("a", 8));
  });
});

describe("event types", () => {
  it("name the record type they are about", () => {
    expect(recordTypeOf("SOURCE_SYSTEM_UPDATED")).toBe("SOURCE_SYSTEM");
    expect(recordTypeOf("MANUAL_MEASURE_SET")).toBe("MANUAL_MEASURE");
    expect(recordTypeOf("HEALTH_MODEL_VERSION_SAVED")).toBe("HEALTH_MODEL");
    expect(recordTypeOf("HEALTH_GRADE_CHANGED")).toBe("HEALTH");
    for (const type of CHANGE_TYPES) expect(() => recordTypeOf(type)).not.toThrow();
  });
});

describe("field diffs", () => {
  it("lists the non-null fields of a new record and only changed fields of an update", () => {
    expect(diffFields(["name", "region", "size"], null, { name: "A", region: null, size: 3 })).toEqual([
      { field: "name", old: null, new: "A" },
      { field: "size", old: null, new: 3 },
    ]);
    expect(diffFields(["name", "size"], { name: "A", size: 3 }, { name: "A", size: 4 })).toEqual([
      { field: "size", old: 3, new: 4 },
    ]);
    expect(diffFields(["name"], { name: "A" }, { name: null })).toEqual([{ field: "name", old: "A", new: null }]);
  });

  it("compares dates by instant, not by spelling", () => {
    const before = { observedAt: "2026-11-01T00:00:00Z" };
    expect(diffFields(["observedAt"], before, { observedAt: new Date("2026-11-01T00:00:00.000Z") })).toEqual([]);
  });

  it("marks personal fields", () => {
    expect(diffFields(["email"], null, { email: "a@b.c" }, new Set(["email"]))).toEqual([
      { field: "email", old: null, new: "a@b.c", personal: true },
    ]);
  });
});

describe("personal values", () => {
  it("are sealed so that only the person's key opens them", () => {
    const key = newPersonKey();
    const sealed = sealPersonalValue(key, "mei@example.com");
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("mei");
    expect(openPersonalValue(key, sealed)).toBe("mei@example.com");
    expect(openPersonalValue(null, sealed)).toBeUndefined();
    expect(() => openPersonalValue(newPersonKey(), sealed)).toThrow();
  });
});

describe("record changes", () => {
  const record = {
    id: "c1",
    sourceSystem: "crm",
    externalId: "C-1",
    props: { name: "Mei", email: null },
    targetId: "a1",
  };

  it("is null for an unchanged record", () => {
    expect(upsertChange("CONTACT", record, "UNCHANGED", null, null)).toBeNull();
  });

  it("creates with every field, the link, and the person whose key seals it", () => {
    expect(upsertChange("CONTACT", record, "CREATED", null, null)).toEqual({
      type: "CONTACT_CREATED",
      recordId: "c1",
      externalId: "C-1",
      sourceSystem: "crm",
      personId: "c1",
      changes: [
        { field: "name", old: null, new: "Mei", personal: true },
        { field: "accountId", old: null, new: "a1" },
      ],
    });
  });

  it("reports a moved link and nothing for an update that changed no field", () => {
    const moved = upsertChange("ASSET", { ...record, props: { name: "Pump" } }, "UPDATED", { name: "Pump" }, "a0");
    expect(moved?.changes).toEqual([{ field: "accountId", old: "a0", new: "a1" }]);
    expect(moved?.personId).toBeNull();
    expect(upsertChange("ASSET", { ...record, props: { name: "Pump" } }, "UPDATED", { name: "Pump" }, null)).toBeNull();
  });

  it("names lifecycle events after the record type", () => {
    expect(lifecycleChange("SIGNAL", "RESTORED", { id: "s", externalId: "x", sourceSystem: "y" }, []).type).toBe(
      "SIGNAL_RESTORED",
    );
  });
});
