import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import { listFilter } from "../../domain/filters/filter-values";
import { FilterError } from "../../domain/filters/filter.errors";
import { assertNodeId } from "../../domain/ids/node-id";
import { personSearch } from "../../domain/personal-data/person-search";
import { USER_ROLES, UserRole } from "../../domain/records";
import { Account } from "../account/account.type";
import { toConnection } from "../common/connection";
import { PageArgs } from "../common/page-args";
import { pageRequest } from "../common/page-request";
import { selectsField } from "../common/selection";
import { RequestContext } from "../context";
import { TeamConnection, UserConnection } from "./people-connections.type";
import { TeamFilter, UserFilter } from "./people-filters.input";
import { Team } from "./team.type";
import { User } from "./user.type";

/** The most members `Team.members` returns. */
export const MAX_TEAM_MEMBERS = 500;

function roleFilter(roles: string[] | null | undefined): readonly UserRole[] | null {
  const values = listFilter(roles);
  if (values === null) return null;
  for (const [i, role] of values.entries()) {
    if (!(USER_ROLES as readonly string[]).includes(role)) {
      throw new FilterError(
        `filter.roles[${i}] must be one of ${USER_ROLES.join(", ")}; received "${String(role).slice(0, 40)}".`,
      );
    }
  }
  return values as readonly UserRole[];
}

/** The tenant's users and teams: lists, lookups by external id. Open to every role, like the other records. */
@Resolver()
export class PeopleResolver {
  @Query(() => UserConnection, { description: "Your tenant's users, by name, filtered and paged." })
  async users(
    @Arg("filter", () => UserFilter, { nullable: true }) filter: UserFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const people = ctx.repositories.people;
    const values = {
      teamIds: filter?.teamIds?.map((id, i) => assertNodeId("Team", id, `filter.teamIds[${i}]`)) ?? null,
      roles: roleFilter(filter?.roles),
      seniorities: listFilter(filter?.seniorities),
      sourceSystems: listFilter(filter?.sourceSystems),
      search: personSearch(filter?.search, ctx.personalData.access),
    };
    const request = pageRequest(ctx, "users", page);
    const [result, total] = await Promise.all([
      people.users({ filter: values, first: request.first, after: request.after }),
      selectsField(info, "totalCount") ? people.countUsers(values) : Promise.resolve(null),
    ]);
    return { ...toConnection({ ...result, totalCount: total }, request.scope, ctx.paging.cursorSecret), notices: [] };
  }

  @Query(() => TeamConnection, { description: "Your tenant's teams, by name, paged." })
  async teams(
    @Arg("filter", () => TeamFilter, { nullable: true }) filter: TeamFilter | null,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RequestContext,
  ) {
    const people = ctx.repositories.people;
    const values = { sourceSystems: listFilter(filter?.sourceSystems) };
    const request = pageRequest(ctx, "teams", page);
    const [result, total] = await Promise.all([
      people.teams({ filter: values, first: request.first, after: request.after }),
      selectsField(info, "totalCount") ? people.countTeams(values) : Promise.resolve(null),
    ]);
    return { ...toConnection({ ...result, totalCount: total }, request.scope, ctx.paging.cursorSecret), notices: [] };
  }

  @Query(() => User, {
    nullable: true,
    description: "A user by external id (their token sub; unique across source systems). Null when there is none.",
  })
  user(@Arg("externalId") externalId: string, @Ctx() ctx: RequestContext) {
    return ctx.loaders.people.userByExternalId.load(externalId);
  }
}

@Resolver(() => User)
export class UserLinksResolver {
  @FieldResolver(() => Team, { nullable: true, description: "The user's team." })
  team(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.teamId === null ? null : ctx.loaders.people.teamById.load(user.teamId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: "The user's manager; null also while the manager named has not been upserted.",
  })
  manager(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.managerExternalId === null ? null : ctx.loaders.people.userByExternalId.load(user.managerExternalId);
  }
}

@Resolver(() => Team)
export class TeamMembersResolver {
  @FieldResolver(() => [User], {
    description: `The team's members by name, the first \`first\` (at most ${MAX_TEAM_MEMBERS}).`,
  })
  members(
    @Root() team: Team,
    @Arg("first", () => Int, { defaultValue: 100 }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    if (!Number.isInteger(first) || first < 0 || first > MAX_TEAM_MEMBERS) {
      throw new FilterError(`members(first:) must be between 0 and ${MAX_TEAM_MEMBERS}; received ${first}.`);
    }
    return ctx.loaders.people.teamMembers.load({ teamId: team.id, first });
  }
}

@Resolver(() => Account)
export class AccountOwnerUserResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: "The user who owns the account; null also while the owner named has not been upserted.",
  })
  owner(@Root() account: Account, @Ctx() ctx: RequestContext) {
    const owner = account.ownerExternalId ?? null;
    return owner === null ? null : ctx.loaders.people.userByExternalId.load(owner);
  }
}

export const PeopleResolvers = [
  PeopleResolver,
  UserLinksResolver,
  TeamMembersResolver,
  AccountOwnerUserResolver,
] as const;
