/**
 * A playbook as data: what it is for (intent), what wakes it (trigger), what must hold (conditions), what it
 * does (actions) and what proves it worked (feedback) — the intent–action–feedback triple of issue 11.
 * Stored in the graph and versioned: a saved definition never changes, a change saves a new version.
 * The plain-language parser (issue 12) produces drafts in exactly this shape.
 *
 * Triggers and conditions speak of ontology concepts rather than raw source fields where they can, so one
 * playbook works across source systems: a concept's signals are those whose field a mapping ties to it.
 */
import { ChangeType } from "../events/change-event";

export const PLAYBOOK_MODES = ["SUGGEST", "AUTO"] as const;
/** SUGGEST: a proposal waits for the owner's confirmation. AUTO: runs; the owner gets a receipt to acknowledge. */
export type PlaybookMode = (typeof PLAYBOOK_MODES)[number];

export const PLAYBOOK_STATUSES = ["DRAFT", "ACTIVE", "PAUSED", "RETIRED"] as const;
export type PlaybookStatus = (typeof PLAYBOOK_STATUSES)[number];

/** What a trigger or condition counts or measures over: the records the signals are about. */
export const TRIGGER_SCOPES = ["ACCOUNT", "REGION"] as const;
/**
 * ACCOUNT: evaluated per account (signals of the account, its contacts and its assets).
 * REGION: evaluated per region over the assets in it (`Asset.region`); a firing names the region, the
 * assets that moved, their accounts and their production batches.
 */
export type TriggerScope = (typeof TRIGGER_SCOPES)[number];

/** Which signals a trigger counts or measures: by concept (preferred, works across systems) or by raw field. */
export interface SignalSelector {
  /** An ontology concept id, e.g. "automotive:battery-health"; its mapped fields in every source system. */
  concept?: string | null;
  /** A raw source field, e.g. "page_view"; for signals no mapping covers. */
  field?: string | null;
  /** Only signals whose string value equals this, e.g. the page "/remote-quality-control". */
  valueEquals?: string | null;
  /** Only signals about these kinds of subject; all when empty. */
  subjectKinds?: readonly ("ACCOUNT" | "CONTACT" | "ASSET")[];
}

export type PlaybookTrigger =
  /** Any change event of these types (e.g. HEALTH_GRADE_CHANGED, OPPORTUNITY_UPDATED). */
  | { kind: "EVENT"; eventTypes: readonly ChangeType[] }
  /** At least `count` matching signals within `withinDays` (e.g. 3 views of a page by an account's contacts in 7 days). */
  | { kind: "SIGNAL_COUNT"; signals: SignalSelector; count: number; withinDays: number; scope: TriggerScope }
  /**
   * The concept's latest normalised value (0..1, polarity applied: higher is better) crosses `value`.
   * BELOW fires when it falls under, ABOVE when it rises over.
   */
  | { kind: "CONCEPT_THRESHOLD"; concept: string; op: "BELOW" | "ABOVE"; value: number; scope: TriggerScope }
  /**
   * The concept's values move faster than `ratePerDay` (in the concept's own unit per day, least-squares
   * slope over `withinDays`); FALLING means the slope is below −ratePerDay. With REGION scope the slope is
   * taken per asset and the trigger fires when at least `minSubjects` assets of one region exceed it.
   */
  | {
      kind: "CONCEPT_TREND";
      concept: string;
      direction: "FALLING" | "RISING";
      ratePerDay: number;
      withinDays: number;
      scope: TriggerScope;
      minSubjects?: number | null;
    }
  /** An account's health grade changes, optionally only into or out of some grades. */
  | { kind: "HEALTH_GRADE_CHANGE"; to?: readonly string[]; from?: readonly string[]; direction?: "DOWN" | "UP" | null };

