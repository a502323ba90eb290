import { FieldNeeds, PropertySelection, propertiesFor } from "../../domain/selection/property-selection";
import { AccountProperty } from "../../graph/account/account.repository";
import { AssetProperty } from "../../graph/asset/asset.repository";
import { ContactProperty } from "../../graph/contact/contact.repository";
import { OpportunityProperty } from "../../graph/opportunity/opportunity.repository";
import { OrganizationProperty } from "../../graph/organization/organization.repository";
import { AccountLink, SubjectLink } from "../../graph/common/record-links";
import { SignalProperty } from "../../graph/signal/signal.repository";
import { FieldSelection } from "../common/field-selection";

/*
 * What each GraphQL field of the account read and its nested lists needs from the stored node (issue 18,
 * decision 0035). A scalar field needs its own property, also when it is masked for the reader (the
 * personal-data guard masks the value it is given, so the value must be read); a field with its own
 * loader (contacts, health, flags, ...) needs only the id, which every read includes; a field missing
 * here reads every property. `test/unit/resolvers/account-selections.test.ts` checks that every field of
 * these types in the schema is listed, so a new field is a decision, not an accident.
 */

const PROVENANCE = {
  id: ["id"],
  sourceSystem: ["sourceSystem"],
  externalId: ["externalId"],
  firstSeenAt: ["firstSeenAt"],
  lastUpdatedAt: ["lastUpdatedAt"],
} as const;

export const ACCOUNT_FIELD_NEEDS: FieldNeeds<AccountProperty> = {
  ...PROVENANCE,
  name: ["name"],
  industry: ["industry"],
  segment: ["segment"],
  region: ["region"],
  annualRevenue: ["annualRevenue"],
  owner: ["ownerExternalId"],
  assets: [],
  concepts: [],
  contacts: [],
  flags: [],
  health: [],
  healthHistory: [],
  identities: [],
  network: [],
  opportunities: [],
  signals: [],
  tasks: [],
  tickets: [],
};

/** `account` is resolved from the contact's `accountId`, which every contact read returns. */
export const CONTACT_FIELD_NEEDS: FieldNeeds<ContactProperty> = {
  ...PROVENANCE,
  name: ["name"],
  title: ["title"],
  email: ["email"],
  phone: ["phone"],
  buyingRole: ["buyingRole"],
  account: [],
};

export const OPPORTUNITY_FIELD_NEEDS: FieldNeeds<OpportunityProperty> = {
  ...PROVENANCE,
  name: ["name"],
  stage: ["stage"],
  amount: ["amount"],
  currency: ["currency"],
  closeDate: ["closeDate"],
  account: [],
};

export const ASSET_FIELD_NEEDS: FieldNeeds<AssetProperty> = {
  ...PROVENANCE,
  name: ["name"],
  serialNumber: ["serialNumber"],
  model: ["model"],
  installedOn: ["installedOn"],
  region: ["region"],
  batch: ["batch"],
  account: [],
  flags: [],
};

export const ORGANIZATION_FIELD_NEEDS: FieldNeeds<OrganizationProperty> = {
  ...PROVENANCE,
  name: ["name"],
  kind: ["kind"],
  region: ["region"],
  servesRegions: ["servesRegions"],
};

/** `subjectKind` and `subjectId` come from the parent, which every signal read returns. */
export const SIGNAL_FIELD_NEEDS: FieldNeeds<SignalProperty> = {
  ...PROVENANCE,
  recordId: ["externalId"],
  field: ["field"],
  valueType: ["valueType"],
  numberValue: ["numberValue"],
  stringValue: ["stringValue"],
  booleanValue: ["booleanValue"],
  unit: ["unit"],
  observedAt: ["observedAt"],
  subjectKind: [],
  subjectId: [],
};

/*
 * The same records read on their own (`node(id)`, lookups by external key, the top-level lists, decision
 * 0040): nothing above them gives their account or subject, so the read follows the record's relationship
 * for it, and only when a field that needs it is selected.
 */
export const CONTACT_RECORD_NEEDS: FieldNeeds<ContactProperty | AccountLink> = {
  ...CONTACT_FIELD_NEEDS,
  account: ["accountId"],
};

export const OPPORTUNITY_RECORD_NEEDS: FieldNeeds<OpportunityProperty | AccountLink> = {
  ...OPPORTUNITY_FIELD_NEEDS,
  account: ["accountId"],
};

export const ASSET_RECORD_NEEDS: FieldNeeds<AssetProperty | AccountLink> = {
  ...ASSET_FIELD_NEEDS,
  account: ["accountId"],
};

export const SIGNAL_RECORD_NEEDS: FieldNeeds<SignalProperty | SubjectLink> = {
  ...SIGNAL_FIELD_NEEDS,
  subjectKind: ["subject"],
  subjectId: ["subject"],
};

/** The properties needed by the fields asked of an object of `typeName` in `selection`. */
export function selectedProperties<P extends string>(
  selection: FieldSelection,
  typeName: string,
  needs: FieldNeeds<P>,
  id: P,
): PropertySelection<P> {
  return propertiesFor(selection.fieldsOn(typeName), needs, [id]);
}

/** The selection of a connection's nodes: `edges { node { ... } }` of `connection` (e.g. "ContactConnection"). */
export function connectionNodes(selection: FieldSelection, connection: string, edge: string): FieldSelection {
  return selection.below(connection, "edges").below(edge, "node");
}
