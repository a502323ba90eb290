import { contentHash } from "../../domain/ingest/content-hash";
import { mergeProperties, UpsertMode } from "../../domain/ingest/upsert-mode";
import { IdentifiedKind, nodeId } from "../../domain/ids/node-id";
import {
  AccountRecord,
  AccountRef,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  TeamRecord,
  TicketRecord,
  UserRecord,
} from "../../domain/records";
import {
  assignmentsText,
  holdsFromText,
  hoursBetween,
  normaliseInstant,
  TicketHold,
  ticketHolds,
} from "../../domain/tickets/ticket-holds";
import {
  OrganizationUpsertRow,
  SentOrganizationRow,
  SentRow,
  StoredProperties,
  UpsertRow,
} from "../../graph/ingest/ingest.repository";

/**
 * Turns validated records into rows for the bulk upsert: public id, key, and the properties as sent, an
 * omitted optional field `undefined`. {@link completeRow} then merges them with what is stored.
 */
function row(
  kind: IdentifiedKind,
  tenant: string,
  index: number,
  key: { sourceSystem: string; externalId: string },
  sent: Record<string, unknown>,
  targetId?: string,
  addedFields?: readonly string[],
): SentRow {
  return {
    index,
    id: nodeId(kind, tenant, key.sourceSystem, key.externalId),
    sourceSystem: key.sourceSystem,
    externalId: key.externalId,
    sent,
    ...(targetId === undefined ? {} : { targetId }),
    ...(addedFields === undefined ? {} : { addedFields }),
  };
}

/**
 * Fields added to a record kind after records of it were stored. While null they stay out of the content
 * hash, so that resending a record stored before they existed is still UNCHANGED.
 */
const ADDED_ASSET_FIELDS = ["region", "batch"] as const;
const ADDED_ACCOUNT_FIELDS = ["ownerExternalId"] as const;
const ADDED_ORGANIZATION_FIELDS = ["servesRegions"] as const;

/**
 * The row to write: the sent properties merged with the stored ones (per `mode`) and a content hash over
 * that merged result, links included, so a resend that changes nothing is recognised as unchanged whether
 * it repeats every field or only some.
 */
export function completeRow(sent: SentRow, stored: StoredProperties | null, mode: UpsertMode): UpsertRow {
  const props = mergeProperties(sent.sent, stored, mode);
  const added = sent.addedFields;
  // One pass, no intermediate entry arrays: bulk ingest completes thousands of rows per call (issue 18).
  const hashed: Record<string, unknown> = {};
  for (const k of Object.keys(props)) {
    const v = props[k];
    if (v === null && added !== undefined && added.includes(k)) continue;
    hashed[k] = v instanceof Date ? v.toISOString() : v;
  }
  const { sent: _sent, addedFields: _added, ...key } = sent;
  return { ...key, hash: contentHash({ props: hashed, targetId: sent.targetId ?? null }), props };
}

/** {@link completeRow} for an organization: its links are part of the hash (and always sent in full). */
export function completeOrganizationRow(
  sent: SentOrganizationRow,
  stored: StoredProperties | null,
  mode: UpsertMode,
): OrganizationUpsertRow {
  const base = completeRow(sent, stored, mode);
  return { ...base, hash: contentHash({ base: base.hash, links: sent.links }), links: sent.links };
}

/** The public id of the account a record refers to; its source system defaults to the record's. */
export function accountIdOf(tenant: string, ref: AccountRef, defaultSource: string): string {
  return nodeId("Account", tenant, ref.sourceSystem ?? defaultSource, ref.externalId);
}

export function accountRow(tenant: string, index: number, r: AccountRecord): SentRow {
  const props = {
    name: r.name.trim(),
    industry: r.industry,
    segment: r.segment,
    region: r.region,
    annualRevenue: r.annualRevenue,
    // The owner's external id; the write links (:User)-[:OWNS]->(account) when that user exists, and
    // a user upserted later is linked to the accounts waiting for them.
    ownerExternalId: r.owner === undefined ? undefined : (r.owner?.externalId ?? null),
  };
  return row("Account", tenant, index, r, props, undefined, ADDED_ACCOUNT_FIELDS);
}

/** The public id of the team a user names; its source system defaults to the user's. */
export function teamIdOf(tenant: string, r: UserRecord): string | null | undefined {
  if (r.team === undefined) return undefined;
  if (r.team === null) return null;
  return nodeId("Team", tenant, r.team.sourceSystem ?? r.sourceSystem, r.team.externalId);
}

/**
 * A user's row. Roles are a set (sorted, without duplicates); the team is stored as its public id (the
 * write refuses a team that does not exist) and the manager as their external id (linked once they exist).
 */
export function userRow(tenant: string, index: number, r: UserRecord): SentRow {
  const props = {
    name: r.name.trim(),
    email: r.email,
    roles: r.roles === null || r.roles === undefined ? r.roles : [...new Set(r.roles)].sort(),
    seniority: r.seniority,
    teamId: teamIdOf(tenant, r),
    managerExternalId: r.manager === undefined ? undefined : (r.manager?.externalId ?? null),
  };
  return row("User", tenant, index, r, props);
}

export function teamRow(tenant: string, index: number, r: TeamRecord): SentRow {
  return row("Team", tenant, index, r, { name: r.name.trim() });
}

