import DataLoader from "dataloader";
import { randomBytes } from "node:crypto";
import { Clock } from "../../domain/time/clock";
import { CaptureInput, proposeDraft, TimelineItem } from "../../domain/mpu/capture-draft";
import {
  AuthorContribution,
  contributions,
  ContributionUnit,
  parsePeriod,
  Period,
  previousPeriod,
  TeamContribution,
  TenantFigures,
  tenantFigures,
} from "../../domain/mpu/contributions";
import {
  MPU_LIMITS,
  MpuConfirmation,
  MpuReview,
  MpuSettings,
  MpuUse,
  MpuUseStatus,
  MpuStatus,
  REVIEW_VERDICTS,
  ReviewVerdict,
  StoredMpu,
} from "../../domain/mpu/mpu";
import {
  gateState,
  GateState,
  isEligibleReviewer,
  maySee,
  MpuViewer,
  publishRefusal,
  retireRefusal,
  reviewRefusal,
  submitRefusal,
  updateRefusal,
} from "../../domain/mpu/mpu-access";
import { MpuError } from "../../domain/mpu/mpu.errors";
import { mpuAudit, mpuChange, mpuUseChange } from "../../domain/mpu/mpu-records";
import { rankMpus, RankedMpu, tenantPrior } from "../../domain/mpu/mpu-ranking";
import { matchSituation } from "../../domain/mpu/situation-match";
import { needsOpportunity } from "../../domain/mpu/use-evaluation";
import { parseMpuDefinition } from "../../domain/mpu/validate-mpu";
import { SENIORITIES, Seniority } from "../../domain/records";
import { ChangeFeedRepository } from "../../graph/events/change-feed.repository";
import { MpuDecision, MpuRepository } from "../../graph/mpu/mpu.repository";
import { MpuCaller } from "./mpu-caller";

/** Most units a list or a recommendation returns. */
export const MAX_MPU_PAGE = 100;
/** Published units a recommendation considers (newest first). */
const RECOMMENDATION_CANDIDATES = 500;
/** Owned accounts whose situations decide adoption eligibility. */
const ELIGIBILITY_ACCOUNTS = 5_000;
/** Units and uses read for contribution figures. */
const CONTRIBUTION_ROWS = 100_000;
/** Signals and tasks a capture reads from its window. */
const CAPTURE_ITEMS = 200;
const MAX_CAPTURE_DAYS = 366;
const MAX_ID = 200;

export interface MpuListFilter {
  statuses?: MpuStatus[] | null;
  /** A user's external id (token subject); `me` for the caller's own units. */
  author?: string | null;
  search?: string | null;
  /** Only units waiting for the caller's review. */
  toReview?: boolean | null;
}

export interface Recommendation {
  mpu: StoredMpu;
  ranked: RankedMpu<StoredMpu>;
}

export interface Contributions {
  period: string;
  authors: AuthorContribution[];
  teams: TeamContribution[];
  tenant: TenantFigures;
  /** The tenant figures of this period and the two before, oldest first. */
  trend: TenantFigures[];
}

function notFound(id: string): MpuError {
  return new MpuError(
    "MPU_NOT_FOUND",
    `Your tenant has no micro-practice unit "${id.slice(0, 80)}" that you may see. Check the id (mpus lists them).`,
  );
}

function invalid(message: string): MpuError {
  return new MpuError("INVALID_MPU_REQUEST", message);
}

function checkId(value: string, argument: string): string {
  if (value.length === 0 || value.length > MAX_ID) {
    throw invalid(`${argument} must be an id of 1 to ${MAX_ID} characters; it is ${value.length} characters long.`);
  }
  return value;
}

function checkText(value: string | null | undefined, argument: string, max: number, required: boolean): string | null {
  const text = (value ?? "").trim();
  if (text === "") {
    if (required) throw invalid(`${argument} must not be empty: write at most ${max} characters.`);
    return null;
  }
  if (text.length > max) throw invalid(`${argument} is ${text.length} characters long; at most ${max}. Shorten it.`);
  return text;
}

