import { Server, ServerResponse } from "node:http";

/** How a drain ended: requests that finished in time, and those cut off when the grace period ran out. */
export interface DrainOutcome {
  finished: number;
  cutOff: number;
}

/** How long answers to cut-off requests may take to reach the socket before it is closed. */
const FLUSH_LIMIT_MS = 2_000;

/**
 * Graceful shutdown of the HTTP side. Counts the requests in flight; once draining, new requests are
 * answered 503 at once (the listener stays open so that load balancers and probes get a clear answer,
 * not a refused connection), running ones get up to the grace period to finish, and whatever still runs
 * then is answered 503 before the connections are closed.
 */
export class RequestDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private onIdle: (() => void) | null = null;

  /** Counts a request as in flight until its response is finished or its connection closes. */
  track(res: ServerResponse): void {
    this.inFlight.add(res);
    res.once("close", () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) this.onIdle?.();
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Requests being answered now. */
  get size(): number {
    return this.inFlight.size;
  }

  /** Answers a request that arrived while draining: 503, and the connection is not kept alive. */
  refuse(res: ServerResponse): void {
    answer503(
      res,
      "SHUTTING_DOWN",
      "This API instance is shutting down and takes no new requests. Send the request again; another " +
        "instance (or this one once restarted) will answer it.",
    );
  }

  /**
   * Stops taking requests, waits up to `graceMs` for those in flight, answers the rest with 503, and closes
   * the server and every connection. Safe to call when the server never listened.
   */
  async drain(server: Server, graceMs: number): Promise<DrainOutcome> {
    this.draining = true;
    const started = this.inFlight.size;
    // Connections of running requests close once their answer is sent, instead of waiting for the next one.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    await this.idleOrTimeout(graceMs);
    const leftovers = [...this.inFlight];
    const flushed: Array<Promise<void>> = [];
    for (const res of leftovers) {
      if (res.writableEnded) continue;
      if (res.headersSent) {
        // A streamed answer cannot be turned into an error any more; the client sees the connection end.
        res.destroy();
        continue;
      }
      flushed.push(finished(res));
      answer503(
        res,
        "SHUTDOWN_BEFORE_COMPLETION",
        `This API instance shut down before your request finished (it had ${graceMs} ms to). Part of its ` +
          "work may be stored: bulk upserts are idempotent, so sending the same request again is safe.",
      );
    }
    await Promise.race([Promise.all(flushed), delay(FLUSH_LIMIT_MS)]);
    if (server.listening) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    return { finished: started - leftovers.length, cutOff: leftovers.length };
  }

  private idleOrTimeout(graceMs: number): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, graceMs);
      this.onIdle = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

function answer503(res: ServerResponse, reason: string, message: string): void {
  res.statusCode = 503;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("connection", "close");
  res.setHeader("retry-after", "1");
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: "SERVICE_UNAVAILABLE", reason } }] }));
}

function finished(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.writableFinished) resolve();
    else res.once("finish", () => resolve()).once("close", () => resolve());
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
