/**
 * Why a user was not stored: another source system already has a user with its external id. User external
 * ids are the subjects of tokens, so one id must name one person in a tenant.
 */
export function userIdTaken(externalId: string, sourceSystem: string, takenBy: string): string {
  return (
    `externalId "${externalId}" is already the id of a user from source system "${takenBy}"; user external ids ` +
    `are unique per tenant across source systems (a token's sub names the user by it). Send this user from ` +
    `"${takenBy}", or give it another externalId (the user from "${sourceSystem}" was not stored)`
  );
}
