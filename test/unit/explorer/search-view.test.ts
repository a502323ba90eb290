import { accountFilter, distinctIds, fieldsAndSystems, matchByName } from "../../../explorer/src/search/search.logic";
import { EN, format, ZH } from "../../../explorer/src/i18n/messages";
import { formatScore, formatSigned } from "../../../explorer/src/shared/format";

describe("the search page's account filter", () => {
  it("turns the words into a name search and each chosen facet into a one-value list", () => {
    expect(accountFilter({ q: "  acme hea ", industry: "Retail", segment: null, region: "华东" })).toEqual({
      search: "acme hea",
      industry: ["Retail"],
      region: ["华东"],
    });
  });

  it("is empty without words or facets (the whole list)", () => {
    expect(accountFilter({ q: " ", industry: null, segment: null, region: null })).toEqual({});
  });
});

describe("accounts behind a concept's signals", () => {
  it("keeps distinct ids in first-seen order, at most the limit", () => {
    expect(distinctIds(["a", "b", "a", "c", "d"], 3)).toEqual(["a", "b", "c"]);
  });

  it("asks for each mapped field and system once", () => {
    expect(
      fieldsAndSystems([
        { system: "survey", field: "csat" },
        { system: "crm", field: "csat" },
        { system: "survey", field: "nps" },
      ]),
    ).toEqual({ fields: ["csat", "nps"], systems: ["crm", "survey"] });
  });
});

describe("organizations by name", () => {
  it("match when the name contains every word, in any case", () => {
    const orgs = [{ name: "Northwind Logistics" }, { name: "Contoso Services" }];
    expect(matchByName(orgs, "north LOG")).toEqual([{ name: "Northwind Logistics" }]);
    expect(matchByName(orgs, "  ")).toEqual([]);
  });
});

describe("the message catalogue", () => {
  it("has every English message in Chinese, with the same placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(EN) as Array<keyof typeof EN>) {
      expect(ZH[key]).toBeTruthy();
      expect(placeholders(ZH[key])).toEqual(placeholders(EN[key]));
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Tenant {tenant} · {role}", { tenant: "demo", role: "viewer" })).toBe("Tenant demo · viewer");
    expect(format("{missing}")).toBe("{missing}");
  });
});

describe("number formats", () => {
  it("shows scores to one decimal and contributions with their sign", () => {
    expect(formatScore(72.44)).toBe("72.4");
    expect(formatScore(null)).toBe("–");
    expect(formatSigned(-0.05)).toBe("−0.050");
    expect(formatSigned(1)).toBe("+1.000");
  });
});
