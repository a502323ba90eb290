import { AuditChainVerifier, AuditVerificationResult } from "../../domain/audit/audit-verification";
import { isAuditKind, AUDIT_KINDS, MAX_ID_LENGTH } from "../../domain/audit/audit-entry";
import { StoredAuditRecord } from "../../domain/audit/audit-record";
import { AuditError } from "../../domain/audit/audit.errors";
import { Page } from "../../domain/model";
import { AuditRecordFilter, AuditTrailRepository } from "../../graph/audit/audit-trail.repository";

/** A public key verifiers trust (the current signing key's, and earlier ones after a rotation). */
export interface PublishedAuditKeyView {
  keyId: string;
  publicKeyPem: string;
  algorithm: "Ed25519";
}

/** Records read per page while verifying: bounded memory whatever the chain's length. */
export const VERIFY_PAGE_SIZE = 5_000;

function positiveSeq(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new AuditError("INVALID_AUDIT_QUERY", `${name} must be a record number of 1 or more; it is ${value}.`);
  }
  return value;
}

/**
 * One tenant's audit trail for readers: the trail by account, playbook, user, kind and time, newest first,
 * and its verification against the published keys. Nothing here edits or deletes a record.
 */
export class AuditService {
  constructor(
    private readonly repository: AuditTrailRepository,
    private readonly publishedKeys: readonly PublishedAuditKeyView[],
    private readonly pageSize = VERIFY_PAGE_SIZE,
  ) {}

  signingKeys(): PublishedAuditKeyView[] {
    return [...this.publishedKeys];
  }

  /**
   * Verifies records `from` to `to` (default: the whole chain) and the checkpoints among them. Reads the
   * chain `pageSize` records at a time.
   */
  async verify(fromArg?: number | null, toArg?: number | null): Promise<AuditVerificationResult> {
    const from = positiveSeq(fromArg, "from") ?? 1;
    const requestedTo = positiveSeq(toArg, "to");
    if (requestedTo !== null && requestedTo < from) {
      throw new AuditError("INVALID_AUDIT_QUERY", `to (${requestedTo}) is below from (${from}); swap them.`);
    }
    const head = await this.repository.head();
    const chainEnd = Math.max(head.seq, head.lastRecordSeq);
    const to = Math.min(requestedTo ?? chainEnd, chainEnd);
    const keys = new Map(this.publishedKeys.map((k) => [k.keyId, k.publicKeyPem]));
    const before = from > 1 ? await this.repository.recordAt(from - 1) : null;
    const verifier = new AuditChainVerifier(before, keys);
    if (from > 1 && before === null && from - 1 <= chainEnd) {
      verifier.report({
        seq: from - 1,
        kind: "GAP",
        message: `record ${from - 1}, the one before the range, is missing: its link cannot be checked`,
      });
      return verifier.result();
    }
    let after = from - 1;
    // The next page is read while this one is checked: Neo4j and the hashing overlap; two pages in memory.
    let next: Promise<StoredAuditRecord[]> | null =
      after < to ? this.repository.recordsPage(after, to, this.pageSize) : null;
    while (next !== null) {
      const records = await next;
      next = null;
      if (records.length === 0) break;
      const last = records[records.length - 1]!;
      // The checkpoints of this page's span; a gap before the first record still counts toward it.
      const checkpoints = this.repository.checkpointsBetween(after + 1, last.seq);
      if (last.seq < to) {
        next = this.repository.recordsPage(last.seq, to, this.pageSize);
        // Marked handled: if this page's check throws first, the read's failure must not go unhandled.
        next.catch(() => undefined);
      }
      verifier.addPage(records, await checkpoints);
      after = last.seq;
      if (verifier.done) next = null;
    }
    verifier.missingAfterLast(to);
    const last = verifier.last;
    if (!verifier.done && to === chainEnd && head.hash !== null && last !== null && last.seq === head.seq) {
      if (last.hash !== head.hash) {
        verifier.report({
          seq: head.seq,
          kind: "HEAD_MISMATCH",
          message: `the chain head says record ${head.seq} has hash ${head.hash.slice(0, 12)}…, the record has another`,
        });
      }
    }
    return verifier.result();
  }

  /**
   * The signed checkpoints of records `from` to `to`, in order, at most `limit` (the page size cap); for
   * verifiers outside Relata. Continue from the last one's number + 1.
   */
  async checkpoints(fromArg: number | null | undefined, toArg: number | null | undefined, limit: number) {
    const from = positiveSeq(fromArg, "from") ?? 1;
    const to = positiveSeq(toArg, "to") ?? Number.MAX_SAFE_INTEGER;
    if (to < from) throw new AuditError("INVALID_AUDIT_QUERY", `to (${to}) is below from (${from}); swap them.`);
    return this.repository.checkpointsBetween(from, to, limit);
  }

  /**
   * Records matching `filter`, newest first, `first` after the record numbered `beforeSeq` (exclusive); with
   * `withTotal`, also how many match in all (one more statement).
   */
  async trail(
    filter: AuditRecordFilter,
    first: number,
    beforeSeq: number | null,
    withTotal = false,
  ): Promise<Page<StoredAuditRecord>> {
    checkFilter(filter);
    const [rows, totalCount] = await Promise.all([
      this.repository.search(filter, beforeSeq ?? Number.MAX_SAFE_INTEGER, first + 1),
      withTotal ? this.repository.count(filter) : Promise.resolve(null),
    ]);
    const items = rows.slice(0, first).map((node) => ({ node, sortKey: [node.seq] }));
    return { items, hasNextPage: rows.length > first, totalCount };
  }
}

function checkFilter(filter: AuditRecordFilter): void {
  for (const name of ["accountId", "userId", "playbookId"] as const) {
    const value = filter[name];
    if (value !== undefined && (value.length === 0 || value.length > MAX_ID_LENGTH)) {
      throw new AuditError("INVALID_AUDIT_QUERY", `filter.${name} must be an id of 1 to ${MAX_ID_LENGTH} characters.`);
    }
  }
  if (filter.kind !== undefined && !isAuditKind(filter.kind)) {
    throw new AuditError(
      "INVALID_AUDIT_QUERY",
      `filter.kind "${filter.kind.slice(0, 40)}" is not one of ${AUDIT_KINDS.join(", ")}.`,
    );
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    throw new AuditError(
      "INVALID_AUDIT_QUERY",
      `filter.from (${filter.from}) must be before filter.to (${filter.to}).`,
    );
  }
}
