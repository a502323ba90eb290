import { subjectBreaker, tenantRateBreaker } from "../../domain/automation/circuit-breaker";
import { PlaybookDefinition } from "../../domain/automation/playbook";
import { ConditionOutcome } from "../../domain/automation/playbook-firing";
import { DAY_MS } from "../../domain/automation/signal-window";
import { evaluateGradeChange, TriggerDecision } from "../../domain/automation/trigger-evaluation";
import { ChangeType, recordTypeOf } from "../../domain/events/change-event";
import { PlaybookEvidenceRepository } from "../../graph/automation/playbook-evidence.repository";
import { ChangeFeedRepository } from "../../graph/events/change-feed.repository";
import { isSignalTrigger, lookBackDays, PlaybookEvaluator, subjectKey } from "./playbook-evaluator";

/** Where a playbook would have fired in a replayed period. */
export interface SimulatedFiring {
  subject: string;
  at: string;
  accountIds: string[];
  region: string | null;
  assetIds: string[];
  batchCodes: string[];
  /** The trigger's and each condition's outcome, as a real firing's basis. */
  basis: ConditionOutcome[];
}

/** A firing a breaker would have held back. */
export interface SimulatedHold {
  subject: string;
  at: string;
  breaker: string;
  reason: string;
}

export interface SimulationReport {
  from: string;
  to: string;
  /** Points in time the trigger was evaluated at (one per signal, snapshot or event in the period). */
  evaluations: number;
  /** Triggered, but a condition did not hold. */
  conditionsFailed: number;
  firings: SimulatedFiring[];
  held: SimulatedHold[];
  /** History beyond the bounds was not replayed (too many signals or events); narrow the period. */
  truncated: boolean;
}

/** Bounds of one simulation's work. */
export const SIMULATION_LIMITS = { maxSignals: 100_000, maxEvents: 50_000, maxSnapshots: 100_000, maxReported: 1000 };

interface Triggered {
  subject: string;
  at: number;
  accountIds: string[];
  region: string | null;
  assetIds: string[];
  batchCodes: string[];
  decision: TriggerDecision;
}

/**
 * Replays a period of history — the signals, health snapshots and change events stored in the graph — and
 * reports where a playbook would have fired, with what basis, and where its breakers would have held it.
 * It only reads: nothing is written, no firing recorded, no action taken. Conditions are evaluated on
 * today's facts (account fields, current grade, organizations, open tasks): the graph keeps no history of
 * those.
 */
export class PlaybookSimulator {
  constructor(
    private readonly evaluator: PlaybookEvaluator,
    private readonly evidence: PlaybookEvidenceRepository,
    private readonly feed: ChangeFeedRepository,
    private readonly tenantRatePerHour: number,
  ) {}

  async simulate(
    playbookId: string,
    definition: PlaybookDefinition,
    from: number,
    to: number,
  ): Promise<SimulationReport> {
    const { triggered, evaluations, truncated } = await this.replayTrigger(definition, from, to);
    triggered.sort((a, b) => a.at - b.at || a.subject.localeCompare(b.subject));
    const verdicts = await this.evaluator.conditions(playbookId, definition, triggered);
    const report: SimulationReport = {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      evaluations,
      conditionsFailed: 0,
      firings: [],
      held: [],
      truncated,
    };
    const firedAt = new Map<string, number[]>();
    const all: number[] = [];
    for (const [i, candidate] of triggered.entries()) {
      const verdict = verdicts[i]!;
      if (!verdict.passed) {
        report.conditionsFailed += 1;
        continue;
      }
      const times = firedAt.get(candidate.subject) ?? [];
      const inHour = all.filter((t) => t > candidate.at - 3_600_000).length;
      const subject = subjectBreaker(definition.limits, candidate.subject, times, candidate.at);
      const rate = tenantRateBreaker(inHour, this.tenantRatePerHour);
      const tripped = subject.tripped ? subject : rate.tripped ? rate : null;
      if (tripped !== null && tripped.tripped) {
        if (report.held.length < SIMULATION_LIMITS.maxReported) {
          report.held.push({
            subject: candidate.subject,
            at: new Date(candidate.at).toISOString(),
            breaker: tripped.breaker,
            reason: tripped.reason,
          });
        }
        continue;
      }
      times.push(candidate.at);
      firedAt.set(candidate.subject, times);
      all.push(candidate.at);
      if (report.firings.length < SIMULATION_LIMITS.maxReported) {
        report.firings.push({
          subject: candidate.subject,
          at: new Date(candidate.at).toISOString(),
          accountIds: candidate.accountIds,
          region: candidate.region,
          assetIds: candidate.assetIds,
          batchCodes: candidate.batchCodes,
          basis: [candidate.decision.outcome, ...verdict.outcomes],
        });
      } else {
        report.truncated = true;
      }
    }
    return report;
  }

