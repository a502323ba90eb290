import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { PersonalDataAccess } from "../../domain/personal-data/access-policy";
import { ExportScreenSummary } from "../../domain/personal-data/export-purpose";
import { PersonalDataAuditRepository } from "../../graph/personal-data/personal-data-audit.repository";

/** How the values leave: a GraphQL request, the NDJSON change stream, a webhook delivery. */
export type PersonalDataChannel = "graphql" | "changes-stream" | "webhook";

/** Who reads, as the audit trail names them. */
export interface PersonalDataReader {
  /** `user:<sub>`, `agent:<name>` or `job:<name>`. */
  actor: string;
  /** The reader's user record id, when the token names one. */
  userId: string | null;
  /** An AI agent or a job of the server, not a person at a screen: its SENSITIVE reads are audited. */
  automation: boolean;
  /** Why it reads (`x-relata-purpose`), or null when not stated. */
  purpose: string | null;
}

/** Longest purpose kept; a longer one is cut. */
const MAX_PURPOSE_LENGTH = 100;

/**
 * One request's personal data: the categories its caller sees in clear, and which SENSITIVE fields it was
 * handed in clear, for how many records. {@link record} appends one PERSONAL_DATA_READ audit record —
 * fields, counts, purpose, never values — when the reader is automation or the channel is a bulk export
 * (decision 0028); a person's interactive reads are not audited one by one.
 */
export class PersonalDataReads {
  private readonly sensitive = new Map<string, number>();

  constructor(
    readonly access: PersonalDataAccess,
    private readonly reader: PersonalDataReader,
    private readonly repository: PersonalDataAuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A SENSITIVE value of `field` (a GraphQL coordinate or `Label.property`) was handed out in clear. */
  noteSensitive(field: string, records = 1): void {
    this.sensitive.set(field, (this.sensitive.get(field) ?? 0) + records);
  }

  /** The fields noted so far and how many values of each. */
  noted(): Array<{ field: string; records: number }> {
    return [...this.sensitive.entries()]
      .map(([field, records]) => ({ field, records }))
      .sort((a, b) => a.field.localeCompare(b.field));
  }

  /** The audit entry for what was noted, or null when nothing needs recording. */
  entry(channel: PersonalDataChannel, operation: string | null): AuditEntryInput | null {
    if (this.sensitive.size === 0) return null;
    if (channel === "graphql" && !this.reader.automation) return null;
    const fields = this.noted();
    return {
      kind: "PERSONAL_DATA_READ",
      accountIds: [],
      userIds: this.reader.userId === null ? [] : [this.reader.userId],
      actor: this.reader.actor,
      payload: {
        channel,
        operation: operation ?? "anonymous",
        purpose: this.reader.purpose?.slice(0, MAX_PURPOSE_LENGTH) ?? "not stated",
        categories: ["SENSITIVE"],
        fields,
        records: fields.reduce((sum, field) => sum + field.records, 0),
      },
    };
  }

  /**
   * Appends the PERSONAL_DATA_EXPORTED record of a purpose-bound export (decision 0033): who, through which
   * channel, the purpose, how many events went out and which people were left out for want of consent
   * (ids and states, never values).
   */
  async recordExportScreen(
    channel: PersonalDataChannel,
    operation: string,
    summary: ExportScreenSummary,
  ): Promise<void> {
    const entry: AuditEntryInput = {
      kind: "PERSONAL_DATA_EXPORTED",
      accountIds: [],
      userIds: this.reader.userId === null ? [] : [this.reader.userId],
      actor: this.reader.actor,
      payload: { channel, operation, ...summary },
    };
    await this.repository.append(entry, this.now().toISOString());
  }

  /** Appends the audit record of what was noted (see {@link entry}) and starts over. */
  async record(channel: PersonalDataChannel, operation: string | null): Promise<void> {
    const entry = this.entry(channel, operation);
    this.sensitive.clear();
    if (entry !== null) await this.repository.append(entry, this.now().toISOString());
  }
}
