import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { assignResolved, MemberState } from "../../domain/identity-graph/assign-resolved";
import { ACCOUNT_CHANNEL } from "../../domain/identity-graph/enrolled-identity";
import { isIdentityId, newResolvedId, pairKey } from "../../domain/identity-graph/identity-ids";
import { PairDecision, StoredIdentity } from "../../domain/identity-graph/stored-identity";
import { Clock, systemClock } from "../../domain/time/clock";
import { DecisionRow, IdentityRepository, ResolutionWrite } from "../../graph/identity/identity.repository";
import { IdentityError } from "./identity.errors";

/** The most characters of a person's reason for a decision. */
export const MAX_REASON_LENGTH = 500;

/** Who decides: the request's actor ("user:<sub>" or "agent:<name>") and their user record id, if any. */
export interface DecisionCaller {
  actor: string;
  userId: string | null;
}

/** What a person's merge, split or pair decision did. */
export interface DecisionOutcome {
  /** The resolved customer(s) the identities belong to afterwards, first the one asked about. */
  resolvedIds: string[];
  moved: number;
}

function stateOf(identity: StoredIdentity): MemberState {
  return {
    identityId: identity.id,
    resolvedId: identity.resolvedId,
    resolvedKind: identity.resolvedKind,
    accountId: identity.channel === ACCOUNT_CHANNEL ? identity.recordId : null,
  };
}

const subject = (i: StoredIdentity) => ({
  identityId: i.id,
  channel: i.channel,
  externalId: i.externalId,
  resolvedId: i.resolvedId,
});

/**
 * People's decisions about identities: merges, splits and pair decisions. Each is one transaction with its
 * change events (IDENTITY_MERGED, IDENTITY_SPLIT, IDENTITY_PAIR_DECIDED: who and why) and an audit record,
 * and leaves a must-link or cannot-link decision that later runs respect. A merge undoes a split's
 * cannot-links between the two sides and a split undoes the merge's must-links, so each reverses the other.
 */
export class IdentityDecisions {
  constructor(
    private readonly identities: IdentityRepository,
    private readonly caller: DecisionCaller,
    private readonly clock: Clock = systemClock,
  ) {}

  async merge(aId: string, bId: string, reasonArg: string, origin = "merge"): Promise<DecisionOutcome> {
    const reason = this.reason(reasonArg);
    const [a, b] = await this.pair(aId, bId);
    const members = await this.membersOf([a, b]);
    const left = this.side(a, members);
    const right = this.side(b, members);
    const union = [...new Set([...left, ...right])];
    const states = new Map(members.map((m) => [m.id, stateOf(m)]));
    const [target] = assignResolved([union], states, a.entity, () => this.newId(a));
    const write: ResolutionWrite = {
      entity: a.entity,
      runId: null,
      decidedBy: "PERSON",
      newPeople: target!.isNew && target!.kind === "PERSON" ? [target!.resolvedId] : [],
      newOrganizations: target!.isNew && target!.kind === "ORGANIZATION" ? [target!.resolvedId] : [],
      members: union
        .filter((id) => states.get(id)?.resolvedId !== target!.resolvedId)
        .map((identityId) => ({ identityId, resolvedId: target!.resolvedId })),
      removeLinksOf: [],
      links: [
        {
          a: a.id,
          b: b.id,
          fields: [],
          totalWeight: null,
          probability: 1,
          modelVersion: null,
          decidedBy: "PERSON",
          rule: reason,
          runId: null,
          actor: this.caller.actor,
        },
      ],
      review: [],
      decisions: [this.decision(a.id, b.id, "SAME", reason, origin)],
      forgetDifferent: { left, right },
      eventType: origin === "decision" ? "IDENTITY_PAIR_DECIDED" : "IDENTITY_MERGED",
      reason,
      maybeEmpty: [a.resolvedId, b.resolvedId].filter((id): id is string => id !== null),
      subjects: [subject(a), subject(b)],
      audit: this.audit(
        origin === "decision" ? "IDENTITY_PAIR_DECIDED" : "IDENTITY_MERGED",
        [a, b],
        {
          decision: "SAME",
          from: [a.resolvedId, b.resolvedId],
          to: target!.resolvedId,
          reason,
        },
        target!.kind === "ACCOUNT" ? [target!.resolvedId] : [],
      ),
    };
    const result = await this.apply(write);
    return { resolvedIds: [target!.resolvedId], moved: result.moved.length };
  }

