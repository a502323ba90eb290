import { neighbourhoodQuery, pathsQuery } from "../../../graph/neighbourhood/graph-view.queries";

describe("the graph views' Cypher", () => {
  it("starts a neighbourhood with a seek on the centre's label and id, scoped to the tenant", () => {
    const { name, text } = neighbourhoodQuery("Account", 2, ["WORKS_AT", "SUPPLIES"]);
    expect(name).toBe("graph.neighbourhood");
    expect(text).toContain("MATCH (c:Account {id: $id}) WHERE c.tenant = $tenant");
    expect(text).toContain("(c)-[:WORKS_AT|SUPPLIES*1..2]-(n)");
    expect(text).toContain("all(x IN nodes(p) WHERE x.tenant = $tenant");
    expect(text).toContain("found[0..$first]");
  });

  it("searches paths no longer than asked, over the types asked, through the tenant's live records", () => {
    const { text } = pathsQuery("Account", "Organization", 5, ["PARTNER_OF"]);
    expect(text).toContain("MATCH (a:Account {id: $from}) WHERE a.tenant = $tenant");
    expect(text).toContain("MATCH (b:Organization {id: $to}) WHERE b.tenant = $tenant");
    expect(text).toContain("allShortestPaths((a)-[:PARTNER_OF*..5]-(b))");
    expect(text).toContain("WITH p LIMIT $first");
  });
});
