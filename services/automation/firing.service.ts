import { actorOf } from "../../domain/audit/actor";
import { actionRefusal, RolesAllowed } from "../../domain/automation/action-permissions";
import { automationId } from "../../domain/automation/automation-ids";
import { AutomationError } from "../../domain/automation/automation.errors";
import { checkFiring } from "../../domain/automation/check-firing";
import { ActionOutcomeRecord, firingStatus } from "../../domain/automation/firing-outcome";
import {
  actionEntry,
  confirmationEntry,
  firingEntry,
  proposalEntry,
  receiptEntry,
} from "../../domain/automation/firing-records";
import { PlaybookFiring } from "../../domain/automation/playbook-firing";
import { checkText, MAX_NOTE_LENGTH } from "../../domain/automation/task";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { Clock } from "../../domain/time/clock";
import { AutomationStore, AutomationTransaction } from "../../graph/automation/automation-store";
import { Proposal } from "../../graph/automation/proposal.repository";
import { Receipt } from "../../graph/automation/receipt.repository";
import { ActionRunner } from "./action-runner";
import {
  consentDetails,
  FiringPeople,
  firingRecordIds,
  screenAction,
  withoutRecords,
} from "../../domain/personal-data/action-purposes";
import { FiringAccount } from "../../graph/automation/action-targets.repository";
import { FiringOutcome, FiringSink } from "./firing-sink";

/** Who asks: the token's subject (a user's externalId) and role. */
export interface AutomationCaller {
  subject: string;
  role: string;
  /** The AI agent acting with the caller's token (`agt` claim): audit records name it (`agent:<name>`). */
  agent?: string;
}

/**
 * Carries out playbook firings for one tenant (issue 11): a playbook acts with its owner's permissions, so
 * each action is checked against the owner's roles in the graph first; an action beyond them is refused and
 * audited. SUGGEST leaves a proposal for the owner to confirm or reject; AUTO acts at once and leaves the
 * owner a receipt to acknowledge. Every decision is written to the audit trail in the transaction of its
 * effects.
 */
export class FiringService implements FiringSink {
  private readonly runner: ActionRunner;

  constructor(
    private readonly store: AutomationStore,
    private readonly tenant: string,
    /** The role matrix: the roles that may call an operation. */
    private readonly rolesAllowed: RolesAllowed,
    private readonly clock: Clock,
  ) {
    this.runner = new ActionRunner(tenant);
  }

  async carryOut(firing: PlaybookFiring): Promise<FiringOutcome> {
    checkFiring(firing);
    const now = this.clock().toISOString();
    return this.store.transaction("playbook.carryOut", now, async (tx) => {
      if (await tx.proposals.firingSeen(firing.firingId)) {
        throw new AutomationError(
          "FIRING_ALREADY_CARRIED_OUT",
          `Firing ${firing.firingId} was carried out already (it has a proposal or a receipt); a firing acts once.`,
        );
      }
      const owner = await tx.targets.owner(firing.ownerUserId);
      const refusals = firing.actions.map((action) =>
        actionRefusal(action, owner, firing.ownerUserId, this.rolesAllowed),
      );
      const people = await tx.consents.peopleOf(firingRecordIds(firing));
      if (firing.mode === "SUGGEST") return this.propose(tx, firing, refusals, now, people);
      const accounts = await tx.targets.accounts(firing.accountIds);
      const outcomes: ActionOutcomeRecord[] = [];
      for (let index = 0; index < firing.actions.length; index += 1) {
        const refusal = refusals[index];
        outcomes.push(
          refusal
            ? { index, kind: firing.actions[index]!.kind, status: "REFUSED", reason: refusal }
            : await this.performWithConsent(tx, firing, accounts, now, index, people),
        );
      }
      const status = firingStatus("AUTO", outcomes);
      await tx.receipts.create(
        {
          id: automationId("Receipt", this.tenant, firing.firingId),
          firingId: firing.firingId,
          playbookId: firing.playbookId,
          playbookVersion: firing.playbookVersion,
          playbookName: firing.playbookName,
          ownerUserId: firing.ownerUserId,
          outcome: status,
          actions: JSON.stringify(outcomes.map(publicOutcome)),
          accountIds: firing.accountIds,
        },
        now,
      );
      const seqs = await tx.audit(now, [firingEntry(firing), ...outcomes.map((o) => actionEntry(firing, o))]);
      return { firingId: firing.firingId, status, actions: outcomes.map(publicOutcome), auditSeqs: seqs };
    });
  }

