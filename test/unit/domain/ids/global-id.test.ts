import { isSourceSystemIdOf, parseGlobalId, sourceSystemId } from "../../../../domain/ids/global-id";
import { assertNodeId, nodeId } from "../../../../domain/ids/node-id";
import { assertIdCount } from "../../../../domain/ids/id-count";

describe("parseGlobalId", () => {
  it("reads the kind of every record id from its prefix", () => {
    for (const kind of ["Account", "Contact", "Opportunity", "Asset", "Organization", "Signal"] as const) {
      const id = nodeId(kind, "t", "crm", "X-1");
      expect(parseGlobalId(id)).toEqual({ kind, id });
      expect(assertNodeId(kind, id)).toBe(id);
    }
  });

  it("reads a source system's key back from its id, including keys with any characters", () => {
    for (const key of ["crm", "genesys-cc", "ERP/eu west", "客户系统"]) {
      const id = sourceSystemId("t", key);
      expect(parseGlobalId(id)).toEqual({ kind: "SourceSystem", id, key });
    }
  });

  it("binds a source system's id to its tenant", () => {
    const ref = parseGlobalId(sourceSystemId("a", "crm")) as { id: string; key: string };
    expect(isSourceSystemIdOf("a", ref)).toBe(true);
    expect(isSourceSystemIdOf("b", ref)).toBe(false);
    expect(sourceSystemId("a", "crm")).not.toBe(sourceSystemId("b", "crm"));
  });

  it("takes pack-qualified ids as concepts", () => {
    expect(parseGlobalId("core:satisfaction")).toEqual({ kind: "Concept", id: "core:satisfaction" });
  });

  it.each([
    ["", "is not a Relata id"],
    ["acc_", "is not a Relata id"],
    ["zzz_AAAAAAAAAAAAAAAAAAAAAA", 'the unknown prefix "zzz_"'],
    ["acc_AAAAAAAAAAAAAAAAAAAAA!", "is not a Relata id"],
    ["core: satisfaction", "is not a Relata id"],
  ])("refuses %j, saying %s and naming the argument", (id, says) => {
    expect(() => parseGlobalId(id, "ids[3]")).toThrow(says);
    expect(() => parseGlobalId(id, "ids[3]")).toThrow(/^ids\[3\]: /);
  });

  it("shortens a very long id in the message", () => {
    expect(() => parseGlobalId("x".repeat(300))).toThrow(`"${"x".repeat(40)}…"`);
  });
});

describe("assertIdCount", () => {
  it("accepts up to the maximum and refuses one more with the counts and what to do", () => {
    expect(() => assertIdCount(500, 500, "ids")).not.toThrow();
    expect(() => assertIdCount(501, 500, "ids")).toThrow("ids has 501 entries; at most 500 are read per call");
  });
});
