import { defaultIdentityModel } from "../../../domain/identity/identity-model";
import { resolveIdentities, resolveIncremental } from "../../../domain/identity/resolve";
import { priorU } from "../../../domain/identity/train-model";
import { person } from "./identities.fixture";

// Issue 14 follow-up: with the untrained default model and only a few records, u, the match share and the
// term frequencies cannot be estimated from the records (their only pairs are the candidates themselves);
// the built-in priors decide until there is data.

describe("the untrained default person model on a handful of records", () => {
  const peterAt = (channel: string, externalId: string, familyName: string, email: string) =>
    person(externalId, { givenName: "Peter", familyName, emails: [email], dateOfBirth: "1975-03-14" }, channel);

  it("links one person spelt two ways on two channels (ü / ue, same unverified email and date of birth)", () => {
    const a = peterAt("amazon-de", "m-1", "Mueller", "peter.m@example.org");
    const b = peterAt("webshop", "w-9", "Müller", "Peter.M@example.org");
    const result = resolveIncremental([a, b], [], defaultIdentityModel("PERSON"), []);
    expect(result.stats.trained).toBe(true);
    expect(result.links).toHaveLength(1);
    expect(result.links[0]).toMatchObject({ a: a.id, b: b.id, decidedBy: "MODEL" });
    expect(result.links[0].probability).toBeGreaterThanOrEqual(0.9);
    // The total shown is the sum of the partial weights shown, to the last digit.
    const shown = Object.values(result.links[0].partialWeights).reduce((s, w) => s + w, 0);
    expect(result.links[0].weight).toBeCloseTo(shown, 9);
    expect(result.clusters).toEqual([expect.objectContaining({ clusterId: null, members: [a.id, b.id] })]);
  });

  it("joins the second spelling to the existing customer when it arrives later", () => {
    const a = peterAt("amazon-de", "m-1", "Mueller", "peter.m@example.org");
    const b = peterAt("webshop", "w-9", "Müller", "peter.m@example.org");
    const result = resolveIncremental(
      [b],
      [{ identity: a, clusterId: "person-1" }],
      defaultIdentityModel("PERSON"),
      [],
    );
    expect(result.clusters).toEqual([expect.objectContaining({ clusterId: "person-1", added: [b.id] })]);
  });

  it("keeps two people of one household apart (same address and surname, other given name and birth date)", () => {
    const household = { lines: ["12 Lindenstrasse"], postcode: "10115", locality: "Berlin" };
    const records = [
      person(
        "1",
        { givenName: "Peter", familyName: "Mueller", dateOfBirth: "1975-03-14", address: household },
        "webshop",
      ),
      person(
        "2",
        { givenName: "Sabine", familyName: "Müller", dateOfBirth: "1978-11-02", address: household },
        "tmall",
      ),
    ];
    for (const result of [
      resolveIncremental(records, [], defaultIdentityModel("PERSON"), []),
      resolveIdentities(records, defaultIdentityModel("PERSON"), []),
    ]) {
      expect(result.links).toEqual([]);
      expect(result.review).toEqual([]);
      expect(result.stats.comparedPairs).toBe(1);
    }
    const full = resolveIdentities(records, defaultIdentityModel("PERSON"), []);
    expect(full.clusters).toEqual([["webshop:1"], ["tmall:2"]]);
  });

  it("has a prior u that sums to one and makes agreement rare", () => {
    for (const spec of defaultIdentityModel("PERSON").comparisons) {
      const u = priorU(spec);
      expect(u.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
      expect(u[0]).toBeLessThan(u[u.length - 1]);
    }
  });
});
