import { nodeId } from "../../../../domain/ids/node-id";
import {
  neighbourhoodRequest,
  pathsRequest,
  relationshipTypes,
} from "../../../../domain/neighbourhood/graph-view-request";
import { GRAPH_RELATIONSHIPS } from "../../../../domain/neighbourhood/graph-view.model";

const account = nodeId("Account", "t", "crm", "A-1");
const org = nodeId("Organization", "t", "crm", "N-1");
const signal = nodeId("Signal", "t", "iot", "S-1");

describe("a neighbourhood request", () => {
  it("fills the defaults: one link, every relationship type, 50 records", () => {
    expect(neighbourhoodRequest({ id: account })).toEqual({
      center: { kind: "Account", id: account },
      depth: 1,
      types: [...GRAPH_RELATIONSHIPS],
      first: 50,
    });
  });

  it("refuses a depth or a size over its cap, and records graph views do not draw", () => {
    expect(() => neighbourhoodRequest({ id: account, depth: 4 })).toThrow(/depth must be an integer from 1 to 3/);
    expect(() => neighbourhoodRequest({ id: account, first: 501 })).toThrow(/first must be an integer from 1 to 500/);
    expect(() => neighbourhoodRequest({ id: account, first: 2.5 })).toThrow(/first must be an integer/);
    expect(() => neighbourhoodRequest({ id: signal })).toThrow(/names a Signal/);
    expect(() => neighbourhoodRequest({ id: "core:satisfaction" })).toThrow(/names a Concept/);
  });
});

describe("relationship types", () => {
  it("keep the whitelist's order and each type once", () => {
    expect(relationshipTypes(["SUPPLIES", "WORKS_AT", "SUPPLIES"])).toEqual(["WORKS_AT", "SUPPLIES"]);
  });

  it("refuse a type outside the whitelist (no request string reaches the Cypher) and an empty list", () => {
    expect(() => relationshipTypes(["WORKS_AT]-() DETACH DELETE (x"])).toThrow(
      /is not a relationship a graph view follows/,
    );
    expect(() => relationshipTypes([])).toThrow(/types is empty/);
  });
});

describe("a paths request", () => {
  it("fills the defaults and refuses one record twice and lengths over the cap", () => {
    expect(pathsRequest({ from: account, to: org })).toMatchObject({ maxLength: 4, first: 3 });
    expect(() => pathsRequest({ from: account, to: account })).toThrow(/the same record/);
    expect(() => pathsRequest({ from: account, to: org, maxLength: 7 })).toThrow(
      /maxLength must be an integer from 1 to 6/,
    );
  });
});
