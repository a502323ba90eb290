import { chainNext, verifyChain } from "../../../domain/audit/audit-chain";
import { AuditEntryInput, checkAuditEntry } from "../../../domain/audit/audit-entry";
import {
  auditRecordId,
  auditTime,
  chainRecordOf,
  recomputeAuditHash,
  sealAuditRecords,
} from "../../../domain/audit/audit-record";

// Issue 11, audit trail: what an entry may hold, and how records are numbered and hashed.

const base: AuditEntryInput = {
  kind: "ACTION",
  playbookId: "pb-1",
  playbookVersion: 2,
  accountIds: ["acc_1"],
  userIds: ["usr_1"],
  actor: "agent:playbooks",
  payload: { action: "CREATE_TASK", params: { templateId: "demo-plan", assigneeUserId: "usr_1" } },
};

describe("checking an audit entry", () => {
  it("keeps the payload as canonical JSON text and leaves absent options out", () => {
    const checked = checkAuditEntry({
      ...base,
      playbookId: undefined,
      firingId: undefined,
      payload: { b: 1, a: [true] },
    });
    expect(checked.payload).toBe('{"a":[true],"b":1}');
    expect("playbookId" in checked).toBe(false);
    expect("firingId" in checked).toBe(false);
  });

  it.each([
    [{ name: "Ada" }, /payload\.name is named like a personal field/],
    [{ contact: { workEmail: "a" } }, /payload\.contact\.workEmail is named like a personal field/],
    [{ list: [{ phone_number: "1" }] }, /payload\.list\[0\]\.phone_number is named like a personal field/],
    [{ to: "ada@example.org" }, /payload\.to holds an email address/],
  ])("refuses personal values in %j", (payload, message) => {
    expect(() => checkAuditEntry({ ...base, payload }, 4)).toThrow(message);
    expect(() => checkAuditEntry({ ...base, payload }, 4)).toThrow(/^audit entry 4/);
  });

  it("accepts ids and values that only look close to personal fields", () => {
    expect(() =>
      checkAuditEntry({ ...base, payload: { contactId: "con_1", playbookName: "demo", url: "https://x@y" } }),
    ).not.toThrow();
  });

  it("refuses an unknown kind, a bad actor, a non-object payload and non-JSON values", () => {
    expect(() => checkAuditEntry({ ...base, kind: "NOPE" as never })).toThrow(/kind: "NOPE" is not one of FIRING/);
    expect(() => checkAuditEntry({ ...base, actor: "root" })).toThrow(/actor: "root" must be "user:<sub>"/);
    expect(() => checkAuditEntry({ ...base, payload: [1] })).toThrow(/payload: must be a JSON object/);
    expect(() => checkAuditEntry({ ...base, payload: { x: Number.NaN } })).toThrow(/payload\.x is NaN/);
    expect(() => checkAuditEntry({ ...base, accountIds: [""] })).toThrow(/accountIds: holds ""/);
  });
});

describe("sealing audit records", () => {
  const entries = [checkAuditEntry(base), checkAuditEntry({ ...base, kind: "CONFIRMATION" })];

  it("numbers after the head, links each to its predecessor, and derives tenant-qualified ids", () => {
    const head = chainNext(null, "2026-12-01T00:00:00.000Z", {});
    const records = sealAuditRecords("t1", { seq: 1, hash: head.hash }, "2026-12-02T00:00:00.000Z", entries);
    expect(records.map((r) => r.seq)).toEqual([2, 3]);
    expect(records[0]!.prevHash).toBe(head.hash);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(records[0]!.id).toBe(auditRecordId("t1", 2));
    expect(auditRecordId("t2", 2)).not.toBe(records[0]!.id);
    expect(verifyChain(records.map(chainRecordOf), { ...head })).toBeNull();
  });

  it("covers every field with the hash", () => {
    const [record] = sealAuditRecords("t1", { seq: 0, hash: "0".repeat(64) }, "2026-12-02T00:00:00.000Z", entries);
    expect(recomputeAuditHash(record!)).toBe(record!.hash);
    for (const change of [
      { tenant: "t2" },
      { kind: "FIRING" as const },
      { accountIds: ["acc_2"] },
      { userIds: [] },
      { actor: "user:x" },
      { playbookVersion: 3 },
      { firingId: "f" },
      { payload: "{}" },
      { at: "2026-12-02T00:00:00.001Z" },
    ]) {
      expect(recomputeAuditHash({ ...record!, ...change })).not.toBe(record!.hash);
    }
  });

  it("normalises the record time to milliseconds in UTC", () => {
    expect(auditTime("2026-12-02T06:00:00+01:00")).toBe("2026-12-02T05:00:00.000Z");
    expect(auditTime("yesterday")).toBeNull();
  });
});
