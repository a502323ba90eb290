import { AccountRepository } from "./account/account.repository";
import { AssetRepository } from "./asset/asset.repository";
import { ContactRepository } from "./contact/contact.repository";
import { ChildListBatch } from "./common/child-list.batch";
import { CypherExecutor } from "./executor";
import { NodeRepository } from "./node/node.repository";
import { DistinctValuesRepository } from "./common/distinct-values.repository";
import { AccountFacetsRepository } from "./account/account-facets.repository";
import { RecordListsRepository } from "./records/record-lists.repository";
import { IngestRepository } from "./ingest/ingest.repository";
import { DeletionRepository } from "./deletion/deletion.repository";
import { OntologyRepository } from "./ontology/ontology.repository";
import { HealthRepository } from "./health/health.repository";
import { HealthExportRepository } from "./export/health-export.repository";
import { OpportunityRepository } from "./opportunity/opportunity.repository";
import { TicketRepository } from "./tickets/ticket.repository";
import { OrganizationRepository } from "./organization/organization.repository";
import { SignalRepository } from "./signal/signal.repository";
import { SourceSystemRepository } from "./source-system/source-system.repository";
import { ChangeOutbox } from "./events/change-outbox";
import { ChangeFeedRepository } from "./events/change-feed.repository";
import { TokenRevocationRepository } from "./auth/token-revocation.repository";
import { GraphViewRepository } from "./neighbourhood/graph-view.repository";
import { PeopleRepository } from "./people/people.repository";

/** The repositories of one tenant, for one request. The tenant is fixed here, so no query can leave it. */
export interface Repositories {
  accounts: AccountRepository;
  contacts: ContactRepository;
  opportunities: OpportunityRepository;
  /** Support tickets: the filtered list and accounts' tickets (issue 17). */
  tickets: TicketRepository;
  assets: AssetRepository;
  organizations: OrganizationRepository;
  signals: SignalRepository;
  sourceSystems: SourceSystemRepository;
  /** Records of any kind by global id (`node`, `nodes`, lookups by external id). */
  nodes: NodeRepository;
  /** Top-level, filtered lists of contacts, opportunities, assets, organizations and signals. */
  recordLists: RecordListsRepository;
  /** Valid values of the account filter with counts. */
  facets: AccountFacetsRepository;
  /** The values records have for filterable properties (filter notices). */
  filterValues: DistinctValuesRepository;
  ingest: IngestRepository;
  /** The tenant's change events (the feed). */
  changes: ChangeFeedRepository;
  deletion: DeletionRepository;
  ontology: OntologyRepository;
  health: HealthRepository;
  healthExport: HealthExportRepository;
  tokenRevocations: TokenRevocationRepository;
  /** Neighbourhoods and paths (graph views). */
  graphView: GraphViewRepository;
  /** Users and teams: lists, lookups, members. */
  people: PeopleRepository;
}

/**
 * `listsTogether`: read the child lists asked for at the same time in one round trip (see
 * {@link ChildListBatch}); off only to measure what batching buys. `outbox`: who the changes written
 * through these repositories are attributed to (a request's principal, or a job).
 */
export function createRepositories(
  executor: CypherExecutor,
  tenant: string,
  listsTogether = true,
  outbox: ChangeOutbox = new ChangeOutbox(tenant, "job:internal"),
): Repositories {
  const lists = new ChildListBatch(executor, tenant, listsTogether);
  const accounts = new AccountRepository(executor, tenant);
  return {
    accounts,
    facets: new AccountFacetsRepository(executor, accounts),
    filterValues: new DistinctValuesRepository(executor, tenant),
    contacts: new ContactRepository(lists),
    opportunities: new OpportunityRepository(lists),
    tickets: new TicketRepository(executor, tenant, lists),
    assets: new AssetRepository(lists),
    organizations: new OrganizationRepository(lists),
    signals: new SignalRepository(lists),
    sourceSystems: new SourceSystemRepository(executor, tenant),
    nodes: new NodeRepository(executor, tenant),
    people: new PeopleRepository(executor, tenant),
    recordLists: new RecordListsRepository(executor, tenant),
    ingest: new IngestRepository(executor, tenant, outbox),
    deletion: new DeletionRepository(executor, tenant, outbox),
    changes: new ChangeFeedRepository(executor, tenant),
    ontology: new OntologyRepository(executor, tenant, tenant, outbox),
    health: new HealthRepository(executor, tenant, outbox),
    healthExport: new HealthExportRepository(executor, tenant),
    graphView: new GraphViewRepository(executor, tenant),
    tokenRevocations: new TokenRevocationRepository(executor, tenant),
  };
}
