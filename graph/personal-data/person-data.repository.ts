import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { RecordChange } from "../../domain/events/change-event";
import { changeEventId } from "../../domain/events/change-cursor";
import { packSegments, SegmentEvent, unpackSegment } from "../../domain/events/change-segment";
import {
  erasedConsentProperties,
  erasedContactProperties,
  erasedIdentityProperties,
  erasedSignalProperties,
  scrubbedProperties,
  scrubSegmentEvents,
} from "../../domain/personal-data/erasure-plan";
import { ErasedCounts } from "../../domain/personal-data/erasure-answer";
import { PersonDataParts, WebhookCopy } from "../../domain/personal-data/person-export";
import { personalValuesOf } from "../../domain/personal-data/personal-values";
import { PayloadScrubber } from "../../domain/personal-data/scrub-payload";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor, CypherQuery, PlainRow } from "../executor";
import { toConsent, toConsentVersion } from "./consent-rows";
import {
  DELIVERIES_CARRYING,
  DESTROY_PERSON_KEYS,
  DROP_BLOCKING_KEYS,
  ERASURE_OF_PERSON,
  IDENTITY_RELATIONSHIPS,
  MARK_PERSON_ERASED,
  READ_PERSON_CORE,
  READ_PERSON_REFERENCES,
  READ_SEGMENTS_PAGE,
  RECORD_ERASURE,
  REWRITE_SEGMENTS,
  SET_NODE_PROPERTIES,
  SET_RELATIONSHIP_PROPERTIES,
  TOMBSTONES_OF,
} from "./person-data.queries";

type Run = (query: CypherQuery, params: Record<string, unknown>) => Promise<PlainRow[]>;
type Row = Record<string, unknown>;

/** Segments read per statement while scanning the feed for the person's events. */
const SEGMENT_PAGE = 500;

/** A node read with its element id and its properties. */
interface ElementRow {
  element: string;
  props: Row;
}

/** Everything read about a person, with what an erasure needs to rewrite it. */
export interface PersonSnapshot {
  parts: PersonDataParts;
  /** The person's values, as the scrubber searches them. */
  values: string[];
  /** Ids of the person's records (person, contacts, identities, signals, consents). */
  recordIds: Set<string>;
  accountIds: string[];
  raw: {
    person: ElementRow;
    identities: Row[];
    contacts: Row[];
    signals: Row[];
    consents: Row[];
    consentVersions: Row[];
    tasks: ElementRow[];
    firingRecords: ElementRow[];
    pairRecords: ElementRow[];
    scores: ElementRow[];
    deliveries: ElementRow[];
  };
  /** Segments holding an event about the person or one of their values: element, first number, events. */
  segments: Array<{
    element: string;
    firstSeq: number;
    at: string;
    events: SegmentEvent[];
    about: number[];
    changedEvents: SegmentEvent[] | null;
  }>;
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function element(row: Row): ElementRow {
  const { element: id, ...props } = row;
  return { element: String(id), props };
}

function withoutElement(row: Row): Row {
  const { element: _element, tenant: _tenant, contentHash: _hash, ...rest } = row;
  return rest;
}

/**
 * One tenant's personal-data requests in the graph (issue 15): reads everything held about a person (the
 * access request) and erases it in one transaction (the erasure request) with its tombstones, audit record
 * and change event.
 */
export class PersonDataRepository {
  private readonly audit: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {
    this.audit = new AuditTrail(tenant);
  }

  /** Checks an audit entry as `append` would, before the transaction. */
  checkAudit(entry: AuditEntryInput): void {
    this.audit.check([entry]);
  }

  /** Everything held about the person; null when the tenant has no such person. */
  async read(personId: string): Promise<PersonSnapshot | null> {
    return this.collect((query, params) => this.executor.read(query, params), personId);
  }

  /** Records in the audit trail that the person's data was exported (who, when, how much; no values). */
  async recordExport(now: string, entry: AuditEntryInput): Promise<void> {
    await this.executor.writeSteps("personData.exportAudit", (run) => this.audit.append(run, now, [entry]));
  }

