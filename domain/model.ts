import {
  Seniority,
  UserRole,
  BuyingRole,
  NetworkRelationship,
  OpportunityStage,
  OrganizationKind,
  SignalSubjectKind,
  SourceSystemKind,
} from "./records";

/** What every stored record carries: its public id and where it came from. */
export interface Provenance {
  id: string;
  sourceSystem: string;
  externalId: string;
  /** ISO instants. */
  firstSeenAt: string;
  lastUpdatedAt: string;
}

export interface Account extends Provenance {
  name: string;
  industry: string | null;
  segment: string | null;
  region: string | null;
  annualRevenue: number | null;
  /** The external id of the user who owns it; the user may not have arrived yet. */
  ownerExternalId: string | null;
}

export interface Contact extends Provenance {
  accountId: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  buyingRole: BuyingRole | null;
}

export interface Opportunity extends Provenance {
  accountId: string;
  name: string;
  stage: OpportunityStage;
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
}

export interface Asset extends Provenance {
  accountId: string;
  name: string;
  serialNumber: string | null;
  model: string | null;
  installedOn: string | null;
  region: string | null;
  /** The code of the production batch it comes from (its `OF_BATCH` link). */
  batchCode: string | null;
}

export interface Organization extends Provenance {
  name: string;
  kind: OrganizationKind;
  region: string | null;
  /** Sorted; empty when it serves no region in particular. */
  servesRegions: string[];
}

export interface User extends Provenance {
  name: string;
  email: string | null;
  /** Sorted. */
  roles: UserRole[];
  seniority: Seniority | null;
  /** The public id of the user's team. */
  teamId: string | null;
  /** The external id of the user's manager; the manager may not have arrived yet. */
  managerExternalId: string | null;
}

export type Team = Provenance & { name: string };

export interface NetworkLink {
  organization: Organization;
  relationship: NetworkRelationship;
}

export type SignalValueType = "NUMBER" | "STRING" | "BOOLEAN";

export interface Signal extends Provenance {
  /** The record id in the source system; the same as externalId. */
  recordId: string;
  field: string;
  valueType: SignalValueType;
  numberValue: number | null;
  stringValue: string | null;
  booleanValue: boolean | null;
  unit: string | null;
  observedAt: string;
  subjectKind: SignalSubjectKind;
  subjectId: string;
}

export interface SourceSystem {
  /** A global id (see domain/ids/global-id.ts); derived from the tenant and the key, not stored. */
  id: string;
  key: string;
  name: string;
  kind: SourceSystemKind;
}

/** One page of a list, with the sort key of each item so the caller can make cursors. */
export interface Page<T> {
  items: Array<{ node: T; sortKey: Array<string | number | boolean | null> }>;
  hasNextPage: boolean;
  /** Only computed when asked for; null otherwise. */
  totalCount: number | null;
}
