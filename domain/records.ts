/**
 * The records integrators send to Relata, as plain data. GraphQL inputs, the demo data generator and
 * benchmarks all produce these; the ingest service validates and writes them.
 *
 * Every record is keyed by (tenant, sourceSystem, externalId): the tenant comes from the caller's token,
 * the other two from the record. Relationships name the other end by its external id (and source system,
 * which defaults to the record's own).
 */

export const SOURCE_SYSTEM_KINDS = [
  "CRM",
  "CALL_CENTER",
  "IOT",
  "MES",
  "FINANCE",
  "WEB",
  "ERP",
  "ECOMMERCE",
  "HIS",
  "LMS",
  "MARKETING",
  "SUPPORT",
  "OTHER",
] as const;
export type SourceSystemKind = (typeof SOURCE_SYSTEM_KINDS)[number];

export const BUYING_ROLES = [
  "DECISION_MAKER",
  "ECONOMIC_BUYER",
  "CHAMPION",
  "INFLUENCER",
  "TECHNICAL_EVALUATOR",
  "USER",
  "GATEKEEPER",
  "LEGAL",
  "PROCUREMENT",
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];

export const OPPORTUNITY_STAGES = [
  "PROSPECTING",
  "QUALIFICATION",
  "PROPOSAL",
  "NEGOTIATION",
  "CLOSED_WON",
  "CLOSED_LOST",
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** How urgent a support ticket is, in the source system's words mapped onto four levels. */
export const TICKET_PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const ORGANIZATION_KINDS = ["PARTNER", "SUPPLIER", "SERVICE_PROVIDER", "RESELLER"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/**
 * How an organization of the value network relates to an account. Each is a relationship type in the
 * graph, `(organization)-[:TYPE]->(account)`; this list is the whitelist Cypher may interpolate.
 */
export const NETWORK_RELATIONSHIPS = ["PARTNER_OF", "SUPPLIES", "SERVICES", "RESELLS_TO"] as const;
export type NetworkRelationship = (typeof NETWORK_RELATIONSHIPS)[number];

export const SIGNAL_SUBJECT_KINDS = ["ACCOUNT", "CONTACT", "ASSET"] as const;
export type SignalSubjectKind = (typeof SIGNAL_SUBJECT_KINDS)[number];

export interface SourceSystemRecord {
  /** The key integrators use for this system in every record, e.g. "salesforce" or "genesys-cc". */
  key: string;
  name: string;
  kind: SourceSystemKind;
}

export interface AccountRecord {
  sourceSystem: string;
  externalId: string;
  name: string;
  industry?: string | null;
  segment?: string | null;
  region?: string | null;
  /** In whole currency units (e.g. USD). */
  annualRevenue?: number | null;
  /** The user who owns the account (`(:User)-[:OWNS]->(:Account)`); null clears it. */
  owner?: UserRef | null;
}

/**
 * A user named by external id. User external ids are unique per tenant across source systems (they are
 * what a token's `sub` carries), so no source system is needed.
 */
export interface UserRef {
  externalId: string;
}

/** A team named by external id; its source system defaults to the referring record's. */
export interface TeamRef {
  externalId: string;
  sourceSystem?: string | null;
}

/**
 * How senior a user is. Playbooks and task routing may pick by it ("the most senior member of the team");
 * the order here is the order of seniority.
 */
export const SENIORITIES = ["JUNIOR", "MID", "SENIOR", "LEAD", "EXECUTIVE"] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** The roles a user may hold; the same names as token roles (resolvers/context.ts ROLES). */
export const USER_ROLES = ["admin", "analyst", "integrator", "viewer", "rep"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * A person who works with Relata (a sales lead, a service engineer, a compliance officer). Their
 * externalId is unique per tenant across source systems and is the `sub` of their tokens.
 */
export interface UserRecord {
  sourceSystem: string;
  externalId: string;
  name: string;
  email?: string | null;
  /** What the user may do; a token naming the user is capped by these (decision 0018). A set. */
  roles?: UserRole[] | null;
  team?: TeamRef | null;
  /** The user's manager (`REPORTS_TO`). */
  manager?: UserRef | null;
  seniority?: Seniority | null;
}

export interface TeamRecord {
  sourceSystem: string;
  externalId: string;
  name: string;
}

export interface AccountRef {
  externalId: string;
  /** Defaults to the referring record's source system. */
  sourceSystem?: string | null;
}

export interface ContactRecord {
  sourceSystem: string;
  externalId: string;
  account: AccountRef;
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  buyingRole?: BuyingRole | null;
}

export interface OpportunityRecord {
  sourceSystem: string;
  externalId: string;
  account: AccountRef;
  name: string;
  stage: OpportunityStage;
  /** In whole currency units. */
  amount?: number | null;
  currency?: string | null;
  /** ISO date, YYYY-MM-DD. */
  closeDate?: string | null;
}

export interface AssetRecord {
  sourceSystem: string;
  externalId: string;
  account: AccountRef;
  name: string;
  serialNumber?: string | null;
  model?: string | null;
  /** ISO date, YYYY-MM-DD. */
  installedOn?: string | null;
  /** Where the asset is in service, e.g. "EMEA" or "CN-East"; free text, compared exactly. */
  region?: string | null;
  /**
   * The production batch the asset (or its critical part, e.g. a battery cell) comes from, by its code.
   * Ingest links the asset to the tenant's `Batch` node of that code, creating it on first mention.
   */
  batch?: string | null;
}

export interface OrganizationLinkRecord {
  account: AccountRef;
  relationship: NetworkRelationship;
}

export interface OrganizationRecord {
  sourceSystem: string;
  externalId: string;
  name: string;
  kind: OrganizationKind;
  region?: string | null;
  /**
   * The regions this organization serves (e.g. as the service partner of a region), compared exactly with
   * assets' and accounts' regions. A set: stored sorted and without duplicates.
   */
  servesRegions?: string[] | null;
  /** The accounts this organization serves; replaces the organization's previous links. */
  links: OrganizationLinkRecord[];
}

export interface SignalSubjectRef {
  kind: SignalSubjectKind;
  externalId: string;
  /** Defaults to the signal's source system. */
  sourceSystem?: string | null;
}

/** Exactly one of the value fields is set. */
export interface SignalRecord {
  sourceSystem: string;
  /** The id of the record in its source system (ticket id, reading id, invoice id, ...). */
  recordId: string;
  /** The source field this observation is a value of, e.g. "csat_score" or "mtbf_hours". */
  field: string;
  numberValue?: number | null;
  stringValue?: string | null;
  booleanValue?: boolean | null;
  unit?: string | null;
  /** ISO-8601 instant. */
  observedAt: string;
  subject: SignalSubjectRef;
}

/** A contact named by external id; its source system defaults to the referring record's. */
export interface ContactRef {
  externalId: string;
  sourceSystem?: string | null;
}

/**
 * Who held a ticket for a while: a team or a user (exactly one), from when until when. A hold without
 * `until` lasts until the ticket was resolved (or is still running).
 */
export interface TicketAssignmentRecord {
  team?: TeamRef | null;
  user?: UserRef | null;
  /** ISO-8601 instant. */
  from: string;
  /** ISO-8601 instant; omitted or null: until the ticket was resolved, or still held. */
  until?: string | null;
}

/**
 * A support ticket (issue 17): which account raised it, when it was opened, first answered and resolved, and
 * who held it when, so that waiting time can be attributed to whoever held the ticket.
 */
export interface TicketRecord {
  sourceSystem: string;
  externalId: string;
  account: AccountRef;
  contact?: ContactRef | null;
  category?: string | null;
  priority?: TicketPriority | null;
  /** ISO-8601 instant. */
  openedAt: string;
  firstResponseAt?: string | null;
  resolvedAt?: string | null;
  /** The assignment history, in any order; replaces the stored history when sent. At most 100 holds. */
  assignments?: TicketAssignmentRecord[] | null;
}
