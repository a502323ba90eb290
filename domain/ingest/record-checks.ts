import {
  AccountRecord,
  AccountRef,
  AssetRecord,
  BUYING_ROLES,
  ContactRecord,
  NETWORK_RELATIONSHIPS,
  OPPORTUNITY_STAGES,
  ORGANIZATION_KINDS,
  OpportunityRecord,
  OrganizationRecord,
  SIGNAL_SUBJECT_KINDS,
  SignalRecord,
  SOURCE_SYSTEM_KINDS,
  SourceSystemRecord,
  SENIORITIES,
  TeamRecord,
  TeamRef,
  TICKET_PRIORITIES,
  TicketAssignmentRecord,
  TicketRecord,
  USER_ROLES,
  UserRecord,
  UserRef,
} from "../records";
import {
  email,
  firstProblem,
  isoDate,
  isoInstant,
  nonNegativeNumber,
  oneOf,
  optionalText,
  requiredText,
  sourceSystemKey,
} from "./field-rules";

/** The longest external id, name or text value accepted. */
export const MAX_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 500;
const MAX_TEXT_LENGTH = 2000;
/** An organization serves at most this many accounts per record. */
export const MAX_LINKS_PER_ORGANIZATION = 1000;
/** An organization serves at most this many regions. */
export const MAX_REGIONS_PER_ORGANIZATION = 100;
/** The longest region name or production batch code. */
export const MAX_REGION_LENGTH = 200;
const BATCH_CODE_LENGTH = 200;

function keyProblems(record: { sourceSystem: unknown; externalId: unknown }): string | null {
  return firstProblem(
    sourceSystemKey(record.sourceSystem, "sourceSystem"),
    requiredText(record.externalId, "externalId", MAX_ID_LENGTH),
  );
}

function accountRefProblem(ref: AccountRef | null | undefined, where: string): string | null {
  if (ref === null || ref === undefined || typeof ref !== "object") return `${where} is required`;
  return firstProblem(
    requiredText(ref.externalId, `${where}.externalId`, MAX_ID_LENGTH),
    ref.sourceSystem === null || ref.sourceSystem === undefined
      ? null
      : sourceSystemKey(ref.sourceSystem, `${where}.sourceSystem`),
  );
}

export function checkSourceSystem(r: SourceSystemRecord): string | null {
  return firstProblem(
    sourceSystemKey(r.key, "key"),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    oneOf(r.kind, "kind", SOURCE_SYSTEM_KINDS, true),
  );
}

export function checkAccount(r: AccountRecord): string | null {
  return firstProblem(
    keyProblems(r),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    optionalText(r.industry, "industry", MAX_ID_LENGTH),
    optionalText(r.segment, "segment", MAX_ID_LENGTH),
    optionalText(r.region, "region", MAX_ID_LENGTH),
    nonNegativeNumber(r.annualRevenue, "annualRevenue"),
    userRefProblem(r.owner, "owner"),
  );
}

function userRefProblem(ref: UserRef | null | undefined, where: string): string | null {
  if (ref === null || ref === undefined) return null;
  if (typeof ref !== "object") return `${where} must name a user by externalId`;
  return requiredText(ref.externalId, `${where}.externalId`, MAX_ID_LENGTH);
}

function teamRefProblem(ref: TeamRef | null | undefined, where: string): string | null {
  if (ref === null || ref === undefined) return null;
  if (typeof ref !== "object") return `${where} must name a team by externalId`;
  return firstProblem(
    requiredText(ref.externalId, `${where}.externalId`, MAX_ID_LENGTH),
    ref.sourceSystem === null || ref.sourceSystem === undefined
      ? null
      : sourceSystemKey(ref.sourceSystem, `${where}.sourceSystem`),
  );
}

/** The most roles a user may list (there are four; duplicates are folded). */
const MAX_ROLES_PER_USER = 10;

