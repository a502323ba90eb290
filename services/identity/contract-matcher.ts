import { IdentityEntity, IdentityInput } from "../../domain/identity/identity";
import { modelBlockingKeys } from "../../domain/identity/compare-identities";
import { defaultIdentityModel, IdentityModelSpec } from "../../domain/identity/identity-model";
import { NormalisedIdentity, normaliseIdentity } from "../../domain/identity/normalise-identity";
import {
  goldenRecord,
  IdentityDecision,
  IdentityLink,
  resolveIdentities,
  resolveIncremental,
  trainModel,
} from "../../domain/identity/resolve";
import { LinkFieldEvidence } from "../../domain/identity-graph/stored-identity";
import {
  GoldenField,
  IdentityMatcher,
  MatchDecision,
  MatchLink,
  MatchModel,
  MatchRecord,
  MatchResult,
  MatchReviewPair,
  Normalised,
} from "./identity-matcher";

/** The stored normalised form with the identity's id (the matcher treats ids as opaque). */
function normalisedOf(record: MatchRecord): NormalisedIdentity {
  return { ...(record.normalised as NormalisedIdentity), id: record.id, observedAt: record.observedAt };
}

function specOf(model: MatchModel): IdentityModelSpec {
  return { ...(model.spec as IdentityModelSpec), version: model.version };
}

function evidenceOf(link: IdentityLink): LinkFieldEvidence[] {
  return Object.keys(link.levels).map((name) => ({
    field: name,
    level: link.levels[name] ?? "",
    levelIndex: link.vector[name] ?? -1,
    weight: link.partialWeights[name] ?? 0,
  }));
}

function toLink(link: IdentityLink): MatchLink {
  return {
    a: link.a,
    b: link.b,
    fields: evidenceOf(link),
    totalWeight: link.weight,
    probability: link.probability,
    decidedBy: link.decidedBy,
    rule: link.rule,
  };
}

function toReview(link: IdentityLink): MatchReviewPair {
  return { a: link.a, b: link.b, fields: evidenceOf(link), totalWeight: link.weight, probability: link.probability };
}

const decisionsOf = (decisions: readonly MatchDecision[]): IdentityDecision[] => decisions.map((d) => ({ ...d }));

/** The graph's matcher: domain/identity's normaliser, resolver, trainer and golden records. */
export const contractMatcher: IdentityMatcher = {
  normalise(input: IdentityInput): Normalised {
    const result = normaliseIdentity(input);
    if (!result.ok) return { ok: false, errors: result.errors.map((e) => `${e.field}: ${e.message}`) };
    const keys = modelBlockingKeys(result.identity, defaultIdentityModel(input.entity));
    return { ok: true, normalised: result.identity, blockingKeys: keys };
  },

  defaultModel(entity: IdentityEntity): unknown {
    return defaultIdentityModel(entity);
  },

  train(records: readonly MatchRecord[], model: MatchModel, decisions: readonly MatchDecision[]): unknown {
    if (records.length < 2) return null;
    return trainModel(records.map(normalisedOf), specOf(model), decisionsOf(decisions)).model;
  },

  resolveAll(records: readonly MatchRecord[], model: MatchModel, decisions: readonly MatchDecision[]): MatchResult {
    const result = resolveIdentities(records.map(normalisedOf), specOf(model), decisionsOf(decisions));
    return {
      links: result.links.map(toLink),
      review: result.review.map(toReview),
      clusters: result.clusters,
      pairsCompared: result.stats.comparedPairs,
    };
  },

  resolveIncremental(
    fresh: readonly MatchRecord[],
    existing: readonly MatchRecord[],
    model: MatchModel,
    decisions: readonly MatchDecision[],
  ): MatchResult {
    const result = resolveIncremental(
      fresh.map(normalisedOf),
      existing.map((record) => ({ identity: normalisedOf(record), clusterId: record.clusterId ?? record.id })),
      specOf(model),
      decisionsOf(decisions),
    );
    return {
      links: result.links.map(toLink),
      review: result.review.map(toReview),
      clusters: result.clusters.map((c) => c.members),
      pairsCompared: result.stats.comparedPairs,
    };
  },

  golden(members: readonly MatchRecord[], model: MatchModel): GoldenField[] {
    return goldenRecord(members.map(normalisedOf), specOf(model).survivorship).fields.map((f) => ({ ...f }));
  },
};