  private async propose(
    tx: AutomationTransaction,
    firing: PlaybookFiring,
    refusals: readonly (string | null)[],
    now: string,
    people: FiringPeople,
  ): Promise<FiringOutcome> {
    const outcomes: ActionOutcomeRecord[] = firing.actions.map((action, index) => {
      const reason = refusals[index] ?? null;
      if (reason !== null) return { index, kind: action.kind, status: "REFUSED", reason };
      // Proposed only if someone it is about consents now; checked again when the owner confirms.
      const screen = screenAction(action, people, now);
      return screen?.refusal
        ? {
            index,
            kind: action.kind,
            status: "REFUSED",
            reason: screen.refusal,
            details: { consent: consentDetails(screen) },
          }
        : { index, kind: action.kind, status: "PROPOSED" };
    });
    const status = firingStatus("SUGGEST", outcomes);
    const entries: AuditEntryInput[] = [
      firingEntry(firing),
      ...outcomes.filter((o) => o.status === "REFUSED").map((o) => actionEntry(firing, o)),
    ];
    let proposalId: string | null = null;
    if (status === "PROPOSED") {
      proposalId = automationId("Proposal", this.tenant, firing.firingId);
      await tx.proposals.create(
        {
          id: proposalId,
          firingId: firing.firingId,
          playbookId: firing.playbookId,
          playbookVersion: firing.playbookVersion,
          playbookName: firing.playbookName,
          ownerUserId: firing.ownerUserId,
          firing: JSON.stringify(firing),
          actions: JSON.stringify(outcomes.map(publicOutcome)),
          accountIds: firing.accountIds,
        },
        now,
      );
      const proposed = outcomes.filter((o) => o.status === "PROPOSED").map((o) => o.index);
      entries.push(proposalEntry(firing, proposalId, proposed));
    }
    const seqs = await tx.audit(now, entries);
    return {
      firingId: firing.firingId,
      status,
      actions: outcomes.map((o) => ({ ...publicOutcome(o), resultId: o.status === "PROPOSED" ? proposalId : null })),
      auditSeqs: seqs,
    };
  }

  /**
   * The owner (or an admin) confirms a proposal: its proposed actions are carried out now, with the owner's
   * permissions as they are now, and the confirmation (who, when) is recorded with them.
   */
  async confirmProposal(id: string, caller: AutomationCaller): Promise<{ proposal: Proposal; outcome: FiringOutcome }> {
    const now = this.clock().toISOString();
    return this.store.transaction("playbook.confirmProposal", now, async (tx) => {
      const proposal = this.decidable(await tx.proposals.lock(id), id, caller);
      const firing = JSON.parse(proposal.firing) as PlaybookFiring;
      const proposed = new Set(
        (JSON.parse(proposal.actions) as ActionOutcomeRecord[])
          .filter((o) => o.status === "PROPOSED")
          .map((o) => o.index),
      );
      const owner = await tx.targets.owner(firing.ownerUserId);
      const accounts = await tx.targets.accounts(firing.accountIds);
      const people = await tx.consents.peopleOf(firingRecordIds(firing));
      const outcomes: ActionOutcomeRecord[] = [];
      const actor = actorOf(caller.subject, caller.agent);
      for (let index = 0; index < firing.actions.length; index += 1) {
        const action = firing.actions[index]!;
        const refusal = proposed.has(index)
          ? actionRefusal(action, owner, firing.ownerUserId, this.rolesAllowed)
          : "Refused when proposed: beyond the owner's permissions at the time.";
        outcomes.push(
          refusal !== null
            ? { index, kind: action.kind, status: "REFUSED", reason: refusal }
            : await this.performWithConsent(tx, firing, accounts, now, index, people),
        );
      }
      const status = firingStatus("CONFIRMED", outcomes);
      const decided = await tx.proposals.decide(
        id,
        {
          status: "CONFIRMED",
          by: caller.subject,
          reason: null,
          outcome: status,
          actions: JSON.stringify(outcomes.map(publicOutcome)),
        },
        now,
      );
      const carriedOut = outcomes.filter((o) => proposed.has(o.index));
      const seqs = await tx.audit(now, [
        ...carriedOut.map((o) => actionEntry(firing, o, actor)),
        confirmationEntry(firing, id, "CONFIRMED", caller.subject, now, null, status, caller.agent),
      ]);
      return {
        proposal: decided!,
        outcome: { firingId: firing.firingId, status, actions: outcomes.map(publicOutcome), auditSeqs: seqs },
      };
    });
  }

  /** The owner (or an admin) rejects a proposal: nothing is carried out; the rejection and its reason are recorded. */
  async rejectProposal(id: string, reason: string | null | undefined, caller: AutomationCaller): Promise<Proposal> {
    const why = checkText(reason, "reason", MAX_NOTE_LENGTH);
    const now = this.clock().toISOString();
    return this.store.transaction("playbook.rejectProposal", now, async (tx) => {
      const proposal = this.decidable(await tx.proposals.lock(id), id, caller);
      const firing = JSON.parse(proposal.firing) as PlaybookFiring;
      const decided = await tx.proposals.decide(
        id,
        { status: "REJECTED", by: caller.subject, reason: why, outcome: null, actions: null },
        now,
      );
      // The reason is the owner's free text: kept on the proposal, referenced (not copied) in the trail.
      await tx.audit(now, [confirmationEntry(firing, id, "REJECTED", caller.subject, now, null, null, caller.agent)]);
      return decided!;
    });
  }

