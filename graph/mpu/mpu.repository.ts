import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { RecordChange } from "../../domain/events/change-event";
import { MpuConfirmation, MpuReview, MpuSettings, MpuUse, StoredMpu } from "../../domain/mpu/mpu";
import { MpuError } from "../../domain/mpu/mpu.errors";
import { AccountSituation } from "../../domain/mpu/situation-match";
import { Seniority } from "../../domain/records";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor, PlainRow } from "../executor";
import {
  ACCOUNT_SITUATIONS,
  CAPTURE_SUBJECT,
  CAPTURE_TIMELINE,
  CONFIRMATIONS_OF_MANY,
  CONFIRMATIONS_OF_MPU,
  CONTRIBUTION_UNITS,
  CONTRIBUTION_USES,
  CREATE_CONFIRMATION,
  CREATE_MPU,
  CREATE_REVIEW,
  CREATE_USE,
  FIELD_PEOPLE,
  GET_MPU,
  GET_SETTINGS,
  LIST_MPUS,
  LIST_USES,
  LOCK_MPU,
  OWNED_ACCOUNT_IDS,
  RECOMMENDABLE_MPUS,
  REVIEWS_OF_MANY,
  REVIEWS_OF_MPU,
  REVIEWS_OF_VERSION,
  SAVE_MPU,
  SAVE_SETTINGS,
  SIGNAL_ON_ACCOUNT,
  TENANT_USE_COUNTS,
  USER_OF_SUBJECT,
} from "./mpu.queries";
import { mpuProperties, toConfirmation, toMpu, toReview, toSituation, toUse } from "./mpu-rows";

/** What a transition reads under the unit's lock. */
export interface LockedMpu {
  mpu: StoredMpu;
  reviews: MpuReview[];
  confirmations: number;
}

/** What the service decided a transition writes: the unit's new state, a review or confirmation, the records. */
export interface MpuWrite<R> {
  mpu: StoredMpu;
  /** A new version: keep its definition as an MpuVersion. */
  snapshot?: boolean;
  review?: MpuReview;
  confirmation?: MpuConfirmation;
  audit: AuditEntryInput[];
  changes: RecordChange[];
  result: (mpu: StoredMpu) => R;
}

/** A refusal is returned, not thrown, inside the transaction (a thrown one would reach the client as internal). */
export type MpuDecision<R> = MpuWrite<R> | { refuse: MpuError };

export type AccountSituationRow = AccountSituation & { name: string; ownerSubject: string | null };

export interface ListFilter {
  statuses: string[] | null;
  authorSubject: string | null;
  search: string | null;
  toReview: boolean;
}

export interface Visibility {
  subject: string;
  isAdmin: boolean;
  reviewer: boolean;
}

/**
 * One tenant's micro-practice units (issue 16): every change of a unit writes its audit record and change
 * event in the same transaction; uses are created here and resolved by the tracker (MpuTrackerRepository).
 */
export class MpuRepository {
  private readonly audit: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {
    this.audit = new AuditTrail(tenant);
  }

  /** Checks audit entries as `append` would, before any transaction. */
  checkAudit(entries: readonly AuditEntryInput[]): void {
    this.audit.check(entries);
  }

  async create(mpu: StoredMpu, actor: string, audit: AuditEntryInput[], changes: RecordChange[]): Promise<StoredMpu> {
    return this.executor.writeSteps(CREATE_MPU.name, async (run) => {
      const [row] = await run(CREATE_MPU, { tenant: this.tenant, mpu: mpuProperties(mpu), actor });
      await this.audit.append(run, mpu.createdAt, audit);
      await this.outbox.append(run, mpu.createdAt, changes);
      return toMpu(row!);
    });
  }

