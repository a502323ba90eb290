import neo4j from "neo4j-driver";
import { Page, Team, User } from "../../domain/model";
import { Seniority, UserRole } from "../../domain/records";
import { PersonSearch, personSearchParams } from "../../domain/personal-data/person-search";
import { keyedNodeProjection } from "../common/node-projection";
import { personSearchClause } from "../common/person-search.clause";
import { recordListQueries } from "../common/record-list.query";
import { RecordListReader, RecordPageRequest } from "../common/record-list.reader";
import { optionalText, provenance, text } from "../common/row-mapping";
import { CypherExecutor, CypherQuery } from "../executor";

type Values<T> = readonly T[] | null;

export interface UserFilterValues {
  teamIds: Values<string>;
  /** Users holding any of these roles. */
  roles: Values<UserRole>;
  seniorities: Values<Seniority>;
  sourceSystems: Values<string>;
  /** Text the name or e-mail contains (or equals, for a reader who sees them masked), any case. */
  search: PersonSearch | null;
}

export interface TeamFilterValues {
  sourceSystems: Values<string>;
}

export function toUser(row: Record<string, unknown>): User {
  return {
    ...provenance(row),
    name: text(row, "name"),
    email: optionalText(row, "email"),
    roles: Array.isArray(row.roles) ? (row.roles.map(String) as UserRole[]) : [],
    seniority: optionalText(row, "seniority") as Seniority | null,
    teamId: optionalText(row, "teamId"),
    managerExternalId: optionalText(row, "managerExternalId"),
  };
}

export function toTeam(row: Record<string, unknown>): Team {
  return { ...provenance(row), name: text(row, "name") };
}

const IN = (param: string, expression: string) => `($${param} IS NULL OR ${expression} IN $${param})`;

const USERS = recordListQueries({
  name: "user.list",
  label: "User",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: keyedNodeProjection("n"),
  filter: [
    IN("teamIds", "n.teamId"),
    "($roles IS NULL OR any(role IN coalesce(n.roles, []) WHERE role IN $roles))",
    IN("seniorities", "n.seniority"),
    IN("sourceSystems", "n.sourceSystem"),
    personSearchClause("n"),
  ].join(" AND "),
});

const TEAMS = recordListQueries({
  name: "team.list",
  label: "Team",
  sortKeys: ["n.name", "n.id"],
  direction: "ASC",
  projection: keyedNodeProjection("n"),
  filter: IN("sourceSystems", "n.sourceSystem"),
});

const USERS_BY_EXTERNAL_IDS: CypherQuery = {
  name: "user.byExternalIds",
  text: `
UNWIND range(0, size($externalIds) - 1) AS i
MATCH (n:User {tenant: $tenant, externalId: $externalIds[i]})
RETURN i AS index, ${keyedNodeProjection("n")} AS node`,
};

const TEAMS_BY_IDS: CypherQuery = {
  name: "team.byIds",
  text: `
UNWIND range(0, size($ids) - 1) AS i
MATCH (n:Team {tenant: $tenant, id: $ids[i]})
RETURN i AS index, ${keyedNodeProjection("n")} AS node`,
};

/** The first `$limit` members of each team, by name: one statement for all the teams of a page. */
const MEMBERS_OF_TEAMS: CypherQuery = {
  name: "team.members",
  text: `
UNWIND range(0, size($teamIds) - 1) AS i
CALL (i) {
  MATCH (n:User {tenant: $tenant, teamId: $teamIds[i]})
  WITH n ORDER BY n.name, n.id
  LIMIT $limit
  RETURN collect(${keyedNodeProjection("n")}) AS members
}
RETURN i AS index, members`,
};

function aligned<T>(
  length: number,
  rows: ReadonlyArray<Record<string, unknown>>,
  map: (row: Record<string, unknown>) => T,
) {
  const out: Array<T | null> = Array.from({ length }, () => null);
  for (const row of rows) out[Number(row.index)] = map(row);
  return out;
}

/** Users and teams of one tenant: lists, lookups and team members. */
export class PeopleRepository {
  private readonly reader: RecordListReader;

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {
    this.reader = new RecordListReader(executor, tenant);
  }

  users(request: RecordPageRequest<UserFilterValues>): Promise<Page<User>> {
    return this.reader.page(USERS, userParams(request.filter), request, toUser);
  }

  countUsers(filter: UserFilterValues): Promise<number> {
    return this.reader.count(USERS, userParams(filter));
  }

  teams(request: RecordPageRequest<TeamFilterValues>): Promise<Page<Team>> {
    return this.reader.page(TEAMS, teamParams(request.filter), request, toTeam);
  }

  countTeams(filter: TeamFilterValues): Promise<number> {
    return this.reader.count(TEAMS, teamParams(filter));
  }

  /** Live users by external id, aligned with the ids; null where the tenant has none. */
  async usersByExternalIds(externalIds: readonly string[]): Promise<Array<User | null>> {
    const rows = await this.executor.read(USERS_BY_EXTERNAL_IDS, {
      tenant: this.tenant,
      externalIds: [...externalIds],
    });
    return aligned(externalIds.length, rows, (row) => toUser(row.node as Record<string, unknown>));
  }

  async teamsByIds(ids: readonly string[]): Promise<Array<Team | null>> {
    const rows = await this.executor.read(TEAMS_BY_IDS, { tenant: this.tenant, ids: [...ids] });
    return aligned(ids.length, rows, (row) => toTeam(row.node as Record<string, unknown>));
  }

  /** The first `limit` members of each team, by name, aligned with the ids. */
  async membersOfTeams(teamIds: readonly string[], limit: number): Promise<User[][]> {
    const rows = await this.executor.read(MEMBERS_OF_TEAMS, {
      tenant: this.tenant,
      teamIds: [...teamIds],
      limit: neo4j.int(limit),
    });
    return aligned(teamIds.length, rows, (row) => (row.members as Array<Record<string, unknown>>).map(toUser)).map(
      (members) => members ?? [],
    );
  }
}

function userParams(filter: UserFilterValues): Record<string, unknown> {
  const copy = (values: Values<string>) => (values === null ? null : [...values]);
  return {
    teamIds: copy(filter.teamIds),
    roles: copy(filter.roles),
    seniorities: copy(filter.seniorities),
    sourceSystems: copy(filter.sourceSystems),
    ...personSearchParams(filter.search),
  };
}

function teamParams(filter: TeamFilterValues): Record<string, unknown> {
  return { sourceSystems: filter.sourceSystems === null ? null : [...filter.sourceSystems] };
}
