/** The live record a signal `n` is about, as `{id, kind}` (kind ACCOUNT, CONTACT or ASSET); null if gone. */
export const SIGNAL_SUBJECT = `head([(n)-[:ABOUT]->(s) WHERE s:Account OR s:Contact OR s:Asset |
    {id: s.id, kind: CASE WHEN s:Account THEN 'ACCOUNT' WHEN s:Contact THEN 'CONTACT' ELSE 'ASSET' END}])`;

/** The id of the live account a record `n` belongs to through `rel` (WORKS_AT, FOR_ACCOUNT, INSTALLED_AT). */
export function accountIdThrough(rel: string): string {
  return `head([(n)-[:${rel}]->(a:Account) | a.id])`;
}
