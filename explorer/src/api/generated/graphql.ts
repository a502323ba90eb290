/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Narrows the account list. Conditions combine with AND; list values with OR. */
export type AccountFilter = {
  industry?: Array<string> | null | undefined;
  minAnnualRevenue?: number | null | undefined;
  region?: Array<string> | null | undefined;
  /** Words the name must contain, as prefixes, through the full-text index ("acme hea"). */
  search?: string | null | undefined;
  segment?: Array<string> | null | undefined;
};

export type AnchorAggregation =
  | 'COUNT'
  | 'MEAN'
  | 'MEDIAN'
  | 'P90'
  | 'RATE'
  | 'SUM';

/** Whether the target is below (DECREASE) or above (INCREASE) the baseline. */
export type AnchorDirection =
  | 'DECREASE'
  | 'INCREASE';

/** Which records count; a list left out or null: any. */
export type AnchorFilterInput = {
  /** Ticket categories (tickets only). */
  categories?: Array<string> | null | undefined;
  industries?: Array<string> | null | undefined;
  /** Ticket priorities (tickets only). */
  priorities?: Array<string> | null | undefined;
  regions?: Array<string> | null | undefined;
  /** Account segments, e.g. ["Key Account"]. */
  segments?: Array<string> | null | undefined;
  /** The records' source systems. */
  sourceSystems?: Array<string> | null | undefined;
};

/** What a value anchor reads of each record (docs/value-anchors.md lists each with its population). */
export type AnchorMeasure =
  | 'AMOUNT'
  | 'COMPLETION_HOURS'
  | 'DONE'
  | 'FIRST_RESPONSE_HOURS'
  | 'RENEWED'
  | 'RESOLUTION_HOURS'
  | 'RESOLVED'
  | 'WON';

export type AnchorMetricInput = {
  aggregation: AnchorAggregation;
  filter?: AnchorFilterInput | null | undefined;
  measure: AnchorMeasure;
  population: AnchorPopulation;
};

/** The records a value anchor measures. */
export type AnchorPopulation =
  | 'ACCOUNTS'
  | 'OPPORTUNITIES'
  | 'TASKS'
  | 'TICKETS';

/** Where a value anchor stands (docs/value-anchors.md, Status). */
export type AnchorStatus =
  | 'AT_RISK'
  | 'MET'
  | 'MISSED'
  | 'ON_TRACK';

/** Who gets a task or review. */
export type AssigneeInput = {
  kind: AssigneeKind;
  organizationId?: string | null | undefined;
  relationship?: string | null | undefined;
  role?: string | null | undefined;
  /** The organization serving the firing's region. */
  servingRegion?: boolean | null | undefined;
  teamId?: string | null | undefined;
  userId?: string | null | undefined;
};

export type AssigneeKind =
  | 'ACCOUNT_OWNER'
  | 'ORGANIZATION'
  | 'ROLE'
  | 'TEAM'
  | 'USER';

/** A dimension of the graph a value anchor's miss is decomposed over. */
export type AttributionDimension =
  | 'ASSET_MODEL'
  | 'CATEGORY'
  | 'HOLDER'
  | 'MPU'
  | 'OWNER'
  | 'PARTNER'
  | 'PLAYBOOK'
  | 'REGION'
  | 'SOURCE_SYSTEM';

export type BenefitFormulaKind =
  /** base + rate × units, at most cap. */
  | 'LINEAR'
  /** base + each tier's rate × the units within it (marginal, like tax brackets), at most cap. */
  | 'TIERED';

export type BenefitKind =
  /** A monthly API call quota (whole calls). */
  | 'API_QUOTA'
  /** A subscription discount in percent (0 to 100, two decimals). */
  | 'DISCOUNT_PERCENT';

/** A contact's role in the buying committee. */
export type BuyingRole =
  | 'CHAMPION'
  | 'DECISION_MAKER'
  | 'ECONOMIC_BUYER'
  | 'GATEKEEPER'
  | 'INFLUENCER'
  | 'LEGAL'
  | 'PROCUREMENT'
  | 'TECHNICAL_EVALUATOR'
  | 'USER';

/** The kind of record a change is about. */
export type ChangeRecordType =
  | 'ACCOUNT'
  | 'ASSET'
  | 'CONSENT'
  | 'CONTACT'
  | 'CONTRACT'
  | 'HEALTH'
  | 'HEALTH_MODEL'
  | 'IDENTITY'
  | 'MANUAL_MEASURE'
  | 'MAPPING'
  | 'MPU'
  | 'MPU_EXPERIMENT'
  | 'MPU_USE'
  | 'ONTOLOGY_PACK'
  | 'OPPORTUNITY'
  | 'ORGANIZATION'
  | 'OUTCOME'
  | 'PERSON'
  | 'SIGNAL'
  | 'SOURCE_SYSTEM'
  | 'TEAM'
  | 'TICKET'
  | 'USER'
  | 'VALUE_ANCHOR';

/** What a change event records: a record created, updated, deleted or restored, or another write. */
export type ChangeType =
  | 'ACCOUNT_CREATED'
  | 'ACCOUNT_DELETED'
  | 'ACCOUNT_RESTORED'
  | 'ACCOUNT_UPDATED'
  | 'ASSET_CREATED'
  | 'ASSET_DELETED'
  | 'ASSET_RESTORED'
  | 'ASSET_UPDATED'
  | 'CONSENT_RECORDED'
  | 'CONTACT_CREATED'
  | 'CONTACT_DELETED'
  | 'CONTACT_RESTORED'
  | 'CONTACT_UPDATED'
  | 'CONTRACT_DEFINED'
  | 'CONTRACT_REVOKED'
  | 'CONTRACT_STATEMENT_ISSUED'
  | 'CONTRACT_USAGE_RECORDED'
  | 'HEALTH_GRADE_CHANGED'
  | 'HEALTH_MODEL_VERSION_SAVED'
  | 'HEALTH_SCORE_CHANGED'
  | 'IDENTITY_CREATED'
  | 'IDENTITY_MERGED'
  | 'IDENTITY_PAIR_DECIDED'
  | 'IDENTITY_RESOLVED'
  | 'IDENTITY_SPLIT'
  | 'IDENTITY_UPDATED'
  | 'MANUAL_MEASURE_DELETED'
  | 'MANUAL_MEASURE_RESTORED'
  | 'MANUAL_MEASURE_SET'
  | 'MAPPING_REMOVED'
  | 'MAPPING_SET'
  | 'MPU_CONFIRMED'
  | 'MPU_CREATED'
  | 'MPU_EXPERIMENT_CONCLUDED'
  | 'MPU_EXPERIMENT_STARTED'
  | 'MPU_EXPERIMENT_STOPPED'
  | 'MPU_PUBLISHED'
  | 'MPU_REJECTED'
  | 'MPU_RETIRED'
  | 'MPU_REVIEWED'
  | 'MPU_SUBMITTED'
  | 'MPU_UPDATED'
  | 'MPU_USE_APPLIED'
  | 'MPU_USE_RESOLVED'
  | 'MPU_VALIDATED'
  | 'ONTOLOGY_PACK_STORED'
  | 'OPPORTUNITY_CREATED'
  | 'OPPORTUNITY_DELETED'
  | 'OPPORTUNITY_RESTORED'
  | 'OPPORTUNITY_UPDATED'
  | 'ORGANIZATION_CREATED'
  | 'ORGANIZATION_DELETED'
  | 'ORGANIZATION_RESTORED'
  | 'ORGANIZATION_UPDATED'
  | 'OUTCOME_DELETED'
  | 'OUTCOME_RECORDED'
  | 'OUTCOME_RESTORED'
  | 'PERSON_ERASED'
  | 'SIGNAL_CREATED'
  | 'SIGNAL_DELETED'
  | 'SIGNAL_RESTORED'
  | 'SIGNAL_UPDATED'
  | 'SOURCE_SYSTEM_CREATED'
  | 'SOURCE_SYSTEM_UPDATED'
  | 'TEAM_CREATED'
  | 'TEAM_UPDATED'
  | 'TICKET_CREATED'
  | 'TICKET_UPDATED'
  | 'USER_CREATED'
  | 'USER_UPDATED'
  | 'VALUE_ANCHOR_DEFINED'
  | 'VALUE_ANCHOR_RECOMPUTED'
  | 'VALUE_ANCHOR_UPDATED';

/** How the consent was given or recorded. */
export type ConsentChannel =
  | 'API'
  | 'APP'
  | 'EMAIL'
  | 'IN_PERSON'
  | 'OTHER'
  | 'PAPER'
  | 'PHONE'
  | 'WEB_FORM';

/** A channel identity, by its channel and the channel's id. */
export type ConsentIdentityRefInput = {
  channel: string;
  externalId: string;
};

/** One consent record, keyed by (sourceSystem, externalId): sending it again unchanged is UNCHANGED, changed (e.g. withdrawnAt set) is UPDATED and appends a version. Name the person exactly once: personId, contactId (a contact resolved to a person) or identity. */
export type ConsentInput = {
  channel: ConsentChannel;
  contactId?: string | number | null | undefined;
  /** What the person agreed to, as shown to them (at most 2,000 characters). CONSENT needs text or URL. */
  evidenceText?: string | null | undefined;
  /** Where the proof is kept (an http(s) URL). */
  evidenceUrl?: string | null | undefined;
  /** When it lapses by itself. */
  expiresAt?: string | null | undefined;
  /** The consent record's id in that system; at most 200 characters. */
  externalId: string;
  /** ISO-8601 instant with a zone. */
  grantedAt: string;
  identity?: ConsentIdentityRefInput | null | undefined;
  legalBasis: LegalBasis;
  personId?: string | number | null | undefined;
  purpose: ConsentPurpose;
  /** The system the consent comes from (consent platform, web shop, CRM); at most 200 characters. */
  sourceSystem: string;
  /** When it was withdrawn; from then on it is not valid. */
  withdrawnAt?: string | null | undefined;
};

/** A purpose of processing a person's data; actions and exports that need one check it. */
export type ConsentPurpose =
  /** Their data in aggregate analysis and analytical exports. */
  | 'ANALYTICS'
  /** Automated decisions their data triggers (CREATE_TASK, OPEN_REVIEW). */
  | 'AUTOMATION'
  /** Handing their data to a third party (CALL_WEBHOOK). */
  | 'DATA_SHARING'
  /** Contacting the person about offers; intent signals about them (RAISE_INTENT_SIGNAL). */
  | 'MARKETING';

/** What is wrong at an entry of a contract's ledger. */
export type ContractLedgerProblemKind =
  /** An entry's content does not match its hash: it was changed after it was written. */
  | 'ALTERED'
  /** An entry does not hold its predecessor's hash: entries were reordered or rebuilt. */
  | 'BROKEN_LINK'
  /** An entry is missing: the numbers jump, or the ledger ends before the contract's head. */
  | 'GAP'
  /** The contract's head names another last entry than the ledger has. */
  | 'HEAD_MISMATCH'
  /** The contract's revocation disagrees with its ledger's REVOKE entry. */
  | 'STATE_MISMATCH'
  /** The contract's stored terms are not the ones its GRANT entry recorded. */
  | 'TERMS_MISMATCH';

/** A kind of customer data a value contract can grant. */
export type DataCategory =
  /** Orders, renewals, prices and payment behaviour. */
  | 'COMMERCIAL'
  /** Tickets, calls and satisfaction scores. */
  | 'SUPPORT'
  /** Machine and device data (IoT readings, battery health, error codes). */
  | 'TELEMETRY'
  /** How the customer uses the product (features, sessions, volumes). */
  | 'USAGE';

/** What granted data may be used for. */
export type DataPurpose =
  | 'ANALYTICS'
  | 'AUTOMATION'
  | 'BENCHMARKING'
  | 'PRODUCT_IMPROVEMENT';

/** What counts as a success for a unit between the experiment's start and its horizon. */
export type ExperimentOutcomeKind =
  /** A use of the unit under test on it succeeded. */
  | 'MPU_USE_SUCCEEDED'
  /** The opportunity (for an account: one of its opportunities) reached CLOSED_WON. */
  | 'OPPORTUNITY_WON'
  /** A signal of source field `field` about the (opportunity's) account arrived. */
  | 'SIGNAL_OBSERVED'
  /** It reached `stage` or a later stage of the pipeline (CLOSED_LOST counts only for itself). */
  | 'STAGE_REACHED';

/** What an MPU experiment assigns to its arms. */
export type ExperimentUnitKind =
  | 'ACCOUNT'
  | 'OPPORTUNITY';

/** The kind of record a graph node is. */
export type GraphNodeKind =
  | 'Account'
  | 'Asset'
  | 'Contact'
  | 'Opportunity'
  | 'Organization';