function instant(value: string, argument: string): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) {
    throw invalid(
      `${argument} must be an ISO 8601 instant such as 2026-10-01T00:00:00Z; it is "${value.slice(0, 60)}".`,
    );
  }
  return new Date(at).toISOString();
}

/**
 * One tenant's micro-practice units (issue 16, docs/mpus.md, decision 0029): authoring and capture, the
 * cold-start protection, the quality gate (reviews by senior people and a customer confirmation), publishing,
 * uses and their measurement, recommendations and contribution figures. Every change writes an audit record
 * and a change event in its own transaction.
 */
export class MpuService {
  private viewerPromise: Promise<MpuViewer> | null = null;
  private settingsPromise: Promise<MpuSettings> | null = null;
  private user: Promise<{ id: string; teamId: string | null; seniority: Seniority | null } | null> | null = null;
  readonly reviewsLoader: DataLoader<string, MpuReview[]>;
  readonly confirmationsLoader: DataLoader<string, MpuConfirmation[]>;

  constructor(
    private readonly repository: MpuRepository,
    private readonly feed: ChangeFeedRepository,
    private readonly caller: MpuCaller,
    private readonly defaults: MpuSettings,
    private readonly clock: Clock,
  ) {
    this.reviewsLoader = new DataLoader((ids) => repository.reviewsOfMany(ids), { maxBatchSize: MAX_MPU_PAGE });
    this.confirmationsLoader = new DataLoader((ids) => repository.confirmationsOfMany(ids), {
      maxBatchSize: MAX_MPU_PAGE,
    });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private callerUser() {
    this.user ??= this.repository.userOfSubject(this.caller.subject);
    return this.user;
  }

  /** The caller as the unit rules see them (their seniority read once per request). */
  viewer(): Promise<MpuViewer> {
    this.viewerPromise ??= this.callerUser().then((user) => ({
      subject: this.caller.subject,
      userId: this.caller.userId,
      isAdmin: this.caller.isAdmin,
      seniority: user?.seniority ?? null,
    }));
    return this.viewerPromise;
  }

  /** The tenant's gate settings: its own where set, the server's defaults otherwise. */
  settings(): Promise<MpuSettings> {
    this.settingsPromise ??= this.repository.settings().then((own) => ({ ...this.defaults, ...own }));
    return this.settingsPromise;
  }

  async setSettings(input: {
    minReviewerSeniority?: Seniority | null;
    requiredReviews?: number | null;
  }): Promise<MpuSettings> {
    const current = await this.settings();
    const next: MpuSettings = {
      minReviewerSeniority: input.minReviewerSeniority ?? current.minReviewerSeniority,
      requiredReviews: input.requiredReviews ?? current.requiredReviews,
    };
    if (!SENIORITIES.includes(next.minReviewerSeniority)) {
      throw invalid(`minReviewerSeniority must be one of ${SENIORITIES.join(", ")}.`);
    }
    if (
      !Number.isInteger(next.requiredReviews) ||
      next.requiredReviews < 1 ||
      next.requiredReviews > MPU_LIMITS.maxRequiredReviews
    ) {
      throw invalid(
        `requiredReviews must be a whole number from 1 to ${MPU_LIMITS.maxRequiredReviews}; it is ${next.requiredReviews}.`,
      );
    }
    const now = this.now();
    await this.repository.saveSettings(next, now, [
      {
        kind: "MPU_SETTINGS_CHANGED",
        accountIds: [],
        userIds: this.caller.userId === null ? [] : [this.caller.userId],
        actor: this.caller.actor,
        payload: { ...next },
      },
    ]);
    this.settingsPromise = Promise.resolve(next);
    return next;
  }

  private parse(input: unknown) {
    const parsed = parseMpuDefinition(input);
    if (parsed.definition === null) {
      throw new MpuError(
        "INVALID_MPU",
        `The unit has ${parsed.problems.length} problem(s): ${parsed.problems.slice(0, 5).join("; ")}` +
          `${parsed.problems.length > 5 ? "; …" : ""}. extensions.problems lists them all; fix them and send it again.`,
        parsed.problems,
      );
    }
    return parsed.definition;
  }

  /** A new DRAFT by the caller, visible only to them and tenant admins until reviewers validate it. */
  async create(input: unknown, capturedFrom: StoredMpu["capturedFrom"] = null): Promise<StoredMpu> {
    const definition = this.parse(input);
    const user = await this.callerUser();
    const now = this.now();
    const mpu: StoredMpu = {
      id: `mpu_${randomBytes(12).toString("base64url")}`,
      status: "DRAFT",
      authorUserId: this.caller.userId,
      authorSubject: this.caller.subject,
      authorTeamId: user?.teamId ?? null,
      title: definition.title,
      version: 1,
      definition,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      validatedAt: null,
      publishedAt: null,
      retiredAt: null,
      rejectedReason: null,
      capturedFrom,
    };
    const accounts = capturedFrom === null ? [] : [capturedFrom.accountId];
    const audit = [
      mpuAudit("MPU_CREATED", this.caller.actor, mpu, accounts, [this.caller.userId], {
        captured: capturedFrom !== null,
        ...(capturedFrom?.opportunityId ? { opportunityId: capturedFrom.opportunityId } : {}),
      }),
    ];
    this.repository.checkAudit(audit);
    return this.repository.create(mpu, this.caller.actor, audit, [mpuChange("MPU_CREATED", mpu, null)]);
  }

  /** A unit the caller may see; the same NOT_FOUND as a missing one otherwise. */
  async get(id: string): Promise<StoredMpu> {
    checkId(id, "id");
    const [mpu, viewer, settings] = await Promise.all([this.repository.get(id), this.viewer(), this.settings()]);
    if (mpu === null || !maySee(mpu, viewer, settings)) throw notFound(id);
    return mpu;
  }

  async list(filter: MpuListFilter | null | undefined, first: number | null | undefined): Promise<StoredMpu[]> {
    const f = filter ?? {};
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MPU_PAGE) {
      throw invalid(`first must be a whole number from 1 to ${MAX_MPU_PAGE}; it is ${limit}.`);
    }
    const [viewer, settings] = await Promise.all([this.viewer(), this.settings()]);
    const search = checkText(f.search, "filter.search", 100, false);
    const author = f.author === "me" ? this.caller.subject : checkText(f.author, "filter.author", MAX_ID, false);
    return this.repository.list(
      {
        statuses: f.statuses && f.statuses.length > 0 ? [...f.statuses] : null,
        authorSubject: author,
        search: search === null ? null : search.toLowerCase(),
        toReview: f.toReview === true,
      },
      { subject: viewer.subject, isAdmin: viewer.isAdmin, reviewer: isEligibleReviewer(viewer, settings) },
      limit,
    );
  }

