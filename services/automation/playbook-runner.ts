import { randomUUID } from "node:crypto";
import { Logger } from "pino";
import { failureBreaker, subjectBreaker, tenantRateBreaker } from "../../domain/automation/circuit-breaker";
import { breakerTrippedEntry } from "../../domain/automation/playbook-audit";
import { PlaybookFiring, TriggeringEvent } from "../../domain/automation/playbook-firing";
import { recordTypeOf, StoredChange } from "../../domain/events/change-event";
import { DAY_MS } from "../../domain/automation/signal-window";
import { ChangeFeedRepository } from "../../graph/events/change-feed.repository";
import { PlaybookEvidenceRepository } from "../../graph/automation/playbook-evidence.repository";
import { FiringHistory, PlaybookRunnerRepository } from "../../graph/automation/playbook-runner.repository";
import { FiringOutcome, FiringSink } from "./firing-sink";
import { isSignalTrigger, PlaybookEvaluator } from "./playbook-evaluator";
import { Candidate, PageMemo, SIGNAL_EVENTS, triggeredSubjects } from "./page-triggers";

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
  /** Work done since start, for logs and the benchmark: firings made and the time spent making them. */
  readonly totals = { events: 0, firings: 0, firingMs: 0 };

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
        this.totals.events += read.events.length;
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
    // Playbooks of one page that read the same signals share one load (e.g. several rates on one concept).
    const memo: PageMemo = { resolved: new Map(), series: new Map() };
    for (const playbook of playbooks) {
      const fresh = events.filter((e) => e.seq > playbook.activatedSeq);
      if (fresh.length === 0) continue;
      candidates.push(
        ...(await triggeredSubjects(this.repository, this.settings.maxSignalsPerEvaluation, {
          tenant,
          tools,
          playbook,
          events: fresh,
          signalSubjects,
          now,
          memo,
        })),
      );
    }
    if (candidates.length === 0) return 0;
    return this.decideAndFire(tenant, tools, candidates, now);
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
        const firingStarted = performance.now();
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
        this.totals.firings += 1;
        this.totals.firingMs += performance.now() - firingStarted;
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
