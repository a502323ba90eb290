import { Ticket } from "../domain/tickets/ticket";
import DataLoader from "dataloader";
import { Account, Asset, Contact, NetworkLink, Opportunity, Page, Signal } from "../domain/model";
import { ChildPageRequest } from "../graph/common/child-list.reader";
import { Repositories } from "../graph/repositories";
import { createAccountByIdLoader, createSelectedAccountLoader, SelectedAccountKey } from "./account-by-id.loader";
import { AnyNode, createNodeByIdLoader, NodeKey } from "./node-by-id.loader";
import { LoaderOptions, createChildPageLoader } from "./child-page.loader";
import { ConceptLoaders, createConceptLoaders } from "./concept.loaders";
import { createHealthLoaders, HealthLoaders } from "./health.loaders";
import { HealthService } from "../services/health/health.service";
import { createPeopleLoaders, PeopleLoaders } from "./people.loaders";

type PageLoader<T> = DataLoader<ChildPageRequest, Page<T>, string>;

/** The DataLoaders of one request. Never share them between requests: their caches hold one tenant's data. */
export interface Loaders {
  accountById: DataLoader<string, Account | null>;
  /** Accounts by id with only the properties a request selects (`account(id)`). */
  selectedAccountById: DataLoader<SelectedAccountKey, Account | null, string>;
  /**
   * Any record, source system or concept by global id (`node`, `nodes`, lookups by external id), with the
   * properties its key selects.
   */
  nodeById: DataLoader<NodeKey, AnyNode | null, string>;
  contactsByAccount: PageLoader<Contact>;
  opportunitiesByAccount: PageLoader<Opportunity>;
  ticketsByAccount: PageLoader<Ticket>;
  assetsByAccount: PageLoader<Asset>;
  networkByAccount: PageLoader<NetworkLink>;
  signalsByAccount: PageLoader<Signal>;
  concepts: ConceptLoaders;
  health: HealthLoaders;
  /** Users and teams (owners, managers, members). */
  people: PeopleLoaders;
}

export function createLoaders(repositories: Repositories, health: HealthService, options: LoaderOptions): Loaders {
  return {
    accountById: createAccountByIdLoader(repositories.accounts, options),
    selectedAccountById: createSelectedAccountLoader(repositories.accounts, options),
    nodeById: createNodeByIdLoader(
      {
        records: (refs, selections) => repositories.nodes.findByRefs(refs, selections),
        concepts: (ids) => repositories.ontology.conceptsByIds(ids),
      },
      options,
    ),
    contactsByAccount: createChildPageLoader((r) => repositories.contacts.pageByAccounts(r), options),
    opportunitiesByAccount: createChildPageLoader((r) => repositories.opportunities.pageByAccounts(r), options),
    ticketsByAccount: createChildPageLoader((r) => repositories.tickets.pageByAccounts(r), options),
    assetsByAccount: createChildPageLoader((r) => repositories.assets.pageByAccounts(r), options),
    networkByAccount: createChildPageLoader((r) => repositories.organizations.networkByAccounts(r), options),
    signalsByAccount: createChildPageLoader((r) => repositories.signals.pageByAccounts(r), options),
    concepts: createConceptLoaders(repositories.ontology, options),
    health: createHealthLoaders(health, options),
    people: createPeopleLoaders(repositories.people, options),
  };
}
