import { ACTION_PERMISSIONS, actionRefusal } from "../../../domain/automation/action-permissions";
import { PLAYBOOK_MODES } from "../../../domain/automation/playbook";
import { rolesAllowedByMatrix } from "../../../app/automation/roles-allowed";
import { ROLE_MATRIX } from "../../../resolvers/auth/role-matrix";

describe("the permission each playbook action needs", () => {
  it("names an operation of the role matrix for every action kind", () => {
    for (const operation of Object.values(ACTION_PERMISSIONS)) expect(ROLE_MATRIX).toHaveProperty([operation]);
    expect(Object.keys(ACTION_PERMISSIONS).sort()).toEqual(
      ["CALL_WEBHOOK", "CREATE_TASK", "FLAG_RECORDS", "OPEN_REVIEW", "RAISE_INTENT_SIGNAL"].sort(),
    );
    expect(PLAYBOOK_MODES).toEqual(["SUGGEST", "AUTO"]);
  });

  it("allows an action when one of the owner's roles may call its operation", () => {
    const owner = { userId: "u-1", roles: ["viewer", "analyst"] };
    expect(actionRefusal({ kind: "CREATE_TASK" }, owner, "u-1", rolesAllowedByMatrix)).toBeNull();
    expect(actionRefusal({ kind: "OPEN_REVIEW" }, owner, "u-1", rolesAllowedByMatrix)).toBeNull();
  });

  it("refuses what the owner's roles do not allow, naming the operation, the roles that may and the owner's", () => {
    const analyst = { userId: "u-1", roles: ["analyst"] };
    const reason = actionRefusal({ kind: "RAISE_INTENT_SIGNAL" }, analyst, "u-1", rolesAllowedByMatrix);
    expect(reason).toContain("Mutation.ingestSignals");
    expect(reason).toContain("admin, integrator");
    expect(reason).toContain("the roles analyst");
    expect(actionRefusal({ kind: "CALL_WEBHOOK" }, analyst, "u-1", rolesAllowedByMatrix)).toContain("registerWebhook");
    expect(actionRefusal({ kind: "FLAG_RECORDS" }, analyst, "u-1", rolesAllowedByMatrix)).not.toBeNull();
  });

  it("refuses everything for a viewer, an owner without roles and a missing owner", () => {
    for (const kind of Object.keys(ACTION_PERMISSIONS) as Array<keyof typeof ACTION_PERMISSIONS>) {
      expect(actionRefusal({ kind }, { userId: "v", roles: ["viewer"] }, "v", rolesAllowedByMatrix)).not.toBeNull();
      expect(actionRefusal({ kind }, { userId: "n", roles: [] }, "n", rolesAllowedByMatrix)).toContain("no roles");
      expect(actionRefusal({ kind }, null, "gone", rolesAllowedByMatrix)).toContain(
        "gone is not a user of this tenant",
      );
    }
  });

  it("lets an integrator owner do every action", () => {
    const integrator = { userId: "i", roles: ["integrator"] };
    for (const kind of Object.keys(ACTION_PERMISSIONS) as Array<keyof typeof ACTION_PERMISSIONS>) {
      expect(actionRefusal({ kind }, integrator, "i", rolesAllowedByMatrix)).toBeNull();
    }
  });
});
