export type ContractErrorCode =
  | "INVALID_CONTRACT"
  | "INVALID_CONTRACT_REQUEST"
  | "CONTRACT_NOT_FOUND"
  | "CONTRACT_ACCOUNT_NOT_FOUND"
  | "PROCESSING_NOT_GRANTED"
  | "CONTRACT_REVOKED"
  | "CONTRACT_SIGNING_UNAVAILABLE";

/** One problem of a contract definition: the field (a path such as `benefit.formula.tiers[1].fromUnits`) and what is wrong. */
export interface ContractProblem {
  path: string;
  message: string;
}

/**
 * A value contract request that cannot be carried out as sent; the message says what was wrong, where, and
 * what to do. `problems` lists every problem of an invalid definition with its field path.
 */
export class ContractError extends Error {
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly problems: readonly ContractProblem[] = [],
  ) {
    super(message);
    this.name = "ContractError";
  }
}
