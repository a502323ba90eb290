import "reflect-metadata";
import { GraphQLSchema } from "graphql";
import { AuthChecker, buildSchema } from "type-graphql";
import { AccountOwnerResolvers } from "./account/account-owner.resolvers";
import { AccountResolver } from "./account/account.resolver";
import { RequestContext } from "./context";
import { IngestResolver } from "./ingest/ingest.resolver";
import { SourceSystemResolver } from "./source-system/source-system.resolver";
import { ViewerResolver } from "./viewer/viewer.resolver";
import { AccountConceptsResolver } from "./account/account-concepts.resolver";
import { ConceptResolver } from "./ontology/concept.resolver";
import { MappingResolver, OntologyResolver } from "./ontology/ontology.resolver";
import { AccountHealthFieldsResolver, AccountHealthResolver, HealthResolver } from "./health/health.resolver";

const authChecker: AuthChecker<RequestContext> = ({ context }, roles) =>
  roles.length === 0 || roles.includes(context.principal.role);

/** Builds the executable schema from the resolver classes. The SDL is emitted to schema/schema.graphql. */
export function buildRelataSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      AccountResolver,
      ...AccountOwnerResolvers,
      AccountConceptsResolver,
      IngestResolver,
      SourceSystemResolver,
      ViewerResolver,
      OntologyResolver,
      ConceptResolver,
      MappingResolver,
      HealthResolver,
      AccountHealthResolver,
      AccountHealthFieldsResolver,
    ],
    authChecker,
    authMode: "error",
    validate: false,
    emitSchemaFile: false,
  });
}
