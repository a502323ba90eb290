import { closestValues, filterNotices } from "../../../../domain/search/closest-values";

describe("closestValues", () => {
  it("suggests the values a prefix stands for", () => {
    expect(closestValues("APAC", ["EMEA", "APAC-SEA", "APAC-CN", "NA"])).toEqual(["APAC-CN", "APAC-SEA"]);
  });

  it("puts the same value in another case first, then prefixes, then contained text, then misspellings", () => {
    expect(closestValues("health", ["HEALTHCARE", "Health", "eHealth", "Wealth", "FINANCE"])).toEqual([
      "Health",
      "HEALTHCARE",
      "eHealth",
      "Wealth",
    ]);
  });

  it("suggests nothing that is not close, and nothing for blank text", () => {
    expect(closestValues("retail", ["FINANCE", "AUTOMOTIVE"])).toEqual([]);
    expect(closestValues("  ", ["FINANCE"])).toEqual([]);
  });

  it("suggests at most five values", () => {
    expect(closestValues("a", ["a1", "a2", "a3", "a4", "a5", "a6"])).toHaveLength(5);
  });
});

describe("filterNotices", () => {
  it("names the filter, the value and the closest valid values for each value nobody has", () => {
    const notices = filterNotices(
      [
        { filter: "filter.region", values: ["APAC", "EMEA"] },
        { filter: "filter.industry", values: null },
      ],
      { "filter.region": ["APAC-CN", "APAC-SEA", "EMEA"] },
    );
    expect(notices).toEqual([
      {
        filter: "filter.region",
        value: "APAC",
        closest: ["APAC-CN", "APAC-SEA"],
        message: 'filter.region: no record has "APAC"; did you mean "APAC-CN" or "APAC-SEA"? Values match exactly.',
      },
    ]);
  });

  it("points to the facets when nothing is close", () => {
    const [notice] = filterNotices([{ filter: "filter.fields", values: ["zzz"] }], { "filter.fields": ["csat_score"] });
    expect(notice?.closest).toEqual([]);
    expect(notice?.message).toContain("the facets query lists the valid values");
  });
});
