import {
  ALL_PROPERTIES,
  propertiesFor,
  someProperties,
  unionOf,
} from "../../../../domain/selection/property-selection";
import { selectedNodeProjection } from "../../../../graph/common/node-projection";

const NEEDS = { id: ["id"], name: ["name"], owner: ["ownerKey"], health: [] } as const;
const NODE = { allowed: ["id", "name", "ownerKey", "seenAt"], instants: ["seenAt"] } as const;

describe("propertiesFor", () => {
  it("adds what each field needs to the properties always read, sorted, with a stable key", () => {
    expect(propertiesFor(["owner", "name", "health"], NEEDS, ["id"])).toEqual({
      properties: ["id", "name", "ownerKey"],
      key: "id,name,ownerKey",
    });
  });

  it("reads every property for a field it does not know", () => {
    expect(propertiesFor(["name", "somethingNew"], NEEDS, ["id"])).toBe(ALL_PROPERTIES);
  });

  it("does not take inherited object keys for fields", () => {
    expect(propertiesFor(["constructor"], NEEDS, ["id"])).toBe(ALL_PROPERTIES);
  });
});

describe("unionOf", () => {
  it("serves every selection of a batch", () => {
    expect(unionOf([someProperties(["id", "name"]), someProperties(["ownerKey", "id"])]).properties).toEqual([
      "id",
      "name",
      "ownerKey",
    ]);
  });

  it("is every property when one selection is, or one is unknown, or there is none", () => {
    expect(unionOf([someProperties(["id"]), ALL_PROPERTIES])).toBe(ALL_PROPERTIES);
    expect(unionOf([someProperties(["id"]), undefined])).toBe(ALL_PROPERTIES);
    expect(unionOf([])).toBe(ALL_PROPERTIES);
  });
});

describe("selectedNodeProjection", () => {
  it("projects the selected properties, instants as epoch milliseconds, then the extra entries", () => {
    expect(selectedNodeProjection("n", someProperties(["seenAt", "id"]), NODE, "accountId: parent.id")).toBe(
      "n {.id, seenAt: n.seenAt.epochMillis, accountId: parent.id}",
    );
  });

  it("projects every property with every instant when nothing narrower is selected", () => {
    expect(selectedNodeProjection("n", ALL_PROPERTIES, NODE)).toBe("n {.*, seenAt: n.seenAt.epochMillis}");
  });

  it("refuses a property outside the allow-list, so no request text reaches Cypher", () => {
    expect(() => selectedNodeProjection("n", someProperties(["name}) RETURN 1 //"]), NODE)).toThrow(/allow-list/);
    expect(() => selectedNodeProjection("n", someProperties(["tenant"]), NODE)).toThrow(/allow-list/);
  });

  it("reads a value through a relationship only when it is selected, and with every property (decision 0040)", () => {
    const LINKED = {
      ...NODE,
      allowed: [...NODE.allowed, "accountId"],
      derived: { accountId: "head([(n)-->(a) | a.id])" },
    };
    expect(selectedNodeProjection("n", someProperties(["id", "name"]), LINKED)).toBe("n {.id, .name}");
    expect(selectedNodeProjection("n", someProperties(["accountId", "id"]), LINKED)).toBe(
      "n {accountId: head([(n)-->(a) | a.id]), .id}",
    );
    expect(selectedNodeProjection("n", ALL_PROPERTIES, LINKED)).toBe(
      "n {.*, seenAt: n.seenAt.epochMillis, accountId: head([(n)-->(a) | a.id])}",
    );
  });
});
