import { recordTypeOf, StoredChange } from "../../domain/events/change-event";
import { sees } from "../../domain/personal-data/access-policy";
import { changeFieldEntry, maskChange } from "../../domain/personal-data/mask-change";
import { PersonalDataReads } from "./personal-data-reads";

/**
 * Change events as a reader may see them (domain/personal-data/mask-change.ts), noting the SENSITIVE
 * values handed out in clear so that a bulk export can audit them. The one step the NDJSON stream and
 * webhook deliveries run their events through; GraphQL reads are masked by the schema's guard.
 */
export function maskEventsFor(events: readonly StoredChange[], reads: PersonalDataReads): StoredChange[] {
  if (sees(reads.access, "SENSITIVE")) {
    for (const event of events) {
      const recordType = recordTypeOf(event.type);
      for (const change of event.changes) {
        const entry = changeFieldEntry(recordType, change.field);
        if (entry?.category === "SENSITIVE" && (change.old !== null || change.new !== null)) {
          reads.noteSensitive(`${entry.label}.${entry.property}`);
        }
      }
    }
  }
  return events.map((event) => maskChange(event, reads.access));
}