export function checkUser(r: UserRecord): string | null {
  const base = firstProblem(
    keyProblems(r),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    email(r.email, "email"),
    oneOf(r.seniority, "seniority", SENIORITIES, false),
    teamRefProblem(r.team, "team"),
    userRefProblem(r.manager, "manager"),
  );
  if (base !== null) return base;
  if (r.manager !== null && r.manager !== undefined && r.manager.externalId === r.externalId) {
    return `manager.externalId names the user itself ("${r.externalId}"); leave manager out or name another user`;
  }
  if (r.roles === null || r.roles === undefined) return null;
  if (!Array.isArray(r.roles)) return "roles must be a list of roles";
  if (r.roles.length > MAX_ROLES_PER_USER) {
    return `roles has ${r.roles.length} entries; at most ${MAX_ROLES_PER_USER} are allowed`;
  }
  for (const [i, role] of r.roles.entries()) {
    const problem = oneOf(role, `roles[${i}]`, USER_ROLES, true);
    if (problem !== null) return problem;
  }
  return null;
}

export function checkTeam(r: TeamRecord): string | null {
  return firstProblem(keyProblems(r), requiredText(r.name, "name", MAX_NAME_LENGTH));
}

export function checkContact(r: ContactRecord): string | null {
  return firstProblem(
    keyProblems(r),
    accountRefProblem(r.account, "account"),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    optionalText(r.title, "title", MAX_NAME_LENGTH),
    email(r.email, "email"),
    optionalText(r.phone, "phone", 64),
    oneOf(r.buyingRole, "buyingRole", BUYING_ROLES, false),
  );
}

export function checkOpportunity(r: OpportunityRecord): string | null {
  return firstProblem(
    keyProblems(r),
    accountRefProblem(r.account, "account"),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    oneOf(r.stage, "stage", OPPORTUNITY_STAGES, true),
    nonNegativeNumber(r.amount, "amount"),
    optionalText(r.currency, "currency", 3),
    isoDate(r.closeDate, "closeDate"),
  );
}

export function checkAsset(r: AssetRecord): string | null {
  return firstProblem(
    keyProblems(r),
    accountRefProblem(r.account, "account"),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    optionalText(r.serialNumber, "serialNumber", MAX_ID_LENGTH),
    optionalText(r.model, "model", MAX_NAME_LENGTH),
    isoDate(r.installedOn, "installedOn"),
    optionalText(r.region, "region", MAX_REGION_LENGTH),
    optionalNonBlank(r.batch, "batch", BATCH_CODE_LENGTH),
  );
}

/** Text that, when given, is not blank (a batch code of spaces would name no batch). */
function optionalNonBlank(value: unknown, where: string, maxLength: number): string | null {
  if (value === null || value === undefined) return null;
  return requiredText(value, where, maxLength);
}

function regionsProblem(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return `${where} must be a list of region names`;
  if (value.length > MAX_REGIONS_PER_ORGANIZATION) {
    return `${where} has ${value.length} entries; at most ${MAX_REGIONS_PER_ORGANIZATION} are allowed per organization`;
  }
  for (const [i, region] of value.entries()) {
    const problem = requiredText(region, `${where}[${i}]`, MAX_REGION_LENGTH);
    if (problem !== null) return problem;
  }
  return null;
}

export function checkOrganization(r: OrganizationRecord): string | null {
  const base = firstProblem(
    keyProblems(r),
    requiredText(r.name, "name", MAX_NAME_LENGTH),
    oneOf(r.kind, "kind", ORGANIZATION_KINDS, true),
    optionalText(r.region, "region", MAX_ID_LENGTH),
    regionsProblem(r.servesRegions, "servesRegions"),
  );
  if (base !== null) return base;
  if (!Array.isArray(r.links)) return "links must be a list (it may be empty)";
  if (r.links.length > MAX_LINKS_PER_ORGANIZATION) {
    return `links has ${r.links.length} entries; at most ${MAX_LINKS_PER_ORGANIZATION} are allowed per organization`;
  }
  for (const [i, link] of r.links.entries()) {
    const problem = firstProblem(
      accountRefProblem(link?.account, `links[${i}].account`),
      oneOf(link?.relationship, `links[${i}].relationship`, NETWORK_RELATIONSHIPS, true),
    );
    if (problem !== null) return problem;
  }
  return null;
}

