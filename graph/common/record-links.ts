import { NodeProperties } from "./node-projection";

/** The live record a signal `n` is about, as `{id, kind}` (kind ACCOUNT, CONTACT or ASSET); null if gone. */
export const SIGNAL_SUBJECT = `head([(n)-[:ABOUT]->(s) WHERE s:Account OR s:Contact OR s:Asset |
    {id: s.id, kind: CASE WHEN s:Account THEN 'ACCOUNT' WHEN s:Contact THEN 'CONTACT' ELSE 'ASSET' END}])`;

/** The id of the live account a record `n` belongs to through `rel` (WORKS_AT, FOR_ACCOUNT, INSTALLED_AT). */
export function accountIdThrough(rel: string): string {
  return `head([(n)-[:${rel}]->(a:Account) | a.id])`;
}

/** A record's account id, read through its relationship when the read does not start from the account. */
export type AccountLink = "accountId";
/** A signal's subject (`{id, kind}`, see {@link SIGNAL_SUBJECT}), read through its ABOUT relationship. */
export type SubjectLink = "subject";

/**
 * `node` as read on its own (`node(id)`, the top-level lists): its account id through `rel` as one more
 * selectable value, read only when a selected field needs it (decision 0040).
 */
export function withAccountLink<P extends string>(
  node: NodeProperties<P>,
  rel: string,
): NodeProperties<P | AccountLink> {
  const derived = { ...node.derived, accountId: accountIdThrough(rel) };
  return { allowed: [...node.allowed, "accountId"], instants: node.instants, derived };
}

/** A signal as read on its own: its subject as one more selectable value, read only when selected. */
export function withSubjectLink<P extends string>(node: NodeProperties<P>): NodeProperties<P | SubjectLink> {
  const derived = { ...node.derived, subject: SIGNAL_SUBJECT };
  return { allowed: [...node.allowed, "subject"], instants: node.instants, derived };
}