  async split(id: string, reasonArg: string): Promise<DecisionOutcome> {
    const reason = this.reason(reasonArg);
    const [identity] = await this.found([id], ["identityId"]);
    const members = await this.membersOf([identity!]);
    const others = members.filter((m) => m.id !== id && m.resolvedId === identity!.resolvedId).map((m) => m.id);
    if (identity!.resolvedId === null || others.length === 0) {
      throw new IdentityError(
        "IDENTITY_NOT_MERGED",
        `identity ${id} is alone in its resolved customer${identity!.resolvedId ? ` ${identity!.resolvedId}` : ""}; ` +
          `there is nothing to split it from`,
      );
    }
    const result = await this.detach(identity!, members, others, others, reason, "IDENTITY_SPLIT", "split");
    return result;
  }

  /**
   * A person's decision about a pair. SAME merges their resolved customers (as `merge`). DIFFERENT records a
   * cannot-link; when the two are in one resolved customer, `b` leaves it for a customer of its own.
   */
  async decide(aId: string, bId: string, decision: PairDecision, reasonArg: string): Promise<DecisionOutcome> {
    if (decision === "SAME") return this.merge(aId, bId, reasonArg, "decision");
    const reason = this.reason(reasonArg);
    const [a, b] = await this.pair(aId, bId);
    if (a.resolvedId !== null && a.resolvedId === b.resolvedId) {
      const members = await this.membersOf([b]);
      return this.detach(
        b,
        members,
        [a.id],
        members.filter((m) => m.id !== b.id).map((m) => m.id),
        reason,
        "IDENTITY_PAIR_DECIDED",
        "decision",
      );
    }
    await this.apply({
      entity: a.entity,
      runId: null,
      decidedBy: "PERSON",
      newPeople: [],
      newOrganizations: [],
      members: [],
      removeLinksOf: [],
      links: [],
      review: [],
      decisions: [this.decision(a.id, b.id, "DIFFERENT", reason, "decision")],
      forgetSame: { id: a.id, others: [b.id] },
      eventType: "IDENTITY_PAIR_DECIDED",
      reason,
      maybeEmpty: [],
      subjects: [subject(a), subject(b)],
      audit: this.audit("IDENTITY_PAIR_DECIDED", [a, b], { decision: "DIFFERENT", reason }, []),
    });
    return { resolvedIds: [a.resolvedId, b.resolvedId].filter((x): x is string => x !== null), moved: 0 };
  }

  /** Moves `identity` out of its resolved customer, with cannot-links to `cannotLink`. */
  private async detach(
    identity: StoredIdentity,
    members: StoredIdentity[],
    cannotLink: string[],
    remaining: string[],
    reason: string,
    eventType: "IDENTITY_SPLIT" | "IDENTITY_PAIR_DECIDED",
    origin: string,
  ): Promise<DecisionOutcome> {
    const states = new Map(members.map((m) => [m.id, stateOf(m)]));
    const rest = remaining.filter((m) => states.get(m)?.resolvedId === identity.resolvedId);
    const [restTarget, aloneTarget] = assignResolved(
      [rest, [identity.id]],
      states,
      identity.entity,
      () => this.newId(identity),
      true,
    );
    const targets = [restTarget!, aloneTarget!];
    const write: ResolutionWrite = {
      entity: identity.entity,
      runId: null,
      decidedBy: "PERSON",
      newPeople: targets.filter((t) => t.isNew && t.kind === "PERSON").map((t) => t.resolvedId),
      newOrganizations: targets.filter((t) => t.isNew && t.kind === "ORGANIZATION").map((t) => t.resolvedId),
      members: targets.flatMap((t) =>
        t.members
          .filter((m) => states.get(m)?.resolvedId !== t.resolvedId)
          .map((identityId) => ({ identityId, resolvedId: t.resolvedId })),
      ),
      removeLinksOf: [identity.id],
      dropPersonLinks: true,
      links: [],
      review: [],
      decisions: cannotLink.map((other) => this.decision(identity.id, other, "DIFFERENT", reason, origin)),
      forgetSame: { id: identity.id, others: cannotLink },
      eventType,
      reason,
      maybeEmpty: identity.resolvedId ? [identity.resolvedId] : [],
      subjects: [subject(identity)],
      audit: this.audit(
        eventType,
        [identity],
        {
          decision: "DIFFERENT",
          from: identity.resolvedId,
          to: aloneTarget!.resolvedId,
          remainingIn: restTarget!.resolvedId,
          cannotLink,
          reason,
        },
        targets.filter((t) => t.kind === "ACCOUNT").map((t) => t.resolvedId),
      ),
    };
    const result = await this.apply(write);
    return { resolvedIds: [aloneTarget!.resolvedId, restTarget!.resolvedId], moved: result.moved.length };
  }

