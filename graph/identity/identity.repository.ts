import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { ChangeType, RecordChange } from "../../domain/events/change-event";
import { IdentityEntity } from "../../domain/identity/identity";
import {
  DecidedBy,
  PairDecision,
  StoredIdentity,
  StoredLink,
  StoredPairDecision,
  StoredReviewPair,
} from "../../domain/identity-graph/stored-identity";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor, PlainRow } from "../executor";
import { linkParams, reviewParams, toDecision, toIdentity, toLink, toReviewPair } from "./identity-rows";
import {
  ASSIGN_MEMBERS,
  CANDIDATES_BY_KEYS,
  CLEAR_REVIEW_PAIRS,
  CLUSTER_MEMBERS_OF,
  CREATE_RESOLVED,
  DECIDE_PAIR,
  DROP_EMPTY_RESOLVED,
  FORGET_DIFFERENT,
  FORGET_SAME,
  IDENTITIES_BY_IDS,
  IDENTITIES_OF_ACCOUNTS,
  IDENTITIES_PAGE,
  PAIR_DECISIONS,
  RECORDS_TO_ENROL,
  REMOVE_ENTITY_LINKS,
  REMOVE_LINKS_OF,
  RESOLVED_CUSTOMER,
  REVIEW_PAGE,
  UNRESOLVED_IDENTITIES,
  UPSERT_IDENTITIES,
  WRITE_LINKS,
  WRITE_REVIEW_PAIRS,
} from "./identity.queries";

/** One identity ready to write: key, content hash, raw and normalised attributes (JSON), blocking keys. */
export interface IdentityRow {
  index: number;
  id: string;
  entity: IdentityEntity;
  channel: string;
  externalId: string;
  attributes: string;
  normalised: string;
  observedAt: string | null;
  hash: string;
  keys: string[];
  /** The contact or account an enrolled identity stands for. */
  recordId: string | null;
}

export interface IdentityWriteResult {
  index: number;
  id: string | null;
  status: "CREATED" | "UPDATED" | "UNCHANGED" | null;
  /** Set when the identity is stored with another entity type (nothing was written). */
  storedEntity: string | null;
}

/** A contact or account to enrol as an identity. */
export interface EnrolRecord {
  kind: "CONTACT" | "ACCOUNT";
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  region: string | null;
  observedAt: string | null;
}

/** A decision a person (or a merge or split) writes. */
export interface DecisionRow {
  a: string;
  b: string;
  pairKey: string;
  decision: PairDecision;
  reason: string;
  /** What wrote it: "decision", "merge" or "split". */
  origin: string;
}

/** Everything one resolution step writes, in one transaction. */
export interface ResolutionWrite {
  entity: IdentityEntity;
  runId: string | null;
  decidedBy: DecidedBy;
  /** Resolved nodes to make first. */
  newPeople: string[];
  newOrganizations: string[];
  members: Array<{ identityId: string; resolvedId: string }>;
  /** Remove the links touching these identities first (people's links kept unless `dropPersonLinks`). */
  removeLinksOf: string[];
  dropPersonLinks?: boolean;
  /** A full run's first chunk: every model and rule link of the entity, and its review queue, go. */
  startOver?: boolean;
  links: Array<Omit<StoredLink, "at">>;
  review: Array<Omit<StoredReviewPair, "at" | "entity">>;
  decisions?: DecisionRow[];
  forgetDifferent?: { left: string[]; right: string[] };
  forgetSame?: { id: string; others: string[] };
  /** The event each identity whose membership changed gets, and why (a person's reason). */
  eventType: Extract<ChangeType, "IDENTITY_RESOLVED" | "IDENTITY_MERGED" | "IDENTITY_SPLIT" | "IDENTITY_PAIR_DECIDED">;
  reason: string | null;
  /** Resolved nodes that may be left empty (dropped if so). */
  maybeEmpty: string[];
  audit?: AuditEntryInput;
  /** Identities a person's decision is about: each gets the event even when its membership did not change. */
  subjects?: Array<{ identityId: string; channel: string; externalId: string; resolvedId: string | null }>;
}

export interface ResolutionWriteResult {
  moved: Array<{ identityId: string; from: string | null; to: string }>;
  dropped: string[];
}

export interface ResolvedCustomerRow {
  id: string;
  kind: "PERSON" | "ACCOUNT" | "ORGANIZATION";
  entity: IdentityEntity;
  createdAt: string | null;
  identities: StoredIdentity[];
  links: StoredLink[];
  accountIds: string[];
}

const identitiesOf = (rows: readonly PlainRow[]): StoredIdentity[] =>
  rows.map((row) => toIdentity(row.identity as Record<string, unknown>));

/** A tenant's channel identities, resolved customers, links, decisions and review queue. */
export class IdentityRepository {
  private readonly trail: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {
    this.trail = new AuditTrail(tenant);
  }

