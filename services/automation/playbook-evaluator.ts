import { evaluateConditions } from "../../domain/automation/condition-evaluation";
import { conceptUnitValue, normalisedConceptValue } from "../../domain/automation/concept-values";
import { healthExcerpt, HealthExcerpt } from "../../domain/automation/health-excerpt";
import { PlaybookDefinition, PlaybookTrigger, SignalSelector } from "../../domain/automation/playbook";
import { ConditionOutcome } from "../../domain/automation/playbook-firing";
import {
  evaluateSignalCount,
  evaluateThreshold,
  evaluateTrend,
  ObservedSignal,
  TriggerDecision,
} from "../../domain/automation/trigger-evaluation";
import { RawValue } from "../../ontology/model/mapping.model";
import {
  EvidenceSignal,
  PlaybookEvidenceRepository,
  SignalQuery,
} from "../../graph/automation/playbook-evidence.repository";
import { MappingRecord } from "../../graph/ontology/ontology-records";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";

/** The triggers that read signals. */
export type SignalTrigger = Extract<PlaybookTrigger, { kind: "SIGNAL_COUNT" | "CONCEPT_THRESHOLD" | "CONCEPT_TREND" }>;

export function isSignalTrigger(trigger: PlaybookTrigger): trigger is SignalTrigger {
  return trigger.kind === "SIGNAL_COUNT" || trigger.kind === "CONCEPT_THRESHOLD" || trigger.kind === "CONCEPT_TREND";
}

/** Which signals a trigger reads, resolved against the ontology: a concept becomes its mapped fields. */
export interface ResolvedSignals {
  query: SignalQuery;
  /** By "system|field": the mapping that ties the field to the concept (concept triggers only). */
  mappings: Map<string, MappingRecord>;
}

/** One subject's signals with the value the trigger compares (concept value, or none for counting). */
export type SubjectSeries = Array<EvidenceSignal & { conceptValue: number | null }>;

/** A subject a trigger passed for, with what it is about. */
export interface TriggeredSubject {
  /** "account:<id>" or "region:<name>". */
  subject: string;
  accountIds: string[];
  region: string | null;
  assetIds: string[];
  batchCodes: string[];
  decision: TriggerDecision;
}

/** The conditions' verdict for one triggered subject. */
export interface ConditionsVerdict {
  passed: boolean;
  outcomes: ConditionOutcome[];
  healthExcerpt: HealthExcerpt | null;
}

/** The longest look-back of a trigger's window (days), for loading history. */
export function lookBackDays(trigger: PlaybookTrigger): number {
  if (trigger.kind === "SIGNAL_COUNT" || trigger.kind === "CONCEPT_TREND") return trigger.withinDays;
  // A threshold compares the latest value with the one before: a year is plenty to find it.
  return 365;
}

export function subjectKey(scope: "ACCOUNT" | "REGION", id: string): string {
  return scope === "ACCOUNT" ? `account:${id}` : `region:${id}`;
}

/**
 * The evaluation steps the runner and the simulation share: resolving which signals a trigger reads,
 * loading them per subject, deciding the trigger per subject (pure, domain/automation), and evaluating
 * the conditions over the facts of the accounts involved. Reads only.
 */
export class PlaybookEvaluator {
  constructor(
    private readonly evidence: PlaybookEvidenceRepository,
    private readonly ontology: OntologyRepository,
  ) {}

  async resolve(trigger: SignalTrigger): Promise<ResolvedSignals> {
    const selector: SignalSelector =
      trigger.kind === "SIGNAL_COUNT" ? trigger.signals : { concept: trigger.concept, subjectKinds: [] };
    return this.resolveSelector(selector);
  }

  async resolveSelector(selector: SignalSelector): Promise<ResolvedSignals> {
    const mappings = new Map<string, MappingRecord>();
    let fields: Array<{ system: string | null; field: string }> = [];
    if (selector.concept) {
      const [found = []] = await this.ontology.mappingsOfConcepts([selector.concept]);
      for (const mapping of found) mappings.set(`${mapping.system}|${mapping.field}`, mapping);
      fields = found.map((m) => ({ system: m.system, field: m.field }));
    } else if (selector.field) {
      fields = [{ system: null, field: selector.field }];
    }
    return {
      query: { fields, valueEquals: selector.valueEquals ?? null, subjectKinds: selector.subjectKinds ?? [] },
      mappings,
    };
  }

