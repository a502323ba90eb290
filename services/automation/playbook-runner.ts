import { randomUUID } from "node:crypto";
import { Logger } from "pino";
import { failureBreaker, subjectBreaker, tenantRateBreaker } from "../../domain/automation/circuit-breaker";
import { breakerTrippedEntry } from "../../domain/automation/playbook-audit";
import { PlaybookFiring, TriggeringEvent } from "../../domain/automation/playbook-firing";
import { evaluateGradeChange, TriggerDecision } from "../../domain/automation/trigger-evaluation";
import { recordTypeOf, StoredChange } from "../../domain/events/change-event";
import { DAY_MS } from "../../domain/automation/signal-window";
import { ChangeFeedRepository } from "../../graph/events/change-feed.repository";
import { PlaybookEvidenceRepository } from "../../graph/automation/playbook-evidence.repository";
import {
  ActivePlaybook,
  FiringHistory,
  PlaybookRunnerRepository,
} from "../../graph/automation/playbook-runner.repository";
import { FiringOutcome, FiringSink } from "./firing-sink";
import { isSignalTrigger, lookBackDays, PlaybookEvaluator, subjectKey, TriggeredSubject } from "./playbook-evaluator";

export interface RunnerSettings {
  /** This process's lease owner id (unique per process). */
  owner: string;
  pollIntervalMs: number;
  /** How long a claim on a tenant lasts without renewal. */
  leaseMs: number;
  /** Events read per page of the feed. */
  pageSize: number;
  /** Pages one claim works through before letting the tenant go (fairness between tenants). */
  pagesPerClaim: number;
  /** Firings per tenant per hour, all playbooks together (RELATA_AUTOMATION_TENANT_RATE_PER_HOUR). */
  tenantRatePerHour: number;
  /** Signals loaded at most per playbook and page (a bound on one evaluation's work). */
  maxSignalsPerEvaluation: number;
}

/** The per-tenant pieces the runner works with. */
export interface TenantTools {
  feed: ChangeFeedRepository;
  evidence: PlaybookEvidenceRepository;
  evaluator: PlaybookEvaluator;
  sink: FiringSink;
}

/** Told about the work done (metrics). */
export interface RunnerListener {
  events(count: number): void;
  firing(outcome: string): void;
  breaker(breaker: string): void;
}

const SIGNAL_EVENTS = new Set(["SIGNAL_CREATED", "SIGNAL_UPDATED", "SIGNAL_RESTORED"]);

/** A subject a playbook's trigger passed for in one page of events. */
interface Candidate extends TriggeredSubject {
  playbook: ActivePlaybook;
  events: StoredChange[];
  triggerSeq: number;
}

const noListener: RunnerListener = { events: () => undefined, firing: () => undefined, breaker: () => undefined };

/**
 * Runs the tenants' active playbooks on their change feeds, in each API process. Every poll it finds
 * tenants with events past their cursor, claims each with a lease (so two processes never evaluate one
 * tenant's events at once), and works through the new events a page at a time: which playbooks the page
 * can wake, their triggers for the subjects it touched (few parameterised queries per playbook), the
 * conditions, the breakers, and for each firing the actions side (FiringSink). The cursor moves after the
 * page's firings are recorded; a process killed mid-page leaves the page to the next owner, and the
 * recorded firings (their evidence and trigger sequence) keep it from firing twice on the same evidence.
 */
