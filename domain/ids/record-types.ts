import { IdentifiedKind } from "./node-id";

/** The record types integrators name in lookups by external id, and the kind of node each is. */
export const RECORD_TYPES = {
  ACCOUNT: "Account",
  CONTACT: "Contact",
  OPPORTUNITY: "Opportunity",
  ASSET: "Asset",
  ORGANIZATION: "Organization",
  SIGNAL: "Signal",
  USER: "User",
  TEAM: "Team",
} as const satisfies Record<string, IdentifiedKind>;

export type RecordType = keyof typeof RECORD_TYPES;
