/**
 * External ids and record ids of the demo data set.
 *
 * Ids of per-account records embed the account number and the record's position within the account
 * (`CON-000124-03`) instead of a global running number. That keeps ids stable and unique without
 * knowing how many records earlier accounts produced, so any account can be generated on its own.
 */

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/** Account numbers are 1-based in ids ("ACC-000001" is account index 0). */
export function accountExternalId(accountIndex: number): string {
  return `ACC-${pad(accountIndex + 1, 6)}`;
}

export function contactExternalId(accountIndex: number, contactIndex: number): string {
  return `CON-${pad(accountIndex + 1, 6)}-${pad(contactIndex + 1, 2)}`;
}

export function opportunityExternalId(accountIndex: number, opportunityIndex: number): string {
  return `OPP-${pad(accountIndex + 1, 6)}-${pad(opportunityIndex + 1, 2)}`;
}

export function assetExternalId(accountIndex: number, assetIndex: number): string {
  return `AST-${pad(accountIndex + 1, 6)}-${pad(assetIndex + 1, 3)}`;
}

export function organizationExternalId(organizationIndex: number): string {
  return `ORG-${pad(organizationIndex + 1, 5)}`;
}

/**
 * A signal's record id, e.g. `CC-T-000124-00042`: the field's record prefix (unique within its source
 * system), the account number and the signal's position in the account's stream.
 */
export function signalRecordId(recordPrefix: string, accountIndex: number, signalIndex: number): string {
  return `${recordPrefix}-${pad(accountIndex + 1, 6)}-${pad(signalIndex + 1, 5)}`;
}
