/** One row of an import file before it is checked: where it is, and what it holds. */
export interface SourceRow {
  /** The data row's number, from 1 (a CSV header is not counted). */
  row: number;
  /** The file line the row starts on, from 1. */
  line: number;
  /** CSV: the cells by column; NDJSON: the line's text. */
  content: { kind: "cells"; cells: readonly string[] } | { kind: "json"; text: string };
}

/** Why one row was not stored: the field at fault when one is, and the reason in plain words. */
export interface RowProblem {
  field: string | null;
  reason: string;
}

/** A rejected row as the report shows it. */
export interface RejectedRow extends RowProblem {
  row: number;
  line: number;
  /** The record's external id (or record id, or key) when it had one. */
  externalId: string | null;
}

/** A row turned into a record of the bulk input, or the problems that kept it from being one. */
export type RowCoercion = { ok: true; record: Record<string, unknown> } | { ok: false; problems: RowProblem[] };

/**
 * The field a rejection reason speaks of: the reasons of the record checks start with the field as the
 * integrator wrote it ("annualRevenue must not be negative"), so a known field at the start is the one.
 */
export function fieldOfReason(reason: string, fields: readonly string[]): string | null {
  const head = /^([A-Za-z_][\w.]*(?:\[\d+\][\w.]*)*)/.exec(reason)?.[1];
  if (head === undefined) return null;
  const bare = head.replace(/\[\d+\]/g, "");
  return fields.includes(bare) || fields.some((f) => bare.startsWith(`${f}.`)) ? head : null;
}
