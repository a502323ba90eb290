/**
 * Where "now" comes from. Scoring windows, cut-offs, provenance and model versions all read it, so a test
 * (or a replay) can pin it and get the same answer on any day.
 */
export type Clock = () => Date;

/** The real time. */
export const systemClock: Clock = () => new Date();

/**
 * A clock that reads `instant` (an ISO-8601 string or epoch milliseconds) when it is made and then runs at
 * real speed, so "before" and "after" keep their order (incremental runs compare ingest and run times).
 */
export function clockStartingAt(instant: string | number, real: () => number = Date.now): Clock {
  const start = typeof instant === "number" ? instant : Date.parse(instant);
  if (!Number.isFinite(start)) throw new Error(`clockStartingAt: "${String(instant)}" is not an instant.`);
  const realStart = real();
  return () => new Date(start + (real() - realStart));
}
