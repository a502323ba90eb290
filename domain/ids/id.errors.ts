/** A malformed id in a request. */
export class InvalidIdError extends Error {
  readonly code = "INVALID_ID" as const;

  constructor(message: string) {
    super(message);
    this.name = "InvalidIdError";
  }
}

/** More ids in one call than one answer may hold. */
export class TooManyIdsError extends Error {
  readonly code = "TOO_MANY_IDS" as const;

  constructor(message: string) {
    super(message);
    this.name = "TooManyIdsError";
  }
}