  /**
   * Locks the unit, reads it with the reviews of its current version and its confirmations, asks `decide`
   * (pure: the transaction may be retried) and writes what it decided. Null: no such unit.
   */
  async transition<R>(
    id: string,
    now: string,
    actor: string,
    decide: (locked: LockedMpu) => MpuDecision<R>,
  ): Promise<{ refused: MpuError } | { result: R } | null> {
    return this.executor.writeSteps(SAVE_MPU.name, async (run) => {
      const [locked] = await run(LOCK_MPU, { tenant: this.tenant, id });
      if (locked === undefined) return null;
      const mpu = toMpu(locked);
      const reviews = (await run(REVIEWS_OF_VERSION, { tenant: this.tenant, id, version: neo4j.int(mpu.version) })).map(
        toReview,
      );
      const confirmations = (await run(CONFIRMATIONS_OF_MPU, { tenant: this.tenant, id })).length;
      const decision = decide({ mpu, reviews, confirmations });
      if ("refuse" in decision) return { refused: decision.refuse };
      if (decision.review !== undefined) {
        await run(CREATE_REVIEW, {
          tenant: this.tenant,
          review: {
            ...decision.review,
            version: neo4j.int(decision.review.version),
            rating: neo4j.int(decision.review.rating),
          },
        });
      }
      if (decision.confirmation !== undefined) {
        const [made] = await run(CREATE_CONFIRMATION, { tenant: this.tenant, confirmation: decision.confirmation });
        if (made === undefined) {
          return {
            refused: new MpuError(
              "MPU_ACCOUNT_NOT_FOUND",
              `Your tenant has no account "${decision.confirmation.accountId.slice(0, 80)}"; a confirmation is recorded on the customer's account.`,
            ),
          };
        }
      }
      const [row] = await run(SAVE_MPU, {
        tenant: this.tenant,
        mpu: mpuProperties(decision.mpu),
        snapshot: decision.snapshot === true,
        actor,
      });
      await this.audit.append(run, now, decision.audit);
      await this.outbox.append(run, now, decision.changes);
      return { result: decision.result(toMpu(row!)) };
    });
  }

  async get(id: string): Promise<StoredMpu | null> {
    const [row] = await this.executor.read(GET_MPU, { tenant: this.tenant, id });
    return row === undefined ? null : toMpu(row);
  }

  async reviews(id: string): Promise<MpuReview[]> {
    return (await this.executor.read(REVIEWS_OF_MPU, { tenant: this.tenant, id })).map(toReview);
  }

  /** The reviews of many units, grouped by unit (in the order of `ids`). */
  async reviewsOfMany(ids: readonly string[]): Promise<MpuReview[][]> {
    const rows = (await this.executor.read(REVIEWS_OF_MANY, { tenant: this.tenant, ids: [...ids] })).map(toReview);
    return ids.map((id) => rows.filter((r) => r.mpuId === id));
  }

  async confirmationsOfMany(ids: readonly string[]): Promise<MpuConfirmation[][]> {
    const rows = (await this.executor.read(CONFIRMATIONS_OF_MANY, { tenant: this.tenant, ids: [...ids] })).map(
      toConfirmation,
    );
    return ids.map((id) => rows.filter((c) => c.mpuId === id));
  }

  async confirmations(id: string): Promise<MpuConfirmation[]> {
    return (await this.executor.read(CONFIRMATIONS_OF_MPU, { tenant: this.tenant, id })).map(toConfirmation);
  }

  async list(filter: ListFilter, visibility: Visibility, limit: number): Promise<StoredMpu[]> {
    const rows = await this.executor.read(LIST_MPUS, {
      tenant: this.tenant,
      ...visibility,
      ...filter,
      limit: neo4j.int(limit),
    });
    return rows.map(toMpu);
  }

  async signalOnAccount(signalId: string, accountId: string): Promise<boolean> {
    return (await this.executor.read(SIGNAL_ON_ACCOUNT, { tenant: this.tenant, signalId, accountId })).length > 0;
  }

  async situations(accountIds: readonly string[], opportunityId: string | null = null): Promise<AccountSituationRow[]> {
    if (accountIds.length === 0) return [];
    const rows = await this.executor.read(ACCOUNT_SITUATIONS, {
      tenant: this.tenant,
      accountIds: [...accountIds],
      opportunityId,
    });
    return rows.map(toSituation);
  }

  async ownedAccountIds(limit: number): Promise<string[]> {
    const rows = await this.executor.read(OWNED_ACCOUNT_IDS, { tenant: this.tenant, limit: neo4j.int(limit) });
    return rows.map((row) => String(row.id));
  }

  async recommendable(
    accountId: string,
    limit: number,
  ): Promise<Array<{ mpu: StoredMpu; succeeded: number; resolved: number }>> {
    const rows = await this.executor.read(RECOMMENDABLE_MPUS, {
      tenant: this.tenant,
      accountId,
      limit: neo4j.int(limit),
    });
    return rows.map((row) => ({
      mpu: toMpu(row),
      succeeded: Number(row.succeeded ?? 0),
      resolved: Number(row.resolved ?? 0),
    }));
  }

  async tenantUseCounts(): Promise<{ succeeded: number; resolved: number }> {
    const [row] = await this.executor.read(TENANT_USE_COUNTS, { tenant: this.tenant });
    return { succeeded: Number(row?.succeeded ?? 0), resolved: Number(row?.resolved ?? 0) };
  }

