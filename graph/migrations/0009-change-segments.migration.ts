import { Migration } from "./migration";

/**
 * Change events are stored in segments of up to 256 events (decision 0013): the feed reads them by the
 * number of their last event. The per-event nodes of 0007 are not written any more.
 */
export const changeSegmentsMigration: Migration = {
  version: 9,
  description: "change events in segments",
  statements: [
    "CREATE INDEX change_segment_tenant_last IF NOT EXISTS FOR (g:ChangeSegment) ON (g.tenant, g.lastSeq)",
    "DROP CONSTRAINT change_event_tenant_seq IF EXISTS",
    "DROP INDEX change_event_tenant_at IF EXISTS",
  ],
};
