import { ResolvedKind } from "./stored-identity";

/** What a member brings to the choice of its cluster's resolved node. */
export interface MemberState {
  identityId: string;
  /** Its current resolved customer, if any. */
  resolvedId: string | null;
  resolvedKind: ResolvedKind | null;
  /** For an enrolled account's identity: the account's id. */
  accountId: string | null;
}

export interface ResolvedAssignment {
  /** The cluster's members, as given. */
  members: readonly string[];
  resolvedId: string;
  kind: ResolvedKind;
  /** Whether the resolved node must be made (a new person or channel-only organization). */
  isNew: boolean;
}

/**
 * Chooses the resolved node of each cluster so that ids stay stable across runs. A cluster with an account
 * among its members resolves to an account (the one most members already belong to, else the smallest id:
 * the others are its duplicates); otherwise to the resolved customer most of its members already belong to,
 * unless a larger cluster took it; otherwise to a new one from `newId`. Clusters are served largest first,
 * so when a customer is split, the bigger part keeps its id. Pure (apart from `newId`).
 */
export function assignResolved(
  clusters: ReadonlyArray<readonly string[]>,
  states: ReadonlyMap<string, MemberState>,
  entityKind: "PERSON" | "ORGANIZATION",
  newId: () => string,
  /** Serve the clusters in the order given instead (a split: the rest keeps the id, the identity leaves). */
  inOrder = false,
): ResolvedAssignment[] {
  const indexed = clusters.map((members, index) => ({ members, index }));
  const order = inOrder
    ? indexed
    : indexed.sort((x, y) => y.members.length - x.members.length || minOf(x.members).localeCompare(minOf(y.members)));
  const taken = new Set<string>();
  const out: ResolvedAssignment[] = new Array(clusters.length);
  for (const { members, index } of order) {
    const memberStates = members.map((id) => states.get(id)).filter((s): s is MemberState => s !== undefined);
    const accounts = memberStates.map((s) => s.accountId).filter((id): id is string => id !== null);
    if (accounts.length > 0) {
      const votes = tally(memberStates.filter((s) => s.resolvedKind === "ACCOUNT").map((s) => s.resolvedId!));
      const preferred = best(votes, (id) => accounts.includes(id) && !taken.has(id));
      const chosen = preferred ?? [...accounts].sort().find((id) => !taken.has(id)) ?? [...accounts].sort()[0]!;
      taken.add(chosen);
      out[index] = { members, resolvedId: chosen, kind: "ACCOUNT", isNew: false };
      continue;
    }
    const kind: ResolvedKind = entityKind === "PERSON" ? "PERSON" : "ORGANIZATION";
    const votes = tally(memberStates.filter((s) => s.resolvedKind === kind).map((s) => s.resolvedId!));
    const kept = best(votes, (id) => !taken.has(id));
    if (kept !== null) {
      taken.add(kept);
      out[index] = { members, resolvedId: kept, kind, isNew: false };
    } else {
      const id = newId();
      taken.add(id);
      out[index] = { members, resolvedId: id, kind, isNew: true };
    }
  }
  return out;
}

function minOf(ids: readonly string[]): string {
  return [...ids].sort()[0] ?? "";
}

function tally(ids: readonly string[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const id of ids) votes.set(id, (votes.get(id) ?? 0) + 1);
  return votes;
}

function best(votes: ReadonlyMap<string, number>, allowed: (id: string) => boolean): string | null {
  let chosen: string | null = null;
  let count = 0;
  for (const [id, n] of [...votes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (allowed(id) && n > count) {
      chosen = id;
      count = n;
    }
  }
  return chosen;
}
