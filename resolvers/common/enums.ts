import { registerEnumType } from "type-graphql";
import {
  BUYING_ROLES,
  NETWORK_RELATIONSHIPS,
  OPPORTUNITY_STAGES,
  ORGANIZATION_KINDS,
  SIGNAL_SUBJECT_KINDS,
  SOURCE_SYSTEM_KINDS,
  SENIORITIES,
  TICKET_PRIORITIES,
} from "../../domain/records";
import { ACCOUNT_ORDERS } from "../../graph/account/account-order";
import { UPSERT_MODES } from "../../domain/ingest/upsert-mode";
import { RECORD_TYPES, RecordType } from "../../domain/ids/record-types";
import { CHANGE_RECORD_TYPES, CHANGE_TYPES } from "../../domain/events/change-event";
import { PERSONAL_CATEGORIES } from "../../domain/personal-data/catalogue";

export function enumOf<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const BuyingRoleEnum = enumOf(BUYING_ROLES);
export const OpportunityStageEnum = enumOf(OPPORTUNITY_STAGES);
export const OrganizationKindEnum = enumOf(ORGANIZATION_KINDS);
export const NetworkRelationshipEnum = enumOf(NETWORK_RELATIONSHIPS);
export const SignalSubjectKindEnum = enumOf(SIGNAL_SUBJECT_KINDS);
export const SourceSystemKindEnum = enumOf(SOURCE_SYSTEM_KINDS);
export const AccountOrderEnum = enumOf(Object.keys(ACCOUNT_ORDERS) as Array<keyof typeof ACCOUNT_ORDERS>);
export const RecordStatusEnum = enumOf(["CREATED", "UPDATED", "UNCHANGED"] as const);
export const UpsertModeEnum = enumOf(UPSERT_MODES);
export const RecordTypeEnum = enumOf(Object.keys(RECORD_TYPES) as RecordType[]);
export const SignalValueTypeEnum = enumOf(["NUMBER", "STRING", "BOOLEAN"] as const);
export const ChangeTypeEnum = enumOf(CHANGE_TYPES);
export const ChangeRecordTypeEnum = enumOf(CHANGE_RECORD_TYPES);
export const SeniorityEnum = enumOf(SENIORITIES);
export const PersonalDataCategoryEnum = enumOf(PERSONAL_CATEGORIES);
export const TicketPriorityEnum = enumOf(TICKET_PRIORITIES);

registerEnumType(BuyingRoleEnum, { name: "BuyingRole", description: "A contact's role in the buying committee." });
registerEnumType(OpportunityStageEnum, { name: "OpportunityStage" });
registerEnumType(OrganizationKindEnum, { name: "OrganizationKind" });
registerEnumType(NetworkRelationshipEnum, {
  name: "NetworkRelationship",
  description: "How an organization of the value network relates to an account.",
});
registerEnumType(SignalSubjectKindEnum, { name: "SignalSubjectKind", description: "What a signal is about." });
registerEnumType(SourceSystemKindEnum, { name: "SourceSystemKind" });
registerEnumType(SeniorityEnum, {
  name: "Seniority",
  description: "How senior a user is, from JUNIOR to EXECUTIVE (in that order).",
});
registerEnumType(TicketPriorityEnum, { name: "TicketPriority", description: "How urgent a support ticket is." });
registerEnumType(AccountOrderEnum, { name: "AccountOrder" });
registerEnumType(RecordStatusEnum, { name: "RecordStatus", description: "What an upsert did to one record." });
registerEnumType(UpsertModeEnum, {
  name: "UpsertMode",
  description: "How an upsert treats the optional fields a record leaves out.",
  valuesConfig: {
    MERGE: { description: "An omitted field keeps its stored value; an explicit null clears it. The default." },
    REPLACE: { description: "The record replaces what is stored: an omitted field is cleared, as if sent as null." },
  },
});
registerEnumType(SignalValueTypeEnum, { name: "SignalValueType" });
registerEnumType(RecordTypeEnum, {
  name: "RecordType",
  description: "A kind of record integrators sync, as named in lookups by external id.",
});

registerEnumType(ChangeTypeEnum, {
  name: "ChangeType",
  description: "What a change event records: a record created, updated, deleted or restored, or another write.",
});
registerEnumType(ChangeRecordTypeEnum, {
  name: "ChangeRecordType",
  description: "The kind of record a change is about.",
});
registerEnumType(PersonalDataCategoryEnum, {
  name: "PersonalDataCategory",
  description: "A category of personal data (docs/personal-data.md): who sees it in clear is decided per category.",
  valuesConfig: {
    IDENTIFIER: { description: "Names a person: names, a person's external ids, job titles." },
    CONTACT: { description: "Reaches a person: emails, phones, postal addresses." },
    SENSITIVE: { description: "Harms by itself when exposed: birth dates, national and tax ids." },
  },
});
