import "reflect-metadata";
import { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { DateTimeISOScalar } from "./common/date-time-iso.scalar";
import { AccountOwnerResolvers } from "./account/account-owner.resolvers";
import { AccountResolver } from "./account/account.resolver";
import { AssetBatchResolver } from "./asset/asset-batch.resolver";
import { PeopleResolvers } from "./people/people.resolver";
import { IngestResolver, withPlainBulkInputs } from "./ingest/ingest.resolver";
import { DeletionResolver } from "./deletion/deletion.resolver";
import { SourceSystemResolver } from "./source-system/source-system.resolver";
import { ViewerResolver } from "./viewer/viewer.resolver";
import { NodeResolver } from "./node/node.resolver";
import { AccountFacetsResolver } from "./account/account-facets.resolver";
import { RecordListsResolver } from "./records/record-lists.resolver";
import { AccountConceptsResolver } from "./account/account-concepts.resolver";
import { ConceptResolver } from "./ontology/concept.resolver";
import { MappingResolver, OntologyResolver } from "./ontology/ontology.resolver";
import { enforceRoleMatrix } from "./auth/role-guard";
import { enforcePersonalDataAccess } from "./auth/personal-data-guard";
import { TokenRevocationResolver } from "./auth/token-revocation.resolver";
import { ChangesResolver } from "./events/changes.resolver";
import { ChangeSubscriptionsResolver } from "./events/change-subscriptions.resolver";
import { NO_TOPICS_PUB_SUB } from "./events/no-topics.pub-sub";
import { WebhookResolver } from "./webhooks/webhook.resolver";
import { PlaybookResolver } from "./automation/playbook.resolver";
import { DraftResolver } from "./plain-language/draft.resolver";
import { GraphViewResolver } from "./neighbourhood/graph-view.resolver";
import { AuditResolver } from "./audit/audit.resolver";
import { ValueContractResolver } from "./contracts/value-contract.resolver";
import { PersonalDataResolver } from "./personal-data/personal-data.resolver";
import { MpuExperimentResolver } from "./experiments/mpu-experiment.resolver";
import { MpuResolver } from "./mpu/mpu.resolver";
import { AccountTicketsResolver, TicketResolver } from "./tickets/ticket.resolver";
import { ValueAnchorResolver } from "./anchors/value-anchor.resolver";
import { AccountTasksResolver, TaskResolver } from "./automation/task.resolver";
import { ProposalResolver } from "./automation/proposal.resolver";
import { AccountFlagsResolver, AssetFlagsResolver, BatchFlagsResolver } from "./automation/flag.resolver";
import { AccountHealthFieldsResolver, AccountHealthResolver, HealthResolver } from "./health/health.resolver";
import { AccountIdentitiesResolver, IdentityResolver, IdentityReviewPairResolver } from "./identity/identity.resolver";
import { LineageResolver, OntologyDiffImpactResolver } from "./lineage/lineage.resolver";
import { UsageCalibrationResolver } from "./usage/usage-calibration.resolver";

/**
 * Builds the executable schema from the resolver classes, with the role matrix enforced on it (roles are
 * not declared on resolvers: resolvers/auth/role-matrix.ts is the one table) and field-level access to
 * personal data (the catalogue, domain/personal-data/catalogue.ts, says which fields hand it out). The SDL is emitted to
 * schema/schema.graphql.
 */
export async function buildRelataSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      AccountResolver,
      ...AccountOwnerResolvers,
      AssetBatchResolver,
      ...PeopleResolvers,
      AccountConceptsResolver,
      IngestResolver,
      DeletionResolver,
      SourceSystemResolver,
      ViewerResolver,
      NodeResolver,
      AccountFacetsResolver,
      RecordListsResolver,
      OntologyResolver,
      ConceptResolver,
      MappingResolver,
      HealthResolver,
      AccountHealthResolver,
      AccountHealthFieldsResolver,
      TokenRevocationResolver,
      ChangesResolver,
      ChangeSubscriptionsResolver,
      WebhookResolver,
      GraphViewResolver,
      PlaybookResolver,
      DraftResolver,
      AuditResolver,
      ValueContractResolver,
      PersonalDataResolver,
      MpuExperimentResolver,
      MpuResolver,
      ValueAnchorResolver,
      TicketResolver,
      AccountTicketsResolver,
      TaskResolver,
      AccountTasksResolver,
      ProposalResolver,
      AccountFlagsResolver,
      AssetFlagsResolver,
      BatchFlagsResolver,
      IdentityResolver,
      IdentityReviewPairResolver,
      AccountIdentitiesResolver,
      LineageResolver,
      OntologyDiffImpactResolver,
      UsageCalibrationResolver,
    ],
    validate: false,
    // graphql-scalars' DateTimeISO, without re-parsing the canonical ISO strings the repositories hand out.
    scalarsMap: [{ type: Date, scalar: DateTimeISOScalar }],
    emitSchemaFile: false,
    pubSub: NO_TOPICS_PUB_SUB,
  });
  return enforcePersonalDataAccess(enforceRoleMatrix(withPlainBulkInputs(schema)));
}
