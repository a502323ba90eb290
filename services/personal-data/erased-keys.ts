import {
  ChannelIdentifiers,
  channelTombstones,
  erasedChannelReason,
  erasedRecordReason,
  tombstoneHash,
  TombstoneKind,
} from "../../domain/personal-data/erasure-tombstone";

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

  /**
   * index → why the record is refused: its key was erased, or (decision 0033) one of its emails or phones
   * belonged to an erased person, whatever key it arrives under. One read for the whole batch.
   */
  async refusalsWithChannels(
    kind: TombstoneKind,
    records: ReadonlyArray<RecordKey & ChannelIdentifiers>,
  ): Promise<Map<number, string>> {
    if (records.length === 0) return new Map();
    const keyed = records.map((r) => ({
      index: r.index,
      hash: tombstoneHash(this.key, this.tenant, kind, r.scope, r.externalId),
    }));
    const channels = records.map((r) => ({
      index: r.index,
      hashes: channelTombstones(this.key, this.tenant, { emails: r.emails, phones: r.phones }),
    }));
    const all = [...keyed.map((k) => k.hash), ...channels.flatMap((c) => c.hashes.map((h) => h.hash))];
    const found = await this.reader.tombstones([...new Set(all)]);
    const out = new Map<number, string>();
    for (const { index, hash } of keyed) {
      const tombstone = found.get(hash);
      if (tombstone !== undefined) out.set(index, erasedRecordReason(kind, tombstone.erasedAt, tombstone.requestId));
    }
    const what = kind === "CONTACT" ? "contact" : "identity";
    for (const { index, hashes } of channels) {
      if (out.has(index)) continue;
      const hit = hashes.find((h) => found.has(h.hash));
      if (hit === undefined) continue;
      const tombstone = found.get(hit.hash)!;
      out.set(index, erasedChannelReason(what, hit.kind, tombstone.erasedAt, tombstone.requestId));
    }
    return out;
  }

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
