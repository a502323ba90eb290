import { IdentityAttributes, IdentityEntity } from "../identity/identity";

/** What kind of node a resolved customer is: a person, an account, or an organization known only from channels. */
export type ResolvedKind = "PERSON" | "ACCOUNT" | "ORGANIZATION";

/** Who decided a link or a membership. */
export type DecidedBy = "RULE" | "MODEL" | "PERSON";

/** A channel identity as stored. */
export interface StoredIdentity {
  id: string;
  entity: IdentityEntity;
  channel: string;
  externalId: string;
  /** As the channel sent them. */
  attributes: IdentityAttributes;
  /** The normaliser's output (JSON), what the matcher compares. */
  normalised: unknown;
  observedAt: string | null;
  firstSeenAt: string;
  lastUpdatedAt: string;
  /** The resolved customer it is a member of, if resolved. */
  resolvedId: string | null;
  resolvedKind: ResolvedKind | null;
  /** For identities Relata enrols from contacts and accounts: that record's id. */
  recordId: string | null;
}

/** One field's share of a link's evidence. */
export interface LinkFieldEvidence {
  field: string;
  /** The comparison level reached (e.g. "exact", "jaro-winkler>=0.92", "different", "missing"). */
  level: string;
  /** The level's index in the comparison (0 = best; -1 = a side had no value): the comparison vector. */
  levelIndex: number;
  /** The partial match weight (log2 m/u) the level contributed. */
  weight: number;
}

/** A link between two identities, with the evidence for it. */
export interface StoredLink {
  a: string;
  b: string;
  /** The comparison vector: one entry per compared field. */
  fields: LinkFieldEvidence[];
  totalWeight: number | null;
  probability: number | null;
  modelVersion: number | null;
  decidedBy: DecidedBy;
  /** The deterministic rule that linked the pair, or the person's reason. */
  rule: string | null;
  at: string;
  runId: string | null;
  /** Who decided, for PERSON links ("user:<sub>"). */
  actor: string | null;
}

/** A pair the model is unsure about, waiting for a person. */
export interface StoredReviewPair {
  pairKey: string;
  entity: IdentityEntity;
  a: string;
  b: string;
  fields: LinkFieldEvidence[];
  totalWeight: number | null;
  probability: number;
  modelVersion: number | null;
  at: string;
}

export type PairDecision = "SAME" | "DIFFERENT";

export interface StoredPairDecision {
  pairKey: string;
  a: string;
  b: string;
  decision: PairDecision;
  reason: string;
  actor: string;
  at: string;
}

export type RunMode = "INCREMENTAL" | "FULL";
export type RunStatus = "RUNNING" | "SUCCEEDED" | "FAILED";

/** A resolution run and its progress. */
export interface StoredRun {
  id: string;
  entity: IdentityEntity;
  mode: RunMode;
  status: RunStatus;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** Identities the run considers. */
  total: number;
  /** Clusters written so far (the checkpoint a resumed run continues from). */
  checkpoint: number;
  clusters: number;
  links: number;
  reviewPairs: number;
  modelVersion: number | null;
  error: string | null;
  /** How often the run was resumed after an interruption. */
  resumes: number;
  actor: string;
}
