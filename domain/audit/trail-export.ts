import { GENESIS_HASH } from "./audit-chain";
import { checkpointSignatureProblem, StoredAuditCheckpoint } from "./audit-checkpoint";
import { recomputeAuditHash, StoredAuditRecord } from "./audit-record";

/**
 * An exported audit trail (`npm run audit -- export`, docs/audit.md): NDJSON, one object per line — the head
 * (tenant, when, the keys the server published), then the signed checkpoints in ascending order, then the
 * records newest first, then an end line with the counts. Everything a verifier needs, nothing it must
 * trust: keys can be given from elsewhere, and the verifier recomputes every hash.
 */
export type TrailLine =
  | { type: "head"; tenant: string; exportedAt: string; keys: Array<{ keyId: string; publicKeyPem: string }> }
  | ({ type: "checkpoint" } & StoredAuditCheckpoint)
  | ({ type: "record" } & StoredAuditRecord)
  | { type: "end"; records: number; checkpoints: number };

export type TrailProblemKind =
  "GAP" | "BROKEN_LINK" | "ALTERED" | "BAD_SIGNATURE" | "HEAD_MISMATCH" | "WRONG_TENANT" | "MALFORMED" | "TRUNCATED";

export interface TrailProblem {
  kind: TrailProblemKind;
  /** The record number it concerns, or null (the file itself). */
  seq: number | null;
  /** The line of the file, counted from 1. */
  line: number;
  message: string;
}

export interface TrailVerification {
  ok: boolean;
  tenant: string | null;
  records: number;
  /** The lowest and highest record numbers checked. */
  from: number | null;
  to: number | null;
  /** Whether the oldest record is the chain's first (its link to the genesis hash was checked). */
  fromGenesis: boolean;
  checkpoints: number;
  /** The highest record number covered by a valid checkpoint signature. */
  signedThrough: number | null;
  /** Problems by record number, lowest first (at most {@link MAX_PROBLEMS}). */
  problems: TrailProblem[];
}

export const MAX_PROBLEMS = 100;

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Verifies an exported trail line by line, holding only the checkpoints and the record before in memory, so
 * a chain of millions verifies in flat memory. Records come newest first: each must be numbered one below
 * the one before, hash to its stored hash, and be the hash the one before points back to; the chain's first
 * record must point at the genesis hash. A checkpoint must be signed by a trusted key and name the hash its
 * record has.
 */
export class TrailVerifier {
  private tenant: string | null = null;
  private trusted: Map<string, string> | null;
  private readonly checkpoints = new Map<number, Array<StoredAuditCheckpoint & { line: number }>>();
  private checkpointCount = 0;
  private signedThrough: number | null = null;
  private previous: { seq: number; prevHash: string } | null = null;
  private top: number | null = null;
  private records = 0;
  private ended: { records: number; checkpoints: number } | null = null;
  private readonly problems: TrailProblem[] = [];
  private problemCount = 0;
  private lineNumber = 0;
  private trustsHead = false;

  /** `trustedKeys`: key id → public PEM given by the operator; null trusts the keys in the file's head. */
  constructor(trustedKeys: ReadonlyMap<string, string> | null) {
    this.trusted = trustedKeys === null ? null : new Map(trustedKeys);
  }

  /** Whether the verifier took the keys from the file's head (none were given): then it proves integrity, not origin. */
  get trustsFileKeys(): boolean {
    return this.trustsHead;
  }

  line(text: string): void {
    this.lineNumber += 1;
    if (text.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.problem("MALFORMED", null, `line ${this.lineNumber} is not JSON`);
      return;
    }
    const line = parsed as Partial<TrailLine> & Record<string, unknown>;
    if (this.ended !== null) {
      this.problem("MALFORMED", null, `line ${this.lineNumber} follows the end line`);
      return;
    }
    switch (line.type) {
      case "head":
        return this.head(line as Extract<TrailLine, { type: "head" }>);
      case "checkpoint":
        return this.checkpoint(line as Extract<TrailLine, { type: "checkpoint" }>);
      case "record":
        return this.record(line as Extract<TrailLine, { type: "record" }>);
      case "end":
        this.ended = { records: Number(line.records), checkpoints: Number(line.checkpoints) };
        return;
      default:
        this.problem("MALFORMED", null, `line ${this.lineNumber} has no known "type" (head, checkpoint, record, end)`);
    }
  }

