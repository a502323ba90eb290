import { IdentityAttributes, IdentityEntity } from "../../domain/identity/identity";
import {
  DecidedBy,
  LinkFieldEvidence,
  PairDecision,
  ResolvedKind,
  StoredIdentity,
  StoredLink,
  StoredPairDecision,
  StoredReviewPair,
} from "../../domain/identity-graph/stored-identity";

type Row = Record<string, unknown>;

const str = (row: Row, key: string): string => (typeof row[key] === "string" ? (row[key] as string) : "");
const optStr = (row: Row, key: string): string | null => (typeof row[key] === "string" ? (row[key] as string) : null);
const optNum = (row: Row, key: string): number | null => (typeof row[key] === "number" ? (row[key] as number) : null);

function json<T>(value: unknown, fallback: T): T {
  if (typeof value !== "string") return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

export function toIdentity(row: Row): StoredIdentity {
  return {
    id: str(row, "id"),
    entity: str(row, "entity") as IdentityEntity,
    channel: str(row, "channel"),
    externalId: str(row, "externalId"),
    attributes: json<IdentityAttributes>(row.attributes, {}),
    normalised: json<unknown>(row.normalised, null),
    observedAt: optStr(row, "observedAt"),
    firstSeenAt: str(row, "firstSeenAt"),
    lastUpdatedAt: str(row, "lastUpdatedAt"),
    resolvedId: optStr(row, "resolvedId"),
    resolvedKind: optStr(row, "resolvedKind") as ResolvedKind | null,
    recordId: optStr(row, "recordId"),
  };
}

export function toLink(row: Row): StoredLink {
  return {
    a: str(row, "a"),
    b: str(row, "b"),
    fields: json<LinkFieldEvidence[]>(row.fields, []),
    totalWeight: optNum(row, "totalWeight"),
    probability: optNum(row, "probability"),
    modelVersion: optNum(row, "modelVersion"),
    decidedBy: str(row, "decidedBy") as DecidedBy,
    rule: optStr(row, "rule"),
    at: str(row, "at"),
    runId: optStr(row, "runId"),
    actor: optStr(row, "actor"),
  };
}

export function toReviewPair(row: Row): StoredReviewPair {
  return {
    pairKey: str(row, "pairKey"),
    entity: str(row, "entity") as IdentityEntity,
    a: str(row, "a"),
    b: str(row, "b"),
    fields: json<LinkFieldEvidence[]>(row.fields, []),
    totalWeight: optNum(row, "totalWeight"),
    probability: optNum(row, "probability") ?? 0,
    modelVersion: optNum(row, "modelVersion"),
    at: str(row, "at"),
  };
}

export function toDecision(row: Row): StoredPairDecision {
  return {
    pairKey: str(row, "pairKey"),
    a: str(row, "a"),
    b: str(row, "b"),
    decision: str(row, "decision") as PairDecision,
    reason: str(row, "reason"),
    actor: str(row, "actor"),
    at: str(row, "at"),
  };
}

/** A link as `WRITE_LINKS` takes it (evidence as JSON text: Neo4j stores no nested maps). */
export function linkParams(link: Omit<StoredLink, "at">): Record<string, unknown> {
  return {
    a: link.a < link.b ? link.a : link.b,
    b: link.a < link.b ? link.b : link.a,
    fields: JSON.stringify(link.fields),
    totalWeight: link.totalWeight,
    probability: link.probability,
    modelVersion: link.modelVersion,
    decidedBy: link.decidedBy,
    rule: link.rule,
    runId: link.runId,
    actor: link.actor,
  };
}

export function reviewParams(pair: Omit<StoredReviewPair, "at" | "entity">, runId: string | null): Row {
  return {
    pairKey: pair.pairKey,
    a: pair.a,
    b: pair.b,
    fields: JSON.stringify(pair.fields),
    totalWeight: pair.totalWeight,
    probability: pair.probability,
    modelVersion: pair.modelVersion,
    runId,
  };
}