  private apply(write: ResolutionWrite) {
    if (write.audit) this.identities.checkAudit(write.audit);
    return this.identities.applyResolution(write, this.clock().toISOString());
  }

  private newId(identity: StoredIdentity): string {
    return newResolvedId(identity.entity === "PERSON" ? "person" : "organization");
  }

  private decision(a: string, b: string, decision: PairDecision, reason: string, origin: string): DecisionRow {
    const key = pairKey(a, b);
    const [first, second] = key.split("|") as [string, string];
    return { a: first, b: second, pairKey: key, decision, reason, origin };
  }

  private audit(
    kind: AuditEntryInput["kind"],
    identities: StoredIdentity[],
    details: Record<string, unknown>,
    accountIds: string[],
  ): AuditEntryInput {
    const accounts = new Set(accountIds);
    for (const i of identities) if (i.resolvedKind === "ACCOUNT" && i.resolvedId) accounts.add(i.resolvedId);
    return {
      kind,
      accountIds: [...accounts],
      userIds: this.caller.userId ? [this.caller.userId] : [],
      actor: this.caller.actor,
      payload: { identityIds: identities.map((i) => i.id), ...details },
    };
  }

  private reason(reason: string): string {
    const trimmed = reason.trim();
    if (trimmed === "") {
      throw new IdentityError(
        "INVALID_IDENTITY_REQUEST",
        "reason is empty; say why (it is kept with the decision and in the audit trail)",
      );
    }
    if (trimmed.length > MAX_REASON_LENGTH) {
      throw new IdentityError(
        "INVALID_IDENTITY_REQUEST",
        `reason is ${trimmed.length} characters long; at most ${MAX_REASON_LENGTH}`,
      );
    }
    return trimmed;
  }

  private async pair(aId: string, bId: string): Promise<[StoredIdentity, StoredIdentity]> {
    if (aId === bId) {
      throw new IdentityError(
        "INVALID_IDENTITY_REQUEST",
        `a and b are the same identity (${aId}); name two identities`,
      );
    }
    const [a, b] = await this.found([aId, bId], ["a", "b"]);
    if (a!.entity !== b!.entity) {
      throw new IdentityError(
        "INVALID_IDENTITY_REQUEST",
        `a (${aId}) is a ${a!.entity} identity and b (${bId}) a ${b!.entity} identity; only identities of one entity type can be the same customer`,
      );
    }
    return [a!, b!];
  }

  /** The identities, or a not-found error naming the first missing one (another tenant's ids are missing too). */
  async found(ids: string[], names: string[]): Promise<StoredIdentity[]> {
    ids.forEach((id, i) => {
      if (!isIdentityId(id)) {
        throw new IdentityError(
          "INVALID_IDENTITY_REQUEST",
          `${names[i]}: "${id.slice(0, 40)}" is not an identity id; identity ids look like "idn_" followed by 22 letters, digits, "-" or "_" (take them from upsertIdentities' records[].id)`,
        );
      }
    });
    const stored = await this.identities.byIds(ids);
    stored.forEach((identity, i) => {
      if (identity === null) {
        throw new IdentityError(
          "IDENTITY_NOT_FOUND",
          `${names[i]}: this tenant has no identity ${ids[i]}; check the id (upsertIdentities returns them)`,
        );
      }
    });
    return stored as StoredIdentity[];
  }

  private async membersOf(identities: StoredIdentity[]): Promise<StoredIdentity[]> {
    const members = await this.identities.clusterMembersOf(identities.map((i) => i.id));
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const i of identities) if (!byId.has(i.id)) byId.set(i.id, i);
    return [...byId.values()];
  }

  /** The members of `identity`'s resolved customer (itself alone when unresolved). */
  private side(identity: StoredIdentity, members: StoredIdentity[]): string[] {
    if (identity.resolvedId === null) return [identity.id];
    return members.filter((m) => m.resolvedId === identity.resolvedId).map((m) => m.id);
  }
}
