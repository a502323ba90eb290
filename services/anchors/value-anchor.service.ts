import { randomBytes } from "node:crypto";
import { canonicalJson } from "../../domain/audit/canonical-json";
import {
  ATTRIBUTION_DIMENSIONS,
  AnchorAttribution,
  attributeGap,
  AttributionDimension,
  AttributionItem,
  ItemGroup,
} from "../../domain/anchors/anchor-attribution";
import {
  AnchorDefinition,
  AnchorDefinitionInput,
  checkDirection,
  metricHash,
  validateAnchorDefinition,
} from "../../domain/anchors/anchor-definition";
import { AnchorEffectResult, differenceInDifferences } from "../../domain/anchors/anchor-effect";
import { AnchorError } from "../../domain/anchors/anchor.errors";
import { AnchorMetric, MEASURES } from "../../domain/anchors/anchor-metric";
import { AnchorReport, reportAnchor } from "../../domain/anchors/anchor-report";
import { addWeeks, weekInstant, weekSpans, weekStartOf } from "../../domain/anchors/anchor-weeks";
import { StoredAnchor } from "../../domain/anchors/stored-anchor";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { FieldChange, RecordChange } from "../../domain/events/change-event";
import { Clock, systemClock } from "../../domain/time/clock";
import {
  AnchorPopulationRepository,
  PopulationItem,
  WeekAggregate,
  Window,
} from "../../graph/anchors/anchor-population.repository";
import { AnchorWrite, ValueAnchorRepository } from "../../graph/anchors/value-anchor.repository";
import { createHash } from "node:crypto";

/** Weeks of the series read per statement when an anchor is defined or recomputed (domain weekSpans). */
const SERIES_SPAN_WEEKS = 4;

/** Who calls: their audit actor, token subject (the default owner) and user record id when they are a user. */
export interface AnchorCaller {
  actor: string;
  subject: string;
  userId: string | null;
}

export interface AnchorLimits {
  /** The most anchors `valueAnchors` returns. */
  maxList: number;
  /** The most records attribution and effects read. */
  maxItems: number;
  /** Record ids per attributed group. */
  maxRecordIds: number;
  /** The most groups attribution reports. */
  maxTop: number;
  /** The longest attribution or effect window, in weeks. */
  maxWeeks: number;
}

export const DEFAULT_ANCHOR_LIMITS: AnchorLimits = {
  maxList: 100,
  maxItems: 200_000,
  maxRecordIds: 20,
  maxTop: 50,
  maxWeeks: 26,
};

/** Bootstrap resamples of an effect's interval, and their seed (the same data, the same interval). */
const EFFECT_RESAMPLES = 2000;
const EFFECT_SEED = 17;

/** The update a caller may send: any definition field; the rest stays as stored. */
export type AnchorUpdateInput = Partial<Omit<AnchorDefinitionInput, "metric">> & {
  metric?: AnchorDefinitionInput["metric"] | null;
};

function notFound(id: string): AnchorError {
  return new AnchorError(
    "ANCHOR_NOT_FOUND",
    `Your tenant has no value anchor "${id.slice(0, 80)}". Check the id (valueAnchors lists them).`,
  );
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function inRange(value: number, min: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AnchorError(
      "INVALID_ANCHOR_REQUEST",
      `${what} must be a whole number from ${min} to ${max}; received ${value}. Ask for fewer.`,
    );
  }
  return value;
}

/**
 * One tenant's value anchors (issue 17, docs/value-anchors.md, decision 0031): defined with a baseline and
 * a backfilled weekly series, redefined as new versions, read with projection and status, attributed, and
 * compared for the accounts a playbook or MPU touched.
 */
export class ValueAnchorService {
  constructor(
    private readonly anchors: ValueAnchorRepository,
    private readonly population: AnchorPopulationRepository,
    private readonly caller: AnchorCaller,
    private readonly limits: AnchorLimits = DEFAULT_ANCHOR_LIMITS,
    private readonly clock: Clock = systemClock,
  ) {}

  async define(input: AnchorDefinitionInput): Promise<AnchorReport> {
    const now = this.clock();
    const definition = validateAnchorDefinition(input, this.caller.subject, now.toISOString().slice(0, 10));
    const id = `anc_${randomBytes(16).toString("base64url")}`;
    const baseline = await this.baseline(definition.metric, definition.baselineWeeks, now);
    checkDirection(definition, baseline.value);
    const write = await this.prepare(id, definition, baseline, now, null);
    await this.anchors.define(write, this.caller.actor, now.toISOString());
    return this.get(id);
  }

