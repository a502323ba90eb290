import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from "graphql";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CostBudget } from "../../../../app/limits/cost/cost-budget";
import { CostModel } from "../../../../app/limits/cost/cost-model";
import { estimateCost } from "../../../../app/limits/cost/estimate-cost";
import { DEFAULT_LIST_SIZE, FIELD_COST_OVERRIDES, MUTATION_BASE_COST } from "../../../../app/limits/cost/field-costs";
import { variablesWithDefaults } from "../../../../app/limits/operation-variables";
import { loadRequestLimits } from "../../../../app/limits/request-limits";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const model = new CostModel(schema);
const pages = { defaultSize: 20, maxSize: 500 };
const budget = loadRequestLimits((_name, fallback) => fallback, 20_000).maxQueryCost;

function costOf(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error("no such operation");
  return estimateCost(model, schema, document, operation, variablesWithDefaults(operation, variables), pages);
}

describe("estimateCost", () => {
  describe("the model", () => {
    it("counts one unit per object and nothing for scalars", () => {
      expect(costOf("query($id: ID!) { account(id: $id) { id name } }").total).toBe(1);
      expect(costOf("{ viewer { tenant role } }").total).toBe(1);
    });

    it("fills a connection's list with `first` items, or the default page size without it", () => {
      // accounts (1) + 7 edges × (edge 1 + node 1)
      expect(costOf("{ accounts(first: 7) { edges { node { id } } } }").total).toBe(1 + 7 * 2);
      expect(costOf("{ accounts { edges { node { id } } } }").total).toBe(1 + 20 * 2);
      expect(costOf("query($n: Int) { accounts(first: $n) { edges { node { id } } } }", { n: 3 }).total).toBe(7);
    });

    it("counts a page size over the maximum as the maximum (the field itself refuses it)", () => {
      expect(costOf("{ accounts(first: 100000) { edges { cursor } } }").total).toBe(1 + 500);
    });

    it("multiplies through nested lists", () => {
      const query = "{ accounts(first: 10) { edges { node { contacts(first: 5) { edges { node { id } } } } } } }";
      // 1 + 10 × (edge + node + contacts connection + 5 × (edge + node))
      expect(costOf(query).total).toBe(1 + 10 * (1 + 1 + 1 + 5 * 2));
    });

    it("sizes lists without `first` by the override table or the default", () => {
      const query = "query($id: ID!) { account(id: $id) { concepts { systems } healthHistory { score } } }";
      const history = FIELD_COST_OVERRIDES["Account.healthHistory"]?.listSize;
      expect(history).toEqual(expect.any(Number));
      expect(costOf(query).total).toBe(1 + DEFAULT_LIST_SIZE + (history as number));
    });

    it("sizes an explanation cut at maxDepth by the nodes that depth can hold (decision 0039)", () => {
      const cost = (args: string) =>
        costOf(`query($id: ID!) { account(id: $id) { health { explanation${args} { id score } } } }`).total;
      // account + health + nodes × (node + nothing more: scalars are free)
      expect(cost("")).toBe(1 + 1 + 40);
      expect(cost("(maxDepth: 0)")).toBe(1 + 1 + 1);
      expect(cost("(maxDepth: 1)")).toBe(1 + 1 + 6);
      expect(cost("(maxDepth: 2)")).toBe(1 + 1 + 31);
      expect(cost("(maxDepth: 3)")).toBe(1 + 1 + 40);
      expect(cost("(maxDepth: 32)")).toBe(1 + 1 + 40);
      // Out of range or of the wrong type: counted as the whole tree (the field itself refuses it).
      expect(cost("(maxDepth: -1)")).toBe(1 + 1 + 40);
    });

    it("adds the extra cost of expensive fields, depending on their arguments", () => {
      const stored = costOf("query($id: ID!) { account(id: $id) { health { score } } }").total;
      const fresh = costOf("query($id: ID!) { account(id: $id) { health(fresh: true) { score } } }").total;
      expect(fresh - stored).toBe(50);
      const plain = costOf("{ accounts(first: 1) { totalCount } }").total;
      const search = costOf(`{ accounts(first: 1, filter: { search: "acme" }) { totalCount } }`).total;
      expect(search - plain).toBe(20);
    });

    it("charges every mutation its base cost and the tenant-wide jobs much more", () => {
      expect(costOf(`mutation { deleteMapping(system: "a", field: "b", concept: "c") }`).total).toBe(
        MUTATION_BASE_COST,
      );
      expect(costOf("mutation { recomputeHealth { processed } }").total).toBe(MUTATION_BASE_COST + 2_000 + 1);
    });

    it("costs a fragment every time it is spread, at the page size where it is spread", () => {
      const query = `
        { a: accounts(first: 2) { ...Page } b: accounts(first: 4) { ...Page } }
        fragment Page on AccountConnection { edges { node { id } } }`;
      expect(costOf(query).total).toBe(1 + 2 * 2 + (1 + 4 * 2));
    });

    it("costs a diamond of 300 fragments without walking 2^300 paths", () => {
      let query = "query { accounts(first: 1) { edges { node { ...F0 } } } }";
      for (let i = 0; i < 300; i += 1) {
        query += ` fragment F${i} on Account { contacts(first: 1) { edges { node { account { ...F${i + 1} ...F${i + 1} } } } } }`;
      }
      query += " fragment F300 on Account { id }";
      expect(costOf(query).total).toBeGreaterThan(2 ** 300);
    });

    it("names the most expensive top-level field", () => {
      const estimate = costOf("{ viewer { tenant } big: accounts(first: 100) { edges { node { id } } } }");
      expect(estimate.largest).toEqual({ key: "big", cost: 201 });
    });
  });

  describe("against the default budget", () => {
    it("refuses the 4-alias fan-out: accounts(500) → contacts(500) → account → signals(500)", () => {
      const alias = (i: number) =>
        `a${i}: accounts(first: 500) { edges { node { contacts(first: 500) { edges { node { account { ` +
        `signals(first: 500) { edges { node { id } } } } } } } } } }`;
      const estimate = costOf(`{ ${[1, 2, 3, 4].map(alias).join(" ")} }`);
      expect(estimate.total).toBeGreaterThan(budget * 10_000);
    });

    it("charges 1,000 aliases of a list 1,000 times the list (the alias limit refuses them first)", () => {
      const one = costOf("{ a0: accounts { edges { node { id } } } }").total;
      const many = Array.from({ length: 1000 }, (_, i) => `a${i}: accounts { edges { node { id } } }`).join(" ");
      expect(costOf(`{ ${many} }`).total).toBe(1000 * one);
    });

    it("admits the standard introspection query (GraphiQL, codegen) and its variants, and refuses a nested one", () => {
      const costBudget = new CostBudget(model, schema, pages, budget);
      const standard = costOf(getIntrospectionQuery());
      // Introspection is all of it, and held to its own budget, which grows with the schema.
      expect(standard.introspection).toBe(standard.total);
      expect(costBudget.overrun(standard)).toBeNull();
      const variant = getIntrospectionQuery({
        inputValueDeprecation: true,
        schemaDescription: true,
        specifiedByUrl: true,
      });
      expect(costBudget.overrun(costOf(variant))).toBeNull();
      // types → fields → type → fields → ... : each level multiplies by the fields of a type.
      const nested = `{ __schema { types { ${"fields { type { ".repeat(4)}name${" } }".repeat(4)} } } }`;
      expect(costBudget.overrun(costOf(nested))).toMatchObject({ part: "introspection" });
      // Data fields beside introspection are held to the ordinary budget.
      const greedy = `{ __schema { queryType { name } } accounts(first: 500) { edges { node { contacts(first: 500) { edges { node { id } } } } } } }`;
      expect(costBudget.overrun(costOf(greedy))).toMatchObject({ part: "data", budget });
    });

    // What the canonical client operations and the benchmark send (bench/scenarios).
    const benchVariables: Record<string, Record<string, unknown>> = {
      AccountsWithContacts: { first: 100, contacts: 10 },
      AccountsWithContactsAndHealth: { first: 100, contacts: 10 },
      Customer360: { id: "acc_x", signals: 200 },
      AccountHealthExplained: { id: "acc_x", drivers: 5 },
      AccountsPage: { first: 500 },
      NodesByIds: { ids: Array.from({ length: 100 }, (_, i) => `acc_${i}`) },
      // The explorer asks for the accounts behind a concept's signals, at most 20 (explorer/src/search).
      ExplorerAccountsByIds: { ids: Array.from({ length: 20 }, (_, i) => `acc_${i}`) },
      NodesByExternalIds: {
        keys: Array.from({ length: 100 }, (_, i) => ({ type: "ACCOUNT", sourceSystem: "crm", externalId: `${i}` })),
      },
    };
    const folder = "schema/operations";
    const document = readdirSync(folder)
      .map((file) => readFileSync(join(folder, file), "utf8"))
      .join("\n");
    const names = parse(document).definitions.flatMap((d) =>
      d.kind === "OperationDefinition" && d.name ? [d.name.value] : [],
    );

    it.each(names)("admits the canonical operation %s", (name) => {
      const estimate = costOf(document, benchVariables[name] ?? {}, name);
      expect(estimate.total).toBeGreaterThan(0);
      expect(estimate.total).toBeLessThanOrEqual(budget / 10);
    });

    it("counts one object per id asked of nodes(ids:), with what each selects", () => {
      const query =
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Account { contacts(first: 10) { edges { node { id } } } } } }";
      const of = (n: number) => costOf(query, { ids: Array.from({ length: n }, (_, i) => `acc_${i}`) }).total;
      expect(of(0)).toBe(0);
      expect(of(10)).toBe(10 * of(1));
      expect(of(1)).toBeGreaterThan(10);
    });

    it("admits the N+1 alarm's page: 110 accounts with five nested lists each", () => {
      const query = `query($first: Int!) { accounts(first: $first) { totalCount edges { node { id name
        contacts(first: 10) { totalCount edges { node { id name } } }
        opportunities { totalCount edges { node { id stage } } }
        assets { edges { node { id name } } }
        network { edges { relationship node { id name } } }
        signals(first: 5) { totalCount edges { node { id field observedAt } } } } } } }`;
      expect(costOf(query, { first: 110 }).total).toBeLessThan(budget);
    });
  });
});
