import { randomBytes } from "node:crypto";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { RecordChange } from "../../domain/events/change-event";
import { ErasedCounts, ErasureAnswer, erasureAnswer } from "../../domain/personal-data/erasure-answer";
import { channelTombstones, tombstoneHash } from "../../domain/personal-data/erasure-tombstone";
import { identityChannels } from "./identity-channels";
import { assemblePersonExport } from "../../domain/personal-data/person-export";
import { PayloadScrubber } from "../../domain/personal-data/scrub-payload";
import { PersonalDataError } from "../../domain/personal-data/personal-data.errors";
import { TX_LOG_RETENTION_HOURS } from "../../domain/personal-data/retention";
import { Clock, systemClock } from "../../domain/time/clock";
import { PersonDataRepository, PersonSnapshot } from "../../graph/personal-data/person-data.repository";
import { notFound } from "./consent.service";
import { assertPersonId } from "./person-id";

export const MAX_REASON_LENGTH = 1_000;

/** The caller of a request, as the audit trail names them. */
export interface RequestCaller {
  actor: string;
  userId: string | null;
}

/** The answer to an access request: the document, and how much it holds. */
export interface PersonExport {
  personId: string;
  document: Record<string, unknown>;
}

/**
 * Access and erasure requests for one tenant (issue 15, decision 0027). An export reads everything held
 * about a person into one JSON document; an erasure removes the person's values from every store in one
 * transaction, leaves salted-hash tombstones that refuse a re-ingest, and answers what was erased now, what
 * ages out when, and which webhook receivers already got copies.
 */
export class PersonDataRequestService {
  constructor(
    private readonly repository: PersonDataRepository,
    private readonly tenant: string,
    private readonly caller: RequestCaller,
    /** The key of the tombstones' salted hashes (outside the database). */
    private readonly tombstoneKey: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async export(personId: string): Promise<PersonExport> {
    assertPersonId(personId);
    const snapshot = await this.repository.read(personId);
    if (snapshot === null) throw notFound(personId);
    const now = this.clock().toISOString();
    const document = assemblePersonExport(snapshot.parts, now);
    // Who read a person's whole data is itself on the trail (ids and counts, never values).
    await this.repository.recordExport(now, {
      kind: "PERSON_DATA_EXPORTED",
      accountIds: snapshot.accountIds,
      userIds: this.caller.userId === null ? [] : [this.caller.userId],
      actor: this.caller.actor,
      payload: { personId, counts: document.counts as object },
    });
    return { personId, document };
  }

  /** Erases the person; with `dryRun`, answers what the erasure would do now and changes nothing. */
  async erase(personId: string, reasonArg: string, options: { dryRun?: boolean } = {}): Promise<ErasureAnswer> {
    const dryRun = options.dryRun === true;
    assertPersonId(personId);
    const reason = reasonArg.trim();
    if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
      throw new PersonalDataError(
        "INVALID_PERSONAL_DATA_REQUEST",
        `reason: give why the person is erased (e.g. "GDPR art. 17 request of 2026-12-01, ticket 4411"), 1 to ` +
          `${MAX_REASON_LENGTH} characters; received ${reason.length}.`,
      );
    }
    const earlier = await this.repository.erasureOf(personId);
    if (earlier !== null) {
      throw new PersonalDataError(
        "PERSON_ALREADY_ERASED",
        `Person ${personId} was erased already (request ${earlier.id}); its answer stands. Nothing was changed.`,
      );
    }
    const requestId = `era_${randomBytes(16).toString("base64url").slice(0, 22)}`;
    const now = this.clock().toISOString();
    let answer: ErasureAnswer | null = null;
    const written = await this.repository.erase(
      personId,
      { requestId, now, actor: this.caller.actor, reason },
      (snapshot) => this.tombstones(snapshot),
      (snapshot, counts) => {
        // The reason is free text that may name the person: answered and kept with their values cut out.
        const scrubbedReason = new PayloadScrubber(snapshot.values).text(reason);
        answer = erasureAnswer(
          { requestId, personId, erasedAt: now, reason: scrubbedReason, dryRun },
          counts,
          snapshot.parts.webhookDeliveries,
          { transactionLogHours: TX_LOG_RETENTION_HOURS, backupDays: null },
        );
        return {
          answer: JSON.stringify(answer),
          audit: this.auditEntry(snapshot, requestId, counts),
          change: erasureChange(personId, requestId, counts),
        };
      },
      { dryRun },
    );
    if (written === null || answer === null) {
      // Gone between the check and the transaction: erased by a concurrent request, or never there.
      const raced = await this.repository.erasureOf(personId);
      if (raced !== null) {
        throw new PersonalDataError(
          "PERSON_ALREADY_ERASED",
          `Person ${personId} was erased already (request ${raced.id}).`,
        );
      }
      throw notFound(personId);
    }
    return answer;
  }

  private tombstones(snapshot: PersonSnapshot): { records: string[]; channels: string[] } {
    const contacts = snapshot.raw.contacts.map((c) =>
      tombstoneHash(this.tombstoneKey, this.tenant, "CONTACT", String(c.sourceSystem), String(c.externalId)),
    );
    const identities = snapshot.raw.identities
      .filter((i) => i.channel !== "crm-contact")
      .map((i) => tombstoneHash(this.tombstoneKey, this.tenant, "IDENTITY", String(i.channel), String(i.externalId)));
    // Their emails and phones too (decision 0033): the same person sent again under another key is refused.
    const channels = [
      ...snapshot.raw.contacts.map((c) => ({ emails: [c.email], phones: [c.phone] })),
      ...snapshot.raw.identities.map((i) => identityChannels(i.attributes, i.normalised)),
    ].flatMap((identifiers) => channelTombstones(this.tombstoneKey, this.tenant, identifiers).map((t) => t.hash));
    return { records: [...new Set([...contacts, ...identities])], channels: [...new Set(channels)] };
  }

  private auditEntry(snapshot: PersonSnapshot, requestId: string, counts: ErasedCounts): AuditEntryInput {
    return {
      kind: "PERSON_ERASED",
      accountIds: snapshot.accountIds,
      userIds: this.caller.userId === null ? [] : [this.caller.userId],
      actor: this.caller.actor,
      // Ids and counts only: the chain is immutable, so nothing personal may enter it.
      payload: {
        requestId,
        personId: snapshot.parts.person.id,
        contactIds: snapshot.raw.contacts.map((c) => String(c.id)),
        identityIds: snapshot.raw.identities.map((i) => String(i.id)),
        erased: counts,
        transactionLogRetentionHours: TX_LOG_RETENTION_HOURS,
      },
    };
  }
}

function erasureChange(personId: string, requestId: string, counts: ErasedCounts): RecordChange {
  return {
    type: "PERSON_ERASED",
    recordId: personId,
    externalId: null,
    sourceSystem: null,
    changes: [
      { field: "erasureRequestId", old: null, new: requestId },
      { field: "contacts", old: null, new: counts.contacts },
      { field: "identities", old: null, new: counts.identities },
    ],
  };
}