/** A relationship graph views follow: WORKS_AT (contact to account), FOR_ACCOUNT (opportunity), INSTALLED_AT (asset), and the value network's PARTNER_OF, SUPPLIES, SERVICES, RESELLS_TO (organization to account). */
export type GraphRelationship =
  | 'FOR_ACCOUNT'
  | 'INSTALLED_AT'
  | 'PARTNER_OF'
  | 'RESELLS_TO'
  | 'SERVICES'
  | 'SUPPLIES'
  | 'WORKS_AT';

export type HealthGroupBy =
  | 'INDUSTRY'
  | 'REGION'
  | 'SEGMENT';

export type IdentityDecidedBy =
  | 'MODEL'
  | 'PERSON'
  | 'RULE';

/** A person's decision about a pair: later runs keep SAME pairs together (must-link) and DIFFERENT apart. */
export type IdentityDecision =
  | 'DIFFERENT'
  | 'SAME';

/** What a channel identity stands for: a person (buyer, contact, patient) or an organization. */
export type IdentityEntity =
  | 'ORGANIZATION'
  | 'PERSON';

/** A source field (its source system's global id "src_…" and the field name) or a concept (its id, no field). */
export type ImpactTarget = {
  /** The field of the source system; empty for a concept. */
  field?: string | null | undefined;
  /** A source system's id ("src_…") or a concept id ("core:satisfaction"). */
  id: string | number;
};

/** The lawful basis: GDPR art. 6(1) (a)–(f), or the additional PIPL art. 13 bases (prefixed PIPL_). */
export type LegalBasis =
  | 'CONSENT'
  | 'CONTRACT'
  | 'LEGAL_OBLIGATION'
  | 'LEGITIMATE_INTERESTS'
  | 'PIPL_HUMAN_RESOURCES'
  | 'PIPL_PUBLICLY_DISCLOSED'
  | 'PIPL_PUBLIC_INTEREST_REPORTING'
  | 'PUBLIC_TASK'
  | 'VITAL_INTERESTS';

/** A computed value to trace: a node's global id, optionally a field of it and a point in time. An account id alone (or with field "health") is its health score; with a concept id as field ("core:satisfaction") that concept's value; a resolved customer id ("per_…") with a golden-record field ("fullName") that field; a value anchor id ("anc_…") with a day of the week as field ("2026-11-23") or `at` that week's point (no field, no at: the latest week with a value), as does a point's own id ("anchor-point:anc_…@2026-11-23"). */
export type LineageTarget = {
  /** For values fed by many records (an anchor point): list the records after this cursor, the nextRecordsAfter property of the previous answer's root node. Default: from the first record. */
  after?: string | null | undefined;
  /** ISO 8601 date-time: the value as it was then (the stored score that answered then). Default: the latest. */
  at?: string | null | undefined;
  /** The field of the node: "health", a concept id, a golden-record field. */
  field?: string | null | undefined;
  /** A global id, as node(id:) reads it (or a resolved customer's id). */
  id: string | number;
  /** At most this many nodes (1 to 1000, default 200); truncated says when more were left out. */
  maxNodes?: number | null | undefined;
  /** For health scores and concept values: the model (default "default"). */
  modelId?: string | number | null | undefined;
};

/** One step: MANUAL (notes, links to attachments) or AUTOMATION (a playbook action). */
export type MpuActionInput = {
  /** AUTOMATION: an action of the playbook schema. */
  action?: PlaybookActionInput | null | undefined;
  kind: MpuActionKind;
  /** MANUAL: http(s) links to attachments. */
  links?: Array<string> | null | undefined;
  /** MANUAL. */
  notes?: string | null | undefined;
  title: string;
};

export type MpuActionKind =
  | 'AUTOMATION'
  | 'MANUAL';

/** A circuit breaker: when it fires the use is BROKEN and an escalation task is opened. */
export type MpuBreakerInput = {
  /** Who gets the escalation task (ACCOUNT_OWNER, USER, ROLE or TEAM). */
  escalateTo: AssigneeInput;
  /** NO_SIGNAL: the field whose absence stops the use. */
  field?: string | null | undefined;
  kind: MpuBreakerKind;
  /** STAGE_REACHED: e.g. CLOSED_LOST. */
  stage?: OpportunityStage | null | undefined;
  /** The escalation task's title. */
  title: string;
  /** NO_SIGNAL: the deadline in hours. */
  withinHours?: number | null | undefined;
};

export type MpuBreakerKind =
  | 'NO_SIGNAL'
  | 'STAGE_REACHED';

export type MpuExperimentStatus =
  /** Stopped at or after its horizon. */
  | 'CONCLUDED'
  /** Outcomes are being observed; recommendations hide the unit from the CONTROL arm. */
  | 'RUNNING'
  /** Stopped before its horizon. */
  | 'STOPPED';

export type MpuExperimentVerdict =
  | 'NOT_ENOUGH_DATA'
  | 'NO_SIGNIFICANT_DIFFERENCE'
  | 'SIGNIFICANT_DROP'
  | 'SIGNIFICANT_LIFT';

/** Which units to list (only those you may see are listed). */
export type MpuFilterInput = {
  /** The author's external id (token subject), or `me`. */
  author?: string | null | undefined;
  /** Text in the title or a tag (any case). */
  search?: string | null | undefined;
  statuses?: Array<MpuStatus> | null | undefined;
  /** Only SUBMITTED units waiting for your review. */
  toReview?: boolean | null | undefined;
};

/** A micro-practice unit: situation, ordered steps, verification points, circuit breakers. */
export type MpuInput = {
  actions: Array<MpuActionInput>;
  breakers?: Array<MpuBreakerInput> | null | undefined;
  situation: Array<MpuSituationTagInput>;
  summary?: string | null | undefined;
  title: string;
  verifications: Array<MpuVerificationInput>;
};

export type MpuReviewVerdict =
  | 'APPROVE'
  | 'REJECT';

/** A situation the unit fits: a graph fact or an ontology concept. */
export type MpuSituationTagInput = {
  kind: MpuSituationTagKind;
  /** A required tag must match for the unit to be recommended. */
  required?: boolean | null | undefined;
  /** DEAL_STAGE: an opportunity stage; BUYER_ROLE: a buying role; CONCEPT: a concept id. */
  value: string;
};

export type MpuSituationTagKind =
  | 'BUYER_ROLE'
  | 'CONCEPT'
  | 'DEAL_STAGE'
  | 'HEALTH_GRADE'
  | 'INDUSTRY'
  | 'SEGMENT';

export type MpuStatus =
  /** Being written; visible to its author and tenant admins only. */
  | 'DRAFT'
  /** Recommended for accounts in the same situation; may be applied. */
  | 'PUBLISHED'
  /** A reviewer rejected it (rejectedReason); the author revises and resubmits. */
  | 'REJECTED'
  /** No longer recommended or applied; kept for the record. */
  | 'RETIRED'
  /** Waiting for reviews and a customer confirmation; also visible to eligible reviewers. */
  | 'SUBMITTED'
  /** Passed the gate; visible to everyone, to be published. */
  | 'VALIDATED';

/** A verification point: what proves the unit worked, within withinHours of applying it. */
export type MpuVerificationInput = {
  /** SIGNAL: the source field, e.g. tech_dept_reply. */
  field?: string | null | undefined;
  kind: MpuVerificationKind;
  /** STAGE_REACHED. */
  stage?: OpportunityStage | null | undefined;
  /** TASK_OUTCOME: the task template. */
  template?: string | null | undefined;
  /** TASK_OUTCOME: the verdict required, if any. */
  verdict?: string | null | undefined;
  /** From one minute (0.0167) to 8760 hours. */
  withinHours: number;
};

export type MpuVerificationKind =
  | 'SIGNAL'
  | 'STAGE_REACHED'
  | 'TASK_OUTCOME';

/** How an organization of the value network relates to an account. */
export type NetworkRelationship =
  | 'PARTNER_OF'
  | 'RESELLS_TO'
  | 'SERVICES'
  | 'SUPPLIES';

export type OpportunityStage =
  | 'CLOSED_LOST'
  | 'CLOSED_WON'
  | 'NEGOTIATION'
  | 'PROPOSAL'
  | 'PROSPECTING'
  | 'QUALIFICATION';

export type OrganizationKind =
  | 'PARTNER'
  | 'RESELLER'
  | 'SERVICE_PROVIDER'
  | 'SUPPLIER';

/** What a playbook does; the fields a kind takes are in docs/automation.md. */
export type PlaybookActionInput = {
  /** CREATE_TASK, OPEN_REVIEW. */
  assignee?: AssigneeInput | null | undefined;
  /** CREATE_TASK, OPEN_REVIEW: 0-365. */
  dueInDays?: number | null | undefined;
  /** CALL_WEBHOOK: a registered endpoint's id. */
  endpointId?: string | null | undefined;
  /** FLAG_RECORDS. */
  flag?: string | null | undefined;
  /** RAISE_INTENT_SIGNAL. */
  intent?: string | null | undefined;
  kind: PlaybookActionKind;
  /** FLAG_RECORDS. */
  note?: string | null | undefined;
  /** OPEN_REVIEW, e.g. compliance-pre-review. */
  reviewType?: string | null | undefined;
  /** RAISE_INTENT_SIGNAL: 0..1. */
  strength?: number | null | undefined;
  /** FLAG_RECORDS: ACCOUNT, ASSET or BATCH. */
  target?: string | null | undefined;
  /** CREATE_TASK. */
  template?: string | null | undefined;
  /** CREATE_TASK, OPEN_REVIEW. */
  title?: string | null | undefined;
};

export type PlaybookActionKind =
  | 'CALL_WEBHOOK'
  | 'CREATE_TASK'
  | 'FLAG_RECORDS'
  | 'OPEN_REVIEW'
  | 'RAISE_INTENT_SIGNAL';

export type PlaybookStatus =
  /** Runs on change events committed since it was activated. */
  | 'ACTIVE'
  /** Saved, not running. */
  | 'DRAFT'
  /** Not running; pausedReason says why (a person, or the failure breaker). */
  | 'PAUSED'
  /** Kept for the record; cannot be changed or activated again. */
  | 'RETIRED';

export type ProposalStatus =
  | 'CONFIRMED'
  | 'PENDING'
  | 'REJECTED';

export type ReceiptStatus =
  | 'ACKNOWLEDGED'
  | 'UNACKNOWLEDGED';

/** What an upsert did to one record. */
export type RecordStatus =
  | 'CREATED'
  | 'UNCHANGED'
  | 'UPDATED';

/** PERSON: a resolved human. ACCOUNT: an existing account. ORGANIZATION: an organization known only from channels. */
export type ResolvedCustomerKind =
  | 'ACCOUNT'
  | 'ORGANIZATION'
  | 'PERSON';

export type SignificanceTest =
  /** Fisher's exact test, two-sided (used when an expected cell count is below 5). */
  | 'FISHER_EXACT'
  /** Two-proportion z-test, pooled, two-sided, no continuity correction. */
  | 'Z_TEST';

/** Who a task is for. ACCOUNT_OWNER resolves to the owner of the account (a USER) when the task is made. */
export type TaskAssigneeKind =
  | 'ACCOUNT_OWNER'
  | 'ORGANIZATION'
  | 'ROLE'
  | 'TEAM'
  | 'USER';

export type TaskFilter = {
  accountId?: string | number | null | undefined;
  /** Tasks assigned to this user (id = token subject). */
  assigneeUserId?: string | number | null | undefined;
  /** ISO 8601 instant: tasks due before it. */
  dueBefore?: string | null | undefined;
  organizationId?: string | number | null | undefined;
  playbookId?: string | number | null | undefined;
  status?: TaskStatus | null | undefined;
  teamId?: string | number | null | undefined;
};

/** TASK: something to do. REVIEW: a review that records a verdict. */
export type TaskKind =
  | 'REVIEW'
  | 'TASK';

export type TaskStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'OPEN';

/** Whole weeks (Monday to Sunday, UTC) ending before the week of `to`. */
export type UsagePeriodInput = {
  /** ISO 8601 date-time; the period ends before its week (default now). */
  to?: string | null | undefined;
  /** How many weeks (2 to 52, default 4). */
  weeks?: number | null | undefined;
};

/** A value anchor: one measurable target with its deadline. */
export type ValueAnchorInput = {
  /** Whole weeks before today the baseline covers (1–26, default 4). */
  baselineWeeks?: number | null | undefined;
  /** YYYY-MM-DD (UTC), today or later. */
  deadline: string;
  description?: string | null | undefined;
  direction: AnchorDirection;
  /** Weeks of history backfilled (1–104, default 26). */
  historyWeeks?: number | null | undefined;
  metric: AnchorMetricInput;
  name: string;
  /** The owning user's external id; defaults to the caller. */
  owner?: string | null | undefined;
  target: number;
};

/** Fields of a value anchor to change; the others stay. A new version is stored. */
export type ValueAnchorUpdateInput = {
  baselineWeeks?: number | null | undefined;
  deadline?: string | null | undefined;
  description?: string | null | undefined;
  direction?: AnchorDirection | null | undefined;
  historyWeeks?: number | null | undefined;
  /** A new metric also recomputes the baseline. */
  metric?: AnchorMetricInput | null | undefined;
  name?: string | null | undefined;
  owner?: string | null | undefined;
  target?: number | null | undefined;
};

