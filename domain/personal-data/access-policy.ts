import { Actor, effectiveAllows } from "../auth/role-cap";
import { UserRole } from "../records";
import { PERSONAL_CATEGORIES, PersonalCategory } from "./catalogue";

/**
 * Who sees which personal data in clear (issue 15, decision 0028). Everyone else gets it masked by the
 * catalogue's rule. The one table; docs/personal-data.md and docs/security.md print it.
 *
 * - admins see everything;
 * - analysts and integrators see names and contact details (analysts explore people, integrators sync
 *   what they write back out), not SENSITIVE values (birth dates, national and tax ids);
 * - viewers and reps see every personal value masked.
 *
 * A token with the `pii:sensitive` scope also sees SENSITIVE values when its role sees CONTACT values.
 */
export const PERSONAL_DATA_ROLES: Readonly<Record<PersonalCategory, readonly UserRole[]>> = {
  IDENTIFIER: ["admin", "analyst", "integrator"],
  CONTACT: ["admin", "analyst", "integrator"],
  SENSITIVE: ["admin"],
};

/** The token scope that opens SENSITIVE values to a role that sees CONTACT values. */
export const SENSITIVE_SCOPE = "pii:sensitive";

/** The categories a reader sees in clear. An empty set: every personal value masked. */
export type PersonalDataAccess = ReadonlySet<PersonalCategory>;

/** Who reads: an actor (token role capped by the user's roles, decision 0018) and the token's scopes. */
export interface PersonalDataReader extends Actor {
  scopes?: readonly string[] | null;
}

/** Everything in clear: for the server's own work that hands nothing out (matching, scoring). */
export const FULL_ACCESS: PersonalDataAccess = new Set(PERSONAL_CATEGORIES);
/** Everything masked. */
export const NO_ACCESS: PersonalDataAccess = new Set();

/** The categories a reader may see in clear, by the table above, the role cap and the scopes. */
export function personalDataAccess(reader: PersonalDataReader): PersonalDataAccess {
  const visible = new Set<PersonalCategory>(
    PERSONAL_CATEGORIES.filter((category) => effectiveAllows(PERSONAL_DATA_ROLES[category], reader)),
  );
  if (visible.has("CONTACT") && (reader.scopes ?? []).includes(SENSITIVE_SCOPE)) visible.add("SENSITIVE");
  return visible;
}

/** Whether a reader with `access` sees values of `category` in clear. */
export function sees(access: PersonalDataAccess, category: PersonalCategory): boolean {
  return access.has(category);
}