  /** Writes identities and their IDENTITY_CREATED / IDENTITY_UPDATED events in one transaction. */
  upsert(rows: readonly IdentityRow[], now: string): Promise<IdentityWriteResult[]> {
    return this.executor.writeSteps(UPSERT_IDENTITIES.name, async (run) => {
      const result = await run(UPSERT_IDENTITIES, { tenant: this.tenant, now, rows: [...rows] });
      const byIndex = new Map(rows.map((row) => [row.index, row]));
      const written: IdentityWriteResult[] = result.map((r) => ({
        index: Number(r.index),
        id: typeof r.id === "string" ? r.id : null,
        status: (r.status as IdentityWriteResult["status"]) ?? null,
        storedEntity: typeof r.storedEntity === "string" ? r.storedEntity : null,
      }));
      const changes: RecordChange[] = written.flatMap((w) => {
        const row = byIndex.get(w.index);
        if (!row || w.id === null || (w.status !== "CREATED" && w.status !== "UPDATED")) return [];
        const fields = Object.keys(JSON.parse(row.attributes) as object).sort();
        return [
          {
            type: w.status === "CREATED" ? "IDENTITY_CREATED" : "IDENTITY_UPDATED",
            recordId: w.id,
            externalId: row.externalId,
            sourceSystem: row.channel,
            // Which attributes the channel sent, not their values: those are personal (read them through the API).
            changes: [
              { field: "entity", old: null, new: row.entity },
              { field: "attributeFields", old: null, new: fields },
            ],
          },
        ];
      });
      await this.outbox.append(run, now, changes);
      return written;
    });
  }

  async byIds(ids: readonly string[]): Promise<Array<StoredIdentity | null>> {
    const rows = await this.executor.read(IDENTITIES_BY_IDS, { tenant: this.tenant, ids: [...ids] });
    const out: Array<StoredIdentity | null> = ids.map(() => null);
    for (const row of rows) out[Number(row.index)] = toIdentity(row.identity as Record<string, unknown>);
    return out;
  }

  /** One page of the entity's identities by id, after `after` ("" for the first). */
  async page(entity: IdentityEntity, after: string, limit: number): Promise<StoredIdentity[]> {
    return identitiesOf(
      await this.executor.read(IDENTITIES_PAGE, { tenant: this.tenant, entity, after, limit: neo4j.int(limit) }),
    );
  }

  async unresolved(entity: IdentityEntity, limit: number): Promise<StoredIdentity[]> {
    return identitiesOf(
      await this.executor.read(UNRESOLVED_IDENTITIES, { tenant: this.tenant, entity, limit: neo4j.int(limit) }),
    );
  }

  /** Identities sharing a blocking key with `ids`, and the members of their resolved customers. */
  async candidates(entity: IdentityEntity, ids: readonly string[], maxKeyFanout: number): Promise<StoredIdentity[]> {
    return identitiesOf(
      await this.executor.read(CANDIDATES_BY_KEYS, {
        tenant: this.tenant,
        entity,
        ids: [...ids],
        maxKeyFanout: neo4j.int(maxKeyFanout),
      }),
    );
  }

  /** Every member of the resolved customers of `ids` (the identities themselves included). */
  async clusterMembersOf(ids: readonly string[]): Promise<StoredIdentity[]> {
    return identitiesOf(await this.executor.read(CLUSTER_MEMBERS_OF, { tenant: this.tenant, ids: [...ids] }));
  }

  /** Pair decisions of the entity touching `ids`, or all of them when `ids` is null. */
  async decisions(entity: IdentityEntity, ids: readonly string[] | null): Promise<StoredPairDecision[]> {
    const rows = await this.executor.read(PAIR_DECISIONS, {
      tenant: this.tenant,
      entity,
      ids: ids === null ? null : [...ids],
    });
    return rows.map((row) => toDecision(row.decision as Record<string, unknown>));
  }

  async recordsToEnrol(entity: IdentityEntity, limit: number): Promise<EnrolRecord[]> {
    const [row] = await this.executor.read(RECORDS_TO_ENROL, { tenant: this.tenant, entity, limit: neo4j.int(limit) });
    return ((row?.records as Array<Record<string, unknown>>) ?? []).map((r) => ({
      kind: r.kind as EnrolRecord["kind"],
      id: String(r.id),
      name: typeof r.name === "string" ? r.name : null,
      email: typeof r.email === "string" ? r.email : null,
      phone: typeof r.phone === "string" ? r.phone : null,
      region: typeof r.region === "string" ? r.region : null,
      observedAt: typeof r.observedAt === "string" ? r.observedAt : null,
    }));
  }

