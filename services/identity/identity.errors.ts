/**
 * - `INVALID_IDENTITY_REQUEST`: an argument that cannot be acted on (an id that is no identity id, a pair of
 *   one identity, two identities of different entity types, an empty reason).
 * - `IDENTITY_NOT_FOUND` / `RESOLVED_CUSTOMER_NOT_FOUND` / `IDENTITY_RUN_NOT_FOUND`: the tenant has no such
 *   thing (another tenant's ids are reported the same way: they are never leaked).
 * - `IDENTITY_NOT_MERGED`: a split of an identity that is alone in its resolved customer.
 */
export type IdentityErrorCode =
  | "INVALID_IDENTITY_REQUEST"
  | "IDENTITY_NOT_FOUND"
  | "RESOLVED_CUSTOMER_NOT_FOUND"
  | "IDENTITY_RUN_NOT_FOUND"
  | "IDENTITY_NOT_MERGED";

/** An identity-resolution request that cannot be carried out as sent; the message says what to change. */
export class IdentityError extends Error {
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IdentityError";
  }
}
