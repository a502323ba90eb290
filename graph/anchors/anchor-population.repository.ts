import neo4j from "neo4j-driver";
import { ItemGroup } from "../../domain/anchors/anchor-attribution";
import { AnchorMetric } from "../../domain/anchors/anchor-metric";
import { POINT_RECORD_ID_CAP } from "../../domain/anchors/stored-anchor";
import { CypherExecutor, PlainRow } from "../executor";
import {
  itemsQuery,
  MPU_TOUCHES,
  recordIdsQuery,
  PLAYBOOK_EXISTS,
  PLAYBOOK_TOUCHES,
  PLAYBOOKS_BY_ACCOUNT,
  seriesQuery,
  windowQuery,
} from "./anchor-population.queries";

/** One week's aggregate as the database computed it. */
export interface WeekAggregate {
  weekStart: string;
  n: number;
  value: number | null;
  recordIds: string[] | null;
}

/** One record of an anchor's population with what attribution groups it by. */
export interface PopulationItem {
  id: string;
  accountId: string;
  at: string;
  value: number;
  category: string | null;
  sourceSystem: string | null;
  region: string | null;
  partners: ItemGroup[];
  models: string[];
  owners: string[];
  mpus: string[];
  holds: Array<{ key: string; label: string; hours: number | null }>;
}

/** A window of time, ISO instants, `to` excluded. */
export interface Window {
  from: string;
  to: string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => x !== null).map(String) : []);

/**
 * Reads an anchor's population for one tenant (issue 17): weekly aggregates and window aggregates computed
 * in Cypher (percentiles with `percentileCont`, exact), and the records one by one for attribution and
 * effects.
 */
export class AnchorPopulationRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  private params(metric: AnchorMetric, window: Window): Record<string, unknown> {
    return {
      tenant: this.tenant,
      from: window.from,
      to: window.to,
      fromDate: window.from.slice(0, 10),
      toDate: window.to.slice(0, 10),
      ...metric.filter,
    };
  }

  async series(metric: AnchorMetric, window: Window): Promise<WeekAggregate[]> {
    const rows = await this.executor.read(seriesQuery(metric.measure, metric.aggregation), {
      ...this.params(metric, window),
      idCap: POINT_RECORD_ID_CAP,
    });
    return rows.map((r) => ({
      weekStart: String(r.weekStart),
      n: Number(r.n),
      value: num(r.value),
      recordIds: Array.isArray(r.recordIds) ? strs(r.recordIds) : null,
    }));
  }

  async window(metric: AnchorMetric, window: Window): Promise<{ n: number; value: number | null }> {
    const [row] = await this.executor.read(
      windowQuery(metric.measure, metric.aggregation),
      this.params(metric, window),
    );
    return { n: Number(row?.n ?? 0), value: num(row?.value) };
  }

  async items(metric: AnchorMetric, window: Window, maxItems: number): Promise<PopulationItem[]> {
    const rows = await this.executor.read(itemsQuery(metric.measure, metric.aggregation), {
      ...this.params(metric, window),
      maxItems: neo4j.int(maxItems),
    });
    return rows.map(toItem);
  }

  /** A page of the ids of the window's records, in id order after `after` (null: from the first), at most `first`. */
  async recordIds(metric: AnchorMetric, window: Window, after: string | null, first: number): Promise<string[]> {
    const rows = await this.executor.read(recordIdsQuery(metric.measure, metric.aggregation), {
      ...this.params(metric, window),
      after,
      first: neo4j.int(first),
    });
    return rows.map((r) => String(r.id));
  }

  /** The playbooks that fired for each account in the window. */
  async playbooksByAccount(window: Window): Promise<Map<string, ItemGroup[]>> {
    const rows = await this.executor.read(PLAYBOOKS_BY_ACCOUNT, { tenant: this.tenant, ...window });
    return new Map(
      rows.map((r) => [
        String(r.accountId),
        (r.playbooks as Array<{ key: string; label: string }>).map((p) => ({ key: p.key, label: p.label, weight: 1 })),
      ]),
    );
  }

  async playbookExists(playbookId: string): Promise<boolean> {
    return (await this.executor.read(PLAYBOOK_EXISTS, { tenant: this.tenant, playbookId })).length > 0;
  }

  /** Each account a playbook touched (firing or task), with the first time. */
  async playbookTouches(playbookId: string): Promise<Map<string, string>> {
    return touches(await this.executor.read(PLAYBOOK_TOUCHES, { tenant: this.tenant, playbookId }));
  }

  /** Each account an MPU was applied to, with the first time. */
  async mpuTouches(mpuId: string): Promise<Map<string, string>> {
    return touches(await this.executor.read(MPU_TOUCHES, { tenant: this.tenant, mpuId }));
  }
}

function touches(rows: readonly PlainRow[]): Map<string, string> {
  return new Map(
    rows
      .filter((r) => typeof r.first === "string" && r.accountId !== null)
      .map((r) => [String(r.accountId), String(r.first)]),
  );
}

function toItem(r: PlainRow): PopulationItem {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    accountId: String(r.accountId),
    at: String(r.at),
    value: Number(r.value),
    category: text(r.category),
    sourceSystem: text(r.sourceSystem),
    region: text(r.region),
    partners: ((r.partners as Array<{ key: unknown; label: unknown }> | null) ?? []).map((p) => ({
      key: String(p.key),
      label: String(p.label ?? p.key),
      weight: 1,
    })),
    models: strs(r.models),
    owners: strs(r.owners),
    mpus: strs(r.mpus),
    holds: ((r.holds as Array<{ key: unknown; label: unknown; hours: unknown }> | null) ?? []).map((h) => ({
      key: String(h.key),
      label: String(h.label),
      hours: num(h.hours),
    })),
  };
}
