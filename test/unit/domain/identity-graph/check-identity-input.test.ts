import { checkIdentityInput } from "../../../../domain/identity-graph/check-identity-input";

describe("checkIdentityInput", () => {
  it("accepts a complete record and drops null and empty attributes", () => {
    const checked = checkIdentityInput({
      entity: "person",
      channel: "tmall",
      externalId: " TM-1 ",
      attributes: {
        fullName: "Li",
        emails: ["", "li@example.cn"],
        phones: null,
        address: { lines: [], country: "CN" },
      },
    });
    expect(checked).toEqual({
      ok: true,
      input: {
        entity: "PERSON",
        channel: "tmall",
        externalId: "TM-1",
        attributes: { fullName: "Li", emails: ["li@example.cn"], address: { country: "CN" } },
        observedAt: null,
      },
    });
  });

  it.each([
    [{ channel: "x", externalId: "1" }, /^entity is missing/],
    [{ entity: "CAT", channel: "x", externalId: "1" }, /not a known entity type/],
    [{ entity: "PERSON", externalId: "1" }, /^channel is missing/],
    [{ entity: "PERSON", channel: "has space", externalId: "1" }, /is not a channel key/],
    [{ entity: "PERSON", channel: "crm-account", externalId: "1" }, /reserved/],
    [{ entity: "PERSON", channel: "x" }, /^externalId is missing/],
    [{ entity: "PERSON", channel: "x", externalId: "1", observedAt: "yesterday" }, /not an ISO 8601/],
    [{ entity: "PERSON", channel: "x", externalId: "1", attributes: { fullName: "a".repeat(501) } }, /at most 500/],
  ])("rejects %j", (draft, reason) => {
    const checked = checkIdentityInput(draft);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? "" : checked.reason).toMatch(reason);
  });
});
