import { SignalSubjectKind } from "../../domain/records";
import { Page, Signal } from "../../domain/model";
import { childListQuery } from "../common/child-list.query";
import { ChildPageRequest, readChildPages } from "../common/child-list.reader";
import { instant, optionalNumber, optionalText, text } from "../common/row-mapping";
import { NodeProperties, PROVENANCE_PROPERTIES, selectedNodeProjection } from "../common/node-projection";
import { ChildListBatch } from "../common/child-list.batch";

/** The stored properties a signal read may select (its record id is stored as `externalId`). */
export const SIGNAL_PROPERTIES = [
  ...PROVENANCE_PROPERTIES,
  "field",
  "valueType",
  "numberValue",
  "stringValue",
  "booleanValue",
  "unit",
  "observedAt",
] as const;
export type SignalProperty = (typeof SIGNAL_PROPERTIES)[number];
export const SIGNAL_NODE: NodeProperties<SignalProperty> = {
  allowed: SIGNAL_PROPERTIES,
  instants: ["firstSeenAt", "lastUpdatedAt", "observedAt"],
};

const SIGNALS_OF_ACCOUNTS = childListQuery({
  name: "account.signals",
  parentLabel: "Account",
  pattern: "(parent)<-[r:ABOUT]-(child:Signal)",
  // Newest first.
  sortKeys: ["child.observedAt.epochMillis", "child.id"],
  direction: "DESC",
  projection: (selection) =>
    selectedNodeProjection("child", selection, SIGNAL_NODE, "subjectKind: 'ACCOUNT', subjectId: parent.id"),
  filter:
    "(key.fields IS NULL OR child.field IN key.fields)" +
    " AND (key.since IS NULL OR child.observedAt >= datetime(key.since))" +
    " AND (key.until IS NULL OR child.observedAt < datetime(key.until))",
});

/**
 * Maps a stored signal to the domain object. Its subject comes as `subjectKind` and `subjectId` (lists
 * below a parent) or as the `subject` map `{id, kind}` read through its ABOUT relationship (`node(id)`, the
 * signal list), null when the subject is gone.
 */
export function toSignal(row: Record<string, unknown>): Signal {
  const boolean = row.booleanValue;
  const subject = row.subject as { id?: unknown; kind?: unknown } | null | undefined;
  return {
    // The provenance fields written out, not spread from provenance(row): spreading one object into a
    // literal with more fields costs about eight times as much per row (npm run bench:conversions).
    id: text(row, "id"),
    sourceSystem: text(row, "sourceSystem"),
    externalId: text(row, "externalId"),
    firstSeenAt: instant(row, "firstSeenAt"),
    lastUpdatedAt: instant(row, "lastUpdatedAt"),
    recordId: text(row, "externalId"),
    field: text(row, "field"),
    valueType: (optionalText(row, "valueType") ?? "STRING") as Signal["valueType"],
    numberValue: optionalNumber(row, "numberValue"),
    stringValue: optionalText(row, "stringValue"),
    booleanValue: typeof boolean === "boolean" ? boolean : null,
    unit: optionalText(row, "unit"),
    observedAt: instant(row, "observedAt"),
    subjectKind: (subject === undefined ? text(row, "subjectKind") : String(subject?.kind ?? "")) as SignalSubjectKind,
    subjectId: subject === undefined ? text(row, "subjectId") : String(subject?.id ?? ""),
  };
}

/** Reads signals (time-stamped observations from source systems) of one tenant. */
export class SignalRepository {
  constructor(private readonly lists: ChildListBatch) {}

  /** Pages of each account's own signals, newest first; requests may filter by fields, since and until. */
  pageByAccounts(requests: readonly ChildPageRequest[]): Promise<Array<Page<Signal>>> {
    return readChildPages(this.lists, SIGNALS_OF_ACCOUNTS, requests, toSignal);
  }
}
