import { FULL_ACCESS, NO_ACCESS } from "../../../../domain/personal-data/access-policy";
import { personSearch, personSearchParams } from "../../../../domain/personal-data/person-search";

describe("personSearch", () => {
  it("lets a reader who sees names and emails match any part of them", () => {
    expect(personSearch("  Zoe@Ex ", FULL_ACCESS)).toEqual({ text: "zoe@ex", name: "CONTAINS", email: "CONTAINS" });
  });

  it("lets a reader who sees them masked match only a whole value", () => {
    expect(personSearch("zoe@example.com", NO_ACCESS)).toEqual({
      text: "zoe@example.com",
      name: "EXACT",
      email: "EXACT",
    });
  });

  it("decides per category: names and emails separately", () => {
    expect(personSearch("x", new Set(["IDENTIFIER"] as const))).toMatchObject({ name: "CONTAINS", email: "EXACT" });
  });

  it("is no search for an empty or blank term", () => {
    expect(personSearch("   ", NO_ACCESS)).toBeNull();
    expect(personSearch(null, NO_ACCESS)).toBeNull();
    expect(personSearchParams(null)).toEqual({ search: null, searchName: "EXACT", searchEmail: "EXACT" });
  });
});
