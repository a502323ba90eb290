/**
 * - `INVALID_PERSONAL_DATA_REQUEST`: an argument that cannot be acted on (an id that is no person id, an empty
 *   or too long reason).
 * - `PERSON_NOT_FOUND`: the tenant has no such person (another tenant's person is reported the same way).
 * - `PERSON_ALREADY_ERASED`: an erasure of a person erased before (the earlier answer stands).
 */
export type PersonalDataErrorCode = "INVALID_PERSONAL_DATA_REQUEST" | "PERSON_NOT_FOUND" | "PERSON_ALREADY_ERASED";

/** A consent, access or erasure request that cannot be carried out as sent; the message says what to change. */
export class PersonalDataError extends Error {
  constructor(
    readonly code: PersonalDataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PersonalDataError";
  }
}
