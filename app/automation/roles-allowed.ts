import { RolesAllowed } from "../../domain/automation/action-permissions";
import { rolesFor } from "../../resolvers/auth/role-matrix";

/** The role matrix as the actions side asks it: the roles that may call an operation a playbook action needs. */
export const rolesAllowedByMatrix: RolesAllowed = (operation) => {
  const field = operation.slice("Mutation.".length);
  return rolesFor("Mutation", field);
};
