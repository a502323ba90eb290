import { getIntrospectionQuery, getOperationAST, GraphQLSchema, parse } from "graphql";
import { CostModel } from "./cost-model";
import { CostEstimate, estimateCost, PageSizes } from "./estimate-cost";

/**
 * How much more than the standard introspection query of this schema an operation's introspection may
 * cost: tools ask for variants of it (deprecated input values, schema description, one more `ofType`), while
 * a nested one (types → fields → type → fields …) multiplies by the fields of a type at every level.
 */
const INTROSPECTION_HEADROOM = 2;

/** The budget an operation went over: its data part against RELATA_MAX_QUERY_COST, or its introspection. */
export interface CostOverrun {
  part: "data" | "introspection";
  spent: number;
  budget: number;
}

/**
 * The cost budget of one schema. Data fields are held to RELATA_MAX_QUERY_COST. Introspection is answered
 * from the schema in memory, and its cost grows with the schema itself, so it is held to its own budget: the
 * larger of that budget and twice the standard introspection query of this schema (what GraphiQL and codegen
 * send), which a nested introspection query still exceeds many times over.
 */
export class CostBudget {
  readonly introspectionBudget: number;

  constructor(
    model: CostModel,
    schema: GraphQLSchema,
    pages: PageSizes,
    readonly budget: number,
  ) {
    const document = parse(getIntrospectionQuery({ descriptions: true }));
    const operation = getOperationAST(document);
    const standard = !operation ? 0 : estimateCost(model, schema, document, operation, {}, pages).introspection;
    this.introspectionBudget = Math.max(budget, Math.ceil(standard * INTROSPECTION_HEADROOM));
  }

  /** The part over its budget, or null when the operation is admitted. */
  overrun(cost: CostEstimate): CostOverrun | null {
    const data = cost.total - cost.introspection;
    if (data > this.budget) return { part: "data", spent: data, budget: this.budget };
    if (cost.introspection > this.introspectionBudget) {
      return { part: "introspection", spent: cost.introspection, budget: this.introspectionBudget };
    }
    return null;
  }
}
