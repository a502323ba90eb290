import { UsageCategory } from "./operation-categories";

/** Who made a call, as usage counts name them: never a token, an email or a request's text. */
export interface UsagePrincipal {
  /** "usr_…" for users, "agent:<name>" for agents, "sub:<hash>" for service tokens naming no user. */
  key: string;
  kind: "USER" | "AGENT" | "SERVICE";
}

/** One counted cell: tenant, week, principal, operation (a root field name of the schema). */
export interface UsageRow {
  tenant: string;
  week: string;
  principal: string;
  principalKind: UsagePrincipal["kind"];
  operation: string;
  categories: UsageCategory[];
  count: number;
}

/**
 * Counts operations in memory until they are flushed: one cell per tenant, week, principal and operation,
 * holding only a number. Bounded: at most `maxCells` cells; calls that would open a new cell beyond it are
 * not stored but counted in `dropped` (the recorder flushes well before that).
 */
export class UsageAggregator {
  private cells = new Map<string, UsageRow>();
  private droppedCalls = 0;

  constructor(private readonly maxCells: number) {}

  get size(): number {
    return this.cells.size;
  }

  /** Calls not counted because the aggregator was full; reset by {@link drain}. */
  get dropped(): number {
    return this.droppedCalls;
  }

  add(tenant: string, week: string, principal: UsagePrincipal, operation: string, categories: UsageCategory[]): void {
    const key = `${tenant}\u0000${week}\u0000${principal.key}\u0000${operation}`;
    const cell = this.cells.get(key);
    if (cell !== undefined) {
      cell.count += 1;
      return;
    }
    if (this.cells.size >= this.maxCells) {
      this.droppedCalls += 1;
      return;
    }
    this.cells.set(key, {
      tenant,
      week,
      principal: principal.key,
      principalKind: principal.kind,
      operation,
      categories,
      count: 1,
    });
  }

  /** Takes every cell out (for a flush), leaving the aggregator empty. */
  drain(): UsageRow[] {
    const rows = [...this.cells.values()];
    this.cells = new Map();
    this.droppedCalls = 0;
    return rows;
  }
}