  /** The reviews of a unit the caller may see (through the request's loader). */
  async reviews(mpu: StoredMpu): Promise<MpuReview[]> {
    return this.reviewsLoader.load(mpu.id);
  }

  async confirmations(mpu: StoredMpu): Promise<MpuConfirmation[]> {
    return this.confirmationsLoader.load(mpu.id);
  }

  /** Where the gate stands for the unit's current version. */
  async gate(mpu: StoredMpu): Promise<GateState> {
    const [reviews, confirmations, settings] = await Promise.all([
      this.reviews(mpu),
      this.confirmations(mpu),
      this.settings(),
    ]);
    return gateState(
      reviews.filter((r) => r.version === mpu.version),
      confirmations.length,
      settings,
    );
  }

  /** Runs a transition on a unit the caller may see (others get NOT_FOUND). */
  private async transition<R>(
    id: string,
    decide: (locked: { mpu: StoredMpu; reviews: MpuReview[]; confirmations: number }, now: string) => MpuDecision<R>,
  ): Promise<R> {
    checkId(id, "id");
    const [viewer, settings] = await Promise.all([this.viewer(), this.settings()]);
    const now = this.now();
    const outcome = await this.repository.transition<R>(id, now, this.caller.actor, (locked) => {
      if (!maySee(locked.mpu, viewer, settings)) return { refuse: notFound(id) };
      return decide(locked, now);
    });
    if (outcome === null) throw notFound(id);
    if ("refused" in outcome) throw outcome.refused;
    return outcome.result;
  }

