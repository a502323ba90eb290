import { TicketAssignmentRecord } from "../records";

/** One stretch of time a team or a user held a ticket, as stored (`(:Ticket)-[:HELD]->(:TicketHold)`). */
export interface TicketHold {
  /** Position in the history, from 0, ordered by `from`. */
  seq: number;
  holderKind: "TEAM" | "USER";
  /** The team's public id (`tem_…`), or the user's external id (their token subject). */
  holderKey: string;
  /** ISO-8601 instant, normalised (`toISOString`). */
  from: string;
  /** Normalised; null when the hold runs until now (the ticket is unresolved and the hold open). */
  until: string | null;
  /** Hours held; for an open hold of an unresolved ticket, null. */
  hours: number | null;
}

const HOUR_MS = 3_600_000;

/** Normalises an ISO instant to `toISOString` form, so stored times compare as text in time order. */
export function normaliseInstant(value: string): string {
  return new Date(value).toISOString();
}

/** Hours between two instants (null when either is missing). */
export function hoursBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (from === null || from === undefined || to === null || to === undefined) return null;
  return (Date.parse(to) - Date.parse(from)) / HOUR_MS;
}

/**
 * The holds of a validated assignment history, ordered by start. A hold without `until` lasts until the
 * next hold starts, else until the ticket was resolved, else it is still running. `teamIdOf` gives the public
 * id of a team reference.
 */
export function ticketHolds(
  assignments: readonly TicketAssignmentRecord[],
  resolvedAt: string | null | undefined,
  teamIdOf: (team: NonNullable<TicketAssignmentRecord["team"]>) => string,
): TicketHold[] {
  const sorted = [...assignments].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  return sorted.map((a, seq) => {
    const next = sorted[seq + 1];
    const end = a.until ?? next?.from ?? resolvedAt ?? null;
    const from = normaliseInstant(a.from);
    const until = end === null ? null : normaliseInstant(end);
    return {
      seq,
      holderKind: a.team ? "TEAM" : "USER",
      holderKey: a.team ? teamIdOf(a.team) : (a.user?.externalId ?? ""),
      from,
      until,
      hours: hoursBetween(from, until),
    };
  });
}

/** The assignment history as stored on the ticket (canonical JSON text: part of its content hash). */
export function assignmentsText(holds: readonly TicketHold[]): string {
  return JSON.stringify(
    holds.map(({ holderKind, holderKey, from, until }) => ({ holderKind, holderKey, from, until })),
  );
}

/** Reads back {@link assignmentsText}; hours are derived again against the ticket's resolution time. */
export function holdsFromText(text: unknown, resolvedAt: string | null): TicketHold[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const parsed = JSON.parse(text) as Array<Omit<TicketHold, "seq" | "hours">>;
  return parsed.map((h, seq) => {
    const until = h.until ?? (seq === parsed.length - 1 ? resolvedAt : null);
    return { ...h, seq, until, hours: hoursBetween(h.from, until) };
  });
}
