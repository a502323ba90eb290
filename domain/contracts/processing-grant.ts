import { ContractGrant, DataCategory, DataPurpose } from "./contract-terms";

/** One intended use of a customer's data. */
export interface ProcessingRequest {
  category: DataCategory;
  purpose: DataPurpose;
  anonymised: boolean;
  /** ISO 8601 instant. */
  at: string;
}

export type ProcessingRefusal =
  "CONTRACT_REVOKED" | "NOT_STARTED" | "ENDED" | "CATEGORY_NOT_GRANTED" | "PURPOSE_NOT_GRANTED" | "NOT_ANONYMISED";

export type ProcessingDecision = { allowed: true } | { allowed: false; refusal: ProcessingRefusal; message: string };

/**
 * Whether a contract allows processing its customer's data this way at `at`: after the start, before the
 * end, before a revocation, for a granted category and purpose, and anonymised when the grant says so.
 */
export function isProcessingAllowed(
  contract: { grant: ContractGrant; revokedAt: string | null },
  request: ProcessingRequest,
): ProcessingDecision {
  const at = new Date(Date.parse(request.at)).toISOString();
  const { grant } = contract;
  if (contract.revokedAt !== null && at >= contract.revokedAt) {
    return {
      allowed: false,
      refusal: "CONTRACT_REVOKED",
      message: `the contract was revoked at ${contract.revokedAt}; no processing is allowed under it from then on`,
    };
  }
  if (at < grant.startsAt) {
    return { allowed: false, refusal: "NOT_STARTED", message: `the grant starts at ${grant.startsAt}` };
  }
  if (grant.endsAt !== null && at >= grant.endsAt) {
    return { allowed: false, refusal: "ENDED", message: `the grant ended at ${grant.endsAt}` };
  }
  if (!grant.categories.includes(request.category)) {
    return {
      allowed: false,
      refusal: "CATEGORY_NOT_GRANTED",
      message: `category ${request.category} is not granted (granted: ${grant.categories.join(", ")})`,
    };
  }
  if (!grant.purposes.includes(request.purpose)) {
    return {
      allowed: false,
      refusal: "PURPOSE_NOT_GRANTED",
      message: `purpose ${request.purpose} is not granted (granted: ${grant.purposes.join(", ")})`,
    };
  }
  if (grant.anonymisedOnly && !request.anonymised) {
    return {
      allowed: false,
      refusal: "NOT_ANONYMISED",
      message: "the grant covers anonymised data only; anonymise the data before processing it",
    };
  }
  return { allowed: true };
}
