import DataLoader from "dataloader";
import { Team, User } from "../domain/model";
import { PeopleRepository } from "../graph/people/people.repository";
import { LoaderOptions } from "./child-page.loader";

/** A team's members as asked for: the team and how many (the first, by name). */
export interface TeamMembersRequest {
  teamId: string;
  first: number;
}

export interface PeopleLoaders {
  /** Users by external id (a token subject, an account's owner, a manager); null where there is none. */
  userByExternalId: DataLoader<string, User | null>;
  teamById: DataLoader<string, Team | null>;
  teamMembers: DataLoader<TeamMembersRequest, User[], string>;
}

/** One query per batch each; the members of all the teams of one tick with one limit go to one query. */
export function createPeopleLoaders(people: PeopleRepository, options: LoaderOptions): PeopleLoaders {
  const batchOptions = { batch: options.batch, maxBatchSize: 1000 };
  return {
    userByExternalId: new DataLoader((ids) => people.usersByExternalIds(ids), batchOptions),
    teamById: new DataLoader((ids) => people.teamsByIds(ids), batchOptions),
    teamMembers: new DataLoader(
      async (requests) => {
        // Requests with different limits are rare (one selection per query); group them by limit.
        const byLimit = new Map<number, number[]>();
        requests.forEach((r, i) => byLimit.set(r.first, [...(byLimit.get(r.first) ?? []), i]));
        const out: User[][] = requests.map(() => []);
        await Promise.all(
          [...byLimit].map(async ([first, indexes]) => {
            const members = await people.membersOfTeams(
              indexes.map((i) => (requests[i] as TeamMembersRequest).teamId),
              first,
            );
            indexes.forEach((requestIndex, j) => (out[requestIndex] = members[j] ?? []));
          }),
        );
        return out;
      },
      { ...batchOptions, cacheKeyFn: (r) => `${r.teamId}|${r.first}` },
    ),
  };
}