  async update(id: string, input: AnchorUpdateInput): Promise<AnchorReport> {
    const stored = await this.stored(id);
    const now = this.clock();
    const was = stored.definition;
    const merged: AnchorDefinitionInput = {
      name: input.name ?? was.name,
      description: input.description === undefined ? was.description : input.description,
      owner: input.owner ?? was.owner,
      metric: input.metric ?? was.metric,
      target: input.target ?? was.target,
      direction: input.direction ?? was.direction,
      deadline: input.deadline ?? was.deadline,
      historyWeeks: input.historyWeeks ?? was.historyWeeks,
      baselineWeeks: input.baselineWeeks ?? was.baselineWeeks,
    };
    const definition = validateAnchorDefinition(merged, this.caller.subject, now.toISOString().slice(0, 10));
    // The baseline is the metric's when it was set: kept unless the metric or its baseline window changed.
    const sameMetric =
      metricHash(definition.metric) === stored.metricHash && definition.baselineWeeks === was.baselineWeeks;
    const baseline = sameMetric
      ? stored.baseline
      : await this.baseline(definition.metric, definition.baselineWeeks, now);
    checkDirection(definition, baseline.value);
    const write = await this.prepare(id, definition, baseline, now, stored);
    if (!(await this.anchors.update(write, stored.version, this.caller.actor, now.toISOString()))) {
      throw new AnchorError(
        "INVALID_ANCHOR_REQUEST",
        `Value anchor "${id}" was changed by someone else while you updated it (it is no longer version ${stored.version}). Read it again and repeat your update.`,
      );
    }
    return this.get(id);
  }

  /** Recomputes the weekly series up to now (same version; no audit record, a change event). */
  async recompute(id: string): Promise<AnchorReport> {
    const stored = await this.stored(id);
    const now = this.clock();
    const write = await this.prepare(id, stored.definition, stored.baseline, now, stored, true);
    if (!(await this.anchors.recomputed(write, stored.version, now.toISOString()))) throw notFound(id);
    return this.get(id);
  }

  async get(id: string): Promise<AnchorReport> {
    return reportAnchor(await this.stored(id), this.clock());
  }

  async list(first: number | null): Promise<AnchorReport[]> {
    const limit = inRange(first ?? this.limits.maxList, 1, this.limits.maxList, "first");
    const now = this.clock();
    return (await this.anchors.list(limit)).map((a) => reportAnchor(a, now));
  }

  /**
   * Decomposes the anchor's miss over the last `weeks` weeks (the current one included) over the graph's
   * dimensions (docs/value-anchors.md, "Attribution").
   */
  async attribution(
    anchor: StoredAnchor,
    top: number,
    weeks: number,
    dimensions: readonly AttributionDimension[] | null,
  ): Promise<AnchorAttribution & { window: Window }> {
    inRange(top, 1, this.limits.maxTop, "top");
    inRange(weeks, 1, this.limits.maxWeeks, "weeks");
    const d = anchor.definition;
    const now = this.clock();
    const week = weekStartOf(now);
    const window = { from: weekInstant(addWeeks(week, -(weeks - 1))), to: weekInstant(addWeeks(week, 1)) };
    const [items, playbooks] = await Promise.all([
      this.population.items(d.metric, window, this.limits.maxItems),
      this.population.playbooksByAccount({ from: weekInstant(addWeeks(week, -(weeks + 12))), to: window.to }),
    ]);
    const wanted = new Set(dimensions ?? ATTRIBUTION_DIMENSIONS);
    const result = attributeGap(
      items.map((item) => toAttributionItem(item, playbooks.get(item.accountId) ?? [], wanted)),
      {
        aggregation: d.metric.aggregation,
        direction: d.direction,
        target: d.target,
        measure: MEASURES[d.metric.measure],
        top,
        maxRecordIds: this.limits.maxRecordIds,
      },
    );
    return { ...result, window };
  }

