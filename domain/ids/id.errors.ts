/** A malformed id in a request. */
export class InvalidIdError extends Error {
  readonly code = "INVALID_ID" as const;

  constructor(message: string) {
    super(message);
    this.name = "InvalidIdError";
  }
}
