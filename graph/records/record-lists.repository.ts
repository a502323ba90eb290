import { Asset, Contact, Opportunity, Organization, Page, Signal } from "../../domain/model";
import { BuyingRole, OpportunityStage, OrganizationKind, SignalSubjectKind } from "../../domain/records";
import { AssetProperty, toAsset } from "../asset/asset.repository";
import { PersonSearch, personSearchParams } from "../../domain/personal-data/person-search";
import { selectedNodeProjection } from "../common/node-projection";
import { personSearchClause } from "../common/person-search.clause";
import { AccountLink, accountIdThrough, SIGNAL_SUBJECT, SubjectLink } from "../common/record-links";
import { recordListQueries } from "../common/record-list.query";
import { RecordListReader, RecordPageRequest } from "../common/record-list.reader";
import { ContactProperty, toContact } from "../contact/contact.repository";
import { CypherExecutor } from "../executor";
import { OpportunityProperty, toOpportunity } from "../opportunity/opportunity.repository";
import { OrganizationProperty, toOrganization } from "../organization/organization.repository";
import { SignalProperty, toSignal } from "../signal/signal.repository";
import { ASSET_RECORD, CONTACT_RECORD, OPPORTUNITY_RECORD, ORGANIZATION_RECORD, SIGNAL_RECORD } from "./record-nodes";

type Values<T> = readonly T[] | null;

export interface ContactFilterValues {
  accountIds: Values<string>;
  buyingRoles: Values<BuyingRole>;
  sourceSystems: Values<string>;
  /** Text the name or e-mail contains (or equals, for a reader who sees them masked), any case. */
  search: PersonSearch | null;
}

export interface OpportunityFilterValues {
  accountIds: Values<string>;
  stages: Values<OpportunityStage>;
  sourceSystems: Values<string>;
  minAmount: number | null;
  maxAmount: number | null;
  /** YYYY-MM-DD, inclusive. */
  closeDateFrom: string | null;
  closeDateTo: string | null;
}

export interface AssetFilterValues {
  accountIds: Values<string>;
  models: Values<string>;
  sourceSystems: Values<string>;
}

export interface OrganizationFilterValues {
  kinds: Values<OrganizationKind>;
  regions: Values<string>;
  sourceSystems: Values<string>;
}

export interface SignalFilterValues {
  fields: Values<string>;
  sourceSystems: Values<string>;
  subjectKinds: Values<SignalSubjectKind>;
  /** ISO instants: at or after `since`, before `until`. */
  since: string | null;
  until: string | null;
}

/*
 * Each list projects the properties its request selects; a record's account id and a signal's subject are
 * read through their relationships only when selected (decision 0040).
 */
const IN = (param: string, expression: string) => `($${param} IS NULL OR ${expression} IN $${param})`;
const SOURCE = IN("sourceSystems", "n.sourceSystem");

const CONTACTS = recordListQueries({
  name: "contact.list",
  label: "Contact",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: (selection) => selectedNodeProjection("n", selection, CONTACT_RECORD),
  filter: [
    IN("accountIds", accountIdThrough("WORKS_AT")),
    IN("buyingRoles", "n.buyingRole"),
    SOURCE,
    personSearchClause("n"),
  ].join(" AND "),
});

const OPPORTUNITIES = recordListQueries({
  name: "opportunity.list",
  label: "Opportunity",
  // Latest close date first; opportunities without one last.
  sortKeys: ["coalesce(n.closeDate, '0000-00-00')", "n.id"],
  direction: "DESC",
  projection: (selection) => selectedNodeProjection("n", selection, OPPORTUNITY_RECORD),
  filter: [
    IN("accountIds", accountIdThrough("FOR_ACCOUNT")),
    IN("stages", "n.stage"),
    SOURCE,
    "($minAmount IS NULL OR n.amount >= $minAmount)",
    "($maxAmount IS NULL OR n.amount <= $maxAmount)",
    "($closeDateFrom IS NULL OR n.closeDate >= $closeDateFrom)",
    "($closeDateTo IS NULL OR n.closeDate <= $closeDateTo)",
  ].join(" AND "),
});

