/**
 * The time one request may spend in the database, across all of its statements. It is counted from the
 * moment the request's context is made, on a monotonic clock (not the pinnable business {@link Clock}: a
 * test that pins "now" to a date must not stop deadlines from passing).
 */
export class RequestDeadline {
  private readonly startedAt: number;

  constructor(
    private limit: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  /** No deadline: trusted callers inside the process (demo loader, benchmarks, migrations). */
  static none(): RequestDeadline {
    return new RequestDeadline(Number.POSITIVE_INFINITY);
  }

  /** The whole allowance in milliseconds, counted from the start. */
  get limitMs(): number {
    return this.limit;
  }

  /** Sets the allowance (still counted from the start), e.g. once it is known the request is a mutation. */
  setLimit(limitMs: number): void {
    this.limit = limitMs;
  }

  /** Milliseconds left; zero or less once the deadline has passed. */
  remainingMs(): number {
    return this.startedAt + this.limit - this.now();
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }
}
