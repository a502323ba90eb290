import { RecordStatus } from "../../domain/ingest/ingest-result";
import { ConsentPurpose, ConsentVersion, StoredConsent } from "../../domain/personal-data/consent";
import { ExportPeople } from "../../domain/personal-data/export-purpose";
import { ConsentSubject } from "../../domain/personal-data/check-consent-input";
import { RecordChange } from "../../domain/events/change-event";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor } from "../executor";
import { toConsent, toConsentVersion } from "./consent-rows";
import {
  CONSENTS_OF_PERSON,
  PEOPLE_OF_EXPORTED_RECORDS,
  RESOLVE_CONSENT_SUBJECTS,
  UPSERT_CONSENTS,
} from "./consent.queries";

/** Who a consent record names, once looked up. */
export interface ResolvedSubject {
  index: number;
  personId: string | null;
  erased: boolean;
  contactExists: boolean;
  identityExists: boolean;
}

/** One consent ready to write. */
export interface ConsentRow {
  index: number;
  id: string;
  sourceSystem: string;
  externalId: string;
  hash: string;
  props: {
    personId: string;
    purpose: string;
    legalBasis: string;
    channel: string;
    evidenceText: string | null;
    evidenceUrl: string | null;
    grantedAt: string;
    withdrawnAt: string | null;
    expiresAt: string | null;
  };
}

export interface WrittenConsent {
  index: number;
  id: string | null;
  status: RecordStatus | null;
  version: number | null;
  /** The stored consent belongs to an erased person: nothing was written. */
  erased: boolean;
}

/** One tenant's consent records (issue 15): bulk idempotent writes with versions, and a person's history. */
export class ConsentRepository {
  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {}

  async resolveSubjects(
    subjects: ReadonlyArray<{ index: number; subject: ConsentSubject }>,
  ): Promise<ResolvedSubject[]> {
    if (subjects.length === 0) return [];
    const rows = await this.executor.read(RESOLVE_CONSENT_SUBJECTS, {
      tenant: this.tenant,
      rows: subjects.map(({ index, subject }) => ({
        index,
        personId: subject.kind === "PERSON" ? subject.personId : null,
        contactId: subject.kind === "CONTACT" ? subject.contactId : null,
        channel: subject.kind === "IDENTITY" ? subject.channel : null,
        externalId: subject.kind === "IDENTITY" ? subject.externalId : null,
      })),
    });
    return rows.map((row) => ({
      index: Number(row.index),
      personId: typeof row.personId === "string" ? row.personId : null,
      erased: row.erased === true,
      contactExists: row.contactExists === true,
      identityExists: row.identityExists === true,
    }));
  }

  /** Writes one chunk in one transaction, with a CONSENT_RECORDED event per created or updated record. */
  async upsert(rows: readonly ConsentRow[], now: string, actor: string): Promise<WrittenConsent[]> {
    return this.executor.writeSteps(UPSERT_CONSENTS.name, async (run) => {
      const written = await run(UPSERT_CONSENTS, { tenant: this.tenant, rows, now, actor });
      const byIndex = new Map(rows.map((row) => [row.index, row]));
      const changes: RecordChange[] = written.flatMap((w) => {
        const row = byIndex.get(Number(w.index))!;
        if (w.status !== "CREATED" && w.status !== "UPDATED") return [];
        return [
          {
            type: "CONSENT_RECORDED",
            recordId: String(w.id),
            // The consent's key and evidence stay out of the feed: they may name the person.
            externalId: null,
            sourceSystem: row.sourceSystem,
            changes: [
              { field: "personId", old: null, new: row.props.personId },
              { field: "purpose", old: null, new: row.props.purpose },
              { field: "legalBasis", old: null, new: row.props.legalBasis },
              { field: "grantedAt", old: null, new: row.props.grantedAt },
              { field: "withdrawnAt", old: null, new: row.props.withdrawnAt },
              { field: "expiresAt", old: null, new: row.props.expiresAt },
              { field: "version", old: null, new: Number(w.version) },
            ],
          },
        ];
      });
      await this.outbox.append(run, now, changes);
      return written.map((w) => ({
        index: Number(w.index),
        id: typeof w.id === "string" ? w.id : null,
        status: (w.status as RecordStatus | null) ?? null,
        version: w.version === null || w.version === undefined ? null : Number(w.version),
        erased: w.erased === true,
      }));
    });
  }

  /** The person's consents and their versions; null when the tenant has no such person. */
  async ofPerson(
    personId: string,
  ): Promise<{ erased: boolean; consents: StoredConsent[]; versions: ConsentVersion[] } | null> {
    const [row] = await this.executor.read(CONSENTS_OF_PERSON, { tenant: this.tenant, personId });
    if (row === undefined) return null;
    return {
      erased: row.erased === true,
      consents: ((row.consents as Array<Record<string, unknown>>) ?? []).map(toConsent),
      versions: ((row.versions as Array<Record<string, unknown>>) ?? []).map(toConsentVersion),
    };
  }

  /** The people behind an export's records (see PEOPLE_OF_EXPORTED_RECORDS), with their consents. */
  async peopleOfRecords(records: ReadonlyArray<{ id: string; type: string }>): Promise<ExportPeople> {
    if (records.length === 0) return { personOf: new Map(), consentsOf: new Map(), erased: new Set() };
    const rows = await this.executor.read(PEOPLE_OF_EXPORTED_RECORDS, {
      tenant: this.tenant,
      records: records.map((r) => ({ id: r.id, type: r.type })),
    });
    const personOf = new Map<string, string | null>();
    const consentsOf = new Map<
      string,
      Array<{ purpose: ConsentPurpose; grantedAt: string; withdrawnAt: string | null; expiresAt: string | null }>
    >();
    const erased = new Set<string>();
    for (const row of rows) {
      const personId = typeof row.personId === "string" ? row.personId : null;
      personOf.set(String(row.recordId), personId);
      if (personId === null) continue;
      if (row.erased === true) erased.add(personId);
      consentsOf.set(
        personId,
        ((row.consents as Array<Record<string, unknown>>) ?? []).map((c) => ({
          purpose: c.purpose as ConsentPurpose,
          grantedAt: String(c.grantedAt),
          withdrawnAt: typeof c.withdrawnAt === "string" ? c.withdrawnAt : null,
          expiresAt: typeof c.expiresAt === "string" ? c.expiresAt : null,
        })),
      );
    }
    return { personOf, consentsOf, erased };
  }
}
