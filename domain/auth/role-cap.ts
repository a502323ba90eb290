import { UserRole } from "../records";

/**
 * Who acts, as far as rights go: the role of the token (null when no token is involved, e.g. a playbook
 * acting for its owner) and the roles of the user the token names (null when it names no user: a service
 * token, or a legacy `admin@tenant` subject, is not capped).
 */
export interface Actor {
  tokenRole: UserRole | null;
  userRoles: readonly UserRole[] | null;
}

/**
 * Whether an actor may do something open to the roles `allowed` (a role-matrix entry, or the permission an
 * automation action declares): the token's role must be allowed, and at least one of the user's roles
 * (decision 0018). With no token, the user's roles alone decide ("a playbook acts with its owner's
 * permissions"); with no user, the token's role alone. An actor with neither may do nothing.
 */
export function effectiveAllows(allowed: readonly UserRole[], actor: Actor): boolean {
  if (actor.tokenRole === null && actor.userRoles === null) return false;
  const tokenAllows = actor.tokenRole === null || allowed.includes(actor.tokenRole);
  const userAllows = actor.userRoles === null || actor.userRoles.some((role) => allowed.includes(role));
  return tokenAllows && userAllows;
}

/** {@link effectiveAllows} with positional arguments: `mayAct("admin", ["viewer"], ["admin", "integrator"])`. */
export function mayAct(
  tokenRole: UserRole | null,
  userRoles: readonly UserRole[] | null,
  allowed: readonly UserRole[],
): boolean {
  return effectiveAllows(allowed, { tokenRole, userRoles });
}

function either(roles: readonly string[]): string {
  if (roles.length <= 1) return roles.join("");
  return `${roles.slice(0, -1).join(", ")} or ${roles[roles.length - 1]}`;
}

/**
 * Why the user's roles refuse what the token's role would allow, naming both, or null when they do not
 * refuse it. `what` names the operation, e.g. "upsertAccounts".
 */
export function capDenial(what: string, allowed: readonly UserRole[], actor: Actor & { user: string }): string | null {
  if (actor.userRoles === null || actor.userRoles.some((role) => allowed.includes(role))) return null;
  const held =
    actor.userRoles.length === 0
      ? "no roles"
      : `the role${actor.userRoles.length === 1 ? "" : "s"} ${actor.userRoles.join(", ")}`;
  const token = actor.tokenRole === null ? "" : `Your token's role (${actor.tokenRole}) is capped by your user: `;
  return (
    `${token}user "${actor.user}" has ${held}, and ${what} needs the ${either(allowed)} role. ` +
    `Ask an admin of your tenant to give the user one of those roles (upsertUsers), or use a token for another user.`
  );
}