  /** The answer of the person's erasure, when erased. */
  async erasureOf(personId: string): Promise<{ id: string; answer: string } | null> {
    const [row] = await this.executor.read(ERASURE_OF_PERSON, { tenant: this.tenant, personId });
    return row === undefined ? null : { id: String(row.id), answer: String(row.answer) };
  }

  /** Which of the given key hashes were erased: hash → request and time. */
  async tombstones(hashes: readonly string[]): Promise<Map<string, { requestId: string; erasedAt: string }>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.executor.read(TOMBSTONES_OF, { tenant: this.tenant, hashes });
    return new Map(
      rows.map((row) => [String(row.hash), { requestId: String(row.requestId), erasedAt: String(row.erasedAt) }]),
    );
  }

  private async collect(run: Run, personId: string): Promise<PersonSnapshot | null> {
    const [core] = await run(READ_PERSON_CORE, { tenant: this.tenant, personId });
    if (core === undefined) return null;
    const person = element(core.person as Row);
    const identities = (core.identities as Row[]) ?? [];
    const contacts = (core.contacts as Row[]) ?? [];
    const signals = (core.signals as Row[]) ?? [];
    const consents = (core.consents as Row[]) ?? [];
    const consentVersions = (core.consentVersions as Row[]) ?? [];
    const recordIds = new Set<string>([
      personId,
      ...identities.map((r) => String(r.id)),
      ...contacts.map((r) => String(r.id)),
      ...signals.map((r) => String(r.id)),
      ...consents.map((r) => String(r.id)),
    ]);
    const accountIds = [...new Set(contacts.map((c) => str(c.accountId)).filter((id): id is string => id !== null))];
    const values = personalValuesOf({
      contacts,
      identities: identities.map((i) => ({
        externalId: String(i.externalId),
        attributes: str(i.attributes),
        normalised: str(i.normalised),
      })),
      extra: consents
        .flatMap((c) => [str(c.evidenceText), str(c.evidenceUrl), str(c.externalId)])
        .filter((v): v is string => v !== null),
    }).filter((v) => !recordIds.has(v));
    const [refs] = await run(READ_PERSON_REFERENCES, {
      tenant: this.tenant,
      ids: [...recordIds],
      accountIds,
    });
    const scrubber = new PayloadScrubber(values);
    const segments: PersonSnapshot["segments"] = [];
    for (let after = 0; ;) {
      const page = await run(READ_SEGMENTS_PAGE, {
        tenant: this.tenant,
        after: neo4j.int(after),
        limit: neo4j.int(SEGMENT_PAGE),
      });
      for (const row of page) {
        const events = unpackSegment(String(row.events));
        const scrubbed = scrubSegmentEvents(events, recordIds, scrubber);
        if (scrubbed.about.length > 0 || scrubbed.changed) {
          segments.push({
            element: String(row.element),
            firstSeq: Number(row.firstSeq),
            at: String(row.at),
            events,
            about: scrubbed.about,
            changedEvents: scrubbed.changed ? scrubbed.events : null,
          });
        }
      }
      if (page.length < SEGMENT_PAGE) break;
      after = Number(page[page.length - 1]!.lastSeq);
    }
    const personEvents = segments.flatMap((segment) =>
      segment.about.map((index) => ({
        seq: segment.firstSeq + index,
        type: segment.events[index]!.type,
        recordId: segment.events[index]!.recordId,
        at: segment.at,
      })),
    );
    const copies = await this.copies(run, personEvents);
    const tasks = (refs?.tasks as Row[]) ?? [];
    const parts: PersonDataParts = {
      person: {
        id: personId,
        createdAt: str(person.props.createdAt),
        erasedAt: str(person.props.erasedAt),
        erasureRequestId: str(person.props.erasureRequestId),
      },
      identities: identities.map((i) => ({
        id: String(i.id),
        entity: String(i.entity),
        channel: String(i.channel),
        externalId: String(i.externalId),
        attributes: str(i.attributes),
        normalised: str(i.normalised),
        recordId: str(i.recordId),
        observedAt: str(i.observedAt),
        firstSeenAt: str(i.firstSeenAt),
        lastUpdatedAt: str(i.lastUpdatedAt),
      })),
      contacts: contacts.map((c) => ({ ...withoutElement(c), id: String(c.id), deleted: c.deleted === true })),
      signals: signals.map((s) => ({
        ...withoutElement(s),
        id: String(s.id),
        subjectId: String(s.subjectId),
        deleted: s.deleted === true,
      })),
      consents: consents.map((c) => toConsent(c)),
      consentHistory: consentVersions.map((v) => toConsentVersion(v)),
      tasks: tasks.map((t) => ({
        id: String(t.id),
        kind: String(t.kind),
        title: String(t.title),
        status: String(t.status),
        createdAt: String(t.createdAt),
        accountIds: (t.accountIds as string[]) ?? [],
      })),
      auditReferences: ((refs?.auditReferences as Row[]) ?? []).map((a) => ({
        id: String(a.id),
        seq: Number(a.seq),
        kind: String(a.kind),
        at: String(a.at),
      })),
      changeEvents: personEvents.map((e) => ({ id: changeEventId(this.tenant, e.seq), ...e })),
      webhookDeliveries: copies,
    };
    return {
      parts,
      values,
      recordIds,
      accountIds,
      raw: {
        person,
        identities,
        contacts,
        signals,
        consents,
        consentVersions,
        tasks: tasks.map((t) => ({ element: String(t.element), props: t.props as Row })),
        firingRecords: ((refs?.firingRecords as Row[]) ?? []).map((r) => ({
          element: String(r.element),
          props: r.props as Row,
        })),
        pairRecords: ((refs?.pairRecords as Row[]) ?? []).map((r) => ({
          element: String(r.element),
          props: r.props as Row,
        })),
        scores: ((refs?.scores as Row[]) ?? []).map((r) => ({ element: String(r.element), props: r.props as Row })),
        deliveries: ((refs?.deliveries as Row[]) ?? []).map((r) => ({
          element: String(r.element),
          props: r.props as Row,
        })),
      },
      segments,
    };
  }