export type ValueContractStatus =
  | 'ACTIVE'
  | 'REVOKED';

export type AnchorPointFieldsFragment = { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null };

export type ValueAnchorFieldsFragment = { id: string, name: string, description: string | null, owner: string, version: number, definitionHash: string, metricHash: string, target: number, direction: AnchorDirection, deadline: string, historyWeeks: number, createdBy: string, status: AnchorStatus, statusReason: string, metric: { population: AnchorPopulation, measure: AnchorMeasure, aggregation: AnchorAggregation, description: string, filter: { segments: Array<string> | null, industries: Array<string> | null, regions: Array<string> | null, categories: Array<string> | null, priorities: Array<string> | null, sourceSystems: Array<string> | null } }, baseline: { value: number | null, n: number, from: string, to: string }, projection: { valueAtDeadline: number | null, slopePerWeek: number, pointsUsed: number, method: string }, latest: { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null } | null };

export type DefineValueAnchorMutationVariables = Exact<{
  input: ValueAnchorInput;
}>;


export type DefineValueAnchorMutation = { defineValueAnchor: { id: string, name: string, description: string | null, owner: string, version: number, definitionHash: string, metricHash: string, target: number, direction: AnchorDirection, deadline: string, historyWeeks: number, createdBy: string, status: AnchorStatus, statusReason: string, series: Array<{ weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null }>, metric: { population: AnchorPopulation, measure: AnchorMeasure, aggregation: AnchorAggregation, description: string, filter: { segments: Array<string> | null, industries: Array<string> | null, regions: Array<string> | null, categories: Array<string> | null, priorities: Array<string> | null, sourceSystems: Array<string> | null } }, baseline: { value: number | null, n: number, from: string, to: string }, projection: { valueAtDeadline: number | null, slopePerWeek: number, pointsUsed: number, method: string }, latest: { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null } | null } };

export type UpdateValueAnchorMutationVariables = Exact<{
  id: string | number;
  input: ValueAnchorUpdateInput;
}>;


export type UpdateValueAnchorMutation = { updateValueAnchor: { id: string, name: string, description: string | null, owner: string, version: number, definitionHash: string, metricHash: string, target: number, direction: AnchorDirection, deadline: string, historyWeeks: number, createdBy: string, status: AnchorStatus, statusReason: string, metric: { population: AnchorPopulation, measure: AnchorMeasure, aggregation: AnchorAggregation, description: string, filter: { segments: Array<string> | null, industries: Array<string> | null, regions: Array<string> | null, categories: Array<string> | null, priorities: Array<string> | null, sourceSystems: Array<string> | null } }, baseline: { value: number | null, n: number, from: string, to: string }, projection: { valueAtDeadline: number | null, slopePerWeek: number, pointsUsed: number, method: string }, latest: { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null } | null } };

export type RecomputeValueAnchorMutationVariables = Exact<{
  id: string | number;
}>;


export type RecomputeValueAnchorMutation = { recomputeValueAnchor: { id: string, name: string, description: string | null, owner: string, version: number, definitionHash: string, metricHash: string, target: number, direction: AnchorDirection, deadline: string, historyWeeks: number, createdBy: string, status: AnchorStatus, statusReason: string, metric: { population: AnchorPopulation, measure: AnchorMeasure, aggregation: AnchorAggregation, description: string, filter: { segments: Array<string> | null, industries: Array<string> | null, regions: Array<string> | null, categories: Array<string> | null, priorities: Array<string> | null, sourceSystems: Array<string> | null } }, baseline: { value: number | null, n: number, from: string, to: string }, projection: { valueAtDeadline: number | null, slopePerWeek: number, pointsUsed: number, method: string }, latest: { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null } | null } };

export type ValueAnchorsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ValueAnchorsQuery = { valueAnchors: Array<{ id: string, name: string, description: string | null, owner: string, version: number, definitionHash: string, metricHash: string, target: number, direction: AnchorDirection, deadline: string, historyWeeks: number, createdBy: string, status: AnchorStatus, statusReason: string, metric: { population: AnchorPopulation, measure: AnchorMeasure, aggregation: AnchorAggregation, description: string, filter: { segments: Array<string> | null, industries: Array<string> | null, regions: Array<string> | null, categories: Array<string> | null, priorities: Array<string> | null, sourceSystems: Array<string> | null } }, baseline: { value: number | null, n: number, from: string, to: string }, projection: { valueAtDeadline: number | null, slopePerWeek: number, pointsUsed: number, method: string }, latest: { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null } | null }> };

export type ValueAnchorQueryVariables = Exact<{
  id: string | number;
  top?: number;
  weeks?: number;
  dimensions?: Array<AttributionDimension> | AttributionDimension | null | undefined;
}>;


export type ValueAnchorQuery = { valueAnchor: { id: string, name: string, description: string | null, owner: string, version: number, definitionHash: string, metricHash: string, target: number, direction: AnchorDirection, deadline: string, historyWeeks: number, createdBy: string, status: AnchorStatus, statusReason: string, series: Array<{ weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null }>, attribution: { method: string, current: number | null, target: number, total: number, items: number, missing: number, from: string, to: string, note: string | null, groups: Array<{ dimension: AttributionDimension, key: string, label: string, share: number, populationShare: number, contribution: number, items: number, recordIds: Array<string>, finding: string }> }, metric: { population: AnchorPopulation, measure: AnchorMeasure, aggregation: AnchorAggregation, description: string, filter: { segments: Array<string> | null, industries: Array<string> | null, regions: Array<string> | null, categories: Array<string> | null, priorities: Array<string> | null, sourceSystems: Array<string> | null } }, baseline: { value: number | null, n: number, from: string, to: string }, projection: { valueAtDeadline: number | null, slopePerWeek: number, pointsUsed: number, method: string }, latest: { weekStart: string, value: number | null, n: number, anchorVersion: number, metricHash: string, population: string, recordIds: Array<string> | null } | null } };

export type AnchorEffectQueryVariables = Exact<{
  anchorId: string | number;
  playbookId?: string | number | null | undefined;
  mpuId?: string | number | null | undefined;
  weeks?: number;
}>;


export type AnchorEffectQuery = { anchorEffect: { anchorId: string, subjectKind: string, subjectId: string, weeks: number, difference: number | null, low: number | null, high: number | null, treatedChange: number | null, controlChange: number | null, treatedAccounts: number, controlAccounts: number, controlPivot: string | null, improved: boolean, from: string, to: string, note: string | null } };

export type ExplorerContractFieldsFragment = { id: string, accountId: string, title: string | null, status: ValueContractStatus, period: string, definitionHash: string, createdAt: string, createdBy: string, revokedAt: string | null, revokedReason: string | null, ledgerSeq: number, ledgerHash: string, grant: { categories: Array<DataCategory>, purposes: Array<DataPurpose>, anonymisedOnly: boolean, startsAt: string, endsAt: string | null }, benefit: { kind: BenefitKind, formula: { kind: BenefitFormulaKind, base: number, rate: number | null, cap: number | null, tiers: Array<{ fromUnits: number, rate: number }> | null } } };

export type ExplorerContractsQueryVariables = Exact<{
  accountId?: string | number | null | undefined;
  first?: number | null | undefined;
}>;


export type ExplorerContractsQuery = { valueContracts: { totalCount: number, edges: Array<{ node: { id: string, accountId: string, title: string | null, status: ValueContractStatus, period: string, definitionHash: string, createdAt: string, createdBy: string, revokedAt: string | null, revokedReason: string | null, ledgerSeq: number, ledgerHash: string, grant: { categories: Array<DataCategory>, purposes: Array<DataPurpose>, anonymisedOnly: boolean, startsAt: string, endsAt: string | null }, benefit: { kind: BenefitKind, formula: { kind: BenefitFormulaKind, base: number, rate: number | null, cap: number | null, tiers: Array<{ fromUnits: number, rate: number }> | null } } } }> } };

export type ExplorerContractQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type ExplorerContractQuery = { valueContract: { id: string, accountId: string, title: string | null, status: ValueContractStatus, period: string, definitionHash: string, createdAt: string, createdBy: string, revokedAt: string | null, revokedReason: string | null, ledgerSeq: number, ledgerHash: string, grant: { categories: Array<DataCategory>, purposes: Array<DataPurpose>, anonymisedOnly: boolean, startsAt: string, endsAt: string | null }, benefit: { kind: BenefitKind, formula: { kind: BenefitFormulaKind, base: number, rate: number | null, cap: number | null, tiers: Array<{ fromUnits: number, rate: number }> | null } } }, valueContractLedger: Array<{ seq: number, at: string, kind: string, actor: string, period: string | null, payloadText: string, prevHash: string, hash: string }> };

export type ExplorerVerifyContractLedgerQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerVerifyContractLedgerQuery = { verifyContractLedger: { ok: boolean, checkedEntries: number, headSeq: number, firstProblem: { seq: number, kind: ContractLedgerProblemKind, message: string } | null } };

export type ExplorerRevokeContractMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ExplorerRevokeContractMutation = { revokeValueContract: { id: string, accountId: string, title: string | null, status: ValueContractStatus, period: string, definitionHash: string, createdAt: string, createdBy: string, revokedAt: string | null, revokedReason: string | null, ledgerSeq: number, ledgerHash: string, grant: { categories: Array<DataCategory>, purposes: Array<DataPurpose>, anonymisedOnly: boolean, startsAt: string, endsAt: string | null }, benefit: { kind: BenefitKind, formula: { kind: BenefitFormulaKind, base: number, rate: number | null, cap: number | null, tiers: Array<{ fromUnits: number, rate: number }> | null } } } };

export type ExplorerRecentChangesQueryVariables = Exact<{
  before?: string | null | undefined;
  types?: Array<ChangeType> | ChangeType | null | undefined;
  first: number;
}>;


export type ExplorerRecentChangesQuery = { recentChanges: { endCursor: string, hasMore: boolean, headCursor: string, events: Array<{ id: string, sequence: number, type: ChangeType, recordType: ChangeRecordType, recordId: string, externalId: string | null, sourceSystem: string | null, actor: string, at: string, changes: Array<{ field: string, old: unknown, new: unknown, personal: boolean, erased: boolean }> }> } };

export type ExplorerExperimentFieldsFragment = { id: string, mpuId: string, status: MpuExperimentStatus, split: number, startedAt: string, horizon: string, interimLooks: Array<number>, stoppedAt: string | null, controlCount: number, treatmentCount: number, excludedCount: number, population: { unit: ExperimentUnitKind, segments: Array<string>, industries: Array<string>, regions: Array<string>, stages: Array<OpportunityStage>, openOnly: boolean }, primaryOutcome: { kind: ExperimentOutcomeKind, stage: OpportunityStage | null, field: string | null } };

export type ExplorerMpuExperimentQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerMpuExperimentQuery = { mpuExperiment: { absoluteLift: number | null, relativeLift: number | null, test: SignificanceTest | null, pValue: number | null, minExpectedCellCount: number, verdict: MpuExperimentVerdict, summary: string, horizonPassed: boolean, observedUntil: string, experiment: { id: string, mpuId: string, status: MpuExperimentStatus, split: number, startedAt: string, horizon: string, interimLooks: Array<number>, stoppedAt: string | null, controlCount: number, treatmentCount: number, excludedCount: number, population: { unit: ExperimentUnitKind, segments: Array<string>, industries: Array<string>, regions: Array<string>, stages: Array<OpportunityStage>, openOnly: boolean }, primaryOutcome: { kind: ExperimentOutcomeKind, stage: OpportunityStage | null, field: string | null } }, control: { n: number, successes: number, rate: number | null }, treatment: { n: number, successes: number, rate: number | null }, absoluteLiftInterval: { lower: number, upper: number } | null, relativeLiftInterval: { lower: number, upper: number } | null, bound: { look: number, looks: number, nominalAlpha: number } | null } };

export type ExplorerMpuExperimentsQueryVariables = Exact<{
  mpuId: string | number;
}>;


export type ExplorerMpuExperimentsQuery = { mpuExperiments: Array<{ id: string, mpuId: string, status: MpuExperimentStatus, split: number, startedAt: string, horizon: string, interimLooks: Array<number>, stoppedAt: string | null, controlCount: number, treatmentCount: number, excludedCount: number, population: { unit: ExperimentUnitKind, segments: Array<string>, industries: Array<string>, regions: Array<string>, stages: Array<OpportunityStage>, openOnly: boolean }, primaryOutcome: { kind: ExperimentOutcomeKind, stage: OpportunityStage | null, field: string | null } }> };

export type ExplorerNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  depth?: number | null | undefined;
  types?: Array<GraphRelationship> | GraphRelationship | null | undefined;
  first?: number | null | undefined;
}>;


