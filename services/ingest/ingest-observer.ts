import { RecordStatus } from "../../domain/ingest/ingest-result";

/** What one bulk call did to each record, by outcome: the stored ones by status, and the rejected ones. */
export type IngestCounts = Readonly<Record<RecordStatus | "REJECTED", number>>;

/**
 * Told what each bulk call stored (metrics). `kind` is the record kind ("account", "signal", …), a fixed
 * word; nothing of the records themselves is passed. A call cut off by an outage reports what it did
 * before the cut.
 */
export interface IngestObserver {
  recordsProcessed(kind: string, counts: IngestCounts): void;
}
