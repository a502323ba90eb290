/**
 * The record labels that can be deleted, and the label a deleted record carries instead.
 *
 * A soft delete swaps the label (`:Account` becomes `:DeletedAccount`), so every read that matches the live
 * label leaves deleted records out without a filter of its own. A fixed whitelist: these are the only
 * labels deletion Cypher interpolates.
 */
export const DELETABLE_LABELS = ["Account", "Contact", "Opportunity", "Asset", "Organization", "Signal"] as const;
export type DeletableLabel = (typeof DELETABLE_LABELS)[number];

/**
 * Nodes that belong to an account and only make sense with it (scores, grade changes, manual measures,
 * outcomes): they are hidden and purged with the account, by the same label swap.
 */
export const ACCOUNT_OWNED_LABELS = ["HealthScore", "HealthEvent", "ManualMeasure", "Outcome"] as const;
export type AccountOwnedLabel = (typeof ACCOUNT_OWNED_LABELS)[number];

export function deletedLabel(label: DeletableLabel | AccountOwnedLabel): string {
  return `Deleted${label}`;
}
