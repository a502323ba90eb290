import { PlaybookAction, PlaybookActionKind } from "./playbook";

/**
 * The operation whose grant each action kind needs: a playbook acts with its owner's permissions, so an
 * action is allowed when one of the owner's roles may call this operation (the role matrix decides which
 * roles may). Creating a task needs what creating one by hand needs; raising an intent signal needs what
 * ingesting signals needs; flagging records is a data write; calling a webhook is managing webhooks.
 */
export const ACTION_PERMISSIONS: Readonly<Record<PlaybookActionKind, `Mutation.${string}`>> = {
  CREATE_TASK: "Mutation.createTask",
  OPEN_REVIEW: "Mutation.createTask",
  RAISE_INTENT_SIGNAL: "Mutation.ingestSignals",
  FLAG_RECORDS: "Mutation.upsertAssets",
  CALL_WEBHOOK: "Mutation.registerWebhook",
};

/** The roles that may call an operation (the role matrix, handed in so this stays pure). */
export type RolesAllowed = (operation: `Mutation.${string}`) => readonly string[];

/** The owner as the graph holds them: null when there is no such user (or it was deleted). */
export interface PlaybookOwner {
  userId: string;
  roles: readonly string[];
}

/**
 * Why the owner may not have `action` carried out in their name, or null when they may. A missing owner
 * may do nothing: a playbook whose owner left cannot act.
 */
export function actionRefusal(
  action: Pick<PlaybookAction, "kind">,
  owner: PlaybookOwner | null,
  ownerUserId: string,
  rolesAllowed: RolesAllowed,
): string | null {
  const operation = ACTION_PERMISSIONS[action.kind];
  if (owner === null) {
    return (
      `The playbook's owner ${ownerUserId} is not a user of this tenant (missing or deleted), so the playbook ` +
      `may not act in their name. Give the playbook an owner who exists (upsertUsers), then let it fire again.`
    );
  }
  const allowed = rolesAllowed(operation);
  if (owner.roles.some((role) => allowed.includes(role))) return null;
  const held = owner.roles.length === 0 ? "no roles" : `the roles ${owner.roles.join(", ")}`;
  return (
    `${action.kind} needs the permission of ${operation} (roles: ${allowed.join(", ") || "none"}), and the ` +
    `playbook's owner ${ownerUserId} has ${held}. Give the owner one of those roles, or hand the playbook to ` +
    `an owner who has one.`
  );
}
