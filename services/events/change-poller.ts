import { StoredChange } from "../../domain/events/change-event";
import { ChangePoll } from "../../graph/events/change-poll.repository";
import { ChangeFeedError } from "./change-feed.errors";

/** Where the poller reads a tenant's outbox (ChangePollRepository). */
export interface ChangePollSource {
  poll(tenant: string, after: number, first: number): Promise<ChangePoll>;
}

export interface ChangePollerSettings {
  /** How often each tenant with live subscribers is read (RELATA_CHANGE_POLL_MS). */
  intervalMs: number;
  /** Events read per tenant and poll; a full batch is followed at once by the next. */
  batchSize: number;
  /** Events a subscriber may have waiting; past it, it is left out of polls until it catches up. */
  highWater: number;
  /** Named in the error of a subscriber that fell behind retention. */
  retentionDays: number;
}

export interface PollerLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

/** Tenants polled at once in one tick. */
const PARALLEL_TENANTS = 8;
/** Full batches read back to back in one tick before the next tick's turn. */
const CATCH_UP_ROUNDS = 10;

/**
 * One live subscriber's events: an async iterator of the tenant's events after its cursor that it accepts,
 * in order. It ends when the subscriber stops (`return`) or the poller stops, and throws CURSOR_EXPIRED if
 * retention removed events it had not received yet.
 */
export class LiveChanges implements AsyncIterableIterator<StoredChange> {
  private readonly queue: StoredChange[] = [];
  private failure: Error | null = null;
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(
    readonly tenant: string,
    /** Every event up to this number has been looked at. */
    private position: number,
    private readonly accept: (event: StoredChange) => boolean,
    private readonly highWater: number,
    private readonly onClose: (live: LiveChanges) => void,
  ) {}

  get cursor(): number {
    return this.position;
  }

  /** Takes part in the next poll: open, and not holding more waiting events than the high-water mark. */
  get ready(): boolean {
    return !this.closed && this.failure === null && this.queue.length < this.highWater;
  }

  /** Hands over what a poll read: the events (some may be at or below the cursor) and how far it read. */
  deliver(events: readonly StoredChange[], through: number): void {
    for (const event of events) if (event.seq > this.position && this.accept(event)) this.queue.push(event);
    if (through > this.position) this.position = through;
    this.signal();
  }

  fail(error: Error): void {
    this.failure = error;
    this.signal();
  }

  /** Ends the iteration once the events waiting are taken. */
  end(): void {
    this.closed = true;
    this.signal();
  }

  async next(): Promise<IteratorResult<StoredChange>> {
    for (;;) {
      const event = this.queue.shift();
      if (event !== undefined) return { value: event, done: false };
      if (this.failure !== null) {
        const failure = this.failure;
        this.close();
        throw failure;
      }
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<StoredChange>> {
    this.close();
    this.queue.length = 0;
    this.signal();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredChange> {
    return this;
  }

  private close(): void {
    this.closed = true;
    this.onClose(this);
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * The live side of subscriptions, one per API process: every `intervalMs` it reads the outbox of each
 * tenant that has live subscribers — one query per tenant, from the lowest cursor among them — and hands
 * each subscriber the events after its own cursor. Several API processes each poll the same outbox, so a
 * subscriber sees every event whichever process it is connected to, in order; the database is read only
 * for tenants someone is listening to.
 */
export class ChangePoller {
  private readonly tenants = new Map<string, Set<LiveChanges>>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly source: ChangePollSource,
    private readonly settings: ChangePollerSettings,
    private readonly log: PollerLogger,
  ) {}

  /** Follows `tenant`'s events after `cursor` that `accept` takes. */
  follow(tenant: string, cursor: number, accept: (event: StoredChange) => boolean = () => true): LiveChanges {
    const live = new LiveChanges(tenant, cursor, accept, this.settings.highWater, (closed) => this.forget(closed));
    if (this.stopped) {
      live.end();
      return live;
    }
    const set = this.tenants.get(tenant) ?? new Set<LiveChanges>();
    set.add(live);
    this.tenants.set(tenant, set);
    return live;
  }

  /** Live subscribers of this process (of one tenant, when named). */
  subscribers(tenant?: string): number {
    if (tenant !== undefined) return this.tenants.get(tenant)?.size ?? 0;
    return [...this.tenants.values()].reduce((sum, set) => sum + set.size, 0);
  }

  start(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = setInterval(() => void this.pollOnce(), this.settings.intervalMs);
    this.timer.unref();
  }

  /** Polls every tenant with ready subscribers now (a tick already running is awaited instead). */
  pollOnce(): Promise<void> {
    this.running ??= this.pollAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops polling and ends every live subscription. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    for (const set of this.tenants.values()) for (const live of set) live.end();
    this.tenants.clear();
  }

  private async pollAll(): Promise<void> {
    for (let round = 0; round < CATCH_UP_ROUNDS && !this.stopped; round += 1) {
      const tenants = [...this.tenants.keys()];
      let behind = false;
      for (let i = 0; i < tenants.length; i += PARALLEL_TENANTS) {
        const full = await Promise.all(tenants.slice(i, i + PARALLEL_TENANTS).map((tenant) => this.pollTenant(tenant)));
        behind ||= full.some(Boolean);
      }
      if (!behind) return;
    }
  }

  /** Polls one tenant; true when it read a full batch (more may be waiting). */
  private async pollTenant(tenant: string): Promise<boolean> {
    const ready = [...(this.tenants.get(tenant) ?? [])].filter((live) => live.ready);
    if (ready.length === 0) return false;
    const after = Math.min(...ready.map((live) => live.cursor));
    let poll: ChangePoll;
    try {
      poll = await this.source.poll(tenant, after, this.settings.batchSize);
    } catch (error) {
      this.log.warn({ component: "change-poller", tenant, err: error }, "could not read new change events; retrying");
      return false;
    }
    const full = poll.hasMore;
    // Subscribers move on to where the read stopped: never past a number it has not seen.
    const through = poll.through;
    for (const live of ready) {
      if (live.cursor < poll.purgedThrough) {
        live.fail(expired(live.cursor, poll.purgedThrough, this.settings.retentionDays));
        continue;
      }
      live.deliver(poll.events, through);
    }
    return full;
  }

  private forget(live: LiveChanges): void {
    const set = this.tenants.get(live.tenant);
    if (set === undefined) return;
    set.delete(live);
    if (set.size === 0) this.tenants.delete(live.tenant);
  }
}

function expired(cursor: number, purgedThrough: number, retentionDays: number): ChangeFeedError {
  return new ChangeFeedError(
    "CURSOR_EXPIRED",
    `This subscription fell behind: events after position ${cursor} up to position ${purgedThrough} were removed ` +
      `(events are kept ${retentionDays} days, RELATA_CHANGE_RETENTION_DAYS). Re-sync: read the current records, ` +
      `then subscribe again without a cursor.`,
  );
}