  /**
   * The anchor's movement on the accounts a playbook or an MPU touched against the population's other accounts
   * (difference in differences, docs/value-anchors.md, "Effect of actions").
   */
  async effect(
    anchorId: string,
    subject: { playbookId: string | null; mpuId: string | null },
    weeks: number,
  ): Promise<AnchorEffectResult & { window: Window; subjectKind: "PLAYBOOK" | "MPU"; subjectId: string }> {
    const { playbookId, mpuId } = subject;
    if ((playbookId === null) === (mpuId === null)) {
      throw new AnchorError(
        "INVALID_ANCHOR_REQUEST",
        "Name exactly one of playbookId and mpuId: the action whose effect to measure.",
      );
    }
    inRange(weeks, 1, this.limits.maxWeeks, "weeks");
    const anchor = await this.stored(anchorId);
    let touched: Map<string, string>;
    if (playbookId !== null) {
      if (!(await this.population.playbookExists(playbookId))) {
        throw new AnchorError(
          "EFFECT_SUBJECT_NOT_FOUND",
          `Your tenant has no playbook "${playbookId.slice(0, 80)}". Check the id (playbooks lists them).`,
        );
      }
      touched = await this.population.playbookTouches(playbookId);
    } else {
      touched = await this.population.mpuTouches(mpuId as string);
    }
    const now = this.clock();
    const times = [...touched.values()].map((t) => Date.parse(t)).filter(Number.isFinite);
    const span = weeks * 7 * 86_400_000;
    const from = times.length === 0 ? now.getTime() - span : Math.min(...times) - span;
    const to = times.length === 0 ? now.getTime() : Math.min(now.getTime() + 1, Math.max(...times) + span);
    const window = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    const items =
      times.length === 0 ? [] : await this.population.items(anchor.definition.metric, window, this.limits.maxItems);
    const result = differenceInDifferences(items, touched, {
      aggregation: anchor.definition.metric.aggregation,
      direction: anchor.definition.direction,
      weeks,
      resamples: EFFECT_RESAMPLES,
      seed: EFFECT_SEED,
    });
    const note =
      times.length === 0
        ? `the ${playbookId !== null ? "playbook" : "MPU"} has touched no account yet (no firing, task or use on an account)`
        : result.note;
    return {
      ...result,
      note,
      window,
      subjectKind: playbookId !== null ? "PLAYBOOK" : "MPU",
      subjectId: (playbookId ?? mpuId) as string,
    };
  }

  private async stored(id: string): Promise<StoredAnchor> {
    const anchor = await this.anchors.get(id);
    if (anchor === null) throw notFound(id);
    return anchor;
  }

  /** The metric over the `weeks` whole weeks before the current one. */
  private async baseline(metric: AnchorMetric, weeks: number, now: Date) {
    const week = weekStartOf(now);
    const window = { from: weekInstant(addWeeks(week, -weeks)), to: weekInstant(week) };
    const { n, value } = await this.population.window(metric, window);
    return { value, n, from: window.from, to: window.to };
  }

