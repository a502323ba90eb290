import neo4j, { Node, Path, PathSegment, Relationship } from "neo4j-driver";

import { toConsoleJson, toCypherParameter, toDisplayText } from "../../../../graph/console/console-values";

const acme = new Node(neo4j.int(1), ["Account"], { name: "Acme", revenue: neo4j.int(5) }, "4:x:1");
const bob = new Node(neo4j.int(2), ["Contact", "Person"], { "full name": "Bob" }, "4:x:2");
const worksAt = new Relationship(
  neo4j.int(7),
  neo4j.int(2),
  neo4j.int(1),
  "WORKS_AT",
  { since: 2020 },
  "5:x:7",
  "4:x:2",
  "4:x:1",
);

describe("console values as JSON (issue 19)", () => {
  it("keeps a node's element id and labels beside its properties", () => {
    expect(toConsoleJson(acme)).toEqual({
      elementId: "4:x:1",
      labels: ["Account"],
      properties: { name: "Acme", revenue: 5 },
    });
  });

  it("keeps a relationship's type and ends, and a path's nodes and relationships in order", () => {
    const path = new Path(bob, acme, [new PathSegment(bob, worksAt, acme)]);
    expect(toConsoleJson(path)).toEqual({
      nodes: [toConsoleJson(bob), toConsoleJson(acme)],
      relationships: [
        {
          elementId: "5:x:7",
          type: "WORKS_AT",
          startNodeElementId: "4:x:2",
          endNodeElementId: "4:x:1",
          properties: { since: 2020 },
        },
      ],
    });
  });

  it("writes integers beyond 2^53 as strings instead of losing digits", () => {
    expect(toConsoleJson(neo4j.int("9007199254740993"))).toBe("9007199254740993");
    expect(toConsoleJson([neo4j.int(3), null, Number.NaN])).toEqual([3, null, "NaN"]);
  });

  it("writes temporal values as Neo4j's ISO text", () => {
    expect(toConsoleJson(new neo4j.types.Date(2026, 12, 1))).toBe("2026-12-01");
  });
});

describe("console values in a table (issue 19)", () => {
  it("uses Cypher notation: quoted strings, (:Label {…}), [:TYPE {…}], lists and maps", () => {
    expect(toDisplayText("Acme")).toBe('"Acme"');
    expect(toDisplayText(acme)).toBe('(:Account {name: "Acme", revenue: 5})');
    expect(toDisplayText(bob)).toBe('(:Contact:Person {`full name`: "Bob"})');
    expect(toDisplayText(worksAt)).toBe("[:WORKS_AT {since: 2020}]");
    expect(toDisplayText([1, "a", { b: null }])).toBe('[1, "a", {b: null}]');
  });

  it("draws a path with the direction of each relationship", () => {
    expect(toDisplayText(new Path(acme, bob, [new PathSegment(acme, worksAt, bob)]))).toBe(
      '(:Account {name: "Acme", revenue: 5})<-[:WORKS_AT {since: 2020}]-(:Contact:Person {`full name`: "Bob"})',
    );
  });
});

describe("console parameters (issue 19)", () => {
  it("sends whole numbers as Cypher integers, also inside lists and maps, and leaves the rest", () => {
    const converted = toCypherParameter({ limit: 10, ratio: 0.5, ids: [1, 2], name: "x" }) as Record<string, unknown>;
    expect(neo4j.isInt(converted.limit)).toBe(true);
    expect(converted.ratio).toBe(0.5);
    expect((converted.ids as unknown[]).every((id) => neo4j.isInt(id))).toBe(true);
    expect(converted.name).toBe("x");
  });
});