export class PlaybookRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly repository: PlaybookRunnerRepository,
    private readonly tools: (tenant: string) => TenantTools,
    private readonly settings: RunnerSettings,
    private readonly log: Logger,
    private readonly listener: RunnerListener = noListener,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.stopping = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.poll()
        .then(() => undefined)
        .catch((error: unknown) => this.log.warn({ err: error, component: "automation" }, "playbook poll failed"))
        .finally(() => {
          this.running = null;
          this.schedule(this.settings.pollIntervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One round over the tenants with work; returns how many events were evaluated. */
  async poll(): Promise<number> {
    const tenants = await this.repository.dueTenants(this.settings.owner, this.now(), 50);
    let events = 0;
    for (const tenant of tenants) {
      if (this.stopping) break;
      try {
        events += await this.serve(tenant);
      } catch (error) {
        this.log.warn({ err: error, component: "automation", tenant }, "playbook evaluation failed; retried next poll");
      }
    }
    return events;
  }

  private async serve(tenant: string): Promise<number> {
    const { owner, leaseMs } = this.settings;
    let through = await this.repository.claim(tenant, owner, this.now(), leaseMs);
    if (through === null) return 0;
    const tools = this.tools(tenant);
    let evaluated = 0;
    try {
      for (let page = 0; page < this.settings.pagesPerClaim && !this.stopping; page += 1) {
        const started = performance.now();
        const read = await tools.feed.readPage(through, this.settings.pageSize, null);
        if (read.through === through) break;
        const fired = await this.evaluatePage(tenant, tools, read.events);
        const kept = await this.repository.advance(
          tenant,
          owner,
          read.through,
          read.events.length,
          this.now(),
          leaseMs,
        );
        evaluated += read.events.length;
        this.listener.events(read.events.length);
        const ms = performance.now() - started;
        this.log.info(
          {
            component: "automation",
            tenant,
            events: read.events.length,
            through: read.through,
            firings: fired,
            ms: Math.round(ms),
            eventsPerSecond: ms > 0 ? Math.round((read.events.length / ms) * 1000) : null,
          },
          "playbooks evaluated a page of the change feed",
        );
        through = read.through;
        if (!kept || !read.hasMore) break;
      }
    } finally {
      await this.repository.release(tenant, owner, this.now()).catch(() => undefined);
    }
    return evaluated;
  }

  /** Evaluates the active playbooks on one page of events; returns how many fired. */
  async evaluatePage(tenant: string, tools: TenantTools, events: readonly StoredChange[]): Promise<number> {
    const playbooks = await this.repository.activePlaybooks(tenant);
    if (playbooks.length === 0 || events.length === 0) return 0;
    const now = this.now();
    const signalEvents = events.filter((e) => SIGNAL_EVENTS.has(e.type));
    const wantsSignals = playbooks.some(
      (p) => isSignalTrigger(p.definition.trigger) || p.definition.trigger.kind === "EVENT",
    );
    const signalSubjects = new Map(
      (wantsSignals ? await tools.evidence.subjectsOfSignals(unique(signalEvents.map((e) => e.recordId))) : []).map(
        (s) => [s.signalId, s],
      ),
    );
    const candidates: Candidate[] = [];
    for (const playbook of playbooks) {
      const fresh = events.filter((e) => e.seq > playbook.activatedSeq);
      if (fresh.length === 0) continue;
      candidates.push(...(await this.triggered(tenant, tools, playbook, fresh, signalSubjects, now)));
    }
    if (candidates.length === 0) return 0;
    return this.decideAndFire(tenant, tools, candidates, now);
  }

  /** The subjects a playbook's trigger passes for, given a page of (its) new events. */
  private async triggered(
    tenant: string,
    tools: TenantTools,
    playbook: ActivePlaybook,
    events: readonly StoredChange[],
    signalSubjects: Map<string, { accountId: string | null; region: string | null; system: string; field: string }>,
    now: number,
  ): Promise<Candidate[]> {
    const trigger = playbook.definition.trigger;
    if (trigger.kind === "EVENT") {
      const wanted = new Set<string>(trigger.eventTypes);
      const matching = events.filter((e) => wanted.has(e.type));
      const needLookup = matching.filter((e) => ["CONTACT", "ASSET", "OPPORTUNITY"].includes(recordTypeOf(e.type)));
      const owners = await tools.evidence.accountsOfRecords(unique(needLookup.map((e) => e.recordId)));
      return matching.map((event) => {
        const record = recordTypeOf(event.type);
        const accountId =
          record === "ACCOUNT" || record === "HEALTH"
            ? event.recordId
            : record === "SIGNAL"
              ? (signalSubjects.get(event.recordId)?.accountId ?? null)
              : (owners.get(event.recordId) ?? null);
        const decision: TriggerDecision = {
          passed: true,
          outcome: {
            condition: "trigger",
            passed: true,
            facts: { kind: "EVENT", eventType: event.type, recordId: event.recordId, seq: event.seq },
          },
          evidenceThrough: Date.parse(event.at),
          evidenceIds: [event.recordId],
          movedSubjects: [],
        };
        return {
          playbook,
          subject: accountId === null ? `record:${event.recordId}` : subjectKey("ACCOUNT", accountId),
          accountIds: accountId === null ? [] : [accountId],
          region: null,
          assetIds: [],
          batchCodes: [],
          decision,
          events: [event],
          triggerSeq: event.seq,
        };
      });
    }
    if (trigger.kind === "HEALTH_GRADE_CHANGE") {
      return events
        .filter((e) => e.type === "HEALTH_GRADE_CHANGED")
        .map((event) => {
          const change = (field: string) => event.changes.find((c) => c.field === field);
          const decision = evaluateGradeChange(trigger, {
            seq: event.seq,
            at: Date.parse(event.at),
            fromGrade: (change("grade")?.old as string | null) ?? null,
            toGrade: (change("grade")?.new as string | null) ?? null,
            fromScore: (change("score")?.old as number | null) ?? null,
            toScore: (change("score")?.new as number | null) ?? null,
          });
          return {
            playbook,
            subject: subjectKey("ACCOUNT", event.recordId),
            accountIds: [event.recordId],
            region: null,
            assetIds: [],
            batchCodes: [],
            decision,
            events: [event],
            triggerSeq: event.seq,
          };
        })
        .filter((c) => c.decision.passed);
    }
    if (!isSignalTrigger(trigger)) return [];
    const resolved = await tools.evaluator.resolve(trigger);
    const matches = (system: string, field: string) =>
      resolved.query.fields.some((f) => f.field === field && (f.system === null || f.system === system));
    const bySubject = new Map<string, StoredChange[]>();
    for (const event of events) {
      if (!SIGNAL_EVENTS.has(event.type)) continue;
      const about = signalSubjects.get(event.recordId);
      if (about === undefined || !matches(about.system, about.field)) continue;
      const id = trigger.scope === "ACCOUNT" ? about.accountId : about.region;
      if (id === null) continue;
      const list = bySubject.get(id) ?? [];
      list.push(event);
      bySubject.set(id, list);
    }
    if (bySubject.size === 0) return [];
    const ids = [...bySubject.keys()].sort();
    const series = await tools.evaluator.series(
      trigger,
      resolved,
      ids,
      now - lookBackDays(trigger) * DAY_MS,
      now,
      this.settings.maxSignalsPerEvaluation,
    );
    const history = await this.repository.firingHistory(
      tenant,
      ids.map((id) => ({ playbookId: playbook.id, subject: subjectKey(trigger.scope, id) })),
      now - playbook.definition.limits.periodDays * DAY_MS,
    );
    const out: Candidate[] = [];
    for (const id of ids) {
      const key = subjectKey(trigger.scope, id);
      const previous = history.get(`${playbook.id}|${key}`)?.evidenceThrough ?? null;
      const triggered = tools.evaluator.decide(trigger, key, series.get(key) ?? [], now, previous);
      if (!triggered.decision.passed) continue;
      const pageEvents = bySubject.get(id) ?? [];
      out.push({ ...triggered, playbook, events: pageEvents, triggerSeq: Math.max(...pageEvents.map((e) => e.seq)) });
    }
    return out;
  }

  /** Conditions, breakers and the actions side for the candidates of one page. */
  private async decideAndFire(
    tenant: string,
    tools: TenantTools,
    candidates: readonly Candidate[],
    now: number,
  ): Promise<number> {
    const longest = Math.max(...candidates.map((c) => c.playbook.definition.limits.periodDays));
    const history = await this.repository.firingHistory(
      tenant,
      candidates.map((c) => ({ playbookId: c.playbook.id, subject: c.subject })),
      now - longest * DAY_MS,
    );
    let firedThisHour = await this.repository.firedSince(tenant, now - 3_600_000);
    const byPlaybook = new Map<string, Candidate[]>();
    for (const candidate of candidates) {
      const seen = history.get(`${candidate.playbook.id}|${candidate.subject}`);
      // Already fired on this event (a page replayed after a crash), for event-driven triggers.
      if (!isSignalTrigger(candidate.playbook.definition.trigger) && seen && seen.triggerSeq >= candidate.triggerSeq) {
        continue;
      }
      const list = byPlaybook.get(candidate.playbook.id) ?? [];
      list.push(candidate);
      byPlaybook.set(candidate.playbook.id, list);
    }
    let fired = 0;
    for (const list of byPlaybook.values()) {
      const playbook = list[0]!.playbook;
      const verdicts = await tools.evaluator.conditions(playbook.id, playbook.definition, list);
      let failures = playbook.consecutiveFailures;
      for (const [i, candidate] of list.entries()) {
        const verdict = verdicts[i]!;
        if (!verdict.passed || this.stopping) continue;
        const limits = playbook.definition.limits;
        const seen: FiringHistory = history.get(`${playbook.id}|${candidate.subject}`) ?? {
          times: [],
          evidenceThrough: null,
          triggerSeq: 0,
        };
        const subjectVerdict = subjectBreaker(limits, candidate.subject, seen.times, now);
        const rateVerdict = tenantRateBreaker(firedThisHour, this.settings.tenantRatePerHour);
        const tripped = subjectVerdict.tripped ? subjectVerdict : rateVerdict.tripped ? rateVerdict : null;
        if (tripped !== null && tripped.tripped) {
          this.listener.breaker(tripped.breaker);
          const isRate = tripped.breaker === "TENANT_RATE";
          const trip = {
            playbookId: playbook.id,
            subject: isRate ? "tenant" : candidate.subject,
            breaker: tripped.breaker,
            reason: tripped.reason,
            facts: JSON.stringify(tripped.facts),
          };
          const created = await this.repository.recordTrip(
            tenant,
            trip,
            breakerTrippedEntry(
              { ...trip, playbookVersion: playbook.version, facts: tripped.facts },
              candidate.accountIds,
              playbook.definition.ownerUserId,
            ),
            isRate ? now - 3_600_000 : now - limits.periodDays * DAY_MS,
            now,
          );
          if (created) {
            this.log.warn(
              { component: "automation", tenant, playbook: playbook.id, subject: candidate.subject },
              tripped.reason,
            );
          }
          continue;
        }
        const firing = this.firing(candidate, verdict, now);
        await this.repository.recordFiring(tenant, {
          id: firing.firingId,
          playbookId: playbook.id,
          version: playbook.version,
          subject: candidate.subject,
          firedAt: firing.firedAt,
          accountIds: firing.accountIds,
          region: candidate.region,
          assetIds: candidate.assetIds,
          batchCodes: candidate.batchCodes,
          basis: JSON.stringify(firing.basis).slice(0, 100_000),
          evidenceThrough: candidate.decision.evidenceThrough,
          triggerSeq: candidate.triggerSeq,
        });
        seen.times.push(now);
        history.set(`${playbook.id}|${candidate.subject}`, seen);
        firedThisHour += 1;
        fired += 1;
        const outcome = await this.carryOut(tools.sink, firing);
        this.listener.firing(outcome.status);
        const lastReason = outcome.actions.find((a) => a.reason)?.reason ?? null;
        const failure = failureBreaker(limits, failures, outcome.status, lastReason);
        failures = failure.consecutiveFailures;
        const pauseTrip = failure.pause
          ? {
              playbookId: playbook.id,
              subject: candidate.subject,
              breaker: "FAILURES",
              reason: failure.reason!,
              facts: {
                consecutiveFailures: failure.consecutiveFailures,
                lastOutcome: outcome.status,
                firingId: firing.firingId,
              },
            }
          : null;
        const status = await this.repository.recordOutcome(
          tenant,
          firing.firingId,
          { status: outcome.status, reason: lastReason, auditSeqs: outcome.auditSeqs },
          failure.consecutiveFailures,
          pauseTrip === null
            ? null
            : {
                reason: pauseTrip.reason,
                trip: { ...pauseTrip, facts: JSON.stringify(pauseTrip.facts) },
                audit: breakerTrippedEntry(
                  { ...pauseTrip, playbookVersion: playbook.version },
                  firing.accountIds,
                  playbook.definition.ownerUserId,
                ),
              },
          new Date(this.now()).toISOString(),
        );
        if (failure.pause) {
          this.listener.breaker("FAILURES");
          this.log.warn({ component: "automation", tenant, playbook: playbook.id, status }, failure.reason!);
          break;
        }
      }
    }
    return fired;
  }

  private firing(
    candidate: Candidate,
    verdict: { outcomes: PlaybookFiring["basis"]; healthExcerpt: unknown },
    now: number,
  ): PlaybookFiring {
    const { playbook } = candidate;
    return {
      firingId: `fir_${randomUUID().replace(/-/g, "")}`,
      playbookId: playbook.id,
      playbookVersion: playbook.version,
      playbookName: playbook.definition.name,
      mode: playbook.definition.mode,
      ownerUserId: playbook.definition.ownerUserId,
      firedAt: new Date(now).toISOString(),
      accountIds: candidate.accountIds,
      region: candidate.region,
      assetIds: candidate.assetIds,
      batchCodes: candidate.batchCodes,
      triggeringEvents: candidate.events.slice(0, 100).map(toTriggeringEvent),
      basis: [candidate.decision.outcome, ...verdict.outcomes],
      healthExcerpt: verdict.healthExcerpt ?? null,
      actions: playbook.definition.actions,
    };
  }

  /** The actions side's answer; an exception there is a failed firing (counted by the failure breaker). */
  private async carryOut(sink: FiringSink, firing: PlaybookFiring): Promise<FiringOutcome> {
    try {
      return await sink.carryOut(firing);
    } catch (error) {
      this.log.warn({ err: error, component: "automation", firing: firing.firingId }, "carrying out a firing failed");
      const reason = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
      return {
        firingId: firing.firingId,
        status: "FAILED",
        actions: firing.actions.map((a, index) => ({ index, kind: a.kind, status: "FAILED", reason })),
        auditSeqs: [],
      };
    }
  }
}

export function toTriggeringEvent(event: StoredChange): TriggeringEvent {
  return {
    seq: event.seq,
    type: event.type,
    recordId: event.recordId,
    recordType: recordTypeOf(event.type),
    sourceSystem: event.sourceSystem,
    // A person's id is a personal value: referenced by the record id only, so erasure leaves the audit intact.
    externalId: event.personId ? null : event.externalId,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
