/** A caller whose role may not call an operation (see the role matrix). */
export class AccessDeniedError extends Error {
  readonly code = "FORBIDDEN" as const;

  constructor(message: string) {
    super(message);
    this.name = "AccessDeniedError";
  }
}