  /**
   * Creates a use with its audit record and change event; null when the account (or the opportunity on it)
   * does not exist.
   */
  async createUse(
    use: MpuUse,
    audit: AuditEntryInput[],
    changes: (use: MpuUse) => RecordChange[],
  ): Promise<MpuUse | null> {
    return this.executor.writeSteps(CREATE_USE.name, async (run) => {
      const [row] = await run(CREATE_USE, {
        tenant: this.tenant,
        use: { ...use, mpuVersion: neo4j.int(use.mpuVersion) },
      });
      if (row === undefined) return null;
      const stored = toUse(row);
      await this.audit.append(run, use.appliedAt, audit);
      await this.outbox.append(run, use.appliedAt, changes(stored));
      return stored;
    });
  }

  async uses(
    filter: { mpuId: string | null; accountId: string | null; status: string | null },
    visibility: Pick<Visibility, "subject" | "isAdmin">,
    limit: number,
  ): Promise<MpuUse[]> {
    const rows = await this.executor.read(LIST_USES, {
      tenant: this.tenant,
      ...filter,
      ...visibility,
      limit: neo4j.int(limit),
    });
    return rows.map(toUse);
  }

  async settings(): Promise<Partial<MpuSettings>> {
    const [row] = await this.executor.read(GET_SETTINGS, { tenant: this.tenant });
    if (row === undefined) return {};
    return {
      ...(row.minReviewerSeniority ? { minReviewerSeniority: String(row.minReviewerSeniority) as Seniority } : {}),
      ...(row.requiredReviews !== null && row.requiredReviews !== undefined
        ? { requiredReviews: Number(row.requiredReviews) }
        : {}),
    };
  }

  async saveSettings(settings: MpuSettings, now: string, audit: AuditEntryInput[]): Promise<void> {
    await this.executor.writeSteps(SAVE_SETTINGS.name, async (run) => {
      await run(SAVE_SETTINGS, {
        tenant: this.tenant,
        minReviewerSeniority: settings.minReviewerSeniority,
        requiredReviews: neo4j.int(settings.requiredReviews),
        now,
      });
      await this.audit.append(run, now, audit);
    });
  }

  async userOfSubject(
    subject: string,
  ): Promise<{ id: string; teamId: string | null; seniority: Seniority | null } | null> {
    const [row] = await this.executor.read(USER_OF_SUBJECT, { tenant: this.tenant, subject });
    if (row === undefined) return null;
    return {
      id: String(row.id),
      teamId: row.teamId ? String(row.teamId) : null,
      seniority: row.seniority ? (String(row.seniority) as Seniority) : null,
    };
  }

  async captureSubject(
    accountId: string,
    opportunityId: string | null,
  ): Promise<{
    accountName: string;
    opportunityId: string | null;
    opportunityName: string | null;
    stage: string | null;
  } | null> {
    const [row] = await this.executor.read(CAPTURE_SUBJECT, { tenant: this.tenant, accountId, opportunityId });
    if (row === undefined) return null;
    const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return {
      accountName: String(row.accountName),
      opportunityId: str(row.opportunityId),
      opportunityName: str(row.opportunityName),
      stage: str(row.stage),
    };
  }

  async captureTimeline(
    accountId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<{ signals: PlainRow[]; tasks: PlainRow[] }> {
    const [row] = await this.executor.read(CAPTURE_TIMELINE, {
      tenant: this.tenant,
      accountId,
      from,
      to,
      limit: neo4j.int(limit),
    });
    return {
      signals: (row?.signals as PlainRow[] | undefined) ?? [],
      tasks: (row?.tasks as PlainRow[] | undefined) ?? [],
    };
  }

  async contributionData(
    since: string,
    until: string,
    limit: number,
  ): Promise<{ units: StoredMpu[]; uses: MpuUse[]; people: number }> {
    const [units, uses, people] = await Promise.all([
      this.executor.read(CONTRIBUTION_UNITS, { tenant: this.tenant, limit: neo4j.int(limit) }),
      this.executor.read(CONTRIBUTION_USES, { tenant: this.tenant, since, until, limit: neo4j.int(limit) }),
      this.executor.read(FIELD_PEOPLE, { tenant: this.tenant }),
    ]);
    return { units: units.map(toMpu), uses: uses.map(toUse), people: Number(people[0]?.people ?? 0) };
  }
}
