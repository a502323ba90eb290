import { ConditionOutcome } from "./playbook-firing";
import { PlaybookCondition } from "./playbook";

/** An organization related to an account or serving a region, as conditions see it. */
export interface OrganizationFact {
  id: string;
  kind: string | null;
  /** How it relates to the account (PARTNER_OF, SERVICES, ...); null when it is known only by the region it serves. */
  relationship: string | null;
  servesRegions: readonly string[];
}

/** An open task or review of an account. */
export interface OpenTaskFact {
  id: string;
  playbookId: string | null;
  template: string | null;
}

/** What conditions may read about one account, read in one query for every subject of a page. */
export interface AccountFacts {
  id: string;
  name: string | null;
  industry: string | null;
  segment: string | null;
  region: string | null;
  healthGrade: string | null;
  /** 0..100. */
  healthScore: number | null;
  organizations: readonly OrganizationFact[];
  openTasks: readonly OpenTaskFact[];
}

/** The firing being decided: whose playbook, and the region of a REGION-scoped firing. */
export interface ConditionContext {
  playbookId: string;
  region: string | null;
  /** Organizations serving the firing's region, whether or not they are linked to an account. */
  regionOrganizations: readonly OrganizationFact[];
}

/**
 * Evaluates one condition for the accounts a firing is about. With several accounts (REGION scope) a
 * condition about an account holds when it holds for at least one of them; the facts name each account's
 * values so the audit record shows what was seen.
 */
export function evaluateCondition(
  condition: PlaybookCondition,
  index: number,
  accounts: readonly AccountFacts[],
  context: ConditionContext,
): ConditionOutcome {
  const name = `conditions[${index}]:${condition.kind}`;
  switch (condition.kind) {
    case "ACCOUNT_FIELD": {
      const seen = accounts.map((a) => ({ accountId: a.id, value: a[condition.field] }));
      const holds = (value: string | null) => {
        if (value === null) return false;
        const v = value.toLowerCase();
        const wanted = condition.values.map((w) => w.toLowerCase());
        if (condition.op === "CONTAINS") return v.includes(wanted[0]!);
        return wanted.includes(v);
      };
      const passed = seen.some((s) => holds(s.value));
      return {
        condition: name,
        passed,
        facts: { field: condition.field, op: condition.op, values: condition.values, seen },
      };
    }
    case "HEALTH_GRADE": {
      const seen = accounts.map((a) => ({ accountId: a.id, grade: a.healthGrade }));
      const passed = seen.some((s) => s.grade !== null && condition.grades.includes(s.grade));
      return { condition: name, passed, facts: { grades: condition.grades, seen } };
    }
    case "HEALTH_SCORE": {
      const seen = accounts.map((a) => ({ accountId: a.id, score: a.healthScore }));
      const passed = seen.some(
        (s) => s.score !== null && (condition.op === "BELOW" ? s.score < condition.value : s.score > condition.value),
      );
      return { condition: name, passed, facts: { op: condition.op, value: condition.value, seen } };
    }
    case "HAS_ORGANIZATION": {
      const region = (a: AccountFacts | null) => context.region ?? a?.region ?? null;
      const candidates: Array<OrganizationFact & { accountId: string | null }> = [];
      for (const account of accounts) {
        for (const org of account.organizations) candidates.push({ ...org, accountId: account.id });
      }
      if (condition.servingRegion && context.region !== null) {
        for (const org of context.regionOrganizations) candidates.push({ ...org, accountId: null });
      }
      const matches = candidates.filter((org) => {
        if (condition.relationship && org.relationship !== null && org.relationship !== condition.relationship) {
          return false;
        }
        if (condition.relationship && org.relationship === null && org.accountId !== null) return false;
        if (condition.organizationKind && org.kind !== condition.organizationKind) return false;
        if (condition.servingRegion) {
          const account = accounts.find((a) => a.id === org.accountId) ?? null;
          const wanted = region(account);
          if (wanted === null || !org.servesRegions.includes(wanted)) return false;
        }
        return true;
      });
      const ids = [...new Set(matches.map((m) => m.id))].sort();
      return {
        condition: name,
        passed: ids.length > 0,
        facts: {
          relationship: condition.relationship ?? null,
          organizationKind: condition.organizationKind ?? null,
          servingRegion: condition.servingRegion ?? false,
          region: context.region ?? accounts[0]?.region ?? null,
          organizationIds: ids.slice(0, 20),
        },
      };
    }
    case "NO_OPEN_TASK": {
      const open = accounts.flatMap((a) =>
        a.openTasks
          .filter((t) => (condition.template ? t.template === condition.template : t.playbookId === context.playbookId))
          .map((t) => ({ accountId: a.id, taskId: t.id })),
      );
      return {
        condition: name,
        passed: open.length === 0,
        facts: { template: condition.template ?? null, openTasks: open.slice(0, 20) },
      };
    }
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
}

/** Every condition in order; the firing goes ahead only when all pass. */
export function evaluateConditions(
  conditions: readonly PlaybookCondition[],
  accounts: readonly AccountFacts[],
  context: ConditionContext,
): { passed: boolean; outcomes: ConditionOutcome[] } {
  const outcomes = conditions.map((c, i) => evaluateCondition(c, i, accounts, context));
  return { passed: outcomes.every((o) => o.passed), outcomes };
}
