import { RevokedTokenId } from "../../graph/auth/revoked-token.reader";

/** Where the revocation list comes from: the revocations of every tenant made in the last seconds given. */
export interface RevocationSource {
  revokedWithin(windowSeconds: number): Promise<RevokedTokenId[]>;
}

export interface RevocationListOptions {
  /** How often the list is read again; a revocation made on another instance takes effect within this. */
  refreshMs: number;
  /** How far back revocations matter: the longest lifetime a token may have, plus a margin. */
  windowSeconds: number;
  /** A failed refresh keeps the previous list; this hears about it. */
  onRefreshError(error: unknown): void;
}

const key = (tenant: string, tokenId: string): string => `${tenant}\u0000${tokenId}`;

/**
 * The revoked tokens of every tenant, held in this process and read again every few seconds, so checking a
 * request's token is a set lookup and never a database round trip. Revocations made through this process
 * apply at once; those made through another instance within {@link RevocationListOptions.refreshMs}.
 */
export class RevocationList {
  private revoked = new Set<string>();
  /** Revocations made here that the database's answer has not shown yet (a refresh may have been running). */
  private readonly pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly source: RevocationSource,
    private readonly options: RevocationListOptions,
  ) {}

  /** Reads the list once (a failure here is thrown), then keeps it fresh in the background. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => {
      this.refresh().catch((error: unknown) => this.options.onRefreshError(error));
    }, this.options.refreshMs);
    this.timer.unref();
  }

  /** Stops refreshing; waits for a refresh in flight so that nothing reads the database after close. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  isRevoked(tenant: string, tokenId: string): boolean {
    return this.revoked.has(key(tenant, tokenId));
  }

  /** Applies a revocation that has been stored, without waiting for the next refresh. */
  add(tenant: string, tokenId: string): void {
    const k = key(tenant, tokenId);
    this.pending.set(k, Date.now());
    this.revoked.add(k);
  }

  /** Reads the list again now (one read at a time: a call during a refresh joins it). */
  refresh(): Promise<void> {
    this.running ??= this.load().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async load(): Promise<void> {
    const rows = await this.source.revokedWithin(this.options.windowSeconds);
    const next = new Set(rows.map((row) => key(row.tenant, row.tokenId)));
    const stale = Date.now() - this.options.windowSeconds * 1000;
    for (const [k, addedAt] of this.pending) {
      if (next.has(k) || addedAt < stale) this.pending.delete(k);
      else next.add(k);
    }
    this.revoked = next;
  }
}
