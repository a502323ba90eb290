import { PlaybookDefinition, PlaybookStatus } from "./playbook";

/** A playbook as stored: its current version's definition, its status and what the breakers keep. */
export interface StoredPlaybook {
  id: string;
  name: string;
  status: PlaybookStatus;
  currentVersion: number;
  ownerUserId: string;
  /** Firings in a row whose actions failed; the playbook pauses itself at `limits.pauseAfterFailures`. */
  consecutiveFailures: number;
  /** Why it is paused (by a person, or by the failure breaker); null when it is not. */
  pausedReason: string | null;
  createdAt: string;
  updatedAt: string;
  definition: PlaybookDefinition;
}

/** One saved version; never changed once saved. */
export interface PlaybookVersionRecord {
  version: number;
  definition: PlaybookDefinition;
  savedAt: string;
  savedBy: string;
}

/** A firing as the engine records it (`(:PlaybookFiring)`): for dedupe, breakers, stats and `playbookFirings`. */
export interface PlaybookFiringRecord {
  id: string;
  playbookId: string;
  version: number;
  /** "account:<id>" or "region:<name>". */
  subject: string;
  firedAt: string;
  /** PENDING until the actions side answers, then its FiringOutcome status. */
  outcome: string;
  accountIds: string[];
  /** REGION scope: the region, the assets that moved and their production batches. */
  region: string | null;
  assetIds: string[];
  batchCodes: string[];
  /** The trigger's and conditions' outcomes (JSON, as handed to the actions side). */
  basis: string;
  outcomeReason: string | null;
}