  /** A new version of a DRAFT or REJECTED unit (a REJECTED one becomes a DRAFT again, to be resubmitted). */
  async update(id: string, input: unknown): Promise<StoredMpu> {
    const definition = this.parse(input);
    const viewer = await this.viewer();
    return this.transition(id, ({ mpu }, now) => {
      const refusal = updateRefusal(mpu, viewer);
      if (refusal !== null) return { refuse: refusal };
      const next: StoredMpu = {
        ...mpu,
        definition,
        title: definition.title,
        version: mpu.version + 1,
        status: "DRAFT",
        updatedAt: now,
      };
      return {
        mpu: next,
        snapshot: true,
        audit: [mpuAudit("MPU_UPDATED", this.caller.actor, next, [], [this.caller.userId, mpu.authorUserId])],
        changes: [mpuChange("MPU_UPDATED", next, mpu)],
        result: (stored) => stored,
      };
    });
  }

  async submit(id: string): Promise<StoredMpu> {
    const viewer = await this.viewer();
    return this.transition(id, ({ mpu }, now) => {
      const refusal = submitRefusal(mpu, viewer);
      if (refusal !== null) return { refuse: refusal };
      const next: StoredMpu = { ...mpu, status: "SUBMITTED", submittedAt: now, updatedAt: now, rejectedReason: null };
      return {
        mpu: next,
        audit: [mpuAudit("MPU_SUBMITTED", this.caller.actor, next, [], [this.caller.userId])],
        changes: [mpuChange("MPU_SUBMITTED", next, mpu)],
        result: (stored) => stored,
      };
    });
  }

