import { CypherExecutor } from "../executor";
import { ChangeFeedRepository } from "./change-feed.repository";
import { StoredChange } from "../../domain/events/change-event";

/** A poll's answer. */
export interface ChangePoll {
  /** The newest number committed, read before the events. */
  last: number;
  /** Events up to this number were removed by retention. */
  purgedThrough: number;
  /** Events after the number asked for and at most `last`, in order, at most as many as asked for. */
  events: StoredChange[];
}

/**
 * Reads the outbox of any tenant for the process-wide poller of live subscriptions. Where the sequence
 * stands is read first, in its own statement, and events only up to that number: under read-committed
 * isolation a single statement may read the events before the sequence, see a number whose event it
 * missed, and skip it for good. Idle tenants cost one small read per poll.
 */
export class ChangePollRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async poll(tenant: string, after: number, first: number): Promise<ChangePoll> {
    const feed = new ChangeFeedRepository(this.executor, tenant);
    const { last, purgedThrough } = await feed.sequence();
    if (last <= after) return { last, purgedThrough, events: [] };
    return { last, purgedThrough, events: await feed.read(Math.max(after, purgedThrough), last, first, null) };
  }
}
