import { DAY_MS } from "../../domain/automation/signal-window";
import { evaluateGradeChange, TriggerDecision } from "../../domain/automation/trigger-evaluation";
import { recordTypeOf, StoredChange } from "../../domain/events/change-event";
import { ActivePlaybook, PlaybookRunnerRepository } from "../../graph/automation/playbook-runner.repository";
import {
  isSignalTrigger,
  lookBackDays,
  ResolvedSignals,
  subjectKey,
  SubjectSeries,
  TriggeredSubject,
} from "./playbook-evaluator";
import type { TenantTools } from "./playbook-runner";

export const SIGNAL_EVENTS: ReadonlySet<string> = new Set(["SIGNAL_CREATED", "SIGNAL_UPDATED", "SIGNAL_RESTORED"]);

/**
 * The trigger step of the runner: which subjects a playbook's trigger passes for, given a page of new
 * change events. Event and grade triggers decide from the events themselves; signal and concept triggers
 * load the window's signals of every touched subject in one query (shared by playbooks reading the same
 * signals) and decide per subject with the pure functions of domain/automation.
 */
/** A subject a playbook's trigger passed for in one page of events. */
export interface Candidate extends TriggeredSubject {
  playbook: ActivePlaybook;
  events: StoredChange[];
  triggerSeq: number;
}

/** Loads shared by the playbooks of one page. */
export interface PageMemo {
  resolved: Map<string, Promise<ResolvedSignals>>;
  series: Map<string, Promise<Map<string, SubjectSeries>>>;
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (found === undefined) {
    found = load();
    cache.set(key, found);
  }
  return found;
}

/** What a page's new signals are about (one query for the page). */
export type SignalSubjects = Map<
  string,
  { accountId: string | null; region: string | null; system: string; field: string }
>;

/** One playbook and one page of its new events, as the trigger step sees them. */
export interface PageContext {
  tenant: string;
  tools: TenantTools;
  playbook: ActivePlaybook;
  events: readonly StoredChange[];
  signalSubjects: SignalSubjects;
  now: number;
  memo: PageMemo;
}

/** The subjects a playbook's trigger passes for, given a page of (its) new events. */
export async function triggeredSubjects(
  repository: PlaybookRunnerRepository,
  maxSignals: number,
  page: PageContext,
): Promise<Candidate[]> {
  const { tenant, tools, playbook, events, signalSubjects, now, memo } = page;
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
  const selectorKey = JSON.stringify(trigger.kind === "SIGNAL_COUNT" ? trigger.signals : trigger.concept);
  const resolved = await remember(memo.resolved, selectorKey, () => tools.evaluator.resolve(trigger));
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
  const since = now - lookBackDays(trigger) * DAY_MS;
  // Values are converted per trigger kind (unit for trends, 0..1 for thresholds): part of the key.
  const seriesKey = JSON.stringify([trigger.kind, trigger.scope, resolved.query, ids, since]);
  const series = await remember(memo.series, seriesKey, () =>
    tools.evaluator.series(trigger, resolved, ids, since, now, maxSignals),
  );
  const history = await repository.firingHistory(
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

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
