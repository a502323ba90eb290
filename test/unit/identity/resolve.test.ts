import { pairQuality } from "../../../domain/identity/evaluate-clusters";
import { defaultIdentityModel, IdentityModelSpec } from "../../../domain/identity/identity-model";
import { NormalisedIdentity } from "../../../domain/identity/normalise-identity";
import { goldenRecord, resolveIdentities, resolveIncremental, trainModel } from "../../../domain/identity/resolve";
import { person, population } from "./identities.fixture";

/** The default person model with fixed, hand-set parameters, so that a test controls every weight. */
function handModel(matchShare = 0.3): IdentityModelSpec {
  const model = defaultIdentityModel("PERSON");
  return {
    ...model,
    parameters: {
      matchShareAmongCompared: matchShare,
      comparisons: model.comparisons.map((c) => {
        const levels = c.levels.length;
        const m = c.levels.map((_, l) => (l === 0 ? 0.9 : l === levels - 1 ? 0.05 : 0.05 / (levels - 2)));
        const u = c.levels.map((_, l) => (l === 0 ? 0.01 : l === levels - 1 ? 0.95 : 0.04 / (levels - 2)));
        return { name: c.name, m, u };
      }),
      iterations: 0,
      converged: true,
      randomPairs: 0,
      comparedPairs: 0,
    },
  };
}

function clusterOf(clusters: string[][], id: string): string[] {
  return clusters.find((c) => c.includes(id))!;
}

const A = { givenName: "Anna", familyName: "Koch", dateOfBirth: "1980-05-12" };
const AT_A = { lines: ["1 Lindenstrasse"], postcode: "10115", locality: "Berlin" };
const AT_B = { lines: ["9 Ringstrasse"], postcode: "20095", locality: "Hamburg" };

describe("trainModel", () => {
  it("converges without labels and learns that agreement is likelier among matches", () => {
    const { records } = population(90);
    const { model, stats } = trainModel(records, defaultIdentityModel("PERSON"), [], { seed: 7 });
    expect(stats.converged).toBe(true);
    expect(stats.matchShareAmongCompared).toBeGreaterThan(0);
    expect(stats.matchShareAmongCompared).toBeLessThan(1);
    for (const name of ["familyName", "dateOfBirth", "place"]) {
      const p = model.parameters!.comparisons.find((c) => c.name === name)!;
      expect(p.m[0]).toBeGreaterThan(10 * p.u[0]);
      expect(p.m[p.m.length - 1]).toBeLessThan(p.u[p.u.length - 1]);
    }
  });

  it("is deterministic for a seed", () => {
    const { records } = population(45);
    const first = trainModel(records, defaultIdentityModel("PERSON"), [], { seed: 3 }).model.parameters;
    const second = trainModel(records, defaultIdentityModel("PERSON"), [], { seed: 3 }).model.parameters;
    expect(second).toEqual(first);
  });
});

describe("resolveIdentities", () => {
  it("finds the duplicates of a small population with their evidence", () => {
    const { records, entityOf } = population(90);
    const result = resolveIdentities(records, defaultIdentityModel("PERSON"), [], { seed: 1 });
    const quality = pairQuality(result.clusters, (id) => String(entityOf.get(id)));
    expect(quality.f1).toBeGreaterThanOrEqual(0.95);
    const link = result.links[0];
    expect(link.decidedBy).toBe("MODEL");
    expect(link.modelVersion).toBe(1);
    expect(Object.keys(link.vector)).toEqual(defaultIdentityModel("PERSON").comparisons.map((c) => c.name));
    const sum = Object.values(link.partialWeights).reduce((s, w) => s + w, 0);
    expect(link.weight).toBeCloseTo(sum, 2);
    expect(link.probability).toBeGreaterThanOrEqual(0.9);
    expect(result.stats.comparedPairs).toBeLessThan((records.length * (records.length - 1)) / 2);
  });

  it("links on a deterministic rule and says which", () => {
    const records = [
      person("a", { givenName: "Li", familyName: "Wei", verifiedEmails: ["li.wei@example.com"] }),
      person("b", { givenName: "Wei", familyName: "Li", verifiedEmails: ["Li.Wei@Example.com"] }, "tmall"),
    ];
    const result = resolveIdentities(records, handModel(), []);
    expect(result.clusters).toEqual([["webshop:a", "tmall:b"]]);
    expect(result.links[0]).toMatchObject({ decidedBy: "RULE", rule: "same verified email" });
  });

  it("does not let one strong link glue two clusters whose other members disagree", () => {
    const records: NormalisedIdentity[] = [
      ...[1, 2, 3].map((k) => person(`a${k}`, { ...A, nationalId: "111", address: AT_A })),
      ...[1, 2, 3].map((k) => person(`b${k}`, { ...A, dateOfBirth: "1991-09-30", nationalId: "222", address: AT_B })),
      // Shares date of birth and national id with the a's, and the address with the b's.
      person("x", { ...A, nationalId: "111", address: AT_B }),
    ];
    const guarded = resolveIdentities(records, handModel(), []);
    const as = clusterOf(guarded.clusters, "webshop:a1");
    const bs = clusterOf(guarded.clusters, "webshop:b1");
    expect(as).not.toBe(bs);
    expect(as).toEqual(expect.arrayContaining(["webshop:a1", "webshop:a2", "webshop:a3"]));
    expect(bs).toEqual(expect.arrayContaining(["webshop:b1", "webshop:b2", "webshop:b3"]));
    expect(guarded.stats.refusedByClusterCheck).toBeGreaterThanOrEqual(1);
    expect(guarded.review.some((l) => l.refused === "cluster-check")).toBe(true);

    const model = handModel();
    const unguarded = resolveIdentities(
      records,
      { ...model, clustering: { ...model.clustering, minMeanCrossWeight: -Infinity } },
      [],
    );
    expect(unguarded.clusters).toHaveLength(1);
  });

  it("respects cannot-link and must-link decisions", () => {
    const records = [
      person("a", { ...A, address: AT_A }),
      person("b", { ...A, address: AT_A }, "amazon-de"),
      person("c", { givenName: "Jonas", familyName: "Wolf", dateOfBirth: "1960-01-01", address: AT_B }),
    ];
    const undecided = resolveIdentities(records, handModel(), []);
    expect(clusterOf(undecided.clusters, "webshop:a")).toContain("amazon-de:b");

    const decided = resolveIdentities(records, handModel(), [
      { a: "webshop:a", b: "amazon-de:b", decision: "DIFFERENT" },
      { a: "webshop:a", b: "webshop:c", decision: "SAME" },
    ]);
    expect(clusterOf(decided.clusters, "webshop:a")).toEqual(["webshop:a", "webshop:c"]);
    expect(clusterOf(decided.clusters, "amazon-de:b")).toEqual(["amazon-de:b"]);
    expect(decided.links.find((l) => l.b === "webshop:c")).toMatchObject({ decidedBy: "PERSON" });
    expect(decided.stats.refusedByCannotLink).toBeGreaterThanOrEqual(1);
  });
});

