import { describeRef, resolveRef } from "../../../../domain/deletion/record-ref";
import { nodeId } from "../../../../domain/ids/node-id";

const TENANT = "acme";

describe("resolveRef", () => {
  it("turns a key into the id an upsert of that key gave the record", () => {
    expect(resolveRef("Account", TENANT, { sourceSystem: "crm", externalId: "A-1" })).toEqual({
      id: nodeId("Account", TENANT, "crm", "A-1"),
    });
  });

  it("accepts a well-formed id of the kind as is", () => {
    const id = nodeId("Signal", TENANT, "crm", "S-1");
    expect(resolveRef("Signal", TENANT, { id })).toEqual({ id });
  });

  it("rejects an id of another kind, saying what an id of this kind looks like", () => {
    const contact = nodeId("Contact", TENANT, "crm", "C-1");
    expect(resolveRef("Account", TENANT, { id: contact })).toEqual({
      problem: expect.stringMatching(/is not an Account id\. Account ids look like "acc_"/),
    });
  });

  it("rejects neither and both forms", () => {
    expect(resolveRef("Account", TENANT, {})).toEqual({ problem: expect.stringMatching(/either id, or sourceSystem/) });
    expect(
      resolveRef("Account", TENANT, {
        id: nodeId("Account", TENANT, "crm", "A"),
        externalId: "A",
        sourceSystem: "crm",
      }),
    ).toEqual({ problem: expect.stringMatching(/not both/) });
  });

  it("rejects a key with a malformed source system or an empty or huge external id", () => {
    expect(resolveRef("Account", TENANT, { sourceSystem: "CRM!", externalId: "A" })).toHaveProperty("problem");
    expect(resolveRef("Account", TENANT, { sourceSystem: "crm", externalId: " " })).toHaveProperty("problem");
    expect(resolveRef("Account", TENANT, { sourceSystem: "crm", externalId: "x".repeat(201) })).toHaveProperty(
      "problem",
    );
    expect(resolveRef("Account", TENANT, { sourceSystem: "crm" })).toHaveProperty("problem");
  });

  it("gives two tenants different ids for one key", () => {
    const ref = { sourceSystem: "crm", externalId: "A-1" };
    expect(resolveRef("Account", "one", ref)).not.toEqual(resolveRef("Account", "two", ref));
  });
});

describe("describeRef", () => {
  it("shows an id, or the key as source/external id", () => {
    expect(describeRef({ id: "acc_x" })).toBe("acc_x");
    expect(describeRef({ sourceSystem: "crm", externalId: "A-1" })).toBe("crm/A-1");
    expect(describeRef({})).toBeNull();
  });
});
