import { PlaybookAction, PlaybookMode } from "./playbook";

/** One change event that woke a playbook, by reference (ids, never personal values). */
export interface TriggeringEvent {
  seq: number;
  type: string;
  /** The record the event is about: its global id, record type and source record id. */
  recordId: string;
  recordType: string;
  sourceSystem?: string | null;
  externalId?: string | null;
}

/** What one condition (or the trigger itself) saw when it was evaluated. */
export interface ConditionOutcome {
  /** The condition's kind and index, e.g. "trigger" or "conditions[1]:ACCOUNT_FIELD". */
  condition: string;
  passed: boolean;
  /** The facts it read, by name: values, counts, slopes, with the ids of the records they came from. */
  facts: Record<string, unknown>;
}

/**
 * The engine's decision that a playbook fires for one subject: everything the actions need and everything
 * the audit record must keep (its input, its basis). The actions side carries it out.
 */
export interface PlaybookFiring {
  /** Unique per firing; tasks, proposals and audit records name it. */
  firingId: string;
  playbookId: string;
  playbookVersion: number;
  playbookName: string;
  mode: PlaybookMode;
  ownerUserId: string;
  /** ISO instant the decision was made (simulation: the replayed instant). */
  firedAt: string;
  /** The accounts the firing is about (global ids); one for ACCOUNT scope, the affected ones for REGION. */
  accountIds: readonly string[];
  /** REGION scope: the region, the assets that moved (global ids) and their production batch codes. */
  region?: string | null;
  assetIds?: readonly string[];
  batchCodes?: readonly string[];
  triggeringEvents: readonly TriggeringEvent[];
  /** The trigger's and each condition's outcome, in order. */
  basis: readonly ConditionOutcome[];
  /** The health explanation excerpt the decision relied on (top concepts with contributions), if any. */
  healthExcerpt?: unknown;
  actions: readonly PlaybookAction[];
}