  /** The signals of the subjects (all when null) in [since, until], grouped by subject key, with concept values. */
  async series(
    trigger: SignalTrigger,
    resolved: ResolvedSignals,
    subjects: readonly string[] | null,
    since: number,
    until: number,
    limit: number,
  ): Promise<Map<string, SubjectSeries>> {
    const signals = await this.evidence.signals(trigger.scope, subjects, resolved.query, since, until, limit);
    const populations = await this.populations(trigger, resolved);
    const grouped = new Map<string, SubjectSeries>();
    for (const signal of signals) {
      const id = trigger.scope === "ACCOUNT" ? signal.accountId : signal.region;
      if (id === null) continue;
      const mapping = resolved.mappings.get(`${signal.system}|${signal.field}`);
      let conceptValue: number | null = null;
      if (mapping !== undefined && trigger.kind === "CONCEPT_TREND") {
        conceptValue = conceptUnitValue(mapping, signal.value);
      } else if (mapping !== undefined && trigger.kind === "CONCEPT_THRESHOLD") {
        conceptValue = normalisedConceptValue(
          mapping,
          signal.value,
          populations.get(`${signal.system}|${signal.field}`) ?? null,
        );
      }
      const key = subjectKey(trigger.scope, id);
      const list = grouped.get(key) ?? [];
      list.push({ ...signal, conceptValue });
      grouped.set(key, list);
    }
    return grouped;
  }

  /** For percentile mappings of a threshold: the tenant's raw values of each field. */
  private async populations(trigger: SignalTrigger, resolved: ResolvedSignals): Promise<Map<string, RawValue[]>> {
    if (trigger.kind !== "CONCEPT_THRESHOLD") return new Map();
    const percentile = [...resolved.mappings.values()].filter((m) => m.normalization.kind === "percentile");
    if (percentile.length === 0) return new Map();
    const found = await this.ontology.fieldPopulations(percentile.map((m) => ({ system: m.system, field: m.field })));
    return new Map([...found.entries()].map(([key, values]) => [key, values]));
  }

  /** The trigger's verdict for one subject's series at `now` (pure). */
  decide(
    trigger: SignalTrigger,
    subject: string,
    series: SubjectSeries,
    now: number,
    previousEvidence: number | null,
  ): TriggeredSubject {
    const observed: ObservedSignal[] = series
      .filter((s) => s.at <= now)
      .map((s) => ({ signalId: s.signalId, at: s.at, subjectId: s.subjectId, value: s.conceptValue }));
    const decision =
      trigger.kind === "SIGNAL_COUNT"
        ? evaluateSignalCount(trigger, observed, now, previousEvidence)
        : trigger.kind === "CONCEPT_THRESHOLD"
          ? evaluateThreshold(trigger, observed, now, previousEvidence)
          : evaluateTrend(trigger, observed, now, previousEvidence);
    const used = new Set(decision.evidenceIds);
    const moved = new Set(decision.movedSubjects);
    const involved = series.filter((s) => used.has(s.signalId) || moved.has(s.subjectId));
    const assets = involved.filter((s) => s.region !== null || s.batch !== null || trigger.scope === "REGION");
    return {
      subject,
      accountIds: unique(involved.map((s) => s.accountId)),
      region: trigger.scope === "REGION" ? subject.slice("region:".length) : null,
      assetIds:
        trigger.scope === "REGION" || trigger.kind === "CONCEPT_TREND" ? unique(assets.map((s) => s.subjectId)) : [],
      batchCodes: unique(involved.map((s) => s.batch)),
      decision,
    };
  }

  /**
   * The conditions of one playbook for each triggered subject, over facts read in two queries for all of
   * them; with the health excerpt when the trigger or a condition is about health.
   */
  async conditions(
    playbookId: string,
    definition: PlaybookDefinition,
    subjects: ReadonlyArray<{ accountIds: readonly string[]; region: string | null }>,
  ): Promise<ConditionsVerdict[]> {
    const needsFacts =
      definition.conditions.length > 0 ||
      definition.trigger.kind === "HEALTH_GRADE_CHANGE" ||
      definition.conditions.some((c) => c.kind === "HEALTH_GRADE" || c.kind === "HEALTH_SCORE");
    const accountIds = needsFacts ? unique(subjects.flatMap((s) => [...s.accountIds])) : [];
    const facts = await this.evidence.accountFacts(accountIds);
    const regions = definition.conditions.some((c) => c.kind === "HAS_ORGANIZATION" && c.servingRegion)
      ? unique(subjects.map((s) => s.region))
      : [];
    const regionOrganizations = await this.evidence.regionOrganizations(regions);
    const aboutHealth =
      definition.trigger.kind === "HEALTH_GRADE_CHANGE" ||
      definition.conditions.some((c) => c.kind === "HEALTH_GRADE" || c.kind === "HEALTH_SCORE");
    return subjects.map((subject) => {
      const accounts = subject.accountIds.map((id) => facts.get(id)).filter((a) => a !== undefined);
      const verdict = evaluateConditions(definition.conditions, accounts, {
        playbookId,
        region: subject.region,
        regionOrganizations: subject.region === null ? [] : (regionOrganizations.get(subject.region) ?? []),
      });
      const first = accounts[0];
      return {
        ...verdict,
        healthExcerpt:
          aboutHealth && first !== undefined
            ? healthExcerpt(first.id, first.healthGrade, first.healthScore, first.explanation)
            : null,
      };
    });
  }
}

function unique(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort();
}
