import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { AuditProblemKind } from "../../domain/audit/audit-verification";
import { StoredAuditRecord } from "../../domain/audit/audit-record";
import { StoredAuditCheckpoint } from "../../domain/audit/audit-checkpoint";
import { Connection } from "../common/connection.type";

export const AuditProblemKindEnum = {
  GAP: "GAP",
  BROKEN_LINK: "BROKEN_LINK",
  ALTERED: "ALTERED",
  BAD_SIGNATURE: "BAD_SIGNATURE",
  HEAD_MISMATCH: "HEAD_MISMATCH",
} as const satisfies Record<AuditProblemKind, AuditProblemKind>;

registerEnumType(AuditProblemKindEnum, {
  name: "AuditProblemKind",
  description: "What is wrong at a position of the audit chain.",
  valuesConfig: {
    GAP: { description: "A record is missing: the numbers jump." },
    BROKEN_LINK: { description: "A record does not hold its predecessor's hash: the chain was rebuilt or reordered." },
    ALTERED: { description: "A record's content does not match its hash: it was changed after it was written." },
    BAD_SIGNATURE: {
      description: "A checkpoint's signature is invalid, or made with a key that is not one of the published keys.",
    },
    HEAD_MISMATCH: {
      description: "A validly signed checkpoint names another hash for its record: the chain up to it was rebuilt.",
    },
  },
});

@ObjectType("AuditRecord", {
  simpleResolvers: true,
  description:
    "One decision on the tenant's append-only, hash-chained audit trail (docs/audit.md). People are referenced " +
    "by record id; the payload holds no personal values.",
})
export class AuditRecordView {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "Its position in the tenant's chain, from 1, without gaps." })
  seq!: number;

  @Field(() => Date)
  at!: Date;

  @Field({
    description:
      "FIRING, ACTION, ACTION_REFUSED, PROPOSAL, CONFIRMATION, RECEIPT_ACKNOWLEDGED, BREAKER_TRIPPED, " +
      "PLAYBOOK_CHANGED, TASK_COMPLETED, SIMULATION, CONTRACT_DEFINED, CONTRACT_USAGE_RECORDED, " +
      "CONTRACT_STATEMENT_ISSUED, CONTRACT_REVOKED (the list grows; a string so clients keep working).",
  })
  kind!: string;

  @Field(() => ID, { nullable: true })
  playbookId!: string | null;

  @Field(() => Int, { nullable: true })
  playbookVersion!: number | null;

  @Field(() => ID, { nullable: true, description: "Links the records of one firing." })
  firingId!: string | null;

  @Field(() => [ID])
  accountIds!: string[];

  @Field(() => [ID])
  userIds!: string[];

  @Field({ description: 'Who decided: "user:<sub>", "agent:<name>" or "job:<name>".' })
  actor!: string;

  @Field(() => GraphQLJSON, { description: "The decision's inputs, basis, parameters and results (ids and values)." })
  payload!: unknown;

  @Field({ description: "The exact canonical JSON text the hash covers (for offline verification)." })
  payloadText!: string;

  @Field({ description: "The previous record's hash (64 zeros for record 1)." })
  prevHash!: string;

  @Field({ description: "SHA-256 (hex) of the record's canonical serialisation; see docs/audit.md." })
  hash!: string;
}

export function toAuditRecordView(record: StoredAuditRecord): AuditRecordView {
  return {
    id: record.id,
    seq: record.seq,
    at: new Date(record.at),
    kind: record.kind,
    playbookId: record.playbookId ?? null,
    playbookVersion: record.playbookVersion ?? null,
    firingId: record.firingId ?? null,
    accountIds: record.accountIds,
    userIds: record.userIds,
    actor: record.actor,
    payload: parsePayload(record.payload),
    payloadText: record.payload,
    prevHash: record.prevHash,
    hash: record.hash,
  };
}

/** A payload altered into invalid JSON is shown as its text; verifyAuditTrail reports it. */
function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const AuditRecordConnection = Connection("AuditRecordConnection", "AuditRecordEdge", AuditRecordView);

@InputType({ description: "Narrows the audit trail. Conditions combine with AND." })
export class AuditTrailFilter {
  @Field(() => ID, { nullable: true, description: "Records concerning this account." })
  accountId?: string | null;

  @Field(() => ID, { nullable: true })
  playbookId?: string | null;

  @Field(() => ID, { nullable: true, description: "Records concerning this user (owner, assignee, confirmer)." })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "One kind, e.g. FIRING." })
  kind?: string | null;

  @Field(() => Date, { nullable: true, description: "Records at or after this instant." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Records before this instant." })
  to?: Date | null;
}

@ObjectType("AuditProblem", { simpleResolvers: true })
export class AuditProblemView {
  @Field(() => Int, { description: "The first record number where the chain or a checkpoint is wrong." })
  seq!: number;

  @Field(() => AuditProblemKindEnum)
  kind!: AuditProblemKind;

  @Field()
  message!: string;
}

@ObjectType("AuditVerification", { simpleResolvers: true })
export class AuditVerificationView {
  @Field({ description: "True when every record and checkpoint in the range checked out." })
  ok!: boolean;

  @Field(() => Int)
  checkedRecords!: number;

  @Field(() => Int)
  checkedCheckpoints!: number;

  @Field(() => Int, {
    description:
      "The highest record number a valid signed checkpoint in the range vouches for (0: none). Records after " +
      "it are hash-chained but not yet signed.",
  })
  signedThrough!: number;

  @Field(() => AuditProblemView, { nullable: true, description: "The first problem by record number; null when ok." })
  firstProblem!: AuditProblemView | null;
}

@ObjectType("AuditSigningKey", { simpleResolvers: true })
export class AuditSigningKeyView {
  @Field({ description: "The key's fingerprint: ed25519:<base64url SHA-256 of its SubjectPublicKeyInfo>." })
  keyId!: string;

  @Field({ description: "The public key, PEM (SPKI)." })
  publicKeyPem!: string;

  @Field({ description: "Ed25519." })
  algorithm!: string;
}

@ObjectType("AuditCheckpoint", {
  simpleResolvers: true,
  description: "A signed statement that record seq had hash hash (docs/audit.md, to verify offline).",
})
export class AuditCheckpointView {
  @Field(() => Int)
  seq!: number;

  @Field()
  hash!: string;

  @Field(() => Date, { description: "When it was signed; part of what is signed (as signedAt)." })
  at!: Date;

  @Field({ description: "The signing key's id; verify with the published key of this id." })
  keyId!: string;

  @Field({ description: "Ed25519, base64, over the canonical JSON of {headHash, keyId, seq, signedAt, tenant}." })
  signature!: string;
}

export function toAuditCheckpointView(c: StoredAuditCheckpoint): AuditCheckpointView {
  return { seq: c.seq, hash: c.hash, at: new Date(c.at), keyId: c.keyId, signature: c.signature };
}
