import { CypherExecutor, CypherQuery } from "../executor";
import { UserRole } from "../../domain/records";

const USER_BY_SUBJECT: CypherQuery = {
  name: "user.bySubject",
  text: `
MATCH (u:User {tenant: $tenant, externalId: $externalId})
RETURN u.id AS id, coalesce(u.roles, []) AS roles`,
};

/** The user a token's subject names, with their roles. */
export interface SubjectUser {
  id: string;
  roles: UserRole[];
}

/**
 * Reads the user a token's `sub` names, for the process-wide role cache. Runs on its own executor, outside
 * any request's statement count (like the revocation list); the tenant is the token's, given per call.
 */
export class UserRolesReader {
  constructor(private readonly executor: CypherExecutor) {}

  /** The live user of `tenant` whose external id is `externalId`, or null (none, or deleted). */
  async userOf(tenant: string, externalId: string): Promise<SubjectUser | null> {
    const rows = await this.executor.read(USER_BY_SUBJECT, { tenant, externalId });
    const row = rows[0];
    if (row === undefined) return null;
    return { id: String(row.id), roles: (row.roles as unknown[]).map(String) as UserRole[] };
  }
}