  /**
   * A review of the current version by a senior colleague: a 1–5 effectiveness rating and a comment, and a
   * verdict. A REJECT (with its reason) sends the unit back to the author; the last approval needed, with a
   * customer confirmation on record, validates it.
   */
  async review(
    id: string,
    input: { rating: number; comment: string; verdict: ReviewVerdict; reason?: string | null },
  ): Promise<StoredMpu> {
    checkId(id, "id");
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
      throw invalid(`rating must be a whole number from 1 (no effect) to 5 (strong effect); it is ${input.rating}.`);
    }
    if (!REVIEW_VERDICTS.includes(input.verdict))
      throw invalid(`verdict must be one of ${REVIEW_VERDICTS.join(", ")}.`);
    const comment = checkText(input.comment, "comment", MPU_LIMITS.commentLength, true)!;
    const reason = checkText(input.reason, "reason", MPU_LIMITS.reasonLength, input.verdict === "REJECT");
    const [viewer, settings] = await Promise.all([this.viewer(), this.settings()]);
    // The rank first: a reviewer below it learns only that, not whether the unit exists. A token that names no
    // user is refused inside the transition instead, once the unit is found among those it may see (so an
    // unknown id is NOT_FOUND for it, as for everyone, and the role matrix's walk sees no FORBIDDEN).
    const rank = viewer.userId === null ? null : reviewRefusal(null, viewer, settings, []);
    if (rank !== null) throw rank;
    return this.transition(id, ({ mpu, reviews, confirmations }, now) => {
      const refusal = reviewRefusal(mpu, viewer, settings, reviews);
      if (refusal !== null) return { refuse: refusal };
      const review: MpuReview = {
        id: `mpr_${randomBytes(12).toString("base64url")}`,
        mpuId: mpu.id,
        version: mpu.version,
        reviewerUserId: viewer.userId!,
        reviewerSubject: viewer.subject,
        rating: input.rating,
        comment,
        verdict: input.verdict,
        at: now,
      };
      const gate = gateState([...reviews, review], confirmations, settings);
      const rejected = input.verdict === "REJECT";
      const next: StoredMpu = {
        ...mpu,
        updatedAt: now,
        ...(rejected ? { status: "REJECTED" as const, rejectedReason: reason } : {}),
        ...(!rejected && gate.passed ? { status: "VALIDATED" as const, validatedAt: now } : {}),
      };
      const users = [viewer.userId, mpu.authorUserId];
      const details = { rating: input.rating, verdict: input.verdict, approvals: gate.approvals };
      return {
        mpu: next,
        review,
        audit: [
          mpuAudit("MPU_REVIEWED", this.caller.actor, next, [], users, details),
          ...(next.status === mpu.status
            ? []
            : [mpuAudit(rejected ? "MPU_REJECTED" : "MPU_VALIDATED", this.caller.actor, next, [], users, details)]),
        ],
        changes: [
          mpuChange("MPU_REVIEWED", { ...next, status: mpu.status }, mpu),
          ...(next.status === mpu.status ? [] : [mpuChange(rejected ? "MPU_REJECTED" : "MPU_VALIDATED", next, mpu)]),
        ],
        result: (stored) => stored,
      };
    });
  }

  /**
   * Records that the customer valued the practice: on their account, with what they said (and the signal
   * that carries it, when there is one). With enough approvals already, it validates a SUBMITTED unit.
   */
  async confirm(id: string, input: { accountId: string; signalId?: string | null; note: string }): Promise<StoredMpu> {
    const accountId = checkId(input.accountId, "accountId");
    const signalId = input.signalId ? checkId(input.signalId, "signalId") : null;
    const note = checkText(input.note, "note", MPU_LIMITS.noteLength, true)!;
    if (signalId !== null && !(await this.repository.signalOnAccount(signalId, accountId))) {
      throw invalid(
        `Signal "${signalId.slice(0, 80)}" is not a signal on account "${accountId.slice(0, 80)}" (or its contacts and ` +
          "assets) in your tenant; name the signal that carries the customer's confirmation, or leave signalId out.",
      );
    }
    const settings = await this.settings();
    return this.transition(id, ({ mpu, reviews, confirmations }, now) => {
      if (mpu.status !== "DRAFT" && mpu.status !== "SUBMITTED" && mpu.status !== "REJECTED") {
        return {
          refuse: new MpuError(
            "MPU_WRONG_STATUS",
            `Unit ${mpu.id} is ${mpu.status}; a customer confirmation is part of the gate, recorded before validation.`,
          ),
        };
      }
      const confirmation: MpuConfirmation = {
        id: `mpc_${randomBytes(12).toString("base64url")}`,
        mpuId: mpu.id,
        accountId,
        signalId,
        note,
        recordedBy: this.caller.subject,
        at: now,
      };
      const gate = gateState(reviews, confirmations + 1, settings);
      const validates = mpu.status === "SUBMITTED" && gate.passed;
      const next: StoredMpu = {
        ...mpu,
        updatedAt: now,
        ...(validates ? { status: "VALIDATED" as const, validatedAt: now } : {}),
      };
      const users = [this.caller.userId, mpu.authorUserId];
      return {
        mpu: next,
        confirmation,
        audit: [
          mpuAudit("MPU_CONFIRMED", this.caller.actor, next, [accountId], users, signalId === null ? {} : { signalId }),
          ...(validates
            ? [mpuAudit("MPU_VALIDATED", this.caller.actor, next, [accountId], users, { approvals: gate.approvals })]
            : []),
        ],
        changes: [
          mpuChange("MPU_CONFIRMED", { ...next, status: mpu.status }, mpu),
          ...(validates ? [mpuChange("MPU_VALIDATED", next, mpu)] : []),
        ],
        result: (stored) => stored,
      };
    });
  }

  async publish(id: string): Promise<StoredMpu> {
    const viewer = await this.viewer();
    return this.transition(id, ({ mpu }, now) => {
      const refusal = publishRefusal(mpu, viewer);
      if (refusal !== null) return { refuse: refusal };
      const next: StoredMpu = { ...mpu, status: "PUBLISHED", publishedAt: now, updatedAt: now };
      return {
        mpu: next,
        audit: [mpuAudit("MPU_PUBLISHED", this.caller.actor, next, [], [this.caller.userId, mpu.authorUserId])],
        changes: [mpuChange("MPU_PUBLISHED", next, mpu)],
        result: (stored) => stored,
      };
    });
  }

  async retire(id: string, reasonArg: string | null | undefined): Promise<StoredMpu> {
    const reason = checkText(reasonArg, "reason", MPU_LIMITS.reasonLength, false);
    const viewer = await this.viewer();
    return this.transition(id, ({ mpu }, now) => {
      const refusal = retireRefusal(mpu, viewer);
      if (refusal !== null) return { refuse: refusal };
      const next: StoredMpu = { ...mpu, status: "RETIRED", retiredAt: now, updatedAt: now };
      return {
        mpu: next,
        audit: [
          mpuAudit("MPU_RETIRED", this.caller.actor, next, [], [this.caller.userId, mpu.authorUserId], {
            withReason: reason !== null,
          }),
        ],
        changes: [mpuChange("MPU_RETIRED", next, mpu)],
        result: (stored) => stored,
      };
    });
  }

  /**
   * Proposes a DRAFT from what happened on a deal that advanced between `from` and `to`: the account's and
   * its contacts' signals, the tasks completed about it and the opportunity's stage changes (from the change
   * feed, as far as it is retained), the situation, and the outcome. The author edits it with updateMpu.
   */
  async capture(input: {
    accountId: string;
    opportunityId?: string | null;
    from: string;
    to: string;
  }): Promise<StoredMpu> {
    const accountId = checkId(input.accountId, "accountId");
    const opportunityId = input.opportunityId ? checkId(input.opportunityId, "opportunityId") : null;
    const from = instant(input.from, "from");
    const to = instant(input.to, "to");
    if (from >= to) throw invalid(`from (${from}) must be before to (${to}).`);
    if (Date.parse(to) - Date.parse(from) > MAX_CAPTURE_DAYS * 86_400_000) {
      throw invalid(`The window from ${from} to ${to} is longer than ${MAX_CAPTURE_DAYS} days; capture a shorter one.`);
    }
    const subject = await this.repository.captureSubject(accountId, opportunityId);
    if (subject === null) {
      throw new MpuError(
        "MPU_ACCOUNT_NOT_FOUND",
        `Your tenant has no account "${accountId.slice(0, 80)}"; pass a live account's id.`,
      );
    }
    if (opportunityId !== null && subject.opportunityId === null) {
      throw new MpuError(
        "MPU_OPPORTUNITY_NOT_FOUND",
        `Account ${accountId.slice(0, 80)} has no opportunity "${opportunityId.slice(0, 80)}"; pass one of its opportunities.`,
      );
    }
    const [timeline, situations, stageChanges] = await Promise.all([
      this.repository.captureTimeline(accountId, from, to, CAPTURE_ITEMS),
      this.repository.situations([accountId], opportunityId),
      opportunityId === null ? Promise.resolve([]) : this.stageChanges(opportunityId, from, to),
    ]);
    const items: TimelineItem[] = [
      ...timeline.signals.map((s) => ({
        kind: "SIGNAL" as const,
        at: String(s.at),
        field: String(s.field),
        value: s.value === null || s.value === undefined ? null : String(s.value).slice(0, 100),
      })),
      ...timeline.tasks.map((t) => ({
        kind: "TASK" as const,
        at: String(t.at),
        title: String(t.title),
        template: String(t.template),
        verdict: t.verdict === null || t.verdict === undefined ? null : String(t.verdict),
      })),
      ...stageChanges,
    ];
    const capture: CaptureInput = {
      label: subject.opportunityName ?? subject.accountName,
      from,
      to,
      situation: situations[0]!,
      stageAtEnd: subject.stage,
      timeline: items,
    };
    const { definition, advanced } = proposeDraft(capture);
    if (!advanced) {
      throw invalid(
        `The deal did not advance between ${from} and ${to} (its stage is ${subject.stage ?? "unknown"}); capture a ` +
          "window in which it moved forward or was won, or create the unit by hand (createMpu).",
      );
    }
    return this.create(definition, { accountId, opportunityId, from, to });
  }

  /** The opportunity's stage changes in the window, from the change feed's latest events. */
  private async stageChanges(opportunityId: string, from: string, to: string): Promise<TimelineItem[]> {
    const head = await this.feed.sequence();
    const recent = await this.feed.readRecent(head.last + 1, 1_000, ["OPPORTUNITY_CREATED", "OPPORTUNITY_UPDATED"]);
    const items: TimelineItem[] = [];
    for (const event of recent.events) {
      const at = Date.parse(event.at);
      if (event.recordId !== opportunityId || at < Date.parse(from) || at > Date.parse(to)) continue;
      const stage = event.changes.find((c) => c.field === "stage");
      if (stage === undefined || typeof stage.new !== "string") continue;
      items.push({
        kind: "STAGE",
        at: event.at,
        from: typeof stage.old === "string" ? stage.old : null,
        to: stage.new,
      });
    }
    return items;
  }

  /** Applies a published unit to an account (and an opportunity of it): a PENDING use the tracker follows. */
  async apply(mpuId: string, accountId: string, opportunityId: string | null | undefined): Promise<MpuUse> {
    checkId(accountId, "accountId");
    const mpu = await this.get(mpuId);
    if (mpu.status !== "PUBLISHED") {
      throw new MpuError("MPU_WRONG_STATUS", `Unit ${mpu.id} is ${mpu.status}; only a PUBLISHED unit is applied.`);
    }
    const opportunity = opportunityId ? checkId(opportunityId, "opportunityId") : null;
    if (opportunity === null && needsOpportunity(mpu.definition)) {
      throw invalid(
        `Unit ${mpu.id} checks the deal's stage (a STAGE_REACHED checkpoint or breaker); name the opportunity it is applied to.`,
      );
    }
    const use: MpuUse = {
      id: `mpuse_${randomBytes(12).toString("base64url")}`,
      mpuId: mpu.id,
      mpuVersion: mpu.version,
      accountId,
      opportunityId: opportunity,
      appliedByUserId: this.caller.userId,
      appliedBySubject: this.caller.subject,
      appliedAt: this.now(),
      status: "PENDING",
      resolvedAt: null,
      reason: null,
      escalationTaskId: null,
    };
    const audit = [
      mpuAudit("MPU_APPLIED", this.caller.actor, mpu, [accountId], [this.caller.userId], {
        useId: use.id,
        ...(opportunity === null ? {} : { opportunityId: opportunity }),
      }),
    ];
    this.repository.checkAudit(audit);
    const stored = await this.repository.createUse(use, audit, (u) => [mpuUseChange("MPU_USE_APPLIED", u, null)]);
    if (stored === null) {
      throw new MpuError(
        opportunity === null ? "MPU_ACCOUNT_NOT_FOUND" : "MPU_OPPORTUNITY_NOT_FOUND",
        opportunity === null
          ? `Your tenant has no account "${accountId.slice(0, 80)}"; pass a live account's id.`
          : `Your tenant has no account "${accountId.slice(0, 80)}" with an opportunity "${opportunity.slice(0, 80)}".`,
      );
    }
    return stored;
  }

  async uses(
    filter: { mpuId?: string | null; accountId?: string | null; status?: MpuUseStatus | null } | null | undefined,
    first: number | null | undefined,
  ): Promise<MpuUse[]> {
    const f = filter ?? {};
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MPU_PAGE) {
      throw invalid(`first must be a whole number from 1 to ${MAX_MPU_PAGE}; it is ${limit}.`);
    }
    const viewer = await this.viewer();
    return this.repository.uses(
      {
        mpuId: f.mpuId ? checkId(f.mpuId, "filter.mpuId") : null,
        accountId: f.accountId ? checkId(f.accountId, "filter.accountId") : null,
        status: f.status ?? null,
      },
      { subject: viewer.subject, isAdmin: viewer.isAdmin },
      limit,
    );
  }

  /**
   * Published units ranked for the account: by how well its situation matches (which tags matched) and by
   * their measured effect (success rate shrunk toward the tenant's). Units whose running experiment keeps
   * the account in its control arm are left out.
   */
  async recommended(accountId: string, first: number | null | undefined): Promise<Array<RankedMpu<StoredMpu>>> {
    checkId(accountId, "accountId");
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MPU_PAGE) {
      throw invalid(`first must be a whole number from 1 to ${MAX_MPU_PAGE}; it is ${limit}.`);
    }
    const [situations, candidates, all] = await Promise.all([
      this.repository.situations([accountId]),
      this.repository.recommendable(accountId, RECOMMENDATION_CANDIDATES),
      this.repository.tenantUseCounts(),
    ]);
    const situation = situations[0];
    if (situation === undefined) {
      throw new MpuError(
        "MPU_ACCOUNT_NOT_FOUND",
        `Your tenant has no account "${accountId.slice(0, 80)}"; pass a live account's id.`,
      );
    }
    const ranked = rankMpus(
      candidates.map((c) => ({
        item: c.mpu,
        match: matchSituation(c.mpu.definition.situation, situation),
        counts: { succeeded: c.succeeded, resolved: c.resolved },
      })),
      tenantPrior(all),
    );
    return ranked.slice(0, limit);
  }

  /**
   * Contribution per author and team in a month, the tenant's figures (created per person, adoption rate)
   * and their trend over three months. Definitions: docs/mpus.md.
   */
  async contributions(periodArg: string): Promise<Contributions> {
    const period = parsePeriod(periodArg.trim());
    if (period === null)
      throw invalid(`period must be a month as YYYY-MM, e.g. 2026-11; it is "${periodArg.slice(0, 20)}".`);
    const periods: Period[] = [previousPeriod(previousPeriod(period)), previousPeriod(period), period];
    const [data, ownedIds] = await Promise.all([
      this.repository.contributionData(periods[0]!.start, period.end, CONTRIBUTION_ROWS),
      this.repository.ownedAccountIds(ELIGIBILITY_ACCOUNTS),
    ]);
    const owned = await this.repository.situations(ownedIds);
    const units: ContributionUnit[] = data.units.map((u) => ({
      id: u.id,
      authorUserId: u.authorUserId,
      authorSubject: u.authorSubject,
      authorTeamId: u.authorTeamId,
      status: u.status,
      createdAt: u.createdAt,
      validatedAt: u.validatedAt,
      publishedAt: u.publishedAt,
      retiredAt: u.retiredAt,
    }));
    // Eligible: the unit's situation matches at least one account owned by someone other than its author.
    const eligible = new Set(
      data.units
        .filter((u) => u.publishedAt !== null)
        .filter((u) =>
          owned.some(
            (a) =>
              a.ownerSubject !== null &&
              a.ownerSubject !== u.authorSubject &&
              matchSituation(u.definition.situation, a).eligible,
          ),
        )
        .map((u) => u.id),
    );
    const uses = data.uses.map((u) => ({
      mpuId: u.mpuId,
      appliedBySubject: u.appliedBySubject,
      appliedAt: u.appliedAt,
      status: u.status,
      resolvedAt: u.resolvedAt,
    }));
    const { authors, teams } = contributions(units, uses, eligible, period);
    const trend = periods.map((p) => tenantFigures(units, uses, eligible, data.people, p));
    return { period: period.period, authors, teams, tenant: trend[2]!, trend };
  }
}
