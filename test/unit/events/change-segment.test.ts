import { packSegments, SegmentEvent, unpackSegment } from "../../../domain/events/change-segment";

const event = (i: number): SegmentEvent => ({
  type: i % 2 === 0 ? "ACCOUNT_CREATED" : "CONTACT_UPDATED",
  recordId: `r${i}`,
  externalId: `X-${i}`,
  sourceSystem: "crm",
  personId: i % 2 === 0 ? null : `p${i % 3}`,
  changes: [{ field: "name", old: null, new: `Name ${i} 满意度` }],
});

describe("change segments (issue 10)", () => {
  it("split events into runs of at most the segment size, in order", () => {
    const events = Array.from({ length: 7 }, (_, i) => event(i));
    const segments = packSegments(events, 3);
    expect(segments.map((s) => [s.offset, s.count])).toEqual([
      [0, 3],
      [3, 3],
      [6, 1],
    ]);
    expect(segments.flatMap((s) => unpackSegment(s.events))).toEqual(events);
  });

  it("list the distinct types and people of each segment", () => {
    const [segment] = packSegments(Array.from({ length: 4 }, (_, i) => event(i)));
    expect(segment!.types.sort()).toEqual(["ACCOUNT_CREATED", "CONTACT_UPDATED"]);
    expect(segment!.personIds.sort()).toEqual(["p0", "p1"]);
  });

  it("store repetitive events compactly", () => {
    const events = Array.from({ length: 256 }, (_, i) => event(i));
    const [segment] = packSegments(events);
    expect(segment!.events.length).toBeLessThan(JSON.stringify(events).length / 4);
  });
});
