import { ConsentVersion, StoredConsent } from "./consent";

/** The format of the access-request document; bumped when a section changes shape. */
export const PERSON_EXPORT_FORMAT = "relata.person-export/1";

/** What the graph holds about a person, as the repository reads it (JSON properties still as text). */
export interface PersonDataParts {
  person: { id: string; createdAt: string | null; erasedAt: string | null; erasureRequestId: string | null };
  identities: ReadonlyArray<{
    id: string;
    entity: string;
    channel: string;
    externalId: string;
    attributes: string | null;
    normalised: string | null;
    recordId: string | null;
    observedAt: string | null;
    firstSeenAt: string | null;
    lastUpdatedAt: string | null;
  }>;
  contacts: ReadonlyArray<Record<string, unknown> & { id: string; deleted: boolean }>;
  signals: ReadonlyArray<Record<string, unknown> & { id: string; subjectId: string; deleted: boolean }>;
  consents: readonly StoredConsent[];
  consentHistory: readonly ConsentVersion[];
  tasks: ReadonlyArray<{
    id: string;
    kind: string;
    title: string;
    status: string;
    createdAt: string;
    accountIds: string[];
  }>;
  auditReferences: ReadonlyArray<{ id: string; seq: number; kind: string; at: string }>;
  changeEvents: ReadonlyArray<{ id: string; seq: number; type: string; recordId: string; at: string }>;
  webhookDeliveries: readonly WebhookCopy[];
}

/** A delivery that carried one of the person's events to a receiver: what the tenant passes a request on to. */
export interface WebhookCopy {
  deliveryId: string;
  endpointId: string;
  url: string;
  status: string;
  createdAt: string;
  deliveredAt: string | null;
  /** The person's events in it (sequence numbers and types). */
  events: ReadonlyArray<{ seq: number; type: string }>;
}

function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The access-request document: everything Relata holds about the person, in one JSON object with a fixed
 * order of sections. Audit records and change events are referenced (id, number, kind, time), never copied:
 * they may concern other people too.
 */
export function assemblePersonExport(parts: PersonDataParts, generatedAt: string): Record<string, unknown> {
  const historyOf = new Map<string, ConsentVersion[]>();
  for (const version of [...parts.consentHistory].sort((a, b) => a.version - b.version)) {
    historyOf.set(version.consentId, [...(historyOf.get(version.consentId) ?? []), version]);
  }
  const byId = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    format: PERSON_EXPORT_FORMAT,
    generatedAt,
    person: { ...parts.person, erased: parts.person.erasedAt !== null },
    identities: byId(parts.identities).map((identity) => ({
      ...identity,
      attributes: parsed(identity.attributes),
      normalised: parsed(identity.normalised),
    })),
    contacts: byId(parts.contacts),
    signals: byId(parts.signals),
    consents: byId(parts.consents).map((consent) => ({
      ...consent,
      history: (historyOf.get(consent.id) ?? []).map(({ consentId: _consentId, ...version }) => version),
    })),
    tasks: byId(parts.tasks),
    auditReferences: [...parts.auditReferences].sort((a, b) => a.seq - b.seq),
    changeEvents: [...parts.changeEvents].sort((a, b) => a.seq - b.seq),
    webhookDeliveries: [...parts.webhookDeliveries].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)),
    counts: {
      identities: parts.identities.length,
      channels: new Set(parts.identities.map((i) => i.channel)).size,
      contacts: parts.contacts.length,
      signals: parts.signals.length,
      consents: parts.consents.length,
      tasks: parts.tasks.length,
      auditReferences: parts.auditReferences.length,
      changeEvents: parts.changeEvents.length,
      webhookDeliveries: parts.webhookDeliveries.length,
    },
  };
}
