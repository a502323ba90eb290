import { AccountRepository } from "./account/account.repository";
import { AssetRepository } from "./asset/asset.repository";
import { ContactRepository } from "./contact/contact.repository";
import { CypherExecutor } from "./executor";
import { IngestRepository } from "./ingest/ingest.repository";
import { OntologyRepository } from "./ontology/ontology.repository";
import { HealthRepository } from "./health/health.repository";
import { OpportunityRepository } from "./opportunity/opportunity.repository";
import { OrganizationRepository } from "./organization/organization.repository";
import { SignalRepository } from "./signal/signal.repository";
import { SourceSystemRepository } from "./source-system/source-system.repository";

/** The repositories of one tenant, for one request. The tenant is fixed here, so no query can leave it. */
export interface Repositories {
  accounts: AccountRepository;
  contacts: ContactRepository;
  opportunities: OpportunityRepository;
  assets: AssetRepository;
  organizations: OrganizationRepository;
  signals: SignalRepository;
  sourceSystems: SourceSystemRepository;
  ingest: IngestRepository;
  ontology: OntologyRepository;
  health: HealthRepository;
}

export function createRepositories(executor: CypherExecutor, tenant: string): Repositories {
  return {
    accounts: new AccountRepository(executor, tenant),
    contacts: new ContactRepository(executor, tenant),
    opportunities: new OpportunityRepository(executor, tenant),
    assets: new AssetRepository(executor, tenant),
    organizations: new OrganizationRepository(executor, tenant),
    signals: new SignalRepository(executor, tenant),
    sourceSystems: new SourceSystemRepository(executor, tenant),
    ingest: new IngestRepository(executor, tenant),
    ontology: new OntologyRepository(executor, tenant),
    health: new HealthRepository(executor, tenant),
  };
}
