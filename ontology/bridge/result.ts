/**
 * The result shape of the bridge's building blocks. Bad data is an expected input here (fields arrive
 * from many systems), so it is a value to report, not an exception to catch.
 */

/** A computed value. */
export interface Ok<T> {
  ok: true;
  value: T;
}

/** Why no value could be computed, in words a pack author or integrator can act on. */
export interface Problem {
  ok: false;
  problem: string;
}

/** Either a value or a problem. */
export type Result<T> = Ok<T> | Problem;

/** Wraps a value as a success. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wraps a problem description as a failure. */
export function problem(text: string): Problem {
  return { ok: false, problem: text };
}
