import { personalDataAccess } from "../../../../domain/personal-data/access-policy";

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe("personalDataAccess", () => {
  it("lets admins see every category", () => {
    expect(sorted(personalDataAccess({ tokenRole: "admin", userRoles: null }))).toEqual([
      "CONTACT",
      "IDENTIFIER",
      "SENSITIVE",
    ]);
  });
  it("lets analysts and integrators see identifiers and contact details, not sensitive values", () => {
    for (const role of ["analyst", "integrator"] as const) {
      expect(sorted(personalDataAccess({ tokenRole: role, userRoles: null }))).toEqual(["CONTACT", "IDENTIFIER"]);
    }
  });
  it("masks everything for viewers and reps", () => {
    expect(personalDataAccess({ tokenRole: "viewer", userRoles: null }).size).toBe(0);
    expect(personalDataAccess({ tokenRole: "rep", userRoles: null }).size).toBe(0);
  });
  it("caps an admin token by its user's roles", () => {
    expect(personalDataAccess({ tokenRole: "admin", userRoles: ["viewer"] }).size).toBe(0);
    expect(sorted(personalDataAccess({ tokenRole: "admin", userRoles: ["analyst", "viewer"] }))).toEqual([
      "CONTACT",
      "IDENTIFIER",
    ]);
  });
  it("opens sensitive values to an analyst token with the pii:sensitive scope", () => {
    expect(
      personalDataAccess({ tokenRole: "analyst", userRoles: null, scopes: ["pii:sensitive"] }).has("SENSITIVE"),
    ).toBe(true);
  });
  it("does not open anything to a viewer with the pii:sensitive scope", () => {
    expect(personalDataAccess({ tokenRole: "viewer", userRoles: null, scopes: ["pii:sensitive"] }).size).toBe(0);
  });
  it("gives an automation actor without token role its owner's categories", () => {
    expect(sorted(personalDataAccess({ tokenRole: null, userRoles: ["integrator"] }))).toEqual([
      "CONTACT",
      "IDENTIFIER",
    ]);
  });
});
