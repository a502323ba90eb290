import { contentHash } from "../../domain/ingest/content-hash";
import { IdentifiedKind, nodeId } from "../../domain/ids/node-id";
import {
  AccountRecord,
  AccountRef,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
} from "../../domain/records";
import { OrganizationUpsertRow, UpsertRow } from "../../graph/ingest/ingest.repository";

/**
 * Turns validated records into rows for the bulk upsert: public id, key, properties and a content hash
 * that covers everything stored, links included, so an unchanged record is recognised as such.
 */
function row(
  kind: IdentifiedKind,
  tenant: string,
  index: number,
  key: { sourceSystem: string; externalId: string },
  props: Record<string, unknown>,
  targetId?: string,
): UpsertRow {
  const hashed = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
  return {
    index,
    id: nodeId(kind, tenant, key.sourceSystem, key.externalId),
    sourceSystem: key.sourceSystem,
    externalId: key.externalId,
    hash: contentHash({ props: hashed, targetId: targetId ?? null }),
    props,
    ...(targetId === undefined ? {} : { targetId }),
  };
}

/** The public id of the account a record refers to; its source system defaults to the record's. */
export function accountIdOf(tenant: string, ref: AccountRef, defaultSource: string): string {
  return nodeId("Account", tenant, ref.sourceSystem ?? defaultSource, ref.externalId);
}

export function accountRow(tenant: string, index: number, r: AccountRecord): UpsertRow {
  return row("Account", tenant, index, r, {
    name: r.name.trim(),
    industry: r.industry ?? null,
    segment: r.segment ?? null,
    region: r.region ?? null,
    annualRevenue: r.annualRevenue ?? null,
  });
}

export function contactRow(tenant: string, index: number, r: ContactRecord): UpsertRow {
  const props = {
    name: r.name.trim(),
    title: r.title ?? null,
    email: r.email ?? null,
    phone: r.phone ?? null,
    buyingRole: r.buyingRole ?? null,
  };
  return row("Contact", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem));
}

export function opportunityRow(tenant: string, index: number, r: OpportunityRecord): UpsertRow {
  const props = {
    name: r.name.trim(),
    stage: r.stage,
    amount: r.amount ?? null,
    currency: r.currency ?? null,
    closeDate: r.closeDate ?? null,
  };
  return row("Opportunity", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem));
}

export function assetRow(tenant: string, index: number, r: AssetRecord): UpsertRow {
  const props = {
    name: r.name.trim(),
    serialNumber: r.serialNumber ?? null,
    model: r.model ?? null,
    installedOn: r.installedOn ?? null,
  };
  return row("Asset", tenant, index, r, props, accountIdOf(tenant, r.account, r.sourceSystem));
}

export function organizationRow(tenant: string, index: number, r: OrganizationRecord): OrganizationUpsertRow {
  // Links are a set: the order they are sent in must not make an unchanged organization look updated.
  const links = r.links
    .map((link) => ({ targetId: accountIdOf(tenant, link.account, r.sourceSystem), relationship: link.relationship }))
    .sort((a, b) => a.targetId.localeCompare(b.targetId) || a.relationship.localeCompare(b.relationship));
  const base = row("Organization", tenant, index, r, {
    name: r.name.trim(),
    kind: r.kind,
    region: r.region ?? null,
  });
  return { ...base, hash: contentHash({ base: base.hash, links }), links };
}

const SUBJECT_KINDS = { ACCOUNT: "Account", CONTACT: "Contact", ASSET: "Asset" } as const;

export function signalRow(tenant: string, index: number, r: SignalRecord): UpsertRow {
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
    unit: r.unit ?? null,
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
