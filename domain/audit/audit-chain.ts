import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/** The hash the first record of a tenant's chain points back to. */
export const GENESIS_HASH = "0".repeat(64);

/** What a record's hash covers: its place, its predecessor's hash, when, and the payload (no personal values). */
export interface AuditLink {
  seq: number;
  prevHash: string;
  at: string;
  payload: unknown;
}

export interface AuditRecord extends AuditLink {
  hash: string;
}

/** The SHA-256 (hex) of a record's canonical serialisation. */
export function auditHash(link: AuditLink): string {
  const { seq, prevHash, at, payload } = link;
  return createHash("sha256").update(canonicalJson({ seq, prevHash, at, payload }), "utf8").digest("hex");
}

/** The next record after `previous` (null: the first one). */
export function chainNext(previous: AuditRecord | null, at: string, payload: unknown): AuditRecord {
  const link = { seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH, at, payload };
  return { ...link, hash: auditHash(link) };
}

export type ChainProblem =
  | { kind: "GAP"; seq: number; message: string }
  | { kind: "BROKEN_LINK"; seq: number; message: string }
  | { kind: "ALTERED"; seq: number; message: string };

/**
 * Checks records in order: numbers without gaps, each pointing at its predecessor's hash, each hash
 * matching its content. `previous` is the record just before the first one (null when the range starts at
 * the chain's beginning). Returns the first problem, or null when the range is intact.
 */
export function verifyChain(records: readonly AuditRecord[], previous: AuditRecord | null): ChainProblem | null {
  let before = previous;
  for (const record of records) {
    const expectedSeq = (before?.seq ?? 0) + 1;
    if (record.seq !== expectedSeq) {
      return {
        kind: "GAP",
        seq: record.seq,
        message: `record ${expectedSeq} is missing: record ${record.seq} follows record ${before?.seq ?? 0}`,
      };
    }
    const expectedPrev = before?.hash ?? GENESIS_HASH;
    if (record.prevHash !== expectedPrev) {
      return {
        kind: "BROKEN_LINK",
        seq: record.seq,
        message: `record ${record.seq} does not point at record ${record.seq - 1}'s hash: the chain was rebuilt or reordered here`,
      };
    }
    if (auditHash(record) !== record.hash) {
      return {
        kind: "ALTERED",
        seq: record.seq,
        message: `record ${record.seq}'s content does not match its hash: it was changed after it was written`,
      };
    }
    before = record;
  }
  return null;
}