  /**
   * Writes one resolution step in one transaction: new resolved nodes, memberships, links, review pairs,
   * decisions, one event per identity whose resolved customer changed, and the audit record when given.
   */
  applyResolution(write: ResolutionWrite, now: string): Promise<ResolutionWriteResult> {
    const tenant = this.tenant;
    return this.executor.writeSteps("identity.resolve", async (run) => {
      if (write.forgetDifferent) await run(FORGET_DIFFERENT, { tenant, ...write.forgetDifferent });
      if (write.forgetSame) await run(FORGET_SAME, { tenant, ...write.forgetSame });
      if (write.decisions && write.decisions.length > 0) {
        await run(DECIDE_PAIR, { tenant, now, actor: this.outbox.actor, decisions: write.decisions });
      }
      if (write.startOver) {
        await run(REMOVE_ENTITY_LINKS, { tenant, entity: write.entity });
        await run(CLEAR_REVIEW_PAIRS, { tenant, entity: write.entity });
      }
      if (write.removeLinksOf.length > 0) {
        await run(REMOVE_LINKS_OF, { tenant, ids: write.removeLinksOf, keepPerson: !write.dropPersonLinks });
      }
      if (write.newPeople.length > 0 || write.newOrganizations.length > 0) {
        await run(CREATE_RESOLVED, { tenant, now, people: write.newPeople, organizations: write.newOrganizations });
      }
      const assigned =
        write.members.length === 0
          ? []
          : await run(ASSIGN_MEMBERS, {
              tenant,
              now,
              rows: write.members.map((m) => ({ ...m, decidedBy: write.decidedBy, runId: write.runId })),
            });
      const moved = assigned.map((row) => ({
        identityId: String(row.identityId),
        channel: String(row.channel),
        externalId: String(row.externalId),
        from: typeof row.previousId === "string" ? row.previousId : null,
        to: String(row.resolvedId),
      }));
      const maybeEmpty = [...new Set([...write.maybeEmpty, ...moved.flatMap((m) => (m.from ? [m.from] : []))])];
      const dropped =
        maybeEmpty.length === 0
          ? []
          : (await run(DROP_EMPTY_RESOLVED, { tenant, ids: maybeEmpty })).map((row) => String(row.id));
      if (write.links.length > 0) {
        await run(WRITE_LINKS, { tenant, now, links: write.links.map(linkParams) });
      }
      if (write.review.length > 0) {
        await run(WRITE_REVIEW_PAIRS, {
          tenant,
          now,
          entity: write.entity,
          pairs: write.review.map((p) => reviewParams(p, write.runId)),
        });
      }
      if (write.audit) await this.trail.append(run, now, [write.audit]);
      const unmoved = (write.subjects ?? [])
        .filter((s) => !moved.some((m) => m.identityId === s.identityId))
        .map((s) => ({ ...s, from: s.resolvedId, to: s.resolvedId }));
      const changes: RecordChange[] = [...moved, ...unmoved].map((m) => ({
        type: write.eventType,
        recordId: m.identityId,
        externalId: m.externalId,
        sourceSystem: m.channel,
        changes: [
          { field: "resolvedCustomerId", old: m.from, new: m.to },
          ...(write.reason === null ? [] : [{ field: "reason", old: null, new: write.reason }]),
          ...(write.runId === null ? [] : [{ field: "runId", old: null, new: write.runId }]),
        ],
      }));
      await this.outbox.append(run, now, changes);
      return { moved: moved.map(({ identityId, from, to }) => ({ identityId, from, to })), dropped };
    });
  }

  /** Checks an audit entry as `applyResolution` would append it (a refusal is the caller's input error). */
  checkAudit(entry: AuditEntryInput): void {
    this.trail.check([entry]);
  }

  async resolvedCustomer(id: string): Promise<ResolvedCustomerRow | null> {
    const [row] = await this.executor.read(RESOLVED_CUSTOMER, { tenant: this.tenant, id });
    if (!row) return null;
    return {
      id: String(row.id),
      kind: row.kind as ResolvedCustomerRow["kind"],
      entity: row.entity as IdentityEntity,
      createdAt: typeof row.createdAt === "string" ? row.createdAt : null,
      identities: (row.identities as Array<Record<string, unknown>>).map(toIdentity),
      links: (row.links as Array<Record<string, unknown>>).map(toLink),
      accountIds: (row.accountIds as unknown[]).map(String),
    };
  }

  /** The member identities of each account (at most `limit` each), aligned with `accountIds`. */
  async identitiesOfAccounts(accountIds: readonly string[], limit: number): Promise<StoredIdentity[][]> {
    const rows = await this.executor.read(IDENTITIES_OF_ACCOUNTS, {
      tenant: this.tenant,
      ids: [...accountIds],
      limit: neo4j.int(limit),
    });
    const out: StoredIdentity[][] = accountIds.map(() => []);
    for (const row of rows) {
      out[Number(row.index)] = (row.identities as Array<Record<string, unknown>>).map(toIdentity);
    }
    return out;
  }

  /** The review queue, most probable first; after the pair (probability, key) of the cursor. */
  async reviewPage(
    entity: IdentityEntity,
    after: { probability: number; pairKey: string } | null,
    limit: number,
  ): Promise<StoredReviewPair[]> {
    const rows = await this.executor.read(REVIEW_PAGE, {
      tenant: this.tenant,
      entity,
      afterProbability: after?.probability ?? null,
      afterKey: after?.pairKey ?? "",
      limit: neo4j.int(limit),
    });
    return rows.map((row) => toReviewPair(row.pair as Record<string, unknown>));
  }
}
