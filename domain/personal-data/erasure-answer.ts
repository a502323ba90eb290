import { WebhookCopy } from "./person-export";

/** How long copies outside the live graph keep old values after an erasure (what the answer states). */
export interface RetentionWindows {
  /** Neo4j's transaction logs: `db.tx_log.rotation.retention_policy` of the managed server, in hours. */
  transactionLogHours: number;
  /** How long the operator keeps database backups, in days; null when Relata does not manage them. */
  backupDays: number | null;
}

/** What one erasure removed now, per store. */
export interface ErasedCounts {
  contacts: number;
  identities: number;
  blockingKeys: number;
  signals: number;
  consents: number;
  changeEvents: number;
  personKeys: number;
  webhookDeliveries: number;
  otherRecords: number;
  /** Salted hashes of the erased records' keys. */
  tombstones: number;
  /** Salted hashes of the person's emails and phones (decision 0033). */
  channelTombstones: number;
}

export interface AgesOut {
  store: string;
  /** When the last copy is gone at the latest; null when it depends on the operator. */
  until: string | null;
  note: string;
}

/** The answer to an erasure request: what is gone now, what ages out when, and who already received copies. */
export interface ErasureAnswer {
  /** A dry run: what an erasure would do now; nothing was changed, and `requestId` was never stored. */
  dryRun: boolean;
  requestId: string;
  personId: string;
  erasedAt: string;
  reason: string;
  erasedNow: ErasedCounts;
  agesOut: AgesOut[];
  webhookCopies: WebhookCopy[];
  /** What stays, and why it is not personal. */
  kept: string[];
}

const HOUR = 3_600_000;

/** Builds the answer (pure: the times follow from `erasedAt` and the retention windows). */
export function erasureAnswer(
  request: { requestId: string; personId: string; erasedAt: string; reason: string; dryRun?: boolean },
  erased: ErasedCounts,
  copies: readonly WebhookCopy[],
  retention: RetentionWindows,
): ErasureAnswer {
  const at = Date.parse(request.erasedAt);
  const agesOut: AgesOut[] = [
    {
      store: "Neo4j transaction logs",
      until: new Date(at + retention.transactionLogHours * HOUR).toISOString(),
      note:
        `Old values stay in the transaction log files until the file holding them has rotated and is older than ` +
        `${retention.transactionLogHours} h (db.tx_log.rotation.retention_policy); files rotate every 64 MiB of writes ` +
        `and are pruned at the next checkpoint (every 15 min).`,
    },
  ];
  agesOut.push({
    store: "database backups made before the erasure",
    until: retention.backupDays === null ? null : new Date(at + retention.backupDays * 24 * HOUR).toISOString(),
    note:
      (retention.backupDays === null
        ? "Backups (npm run db -- backup) are kept until the operator deletes them. "
        : `Backups are kept ${retention.backupDays} days. `) +
      "After a restore from a backup older than the erasure, erase the person again (erasePerson) before use.",
  });
  agesOut.push({
    store: "full-text index files (contact names and emails)",
    until: null,
    note:
      "The index entries are replaced at once (searches no longer find the values); the index files keep the " +
      "old entries as deleted documents until Lucene merges their segments, which writes trigger.",
  });
  return {
    ...request,
    dryRun: request.dryRun ?? false,
    erasedNow: erased,
    agesOut,
    webhookCopies: [...copies],
    kept: [
      "the person's and records' internal ids (random or hashed surrogates, no longer linked to any value)",
      "counts, health scores and numeric signal values of accounts (aggregates, not personal)",
      "consent purposes, legal bases and times (the proof of lawful processing), without evidence texts",
      "the audit trail (it never held personal values; every record still verifies)",
      "salted hashes of the erased records' keys (tombstones), so a re-ingest is refused",
    ],
  };
}
