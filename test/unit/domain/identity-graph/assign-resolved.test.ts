import { assignResolved, MemberState } from "../../../../domain/identity-graph/assign-resolved";
import { planResolution } from "../../../../domain/identity-graph/plan-resolution";

const state = (
  identityId: string,
  resolvedId: string | null,
  kind: MemberState["resolvedKind"] = "PERSON",
  accountId: string | null = null,
): MemberState => ({
  identityId,
  resolvedId,
  resolvedKind: resolvedId === null ? null : kind,
  accountId,
});

function counter(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe("assignResolved", () => {
  it("keeps the id most members already belong to", () => {
    const states = new Map([
      ["i1", state("i1", "per_a")],
      ["i2", state("i2", "per_a")],
      ["i3", state("i3", "per_b")],
    ]);
    const [only] = assignResolved([["i1", "i2", "i3"]], states, "PERSON", counter("new"));
    expect(only).toMatchObject({ resolvedId: "per_a", kind: "PERSON", isNew: false });
  });

  it("gives the larger part of a split customer its id and the smaller a new one", () => {
    const states = new Map(["i1", "i2", "i3"].map((id) => [id, state(id, "per_a")]));
    const [small, large] = assignResolved([["i3"], ["i1", "i2"]], states, "PERSON", counter("per_new"));
    expect(large).toMatchObject({ resolvedId: "per_a", isNew: false });
    expect(small).toMatchObject({ resolvedId: "per_new1", isNew: true });
  });

  it("resolves an organization cluster with an account to that account, duplicates included", () => {
    const states = new Map([
      ["i1", state("i1", "acc_2", "ACCOUNT", "acc_2")],
      ["i2", state("i2", "acc_1", "ACCOUNT", "acc_1")],
      ["i3", state("i3", "acc_2", "ACCOUNT")],
    ]);
    const [only] = assignResolved([["i1", "i2", "i3"]], states, "ORGANIZATION", counter("rorg"));
    expect(only).toMatchObject({ resolvedId: "acc_2", kind: "ACCOUNT", isNew: false });
  });

  it("makes a channel-only organization when no account takes part", () => {
    const states = new Map([["i1", state("i1", null)]]);
    expect(assignResolved([["i1"]], states, "ORGANIZATION", counter("rorg_"))[0]).toMatchObject({
      resolvedId: "rorg_1",
      kind: "ORGANIZATION",
      isNew: true,
    });
  });
});

describe("planResolution", () => {
  const link = (a: string, b: string) => ({
    a,
    b,
    fields: [],
    totalWeight: 10,
    probability: 0.99,
    decidedBy: "MODEL" as const,
    rule: null,
  });

  it("writes only changed memberships, makes singletons of records left out, and chunks in a stable order", () => {
    const states = new Map([
      ["a", state("a", "per_x")],
      ["b", state("b", null)],
      ["c", state("c", null)],
      ["d", state("d", "per_y")],
    ]);
    const chunks = planResolution(
      { clusters: [["b", "a"]], links: [link("a", "b")], review: [{ ...link("c", "d"), probability: 0.6 }] },
      states,
      "PERSON",
      counter("per_new"),
      2,
    );
    expect(chunks).toHaveLength(2);
    // a keeps per_x and b joins it; c, unresolved, gets a person of its own; d keeps per_y (nothing to write).
    expect(chunks[0]).toMatchObject({
      members: [
        { identityId: "b", resolvedId: "per_x" },
        { identityId: "c", resolvedId: "per_new1" },
      ],
      clusters: 2,
    });
    expect(chunks[0]!.links).toHaveLength(1);
    expect(chunks[0]!.review).toEqual([expect.objectContaining({ pairKey: "c|d" })]);
    expect(chunks[0]!.newPeople).toEqual(["per_new1"]);
    expect(chunks[1]).toMatchObject({ members: [], clusters: 1, newPeople: [] });
  });
});
