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
  /** Every event numbered up to here has been read: subscribers move on to it. */
  through: number;
  /** More events are readable now (the batch was full). */
  hasMore: boolean;
}

/**
 * Reads the outbox of any tenant for the process-wide poller of live subscriptions. Where the sequence
 * stands is read first, in its own statement, and events only up to that number; the events are read so
 * that a number not visible yet (a commit being applied) stops the batch before it
 * ({@link ChangeFeedRepository.readPage}), and subscribers move on only to what was read. Idle tenants
 * cost one small read per poll.
 */
export class ChangePollRepository {
  constructor(private readonly executor: CypherExecutor) {}

  async poll(tenant: string, after: number, first: number): Promise<ChangePoll> {
    const feed = new ChangeFeedRepository(this.executor, tenant);
    const { last, purgedThrough } = await feed.sequence();
    const from = Math.max(after, purgedThrough);
    if (last <= from) return { last, purgedThrough, events: [], through: from, hasMore: false };
    // The page stops before a number not visible yet, so subscribers never move past it.
    const page = await feed.readPage(from, first, null, last);
    return { last, purgedThrough, events: page.events, through: page.through, hasMore: page.hasMore };
  }
}
