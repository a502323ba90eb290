import { IdentityEntity, IdentityInput } from "../../domain/identity/identity";
import { DecidedBy, LinkFieldEvidence, PairDecision } from "../../domain/identity-graph/stored-identity";

/** One identity as the matcher sees it: its id and its normalised form (as stored). */
export interface MatchRecord {
  id: string;
  channel: string;
  normalised: unknown;
  observedAt: string | null;
  /** The resolved customer it belongs to now (incremental runs keep existing clusters). */
  clusterId: string | null;
}

export interface MatchDecision {
  a: string;
  b: string;
  decision: PairDecision;
}

/** A link the matcher made, with its evidence. */
export interface MatchLink {
  a: string;
  b: string;
  fields: LinkFieldEvidence[];
  totalWeight: number | null;
  probability: number | null;
  decidedBy: DecidedBy;
  rule: string | null;
}

export interface MatchReviewPair {
  a: string;
  b: string;
  fields: LinkFieldEvidence[];
  totalWeight: number | null;
  probability: number;
}

export interface MatchResult {
  links: MatchLink[];
  review: MatchReviewPair[];
  /** Every record's cluster (singletons included), as lists of ids. */
  clusters: string[][];
  pairsCompared: number;
}

/** A field of a golden record: its value, the identity it came from, and the survivorship rule that chose it. */
export interface GoldenField {
  field: string;
  value: unknown;
  identityId: string;
  channel: string;
  rule: string;
}

export type Normalised = { ok: true; normalised: unknown; blockingKeys: string[] } | { ok: false; errors: string[] };

/** A model as the graph stores it (JSON) and its version (0: the built-in default, never stored). */
export interface MatchModel {
  version: number;
  spec: unknown;
}

/**
 * What the graph side needs of the pure matcher (domain/identity): normalising one input, resolving a set of
 * records (all of an entity, or new ones against existing clusters), training, and golden records. The
 * binding to domain/identity lives in contract-matcher.ts; tests may give another.
 */
export interface IdentityMatcher {
  normalise(input: IdentityInput): Normalised;
  defaultModel(entity: IdentityEntity): unknown;
  /** Learns the model's parameters from the records (FULL runs); null when there is nothing to learn from. */
  train(records: readonly MatchRecord[], model: MatchModel, decisions: readonly MatchDecision[]): unknown | null;
  resolveAll(records: readonly MatchRecord[], model: MatchModel, decisions: readonly MatchDecision[]): MatchResult;
  resolveIncremental(
    fresh: readonly MatchRecord[],
    existing: readonly MatchRecord[],
    model: MatchModel,
    decisions: readonly MatchDecision[],
  ): MatchResult;
  golden(members: readonly MatchRecord[], model: MatchModel): GoldenField[];
}
