import { Asset, Contact, Opportunity, Organization, Page, Signal } from "../../domain/model";
import { BuyingRole, OpportunityStage, OrganizationKind, SignalSubjectKind } from "../../domain/records";
import { toAsset } from "../asset/asset.repository";
import { PersonSearch, personSearchParams } from "../../domain/personal-data/person-search";
import { keyedNodeProjection } from "../common/node-projection";
import { personSearchClause } from "../common/person-search.clause";
import { accountIdThrough, SIGNAL_SUBJECT } from "../common/record-links";
import { recordListQueries } from "../common/record-list.query";
import { RecordListReader, RecordPageRequest } from "../common/record-list.reader";
import { toContact } from "../contact/contact.repository";
import { CypherExecutor } from "../executor";
import { toOpportunity } from "../opportunity/opportunity.repository";
import { toOrganization } from "../organization/organization.repository";
import { toSignal } from "../signal/signal.repository";

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

const IN = (param: string, expression: string) => `($${param} IS NULL OR ${expression} IN $${param})`;
const SOURCE = IN("sourceSystems", "n.sourceSystem");

const CONTACTS = recordListQueries({
  name: "contact.list",
  label: "Contact",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: keyedNodeProjection("n", `accountId: ${accountIdThrough("WORKS_AT")}`),
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
  projection: keyedNodeProjection("n", `accountId: ${accountIdThrough("FOR_ACCOUNT")}`),
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
  projection: keyedNodeProjection("n", `accountId: ${accountIdThrough("INSTALLED_AT")}`),
  filter: [IN("accountIds", accountIdThrough("INSTALLED_AT")), IN("models", "n.model"), SOURCE].join(" AND "),
});

const ORGANIZATIONS = recordListQueries({
  name: "organization.list",
  label: "Organization",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: keyedNodeProjection("n"),
  filter: [IN("kinds", "n.kind"), IN("regions", "n.region"), SOURCE].join(" AND "),
});

const SIGNALS = recordListQueries({
  name: "signal.list",
  label: "Signal",
  // Newest first.
  sortKeys: ["n.observedAt.epochMillis", "n.id"],
  direction: "DESC",
  projection: keyedNodeProjection(
    "n",
    `observedAt: n.observedAt.epochMillis, subjectKind: ${SIGNAL_SUBJECT}.kind, subjectId: ${SIGNAL_SUBJECT}.id`,
  ),
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

  contacts(request: RecordPageRequest<ContactFilterValues>): Promise<Page<Contact>> {
    return this.reader.page(CONTACTS, contactParams(request.filter), request, toContact);
  }

  countContacts(filter: ContactFilterValues): Promise<number> {
    return this.reader.count(CONTACTS, contactParams(filter));
  }

  opportunities(request: RecordPageRequest<OpportunityFilterValues>): Promise<Page<Opportunity>> {
    return this.reader.page(OPPORTUNITIES, params(request.filter), request, toOpportunity);
  }

  countOpportunities(filter: OpportunityFilterValues): Promise<number> {
    return this.reader.count(OPPORTUNITIES, params(filter));
  }

  assets(request: RecordPageRequest<AssetFilterValues>): Promise<Page<Asset>> {
    return this.reader.page(ASSETS, params(request.filter), request, toAsset);
  }

  countAssets(filter: AssetFilterValues): Promise<number> {
    return this.reader.count(ASSETS, params(filter));
  }

  organizations(request: RecordPageRequest<OrganizationFilterValues>): Promise<Page<Organization>> {
    return this.reader.page(ORGANIZATIONS, params(request.filter), request, toOrganization);
  }

  countOrganizations(filter: OrganizationFilterValues): Promise<number> {
    return this.reader.count(ORGANIZATIONS, params(filter));
  }

  signals(request: RecordPageRequest<SignalFilterValues>): Promise<Page<Signal>> {
    return this.reader.page(SIGNALS, params(request.filter), request, toSignal);
  }

  countSignals(filter: SignalFilterValues): Promise<number> {
    return this.reader.count(SIGNALS, params(filter));
  }
}
