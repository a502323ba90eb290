import { GraphQLError, OperationDefinitionNode } from "graphql";
import { formatCount, limitRefusal, operationLabel } from "../limit-refusal";
import { CostOverrun } from "./cost-budget";
import { CostEstimate } from "./estimate-cost";

/** The refusal of an operation over the budget: the estimate, the budget, the largest part, what to do. */
export function costRefusal(
  operation: OperationDefinitionNode,
  cost: CostEstimate,
  overrun: CostOverrun,
): GraphQLError {
  const largest =
    cost.largest === null ? "" : ` The largest part is ${cost.largest.key} (${formatCount(cost.largest.cost)}).`;
  const budget = overrun.budget;
  if (overrun.part === "introspection") {
    return limitRefusal(
      "QUERY_TOO_COSTLY",
      `${operationLabel(operation.name?.value)} would cost about ${formatCount(overrun.spent)} in introspection, ` +
        `over its budget of ${formatCount(budget)} (twice the standard introspection query of this schema). ` +
        "Send the standard introspection query (getIntrospectionQuery) instead of a nested one.",
      { nodes: operation, details: { cost: { estimated: overrun.spent, budget } }, afterValidation: true },
    );
  }
  return limitRefusal(
    "QUERY_TOO_COSTLY",
    `${operationLabel(operation.name?.value)} would cost about ${formatCount(cost.total)}, over the budget ` +
      `of ${formatCount(budget)} (about one per object returned: page sizes multiply through nested lists, ` +
      `and some fields cost more).${largest} Ask for smaller pages (first), fewer nested lists or fewer ` +
      `aliases, or split it into several requests.`,
    { nodes: operation, details: { cost: { estimated: cost.total, budget } }, afterValidation: true },
  );
}