  /** The webhook deliveries that carried one of the person's events (by number and the endpoint's types). */
  private async copies(run: Run, events: ReadonlyArray<{ seq: number; type: string }>): Promise<WebhookCopy[]> {
    if (events.length === 0) return [];
    const rows = await run(DELIVERIES_CARRYING, { tenant: this.tenant, seqs: events.map((e) => neo4j.int(e.seq)) });
    return rows.flatMap((row) => {
      const types = new Set((row.eventTypes as string[] | null) ?? []);
      const carried = events.filter(
        (e) =>
          e.seq >= Number(row.firstSequence) &&
          e.seq <= Number(row.lastSequence) &&
          (types.size === 0 || types.has(e.type)),
      );
      if (carried.length === 0) return [];
      const time = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString() : str(v));
      return [
        {
          deliveryId: String(row.deliveryId),
          endpointId: String(row.endpointId),
          url: String(row.url),
          status: String(row.status),
          createdAt: time(row.createdAt) ?? "",
          deliveredAt: time(row.deliveredAt),
          events: carried.map((e) => ({ seq: e.seq, type: e.type })),
        },
      ];
    });
  }

  /**
   * Erases the person in ONE transaction: reads everything held about them, rewrites every record that held
   * their values, drops their blocking keys and change-event keys, rewrites the change segments, records
   * the tombstones and the request, then the audit record and the change event. Null when the tenant has no
   * such person, or it was erased already (nothing is written). A dry run does all of it and rolls back: its
   * counts are exactly what the erasure would change now.
   */
  async erase(
    personId: string,
    request: { requestId: string; now: string; actor: string; reason: string },
    tombstonesOf: (snapshot: PersonSnapshot) => { records: string[]; channels: string[] },
    answerOf: (
      snapshot: PersonSnapshot,
      counts: ErasedCounts,
    ) => { answer: string; audit: AuditEntryInput; change: RecordChange },
    options: { dryRun?: boolean } = {},
  ): Promise<{ snapshot: PersonSnapshot; counts: ErasedCounts; answer: string } | null> {
    return this.executor.writeSteps(
      MARK_PERSON_ERASED.name,
      async (run) => {
        const marked = await run(MARK_PERSON_ERASED, {
          tenant: this.tenant,
          personId,
          now: request.now,
          requestId: request.requestId,
        });
        if (marked.length === 0) return null;
        const snapshot = (await this.collect(run, personId))!;
        const scrubber = new PayloadScrubber(snapshot.values);
        const at = request.now;
        const nodeRows: Array<{ element: string; props: Row }> = [];
        const push = (elementId: unknown, props: Row) => {
          if (Object.keys(props).length > 0) nodeRows.push({ element: String(elementId), props });
        };
        const { raw } = snapshot;
        raw.contacts.forEach((c) => push(c.element, erasedContactProperties(withoutElement(c), scrubber, at)));
        raw.identities.forEach((i) => push(i.element, erasedIdentityProperties(i, scrubber, at)));
        raw.signals.forEach((s) => push(s.element, erasedSignalProperties(withoutElement(s), scrubber, at)));
        raw.consents.forEach((c) => push(c.element, erasedConsentProperties(c, scrubber, at)));
        raw.consentVersions.forEach((v) => push(v.element, erasedConsentProperties(v, scrubber, at)));
        push(raw.person.element, scrubbedProperties(raw.person.props, scrubber));
        let otherRecords = 0;
        for (const other of [...raw.tasks, ...raw.firingRecords, ...raw.pairRecords, ...raw.scores]) {
          const props = scrubbedProperties(other.props, scrubber);
          if (Object.keys(props).length > 0) otherRecords += 1;
          push(other.element, props);
        }
        let deliveries = 0;
        for (const delivery of raw.deliveries) {
          const props = scrubbedProperties(delivery.props, scrubber);
          if (Object.keys(props).length > 0) deliveries += 1;
          push(delivery.element, props);
        }
        if (nodeRows.length > 0) await run(SET_NODE_PROPERTIES, { rows: nodeRows });
        const identityIds = raw.identities.map((i) => String(i.id));
        const relationships = await run(IDENTITY_RELATIONSHIPS, { tenant: this.tenant, identityIds });
        const relationshipRows = relationships
          .map((r) => ({ element: String(r.element), props: scrubbedProperties(r.props as Row, scrubber) }))
          .filter((r) => Object.keys(r.props).length > 0);
        if (relationshipRows.length > 0) await run(SET_RELATIONSHIP_PROPERTIES, { rows: relationshipRows });
        const [dropped] = await run(DROP_BLOCKING_KEYS, { tenant: this.tenant, identityIds });
        const [destroyed] = await run(DESTROY_PERSON_KEYS, {
          tenant: this.tenant,
          ids: raw.contacts.map((c) => String(c.id)),
        });
        const rewritten = snapshot.segments
          .filter((s) => s.changedEvents !== null)
          .map((s) => ({
            element: s.element,
            events: packSegments(s.changedEvents!, s.changedEvents!.length)[0]!.events,
          }));
        if (rewritten.length > 0) await run(REWRITE_SEGMENTS, { rows: rewritten });
        const tombstones = tombstonesOf(snapshot);
        const counts: ErasedCounts = {
          contacts: raw.contacts.length,
          identities: raw.identities.length,
          blockingKeys: Number(dropped?.dropped ?? 0),
          signals: raw.signals.length,
          consents: raw.consents.length,
          changeEvents: snapshot.segments.reduce((n, s) => n + s.about.length, 0),
          personKeys: Number(destroyed?.destroyed ?? 0),
          webhookDeliveries: deliveries,
          otherRecords: otherRecords + relationshipRows.length,
          tombstones: tombstones.records.length,
          channelTombstones: tombstones.channels.length,
        };
        const built = answerOf(snapshot, counts);
        await run(RECORD_ERASURE, {
          tenant: this.tenant,
          tombstones: [...new Set([...tombstones.records, ...tombstones.channels])],
          requestId: request.requestId,
          personId,
          actor: request.actor,
          now: request.now,
          reason: scrubber.text(request.reason),
          answer: built.answer,
        });
        await this.audit.append(run, request.now, [built.audit]);
        await this.outbox.append(run, request.now, [built.change]);
        return { snapshot, counts, answer: built.answer };
      },
      { rollback: options.dryRun === true },
    );
  }
}
