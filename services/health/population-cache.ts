/** Populations of percentile-normalised mappings (aggregated and bridged, ascending), keyed by mapping. */
export type Populations = Map<string, number[]>;

const DEFAULT_TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

/**
 * The populations that percentile normalisation ranks a value in (every subject's latest value of a field
 * across the tenant), shared by the on-request scores of one process for a short time. Reading them means
 * scanning every signal of those fields in the tenant, which at 100,000 accounts costs far more than
 * scoring one account; a population moves slowly, so a score computed on request may rank against one up
 * to `ttlMs` old. Stored snapshots (recompute runs) always read them afresh. Soft state: each API
 * instance keeps its own, and losing it costs one read.
 */
export class PopulationCache {
  private readonly entries = new Map<string, { expires: number; populations: Promise<Populations> }>();

  constructor(
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The populations for `key` (tenant and fields), loaded with `load` when absent or expired. */
  get(key: string, load: () => Promise<Populations>): Promise<Populations> {
    const at = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.expires > at) return cached.populations;
    const populations = load();
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { expires: at + this.ttlMs, populations });
    // A failed read is not kept: the next request tries again.
    populations.catch(() => {
      if (this.entries.get(key)?.populations === populations) this.entries.delete(key);
    });
    return populations;
  }
}
