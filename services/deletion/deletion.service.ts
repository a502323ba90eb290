import { randomUUID } from "node:crypto";
import {
  DeletionOutcome,
  DeletionRejection,
  DeletionResult,
  NO_CASCADE,
  restorableUntil,
  summarizeDeletion,
} from "../../domain/deletion/deletion-result";
import { describeRef, RecordRef, resolveRef } from "../../domain/deletion/record-ref";
import { DeletableLabel as IdentifiedKind } from "../../graph/common/deleted-labels";
import { Clock, systemClock } from "../../domain/time/clock";
import { DeletionRepository, DeletionRow } from "../../graph/deletion/deletion.repository";
import { IngestError } from "../ingest/ingest.errors";

export interface DeletionSettings {
  /** The most records one call may name (the upserts' batch limit). */
  maxBatchSize: number;
  /** Records per write transaction. */
  chunkSize: number;
  /** Days a deleted record can be restored before the purge removes it for good. */
  retentionDays: number;
}

const NOUNS: Record<IdentifiedKind, string> = {
  Account: "account",
  Contact: "contact",
  Opportunity: "opportunity",
  Asset: "asset",
  Organization: "organization",
  Signal: "signal",
};

interface Named {
  index: number;
  id: string;
}

/**
 * Deletes (soft, with the cascades of decision 0008) and restores records of one tenant, in bulk. Each
 * record is answered on its own: a malformed reference, an unknown id (another tenant's included) or a
 * purged record is rejected with a code while the others are processed; each chunk is one transaction.
 */
export class DeletionService {
  constructor(
    private readonly repository: DeletionRepository,
    private readonly tenant: string,
    private readonly actor: string,
    private readonly settings: DeletionSettings,
    private readonly clock: Clock = systemClock,
  ) {}

  async delete(kind: IdentifiedKind, refs: readonly RecordRef[]): Promise<DeletionResult> {
    const { named, rejections } = this.resolve(kind, refs);
    const now = this.clock().toISOString();
    const outcomes: DeletionOutcome[] = [];
    for (const chunk of this.chunks(named)) {
      // One deletion id per record named: what it takes along shares it, and a restore brings back exactly that.
      const rows = chunk.map(({ index, id }) => ({ index, id, deletionId: `del_${randomUUID()}` }));
      const answered = await this.repository.delete(kind, rows, now, this.actor);
      this.collect(kind, answered, outcomes, rejections);
    }
    return summarizeDeletion(outcomes, rejections);
  }

  async restore(kind: IdentifiedKind, refs: readonly RecordRef[]): Promise<DeletionResult> {
    const { named, rejections } = this.resolve(kind, refs);
    const now = this.clock().toISOString();
    const outcomes: DeletionOutcome[] = [];
    for (const chunk of this.chunks(named)) {
      const answered = await this.repository.restore(kind, chunk, now);
      this.collect(kind, answered, outcomes, rejections);
    }
    return summarizeDeletion(outcomes, rejections);
  }

  private resolve(
    kind: IdentifiedKind,
    refs: readonly RecordRef[],
  ): { named: Named[]; rejections: DeletionRejection[] } {
    if (refs.length > this.settings.maxBatchSize) {
      throw new IngestError(
        "BATCH_TOO_LARGE",
        `input has ${refs.length} records; at most ${this.settings.maxBatchSize} are accepted per call. ` +
          `Split the batch into several calls; deletes and restores are idempotent, so a retried call is safe.`,
      );
    }
    const named: Named[] = [];
    const rejections: DeletionRejection[] = [];
    const firstIndex = new Map<string, number>();
    refs.forEach((ref, index) => {
      const resolved = resolveRef(kind, this.tenant, ref);
      if ("problem" in resolved) {
        rejections.push({ index, ref: describeRef(ref), code: "INVALID_REF", reason: resolved.problem });
        return;
      }
      const earlier = firstIndex.get(resolved.id);
      if (earlier !== undefined) {
        rejections.push({
          index,
          ref: describeRef(ref),
          code: "INVALID_REF",
          reason: `names the same ${NOUNS[kind]} as record ${earlier} of this batch; name each record once`,
        });
        return;
      }
      firstIndex.set(resolved.id, index);
      named.push({ index, id: resolved.id });
    });
    return { named, rejections };
  }

  private chunks(named: readonly Named[]): Named[][] {
    const out: Named[][] = [];
    for (let i = 0; i < named.length; i += this.settings.chunkSize)
      out.push(named.slice(i, i + this.settings.chunkSize));
    return out;
  }

  private collect(
    kind: IdentifiedKind,
    answered: readonly DeletionRow[],
    outcomes: DeletionOutcome[],
    rejections: DeletionRejection[],
  ): void {
    const noun = NOUNS[kind];
    for (const row of answered) {
      const until = row.deletedAt === null ? null : restorableUntil(row.deletedAt, this.settings.retentionDays);
      switch (row.state) {
        case "DELETED":
        case "ALREADY_DELETED":
        case "RESTORED":
        case "NOT_DELETED":
          outcomes.push({
            index: row.index,
            id: row.id,
            kind,
            status: row.state,
            deletedAt: row.state === "RESTORED" || row.state === "NOT_DELETED" ? null : row.deletedAt,
            restorableUntil: row.state === "RESTORED" || row.state === "NOT_DELETED" ? null : until,
            cascaded: row.cascaded ?? NO_CASCADE,
            changedIds: row.changedIds,
          });
          break;
        case "NOT_FOUND":
          rejections.push({
            index: row.index,
            ref: row.id,
            code: "NOT_FOUND",
            reason: `no ${noun} with id "${row.id}" in this tenant; check the id, or the source system and external id`,
          });
          break;
        case "PURGED":
          rejections.push({
            index: row.index,
            ref: row.id,
            code: "PURGED",
            reason:
              `this ${noun} was deleted at ${row.deletedAt ?? "?"} and purged for good at ${row.purgedAt ?? "?"}, ` +
              `after the retention period of ${this.settings.retentionDays} days; it cannot be restored. ` +
              `Upsert it again to create it anew`,
          });
          break;
        case "PARENT_DELETED":
          rejections.push({
            index: row.index,
            ref: row.id,
            code: "PARENT_DELETED",
            reason:
              `this ${noun} belongs to "${row.parentId ?? "?"}", which is deleted; restore that first ` +
              `(restoring it brings back what its deletion took along)`,
          });
          break;
        default: {
          const unreachable: never = row.state;
          throw new Error(`unknown deletion state ${String(unreachable)}`);
        }
      }
    }
  }
}