  /** Every point in the period where the trigger passes, in time order per subject, with new evidence each time. */
  private async replayTrigger(
    definition: PlaybookDefinition,
    from: number,
    to: number,
  ): Promise<{ triggered: Triggered[]; evaluations: number; truncated: boolean }> {
    const trigger = definition.trigger;
    const triggered: Triggered[] = [];
    if (isSignalTrigger(trigger)) {
      const resolved = await this.evaluator.resolve(trigger);
      const since = from - lookBackDays(trigger) * DAY_MS;
      const series = await this.evaluator.series(trigger, resolved, null, since, to, SIMULATION_LIMITS.maxSignals);
      let evaluations = 0;
      let loaded = 0;
      for (const [subject, points] of series) {
        loaded += points.length;
        let evidence: number | null = null;
        const instants = [...new Set(points.filter((p) => p.at > from && p.at <= to).map((p) => p.at))].sort(
          (a, b) => a - b,
        );
        for (const at of instants) {
          evaluations += 1;
          const result = this.evaluator.decide(trigger, subject, points, at, evidence);
          if (!result.decision.passed) continue;
          // A firing consumes its evidence, as in the runner (breakers are applied afterwards, in time order).
          evidence = result.decision.evidenceThrough;
          triggered.push({ ...result, at });
        }
      }
      return { triggered, evaluations, truncated: loaded >= SIMULATION_LIMITS.maxSignals };
    }
    if (trigger.kind === "HEALTH_GRADE_CHANGE") {
      const snapshots = await this.evidence.healthHistory(null, to, SIMULATION_LIMITS.maxSnapshots);
      let evaluations = 0;
      for (let i = 1; i < snapshots.length; i += 1) {
        const before = snapshots[i - 1]!;
        const after = snapshots[i]!;
        if (before.accountId !== after.accountId || after.at <= from || before.grade === after.grade) continue;
        evaluations += 1;
        const decision = evaluateGradeChange(trigger, {
          seq: 0,
          at: after.at,
          fromGrade: before.grade,
          toGrade: after.grade,
          fromScore: before.score,
          toScore: after.score,
        });
        if (!decision.passed) continue;
        triggered.push({
          subject: subjectKey("ACCOUNT", after.accountId),
          at: after.at,
          accountIds: [after.accountId],
          region: null,
          assetIds: [],
          batchCodes: [],
          decision,
        });
      }
      return { triggered, evaluations, truncated: snapshots.length >= SIMULATION_LIMITS.maxSnapshots };
    }
    // EVENT: the change events of those types committed in the period.
    const types = trigger.eventTypes as ChangeType[];
    const { purgedThrough } = await this.feed.sequence();
    let after = purgedThrough;
    let seen = 0;
    const events = [];
    for (;;) {
      const page = await this.feed.readPage(after, 1000, types);
      for (const event of page.events) {
        const at = Date.parse(event.at);
        if (at > from && at <= to) events.push(event);
      }
      seen += page.events.length;
      if (!page.hasMore || page.through === after || seen >= SIMULATION_LIMITS.maxEvents) break;
      after = page.through;
      if (page.events.length > 0 && Date.parse(page.events.at(-1)!.at) > to) break;
    }
    const owners = await this.evidence.accountsOfRecords(
      events.filter((e) => ["CONTACT", "ASSET", "OPPORTUNITY"].includes(recordTypeOf(e.type))).map((e) => e.recordId),
    );
    for (const event of events) {
      const record = recordTypeOf(event.type);
      const accountId =
        record === "ACCOUNT" || record === "HEALTH" ? event.recordId : (owners.get(event.recordId) ?? null);
      const at = Date.parse(event.at);
      triggered.push({
        subject: accountId === null ? `record:${event.recordId}` : subjectKey("ACCOUNT", accountId),
        at,
        accountIds: accountId === null ? [] : [accountId],
        region: null,
        assetIds: [],
        batchCodes: [],
        decision: {
          passed: true,
          outcome: {
            condition: "trigger",
            passed: true,
            facts: { kind: "EVENT", eventType: event.type, recordId: event.recordId, seq: event.seq },
          },
          evidenceThrough: at,
          evidenceIds: [event.recordId],
          movedSubjects: [],
        },
      });
    }
    return { triggered, evaluations: events.length, truncated: seen >= SIMULATION_LIMITS.maxEvents };
  }
}
