import { InvalidIdError } from "../../../../domain/ids/id.errors";
import { assertNodeId, NODE_ID_PREFIXES, nodeId } from "../../../../domain/ids/node-id";

function idError(check: () => unknown): InvalidIdError {
  try {
    check();
  } catch (error) {
    if (error instanceof InvalidIdError) return error;
    throw error;
  }
  throw new Error("expected an InvalidIdError");
}

describe("nodeId", () => {
  it("is deterministic: the same key always gives the same id", () => {
    expect(nodeId("Account", "acme", "crm", "A-1")).toBe(nodeId("Account", "acme", "crm", "A-1"));
  });

  it("carries the kind's prefix and 22 URL-safe characters", () => {
    for (const [kind, prefix] of Object.entries(NODE_ID_PREFIXES)) {
      expect(nodeId(kind as keyof typeof NODE_ID_PREFIXES, "acme", "crm", "X-1")).toMatch(
        new RegExp(`^${prefix}_[A-Za-z0-9_-]{22}$`),
      );
    }
  });

  it("depends on the tenant, so two tenants' records never share an id", () => {
    expect(nodeId("Account", "acme", "crm", "A-1")).not.toBe(nodeId("Account", "globex", "crm", "A-1"));
  });

  it("depends on the source system, the external id and the kind", () => {
    const base = nodeId("Account", "acme", "crm", "A-1");
    expect(nodeId("Account", "acme", "erp", "A-1")).not.toBe(base);
    expect(nodeId("Account", "acme", "crm", "A-2")).not.toBe(base);
    expect(nodeId("Contact", "acme", "crm", "A-1").slice(4)).not.toBe(base.slice(4));
  });

  it("does not confuse keys whose parts only differ in where they are split", () => {
    expect(nodeId("Account", "acme", "crm", "a-b")).not.toBe(nodeId("Account", "acme", "crm-a", "b"));
    expect(nodeId("Account", "ac", "mecrm", "x")).not.toBe(nodeId("Account", "acme", "crm", "x"));
  });
});

describe("assertNodeId", () => {
  describe("accepted ids", () => {
    it("returns an id of the right kind unchanged", () => {
      const id = nodeId("Account", "acme", "crm", "A-1");
      expect(assertNodeId("Account", id)).toBe(id);
    });
  });

  describe("rejected ids", () => {
    it("rejects garbage and names the expected shape", () => {
      const error = idError(() => assertNodeId("Account", "garbage"));
      expect(error.code).toBe("INVALID_ID");
      expect(error.message).toMatch(/^id: "garbage" is not an? Account id\./);
      expect(error.message).toContain('"acc_" followed by 22 letters, digits, "-" or "_"');
      expect(error.message).toMatch(/take them from the id field of an? Account/);
    });

    it("rejects an id of another kind", () => {
      const contactId = nodeId("Contact", "acme", "crm", "C-1");
      expect(idError(() => assertNodeId("Account", contactId)).message).toMatch(/is not an? Account id/);
    });

    it.each([
      ["too short", "acc_abc"],
      ["too long", `acc_${"a".repeat(23)}`],
      ["with a character outside base64url", `acc_${"a".repeat(21)}+`],
      ["with surrounding space", ` acc_${"a".repeat(22)}`],
      ["with a trailing newline", `acc_${"a".repeat(22)}\n`],
      ["empty", ""],
    ])("rejects an id that is %s", (_why, id) => {
      expect(idError(() => assertNodeId("Account", id)).code).toBe("INVALID_ID");
    });

    it("names the argument and shortens a very long value", () => {
      const error = idError(() => assertNodeId("Asset", "x".repeat(100), "assetId"));
      expect(error.message).toMatch(/^assetId: "x{40}…" is not an? Asset id/);
      expect(error.message).not.toContain("x".repeat(41));
    });
  });
});
