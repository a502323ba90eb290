import { assignResolved, MemberState } from "./assign-resolved";
import { pairKey } from "./identity-ids";
import { LinkFieldEvidence, DecidedBy } from "./stored-identity";

/** What the matcher found, in the shape the plan needs. */
export interface FoundLinks {
  clusters: ReadonlyArray<readonly string[]>;
  links: ReadonlyArray<{
    a: string;
    b: string;
    fields: LinkFieldEvidence[];
    totalWeight: number | null;
    probability: number | null;
    decidedBy: DecidedBy;
    rule: string | null;
  }>;
  review: ReadonlyArray<{
    a: string;
    b: string;
    fields: LinkFieldEvidence[];
    totalWeight: number | null;
    probability: number;
  }>;
}

/** One transaction's worth of a resolution: a slice of clusters with their links and review pairs. */
export interface PlanChunk {
  newPeople: string[];
  newOrganizations: string[];
  /** Memberships that change (an identity already in its cluster's resolved customer is left alone). */
  members: Array<{ identityId: string; resolvedId: string }>;
  links: FoundLinks["links"][number][];
  review: Array<FoundLinks["review"][number] & { pairKey: string }>;
  clusters: number;
}

/**
 * Turns the matcher's clusters into the writes that make them true, in chunks of about `chunkClusters`
 * clusters, in a stable order (by each cluster's smallest id) so a resumed run can skip the chunks it wrote.
 * Every record of `states` ends in a cluster: records the matcher left out are singletons. Links and review
 * pairs go with the chunk of their first identity. Pure (apart from `newId`).
 */
export function planResolution(
  found: FoundLinks,
  states: ReadonlyMap<string, MemberState>,
  entity: "PERSON" | "ORGANIZATION",
  newId: () => string,
  chunkClusters: number,
): PlanChunk[] {
  const seen = new Set<string>();
  const clusters: string[][] = [];
  for (const cluster of found.clusters) {
    const members = [...new Set(cluster)].filter((id) => states.has(id) && !seen.has(id));
    members.forEach((id) => seen.add(id));
    if (members.length > 0) clusters.push(members.sort());
  }
  for (const id of [...states.keys()].sort()) if (!seen.has(id)) clusters.push([id]);
  clusters.sort((x, y) => x[0]!.localeCompare(y[0]!));
  const assignments = assignResolved(clusters, states, entity, newId);
  const chunkOf = new Map<string, number>();
  const chunks: PlanChunk[] = [];
  assignments.forEach((assignment, i) => {
    const c = Math.floor(i / Math.max(1, chunkClusters));
    const chunk = (chunks[c] ??= {
      newPeople: [],
      newOrganizations: [],
      members: [],
      links: [],
      review: [],
      clusters: 0,
    });
    chunk.clusters += 1;
    if (assignment.isNew) {
      (assignment.kind === "PERSON" ? chunk.newPeople : chunk.newOrganizations).push(assignment.resolvedId);
    }
    for (const identityId of assignment.members) {
      chunkOf.set(identityId, c);
      if (states.get(identityId)?.resolvedId !== assignment.resolvedId) {
        chunk.members.push({ identityId, resolvedId: assignment.resolvedId });
      }
    }
  });
  for (const link of found.links) {
    const c = chunkOf.get(link.a < link.b ? link.a : link.b);
    if (c !== undefined) chunks[c]!.links.push(link);
  }
  const reviewed = new Set<string>();
  for (const pair of found.review) {
    const key = pairKey(pair.a, pair.b);
    const c = chunkOf.get(pair.a < pair.b ? pair.a : pair.b);
    if (c === undefined || reviewed.has(key)) continue;
    reviewed.add(key);
    chunks[c]!.review.push({ ...pair, pairKey: key });
  }
  return chunks;
}
