import { Page } from "../../domain/model";
import { TicketPriority } from "../../domain/records";
import { Ticket, TicketFilterValues } from "../../domain/tickets/ticket";
import { holdsFromText } from "../../domain/tickets/ticket-holds";
import { ChildListBatch } from "../common/child-list.batch";
import { childListQuery } from "../common/child-list.query";
import { ChildPageRequest, readChildPages } from "../common/child-list.reader";
import { keyedNodeProjection } from "../common/node-projection";
import { recordListQueries } from "../common/record-list.query";
import { RecordListReader, RecordPageRequest } from "../common/record-list.reader";
import { optionalNumber, optionalText, provenance, text } from "../common/row-mapping";
import { CypherExecutor } from "../executor";

const ACCOUNT_ID = "head([(n)-[:FOR_ACCOUNT]->(a:Account) | a.id])";

/** Newest first: tickets are read by when they were opened (stored as normalised ISO text). */
const TICKETS = recordListQueries({
  name: "ticket.list",
  label: "Ticket",
  sortKeys: ["n.openedAt", "n.id"],
  direction: "DESC",
  projection: keyedNodeProjection("n", `accountId: ${ACCOUNT_ID}`),
  filter: [
    `($accountIds IS NULL OR ${ACCOUNT_ID} IN $accountIds)`,
    "($status IS NULL OR ($status = 'OPEN' AND n.resolvedAt IS NULL) OR ($status = 'RESOLVED' AND n.resolvedAt IS NOT NULL))",
    "($categories IS NULL OR n.category IN $categories)",
    "($priorities IS NULL OR n.priority IN $priorities)",
    "($sourceSystems IS NULL OR n.sourceSystem IN $sourceSystems)",
    "($openedFrom IS NULL OR n.openedAt >= $openedFrom)",
    "($openedTo IS NULL OR n.openedAt < $openedTo)",
  ].join(" AND "),
});

/** An account's tickets, newest first; `status` in a page request filters. */
const TICKETS_OF_ACCOUNTS = childListQuery({
  name: "account.tickets",
  parentLabel: "Account",
  pattern: "(parent)<-[r:FOR_ACCOUNT]-(child:Ticket)",
  sortKeys: ["child.openedAt", "child.id"],
  direction: "DESC",
  projection: keyedNodeProjection("child", "accountId: parent.id"),
  filter:
    "key.status IS NULL OR (key.status = 'OPEN' AND child.resolvedAt IS NULL) OR " +
    "(key.status = 'RESOLVED' AND child.resolvedAt IS NOT NULL)",
});

export function toTicket(row: Record<string, unknown>): Ticket {
  const resolvedAt = optionalText(row, "resolvedAt");
  return {
    ...provenance(row),
    accountId: text(row, "accountId"),
    contactId: optionalText(row, "contactId"),
    category: optionalText(row, "category"),
    priority: optionalText(row, "priority") as TicketPriority | null,
    openedAt: text(row, "openedAt"),
    firstResponseAt: optionalText(row, "firstResponseAt"),
    resolvedAt,
    firstResponseHours: optionalNumber(row, "firstResponseHours"),
    resolutionHours: optionalNumber(row, "resolutionHours"),
    status: resolvedAt === null ? "OPEN" : "RESOLVED",
    holds: holdsFromText(row.assignments, resolvedAt),
  };
}

function params(filter: TicketFilterValues): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => [key, Array.isArray(value) ? [...(value as unknown[])] : value]),
  );
}

/** Reads one tenant's support tickets: the filtered top-level list, and pages of many accounts' tickets at once. */
export class TicketRepository {
  private readonly reader: RecordListReader;

  constructor(
    executor: CypherExecutor,
    tenant: string,
    private readonly lists: ChildListBatch,
  ) {
    this.reader = new RecordListReader(executor, tenant);
  }

  list(request: RecordPageRequest<TicketFilterValues>): Promise<Page<Ticket>> {
    return this.reader.page(TICKETS, params(request.filter), request, toTicket);
  }

  count(filter: TicketFilterValues): Promise<number> {
    return this.reader.count(TICKETS, params(filter));
  }

  /** Pages of tickets for many accounts in one round trip (shared with the other lists read at the same time). */
  pageByAccounts(requests: readonly ChildPageRequest[]): Promise<Array<Page<Ticket>>> {
    return readChildPages(this.lists, TICKETS_OF_ACCOUNTS, requests, toTicket);
  }
}
