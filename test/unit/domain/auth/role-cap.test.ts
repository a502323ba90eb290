import { capDenial, effectiveAllows, mayAct } from "../../../../domain/auth/role-cap";

const WRITERS = ["admin", "integrator"] as const;

describe("the role cap (decision 0018)", () => {
  it("allows when the token's role and one of the user's roles allow", () => {
    expect(mayAct("admin", ["viewer", "integrator"], WRITERS)).toBe(true);
  });

  it("refuses when the user's roles do not allow what the token's role would", () => {
    expect(mayAct("admin", ["viewer"], WRITERS)).toBe(false);
    expect(mayAct("admin", [], WRITERS)).toBe(false);
  });

  it("refuses when the token's role does not allow what the user's roles would", () => {
    expect(mayAct("viewer", ["admin"], WRITERS)).toBe(false);
  });

  it("does not cap a token that names no user", () => {
    expect(effectiveAllows(WRITERS, { tokenRole: "integrator", userRoles: null })).toBe(true);
    expect(effectiveAllows(WRITERS, { tokenRole: "analyst", userRoles: null })).toBe(false);
  });

  it("lets the user's roles alone decide when no token is involved (a playbook acting for its owner)", () => {
    expect(mayAct(null, ["integrator"], WRITERS)).toBe(true);
    expect(mayAct(null, ["analyst"], WRITERS)).toBe(false);
    expect(mayAct(null, null, WRITERS)).toBe(false);
  });

  it("names the token's role, the user, their roles and the roles needed", () => {
    expect(capDenial("upsertAccounts", WRITERS, { tokenRole: "admin", userRoles: ["viewer"], user: "lena" })).toBe(
      `Your token's role (admin) is capped by your user: user "lena" has the role viewer, and upsertAccounts ` +
        `needs the admin or integrator role. Ask an admin of your tenant to give the user one of those roles ` +
        `(upsertUsers), or use a token for another user.`,
    );
    expect(capDenial("upsertAccounts", WRITERS, { tokenRole: "admin", userRoles: ["admin"], user: "lena" })).toBeNull();
    expect(capDenial("upsertAccounts", WRITERS, { tokenRole: "admin", userRoles: null, user: "svc" })).toBeNull();
  });
});
