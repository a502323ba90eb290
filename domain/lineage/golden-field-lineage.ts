import { LineageGraph, LineageGraphBuilder } from "./lineage-graph";

/** A member identity of a resolved customer, as lineage shows it. */
export interface GoldenCandidate {
  identityId: string;
  channel: string;
  externalId: string;
  observedAt: string | null;
  /** Its value of the field (normalised, as the survivorship rule compares it); null when it has none. */
  value: string | string[] | null;
}

export interface GoldenFieldLineageInput {
  customer: { id: string; kind: string; entity: string };
  field: string;
  /** The surviving value and where it came from. */
  golden: { value: unknown; identityId: string; channel: string; rule: string };
  /** The rule as the identity model states it (strategy, trusted channels). */
  rule: Readonly<Record<string, unknown>>;
  modelVersion: number;
  members: readonly GoldenCandidate[];
  maxNodes: number;
}

const channelNodeId = (channel: string) => `channel:${channel}`;

/**
 * The lineage of one golden-record field of a resolved customer: the identity and channel the value survived
 * from, the survivorship rule and identity model version that chose it, and the other members that had a
 * value for the field (CONSIDERED), each observed in its channel.
 */
export function goldenFieldLineage(input: GoldenFieldLineageInput): LineageGraph {
  const g = new LineageGraphBuilder(input.maxNodes);
  const { customer, field, golden } = input;
  const rootId = `golden:${customer.id}/${field}`;
  g.node({
    id: rootId,
    kind: "GOLDEN_FIELD",
    label: `${field} of ${customer.id}`,
    version: String(input.modelVersion),
    properties: { field, value: golden.value, customerId: customer.id },
  });
  g.node({
    id: customer.id,
    kind: customer.kind,
    label: customer.id,
    version: null,
    properties: { entity: customer.entity },
  });
  g.edge(rootId, customer.id, "ABOUT");
  const ruleId = `survivorship:${customer.entity}/${field}@${input.modelVersion}`;
  g.node({
    id: ruleId,
    kind: "SURVIVORSHIP_RULE",
    label: `${golden.rule} (${field})`,
    version: String(input.modelVersion),
    properties: { ...input.rule, entity: customer.entity, identityModelVersion: input.modelVersion },
  });
  g.edge(rootId, ruleId, "COMPUTED_BY");
  const ordered = [...input.members].sort((a, b) =>
    a.identityId === golden.identityId ? -1 : b.identityId === golden.identityId ? 1 : 0,
  );
  let candidates = 0;
  for (const member of ordered) {
    if (member.value === null) continue;
    candidates += 1;
    const won = member.identityId === golden.identityId;
    const added = g.node({
      id: member.identityId,
      kind: "IDENTITY",
      label: `${member.channel} ${member.externalId}`,
      version: null,
      properties: {
        channel: member.channel,
        externalId: member.externalId,
        observedAt: member.observedAt,
        value: member.value,
      },
    });
    if (!added) continue;
    g.edge(
      rootId,
      member.identityId,
      won ? "DERIVED_FROM" : "CONSIDERED",
      won ? {} : { outcome: "lost to the surviving value" },
    );
    g.node({
      id: channelNodeId(member.channel),
      kind: "CHANNEL",
      label: member.channel,
      version: null,
      properties: {},
    });
    g.edge(member.identityId, channelNodeId(member.channel), "OBSERVED_IN");
  }
  g.countRecords(candidates);
  return g.build(rootId, "GOLDEN_FIELD");
}
