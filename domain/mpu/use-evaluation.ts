import { OPPORTUNITY_STAGES } from "../records";
import { CircuitBreaker, MpuDefinition, VerificationPoint } from "./mpu";

const HOUR_MS = 3_600_000;

/** What happened on the account (and opportunity) since a use was applied, as the tracker reads it. */
export interface UseFacts {
  /** Signals on the account or its contacts observed at or after the use was applied. */
  signals: ReadonlyArray<{ field: string; at: number }>;
  /** The opportunity's stage now, and since when (its last update); null without an opportunity. */
  stage: { stage: string; since: number } | null;
  /** Tasks about the account completed at or after the use was applied. */
  tasks: ReadonlyArray<{ template: string; verdict: string | null; completedAt: number }>;
}

export type UseVerdict =
  | { status: "PENDING" }
  | { status: "SUCCEEDED"; reason: string }
  | { status: "FAILED"; reason: string }
  | { status: "BROKEN"; reason: string; breaker: CircuitBreaker };

/** A later stage counts as reaching an earlier one on the way to winning; CLOSED_LOST reaches only itself. */
export function stageReached(current: string, target: string): boolean {
  if (current === target) return true;
  if (current === "CLOSED_LOST" || target === "CLOSED_LOST") return false;
  const order = OPPORTUNITY_STAGES as readonly string[];
  const c = order.indexOf(current);
  const t = order.indexOf(target);
  return c >= 0 && t >= 0 && c >= t;
}

function met(point: VerificationPoint, appliedAt: number, facts: UseFacts): boolean {
  const deadline = appliedAt + point.withinHours * HOUR_MS;
  const inWindow = (at: number) => at >= appliedAt && at <= deadline;
  switch (point.kind) {
    case "SIGNAL":
      return facts.signals.some((s) => s.field === point.field && inWindow(s.at));
    case "STAGE_REACHED":
      return facts.stage !== null && stageReached(facts.stage.stage, point.stage) && facts.stage.since <= deadline;
    case "TASK_OUTCOME":
      return facts.tasks.some(
        (t) =>
          t.template === point.template &&
          inWindow(t.completedAt) &&
          (point.verdict === null || (t.verdict ?? "").toLowerCase() === point.verdict.toLowerCase()),
      );
  }
}

function describe(point: VerificationPoint): string {
  switch (point.kind) {
    case "SIGNAL":
      return `a ${point.field} signal within ${point.withinHours} h`;
    case "STAGE_REACHED":
      return `stage ${point.stage} within ${point.withinHours} h`;
    case "TASK_OUTCOME":
      return `task ${point.template}${point.verdict === null ? "" : ` (${point.verdict})`} within ${point.withinHours} h`;
  }
}

function fired(breaker: CircuitBreaker, appliedAt: number, facts: UseFacts, now: number): string | null {
  switch (breaker.kind) {
    case "NO_SIGNAL": {
      const deadline = appliedAt + breaker.withinHours * HOUR_MS;
      if (now <= deadline) return null;
      const answered = facts.signals.some((s) => s.field === breaker.field && s.at >= appliedAt && s.at <= deadline);
      return answered ? null : `no ${breaker.field} signal within ${breaker.withinHours} h`;
    }
    case "STAGE_REACHED":
      return facts.stage !== null && facts.stage.stage === breaker.stage
        ? `the opportunity reached ${breaker.stage}`
        : null;
  }
}

/**
 * Decides a pending use at `now`: SUCCEEDED when every verification point was met within its time limit;
 * otherwise BROKEN when a circuit breaker fired (a NO_SIGNAL breaker only after its deadline); otherwise
 * FAILED when a point's time limit passed unmet; otherwise still PENDING.
 */
export function evaluateUse(definition: MpuDefinition, appliedAt: number, facts: UseFacts, now: number): UseVerdict {
  const points = definition.verifications;
  if (points.every((p) => met(p, appliedAt, facts))) {
    return { status: "SUCCEEDED", reason: `met: ${points.map(describe).join("; ")}` };
  }
  for (const breaker of definition.breakers) {
    const why = fired(breaker, appliedAt, facts, now);
    if (why !== null) return { status: "BROKEN", reason: `breaker "${breaker.title}": ${why}`, breaker };
  }
  const missed = points.find((p) => !met(p, appliedAt, facts) && now > appliedAt + p.withinHours * HOUR_MS);
  if (missed !== undefined) return { status: "FAILED", reason: `not met in time: ${describe(missed)}` };
  return { status: "PENDING" };
}

/** Whether the unit's checkpoints or breakers read an opportunity (then a use must name one). */
export function needsOpportunity(definition: MpuDefinition): boolean {
  return (
    definition.verifications.some((p) => p.kind === "STAGE_REACHED") ||
    definition.breakers.some((b) => b.kind === "STAGE_REACHED")
  );
}