export type ExplorerNeighbourhoodQuery = { neighbourhood: { totalCount: number, center: { id: string, kind: GraphNodeKind, label: string, degree: number, distance: number }, nodes: Array<{ id: string, kind: GraphNodeKind, label: string, degree: number, distance: number }>, edges: Array<{ id: string, source: string, target: string, type: GraphRelationship }> } | null };

export type ExplorerPathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  maxLength?: number | null | undefined;
  types?: Array<GraphRelationship> | GraphRelationship | null | undefined;
  first?: number | null | undefined;
}>;


export type ExplorerPathsQuery = { paths: Array<{ length: number, nodes: Array<{ id: string, kind: GraphNodeKind, label: string, degree: number, distance: number }>, edges: Array<{ id: string, source: string, target: string, type: GraphRelationship }> }> };

export type ExplorerGraphNodeFragment = { id: string, kind: GraphNodeKind, label: string, degree: number, distance: number };

export type ExplorerGraphEdgeFragment = { id: string, source: string, target: string, type: GraphRelationship };

export type ExplorerHealthOverviewQueryVariables = Exact<{
  groupBy: HealthGroupBy;
  atRisk: number;
}>;


export type ExplorerHealthOverviewQuery = { healthDistribution: Array<{ group: string | null, accounts: number, scored: number, mean: number | null, p10: number | null, p25: number | null, p50: number | null, p75: number | null, p90: number | null, grades: Array<{ grade: string, count: number }> }>, atRiskAccounts: { totalCount: number, edges: Array<{ node: { account: { id: string, name: string, industry: string | null, segment: string | null, region: string | null, health: { drivers: Array<{ conceptId: string, direction: string, impact: number }> } | null }, health: { score: number | null, grade: string | null, confidence: number } } }> } };

export type ExplorerIdentityFieldsFragment = { id: string, channel: string, externalId: string, observedAt: string | null, recordId: string | null, resolvedCustomerId: string | null, attributes: { fullName: string | null, givenName: string | null, familyName: string | null, companyName: string | null, domain: string | null, emails: Array<string> | null, phones: Array<string> | null, dateOfBirth: string | null, address: { lines: Array<string> | null, locality: string | null, postcode: string | null, country: string | null } | null } };

export type ExplorerLinkFieldFieldsFragment = { field: string, level: string, levelIndex: number, weight: number };

export type ExplorerResolvedCustomerFieldsFragment = { id: string, kind: ResolvedCustomerKind, entity: IdentityEntity, accountIds: Array<string>, modelVersion: number, identities: Array<{ id: string, channel: string, externalId: string, observedAt: string | null, recordId: string | null, resolvedCustomerId: string | null, attributes: { fullName: string | null, givenName: string | null, familyName: string | null, companyName: string | null, domain: string | null, emails: Array<string> | null, phones: Array<string> | null, dateOfBirth: string | null, address: { lines: Array<string> | null, locality: string | null, postcode: string | null, country: string | null } | null } }>, links: Array<{ a: string, b: string, totalWeight: number | null, probability: number | null, modelVersion: number | null, decidedBy: IdentityDecidedBy, rule: string | null, at: string, actor: string | null, fields: Array<{ field: string, level: string, levelIndex: number, weight: number }> }>, goldenRecord: Array<{ field: string, value: unknown, identityId: string, channel: string, rule: string }> };

export type ExplorerResolvedCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerResolvedCustomerQuery = { resolvedCustomer: { id: string, kind: ResolvedCustomerKind, entity: IdentityEntity, accountIds: Array<string>, modelVersion: number, identities: Array<{ id: string, channel: string, externalId: string, observedAt: string | null, recordId: string | null, resolvedCustomerId: string | null, attributes: { fullName: string | null, givenName: string | null, familyName: string | null, companyName: string | null, domain: string | null, emails: Array<string> | null, phones: Array<string> | null, dateOfBirth: string | null, address: { lines: Array<string> | null, locality: string | null, postcode: string | null, country: string | null } | null } }>, links: Array<{ a: string, b: string, totalWeight: number | null, probability: number | null, modelVersion: number | null, decidedBy: IdentityDecidedBy, rule: string | null, at: string, actor: string | null, fields: Array<{ field: string, level: string, levelIndex: number, weight: number }> }>, goldenRecord: Array<{ field: string, value: unknown, identityId: string, channel: string, rule: string }> } };

