import { Migration } from "./migration";

/**
 * Support tickets and value anchors (issue 17, decision 0031): tickets keyed like every record, their holds by
 * ticket, anchors by id, and each anchor's weekly points by anchor and week.
 */
export const ticketsAndValueAnchorsMigration: Migration = {
  version: 19,
  description: "support tickets, their holds, value anchors and their points",
  statements: [
    "CREATE CONSTRAINT ticket_id IF NOT EXISTS FOR (n:Ticket) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT ticket_source_key IF NOT EXISTS FOR (n:Ticket) REQUIRE (n.tenant, n.sourceSystem, n.externalId) IS UNIQUE",
    "CREATE INDEX ticket_opened IF NOT EXISTS FOR (n:Ticket) ON (n.tenant, n.openedAt)",
    "CREATE INDEX ticket_resolved IF NOT EXISTS FOR (n:Ticket) ON (n.tenant, n.resolvedAt)",
    "CREATE INDEX ticket_hold_ticket IF NOT EXISTS FOR (n:TicketHold) ON (n.tenant, n.ticketId)",
    "CREATE CONSTRAINT value_anchor_id IF NOT EXISTS FOR (n:ValueAnchor) REQUIRE (n.tenant, n.id) IS UNIQUE",
    "CREATE CONSTRAINT anchor_point_week IF NOT EXISTS FOR (n:AnchorPoint) REQUIRE (n.tenant, n.anchorId, n.weekStart) IS UNIQUE",
  ],
};
