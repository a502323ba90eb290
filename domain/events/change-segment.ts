import { deflateRawSync, inflateRawSync } from "node:zlib";
import { ChangeType, FieldChange } from "./change-event";

/**
 * Change events are stored in segments: one node per run of up to {@link SEGMENT_SIZE} consecutive events
 * of one transaction, holding them as compressed JSON (decision 0013). A bulk write of thousands of records
 * then adds a few nodes, not thousands, which keeps the outbox's cost to bulk ingest small; readers
 * decode a segment and pick the events they want.
 */
export const SEGMENT_SIZE = 256;

/** One event as a segment stores it: its number is the segment's first number plus its position. */
export interface SegmentEvent {
  type: ChangeType;
  recordId: string;
  /** Sealed for a contact (personal). */
  externalId: string | null;
  sourceSystem: string | null;
  /** The person whose key seals this event's personal values. */
  personId: string | null;
  /** Personal values sealed. */
  changes: FieldChange[];
}

/** A segment ready to store: its size, the distinct types and people in it, and the packed events. */
export interface PackedSegment {
  offset: number;
  count: number;
  types: ChangeType[];
  personIds: string[];
  events: string;
}

interface Compact {
  t: ChangeType;
  r: string;
  x: string | null;
  s: string | null;
  p: string | null;
  c: FieldChange[];
}

/** Splits `events` into segments of at most `size`, packed for storage. */
export function packSegments(events: readonly SegmentEvent[], size = SEGMENT_SIZE): PackedSegment[] {
  const segments: PackedSegment[] = [];
  for (let offset = 0; offset < events.length; offset += size) {
    const slice = events.slice(offset, offset + size);
    const compact: Compact[] = slice.map((e) => ({
      t: e.type,
      r: e.recordId,
      x: e.externalId,
      s: e.sourceSystem,
      p: e.personId,
      c: e.changes,
    }));
    segments.push({
      offset,
      count: slice.length,
      types: [...new Set(slice.map((e) => e.type))],
      personIds: [...new Set(slice.flatMap((e) => (e.personId === null ? [] : [e.personId])))],
      events: deflateRawSync(Buffer.from(JSON.stringify(compact), "utf8"), { level: 4 }).toString("base64"),
    });
  }
  return segments;
}

/** The events of a stored segment, in order. */
export function unpackSegment(packed: string): SegmentEvent[] {
  const compact = JSON.parse(inflateRawSync(Buffer.from(packed, "base64")).toString("utf8")) as Compact[];
  return compact.map((e) => ({
    type: e.t,
    recordId: e.r,
    externalId: e.x,
    sourceSystem: e.s,
    personId: e.p,
    changes: e.c,
  }));
}
