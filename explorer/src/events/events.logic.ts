import type { ChangeType, ExplorerRecentChangesQuery } from "../api/generated/graphql";

export type ChangeEvent = ExplorerRecentChangesQuery["recentChanges"]["events"][number];

/** The groups of event types the page filters by. */
export const EVENT_GROUPS = ["all", "accounts", "people", "network", "signals", "health", "ontology"] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

/** Whether a string names a group; the URL's `group` parameter falls back to "all" otherwise. Pure. */
export function isEventGroup(value: string | null): value is EventGroup {
  return value !== null && (EVENT_GROUPS as readonly string[]).includes(value);
}

const RECORD_EVENTS = (record: string): ChangeType[] =>
  (["CREATED", "UPDATED", "DELETED", "RESTORED"] as const).map((what) => `${record}_${what}` as ChangeType);

const GROUP_TYPES: Readonly<Record<Exclude<EventGroup, "all">, readonly ChangeType[]>> = {
  accounts: [...RECORD_EVENTS("ACCOUNT"), ...RECORD_EVENTS("OPPORTUNITY")],
  people: RECORD_EVENTS("CONTACT"),
  network: [...RECORD_EVENTS("ASSET"), ...RECORD_EVENTS("ORGANIZATION")],
  signals: [
    ...RECORD_EVENTS("SIGNAL"),
    "OUTCOME_RECORDED",
    "OUTCOME_DELETED",
    "OUTCOME_RESTORED",
    "MANUAL_MEASURE_SET",
    "MANUAL_MEASURE_DELETED",
    "MANUAL_MEASURE_RESTORED",
  ],
  health: ["HEALTH_GRADE_CHANGED", "HEALTH_SCORE_CHANGED", "HEALTH_MODEL_VERSION_SAVED"],
  ontology: [
    "ONTOLOGY_PACK_STORED",
    "MAPPING_SET",
    "MAPPING_REMOVED",
    "SOURCE_SYSTEM_CREATED",
    "SOURCE_SYSTEM_UPDATED",
  ],
};

/** The event types a group stands for; null (every type) for "all". Pure. */
export function typesOf(group: EventGroup): ChangeType[] | null {
  return group === "all" ? null : [...GROUP_TYPES[group]];
}

/**
 * The events shown after a refresh: the fresh page's events newer than any shown, then those shown, without
 * duplicates, newest first. Pure.
 */
export function mergeNewer(shown: readonly ChangeEvent[], fresh: readonly ChangeEvent[]): ChangeEvent[] {
  const newest = shown.length === 0 ? 0 : shown[0]!.sequence;
  const added = fresh.filter((event) => event.sequence > newest);
  return [...added, ...shown].sort((a, b) => b.sequence - a.sequence);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "string") return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One line per changed field: "stage: PROPOSAL → NEGOTIATION"; erased personal values say so. Pure. */
export function changeLines(event: ChangeEvent, erased: string): string[] {
  return event.changes.map((change) =>
    change.erased ? `${change.field}: ${erased}` : `${change.field}: ${show(change.old)} → ${show(change.new)}`,
  );
}

/** The account an event is about, when it is about one (account records and their health). Pure. */
export function accountOf(event: ChangeEvent): string | null {
  return event.recordType === "ACCOUNT" || event.recordType === "HEALTH" ? event.recordId : null;
}
