import { PlaybookActionKind } from "../../domain/automation/playbook";
import { PlaybookFiring } from "../../domain/automation/playbook-firing";

/** What became of one action of a firing. */
export interface ActionOutcome {
  index: number;
  kind: PlaybookActionKind;
  /** PROPOSED: waits for the owner (SUGGEST mode); REFUSED: beyond the owner's permissions (audited). */
  status: "DONE" | "FAILED" | "REFUSED" | "PROPOSED";
  /** The id of what the action made (task, review, signal, flag, webhook delivery), when it made one. */
  resultId?: string | null;
  /** Why it failed or was refused, in words a person can act on. */
  reason?: string | null;
}

export interface FiringOutcome {
  firingId: string;
  /** PROPOSED (SUGGEST mode), EXECUTED (every action done), PARTIAL, FAILED or REFUSED (no action allowed). */
  status: "PROPOSED" | "EXECUTED" | "PARTIAL" | "FAILED" | "REFUSED";
  actions: readonly ActionOutcome[];
  /** The audit records written for it, by sequence number. */
  auditSeqs: readonly number[];
}

/**
 * Carries out a playbook's firing: the contract between the engine (which decides that a playbook fires)
 * and the actions side (which checks the owner's permissions, proposes or acts, and audits both). The
 * FIRING audit record and the proposal or the actions' effects are written in one transaction.
 */
export interface FiringSink {
  carryOut(firing: PlaybookFiring): Promise<FiringOutcome>;
}
