import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { AnchorDefinition } from "../../domain/anchors/anchor-definition";
import { StoredAnchor, StoredAnchorPoint } from "../../domain/anchors/stored-anchor";
import { RecordChange } from "../../domain/events/change-event";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor, PlainRow } from "../executor";
import {
  DEFINE_ANCHOR,
  GET_ANCHOR,
  LIST_ANCHORS,
  REPLACE_POINTS,
  TOUCH_ANCHOR,
  UPDATE_ANCHOR,
} from "./value-anchor.queries";

/** What the service hands over to store: the anchor's properties, its series, and the records of the write. */
export interface AnchorWrite {
  id: string;
  definition: AnchorDefinition;
  definitionText: string;
  definitionHash: string;
  metricHash: string;
  baseline: { value: number | null; n: number; from: string; to: string };
  points: ReadonlyArray<Omit<StoredAnchorPoint, "anchorVersion" | "metricHash" | "computedAt">>;
  audit: (version: number) => AuditEntryInput | null;
  change: (version: number) => RecordChange;
}

/**
 * One tenant's value anchors (issue 17, decision 0031). A definition, a redefinition or a recompute writes
 * the anchor, its version, its whole weekly series, its audit record and its change event in ONE
 * transaction.
 */
export class ValueAnchorRepository {
  private readonly audit: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {
    this.audit = new AuditTrail(tenant);
  }

  /** Checks an audit entry as `append` would, before any transaction. */
  checkAudit(entry: AuditEntryInput): void {
    this.audit.check([entry]);
  }

  private props(w: AnchorWrite) {
    const d = w.definition;
    return {
      name: d.name,
      owner: d.owner,
      population: d.metric.population,
      measure: d.metric.measure,
      aggregation: d.metric.aggregation,
      target: d.target,
      direction: d.direction,
      deadline: d.deadline,
      definition: w.definitionText,
      definitionHash: w.definitionHash,
      metricHash: w.metricHash,
      baseline: w.baseline.value,
      baselineN: neo4j.int(w.baseline.n),
      baselineFrom: w.baseline.from,
      baselineTo: w.baseline.to,
    };
  }

  private points(w: AnchorWrite) {
    return w.points.map((p) => ({ ...p, n: neo4j.int(p.n) }));
  }

  private async finish(run: Run, w: AnchorWrite, version: number, now: string): Promise<void> {
    await run(REPLACE_POINTS, {
      tenant: this.tenant,
      id: w.id,
      points: this.points(w),
      version: neo4j.int(version),
      metricHash: w.metricHash,
      now,
    });
    const audit = w.audit(version);
    if (audit !== null) await this.audit.append(run, now, [audit]);
    await this.outbox.append(run, now, [w.change(version)]);
  }

  async define(w: AnchorWrite, actor: string, now: string): Promise<void> {
    await this.executor.writeSteps(DEFINE_ANCHOR.name, async (run) => {
      await run(DEFINE_ANCHOR, { tenant: this.tenant, id: w.id, props: this.props(w), actor, now });
      await this.finish(run, w, 1, now);
    });
  }

  /** A new version; false when the anchor is no longer at `expectedVersion` (nothing written). */
  async update(w: AnchorWrite, expectedVersion: number, actor: string, now: string): Promise<boolean> {
    return this.executor.writeSteps(UPDATE_ANCHOR.name, async (run) => {
      const [row] = await run(UPDATE_ANCHOR, {
        tenant: this.tenant,
        id: w.id,
        props: this.props(w),
        expectedVersion: neo4j.int(expectedVersion),
        actor,
        now,
      });
      if (row === undefined) return false;
      await this.finish(run, w, expectedVersion + 1, now);
      return true;
    });
  }

  /** The series recomputed at the same version; false when the anchor changed meanwhile. */
  async recomputed(w: AnchorWrite, version: number, now: string): Promise<boolean> {
    return this.executor.writeSteps(TOUCH_ANCHOR.name, async (run) => {
      const [row] = await run(TOUCH_ANCHOR, {
        tenant: this.tenant,
        id: w.id,
        expectedVersion: neo4j.int(version),
        now,
      });
      if (row === undefined) return false;
      await this.finish(run, w, version, now);
      return true;
    });
  }

  async get(id: string): Promise<StoredAnchor | null> {
    const [row] = await this.executor.read(GET_ANCHOR, { tenant: this.tenant, id });
    return row === undefined ? null : toAnchor(row);
  }

  async list(limit: number): Promise<StoredAnchor[]> {
    const rows = await this.executor.read(LIST_ANCHORS, { tenant: this.tenant, limit: neo4j.int(limit) });
    return rows.map(toAnchor);
  }
}

type Run = (query: { name: string; text: string }, params: Record<string, unknown>) => Promise<PlainRow[]>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toAnchor(row: PlainRow): StoredAnchor {
  const a = row.anchor as Record<string, unknown>;
  const points = ((row.points as Array<Record<string, unknown>>) ?? [])
    .map((p): StoredAnchorPoint => ({
      weekStart: String(p.weekStart),
      value: num(p.value),
      n: Number(p.n ?? 0),
      anchorVersion: Number(p.anchorVersion),
      metricHash: String(p.metricHash),
      population: String(p.population),
      recordIds: Array.isArray(p.recordIds) ? p.recordIds.map(String) : null,
      computedAt: String(p.computedAt),
    }))
    .sort((x, y) => x.weekStart.localeCompare(y.weekStart));
  return {
    id: String(a.id),
    definition: JSON.parse(String(a.definition)) as AnchorDefinition,
    version: Number(a.version),
    definitionHash: String(a.definitionHash),
    metricHash: String(a.metricHash),
    baseline: {
      value: num(a.baseline),
      n: Number(a.baselineN ?? 0),
      from: String(a.baselineFrom),
      to: String(a.baselineTo),
    },
    createdAt: String(a.createdAt),
    updatedAt: String(a.updatedAt),
    createdBy: String(a.createdBy),
    computedAt: String(a.computedAt),
    points,
  };
}