export type ExplorerIdentityReviewQueueQueryVariables = Exact<{
  entity: IdentityEntity;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExplorerIdentityReviewQueueQuery = { identityReviewQueue: { endCursor: string | null, hasNextPage: boolean, pairs: Array<{ aId: string, bId: string, at: string, probability: number, totalWeight: number | null, modelVersion: number | null, fields: Array<{ field: string, level: string, levelIndex: number, weight: number }>, a: { id: string, channel: string, externalId: string, observedAt: string | null, recordId: string | null, resolvedCustomerId: string | null, attributes: { fullName: string | null, givenName: string | null, familyName: string | null, companyName: string | null, domain: string | null, emails: Array<string> | null, phones: Array<string> | null, dateOfBirth: string | null, address: { lines: Array<string> | null, locality: string | null, postcode: string | null, country: string | null } | null } } | null, b: { id: string, channel: string, externalId: string, observedAt: string | null, recordId: string | null, resolvedCustomerId: string | null, attributes: { fullName: string | null, givenName: string | null, familyName: string | null, companyName: string | null, domain: string | null, emails: Array<string> | null, phones: Array<string> | null, dateOfBirth: string | null, address: { lines: Array<string> | null, locality: string | null, postcode: string | null, country: string | null } | null } } | null }> } };

export type ExplorerSplitIdentityMutationVariables = Exact<{
  identityId: string | number;
  reason: string;
}>;


export type ExplorerSplitIdentityMutation = { splitIdentity: { moved: number, resolvedCustomers: Array<{ id: string, kind: ResolvedCustomerKind, entity: IdentityEntity, accountIds: Array<string>, modelVersion: number, identities: Array<{ id: string, channel: string, externalId: string, observedAt: string | null, recordId: string | null, resolvedCustomerId: string | null, attributes: { fullName: string | null, givenName: string | null, familyName: string | null, companyName: string | null, domain: string | null, emails: Array<string> | null, phones: Array<string> | null, dateOfBirth: string | null, address: { lines: Array<string> | null, locality: string | null, postcode: string | null, country: string | null } | null } }>, links: Array<{ a: string, b: string, totalWeight: number | null, probability: number | null, modelVersion: number | null, decidedBy: IdentityDecidedBy, rule: string | null, at: string, actor: string | null, fields: Array<{ field: string, level: string, levelIndex: number, weight: number }> }>, goldenRecord: Array<{ field: string, value: unknown, identityId: string, channel: string, rule: string }> }> } };

export type ExplorerDecideIdentityPairMutationVariables = Exact<{
  a: string | number;
  b: string | number;
  decision: IdentityDecision;
  reason: string;
}>;


export type ExplorerDecideIdentityPairMutation = { decideIdentityPair: { moved: number } };

export type ExplorerMpuFieldsFragment = { id: string, status: MpuStatus, title: string, version: number, authorSubject: string, updatedAt: string, rejectedReason: string | null, situation: Array<{ kind: MpuSituationTagKind, value: string, required: boolean }>, actions: Array<{ kind: MpuActionKind, title: string }>, gate: { approvals: number, requiredReviews: number, confirmed: boolean, passed: boolean } };

export type ExplorerMpusQueryVariables = Exact<{
  filter?: MpuFilterInput | null | undefined;
  first?: number | null | undefined;
}>;


export type ExplorerMpusQuery = { mpus: Array<{ id: string, status: MpuStatus, title: string, version: number, authorSubject: string, updatedAt: string, rejectedReason: string | null, situation: Array<{ kind: MpuSituationTagKind, value: string, required: boolean }>, actions: Array<{ kind: MpuActionKind, title: string }>, gate: { approvals: number, requiredReviews: number, confirmed: boolean, passed: boolean } }> };

export type ExplorerCreateMpuMutationVariables = Exact<{
  input: MpuInput;
}>;


export type ExplorerCreateMpuMutation = { createMpu: { id: string, status: MpuStatus, title: string, version: number, authorSubject: string, updatedAt: string, rejectedReason: string | null, situation: Array<{ kind: MpuSituationTagKind, value: string, required: boolean }>, actions: Array<{ kind: MpuActionKind, title: string }>, gate: { approvals: number, requiredReviews: number, confirmed: boolean, passed: boolean } } };

export type ExplorerSubmitMpuMutationVariables = Exact<{
  id: string | number;
}>;


export type ExplorerSubmitMpuMutation = { submitMpu: { id: string, status: MpuStatus, title: string, version: number, authorSubject: string, updatedAt: string, rejectedReason: string | null, situation: Array<{ kind: MpuSituationTagKind, value: string, required: boolean }>, actions: Array<{ kind: MpuActionKind, title: string }>, gate: { approvals: number, requiredReviews: number, confirmed: boolean, passed: boolean } } };

export type ExplorerReviewMpuMutationVariables = Exact<{
  id: string | number;
  rating: number;
  comment: string;
  verdict: MpuReviewVerdict;
  reason?: string | null | undefined;
}>;


export type ExplorerReviewMpuMutation = { reviewMpu: { id: string, status: MpuStatus, title: string, version: number, authorSubject: string, updatedAt: string, rejectedReason: string | null, situation: Array<{ kind: MpuSituationTagKind, value: string, required: boolean }>, actions: Array<{ kind: MpuActionKind, title: string }>, gate: { approvals: number, requiredReviews: number, confirmed: boolean, passed: boolean } } };

export type ExplorerOntologiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ExplorerOntologiesQuery = { ontologies: Array<{ pack: string, version: string, title: string, conceptCount: number, mappingCount: number, titleZh: string }> };

export type ExplorerPackConceptsQueryVariables = Exact<{
  pack: string | number;
  first: number;
}>;


export type ExplorerPackConceptsQuery = { concepts: { totalCount: number, edges: Array<{ node: { id: string, prefLabel: string, prefLabelZh: string, broader: Array<{ id: string }> } }> } };

export type ExplorerConceptQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerConceptQuery = { concept: { id: string, pack: string, prefLabel: string, definition: string | null, prefLabelZh: string, labels: Array<{ lang: string, value: string, preferred: boolean }>, mappings: Array<{ system: string, field: string, polarity: string, weight: number }> } | null };

export type ExplorerBridgeQueryVariables = Exact<{
  system: string;
  field: string;
}>;


export type ExplorerBridgeQuery = { bridge: Array<{ concept: { id: string, prefLabel: string, prefLabelZh: string }, paths: Array<{ concepts: Array<{ id: string, prefLabel: string, prefLabelZh: string }> }> }> };

export type ExplorerPlaybookStatsFragment = { firings: number, tasks: number, tasksCompletedInTime: number, proposalsPending: number, proposalsConfirmed: number, proposalsRejected: number, feedbackMet: number, feedbackMissed: number, feedbackPending: number, successRate: number | null };

export type ExplorerPlaybooksQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ExplorerPlaybooksQuery = { playbooks: { endCursor: string | null, hasMore: boolean, playbooks: Array<{ id: string, name: string, status: PlaybookStatus, currentVersion: number, ownerUserId: string, pausedReason: string | null, stats: { firings: number, tasks: number, tasksCompletedInTime: number, proposalsPending: number, proposalsConfirmed: number, proposalsRejected: number, feedbackMet: number, feedbackMissed: number, feedbackPending: number, successRate: number | null } }> } };

export type ExplorerPlaybookQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerPlaybookQuery = { playbook: { id: string, name: string, status: PlaybookStatus, currentVersion: number, ownerUserId: string, pausedReason: string | null, consecutiveFailures: number, definition: unknown, stats: { firings: number, tasks: number, tasksCompletedInTime: number, proposalsPending: number, proposalsConfirmed: number, proposalsRejected: number, feedbackMet: number, feedbackMissed: number, feedbackPending: number, successRate: number | null }, versions: Array<{ version: number, savedAt: string, savedBy: string }>, firings: Array<{ id: string, firedAt: string, subject: string, outcome: string, outcomeReason: string | null, accountIds: Array<string>, region: string | null, batchCodes: Array<string>, basis: unknown }> } };

export type ExplorerTaskFieldsFragment = { id: string, kind: TaskKind, title: string, template: string, reviewType: string | null, status: TaskStatus, dueAt: string | null, createdAt: string, completedAt: string | null, completedBy: string | null, verdict: string | null, note: string | null, accountIds: Array<string>, playbookId: string | null, playbookVersion: number | null, assignee: { kind: TaskAssigneeKind, requested: TaskAssigneeKind, id: string | null, role: string | null } };

export type ExplorerMyTasksQueryVariables = Exact<{
  status?: TaskStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ExplorerMyTasksQuery = { myTasks: { items: Array<{ id: string, kind: TaskKind, title: string, template: string, reviewType: string | null, status: TaskStatus, dueAt: string | null, createdAt: string, completedAt: string | null, completedBy: string | null, verdict: string | null, note: string | null, accountIds: Array<string>, playbookId: string | null, playbookVersion: number | null, assignee: { kind: TaskAssigneeKind, requested: TaskAssigneeKind, id: string | null, role: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExplorerTasksQueryVariables = Exact<{
  filter?: TaskFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ExplorerTasksQuery = { tasks: { items: Array<{ id: string, kind: TaskKind, title: string, template: string, reviewType: string | null, status: TaskStatus, dueAt: string | null, createdAt: string, completedAt: string | null, completedBy: string | null, verdict: string | null, note: string | null, accountIds: Array<string>, playbookId: string | null, playbookVersion: number | null, assignee: { kind: TaskAssigneeKind, requested: TaskAssigneeKind, id: string | null, role: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExplorerInboxQueryVariables = Exact<{
  first: number;
}>;


export type ExplorerInboxQuery = { proposals: { items: Array<{ id: string, playbookId: string, playbookName: string, playbookVersion: number, ownerUserId: string, accountIds: Array<string>, createdAt: string, actions: Array<{ index: number, kind: string, status: string, reason: string | null }> }> }, receipts: { items: Array<{ id: string, playbookId: string, playbookName: string, playbookVersion: number, ownerUserId: string, accountIds: Array<string>, createdAt: string, outcome: string, actions: Array<{ index: number, kind: string, status: string, reason: string | null }> }> } };

export type ExplorerCompleteTaskMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
  verdict?: string | null | undefined;
}>;


export type ExplorerCompleteTaskMutation = { completeTask: { id: string, kind: TaskKind, title: string, template: string, reviewType: string | null, status: TaskStatus, dueAt: string | null, createdAt: string, completedAt: string | null, completedBy: string | null, verdict: string | null, note: string | null, accountIds: Array<string>, playbookId: string | null, playbookVersion: number | null, assignee: { kind: TaskAssigneeKind, requested: TaskAssigneeKind, id: string | null, role: string | null } } };

export type ExplorerConfirmProposalMutationVariables = Exact<{
  id: string | number;
}>;


export type ExplorerConfirmProposalMutation = { confirmProposal: { status: string } };

export type ExplorerRejectProposalMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ExplorerRejectProposalMutation = { rejectProposal: { id: string, status: ProposalStatus } };

export type ExplorerAcknowledgeReceiptMutationVariables = Exact<{
  id: string | number;
}>;


export type ExplorerAcknowledgeReceiptMutation = { acknowledgeReceipt: { id: string, status: ReceiptStatus } };

export type ExplorerViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ExplorerViewerQuery = { viewer: { tenant: string, role: string } };

export type ExplorerAccountSearchQueryVariables = Exact<{
  filter?: AccountFilter | null | undefined;
  facetFilter?: AccountFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExplorerAccountSearchQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, industry: string | null, segment: string | null, region: string | null, health: { score: number | null, grade: string | null } | null } }> }, facets: { industry: Array<{ value: string, count: number }>, segment: Array<{ value: string, count: number }>, region: Array<{ value: string, count: number }> } };

export type ExplorerRecordSearchQueryVariables = Exact<{
  search: string;
  first: number;
}>;


export type ExplorerRecordSearchQuery = { contacts: { totalCount: number, edges: Array<{ node: { id: string, name: string, title: string | null, buyingRole: BuyingRole | null, account: { id: string, name: string } | null } }> }, concepts: { edges: Array<{ node: { id: string, pack: string, prefLabel: string, prefLabelZh: string } }> } };

export type ExplorerOrganizationsQueryVariables = Exact<{
  first: number;
}>;


export type ExplorerOrganizationsQuery = { organizations: { totalCount: number, edges: Array<{ node: { id: string, name: string, kind: OrganizationKind, region: string | null } }> } };

export type ExplorerFieldsMeasuringQueryVariables = Exact<{
  conceptId: string | number;
}>;


export type ExplorerFieldsMeasuringQuery = { fieldsMeasuring: Array<{ system: string, field: string }> };

export type ExplorerSignalSubjectsQueryVariables = Exact<{
  fields: Array<string> | string;
  systems: Array<string> | string;
  first: number;
}>;


export type ExplorerSignalSubjectsQuery = { signals: { edges: Array<{ node: { subjectId: string } }> } };

export type ExplorerAccountsByIdsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ExplorerAccountsByIdsQuery = { nodes: Array<
    | { id: string, name: string, industry: string | null, segment: string | null, region: string | null, health: { score: number | null, grade: string | null } | null }
    | Record<PropertyKey, never>
   | null> };

export type ExplorerAccount360QueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerAccount360Query = { account: { id: string, sourceSystem: string, externalId: string, name: string, industry: string | null, segment: string | null, region: string | null, annualRevenue: number | null, firstSeenAt: string, lastUpdatedAt: string, contacts: { totalCount: number, edges: Array<{ node: { id: string, name: string, title: string | null, email: string | null, buyingRole: BuyingRole | null } }> }, opportunities: { totalCount: number, edges: Array<{ node: { id: string, name: string, stage: OpportunityStage, amount: number | null, currency: string | null, closeDate: string | null } }> }, assets: { totalCount: number, edges: Array<{ node: { id: string, name: string, model: string | null, serialNumber: string | null, installedOn: string | null } }> }, network: { totalCount: number, edges: Array<{ relationship: NetworkRelationship, node: { id: string, name: string, kind: OrganizationKind } }> }, signals: { totalCount: number, edges: Array<{ node: { id: string, sourceSystem: string, recordId: string, field: string, numberValue: number | null, stringValue: string | null, booleanValue: boolean | null, observedAt: string } }> }, healthHistory: Array<{ computedAt: string, score: number | null, grade: string | null, confidence: number, lowConfidence: boolean }> } | null, healthModel: { bands: Array<{ grade: string, min: number }> } };

export type ExplorerAccountHealthQueryVariables = Exact<{
  id: string | number;
}>;


export type ExplorerAccountHealthQuery = { account: { id: string, health: { score: number | null, grade: string | null, confidence: number, lowConfidence: boolean, modelVersion: number, asOf: string, explanation: Array<{ id: string, parentId: string | null, depth: number, kind: string, conceptId: string, system: string | null, field: string | null, value: number | null, contribution: number, impact: number, confidence: number, reason: string | null, signals: Array<{ signalId: string, recordId: string | null, sourceSystem: string, value: string | null, observedAt: string }> }> } | null } | null };

export type ExplorerAccountRowFragment = { id: string, name: string, industry: string | null, segment: string | null, region: string | null, health: { score: number | null, grade: string | null } | null };

export type LineageQueryVariables = Exact<{
  of: LineageTarget;
}>;


export type LineageQuery = { lineage: { rootId: string, kind: string, truncated: boolean, recordCount: number, notes: Array<string>, nodes: Array<{ id: string, kind: string, label: string, version: string | null, properties: unknown }>, edges: Array<{ from: string, to: string, kind: string, properties: unknown }> } };

export type ImpactQueryVariables = Exact<{
  of: ImpactTarget;
  first?: number | null | undefined;
}>;


export type ImpactQuery = { impact: { target: string, direct: Array<string>, reach: Array<string>, truncated: boolean, usages: Array<{ kind: string, id: string, label: string, version: string | null, via: string | null, relation: string, properties: unknown }> } };

export type OntologyDiffImpactQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type OntologyDiffImpactQuery = { ontologyDiff: { removedConcepts: Array<string>, removedMappings: Array<string>, changedMappings: Array<{ key: string, fields: Array<string> }>, impact: Array<{ change: string, conceptId: string, message: string, usages: Array<{ kind: string, id: string, label: string, relation: string }> }> } };

export type UsageCalibrationQueryVariables = Exact<{
  period?: UsagePeriodInput | null | undefined;
}>;


export type UsageCalibrationQuery = { usageCalibration: { from: string, to: string, weeks: Array<string>, people: number | null, checks: Array<{ name: string, area: string, value: number | null, threshold: number, comparison: string, healthy: boolean | null, trend: string | null, sentence: string, series: Array<{ week: string, value: number | null }> }> } };

export type RecordConsentsMutationVariables = Exact<{
  input: Array<ConsentInput> | ConsentInput;
}>;


export type RecordConsentsMutation = { recordConsents: { created: number, updated: number, unchanged: number, rejected: number, rejections: Array<{ index: number, externalId: string | null, reason: string }>, records: Array<{ index: number, id: string, status: RecordStatus }> } };

export type ConsentsQueryVariables = Exact<{
  personId: string | number;
}>;


export type ConsentsQuery = { consents: { personId: string, erased: boolean, consents: Array<{ id: string, personId: string, sourceSystem: string, externalId: string, purpose: ConsentPurpose, legalBasis: LegalBasis, channel: ConsentChannel, evidenceText: string | null, evidenceUrl: string | null, grantedAt: string, withdrawnAt: string | null, expiresAt: string | null, version: number, recordedAt: string, validNow: boolean, erased: boolean, history: Array<{ version: number, purpose: ConsentPurpose, legalBasis: LegalBasis, channel: ConsentChannel, evidenceUrl: string | null, grantedAt: string, withdrawnAt: string | null, expiresAt: string | null, evidenceText: string | null, recordedAt: string, actor: string }> }> } };

export type ExportPersonDataQueryVariables = Exact<{
  personId: string | number;
}>;


export type ExportPersonDataQuery = { exportPersonData: { personId: string, document: unknown } };

export type ErasePersonMutationVariables = Exact<{
  personId: string | number;
  reason: string;
  dryRun?: boolean | null | undefined;
}>;


export type ErasePersonMutation = { erasePerson: { dryRun: boolean, requestId: string, personId: string, erasedAt: string, reason: string, kept: Array<string>, erasedNow: { contacts: number, identities: number, blockingKeys: number, signals: number, consents: number, changeEvents: number, personKeys: number, webhookDeliveries: number, otherRecords: number, tombstones: number, channelTombstones: number }, agesOut: Array<{ store: string, until: string | null, note: string }>, webhookCopies: Array<{ deliveryId: string, endpointId: string, url: string, status: string, createdAt: string, deliveredAt: string | null, events: Array<string> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AnchorPointFieldsFragmentDoc = new TypedDocumentString(`
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}
    `, {"fragmentName":"AnchorPointFields"}) as unknown as TypedDocumentString<AnchorPointFieldsFragment, unknown>;
export const ValueAnchorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ValueAnchorFields on ValueAnchor {
  id
  name
  description
  owner
  version
  definitionHash
  metricHash
  metric {
    population
    measure
    aggregation
    description
    filter {
      segments
      industries
      regions
      categories
      priorities
      sourceSystems
    }
  }
  target
  direction
  deadline
  baseline {
    value
    n
    from
    to
  }
  historyWeeks
  createdBy
  status
  statusReason
  projection {
    valueAtDeadline
    slopePerWeek
    pointsUsed
    method
  }
  latest {
    ...AnchorPointFields
  }
}
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}`, {"fragmentName":"ValueAnchorFields"}) as unknown as TypedDocumentString<ValueAnchorFieldsFragment, unknown>;
export const ExplorerContractFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerContractFields on ValueContract {
  id
  accountId
  title
  status
  grant {
    categories
    purposes
    anonymisedOnly
    startsAt
    endsAt
  }
  benefit {
    kind
    formula {
      kind
      base
      rate
      cap
      tiers {
        fromUnits
        rate
      }
    }
  }
  period
  definitionHash
  createdAt
  createdBy
  revokedAt
  revokedReason
  ledgerSeq
  ledgerHash
}
    `, {"fragmentName":"ExplorerContractFields"}) as unknown as TypedDocumentString<ExplorerContractFieldsFragment, unknown>;
export const ExplorerExperimentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerExperimentFields on MpuExperimentView {
  id
  mpuId
  status
  population {
    unit
    segments
    industries
    regions
    stages
    openOnly
  }
  split
  primaryOutcome {
    kind
    stage
    field
  }
  startedAt
  horizon
  interimLooks
  stoppedAt
  controlCount
  treatmentCount
  excludedCount
}
    `, {"fragmentName":"ExplorerExperimentFields"}) as unknown as TypedDocumentString<ExplorerExperimentFieldsFragment, unknown>;
export const ExplorerGraphNodeFragmentDoc = new TypedDocumentString(`
    fragment ExplorerGraphNode on GraphNode {
  id
  kind
  label
  degree
  distance
}
    `, {"fragmentName":"ExplorerGraphNode"}) as unknown as TypedDocumentString<ExplorerGraphNodeFragment, unknown>;
export const ExplorerGraphEdgeFragmentDoc = new TypedDocumentString(`
    fragment ExplorerGraphEdge on GraphEdge {
  id
  source
  target
  type
}
    `, {"fragmentName":"ExplorerGraphEdge"}) as unknown as TypedDocumentString<ExplorerGraphEdgeFragment, unknown>;
export const ExplorerIdentityFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerIdentityFields on Identity {
  id
  channel
  externalId
  observedAt
  recordId
  resolvedCustomerId
  attributes {
    fullName
    givenName
    familyName
    companyName
    domain
    emails
    phones
    dateOfBirth
    address {
      lines
      locality
      postcode
      country
    }
  }
}
    `, {"fragmentName":"ExplorerIdentityFields"}) as unknown as TypedDocumentString<ExplorerIdentityFieldsFragment, unknown>;
export const ExplorerLinkFieldFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerLinkFieldFields on IdentityLinkField {
  field
  level
  levelIndex
  weight
}
    `, {"fragmentName":"ExplorerLinkFieldFields"}) as unknown as TypedDocumentString<ExplorerLinkFieldFieldsFragment, unknown>;
export const ExplorerResolvedCustomerFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerResolvedCustomerFields on ResolvedCustomer {
  id
  kind
  entity
  accountIds
  modelVersion
  identities {
    ...ExplorerIdentityFields
  }
  links {
    a
    b
    fields {
      ...ExplorerLinkFieldFields
    }
    totalWeight
    probability
    modelVersion
    decidedBy
    rule
    at
    actor
  }
  goldenRecord {
    field
    value
    identityId
    channel
    rule
  }
}
    fragment ExplorerIdentityFields on Identity {
  id
  channel
  externalId
  observedAt
  recordId
  resolvedCustomerId
  attributes {
    fullName
    givenName
    familyName
    companyName
    domain
    emails
    phones
    dateOfBirth
    address {
      lines
      locality
      postcode
      country
    }
  }
}
fragment ExplorerLinkFieldFields on IdentityLinkField {
  field
  level
  levelIndex
  weight
}`, {"fragmentName":"ExplorerResolvedCustomerFields"}) as unknown as TypedDocumentString<ExplorerResolvedCustomerFieldsFragment, unknown>;
export const ExplorerMpuFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerMpuFields on Mpu {
  id
  status
  title
  version
  authorSubject
  updatedAt
  rejectedReason
  situation {
    kind
    value
    required
  }
  actions {
    kind
    title
  }
  gate {
    approvals
    requiredReviews
    confirmed
    passed
  }
}
    `, {"fragmentName":"ExplorerMpuFields"}) as unknown as TypedDocumentString<ExplorerMpuFieldsFragment, unknown>;
export const ExplorerPlaybookStatsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerPlaybookStats on PlaybookStats {
  firings
  tasks
  tasksCompletedInTime
  proposalsPending
  proposalsConfirmed
  proposalsRejected
  feedbackMet
  feedbackMissed
  feedbackPending
  successRate
}
    `, {"fragmentName":"ExplorerPlaybookStats"}) as unknown as TypedDocumentString<ExplorerPlaybookStatsFragment, unknown>;
export const ExplorerTaskFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExplorerTaskFields on Task {
  id
  kind
  title
  template
  reviewType
  status
  dueAt
  createdAt
  completedAt
  completedBy
  verdict
  note
  accountIds
  playbookId
  playbookVersion
  assignee {
    kind
    requested
    id
    role
  }
}
    `, {"fragmentName":"ExplorerTaskFields"}) as unknown as TypedDocumentString<ExplorerTaskFieldsFragment, unknown>;
export const ExplorerAccountRowFragmentDoc = new TypedDocumentString(`
    fragment ExplorerAccountRow on Account {
  id
  name
  industry
  segment
  region
  health {
    score
    grade
  }
}
    `, {"fragmentName":"ExplorerAccountRow"}) as unknown as TypedDocumentString<ExplorerAccountRowFragment, unknown>;
export const DefineValueAnchorDocument = new TypedDocumentString(`
    mutation DefineValueAnchor($input: ValueAnchorInput!) {
  defineValueAnchor(input: $input) {
    ...ValueAnchorFields
    series {
      ...AnchorPointFields
    }
  }
}
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}
fragment ValueAnchorFields on ValueAnchor {
  id
  name
  description
  owner
  version
  definitionHash
  metricHash
  metric {
    population
    measure
    aggregation
    description
    filter {
      segments
      industries
      regions
      categories
      priorities
      sourceSystems
    }
  }
  target
  direction
  deadline
  baseline {
    value
    n
    from
    to
  }
  historyWeeks
  createdBy
  status
  statusReason
  projection {
    valueAtDeadline
    slopePerWeek
    pointsUsed
    method
  }
  latest {
    ...AnchorPointFields
  }
}`) as unknown as TypedDocumentString<DefineValueAnchorMutation, DefineValueAnchorMutationVariables>;
export const UpdateValueAnchorDocument = new TypedDocumentString(`
    mutation UpdateValueAnchor($id: ID!, $input: ValueAnchorUpdateInput!) {
  updateValueAnchor(id: $id, input: $input) {
    ...ValueAnchorFields
  }
}
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}
fragment ValueAnchorFields on ValueAnchor {
  id
  name
  description
  owner
  version
  definitionHash
  metricHash
  metric {
    population
    measure
    aggregation
    description
    filter {
      segments
      industries
      regions
      categories
      priorities
      sourceSystems
    }
  }
  target
  direction
  deadline
  baseline {
    value
    n
    from
    to
  }
  historyWeeks
  createdBy
  status
  statusReason
  projection {
    valueAtDeadline
    slopePerWeek
    pointsUsed
    method
  }
  latest {
    ...AnchorPointFields
  }
}`) as unknown as TypedDocumentString<UpdateValueAnchorMutation, UpdateValueAnchorMutationVariables>;
export const RecomputeValueAnchorDocument = new TypedDocumentString(`
    mutation RecomputeValueAnchor($id: ID!) {
  recomputeValueAnchor(id: $id) {
    ...ValueAnchorFields
  }
}
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}
fragment ValueAnchorFields on ValueAnchor {
  id
  name
  description
  owner
  version
  definitionHash
  metricHash
  metric {
    population
    measure
    aggregation
    description
    filter {
      segments
      industries
      regions
      categories
      priorities
      sourceSystems
    }
  }
  target
  direction
  deadline
  baseline {
    value
    n
    from
    to
  }
  historyWeeks
  createdBy
  status
  statusReason
  projection {
    valueAtDeadline
    slopePerWeek
    pointsUsed
    method
  }
  latest {
    ...AnchorPointFields
  }
}`) as unknown as TypedDocumentString<RecomputeValueAnchorMutation, RecomputeValueAnchorMutationVariables>;
export const ValueAnchorsDocument = new TypedDocumentString(`
    query ValueAnchors($first: Int) {
  valueAnchors(first: $first) {
    ...ValueAnchorFields
  }
}
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}
fragment ValueAnchorFields on ValueAnchor {
  id
  name
  description
  owner
  version
  definitionHash
  metricHash
  metric {
    population
    measure
    aggregation
    description
    filter {
      segments
      industries
      regions
      categories
      priorities
      sourceSystems
    }
  }
  target
  direction
  deadline
  baseline {
    value
    n
    from
    to
  }
  historyWeeks
  createdBy
  status
  statusReason
  projection {
    valueAtDeadline
    slopePerWeek
    pointsUsed
    method
  }
  latest {
    ...AnchorPointFields
  }
}`) as unknown as TypedDocumentString<ValueAnchorsQuery, ValueAnchorsQueryVariables>;
export const ValueAnchorDocument = new TypedDocumentString(`
    query ValueAnchor($id: ID!, $top: Int! = 5, $weeks: Int! = 4, $dimensions: [AttributionDimension!]) {
  valueAnchor(id: $id) {
    ...ValueAnchorFields
    series {
      ...AnchorPointFields
    }
    attribution(top: $top, weeks: $weeks, dimensions: $dimensions) {
      method
      current
      target
      total
      items
      missing
      from
      to
      note
      groups {
        dimension
        key
        label
        share
        populationShare
        contribution
        items
        recordIds
        finding
      }
    }
  }
}
    fragment AnchorPointFields on AnchorPoint {
  weekStart
  value
  n
  anchorVersion
  metricHash
  population
  recordIds
}
fragment ValueAnchorFields on ValueAnchor {
  id
  name
  description
  owner
  version
  definitionHash
  metricHash
  metric {
    population
    measure
    aggregation
    description
    filter {
      segments
      industries
      regions
      categories
      priorities
      sourceSystems
    }
  }
  target
  direction
  deadline
  baseline {
    value
    n
    from
    to
  }
  historyWeeks
  createdBy
  status
  statusReason
  projection {
    valueAtDeadline
    slopePerWeek
    pointsUsed
    method
  }
  latest {
    ...AnchorPointFields
  }
}`) as unknown as TypedDocumentString<ValueAnchorQuery, ValueAnchorQueryVariables>;
export const AnchorEffectDocument = new TypedDocumentString(`
    query AnchorEffect($anchorId: ID!, $playbookId: ID, $mpuId: ID, $weeks: Int! = 8) {
  anchorEffect(
    anchorId: $anchorId
    playbookId: $playbookId
    mpuId: $mpuId
    weeks: $weeks
  ) {
    anchorId
    subjectKind
    subjectId
    weeks
    difference
    low
    high
    treatedChange
    controlChange
    treatedAccounts
    controlAccounts
    controlPivot
    improved
    from
    to
    note
  }
}
    `) as unknown as TypedDocumentString<AnchorEffectQuery, AnchorEffectQueryVariables>;
export const ExplorerContractsDocument = new TypedDocumentString(`
    query ExplorerContracts($accountId: ID, $first: Int) {
  valueContracts(accountId: $accountId, first: $first) {
    edges {
      node {
        ...ExplorerContractFields
      }
    }
    totalCount
  }
}
    fragment ExplorerContractFields on ValueContract {
  id
  accountId
  title
  status
  grant {
    categories
    purposes
    anonymisedOnly
    startsAt
    endsAt
  }
  benefit {
    kind
    formula {
      kind
      base
      rate
      cap
      tiers {
        fromUnits
        rate
      }
    }
  }
  period
  definitionHash
  createdAt
  createdBy
  revokedAt
  revokedReason
  ledgerSeq
  ledgerHash
}`) as unknown as TypedDocumentString<ExplorerContractsQuery, ExplorerContractsQueryVariables>;
export const ExplorerContractDocument = new TypedDocumentString(`
    query ExplorerContract($id: ID!, $first: Int) {
  valueContract(id: $id) {
    ...ExplorerContractFields
  }
  valueContractLedger(id: $id, first: $first) {
    seq
    at
    kind
    actor
    period
    payloadText
    prevHash
    hash
  }
}
    fragment ExplorerContractFields on ValueContract {
  id
  accountId
  title
  status
  grant {
    categories
    purposes
    anonymisedOnly
    startsAt
    endsAt
  }
  benefit {
    kind
    formula {
      kind
      base
      rate
      cap
      tiers {
        fromUnits
        rate
      }
    }
  }
  period
  definitionHash
  createdAt
  createdBy
  revokedAt
  revokedReason
  ledgerSeq
  ledgerHash
}`) as unknown as TypedDocumentString<ExplorerContractQuery, ExplorerContractQueryVariables>;
export const ExplorerVerifyContractLedgerDocument = new TypedDocumentString(`
    query ExplorerVerifyContractLedger($id: ID!) {
  verifyContractLedger(id: $id) {
    ok
    checkedEntries
    headSeq
    firstProblem {
      seq
      kind
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerVerifyContractLedgerQuery, ExplorerVerifyContractLedgerQueryVariables>;
export const ExplorerRevokeContractDocument = new TypedDocumentString(`
    mutation ExplorerRevokeContract($id: ID!, $reason: String!) {
  revokeValueContract(id: $id, reason: $reason) {
    ...ExplorerContractFields
  }
}
    fragment ExplorerContractFields on ValueContract {
  id
  accountId
  title
  status
  grant {
    categories
    purposes
    anonymisedOnly
    startsAt
    endsAt
  }
  benefit {
    kind
    formula {
      kind
      base
      rate
      cap
      tiers {
        fromUnits
        rate
      }
    }
  }
  period
  definitionHash
  createdAt
  createdBy
  revokedAt
  revokedReason
  ledgerSeq
  ledgerHash
}`) as unknown as TypedDocumentString<ExplorerRevokeContractMutation, ExplorerRevokeContractMutationVariables>;
export const ExplorerRecentChangesDocument = new TypedDocumentString(`
    query ExplorerRecentChanges($before: String, $types: [ChangeType!], $first: Int!) {
  recentChanges(before: $before, types: $types, first: $first) {
    events {
      id
      sequence
      type
      recordType
      recordId
      externalId
      sourceSystem
      actor
      at
      changes {
        field
        old
        new
        personal
        erased
      }
    }
    endCursor
    hasMore
    headCursor
  }
}
    `) as unknown as TypedDocumentString<ExplorerRecentChangesQuery, ExplorerRecentChangesQueryVariables>;
export const ExplorerMpuExperimentDocument = new TypedDocumentString(`
    query ExplorerMpuExperiment($id: ID!) {
  mpuExperiment(id: $id) {
    experiment {
      ...ExplorerExperimentFields
    }
    control {
      n
      successes
      rate
    }
    treatment {
      n
      successes
      rate
    }
    absoluteLift
    absoluteLiftInterval {
      lower
      upper
    }
    relativeLift
    relativeLiftInterval {
      lower
      upper
    }
    test
    pValue
    minExpectedCellCount
    bound {
      look
      looks
      nominalAlpha
    }
    verdict
    summary
    horizonPassed
    observedUntil
  }
}
    fragment ExplorerExperimentFields on MpuExperimentView {
  id
  mpuId
  status
  population {
    unit
    segments
    industries
    regions
    stages
    openOnly
  }
  split
  primaryOutcome {
    kind
    stage
    field
  }
  startedAt
  horizon
  interimLooks
  stoppedAt
  controlCount
  treatmentCount
  excludedCount
}`) as unknown as TypedDocumentString<ExplorerMpuExperimentQuery, ExplorerMpuExperimentQueryVariables>;
export const ExplorerMpuExperimentsDocument = new TypedDocumentString(`
    query ExplorerMpuExperiments($mpuId: ID!) {
  mpuExperiments(mpuId: $mpuId) {
    ...ExplorerExperimentFields
  }
}
    fragment ExplorerExperimentFields on MpuExperimentView {
  id
  mpuId
  status
  population {
    unit
    segments
    industries
    regions
    stages
    openOnly
  }
  split
  primaryOutcome {
    kind
    stage
    field
  }
  startedAt
  horizon
  interimLooks
  stoppedAt
  controlCount
  treatmentCount
  excludedCount
}`) as unknown as TypedDocumentString<ExplorerMpuExperimentsQuery, ExplorerMpuExperimentsQueryVariables>;
export const ExplorerNeighbourhoodDocument = new TypedDocumentString(`
    query ExplorerNeighbourhood($id: ID!, $depth: Int, $types: [GraphRelationship!], $first: Int) {
  neighbourhood(id: $id, depth: $depth, types: $types, first: $first) {
    center {
      ...ExplorerGraphNode
    }
    nodes {
      ...ExplorerGraphNode
    }
    edges {
      ...ExplorerGraphEdge
    }
    totalCount
  }
}
    fragment ExplorerGraphNode on GraphNode {
  id
  kind
  label
  degree
  distance
}
fragment ExplorerGraphEdge on GraphEdge {
  id
  source
  target
  type
}`) as unknown as TypedDocumentString<ExplorerNeighbourhoodQuery, ExplorerNeighbourhoodQueryVariables>;
export const ExplorerPathsDocument = new TypedDocumentString(`
    query ExplorerPaths($from: ID!, $to: ID!, $maxLength: Int, $types: [GraphRelationship!], $first: Int) {
  paths(from: $from, to: $to, maxLength: $maxLength, types: $types, first: $first) {
    length
    nodes {
      ...ExplorerGraphNode
    }
    edges {
      ...ExplorerGraphEdge
    }
  }
}
    fragment ExplorerGraphNode on GraphNode {
  id
  kind
  label
  degree
  distance
}
fragment ExplorerGraphEdge on GraphEdge {
  id
  source
  target
  type
}`) as unknown as TypedDocumentString<ExplorerPathsQuery, ExplorerPathsQueryVariables>;
export const ExplorerHealthOverviewDocument = new TypedDocumentString(`
    query ExplorerHealthOverview($groupBy: HealthGroupBy!, $atRisk: Int!) {
  healthDistribution(groupBy: $groupBy) {
    group
    accounts
    scored
    mean
    p10
    p25
    p50
    p75
    p90
    grades {
      grade
      count
    }
  }
  atRiskAccounts(first: $atRisk, minConfidence: 0) {
    totalCount
    edges {
      node {
        account {
          id
          name
          industry
          segment
          region
          health {
            drivers(top: 3) {
              conceptId
              direction
              impact
            }
          }
        }
        health {
          score
          grade
          confidence
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerHealthOverviewQuery, ExplorerHealthOverviewQueryVariables>;
export const ExplorerResolvedCustomerDocument = new TypedDocumentString(`
    query ExplorerResolvedCustomer($id: ID!) {
  resolvedCustomer(id: $id) {
    ...ExplorerResolvedCustomerFields
  }
}
    fragment ExplorerIdentityFields on Identity {
  id
  channel
  externalId
  observedAt
  recordId
  resolvedCustomerId
  attributes {
    fullName
    givenName
    familyName
    companyName
    domain
    emails
    phones
    dateOfBirth
    address {
      lines
      locality
      postcode
      country
    }
  }
}
fragment ExplorerLinkFieldFields on IdentityLinkField {
  field
  level
  levelIndex
  weight
}
fragment ExplorerResolvedCustomerFields on ResolvedCustomer {
  id
  kind
  entity
  accountIds
  modelVersion
  identities {
    ...ExplorerIdentityFields
  }
  links {
    a
    b
    fields {
      ...ExplorerLinkFieldFields
    }
    totalWeight
    probability
    modelVersion
    decidedBy
    rule
    at
    actor
  }
  goldenRecord {
    field
    value
    identityId
    channel
    rule
  }
}`) as unknown as TypedDocumentString<ExplorerResolvedCustomerQuery, ExplorerResolvedCustomerQueryVariables>;
export const ExplorerIdentityReviewQueueDocument = new TypedDocumentString(`
    query ExplorerIdentityReviewQueue($entity: IdentityEntity!, $first: Int, $after: String) {
  identityReviewQueue(entity: $entity, first: $first, after: $after) {
    pairs {
      aId
      bId
      at
      probability
      totalWeight
      modelVersion
      fields {
        ...ExplorerLinkFieldFields
      }
      a {
        ...ExplorerIdentityFields
      }
      b {
        ...ExplorerIdentityFields
      }
    }
    endCursor
    hasNextPage
  }
}
    fragment ExplorerIdentityFields on Identity {
  id
  channel
  externalId
  observedAt
  recordId
  resolvedCustomerId
  attributes {
    fullName
    givenName
    familyName
    companyName
    domain
    emails
    phones
    dateOfBirth
    address {
      lines
      locality
      postcode
      country
    }
  }
}
fragment ExplorerLinkFieldFields on IdentityLinkField {
  field
  level
  levelIndex
  weight
}`) as unknown as TypedDocumentString<ExplorerIdentityReviewQueueQuery, ExplorerIdentityReviewQueueQueryVariables>;
export const ExplorerSplitIdentityDocument = new TypedDocumentString(`
    mutation ExplorerSplitIdentity($identityId: ID!, $reason: String!) {
  splitIdentity(identityId: $identityId, reason: $reason) {
    moved
    resolvedCustomers {
      ...ExplorerResolvedCustomerFields
    }
  }
}
    fragment ExplorerIdentityFields on Identity {
  id
  channel
  externalId
  observedAt
  recordId
  resolvedCustomerId
  attributes {
    fullName
    givenName
    familyName
    companyName
    domain
    emails
    phones
    dateOfBirth
    address {
      lines
      locality
      postcode
      country
    }
  }
}
fragment ExplorerLinkFieldFields on IdentityLinkField {
  field
  level
  levelIndex
  weight
}
fragment ExplorerResolvedCustomerFields on ResolvedCustomer {
  id
  kind
  entity
  accountIds
  modelVersion
  identities {
    ...ExplorerIdentityFields
  }
  links {
    a
    b
    fields {
      ...ExplorerLinkFieldFields
    }
    totalWeight
    probability
    modelVersion
    decidedBy
    rule
    at
    actor
  }
  goldenRecord {
    field
    value
    identityId
    channel
    rule
  }
}`) as unknown as TypedDocumentString<ExplorerSplitIdentityMutation, ExplorerSplitIdentityMutationVariables>;
export const ExplorerDecideIdentityPairDocument = new TypedDocumentString(`
    mutation ExplorerDecideIdentityPair($a: ID!, $b: ID!, $decision: IdentityDecision!, $reason: String!) {
  decideIdentityPair(a: $a, b: $b, decision: $decision, reason: $reason) {
    moved
  }
}
    `) as unknown as TypedDocumentString<ExplorerDecideIdentityPairMutation, ExplorerDecideIdentityPairMutationVariables>;
export const ExplorerMpusDocument = new TypedDocumentString(`
    query ExplorerMpus($filter: MpuFilterInput, $first: Int) {
  mpus(filter: $filter, first: $first) {
    ...ExplorerMpuFields
  }
}
    fragment ExplorerMpuFields on Mpu {
  id
  status
  title
  version
  authorSubject
  updatedAt
  rejectedReason
  situation {
    kind
    value
    required
  }
  actions {
    kind
    title
  }
  gate {
    approvals
    requiredReviews
    confirmed
    passed
  }
}`) as unknown as TypedDocumentString<ExplorerMpusQuery, ExplorerMpusQueryVariables>;
export const ExplorerCreateMpuDocument = new TypedDocumentString(`
    mutation ExplorerCreateMpu($input: MpuInput!) {
  createMpu(input: $input) {
    ...ExplorerMpuFields
  }
}
    fragment ExplorerMpuFields on Mpu {
  id
  status
  title
  version
  authorSubject
  updatedAt
  rejectedReason
  situation {
    kind
    value
    required
  }
  actions {
    kind
    title
  }
  gate {
    approvals
    requiredReviews
    confirmed
    passed
  }
}`) as unknown as TypedDocumentString<ExplorerCreateMpuMutation, ExplorerCreateMpuMutationVariables>;
export const ExplorerSubmitMpuDocument = new TypedDocumentString(`
    mutation ExplorerSubmitMpu($id: ID!) {
  submitMpu(id: $id) {
    ...ExplorerMpuFields
  }
}
    fragment ExplorerMpuFields on Mpu {
  id
  status
  title
  version
  authorSubject
  updatedAt
  rejectedReason
  situation {
    kind
    value
    required
  }
  actions {
    kind
    title
  }
  gate {
    approvals
    requiredReviews
    confirmed
    passed
  }
}`) as unknown as TypedDocumentString<ExplorerSubmitMpuMutation, ExplorerSubmitMpuMutationVariables>;
export const ExplorerReviewMpuDocument = new TypedDocumentString(`
    mutation ExplorerReviewMpu($id: ID!, $rating: Int!, $comment: String!, $verdict: MpuReviewVerdict!, $reason: String) {
  reviewMpu(
    id: $id
    rating: $rating
    comment: $comment
    verdict: $verdict
    reason: $reason
  ) {
    ...ExplorerMpuFields
  }
}
    fragment ExplorerMpuFields on Mpu {
  id
  status
  title
  version
  authorSubject
  updatedAt
  rejectedReason
  situation {
    kind
    value
    required
  }
  actions {
    kind
    title
  }
  gate {
    approvals
    requiredReviews
    confirmed
    passed
  }
}`) as unknown as TypedDocumentString<ExplorerReviewMpuMutation, ExplorerReviewMpuMutationVariables>;
export const ExplorerOntologiesDocument = new TypedDocumentString(`
    query ExplorerOntologies {
  ontologies {
    pack
    version
    title
    titleZh: title(lang: "zh")
    conceptCount
    mappingCount
  }
}
    `) as unknown as TypedDocumentString<ExplorerOntologiesQuery, ExplorerOntologiesQueryVariables>;
export const ExplorerPackConceptsDocument = new TypedDocumentString(`
    query ExplorerPackConcepts($pack: ID!, $first: Int!) {
  concepts(ontology: $pack, first: $first) {
    totalCount
    edges {
      node {
        id
        prefLabel
        prefLabelZh: prefLabel(lang: "zh")
        broader {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerPackConceptsQuery, ExplorerPackConceptsQueryVariables>;
export const ExplorerConceptDocument = new TypedDocumentString(`
    query ExplorerConcept($id: ID!) {
  concept(id: $id) {
    id
    pack
    prefLabel
    prefLabelZh: prefLabel(lang: "zh")
    definition
    labels {
      lang
      value
      preferred
    }
    mappings {
      system
      field
      polarity
      weight
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerConceptQuery, ExplorerConceptQueryVariables>;
export const ExplorerBridgeDocument = new TypedDocumentString(`
    query ExplorerBridge($system: String!, $field: String!) {
  bridge(system: $system, field: $field) {
    concept {
      id
      prefLabel
      prefLabelZh: prefLabel(lang: "zh")
    }
    paths {
      concepts {
        id
        prefLabel
        prefLabelZh: prefLabel(lang: "zh")
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerBridgeQuery, ExplorerBridgeQueryVariables>;
export const ExplorerPlaybooksDocument = new TypedDocumentString(`
    query ExplorerPlaybooks($first: Int!, $after: String) {
  playbooks(first: $first, after: $after) {
    playbooks {
      id
      name
      status
      currentVersion
      ownerUserId
      pausedReason
      stats {
        ...ExplorerPlaybookStats
      }
    }
    endCursor
    hasMore
  }
}
    fragment ExplorerPlaybookStats on PlaybookStats {
  firings
  tasks
  tasksCompletedInTime
  proposalsPending
  proposalsConfirmed
  proposalsRejected
  feedbackMet
  feedbackMissed
  feedbackPending
  successRate
}`) as unknown as TypedDocumentString<ExplorerPlaybooksQuery, ExplorerPlaybooksQueryVariables>;
export const ExplorerPlaybookDocument = new TypedDocumentString(`
    query ExplorerPlaybook($id: ID!) {
  playbook(id: $id) {
    id
    name
    status
    currentVersion
    ownerUserId
    pausedReason
    consecutiveFailures
    definition
    stats {
      ...ExplorerPlaybookStats
    }
    versions(first: 20) {
      version
      savedAt
      savedBy
    }
    firings(first: 20) {
      id
      firedAt
      subject
      outcome
      outcomeReason
      accountIds
      region
      batchCodes
      basis
    }
  }
}
    fragment ExplorerPlaybookStats on PlaybookStats {
  firings
  tasks
  tasksCompletedInTime
  proposalsPending
  proposalsConfirmed
  proposalsRejected
  feedbackMet
  feedbackMissed
  feedbackPending
  successRate
}`) as unknown as TypedDocumentString<ExplorerPlaybookQuery, ExplorerPlaybookQueryVariables>;
export const ExplorerMyTasksDocument = new TypedDocumentString(`
    query ExplorerMyTasks($status: TaskStatus, $first: Int!, $after: String) {
  myTasks(status: $status, first: $first, after: $after) {
    items {
      ...ExplorerTaskFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ExplorerTaskFields on Task {
  id
  kind
  title
  template
  reviewType
  status
  dueAt
  createdAt
  completedAt
  completedBy
  verdict
  note
  accountIds
  playbookId
  playbookVersion
  assignee {
    kind
    requested
    id
    role
  }
}`) as unknown as TypedDocumentString<ExplorerMyTasksQuery, ExplorerMyTasksQueryVariables>;
export const ExplorerTasksDocument = new TypedDocumentString(`
    query ExplorerTasks($filter: TaskFilter, $first: Int!, $after: String) {
  tasks(filter: $filter, first: $first, after: $after) {
    items {
      ...ExplorerTaskFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ExplorerTaskFields on Task {
  id
  kind
  title
  template
  reviewType
  status
  dueAt
  createdAt
  completedAt
  completedBy
  verdict
  note
  accountIds
  playbookId
  playbookVersion
  assignee {
    kind
    requested
    id
    role
  }
}`) as unknown as TypedDocumentString<ExplorerTasksQuery, ExplorerTasksQueryVariables>;
export const ExplorerInboxDocument = new TypedDocumentString(`
    query ExplorerInbox($first: Int!) {
  proposals(filter: {status: PENDING}, first: $first) {
    items {
      id
      playbookId
      playbookName
      playbookVersion
      ownerUserId
      accountIds
      createdAt
      actions {
        index
        kind
        status
        reason
      }
    }
  }
  receipts(filter: {status: UNACKNOWLEDGED}, first: $first) {
    items {
      id
      playbookId
      playbookName
      playbookVersion
      ownerUserId
      accountIds
      createdAt
      outcome
      actions {
        index
        kind
        status
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerInboxQuery, ExplorerInboxQueryVariables>;
export const ExplorerCompleteTaskDocument = new TypedDocumentString(`
    mutation ExplorerCompleteTask($id: ID!, $note: String, $verdict: String) {
  completeTask(id: $id, note: $note, verdict: $verdict) {
    ...ExplorerTaskFields
  }
}
    fragment ExplorerTaskFields on Task {
  id
  kind
  title
  template
  reviewType
  status
  dueAt
  createdAt
  completedAt
  completedBy
  verdict
  note
  accountIds
  playbookId
  playbookVersion
  assignee {
    kind
    requested
    id
    role
  }
}`) as unknown as TypedDocumentString<ExplorerCompleteTaskMutation, ExplorerCompleteTaskMutationVariables>;
export const ExplorerConfirmProposalDocument = new TypedDocumentString(`
    mutation ExplorerConfirmProposal($id: ID!) {
  confirmProposal(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<ExplorerConfirmProposalMutation, ExplorerConfirmProposalMutationVariables>;
export const ExplorerRejectProposalDocument = new TypedDocumentString(`
    mutation ExplorerRejectProposal($id: ID!, $reason: String) {
  rejectProposal(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ExplorerRejectProposalMutation, ExplorerRejectProposalMutationVariables>;
export const ExplorerAcknowledgeReceiptDocument = new TypedDocumentString(`
    mutation ExplorerAcknowledgeReceipt($id: ID!) {
  acknowledgeReceipt(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ExplorerAcknowledgeReceiptMutation, ExplorerAcknowledgeReceiptMutationVariables>;
export const ExplorerViewerDocument = new TypedDocumentString(`
    query ExplorerViewer {
  viewer {
    tenant
    role
  }
}
    `) as unknown as TypedDocumentString<ExplorerViewerQuery, ExplorerViewerQueryVariables>;
export const ExplorerAccountSearchDocument = new TypedDocumentString(`
    query ExplorerAccountSearch($filter: AccountFilter, $facetFilter: AccountFilter, $first: Int, $after: String) {
  accounts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...ExplorerAccountRow
      }
    }
  }
  facets(filter: $facetFilter) {
    industry {
      value
      count
    }
    segment {
      value
      count
    }
    region {
      value
      count
    }
  }
}
    fragment ExplorerAccountRow on Account {
  id
  name
  industry
  segment
  region
  health {
    score
    grade
  }
}`) as unknown as TypedDocumentString<ExplorerAccountSearchQuery, ExplorerAccountSearchQueryVariables>;
export const ExplorerRecordSearchDocument = new TypedDocumentString(`
    query ExplorerRecordSearch($search: String!, $first: Int!) {
  contacts(filter: {search: $search}, first: $first) {
    totalCount
    edges {
      node {
        id
        name
        title
        buyingRole
        account {
          id
          name
        }
      }
    }
  }
  concepts(search: $search, first: 5) {
    edges {
      node {
        id
        pack
        prefLabel
        prefLabelZh: prefLabel(lang: "zh")
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerRecordSearchQuery, ExplorerRecordSearchQueryVariables>;
export const ExplorerOrganizationsDocument = new TypedDocumentString(`
    query ExplorerOrganizations($first: Int!) {
  organizations(first: $first) {
    totalCount
    edges {
      node {
        id
        name
        kind
        region
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerOrganizationsQuery, ExplorerOrganizationsQueryVariables>;
export const ExplorerFieldsMeasuringDocument = new TypedDocumentString(`
    query ExplorerFieldsMeasuring($conceptId: ID!) {
  fieldsMeasuring(conceptId: $conceptId) {
    system
    field
  }
}
    `) as unknown as TypedDocumentString<ExplorerFieldsMeasuringQuery, ExplorerFieldsMeasuringQueryVariables>;
export const ExplorerSignalSubjectsDocument = new TypedDocumentString(`
    query ExplorerSignalSubjects($fields: [String!]!, $systems: [String!]!, $first: Int!) {
  signals(
    filter: {fields: $fields, sourceSystems: $systems, subjectKinds: [ACCOUNT]}
    first: $first
  ) {
    edges {
      node {
        subjectId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerSignalSubjectsQuery, ExplorerSignalSubjectsQueryVariables>;
export const ExplorerAccountsByIdsDocument = new TypedDocumentString(`
    query ExplorerAccountsByIds($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Account {
      ...ExplorerAccountRow
    }
  }
}
    fragment ExplorerAccountRow on Account {
  id
  name
  industry
  segment
  region
  health {
    score
    grade
  }
}`) as unknown as TypedDocumentString<ExplorerAccountsByIdsQuery, ExplorerAccountsByIdsQueryVariables>;
export const ExplorerAccount360Document = new TypedDocumentString(`
    query ExplorerAccount360($id: ID!) {
  account(id: $id) {
    id
    sourceSystem
    externalId
    name
    industry
    segment
    region
    annualRevenue
    firstSeenAt
    lastUpdatedAt
    contacts(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          title
          email
          buyingRole
        }
      }
    }
    opportunities(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          stage
          amount
          currency
          closeDate
        }
      }
    }
    assets(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          model
          serialNumber
          installedOn
        }
      }
    }
    network(first: 50) {
      totalCount
      edges {
        relationship
        node {
          id
          name
          kind
        }
      }
    }
    signals(first: 200) {
      totalCount
      edges {
        node {
          id
          sourceSystem
          recordId
          field
          numberValue
          stringValue
          booleanValue
          observedAt
        }
      }
    }
    healthHistory {
      computedAt
      score
      grade
      confidence
      lowConfidence
    }
  }
  healthModel(id: "default") {
    bands {
      grade
      min
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerAccount360Query, ExplorerAccount360QueryVariables>;
export const ExplorerAccountHealthDocument = new TypedDocumentString(`
    query ExplorerAccountHealth($id: ID!) {
  account(id: $id) {
    id
    health(fresh: true) {
      score
      grade
      confidence
      lowConfidence
      modelVersion
      asOf
      explanation {
        id
        parentId
        depth
        kind
        conceptId
        system
        field
        value
        contribution
        impact
        confidence
        reason
        signals {
          signalId
          recordId
          sourceSystem
          value
          observedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExplorerAccountHealthQuery, ExplorerAccountHealthQueryVariables>;
export const LineageDocument = new TypedDocumentString(`
    query Lineage($of: LineageTarget!) {
  lineage(of: $of) {
    rootId
    kind
    truncated
    recordCount
    notes
    nodes {
      id
      kind
      label
      version
      properties
    }
    edges {
      from
      to
      kind
      properties
    }
  }
}
    `) as unknown as TypedDocumentString<LineageQuery, LineageQueryVariables>;
export const ImpactDocument = new TypedDocumentString(`
    query Impact($of: ImpactTarget!, $first: Int) {
  impact(of: $of, first: $first) {
    target
    direct
    reach
    truncated
    usages {
      kind
      id
      label
      version
      via
      relation
      properties
    }
  }
}
    `) as unknown as TypedDocumentString<ImpactQuery, ImpactQueryVariables>;
export const OntologyDiffImpactDocument = new TypedDocumentString(`
    query OntologyDiffImpact($from: String!, $to: String!) {
  ontologyDiff(from: $from, to: $to) {
    removedConcepts
    removedMappings
    changedMappings {
      key
      fields
    }
    impact {
      change
      conceptId
      message
      usages {
        kind
        id
        label
        relation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OntologyDiffImpactQuery, OntologyDiffImpactQueryVariables>;
export const UsageCalibrationDocument = new TypedDocumentString(`
    query UsageCalibration($period: UsagePeriodInput) {
  usageCalibration(period: $period) {
    from
    to
    weeks
    people
    checks {
      name
      area
      value
      threshold
      comparison
      healthy
      trend
      sentence
      series {
        week
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsageCalibrationQuery, UsageCalibrationQueryVariables>;
export const RecordConsentsDocument = new TypedDocumentString(`
    mutation RecordConsents($input: [ConsentInput!]!) {
  recordConsents(input: $input) {
    created
    updated
    unchanged
    rejected
    rejections {
      index
      externalId
      reason
    }
    records {
      index
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<RecordConsentsMutation, RecordConsentsMutationVariables>;
export const ConsentsDocument = new TypedDocumentString(`
    query Consents($personId: ID!) {
  consents(personId: $personId) {
    personId
    erased
    consents {
      id
      personId
      sourceSystem
      externalId
      purpose
      legalBasis
      channel
      evidenceText
      evidenceUrl
      grantedAt
      withdrawnAt
      expiresAt
      version
      recordedAt
      validNow
      erased
      history {
        version
        purpose
        legalBasis
        channel
        evidenceUrl
        grantedAt
        withdrawnAt
        expiresAt
        evidenceText
        recordedAt
        actor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsentsQuery, ConsentsQueryVariables>;
export const ExportPersonDataDocument = new TypedDocumentString(`
    query ExportPersonData($personId: ID!) {
  exportPersonData(personId: $personId) {
    personId
    document
  }
}
    `) as unknown as TypedDocumentString<ExportPersonDataQuery, ExportPersonDataQueryVariables>;
export const ErasePersonDocument = new TypedDocumentString(`
    mutation ErasePerson($personId: ID!, $reason: String!, $dryRun: Boolean = false) {
  erasePerson(personId: $personId, reason: $reason, dryRun: $dryRun) {
    dryRun
    requestId
    personId
    erasedAt
    reason
    erasedNow {
      contacts
      identities
      blockingKeys
      signals
      consents
      changeEvents
      personKeys
      webhookDeliveries
      otherRecords
      tombstones
      channelTombstones
    }
    agesOut {
      store
      until
      note
    }
    webhookCopies {
      deliveryId
      endpointId
      url
      status
      createdAt
      deliveredAt
      events
    }
    kept
  }
}
    `) as unknown as TypedDocumentString<ErasePersonMutation, ErasePersonMutationVariables>;