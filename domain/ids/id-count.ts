import { TooManyIdsError } from "./id.errors";

/** Checks that a call names at most `max` ids; the error says how many were sent and what to do. */
export function assertIdCount(count: number, max: number, argument: string): void {
  if (count > max) {
    throw new TooManyIdsError(
      `${argument} has ${count} entries; at most ${max} are read per call (the largest page). ` +
        `Split them into several calls of ${max} or fewer.`,
    );
  }
}