describe("resolveIncremental", () => {
  it("resolves new identities against existing clusters as a full run would", () => {
    const { records } = population(60);
    const full = resolveIdentities(records, defaultIdentityModel("PERSON"), [], { seed: 1 });
    const model = full.model;
    const cut = Math.floor(records.length * 0.6);
    const first = resolveIdentities(records.slice(0, cut), model, []);
    const existing = first.clusters.flatMap((members, k) =>
      members.map((id) => ({ identity: records.find((r) => r.id === id)!, clusterId: `cluster-${k}` })),
    );
    const incremental = resolveIncremental(records.slice(cut), existing, model, []);
    expect(incremental.stats.comparedPairs).toBeGreaterThan(0);

    // Apply the incremental result to the existing clusters and compare partitions with the full run.
    const clusterOfId = new Map(existing.map((e) => [e.identity.id, e.clusterId]));
    incremental.clusters.forEach((c, k) => {
      for (const id of c.members) clusterOfId.set(id, c.clusterId ?? `new-${k}`);
    });
    for (const merged of incremental.clusters.flatMap((c) => c.mergedClusterIds.map((m) => [m, c.clusterId!]))) {
      for (const [id, cluster] of clusterOfId) if (cluster === merged[0]) clusterOfId.set(id, merged[1]);
    }
    const partition = (clusters: string[][]): string[] => clusters.map((c) => [...c].sort().join(",")).sort();
    const grouped = new Map<string, string[]>();
    for (const [id, cluster] of clusterOfId) grouped.set(cluster, [...(grouped.get(cluster) ?? []), id]);
    expect(partition([...grouped.values()])).toEqual(partition(full.clusters));
  });
});

describe("goldenRecord", () => {
  const members = [
    person("1", { givenName: "Anna", familyName: "Koch", emails: ["anna@old.example"] }, "erp", "2024-01-01T00:00:00Z"),
    person(
      "2",
      { givenName: "Anna", familyName: "Koch-Meyer", emails: ["anna@new.example"] },
      "webshop",
      "2025-06-01T00:00:00Z",
    ),
    person("3", { givenName: "Ana", familyName: "Koch" }, "call-center", "2023-03-01T00:00:00Z"),
  ];

  it("chooses each field by its survivorship rule and says where it came from", () => {
    const golden = goldenRecord(members, [
      { field: "givenName", strategy: "mostFrequent" },
      { field: "familyName", strategy: "longest" },
      { field: "emails", strategy: "mostRecent" },
      { field: "fullName", strategy: "mostTrustedSource", trustedChannels: ["call-center", "erp"] },
      { field: "dateOfBirth", strategy: "mostRecent" },
    ]);
    expect(golden.fields).toEqual([
      { field: "givenName", value: "anna", identityId: "webshop:2", channel: "webshop", rule: "mostFrequent" },
      { field: "familyName", value: "koch meyer", identityId: "webshop:2", channel: "webshop", rule: "longest" },
      { field: "emails", value: ["anna@new.example"], identityId: "webshop:2", channel: "webshop", rule: "mostRecent" },
      {
        field: "fullName",
        value: "ana koch",
        identityId: "call-center:3",
        channel: "call-center",
        rule: "mostTrustedSource",
      },
    ]);
  });
});
