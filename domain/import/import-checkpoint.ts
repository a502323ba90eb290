/** The file an import reads, as far as a checkpoint needs to recognise it again. */
export interface ImportedFileIdentity {
  /** The absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** How far an import has come: written after every committed batch, beside the report. */
export interface ImportCheckpoint {
  version: 1;
  tenant: string;
  type: string;
  file: ImportedFileIdentity;
  /** Data rows handled (stored or reported), from the start of the file. */
  rowsDone: number;
  /** The report's length in bytes when those rows were handled; a resumed run cuts the report back to it. */
  reportBytes: number;
  counts: ImportCounts;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export const NO_COUNTS: ImportCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };

/** Adds the counts of one batch. */
export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return {
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    rejected: a.rejected + b.rejected,
  };
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Reads a checkpoint file's text; null when it is not one (a checkpoint of another version, a torn write). */
export function parseCheckpoint(text: string): ImportCheckpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const v = value as Partial<ImportCheckpoint> | null;
  if (v === null || typeof v !== "object" || v.version !== 1) return null;
  const file = v.file as Partial<ImportedFileIdentity> | undefined;
  const counts = v.counts as Partial<ImportCounts> | undefined;
  const ok =
    typeof v.tenant === "string" &&
    typeof v.type === "string" &&
    typeof file?.path === "string" &&
    isCount(file.size) &&
    typeof file.mtimeMs === "number" &&
    isCount(v.rowsDone) &&
    isCount(v.reportBytes) &&
    counts !== undefined &&
    isCount(counts.created) &&
    isCount(counts.updated) &&
    isCount(counts.unchanged) &&
    isCount(counts.rejected);
  return ok ? (v as ImportCheckpoint) : null;
}

/**
 * Where a run starts, given the checkpoint found: resume when it is of the same file (path, size and
 * modification time), tenant and type; start over, saying why, when it is of something else.
 */
export function resumePoint(
  checkpoint: ImportCheckpoint | null,
  wanted: { tenant: string; type: string; file: ImportedFileIdentity },
): { resume: ImportCheckpoint | null; note: string | null } {
  if (checkpoint === null) return { resume: null, note: null };
  const same =
    checkpoint.tenant === wanted.tenant &&
    checkpoint.type === wanted.type &&
    checkpoint.file.path === wanted.file.path &&
    checkpoint.file.size === wanted.file.size &&
    checkpoint.file.mtimeMs === wanted.file.mtimeMs;
  if (same) return { resume: checkpoint, note: null };
  return {
    resume: null,
    note:
      "The checkpoint beside the report is of another import (another file, a changed file, tenant or type); " +
      "starting from the first row.",
  };
}
