export type AuditErrorCode = "INVALID_AUDIT_ENTRY" | "INVALID_AUDIT_QUERY";

/**
 * An audit entry or request that cannot be carried out as sent; the message says what was wrong, where,
 * and what to do.
 */
export class AuditError extends Error {
  constructor(
    readonly code: AuditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AuditError";
  }
}
