import {
  blockingKeysOf,
  candidatePairs,
  NULL_LEVEL,
  PreparedIdentities,
  withinOneEdit,
} from "../../../domain/identity/compare-identities";
import { defaultIdentityModel, IdentityModelSpec } from "../../../domain/identity/identity-model";
import { NormalisedIdentity } from "../../../domain/identity/normalise-identity";
import { person } from "./identities.fixture";

/** The level name of comparison `name` for a pair of identities under the default person model. */
function levelOf(name: string, a: NormalisedIdentity, b: NormalisedIdentity, model?: IdentityModelSpec): string {
  const spec = model ?? defaultIdentityModel("PERSON");
  const prepared = new PreparedIdentities([a, b], spec);
  const c = spec.comparisons.findIndex((x) => x.name === name);
  const level = prepared.columns[c].level(0, 1);
  if (level === NULL_LEVEL) return "no value";
  const l = spec.comparisons[c].levels[level];
  return "atLeast" in l ? `${l.kind} ${l.atLeast}` : "atMost" in l ? `${l.kind} ${l.atMost}` : l.kind;
}

describe("comparison levels", () => {
  it("grades names: exact, swapped, one edit, Jaro–Winkler bands, else", () => {
    const base = person("a", { givenName: "Katharina", familyName: "Schneider" });
    expect(levelOf("givenName", base, person("b", { givenName: "katharina" }))).toBe("exact");
    expect(levelOf("givenName", base, person("b", { givenName: "Schneider", familyName: "Katharina" }))).toBe(
      "swapped",
    );
    expect(levelOf("givenName", base, person("b", { givenName: "Katharian" }))).toBe("editDistance 1");
    expect(levelOf("givenName", base, person("b", { givenName: "Katharinna" }))).toBe("editDistance 1");
    expect(levelOf("givenName", base, person("b", { givenName: "Katarinna" }))).toBe("jaroWinkler 0.92");
    expect(levelOf("givenName", base, person("b", { givenName: "Kathy" }))).toBe("jaroWinkler 0.8");
    expect(levelOf("givenName", base, person("b", { givenName: "Wolfgang" }))).toBe("else");
    expect(levelOf("givenName", base, person("b", { familyName: "Schneider" }))).toBe("no value");
  });

  it("grades dates: exact, a typo or transposed digits, day and month swapped, within a month or a year", () => {
    const base = person("a", { dateOfBirth: "1980-05-12" });
    const date = (d: string): string => levelOf("dateOfBirth", base, person("b", { dateOfBirth: d }));
    expect(date("1980-05-12")).toBe("exact");
    expect(date("1980-05-21")).toBe("editDistance 1");
    expect(date("1908-05-12")).toBe("editDistance 1");
    expect(date("1980-12-05")).toBe("dayMonthSwapped");
    expect(date("1980-06-02")).toBe("withinDays");
    expect(date("1981-01-02")).toBe("withinDays");
    expect(date("1990-07-30")).toBe("else");
  });

  it("grades street and house number together, and postcode with locality", () => {
    const base = person("a", { address: { lines: ["12 King Street"], postcode: "2000", locality: "Sydney" } });
    const at = (line: string, postcode: string, locality: string) =>
      person("b", { address: { lines: [line], postcode, locality } });
    expect(levelOf("address", base, at("12 King St", "2000", "Sydney"))).toBe("exact");
    expect(levelOf("address", base, at("12 Kign St", "2000", "Sydney"))).toBe("jaroWinkler 0.88");
    expect(levelOf("address", base, at("14 King St", "2000", "Sydney"))).toBe("exact");
    expect(levelOf("place", base, at("x", "2000", "Sydney"))).toBe("exact");
    expect(levelOf("place", base, at("x", "2001", "Sydney"))).toBe("otherField 0.9");
    expect(levelOf("place", base, at("x", "2001", "Parramatta"))).toBe("editDistance 1");
    expect(levelOf("place", base, at("x", "4810", "Melbourne"))).toBe("else");
  });

  it("withinOneEdit accepts one insertion, deletion, substitution or adjacent transposition only", () => {
    expect(withinOneEdit("martha", "marhta")).toBe(true);
    expect(withinOneEdit("martha", "marta")).toBe(true);
    expect(withinOneEdit("martha", "marthas")).toBe(true);
    expect(withinOneEdit("martha", "mbrtha")).toBe(true);
    expect(withinOneEdit("martha", "mrathx")).toBe(false);
    expect(withinOneEdit("ab", "ba")).toBe(true);
    expect(withinOneEdit("abc", "cba")).toBe(false);
  });
});

describe("blocking", () => {
  it("derives keys per rule and none when a part is missing", () => {
    const model = defaultIdentityModel("PERSON");
    const rule = model.blockingRules.find((r) => r.name === "family name and given-name initial")!;
    expect(blockingKeysOf(person("a", { givenName: "Anna", familyName: "Koch" }), rule)).toEqual(["koch\u0001a"]);
    expect(blockingKeysOf(person("a", { familyName: "Koch" }), rule)).toEqual([]);
    const swapped = model.blockingRules.find((r) => r.name === "swapped names")!;
    expect(blockingKeysOf(person("a", { givenName: "Anna", familyName: "Koch" }), swapped)).toEqual(
      blockingKeysOf(person("b", { givenName: "Koch", familyName: "Anna" }), swapped),
    );
  });

  it("compares only pairs some rule selects, each once, with the rules that found it", () => {
    const records = [
      person("a", { givenName: "Anna", familyName: "Koch", dateOfBirth: "1980-05-12" }),
      person("b", { givenName: "Anna", familyName: "Koch", dateOfBirth: "1980-05-12" }),
      person("c", { givenName: "Ben", familyName: "Wolf", dateOfBirth: "1970-01-01" }),
    ];
    const { pairs, rules } = candidatePairs(new PreparedIdentities(records, defaultIdentityModel("PERSON")));
    expect(Array.from(pairs)).toEqual([0 * 3 + 1]);
    // Given+family initial, given+dob, family+dob, swapped names, family sound+year: five rules found it.
    expect(popcount(rules[0])).toBe(5);
  });
});

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v >>>= 1) n += v & 1;
  return n;
}
