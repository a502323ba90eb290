import neo4j from "neo4j-driver";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { ACCOUNT_OWNED_LABELS, DeletableLabel, DELETABLE_LABELS } from "../common/deleted-labels";
import { deleteQuery, purgeQuery, restoreQuery } from "./deletion.queries";
import { CascadeCounts } from "../../domain/deletion/deletion-result";
import { ChangeOutbox } from "../events/change-outbox";
import { ChangeRecordType } from "../../domain/events/change-event";
import { lifecycleChange } from "../../domain/events/record-changes";

/** What a delete or restore found for one row, and what it changed. */
export interface DeletionRow {
  index: number;
  id: string;
  state: "DELETED" | "ALREADY_DELETED" | "RESTORED" | "NOT_DELETED" | "PARENT_DELETED" | "PURGED" | "NOT_FOUND";
  deletedAt: string | null;
  purgedAt: string | null;
  /** For PARENT_DELETED: the deleted account or subject. */
  parentId: string | null;
  cascaded: CascadeCounts | null;
  changedIds: string[];
}

const byLabel = (build: (label: DeletableLabel) => CypherQuery) =>
  Object.fromEntries(DELETABLE_LABELS.map((label) => [label, build(label)])) as Record<DeletableLabel, CypherQuery>;

const DELETES = byLabel(deleteQuery);
const RESTORES = byLabel(restoreQuery);

function toDeletionRow(row: PlainRow): DeletionRow {
  const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
  return {
    index: Number(row.index),
    id: String(row.id),
    state: row.state as DeletionRow["state"],
    deletedAt: text(row.deletedAt),
    purgedAt: text(row.purgedAt),
    parentId: text(row.parentId),
    cascaded: (row.cascaded as CascadeCounts | null) ?? null,
    changedIds: (row.changedIds as unknown[]).map(String),
  };
}

/** Soft deletes and restores for one tenant. Each call is one transaction: all of its rows or none. */
export class DeletionRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {}

  delete(
    label: DeletableLabel,
    rows: ReadonlyArray<{ index: number; id: string; deletionId: string }>,
    now: string,
    actor: string,
  ): Promise<DeletionRow[]> {
    return this.executor.writeSteps(DELETES[label].name, async (run) => {
      const result = await run(DELETES[label], { tenant: this.tenant, rows: [...rows], now, actor });
      await this.outbox.append(run, now, lifecycleChanges(result, "DELETED", label));
      return result.map(toDeletionRow);
    });
  }

  restore(
    label: DeletableLabel,
    rows: ReadonlyArray<{ index: number; id: string }>,
    now: string,
  ): Promise<DeletionRow[]> {
    return this.executor.writeSteps(RESTORES[label].name, async (run) => {
      const result = await run(RESTORES[label], { tenant: this.tenant, rows: [...rows], now });
      await this.outbox.append(run, now, lifecycleChanges(result, "RESTORED", label));
      return result.map(toDeletionRow);
    });
  }
}

const RECORD_TYPES: Record<DeletableLabel, ChangeRecordType> = {
  Account: "ACCOUNT",
  Contact: "CONTACT",
  Opportunity: "OPPORTUNITY",
  Asset: "ASSET",
  Organization: "ORGANIZATION",
  Signal: "SIGNAL",
};

/**
 * One event per record a delete or restore changed: the record named, and each one it took along (which
 * says by which record, in `cascadedFrom`).
 */
function lifecycleChanges(result: readonly PlainRow[], action: "DELETED" | "RESTORED", label: DeletableLabel) {
  return result.flatMap((row) => {
    const changed =
      (row.changed as Array<{ id: string; label: DeletableLabel; externalId: string; sourceSystem: string }>) ?? [];
    const rootId = String(row.id);
    return changed.map((record) =>
      lifecycleChange(
        RECORD_TYPES[record.label] ?? RECORD_TYPES[label],
        action,
        record,
        record.id === rootId ? [] : [{ field: "cascadedFrom", old: null, new: rootId }],
      ),
    );
  });
}

const PURGES = [...DELETABLE_LABELS, ...ACCOUNT_OWNED_LABELS].map(purgeQuery);

/**
 * Purges deleted records past their retention, for every tenant: a job of the server, not of a request.
 * Works in transactions of `batch` records per label, until none is left.
 */
export class PurgeRepository {
  constructor(private readonly executor: CypherExecutor) {}

  /** How many records were purged, per deleted label. */
  async purge(cutoff: string, now: string, batch: number): Promise<Record<string, number>> {
    const purged: Record<string, number> = {};
    for (const query of PURGES) {
      let total = 0;
      for (;;) {
        const [row] = await this.executor.write(query, { cutoff, now, batch: neo4j.int(batch) });
        const count = Number(row?.purged ?? 0);
        total += count;
        if (count < batch) break;
      }
      purged[query.name.replace("purge.", "")] = total;
    }
    return purged;
  }
}
