/** A list filter value that cannot be used as given (e.g. a malformed date). */
export class FilterError extends Error {
  readonly code = "INVALID_FILTER" as const;

  constructor(message: string) {
    super(message);
    this.name = "FilterError";
  }
}
