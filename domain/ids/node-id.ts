import { createHash } from "node:crypto";
import { InvalidIdError } from "./id.errors";

/** The node kinds that have public ids, with the prefix their ids carry. */
export const NODE_ID_PREFIXES = {
  Account: "acc",
  Contact: "con",
  Opportunity: "opp",
  Asset: "ast",
  Organization: "org",
  Signal: "sig",
  User: "usr",
  Team: "tem",
  Ticket: "tkt",
} as const;
export type IdentifiedKind = keyof typeof NODE_ID_PREFIXES;

const HASH_LENGTH = 22;

/**
 * The public id of a record, derived from its key (tenant, source system, external id).
 *
 * Deterministic so that re-ingesting a record, or loading the demo data twice, gives the same ids; the
 * tenant is part of the hash so two tenants' records never share an id.
 */
export function nodeId(kind: IdentifiedKind, tenant: string, sourceSystem: string, externalId: string): string {
  const digest = createHash("sha256")
    .update(`${tenant}\u0000${kind}\u0000${sourceSystem}\u0000${externalId}`)
    .digest("base64url");
  return `${NODE_ID_PREFIXES[kind]}_${digest.slice(0, HASH_LENGTH)}`;
}

/** Checks that `id` has the shape of a `kind` id; throws an {@link InvalidIdError} that says what was expected. */
export function assertNodeId(kind: IdentifiedKind, id: string, argument = "id"): string {
  const prefix = NODE_ID_PREFIXES[kind];
  const pattern = new RegExp(`^${prefix}_[A-Za-z0-9_-]{${HASH_LENGTH}}$`);
  if (!pattern.test(id)) {
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    throw new InvalidIdError(
      `${argument}: "${shown}" is not ${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind} id. ${kind} ids look like "${prefix}_" followed by ` +
        `${HASH_LENGTH} letters, digits, "-" or "_"; take them from the id field of a ${kind}.`,
    );
  }
  return id;
}
