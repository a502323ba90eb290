import { Logger } from "pino";
import { CATEGORY_PREFIXES, categoriesOf, UsageCategory } from "../../domain/usage/operation-categories";
import { UsageAggregator } from "../../domain/usage/usage-aggregator";
import { usagePrincipal } from "../../domain/usage/usage-principal";
import { weekStartOf } from "../../domain/usage/usage-week";
import { UsageWriter } from "../../graph/usage/usage-writer";
import { RootFieldUse } from "./operation-fields";

export interface UsageRecorderOptions {
  /** How often counts are written (ms); 0: only when the table is half full, and at stop. */
  flushMs: number;
  /** The most cells held in memory between flushes; a flush starts early at half of it. */
  maxCells: number;
  /** Category prefixes (domain/usage/operation-categories.ts); extendable. */
  prefixes?: Readonly<Record<UsageCategory, readonly string[]>>;
}

export const DEFAULT_USAGE_RECORDER: UsageRecorderOptions = { flushMs: 10_000, maxCells: 20_000 };

/**
 * Counts the API's operations for usage calibration (decision 0032): per tenant, principal, operation (a
 * root field of the schema) and week, a number and nothing else — no arguments, variables, operation names
 * or answers. Counts collect in memory (bounded) and are written every few seconds, one UNWIND per batch;
 * a failed write is logged and its counts are lost (usage is a gauge, not a ledger).
 */
export class UsageRecorder {
  private readonly aggregator: UsageAggregator;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: UsageWriter,
    private readonly log: Logger,
    private readonly options: UsageRecorderOptions = DEFAULT_USAGE_RECORDER,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.aggregator = new UsageAggregator(options.maxCells);
  }

  /** Counts one executed operation's root fields for the caller. */
  record(
    caller: { tenant: string; subject: string; userId?: string; agent?: string },
    fields: readonly RootFieldUse[],
  ): void {
    const principal = usagePrincipal(caller);
    const week = weekStartOf(this.now());
    for (const field of fields) {
      const categories = categoriesOf(
        field.name,
        field.nested,
        principal.kind === "AGENT",
        this.options.prefixes ?? CATEGORY_PREFIXES,
      );
      this.aggregator.add(caller.tenant, week, principal, field.name, categories);
    }
    if (this.aggregator.size >= this.options.maxCells / 2) void this.flush();
  }

  start(): void {
    if (this.timer !== null || this.options.flushMs <= 0) return;
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes the counts collected so far (after any flush under way). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const dropped = this.aggregator.dropped;
      const rows = this.aggregator.drain();
      if (dropped > 0)
        this.log.warn({ dropped }, "usage counts: the in-memory table was full; some calls were not counted");
      if (rows.length === 0) return;
      try {
        await this.writer.add(rows, this.now());
      } catch (error) {
        this.log.warn({ err: error, cells: rows.length }, "usage counts could not be written; they are dropped");
      }
    });
    return this.flushing;
  }
}
