import { AnchorDefinition } from "../../domain/anchors/anchor-definition";
import { AnchorPopulation } from "../../domain/anchors/anchor-metric";
import { CypherExecutor } from "../executor";
import neo4j from "neo4j-driver";
import { SystemHoldings } from "../../domain/anchors/anchor-reads";
import {
  ANCHOR_DEFINITIONS,
  ANCHOR_POINT,
  ANCHOR_RECORDS,
  ANCHOR_WEEKS,
  SYSTEM_HOLDINGS,
} from "./anchor-lineage.queries";

/** A stored anchor point with its anchor and the version it was computed with, as lineage starts from it. */
export interface AnchorPointRow {
  anchor: { id: string; name: string; owner: string };
  point: {
    weekStart: string;
    value: number | null;
    n: number;
    anchorVersion: number;
    metricHash: string;
    population: string;
    recordIds: string[] | null;
    computedAt: string;
  };
  /** Null only for a point whose version node is missing (stored before versions were kept). */
  version: {
    version: number;
    definition: AnchorDefinition;
    definitionHash: string | null;
    actor: string | null;
    createdAt: string | null;
  } | null;
}

/** One record behind a point as stored. */
export interface AnchorRecordRow {
  id: string;
  kind: string;
  externalId: string | null;
  sourceSystem: string | null;
  account: { id: string; name: string } | null;
  properties: Record<string, unknown>;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** An anchor's current definition, as impact reads it. */
export interface AnchorDefinitionRow {
  id: string;
  name: string;
  version: number;
  definition: AnchorDefinition;
}

/** Reads anchor points and the records behind them (lineage), and anchors' definitions (impact); one tenant. */
export class AnchorLineageRepository {
  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {}

  /** The point of the week (null: the latest with a value); null when there is none. */
  async point(anchorId: string, week: string | null): Promise<AnchorPointRow | null> {
    const [row] = await this.executor.read(ANCHOR_POINT, { tenant: this.tenant, anchorId, week });
    if (row === undefined) return null;
    const a = row.anchor as Record<string, unknown>;
    const p = row.point as Record<string, unknown>;
    const v = row.version as Record<string, unknown> | null;
    return {
      anchor: { id: String(a.id), name: String(a.name), owner: String(a.owner ?? "") },
      point: {
        weekStart: String(p.weekStart),
        value: p.value === null || p.value === undefined ? null : Number(p.value),
        n: Number(p.n ?? 0),
        anchorVersion: Number(p.anchorVersion),
        metricHash: String(p.metricHash),
        population: String(p.population),
        recordIds: Array.isArray(p.recordIds) ? p.recordIds.map(String) : null,
        computedAt: String(p.computedAt),
      },
      version:
        v === null
          ? null
          : {
              version: Number(v.version),
              definition: JSON.parse(String(v.definition)) as AnchorDefinition,
              definitionHash: text(v.definitionHash),
              actor: text(v.actor),
              createdAt: text(v.createdAt),
            },
    };
  }

  /** The weeks an anchor has points for; null when the tenant has no such anchor. */
  async weeks(anchorId: string): Promise<string[] | null> {
    const [row] = await this.executor.read(ANCHOR_WEEKS, { tenant: this.tenant, anchorId });
    return row === undefined ? null : (row.weeks as unknown[]).map(String).sort();
  }

  /** The records of a population by id, in the order asked; ids not found are left out. */
  async records(population: AnchorPopulation, ids: readonly string[]): Promise<AnchorRecordRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.executor.read(ANCHOR_RECORDS[population], { tenant: this.tenant, ids: [...ids] });
    const byId = new Map(
      rows.map((r): [string, AnchorRecordRow] => [
        String(r.id),
        {
          id: String(r.id),
          kind: String(r.kind),
          externalId: text(r.externalId),
          sourceSystem: text(r.sourceSystem),
          account:
            r.accountId === null ? null : { id: String(r.accountId), name: String(r.accountName ?? r.accountId) },
          properties: Object.fromEntries(
            Object.entries((r.properties as Record<string, unknown>) ?? {}).filter(([, v]) => v !== null),
          ),
        },
      ]),
    );
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [row];
    });
  }

  /** The tenant's anchors with their current definitions, at most `limit`, by id. */
  async definitions(limit: number): Promise<AnchorDefinitionRow[]> {
    const rows = await this.executor.read(ANCHOR_DEFINITIONS, { tenant: this.tenant, limit: neo4j.int(limit) });
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      version: Number(r.version),
      definition: JSON.parse(String(r.definition)) as AnchorDefinition,
    }));
  }

  /** Which populations (tickets, opportunities) and whether accounts a source system holds. */
  async holdings(system: string): Promise<SystemHoldings> {
    const [row] = await this.executor.read(SYSTEM_HOLDINGS, { tenant: this.tenant, system });
    const populations = new Set<"TICKETS" | "OPPORTUNITIES">();
    if (row?.tickets === true) populations.add("TICKETS");
    if (row?.opportunities === true) populations.add("OPPORTUNITIES");
    return { populations, accounts: row?.accounts === true };
  }
}
