/**
 * The orders the account list supports, each as two whitelisted sort expressions over `a` (the second
 * makes the order total, so keyset cursors are exact).
 */
export const ACCOUNT_ORDERS = {
  NAME_ASC: { keys: ["a.name", "a.id"], direction: "ASC" },
  NAME_DESC: { keys: ["a.name", "a.id"], direction: "DESC" },
  ANNUAL_REVENUE_DESC: { keys: ["coalesce(a.annualRevenue, -1.0)", "a.id"], direction: "DESC" },
  ANNUAL_REVENUE_ASC: { keys: ["coalesce(a.annualRevenue, -1.0)", "a.id"], direction: "ASC" },
  LAST_UPDATED_DESC: { keys: ["a.lastUpdatedAt.epochMillis", "a.id"], direction: "DESC" },
} as const satisfies Record<string, { keys: readonly [string, string]; direction: "ASC" | "DESC" }>;

export type AccountOrderName = keyof typeof ACCOUNT_ORDERS;
