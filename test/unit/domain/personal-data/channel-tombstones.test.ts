import {
  channelTombstoneHash,
  channelTombstones,
  channelValue,
  erasedChannelReason,
} from "../../../../domain/personal-data/erasure-tombstone";

describe("channel tombstones (decision 0033)", () => {
  it("compares emails trimmed and in any case, phones by their digits with the leading + kept", () => {
    expect(channelValue("EMAIL", "  Zoe.Angstrom@Example.COM ")).toBe("zoe.angstrom@example.com");
    expect(channelValue("PHONE", "+46 70 123 45 67")).toBe("+46701234567");
    expect(channelValue("PHONE", "+46701234567")).toBe("+46701234567");
    expect(channelValue("PHONE", "070-123 45 67")).toBe("0701234567");
  });

  it("remembers nothing too short or not an identifier", () => {
    expect(channelValue("EMAIL", "not an email")).toBeNull();
    expect(channelValue("PHONE", "112")).toBeNull();
    expect(channelValue("EMAIL", null)).toBeNull();
  });

  it("hashes with the key and the tenant: the same value of another tenant or key is another hash, never the value", () => {
    const hash = channelTombstoneHash("k", "t1", "EMAIL", "zoe@example.com");
    expect(channelTombstoneHash("k", "t2", "EMAIL", "zoe@example.com")).not.toBe(hash);
    expect(channelTombstoneHash("k2", "t1", "EMAIL", "zoe@example.com")).not.toBe(hash);
    expect(channelTombstoneHash("k", "t1", "PHONE", "zoe@example.com")).not.toBe(hash);
    expect(hash).not.toContain("zoe");
    const all = channelTombstones("k", "t1", { emails: ["ZOE@example.com", "zoe@example.com"], phones: ["+46 70 1"] });
    expect(all).toEqual([
      { kind: "EMAIL", hash },
      { kind: "PHONE", hash: channelTombstoneHash("k", "t1", "PHONE", "+46701") },
    ]);
  });

  it("says what was refused and why, without the value", () => {
    const reason = erasedChannelReason("contact", "EMAIL", "2026-12-02T10:00:00.000Z", "era_1");
    expect(reason).toContain("an email of a person whose data was erased on 2026-12-02T10:00:00.000Z (request era_1)");
  });
});
