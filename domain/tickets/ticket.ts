import { FilterError } from "../filters/filter.errors";
import { Provenance } from "../model";
import { TicketPriority } from "../records";
import { TicketHold } from "./ticket-holds";

/** Open: not resolved yet; resolved: has `resolvedAt`. */
export const TICKET_STATUSES = ["OPEN", "RESOLVED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A support ticket as read (issue 17): times as normalised ISO text, its assignment history as holds. */
export interface Ticket extends Provenance {
  accountId: string;
  /** The contact's public id (`con_…`), when the ticket names one. */
  contactId: string | null;
  category: string | null;
  priority: TicketPriority | null;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  firstResponseHours: number | null;
  resolutionHours: number | null;
  status: TicketStatus;
  holds: TicketHold[];
}

/** The filter of `tickets` (null: not filtered on). */
export interface TicketFilterValues {
  accountIds: readonly string[] | null;
  status: TicketStatus | null;
  categories: readonly string[] | null;
  priorities: readonly TicketPriority[] | null;
  sourceSystems: readonly string[] | null;
  /** Normalised ISO instants: opened at or after `openedFrom`, before `openedTo`. */
  openedFrom: string | null;
  openedTo: string | null;
}

/** The most values one list of a ticket filter may hold. */
export const MAX_TICKET_FILTER_VALUES = 100;

/** Instants as the ingest stores them (`toISOString`), so the window compares as text with the stored times. */
function instant(value: Date | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value.getTime())) throw new FilterError(`${argument} is not a date-time; send ISO 8601.`);
  return value.toISOString();
}

function list<T>(values: readonly T[] | null | undefined, argument: string): readonly T[] | null {
  if (values === null || values === undefined) return null;
  if (values.length > MAX_TICKET_FILTER_VALUES) {
    throw new FilterError(
      `${argument} lists ${values.length} values; at most ${MAX_TICKET_FILTER_VALUES} are allowed. Split the request.`,
    );
  }
  return values;
}

/** Checks a ticket filter and gives its values; throws a FilterError naming what was wrong. */
export function ticketFilterValues(
  filter: {
    accountIds?: readonly string[] | null;
    status?: TicketStatus | null;
    categories?: readonly string[] | null;
    priorities?: readonly TicketPriority[] | null;
    sourceSystems?: readonly string[] | null;
    openedFrom?: Date | null;
    openedTo?: Date | null;
  } | null,
): TicketFilterValues {
  const openedFrom = instant(filter?.openedFrom, "filter.openedFrom");
  const openedTo = instant(filter?.openedTo, "filter.openedTo");
  if (openedFrom !== null && openedTo !== null && openedFrom >= openedTo) {
    throw new FilterError(
      `filter.openedFrom (${openedFrom}) must be before filter.openedTo (${openedTo}); the window includes its start and excludes its end.`,
    );
  }
  return {
    accountIds: list(filter?.accountIds, "filter.accountIds"),
    status: filter?.status ?? null,
    categories: list(filter?.categories, "filter.categories"),
    priorities: list(filter?.priorities, "filter.priorities"),
    sourceSystems: list(filter?.sourceSystems, "filter.sourceSystems"),
    openedFrom,
    openedTo,
  };
}