  /** The weekly series backfilled over `historyWeeks` up to the current week, and the records of the write. */
  private async prepare(
    id: string,
    definition: AnchorDefinition,
    baseline: AnchorWrite["baseline"],
    now: Date,
    previous: StoredAnchor | null,
    recompute = false,
  ): Promise<AnchorWrite> {
    const metric = definition.metric;
    const week = weekStartOf(now);
    const first = addWeeks(week, -(definition.historyWeeks - 1));
    const weeks: WeekAggregate[] = [];
    for (const span of weekSpans(first, definition.historyWeeks, SERIES_SPAN_WEEKS)) {
      weeks.push(...(await this.population.series(metric, span)));
    }
    const byWeek = new Map(weeks.map((w) => [w.weekStart, w]));
    const additive = metric.aggregation === "COUNT" || metric.aggregation === "SUM";
    const points = [...Array(definition.historyWeeks).keys()].map((i) => {
      const weekStart = addWeeks(first, i);
      const w = byWeek.get(weekStart);
      const population = canonicalJson({
        query: `anchors.items.${metric.measure}`,
        measure: metric.measure,
        aggregation: metric.aggregation,
        filter: metric.filter,
        from: weekInstant(weekStart),
        to: weekInstant(addWeeks(weekStart, 1)),
      });
      return {
        weekStart,
        value: w?.value ?? (additive ? 0 : null),
        n: w?.n ?? 0,
        population,
        recordIds: w === undefined ? [] : w.recordIds,
      };
    });
    const definitionText = canonicalJson(definition);
    const definitionHash = sha256(definitionText);
    const hash = metricHash(metric);
    const auditKind = previous === null ? "VALUE_ANCHOR_DEFINED" : "VALUE_ANCHOR_UPDATED";
    const audit = (version: number): AuditEntryInput | null =>
      recompute
        ? null
        : {
            kind: auditKind,
            accountIds: [],
            userIds: this.caller.userId === null ? [] : [this.caller.userId],
            actor: this.caller.actor,
            payload: {
              anchorId: id,
              version,
              definitionHash,
              metricHash: hash,
              measure: metric.measure,
              aggregation: metric.aggregation,
              target: definition.target,
              direction: definition.direction,
              deadline: definition.deadline,
              baseline: baseline.value,
            },
          };
    const change = (version: number): RecordChange => ({
      type: recompute ? "VALUE_ANCHOR_RECOMPUTED" : previous === null ? "VALUE_ANCHOR_DEFINED" : "VALUE_ANCHOR_UPDATED",
      recordId: id,
      externalId: null,
      sourceSystem: null,
      changes: anchorChanges(previous, definition, version, points.length),
    });
    const write: AnchorWrite = {
      id,
      definition,
      definitionText,
      definitionHash,
      metricHash: hash,
      baseline,
      points,
      audit,
      change,
    };
    const entry = audit(previous?.version ?? 1);
    if (entry !== null) this.anchors.checkAudit(entry);
    return write;
  }
}

function anchorChanges(
  previous: StoredAnchor | null,
  definition: AnchorDefinition,
  version: number,
  points: number,
): FieldChange[] {
  const fields = ["name", "owner", "target", "direction", "deadline"] as const;
  const out: FieldChange[] = [{ field: "version", old: previous?.version ?? null, new: version }];
  for (const f of fields) {
    const old = previous?.definition[f] ?? null;
    if (old !== definition[f]) out.push({ field: f, old, new: definition[f] });
  }
  const oldMetric = previous === null ? null : canonicalJson(previous.definition.metric);
  const newMetric = canonicalJson(definition.metric);
  if (oldMetric !== newMetric) out.push({ field: "metric", old: oldMetric, new: newMetric });
  out.push({ field: "points", old: previous?.points.length ?? null, new: points });
  return out;
}

/** A population record as attribution groups it (weights: hours held per holder; 1/k for k links). */
function toAttributionItem(
  item: PopulationItem,
  playbooks: readonly ItemGroup[],
  wanted: ReadonlySet<AttributionDimension>,
): AttributionItem {
  const even = (groups: ReadonlyArray<{ key: string; label: string }>): ItemGroup[] => {
    const unique = [...new Map(groups.map((g) => [g.key, g])).values()];
    return unique.map((g) => ({ key: g.key, label: g.label, weight: 1 / unique.length }));
  };
  const one = (value: string | null): ItemGroup[] => (value === null ? [] : [{ key: value, label: value, weight: 1 }]);
  const held = item.holds.filter((h) => h.hours !== null && h.hours > 0);
  const hours = held.reduce((s, h) => s + (h.hours as number), 0);
  const byHolder = new Map<string, ItemGroup>();
  for (const h of held) {
    const g = byHolder.get(h.key) ?? { key: h.key, label: h.label, weight: 0 };
    byHolder.set(h.key, { ...g, weight: g.weight + (h.hours as number) / hours });
  }
  const all: Record<AttributionDimension, ItemGroup[]> = {
    HOLDER: [...byHolder.values()],
    OWNER: even(item.owners.map((o) => ({ key: o, label: `user ${o}` }))),
    PARTNER: even(item.partners),
    ASSET_MODEL: even(item.models.map((m) => ({ key: m, label: m }))),
    REGION: one(item.region),
    SOURCE_SYSTEM: one(item.sourceSystem),
    CATEGORY: one(item.category),
    PLAYBOOK: even(playbooks),
    MPU: even(item.mpus.map((m) => ({ key: m, label: m }))),
  };
  const groups: AttributionItem["groups"] = {};
  for (const d of wanted) groups[d] = all[d];
  return { id: item.id, accountId: item.accountId, value: item.value, groups };
}
