/**
 * What an operation counts towards in usage calibration (PRODUCT.md, "Calibration"): AUTOMATION (playbooks,
 * their firings' proposals, receipts and tasks), AI (an agent's token, plain-language drafts, MCP), ANCHOR
 * (value anchors: people looking at their anchors).
 */
export const USAGE_CATEGORIES = ["AUTOMATION", "AI", "ANCHOR"] as const;
export type UsageCategory = (typeof USAGE_CATEGORIES)[number];

/**
 * Root or nested field names, by prefix, that put an operation in a category. Extend the lists when a
 * feature adds operations (e.g. the value anchors' `defineValueAnchor`); a prefix matches names that start
 * with it ("valueAnchor" matches "valueAnchors").
 */
export const CATEGORY_PREFIXES: Readonly<Record<UsageCategory, readonly string[]>> = {
  AUTOMATION: [
    "playbook",
    "savePlaybook",
    "activatePlaybook",
    "pausePlaybook",
    "retirePlaybook",
    "simulatePlaybook",
    "confirmProposal",
    "rejectProposal",
    "proposals",
    "acknowledgeReceipt",
    "receipts",
    "createTask",
    "completeTask",
    "myTasks",
  ],
  AI: ["draftPlaybookFromText"],
  ANCHOR: ["valueAnchor", "valueAnchors", "anchorEffect", "attribution", "defineValueAnchor", "updateValueAnchor"],
};

function matches(name: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => name.startsWith(prefix));
}

/**
 * The categories of one root field of an operation: by its name and the names of the fields it selects
 * (so `account { valueAnchors { … } }` is anchor-related), and AI for every operation an agent makes.
 */
export function categoriesOf(
  rootField: string,
  nestedFields: Iterable<string>,
  byAgent: boolean,
  prefixes: Readonly<Record<UsageCategory, readonly string[]>> = CATEGORY_PREFIXES,
): UsageCategory[] {
  const names = [rootField, ...nestedFields];
  const out = new Set<UsageCategory>();
  for (const category of USAGE_CATEGORIES) {
    if (category === "AUTOMATION" || category === "AI") {
      if (matches(rootField, prefixes[category])) out.add(category);
    } else if (names.some((name) => matches(name, prefixes[category]))) out.add(category);
  }
  if (byAgent) out.add("AI");
  return USAGE_CATEGORIES.filter((c) => out.has(c));
}
