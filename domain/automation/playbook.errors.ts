export type PlaybookErrorCode =
  "INVALID_PLAYBOOK" | "PLAYBOOK_NOT_FOUND" | "PLAYBOOK_OWNER_NOT_FOUND" | "PLAYBOOK_RETIRED" | "INVALID_SIMULATION";

/** A playbook request that cannot be carried out as sent; the message (and `problems`) say what to change. */
export class PlaybookError extends Error {
  constructor(
    readonly code: PlaybookErrorCode,
    message: string,
    /** For INVALID_PLAYBOOK: every problem with its path, e.g. "trigger.count: must be a whole number 1-1000, got 0". */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = "PlaybookError";
  }
}
