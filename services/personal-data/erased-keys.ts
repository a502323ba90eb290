import { erasedRecordReason, tombstoneHash, TombstoneKind } from "../../domain/personal-data/erasure-tombstone";

/** Reads which salted key hashes are tombstones (the graph side). */
export interface TombstoneReader {
  tombstones(hashes: readonly string[]): Promise<Map<string, { requestId: string; erasedAt: string }>>;
}

/** One record's key, as a batch sends it. */
export interface RecordKey {
  index: number;
  /** The source system (contacts) or channel (identities). */
  scope: string;
  externalId: string;
}

/**
 * Refuses a re-ingest of records whose person was erased (issue 15): each record's key is hashed as the
 * erasure hashed it, and a key with a tombstone rejects its record with the request and the time.
 */
export class ErasedKeys {
  constructor(
    private readonly reader: TombstoneReader,
    private readonly tenant: string,
    private readonly key: string,
  ) {}

  /** index → why the record is refused, for the records of `keys` that were erased. */
  async refusals(kind: TombstoneKind, keys: readonly RecordKey[]): Promise<Map<number, string>> {
    if (keys.length === 0) return new Map();
    const hashed = keys.map((k) => ({
      index: k.index,
      hash: tombstoneHash(this.key, this.tenant, kind, k.scope, k.externalId),
    }));
    const found = await this.reader.tombstones([...new Set(hashed.map((h) => h.hash))]);
    const out = new Map<number, string>();
    for (const { index, hash } of hashed) {
      const tombstone = found.get(hash);
      if (tombstone !== undefined) out.set(index, erasedRecordReason(kind, tombstone.erasedAt, tombstone.requestId));
    }
    return out;
  }
}
