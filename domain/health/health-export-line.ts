import { StoredContribution } from "./stored-explanation";

/** An account as the health export shows it. */
export interface ExportedAccount {
  id: string;
  sourceSystem: string;
  externalId: string;
  name: string;
  industry: string | null;
  segment: string | null;
  region: string | null;
  annualRevenue: number | null;
}

/**
 * One line of the health export (NDJSON): an account, its latest stored score under one model (nulls when
 * it was never scored) and the value of each concept the score used. docs/import-export.md.
 */
export interface HealthExportLine extends Omit<ExportedAccount, "id"> {
  accountId: string;
  modelId: string;
  modelVersion: number | null;
  score: number | null;
  grade: string | null;
  confidence: number | null;
  /** When the score was computed (ISO-8601), and the instant its data was read as of. */
  computedAt: string | null;
  asOf: string | null;
  /** Concept id → the normalised value (0-1) the score used; concepts without data are left out. */
  concepts: Record<string, number>;
}

/** The export line of an account and its stored score. Pure. */
export function healthExportLine(
  modelId: string,
  account: ExportedAccount,
  stored: {
    score: number | null;
    grade: string | null;
    confidence: number;
    version: number;
    computedAt: string;
    asOf: string;
    contributions: readonly StoredContribution[];
  } | null,
): HealthExportLine {
  const concepts: Record<string, number> = {};
  for (const c of stored?.contributions ?? []) {
    // The root is the model's own concept (its value is the score / 100); a concept under two parents
    // has one value.
    if (c.depth > 0 && c.value !== null && !(c.concept in concepts)) concepts[c.concept] = c.value;
  }
  return {
    accountId: account.id,
    sourceSystem: account.sourceSystem,
    externalId: account.externalId,
    name: account.name,
    industry: account.industry,
    segment: account.segment,
    region: account.region,
    annualRevenue: account.annualRevenue,
    modelId,
    modelVersion: stored?.version ?? null,
    score: stored?.score ?? null,
    grade: stored?.grade ?? null,
    confidence: stored?.confidence ?? null,
    computedAt: stored?.computedAt ?? null,
    asOf: stored?.asOf ?? null,
    concepts,
  };
}

/** Reads a snapshot's stored contributions; an unreadable one gives none (the score itself still stands). */
export function parseContributions(text: string): StoredContribution[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as StoredContribution[]) : [];
  } catch {
    return [];
  }
}
