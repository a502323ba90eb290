/** What happened to one record of a batch. */
export type RecordStatus = "CREATED" | "UPDATED" | "UNCHANGED";

export interface RecordRejection {
  /** The record's position in the batch, from 0. */
  index: number;
  /** The record's external id (or record id), when it had one. */
  externalId: string | null;
  reason: string;
}

export interface RecordOutcome {
  index: number;
  id: string;
  status: RecordStatus;
}

/** The answer to a bulk upsert: counts, the rejected records with their reasons, and each stored record's id. */
export interface IngestResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: RecordRejection[];
  records: RecordOutcome[];
}

/** Combines stored outcomes and rejections into one result, both sorted by batch index. */
export function summarizeIngest(outcomes: RecordOutcome[], rejections: RecordRejection[]): IngestResult {
  const count = (status: RecordStatus): number => outcomes.filter((o) => o.status === status).length;
  return {
    created: count("CREATED"),
    updated: count("UPDATED"),
    unchanged: count("UNCHANGED"),
    rejected: rejections.length,
    rejections: [...rejections].sort((a, b) => a.index - b.index),
    records: [...outcomes].sort((a, b) => a.index - b.index),
  };
}
