import { ExplanationNode } from "../../../../domain/health/score-account";
import { healthLineage, SignalSubject } from "../../../../domain/lineage/health-lineage";

function concept(id: string, children: ExplanationNode[], extra: Partial<ExplanationNode> = {}): ExplanationNode {
  return {
    kind: "CONCEPT",
    id,
    labelKey: id,
    concept: id,
    value: 0.5,
    weight: 1,
    weightSource: "PART",
    normalizedWeight: 1,
    effectiveWeight: 1,
    contribution: 50,
    impact: 0,
    confidence: 1,
    reason: null,
    notes: [],
    mapping: null,
    manual: null,
    children,
    ...extra,
  };
}

function leaf(
  system: string,
  field: string,
  conceptId: string,
  signals: string[],
  observations: number,
): ExplanationNode {
  return {
    ...concept(conceptId, []),
    kind: "MAPPING",
    id: `${system}.${field}`,
    weightSource: "MAPPING",
    mapping: {
      key: `${system}|${field}|${conceptId}`,
      system,
      field,
      aggregation: "mean",
      window: "P30D",
      aggregate: { kind: "mean", value: 3, observations, note: `mean of ${observations}` },
      steps: [{ step: "transform", value: 0.5, note: "linear" }],
      rejectedAt: null,
      evidence: signals.map((signalId, i) => ({
        signalId,
        recordId: `r-${signalId}`,
        sourceSystem: system,
        value: i,
        observedAt: 0,
      })),
    },
  };
}

const explanation = concept("h:health", [
  concept("h:sat", [leaf("survey", "csat", "h:sat", ["sig_a"], 1)], { weight: 0.4 }),
  concept("h:use", [leaf("product", "logins", "h:use", ["sig_b", "sig_c"], 5)], { weight: 0.6 }),
]);

const subjects = new Map<string, SignalSubject>([
  ["sig_a", { kind: "Account", id: "acc_main", label: "Main", accountId: "acc_main", accountLabel: "Main" }],
  ["sig_b", { kind: "Account", id: "acc_dup", label: "Dup", accountId: "acc_dup", accountLabel: "Dup" }],
  ["sig_c", { kind: "Contact", id: "con_1", label: "Jo", accountId: "acc_main", accountLabel: "Main" }],
]);

const input = {
  tenant: "t",
  account: { id: "acc_main", label: "Main" },
  score: {
    score: 50,
    grade: "YELLOW",
    confidence: 1,
    computedAt: "2026-11-01T00:00:00.000Z",
    asOf: "2026-11-01T00:00:00.000Z",
    stored: true,
  },
  model: {
    modelId: "h",
    version: 2,
    name: "H",
    rootConcept: "h:health",
    weights: { "h:use": 0.6 },
    source: "MANUAL",
    windowDays: null,
    includeContacts: true,
    includeAssets: false,
  },
  explanation,
  subjects,
  focusConcept: null,
  maxNodes: 200,
};

describe("healthLineage", () => {
  const graph = healthLineage(input);
  const ids = graph.nodes.map((n) => n.id);
  const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);

  it("reaches from the score through concept values and mappings to fields, systems and signals", () => {
    expect(graph.kind).toBe("HEALTH_SCORE");
    expect(ids).toEqual(
      expect.arrayContaining([
        "model:h@2",
        "concept-value:h:sat",
        "mapping:survey/csat→h:sat",
        "field:survey/csat",
        "sig_a",
        "sig_b",
        "sig_c",
      ]),
    );
    expect(edge(graph.rootId, "model:h@2")?.kind).toBe("COMPUTED_BY");
    expect(edge("concept-value:h:use", "mapping:product/logins→h:use")?.kind).toBe("MAPPED_BY");
    expect(edge("mapping:product/logins→h:use", "sig_b")?.kind).toBe("DERIVED_FROM");
    expect(graph.nodes.find((n) => n.id === "concept-value:h:use")?.properties.weight).toBe(0.6);
  });

  it("counts every signal a mapping read and flags that fewer are listed", () => {
    expect(graph.recordCount).toBe(6);
    expect(graph.truncated).toBe(true);
  });

  it("shows a duplicate account's signal resolved to the account, and a contact's signal through its account", () => {
    expect(edge("sig_b", "acc_dup")?.kind).toBe("ABOUT");
    expect(edge("acc_dup", "acc_main")?.kind).toBe("RESOLVED_TO");
    expect(edge("con_1", "acc_main")?.properties).toEqual({ relation: "WORKS_AT" });
    expect(graph.notes.join(" ")).toMatch(/duplicate accounts/);
  });

  it("keeps the structure and drops signals first when the node budget is small", () => {
    const small = healthLineage({ ...input, maxNodes: 10 });
    const smallIds = small.nodes.map((n) => n.id);
    expect(smallIds).toContain("mapping:product/logins→h:use");
    expect(smallIds).not.toContain("sig_c");
    expect(small.truncated).toBe(true);
  });

  it("starts from one concept's value for a concept lineage", () => {
    const value = healthLineage({ ...input, focusConcept: "h:sat" });
    expect(value.kind).toBe("CONCEPT_VALUE");
    expect(value.rootId).toBe("concept-value:h:sat");
    expect(value.nodes.map((n) => n.id)).not.toContain("mapping:product/logins→h:use");
    expect(value.nodes.map((n) => n.id)).toContain("sig_a");
  });
});
