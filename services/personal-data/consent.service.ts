import { IngestResult, RecordOutcome, RecordRejection, summarizeIngest } from "../../domain/ingest/ingest-result";
import {
  consentContentHash,
  consentId,
  consentStateAt,
  ConsentVersion,
  StoredConsent,
} from "../../domain/personal-data/consent";
import { checkConsentInput, CheckedConsent, ConsentInputDraft } from "../../domain/personal-data/check-consent-input";
import { recordTypeOf, StoredChange } from "../../domain/events/change-event";
import { ExportConsentScreen, personRecordIds } from "../../domain/personal-data/export-purpose";
import { PersonalDataError } from "../../domain/personal-data/personal-data.errors";
import { Clock, systemClock } from "../../domain/time/clock";
import { ConsentRepository, ConsentRow } from "../../graph/personal-data/consent.repository";
import { IngestError } from "../ingest/ingest.errors";
import { assertPersonId } from "./person-id";

/** A person's consents, each with its versions oldest first. */
export interface PersonConsents {
  personId: string;
  erased: boolean;
  /** Each consent with its versions, and whether it is valid now (never for an erased person). */
  consents: Array<StoredConsent & { validNow: boolean; history: ConsentVersion[] }>;
}

function subjectName(input: CheckedConsent): string {
  const s = input.subject;
  return s.kind === "PERSON"
    ? `person ${s.personId}`
    : s.kind === "CONTACT"
      ? `contact ${s.contactId}`
      : `identity "${s.externalId}" of channel "${s.channel}"`;
}

/**
 * Consent records of one tenant (issue 15): a bulk idempotent ingest keyed by (source system, external id)
 * like every other upsert — each record checked on its own, its person looked up, the valid ones written in
 * chunks of one transaction each — and a person's consents with their history.
 */
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly tenant: string,
    private readonly actor: string,
    private readonly limits: { maxBatchSize: number; chunkSize: number },
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Screens one page of a purpose-bound export's events by the consents of the people they are about
   * (decision 0033): the events the purpose allows, in order; `screen` keeps the tally.
   */
  async screenExport(events: readonly StoredChange[], screen: ExportConsentScreen): Promise<StoredChange[]> {
    const ids = new Set(personRecordIds(events));
    const records = events
      .filter((event) => ids.has(event.recordId))
      .map((event) => ({ id: event.recordId, type: recordTypeOf(event.type) }));
    const unique = [...new Map(records.map((r) => [r.id, r])).values()];
    const people = await this.consents.peopleOfRecords(unique);
    return screen.screen(events, people, this.clock().toISOString());
  }

  async record(drafts: readonly ConsentInputDraft[]): Promise<IngestResult> {
    if (drafts.length > this.limits.maxBatchSize) {
      throw new IngestError(
        "BATCH_TOO_LARGE",
        `input has ${drafts.length} consents; at most ${this.limits.maxBatchSize} per call. Split the batch.`,
      );
    }
    const rejections: RecordRejection[] = [];
    const checked: Array<{ index: number; input: CheckedConsent }> = [];
    const seen = new Map<string, number>();
    drafts.forEach((draft, index) => {
      const externalId = typeof draft?.externalId === "string" ? draft.externalId : null;
      const result = checkConsentInput(draft ?? {});
      if (!result.ok) return void rejections.push({ index, externalId, reason: result.reason });
      const key = `${result.input.sourceSystem}\u0000${result.input.externalId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        return void rejections.push({
          index,
          externalId,
          reason: `duplicate of record ${earlier} in this batch (same sourceSystem and externalId); send each consent once`,
        });
      }
      seen.set(key, index);
      checked.push({ index, input: result.input });
    });
    const resolved = new Map(
      (await this.consents.resolveSubjects(checked.map(({ index, input }) => ({ index, subject: input.subject })))).map(
        (r) => [r.index, r],
      ),
    );
    const rows: ConsentRow[] = [];
    for (const { index, input } of checked) {
      const subject = resolved.get(index);
      const personId = subject?.personId ?? null;
      if (personId === null) {
        const known =
          (input.subject.kind === "CONTACT" && subject?.contactExists) ||
          (input.subject.kind === "IDENTITY" && subject?.identityExists);
        rejections.push({
          index,
          externalId: input.externalId,
          reason: known
            ? `${subjectName(input)} is not resolved to a person yet; run resolveIdentities(entity: PERSON, mode: INCREMENTAL) and send the consent again`
            : `${subjectName(input)} does not exist in this tenant; check the id, or send the person's identities first (upsertIdentities)`,
        });
        continue;
      }
      if (subject?.erased) {
        rejections.push({
          index,
          externalId: input.externalId,
          reason: `person ${personId} was erased; consents of an erased person are not recorded`,
        });
        continue;
      }
      const props = {
        personId,
        purpose: input.purpose,
        legalBasis: input.legalBasis,
        channel: input.channel,
        evidenceText: input.evidenceText,
        evidenceUrl: input.evidenceUrl,
        grantedAt: input.grantedAt,
        withdrawnAt: input.withdrawnAt,
        expiresAt: input.expiresAt,
      };
      rows.push({
        index,
        id: consentId(this.tenant, input.sourceSystem, input.externalId),
        sourceSystem: input.sourceSystem,
        externalId: input.externalId,
        hash: consentContentHash(props),
        props,
      });
    }
    const outcomes: RecordOutcome[] = [];
    const now = this.clock().toISOString();
    for (let i = 0; i < rows.length; i += this.limits.chunkSize) {
      const chunk = rows.slice(i, i + this.limits.chunkSize);
      for (const w of await this.consents.upsert(chunk, now, this.actor)) {
        const row = chunk.find((r) => r.index === w.index)!;
        if (w.erased || w.id === null || w.status === null) {
          rejections.push({
            index: w.index,
            externalId: row.externalId,
            reason: "this consent belonged to a person whose data was erased; it is not stored again",
          });
        } else {
          outcomes.push({ index: w.index, id: w.id, status: w.status });
        }
      }
    }
    return summarizeIngest(outcomes, rejections);
  }

  /** The person's consents with their history; PERSON_NOT_FOUND for an unknown (or another tenant's) person. */
  async ofPerson(personId: string): Promise<PersonConsents> {
    assertPersonId(personId);
    const found = await this.consents.ofPerson(personId);
    if (found === null) throw notFound(personId);
    return {
      personId,
      erased: found.erased,
      consents: found.consents.map((consent) => ({
        ...consent,
        validNow: !found.erased && consentStateAt(consent, this.clock().toISOString()) === "VALID",
        history: found.versions.filter((v) => v.consentId === consent.id).sort((a, b) => a.version - b.version),
      })),
    };
  }
}

export function notFound(personId: string): PersonalDataError {
  return new PersonalDataError(
    "PERSON_NOT_FOUND",
    `No person ${personId} in your tenant. Take person ids from identity(id) { resolvedCustomerId } or resolvedCustomer.`,
  );
}