export function checkSignal(r: SignalRecord): string | null {
  const base = firstProblem(
    sourceSystemKey(r.sourceSystem, "sourceSystem"),
    requiredText(r.recordId, "recordId", MAX_ID_LENGTH),
    requiredText(r.field, "field", MAX_ID_LENGTH),
    optionalText(r.unit, "unit", 64),
    isoInstant(r.observedAt, "observedAt"),
    oneOf(r.subject?.kind, "subject.kind", SIGNAL_SUBJECT_KINDS, true),
    requiredText(r.subject?.externalId, "subject.externalId", MAX_ID_LENGTH),
    r.subject?.sourceSystem === null || r.subject?.sourceSystem === undefined
      ? null
      : sourceSystemKey(r.subject.sourceSystem, "subject.sourceSystem"),
    optionalText(r.stringValue, "stringValue", MAX_TEXT_LENGTH),
  );
  if (base !== null) return base;
  const set = [r.numberValue, r.stringValue, r.booleanValue].filter((v) => v !== null && v !== undefined);
  if (set.length !== 1) {
    return `exactly one of numberValue, stringValue and booleanValue must be set; ${set.length} were`;
  }
  if (r.numberValue !== null && r.numberValue !== undefined && !Number.isFinite(r.numberValue)) {
    return "numberValue must be a finite number";
  }
  if (r.booleanValue !== null && r.booleanValue !== undefined && typeof r.booleanValue !== "boolean") {
    return "booleanValue must be true or false";
  }
  return null;
}

/** The most holds one ticket's assignment history may list. */
export const MAX_ASSIGNMENTS_PER_TICKET = 100;

function optionalInstant(value: unknown, where: string): string | null {
  return value === null || value === undefined ? null : isoInstant(value, where);
}

/** `later` (when given) is not before `earlier`. */
function notBefore(later: string | null | undefined, laterName: string, earlier: string, earlierName: string) {
  if (later === null || later === undefined) return null;
  return Date.parse(later) < Date.parse(earlier)
    ? `${laterName} (${later}) is before ${earlierName} (${earlier}); a ticket's times must follow each other`
    : null;
}

function assignmentProblem(a: TicketAssignmentRecord | null | undefined, where: string, openedAt: string) {
  if (a === null || a === undefined || typeof a !== "object") return `${where} must be an assignment`;
  const holders = [a.team, a.user].filter((h) => h !== null && h !== undefined).length;
  if (holders !== 1) return `${where} must name exactly one holder, team or user; it names ${holders}`;
  return firstProblem(
    teamRefProblem(a.team, `${where}.team`),
    userRefProblem(a.user, `${where}.user`),
    isoInstant(a.from, `${where}.from`),
    optionalInstant(a.until, `${where}.until`),
    notBefore(a.until, `${where}.until`, a.from, `${where}.from`),
    notBefore(a.from, `${where}.from`, openedAt, "openedAt"),
  );
}

export function checkTicket(r: TicketRecord): string | null {
  const base = firstProblem(
    keyProblems(r),
    accountRefProblem(r.account, "account"),
    r.contact === null || r.contact === undefined
      ? null
      : firstProblem(
          requiredText(r.contact.externalId, "contact.externalId", MAX_ID_LENGTH),
          r.contact.sourceSystem === null || r.contact.sourceSystem === undefined
            ? null
            : sourceSystemKey(r.contact.sourceSystem, "contact.sourceSystem"),
        ),
    optionalText(r.category, "category", MAX_ID_LENGTH),
    oneOf(r.priority, "priority", TICKET_PRIORITIES, false),
    isoInstant(r.openedAt, "openedAt"),
    optionalInstant(r.firstResponseAt, "firstResponseAt"),
    optionalInstant(r.resolvedAt, "resolvedAt"),
  );
  if (base !== null) return base;
  const order = firstProblem(
    notBefore(r.firstResponseAt, "firstResponseAt", r.openedAt, "openedAt"),
    notBefore(r.resolvedAt, "resolvedAt", r.openedAt, "openedAt"),
  );
  if (order !== null) return order;
  if (r.assignments === null || r.assignments === undefined) return null;
  if (!Array.isArray(r.assignments)) return "assignments must be a list of holds";
  if (r.assignments.length > MAX_ASSIGNMENTS_PER_TICKET) {
    return `assignments has ${r.assignments.length} entries; at most ${MAX_ASSIGNMENTS_PER_TICKET} are allowed per ticket`;
  }
  for (const [i, a] of r.assignments.entries()) {
    const problem = assignmentProblem(a, `assignments[${i}]`, r.openedAt);
    if (problem !== null) return problem;
  }
  return null;
}
