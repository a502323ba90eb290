import { RowCoercion } from "./import-row";

/** How a CSV column's text becomes a value of the bulk input. */
export type ColumnKind = "text" | "number" | "boolean" | "json";

/** One column a CSV file of a record type may have: a field of the bulk input, nested ones dotted. */
export interface ImportColumn {
  /** E.g. "annualRevenue", "account.externalId", "links". */
  name: string;
  /** Whether every row must have it (the field and its parents are required by the input type). */
  required: boolean;
  kind: ColumnKind;
}

/** What an empty CSV cell means: the field is left out (the stored value stays), or null (it is cleared). */
export type EmptyCells = "omit" | "null";

/**
 * Turns rows into records of one bulk input type with the API's own input rules, one row at a time, so a
 * type error rejects its row and not the whole file.
 */
export interface RecordCoercer {
  /** The GraphQL input type, e.g. "AccountInput" (for messages). */
  readonly inputName: string;
  readonly columns: readonly ImportColumn[];
  /** A CSV row, given the header's column of each cell. */
  fromCells(header: readonly ImportColumn[], cells: readonly string[], empty: EmptyCells): RowCoercion;
  /** A JSON value (an NDJSON line, parsed). */
  fromJson(value: unknown): RowCoercion;
}
