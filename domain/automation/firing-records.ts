import { actorOf } from "../audit/actor";
import { ActionOutcomeRecord, FiringOutcomeStatus } from "./firing-outcome";
import { PlaybookAction } from "./playbook";
import { PlaybookFiring } from "./playbook-firing";
import { AuditEntryInput } from "../audit/audit-entry";

/**
 * The audit entries of a firing, its actions and what people do about them. Ids and values only: a person
 * is their user id, never a name or an address (the audit trail refuses payloads with personal values).
 */

/** Record types whose external ids are personal (kept out of audit payloads). */
const PERSON_RECORD_TYPES: ReadonlySet<string> = new Set(["CONTACT", "IDENTITY", "PERSON", "CONSENT"]);

/** Who a firing acts as in the trail: the playbook, on its owner's behalf. */
export function playbookActor(playbookId: string): string {
  return `agent:playbook/${playbookId}`;
}

function byOf(userId: string, agent: string | undefined): { userId: string; agent?: string } {
  return agent === undefined ? { userId } : { userId, agent };
}

function common(firing: PlaybookFiring, actor: string, users: readonly string[] = []) {
  return {
    playbookId: firing.playbookId,
    playbookVersion: firing.playbookVersion,
    firingId: firing.firingId,
    accountIds: [...firing.accountIds],
    userIds: [...new Set([firing.ownerUserId, ...users])],
    actor,
  };
}

/** The firing itself: its input (triggering events by reference), its basis and its owner. */
export function firingEntry(firing: PlaybookFiring): AuditEntryInput {
  return {
    kind: "FIRING",
    ...common(firing, playbookActor(firing.playbookId)),
    payload: {
      mode: firing.mode,
      firedAt: firing.firedAt,
      owner: { userId: firing.ownerUserId },
      input: {
        triggeringEvents: firing.triggeringEvents.map((event) => ({
          seq: event.seq,
          type: event.type,
          recordId: event.recordId,
          recordType: event.recordType,
          sourceSystem: event.sourceSystem ?? null,
          // A contact's or identity's external id names a person: it stays out of the immutable chain (issue 15).
          externalId: PERSON_RECORD_TYPES.has(event.recordType) ? null : (event.externalId ?? null),
        })),
        region: firing.region ?? null,
        assetIds: [...(firing.assetIds ?? [])],
        batchCodes: [...(firing.batchCodes ?? [])],
      },
      basis: {
        playbookVersion: firing.playbookVersion,
        conditions: firing.basis.map((outcome) => ({
          condition: outcome.condition,
          passed: outcome.passed,
          facts: outcome.facts,
        })),
        healthExcerpt: firing.healthExcerpt ?? null,
      },
      actions: firing.actions.map((action, index) => ({ index, kind: action.kind })),
    },
  };
}

/** An action's parameters as the trail keeps them (the action as the playbook version defines it). */
export function actionParameters(action: PlaybookAction): Record<string, unknown> {
  return { ...action };
}

/** One action carried out (DONE or FAILED), refused, or proposed. */
export function actionEntry(
  firing: PlaybookFiring,
  outcome: ActionOutcomeRecord,
  actor: string = playbookActor(firing.playbookId),
): AuditEntryInput {
  const action = firing.actions[outcome.index]!;
  return {
    kind: outcome.status === "REFUSED" ? "ACTION_REFUSED" : "ACTION",
    ...common(firing, actor, outcome.userIds ?? []),
    payload: {
      index: outcome.index,
      kind: action.kind,
      parameters: actionParameters(action),
      result: {
        status: outcome.status,
        resultId: outcome.resultId ?? null,
        reason: outcome.reason ?? null,
        details: outcome.details ?? null,
      },
    },
  };
}

/** The proposal a SUGGEST firing leaves for its owner. */
export function proposalEntry(
  firing: PlaybookFiring,
  proposalId: string,
  proposed: readonly number[],
): AuditEntryInput {
  return {
    kind: "PROPOSAL",
    ...common(firing, playbookActor(firing.playbookId)),
    payload: { proposalId, proposedActions: [...proposed], waitsFor: { userId: firing.ownerUserId } },
  };
}

/** The owner's (or an admin's) decision on a proposal: confirmed and carried out, or rejected. */
export function confirmationEntry(
  firing: PlaybookFiring,
  proposalId: string,
  decision: "CONFIRMED" | "REJECTED",
  by: string,
  at: string,
  reason: string | null,
  status: FiringOutcomeStatus | null,
  agent?: string,
): AuditEntryInput {
  return {
    kind: "CONFIRMATION",
    ...common(firing, actorOf(by, agent), [by]),
    payload: { proposalId, decision, by: byOf(by, agent), at, reason, outcome: status },
  };
}

/** The owner acknowledged an AUTO firing's receipt. */
export function receiptEntry(
  firing: PlaybookFiring,
  receiptId: string,
  by: string,
  at: string,
  agent?: string,
): AuditEntryInput {
  return {
    kind: "RECEIPT_ACKNOWLEDGED",
    ...common(firing, actorOf(by, agent), [by]),
    payload: { receiptId, by: byOf(by, agent), at },
  };
}
