import { fieldValue } from "./compare-identities";
import { IdentityField, SurvivorshipRule, SurvivorshipStrategy } from "./identity-model";
import { NormalisedIdentity } from "./normalise-identity";

/** One field of a golden record: its value, the identity it came from and the rule that chose it. */
export interface GoldenField {
  field: IdentityField;
  value: string | string[];
  identityId: string;
  channel: string;
  rule: SurvivorshipStrategy;
}

export interface GoldenRecord {
  /** Only fields some member has a value for, in the order of the survivorship rules. */
  fields: GoldenField[];
}

function newer(a: NormalisedIdentity, b: NormalisedIdentity): number {
  // Most recent first; identities without a date come last; ties by id so the result is deterministic.
  const ta = a.observedAt ? Date.parse(a.observedAt) : -Infinity;
  const tb = b.observedAt ? Date.parse(b.observedAt) : -Infinity;
  if (ta !== tb) return tb > ta ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function valueKey(value: string | string[]): string {
  return typeof value === "string" ? value : value.join("\u0001");
}

function valueLength(value: string | string[]): number {
  return typeof value === "string" ? value.length : value.join("").length;
}

/**
 * The golden record of a resolved customer: for each survivorship rule, the winning value among the
 * members that have one, with the identity it came from. `mostTrustedSource` ranks channels by the
 * rule's list (then most recent), `mostRecent` takes the latest `observedAt`, `mostFrequent` the value most
 * members agree on (then most recent), `longest` the longest value (then most recent).
 */
export function goldenRecord(
  members: readonly NormalisedIdentity[],
  survivorship: readonly SurvivorshipRule[],
): GoldenRecord {
  const fields: GoldenField[] = [];
  for (const rule of survivorship) {
    const candidates = members
      .map((identity) => ({ identity, value: fieldValue(identity, rule.field) }))
      .filter((c): c is { identity: NormalisedIdentity; value: string | string[] } => c.value !== null)
      .sort((x, y) => newer(x.identity, y.identity));
    if (candidates.length === 0) continue;
    let winner = candidates[0];
    switch (rule.strategy) {
      case "mostRecent":
        break;
      case "mostTrustedSource": {
        const trust = rule.trustedChannels ?? [];
        const rank = (channel: string): number => {
          const i = trust.indexOf(channel);
          return i < 0 ? trust.length : i;
        };
        winner = candidates.reduce((best, c) => (rank(c.identity.channel) < rank(best.identity.channel) ? c : best));
        break;
      }
      case "mostFrequent": {
        const counts = new Map<string, number>();
        for (const c of candidates) counts.set(valueKey(c.value), (counts.get(valueKey(c.value)) ?? 0) + 1);
        winner = candidates.reduce((best, c) =>
          counts.get(valueKey(c.value))! > counts.get(valueKey(best.value))! ? c : best,
        );
        break;
      }
      case "longest":
        winner = candidates.reduce((best, c) => (valueLength(c.value) > valueLength(best.value) ? c : best));
        break;
    }
    fields.push({
      field: rule.field,
      value: winner.value,
      identityId: winner.identity.id,
      channel: winner.identity.channel,
      rule: rule.strategy,
    });
  }
  return { fields };
}
