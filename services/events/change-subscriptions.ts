import { ChangeType, StoredChange } from "../../domain/events/change-event";
import { decodeChangeCursor } from "../../domain/events/change-cursor";
import { HealthReport, healthMoveOf, HealthThresholdTracker } from "../../domain/events/health-threshold";
import { ChangeFeedService, ChangePage } from "./change-feed.service";
import { ChangePoller, LiveChanges } from "./change-poller";
import { ChangeSubscriptionError } from "./change-subscription.errors";

/** What a subscription hands its resolver: the next event, or the error that ends it. */
export type Delivery<T> = { value: T } | { error: Error };

/** A reported health change of an account and the event that carried it. */
export interface AccountHealthDelivery {
  event: StoredChange;
  report: HealthReport;
}

/** Says whether the tenant has a live account with this id (a malformed id throws INVALID_ID). */
export type AccountCheck = (id: string) => Promise<boolean>;

const HEALTH_TYPES: readonly ChangeType[] = ["HEALTH_GRADE_CHANGED", "HEALTH_SCORE_CHANGED"];
/** The largest score move a subscriber may ask about (scores are 0-100). */
const MAX_THRESHOLD = 100;

/**
 * The tenant's change subscriptions: replay from a cursor through the feed, then live events through the
 * process's poller, so a subscriber that comes back with the last cursor it received misses nothing and
 * gets nothing twice. Errors that end a subscription once it runs (a cursor that fell behind retention)
 * are delivered as its last item, for the resolver to raise as a GraphQL error.
 */
export class ChangeSubscriptions {
  constructor(
    private readonly tenant: string,
    private readonly feed: ChangeFeedService,
    private readonly poller: ChangePoller,
    private readonly accountExists: AccountCheck,
    private readonly replayPageSize: number,
  ) {}

  /**
   * Events of `types` (all when empty) after `after`, then live ones. Without `after`, only events committed
   * from now on. A malformed or expired cursor fails here, before the subscription starts.
   */
  async changes(
    after: string | null | undefined,
    types: readonly ChangeType[] | null | undefined,
  ): Promise<AsyncIterableIterator<Delivery<StoredChange>>> {
    const wanted = types === null || types === undefined || types.length === 0 ? null : [...new Set(types)];
    const start = await this.start(after, wanted);
    const handle = new StopHandle();
    return new Subscription(guarded(this.follow(start, wanted, () => true, handle)), handle);
  }

  /**
   * Health changes of one account: every grade change, and score moves of at least `scoreThreshold` from
   * the last score reported (domain/events/health-threshold.ts). Fails here for an account the tenant
   * does not have or a threshold out of range.
   */
  async accountHealth(
    accountId: string,
    scoreThreshold: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AsyncIterableIterator<Delivery<AccountHealthDelivery>>> {
    const threshold = scoreThreshold ?? null;
    if (threshold !== null && (!Number.isFinite(threshold) || threshold <= 0 || threshold > MAX_THRESHOLD)) {
      throw new ChangeSubscriptionError(
        "INVALID_ARGUMENT",
        `scoreThreshold must be above 0 and at most ${MAX_THRESHOLD} (score points); it is ${threshold}. Omit it ` +
          `to hear only about grade changes.`,
      );
    }
    if (!(await this.accountExists(accountId))) {
      throw new ChangeSubscriptionError(
        "ACCOUNT_NOT_FOUND",
        `Your tenant has no account ${accountId}. Take the id from an account you read (accounts, account(id)); ` +
          `ids of other tenants' accounts are unknown here.`,
      );
    }
    const start = await this.start(after, HEALTH_TYPES);
    const handle = new StopHandle();
    const events = this.follow(start, HEALTH_TYPES, (event) => event.recordId === accountId, handle);
    return new Subscription(guarded(reportsOf(events, new HealthThresholdTracker(threshold))), handle);
  }

  /** The first replay page, or the head for a subscriber that wants only what comes next. */
  private async start(after: string | null | undefined, types: readonly ChangeType[] | null): Promise<Start> {
    if (after === null || after === undefined) return { page: null, cursor: await this.feed.head() };
    const page = await this.feed.page(after, types, this.replayPageSize);
    return { page, cursor: page.endCursor };
  }

  private async *follow(
    start: Start,
    types: readonly ChangeType[] | null,
    accept: (event: StoredChange) => boolean,
    handle: StopHandle,
  ): AsyncGenerator<StoredChange> {
    let page = start.page;
    let cursor = start.cursor;
    while (page !== null && !handle.stopped) {
      for (const event of page.events) if (accept(event)) yield event;
      cursor = page.endCursor;
      page = page.hasMore ? await this.feed.page(cursor, types, this.replayPageSize) : null;
    }
    const live = this.poller.follow(
      this.tenant,
      decodeChangeCursor(cursor),
      (event) => (types === null || types.includes(event.type)) && accept(event),
    );
    handle.live = live;
    if (handle.stopped) await live.return();
    try {
      yield* live;
    } finally {
      await live.return();
    }
  }
}

/** Lets a subscription be stopped while it waits for live events. */
class StopHandle {
  stopped = false;
  live: LiveChanges | null = null;

  stop(): void {
    this.stopped = true;
    void this.live?.return();
  }
}

/**
 * A subscription's iterator. An async generator's `return()` waits until its pending `next()` settles —
 * for a quiet tenant, until the next event — so `return()` here first stops the live feed, which ends
 * the pending `next()` at once, and a client that unsubscribes is forgotten right away.
 */
class Subscription<T> implements AsyncIterableIterator<T> {
  constructor(
    private readonly source: AsyncGenerator<T>,
    private readonly handle: StopHandle,
  ) {}

  next(): Promise<IteratorResult<T>> {
    return this.source.next();
  }

  return(): Promise<IteratorResult<T>> {
    this.handle.stop();
    return this.source.return(undefined);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

interface Start {
  page: ChangePage | null;
  cursor: string;
}

async function* reportsOf(
  events: AsyncGenerator<StoredChange>,
  tracker: HealthThresholdTracker,
): AsyncGenerator<AccountHealthDelivery> {
  for await (const event of events) {
    const move = healthMoveOf(event);
    const report = move === null ? null : tracker.observe(move);
    if (report !== null) yield { event, report };
  }
}

/** Turns an error that ends the stream into its last item; the stream then ends. */
async function* guarded<T>(items: AsyncGenerator<T>): AsyncGenerator<Delivery<T>> {
  try {
    for await (const value of items) yield { value };
  } catch (error) {
    yield { error: error instanceof Error ? error : new Error(String(error)) };
  }
}
