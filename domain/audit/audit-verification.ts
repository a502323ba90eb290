import { verifyChain } from "./audit-chain";
import { checkpointSignatureProblem, StoredAuditCheckpoint } from "./audit-checkpoint";
import { chainRecordOf, StoredAuditRecord } from "./audit-record";

export type AuditProblemKind = "GAP" | "BROKEN_LINK" | "ALTERED" | "BAD_SIGNATURE" | "HEAD_MISMATCH";

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerificationResult {
  ok: boolean;
  checkedRecords: number;
  checkedCheckpoints: number;
  /** The highest record number a valid checkpoint in the range vouches for; 0 when none does. */
  signedThrough: number;
  firstProblem: AuditProblem | null;
}

/**
 * Verifies a chain range page by page, in order, keeping only the last record between pages (bounded
 * memory whatever the chain's length). Each page: numbering, links and hashes ({@link verifyChain}), then
 * every checkpoint whose number falls in the page: its signature by a published key, and the record's hash
 * at that number. The first problem by record number wins.
 */
export class AuditChainVerifier {
  private checkedRecords = 0;
  private checkedCheckpoints = 0;
  private signedThrough = 0;
  private problem: AuditProblem | null = null;

  constructor(
    /** The record just before the range; null when the range starts at record 1. */
    private previous: StoredAuditRecord | null,
    private readonly publishedKeys: ReadonlyMap<string, string>,
  ) {}

  get done(): boolean {
    return this.problem !== null;
  }

  /** The last record checked (or the one before the range). */
  get last(): StoredAuditRecord | null {
    return this.previous;
  }

  /** `records` in order, following the last page; `checkpoints` those with numbers in the page's span. */
  addPage(records: readonly StoredAuditRecord[], checkpoints: readonly StoredAuditCheckpoint[]): void {
    if (this.problem !== null || records.length === 0) return;
    const chainProblem = this.gapAtMissingRecord(
      records,
      verifyChain(records.map(chainRecordOf), this.previous ? chainRecordOf(this.previous) : null),
    );
    const bySeq = new Map(records.map((r) => [r.seq, r]));
    let checkpointProblem: AuditProblem | null = null;
    for (const checkpoint of checkpoints) {
      if (chainProblem !== null && checkpoint.seq >= chainProblem.seq) break;
      this.checkedCheckpoints += 1;
      const badSignature = checkpointSignatureProblem(checkpoint, this.publishedKeys);
      if (badSignature !== null) {
        checkpointProblem = { seq: checkpoint.seq, kind: "BAD_SIGNATURE", message: badSignature };
        break;
      }
      const record = bySeq.get(checkpoint.seq);
      if (record === undefined || record.hash !== checkpoint.hash) {
        checkpointProblem = {
          seq: checkpoint.seq,
          kind: "HEAD_MISMATCH",
          message:
            `record ${checkpoint.seq}'s hash is not the one the checkpoint signed at ${checkpoint.at}: ` +
            `the chain up to it was rewritten and rebuilt`,
        };
        break;
      }
      this.signedThrough = Math.max(this.signedThrough, checkpoint.seq);
    }
    const first = [chainProblem, checkpointProblem]
      .filter((p): p is AuditProblem => p !== null)
      .sort((a, b) => a.seq - b.seq)[0];
    if (first !== undefined) {
      this.problem = first;
      this.checkedRecords += records.filter((r) => r.seq < first.seq).length;
      return;
    }
    this.checkedRecords += records.length;
    this.previous = records[records.length - 1]!;
  }

  /** A gap is reported at the first missing number, not at the record after it. */
  private gapAtMissingRecord(records: readonly StoredAuditRecord[], problem: AuditProblem | null): AuditProblem | null {
    if (problem === null || problem.kind !== "GAP") return problem;
    const index = records.findIndex((r) => r.seq === problem.seq);
    const before = index > 0 ? records[index - 1]!.seq : (this.previous?.seq ?? 0);
    return { ...problem, seq: before + 1 };
  }

  /** Records that should exist but were not found (deleted from the end of the range). */
  missingAfterLast(expectedLastSeq: number): void {
    if (this.problem !== null) return;
    const lastSeq = this.previous?.seq ?? 0;
    if (lastSeq < expectedLastSeq) {
      this.problem = {
        seq: lastSeq + 1,
        kind: "GAP",
        message: `records ${lastSeq + 1} to ${expectedLastSeq} are missing: the chain ends at record ${lastSeq}`,
      };
    }
  }

  /** Reports a problem found outside the pages (a missing predecessor, a head that disagrees). */
  report(problem: AuditProblem): void {
    if (this.problem === null || problem.seq < this.problem.seq) this.problem = problem;
  }

  result(): AuditVerificationResult {
    return {
      ok: this.problem === null,
      checkedRecords: this.checkedRecords,
      checkedCheckpoints: this.checkedCheckpoints,
      signedThrough: this.signedThrough,
      firstProblem: this.problem,
    };
  }
}
