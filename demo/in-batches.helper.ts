/**
 * Groups a (possibly huge, lazily produced) iterable into arrays of at most `size` items, so a loader
 * can send `UNWIND $rows` batches while only one batch sits in memory.
 *
 * @example
 * for (const rows of inBatches(demo.signals(), 5_000)) await ingest.signals(rows);
 */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`inBatches expects a positive integer batch size, received ${String(size)}`);
  }
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield batch;
  }
}