export function contactRow(tenant: string, index: number, r: ContactRecord): SentRow {
  const props = { name: r.name.trim(), title: r.title, email: r.email, phone: r.phone, buyingRole: r.buyingRole };
  return row("Contact", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem));
}

export function opportunityRow(tenant: string, index: number, r: OpportunityRecord): SentRow {
  const props = { name: r.name.trim(), stage: r.stage, amount: r.amount, currency: r.currency, closeDate: r.closeDate };
  return row("Opportunity", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem));
}

export function assetRow(tenant: string, index: number, r: AssetRecord): SentRow {
  const props = {
    name: r.name.trim(),
    serialNumber: r.serialNumber,
    model: r.model,
    installedOn: r.installedOn,
    region: r.region,
    // The code of the batch the write links the asset to (OF_BATCH); kept on the asset too, so that merging
    // upserts, the content hash and change events treat it like any other field.
    batch: typeof r.batch === "string" ? r.batch.trim() : r.batch,
  };
  return row("Asset", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem), ADDED_ASSET_FIELDS);
}

export function organizationRow(tenant: string, index: number, r: OrganizationRecord): SentOrganizationRow {
  // Links are a set: the order they are sent in must not make an unchanged organization look updated.
  const links = r.links
    .map((link) => ({ targetId: accountIdOf(tenant, link.account, r.sourceSystem), relationship: link.relationship }))
    .sort((a, b) => a.targetId.localeCompare(b.targetId) || a.relationship.localeCompare(b.relationship));
  const props = { name: r.name.trim(), kind: r.kind, region: r.region, servesRegions: regionSet(r.servesRegions) };
  return { ...row("Organization", tenant, index, r, props, undefined, ADDED_ORGANIZATION_FIELDS), links };
}

/** Regions are a set: trimmed, without duplicates, sorted, so their order never reads as a change. */
function regionSet(regions: readonly string[] | null | undefined): string[] | null | undefined {
  if (regions === null || regions === undefined) return regions;
  return [...new Set(regions.map((region) => region.trim()))].sort();
}

const SUBJECT_KINDS = { ACCOUNT: "Account", CONTACT: "Contact", ASSET: "Asset" } as const;

/**
 * A signal's value is one field: the value fields are always written together (the one sent, the others
 * null), so a new value of another type replaces the old one. Only `unit` keeps its stored value when omitted.
 */
export function signalRow(tenant: string, index: number, r: SignalRecord): SentRow {
  const valueType =
    r.numberValue !== null && r.numberValue !== undefined
      ? "NUMBER"
      : r.booleanValue !== null && r.booleanValue !== undefined
        ? "BOOLEAN"
        : "STRING";
  const props = {
    field: r.field,
    valueType,
    numberValue: r.numberValue ?? null,
    stringValue: r.stringValue ?? null,
    booleanValue: r.booleanValue ?? null,
    unit: r.unit,
    observedAt: new Date(r.observedAt),
  };
  const subjectId = nodeId(
    SUBJECT_KINDS[r.subject.kind],
    tenant,
    r.subject.sourceSystem ?? r.sourceSystem,
    r.subject.externalId,
  );
  return row("Signal", tenant, index, { sourceSystem: r.sourceSystem, externalId: r.recordId }, props, subjectId);
}

function instantOrKeep(value: string | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : normaliseInstant(value);
}

/**
 * A ticket's row. Times are stored as normalised ISO text (they compare in time order as text); the
 * assignment history as canonical JSON (`assignments`), so it is part of the content hash and a merging
 * upsert that leaves it out keeps it. {@link completeTicketRow} derives the holds and durations.
 */
export function ticketRow(tenant: string, index: number, r: TicketRecord): SentRow {
  const resolvedAt = instantOrKeep(r.resolvedAt);
  const props = {
    category: typeof r.category === "string" ? r.category.trim() : r.category,
    priority: r.priority,
    openedAt: normaliseInstant(r.openedAt),
    firstResponseAt: instantOrKeep(r.firstResponseAt),
    resolvedAt,
    contactId:
      r.contact === undefined
        ? undefined
        : r.contact === null
          ? null
          : nodeId("Contact", tenant, r.contact.sourceSystem ?? r.sourceSystem, r.contact.externalId),
    assignments:
      r.assignments === undefined
        ? undefined
        : r.assignments === null
          ? null
          : assignmentsText(
              ticketHolds(r.assignments, resolvedAt, (team) =>
                nodeId("Team", tenant, team.sourceSystem ?? r.sourceSystem, team.externalId),
              ),
            ),
  };
  return row("Ticket", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem));
}

/** A ticket row to write: its holds and durations, derived from the merged fields (not hashed). */
export interface TicketUpsertRow extends UpsertRow {
  holds: TicketHold[];
}

/** {@link completeRow} for a ticket, plus its holds and the hours to first response and to resolution. */
export function completeTicketRow(sent: SentRow, stored: StoredProperties | null, mode: UpsertMode): TicketUpsertRow {
  const base = completeRow(sent, stored, mode);
  const p = base.props;
  const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
  const openedAt = text(p.openedAt);
  const resolvedAt = text(p.resolvedAt);
  return {
    ...base,
    props: {
      ...p,
      firstResponseHours: hoursBetween(openedAt, text(p.firstResponseAt)),
      resolutionHours: hoursBetween(openedAt, resolvedAt),
    },
    holds: holdsFromText(p.assignments, resolvedAt),
  };
}