const ASSETS = recordListQueries({
  name: "asset.list",
  label: "Asset",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: (selection) => selectedNodeProjection("n", selection, ASSET_RECORD),
  filter: [IN("accountIds", accountIdThrough("INSTALLED_AT")), IN("models", "n.model"), SOURCE].join(" AND "),
});

const ORGANIZATIONS = recordListQueries({
  name: "organization.list",
  label: "Organization",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: (selection) => selectedNodeProjection("n", selection, ORGANIZATION_RECORD),
  filter: [IN("kinds", "n.kind"), IN("regions", "n.region"), SOURCE].join(" AND "),
});

const SIGNALS = recordListQueries({
  name: "signal.list",
  label: "Signal",
  // Newest first.
  sortKeys: ["n.observedAt.epochMillis", "n.id"],
  direction: "DESC",
  projection: (selection) => selectedNodeProjection("n", selection, SIGNAL_RECORD),
  filter: [
    IN("fields", "n.field"),
    SOURCE,
    IN("subjectKinds", `${SIGNAL_SUBJECT}.kind`),
    "($since IS NULL OR n.observedAt >= datetime($since))",
    "($until IS NULL OR n.observedAt < datetime($until))",
  ].join(" AND "),
});

/** Plain parameters from filter values: arrays copied, everything else as is. */
function params(filter: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => [key, Array.isArray(value) ? [...(value as unknown[])] : value]),
  );
}

function contactParams(filter: ContactFilterValues): Record<string, unknown> {
  return { ...params(filter), ...personSearchParams(filter.search) };
}

/** The top-level lists of contacts, opportunities, assets, organizations and signals of one tenant. */
export class RecordListsRepository {
  private readonly reader: RecordListReader;

  constructor(executor: CypherExecutor, tenant: string) {
    this.reader = new RecordListReader(executor, tenant);
  }

  contacts(request: RecordPageRequest<ContactFilterValues, ContactProperty | AccountLink>): Promise<Page<Contact>> {
    return this.reader.page(CONTACTS, contactParams(request.filter), request, toContact);
  }

  countContacts(filter: ContactFilterValues): Promise<number> {
    return this.reader.count(CONTACTS, contactParams(filter));
  }

  opportunities(
    request: RecordPageRequest<OpportunityFilterValues, OpportunityProperty | AccountLink>,
  ): Promise<Page<Opportunity>> {
    return this.reader.page(OPPORTUNITIES, params(request.filter), request, toOpportunity);
  }

  countOpportunities(filter: OpportunityFilterValues): Promise<number> {
    return this.reader.count(OPPORTUNITIES, params(filter));
  }

  assets(request: RecordPageRequest<AssetFilterValues, AssetProperty | AccountLink>): Promise<Page<Asset>> {
    return this.reader.page(ASSETS, params(request.filter), request, toAsset);
  }

  countAssets(filter: AssetFilterValues): Promise<number> {
    return this.reader.count(ASSETS, params(filter));
  }

  organizations(
    request: RecordPageRequest<OrganizationFilterValues, OrganizationProperty>,
  ): Promise<Page<Organization>> {
    return this.reader.page(ORGANIZATIONS, params(request.filter), request, toOrganization);
  }

  countOrganizations(filter: OrganizationFilterValues): Promise<number> {
    return this.reader.count(ORGANIZATIONS, params(filter));
  }

  signals(request: RecordPageRequest<SignalFilterValues, SignalProperty | SubjectLink>): Promise<Page<Signal>> {
    return this.reader.page(SIGNALS, params(request.filter), request, toSignal);
  }

  countSignals(filter: SignalFilterValues): Promise<number> {
    return this.reader.count(SIGNALS, params(filter));
  }
}
