import { AuditEntryInput } from "../audit/audit-entry";
import { PlaybookDefinition } from "./playbook";

export type PlaybookChange = "SAVED" | "ACTIVATED" | "PAUSED" | "RETIRED";

/**
 * The PLAYBOOK_CHANGED audit entry of a change to a playbook. The definition is recorded whole but for the
 * fields the audit keeps out of its hashed payload: the owner is in `userIds` (an id, kept referenced), and
 * the playbook's name travels as `playbookName` (a `name` key reads as a person's name to the audit check).
 */
export function playbookChangedEntry(
  change: PlaybookChange,
  playbook: { id: string; version: number; status: string; definition: PlaybookDefinition },
  actor: string,
  reason: string | null = null,
): AuditEntryInput {
  const { name, ownerUserId, ...rest } = playbook.definition;
  return {
    kind: "PLAYBOOK_CHANGED",
    playbookId: playbook.id,
    playbookVersion: playbook.version,
    accountIds: [],
    userIds: [ownerUserId],
    actor,
    payload: {
      change,
      status: playbook.status,
      playbookName: name,
      ...(reason === null ? {} : { reason }),
      ...(change === "SAVED" ? { definition: rest } : {}),
    },
  };
}

/** The BREAKER_TRIPPED audit entry: which breaker held which playbook back for which subject, and why. */
export function breakerTrippedEntry(
  trip: {
    playbookId: string;
    playbookVersion: number;
    subject: string;
    breaker: string;
    reason: string;
    facts: object;
  },
  accountIds: readonly string[],
  ownerUserId: string,
): AuditEntryInput {
  return {
    kind: "BREAKER_TRIPPED",
    playbookId: trip.playbookId,
    playbookVersion: trip.playbookVersion,
    accountIds: [...accountIds],
    userIds: [ownerUserId],
    actor: "job:playbook-runner",
    payload: { breaker: trip.breaker, subject: trip.subject, reason: trip.reason, facts: trip.facts },
  };
}

/** An actor as the audit trail names it: a request's caller. */
export function userActor(subject: string): string {
  return `user:${subject.replace(/\s+/g, "_").slice(0, 200)}`;
}
