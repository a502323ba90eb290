import { ApolloServerPlugin } from "@apollo/server";
import { GraphQLSchema, Kind, OperationDefinitionNode } from "graphql";
import { RequestContext } from "../../resolvers/context";
import { CostModel } from "../limits/cost/cost-model";
import { CostBudget } from "../limits/cost/cost-budget";
import { costRefusal } from "../limits/cost/cost-refusal";
import { estimateCost, PageSizes } from "../limits/cost/estimate-cost";
import { checkInputLengths } from "../limits/input/check-input-lengths";
import { variablesWithDefaults } from "../limits/operation-variables";
import { RequestLimits } from "../limits/request-limits";

/** What a request cost: reported to every caller in `extensions.cost`. */
export interface CostReport {
  /** The estimate the request was admitted with (see estimateCost). */
  estimated: number;
  budget: number;
  /** What it really took: Cypher statements run and rows they returned. */
  cypherQueries: number;
  databaseRows: number;
}

/**
 * Guards a request between validation and execution, when its variables are known and before any
 * resolver (so before any Cypher): refuses a value longer than its limit and an operation whose estimated
 * cost is over the budget, and gives mutations their longer deadline. After execution it reports the
 * estimate and the actual cost in `extensions.cost`.
 */
export function queryGuardPlugin(
  schema: GraphQLSchema,
  limits: RequestLimits,
  pages: PageSizes,
): ApolloServerPlugin<RequestContext> {
  const model = new CostModel(schema);
  const costBudget = new CostBudget(model, schema, pages, limits.maxQueryCost);
  return {
    async requestDidStart() {
      let estimated: number | null = null;
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return;
          const variables = variablesWithDefaults(operation, request.variables);
          const tooLong = checkInputLengths(schema, document, operation, variables, limits);
          if (tooLong !== null) throw tooLong;
          const cost = estimateCost(model, schema, document, operation, variables, pages);
          const overrun = costBudget.overrun(cost);
          if (overrun !== null) throw costRefusal(operation, cost, overrun);
          estimated = cost.total;
          if (operation.operation === "mutation" || selectsLongQuery(operation)) {
            contextValue.deadline.setLimit(limits.mutationTimeoutMs);
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (estimated === null || response.body.kind !== "single") return;
          const stats = contextValue.stats;
          const report: CostReport = {
            estimated,
            budget: limits.maxQueryCost,
            cypherQueries: stats.queries,
            databaseRows: stats.log.reduce((rows, entry) => rows + entry.rows, 0),
          };
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
        },
      };
    },
  };
}

/**
 * Queries that read a whole chain by design and get the mutations' allowance (RELATA_MUTATION_TIMEOUT_MS)
 * instead of a query's: verifying a million audit records takes minutes (docs/audit.md).
 */
const LONG_QUERIES: ReadonlySet<string> = new Set(["verifyAuditTrail"]);

function selectsLongQuery(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some(
    (selection) => selection.kind === Kind.FIELD && LONG_QUERIES.has(selection.name.value),
  );
}