  finish(): TrailVerification {
    if (this.tenant === null && this.lineNumber > 0) this.problem("MALFORMED", null, "the file has no head line");
    if (this.ended === null) {
      this.problem("TRUNCATED", null, "the file has no end line: the export was cut short");
    } else if (this.ended.records !== this.records || this.ended.checkpoints !== this.checkpointCount) {
      this.problem(
        "TRUNCATED",
        null,
        `the end line counts ${this.ended.records} records and ${this.ended.checkpoints} checkpoints, but the ` +
          `file holds ${this.records} and ${this.checkpointCount}`,
      );
    }
    const bottom = this.previous?.seq ?? null;
    for (const [seq, list] of this.checkpoints) {
      if (this.top === null || bottom === null || seq > this.top || seq < bottom) continue;
      for (const c of list) {
        this.problem("HEAD_MISMATCH", seq, `the checkpoint at record ${seq} (line ${c.line}) has no record to check`);
      }
    }
    const problems = [...this.problems].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.line - b.line);
    return {
      ok: this.problemCount === 0,
      tenant: this.tenant,
      records: this.records,
      from: bottom,
      to: this.top,
      fromGenesis: bottom === 1 && this.problems.every((p) => p.seq !== 1 || p.kind !== "BROKEN_LINK"),
      checkpoints: this.checkpointCount,
      signedThrough: this.signedThrough,
      problems,
    };
  }

  private head(line: Extract<TrailLine, { type: "head" }>): void {
    if (this.tenant !== null) return this.problem("MALFORMED", null, `line ${this.lineNumber} is a second head line`);
    if (typeof line.tenant !== "string" || line.tenant === "") {
      return this.problem("MALFORMED", null, `the head line (line ${this.lineNumber}) names no tenant`);
    }
    this.tenant = line.tenant;
    if (this.trusted === null) {
      this.trustsHead = true;
      this.trusted = new Map((Array.isArray(line.keys) ? line.keys : []).map((k) => [k.keyId, k.publicKeyPem]));
    }
  }

  private checkpoint(line: Extract<TrailLine, { type: "checkpoint" }>): void {
    this.checkpointCount += 1;
    if (!Number.isInteger(line.seq) || typeof line.hash !== "string" || typeof line.signature !== "string") {
      return this.problem("MALFORMED", null, `the checkpoint on line ${this.lineNumber} lacks seq, hash or signature`);
    }
    if (this.tenant !== null && line.tenant !== this.tenant) {
      return this.problem(
        "WRONG_TENANT",
        line.seq,
        `the checkpoint at record ${line.seq} is of tenant "${line.tenant}"`,
      );
    }
    const problem = checkpointSignatureProblem(line, this.trusted ?? new Map());
    if (problem !== null) return this.problem("BAD_SIGNATURE", line.seq, problem);
    const list = this.checkpoints.get(line.seq) ?? [];
    list.push({ ...line, line: this.lineNumber });
    this.checkpoints.set(line.seq, list);
  }

  private record(line: Extract<TrailLine, { type: "record" }>): void {
    this.records += 1;
    if (!Number.isInteger(line.seq) || typeof line.hash !== "string" || typeof line.prevHash !== "string") {
      return this.problem("MALFORMED", null, `the record on line ${this.lineNumber} lacks seq, hash or prevHash`);
    }
    if (this.tenant !== null && line.tenant !== this.tenant) {
      this.problem("WRONG_TENANT", line.seq, `record ${line.seq} is of tenant "${line.tenant}", not "${this.tenant}"`);
    }
    const { type: _type, ...stored } = line;
    const previous = this.previous;
    if (previous === null) {
      this.top = line.seq;
    } else if (line.seq !== previous.seq - 1) {
      this.problem(
        "GAP",
        previous.seq - 1,
        line.seq >= previous.seq
          ? `record ${line.seq} comes after record ${previous.seq}: the records are not newest first`
          : `records ${line.seq + 1}–${previous.seq - 1} are missing: record ${line.seq} follows record ${previous.seq}`,
      );
    } else if (previous.prevHash !== line.hash) {
      this.problem(
        "BROKEN_LINK",
        previous.seq,
        `record ${previous.seq} does not point at record ${line.seq}'s hash: the chain was rebuilt or reordered here`,
      );
    }
    let recomputed: string | null = null;
    try {
      recomputed = recomputeAuditHash(stored as StoredAuditRecord);
    } catch {
      recomputed = null;
    }
    if (recomputed !== line.hash || !HEX64.test(line.hash)) {
      this.problem(
        "ALTERED",
        line.seq,
        `record ${line.seq}'s content does not match its hash: it was changed after it was written`,
      );
    }
    if (line.seq === 1 && line.prevHash !== GENESIS_HASH) {
      this.problem("BROKEN_LINK", 1, "record 1 does not point at the genesis hash: the chain's start was replaced");
    }
    for (const c of this.checkpoints.get(line.seq) ?? []) {
      if (c.hash !== line.hash) {
        this.problem(
          "HEAD_MISMATCH",
          line.seq,
          `record ${line.seq} no longer has the hash the checkpoint of ${c.at} signed: it was changed after signing`,
        );
      } else if (recomputed === line.hash) {
        this.signedThrough = Math.max(this.signedThrough ?? 0, line.seq);
      }
    }
    this.checkpoints.delete(line.seq);
    this.previous = { seq: line.seq, prevHash: line.prevHash };
  }

  private problem(kind: TrailProblemKind, seq: number | null, message: string): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ kind, seq, line: this.lineNumber, message });
  }
}