  /** The owner acknowledges an AUTO firing's receipt (who and when go into the trail). */
  async acknowledgeReceipt(id: string, caller: AutomationCaller): Promise<Receipt> {
    const now = this.clock().toISOString();
    return this.store.transaction("playbook.acknowledgeReceipt", now, async (tx) => {
      const receipt = await tx.receipts.lock(id);
      if (receipt === null) throw receiptNotFound(id);
      if (receipt.ownerUserId !== caller.subject) {
        throw new AutomationError(
          "NOT_PLAYBOOK_OWNER",
          `Receipt ${id} is for the playbook's owner ${receipt.ownerUserId}; only they acknowledge it (your token's ` +
            `subject is ${caller.subject}).`,
        );
      }
      if (receipt.status !== "UNACKNOWLEDGED") {
        throw new AutomationError(
          "RECEIPT_ALREADY_ACKNOWLEDGED",
          `Receipt ${id} was acknowledged by ${receipt.acknowledgedBy ?? "its owner"} at ${receipt.acknowledgedAt ?? "an earlier time"}; nothing to do.`,
        );
      }
      const acknowledged = await tx.receipts.acknowledge(id, caller.subject, now);
      await tx.audit(now, [receiptEntry(receiptFiring(receipt), id, caller.subject, now, caller.agent)]);
      return acknowledged!;
    });
  }

  /**
   * Carries out one allowed action for the people who consent to its purpose (issue 15): people without a
   * valid consent are skipped (their records left out of what the action sees) and named in the outcome's
   * details, which the audit record keeps; when nobody is left, the action is refused and says why.
   */
  private async performWithConsent(
    tx: AutomationTransaction,
    firing: PlaybookFiring,
    accounts: readonly FiringAccount[],
    now: string,
    index: number,
    people: FiringPeople,
  ): Promise<ActionOutcomeRecord> {
    const action = firing.actions[index]!;
    const screen = screenAction(action, people, now);
    if (screen?.refusal) {
      return {
        index,
        kind: action.kind,
        status: "REFUSED",
        reason: screen.refusal,
        details: { consent: consentDetails(screen) },
      };
    }
    const screened = withoutRecords(firing, screen?.skippedRecordIds ?? []);
    const outcome = await this.runner.perform(tx, { firing: screened, accounts, now }, index);
    if (screen === null) return outcome;
    return { ...outcome, details: { ...(outcome.details ?? {}), consent: consentDetails(screen) } };
  }

  private decidable(proposal: Proposal | null, id: string, caller: AutomationCaller): Proposal {
    if (proposal === null) {
      throw new AutomationError(
        "PROPOSAL_NOT_FOUND",
        `No proposal ${id.slice(0, 80)} in your tenant; proposals(filter: {status: PENDING}) lists those waiting.`,
      );
    }
    if (proposal.ownerUserId !== caller.subject && caller.role !== "admin") {
      throw new AutomationError(
        "NOT_PLAYBOOK_OWNER",
        `Proposal ${proposal.id} waits for the playbook's owner ${proposal.ownerUserId} (or an admin); your token's ` +
          `subject is ${caller.subject}.`,
      );
    }
    if (proposal.status !== "PENDING") {
      throw new AutomationError(
        "PROPOSAL_ALREADY_DECIDED",
        `Proposal ${proposal.id} was ${proposal.status.toLowerCase()} by ${proposal.decidedBy ?? "someone"} at ` +
          `${proposal.decidedAt ?? "an earlier time"}; a proposal is decided once.`,
      );
    }
    return proposal;
  }
}

function receiptNotFound(id: string): AutomationError {
  return new AutomationError(
    "RECEIPT_NOT_FOUND",
    `No receipt ${id.slice(0, 80)} in your tenant; receipts(filter: {status: UNACKNOWLEDGED}) lists yours.`,
  );
}

/** The parts of a firing a receipt's audit record names. */
function receiptFiring(receipt: Receipt): PlaybookFiring {
  return {
    firingId: receipt.firingId,
    playbookId: receipt.playbookId,
    playbookVersion: receipt.playbookVersion,
    playbookName: receipt.playbookName,
    mode: "AUTO",
    ownerUserId: receipt.ownerUserId,
    firedAt: receipt.createdAt,
    accountIds: receipt.accountIds,
    triggeringEvents: [],
    basis: [],
    actions: [],
  };
}

/** An outcome as the contract's ActionOutcome (without the trail-only fields). */
function publicOutcome(o: ActionOutcomeRecord) {
  return { index: o.index, kind: o.kind, status: o.status, resultId: o.resultId ?? null, reason: o.reason ?? null };
}
