/**
 * Keeps a metric label's values to a bounded set: values arrive as they are until `max` distinct ones
 * were seen, then any new one becomes `other`. A label value is a time series in Prometheus, so a value
 * the code did not foresee (a statement name built from data, a new error code) must not grow them
 * without end.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly pattern: RegExp = /^[A-Za-z0-9_.:-]{1,120}$/,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max || !this.pattern.test(value)) return "other";
    this.seen.add(value);
    return value;
  }
}