export type PlaybookCondition =
  /** A field of the account the firing is about. */
  | {
      kind: "ACCOUNT_FIELD";
      field: "industry" | "segment" | "region" | "name";
      op: "EQUALS" | "IN" | "CONTAINS";
      values: readonly string[];
    }
  /** The account's current health grade is one of these. */
  | { kind: "HEALTH_GRADE"; grades: readonly string[] }
  /** The account's current health score compares so with `value` (0..100). */
  | { kind: "HEALTH_SCORE"; op: "BELOW" | "ABOVE"; value: number }
  /**
   * A graph condition: an organization related to the account (or serving the firing's region) exists,
   * e.g. "the account's service partner in that region".
   */
  | {
      kind: "HAS_ORGANIZATION";
      relationship?: "PARTNER_OF" | "SUPPLIES" | "SERVICES" | "RESELLS_TO" | null;
      organizationKind?: "PARTNER" | "SUPPLIER" | "SERVICE_PROVIDER" | "RESELLER" | null;
      /** Only organizations whose `servesRegions` holds the firing's region (REGION scope) or the account's region. */
      servingRegion?: boolean;
    }
  /** No task from this playbook (or with this template) is still open for the account: do not nag twice. */
  | { kind: "NO_OPEN_TASK"; template?: string | null };

/** Who gets a task or review. */
export type Assignee =
  | { kind: "ACCOUNT_OWNER" }
  /** A user by id (the user's externalId, the `sub` of their tokens). */
  | { kind: "USER"; userId: string }
  /** Every user holding this role sees it in `myTasks`; the first to complete it closes it. */
  | { kind: "ROLE"; role: string }
  | { kind: "TEAM"; teamId: string }
  /** A partner organization by id, or — with `servingRegion` — the organization serving the firing's region. */
  | { kind: "ORGANIZATION"; organizationId?: string | null; servingRegion?: boolean; relationship?: string | null };

export type PlaybookAction =
  | { kind: "CREATE_TASK"; template: string; title: string; assignee: Assignee; dueInDays: number }
  /** E.g. a compliance pre-review: a task of type REVIEW that records a verdict when completed. */
  | { kind: "OPEN_REVIEW"; reviewType: string; title: string; assignee: Assignee; dueInDays: number }
  /** An intent signal on the account, e.g. "remote-qc-interest", visible like any other signal. */
  | { kind: "RAISE_INTENT_SIGNAL"; intent: string; strength?: number | null }
  /** Tags records: the firing's account(s), assets or production batches (e.g. a cell batch for R&D). */
  | { kind: "FLAG_RECORDS"; target: "ACCOUNT" | "ASSET" | "BATCH"; flag: string; note?: string | null }
  /** Sends a signed webhook (the events issue's delivery) to one registered endpoint. */
  | { kind: "CALL_WEBHOOK"; endpointId: string };

export type PlaybookActionKind = PlaybookAction["kind"];

/** What proves the playbook worked, measured per firing and summed per playbook. */
export type PlaybookFeedback =
  /** The firing's tasks (all, or those with this template) are completed within `withinDays`. */
  | { kind: "TASK_COMPLETED"; withinDays: number; template?: string | null }
  /** A matching signal is observed on the account within `withinDays` after the firing. */
  | { kind: "SIGNAL_OBSERVED"; signals: SignalSelector; withinDays: number }
  /** The account's health grade improves within `withinDays`. */
  | { kind: "HEALTH_IMPROVED"; withinDays: number };

/** Circuit breakers of one playbook (a tenant-wide rate limit comes from the server's configuration). */
export interface PlaybookLimits {
  /** At most this many firings per account (per region for REGION scope) in `periodDays`. */
  maxFiringsPerSubject: number;
  periodDays: number;
  /** The playbook pauses itself after this many consecutive firings whose actions failed. */
  pauseAfterFailures: number;
}

/** A playbook as authored: everything but its id, version and status. */
export interface PlaybookDefinition {
  name: string;
  /** What the playbook is for, in the author's words. */
  intent: string;
  mode: PlaybookMode;
  /** The user (externalId) it acts for: it may do only what this user's roles allow. */
  ownerUserId: string;
  trigger: PlaybookTrigger;
  conditions: readonly PlaybookCondition[];
  actions: readonly PlaybookAction[];
  feedback: PlaybookFeedback;
  limits: PlaybookLimits;
}
