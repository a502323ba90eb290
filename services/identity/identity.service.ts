import { identityChannels } from "../personal-data/identity-channels";
import DataLoader from "dataloader";
import { IDENTITY_ENTITIES, IdentityEntity } from "../../domain/identity/identity";
import { checkIdentityInput, IdentityInputDraft } from "../../domain/identity-graph/check-identity-input";
import { isResolvedId, isRunId, newRunId } from "../../domain/identity-graph/identity-ids";
import {
  PairDecision,
  RunMode,
  StoredIdentity,
  StoredLink,
  StoredReviewPair,
  StoredRun,
} from "../../domain/identity-graph/stored-identity";
import { IngestResult, RecordOutcome, RecordRejection, summarizeIngest } from "../../domain/ingest/ingest-result";
import { decodeCursor, encodeCursor } from "../../domain/pagination/cursor";
import { PageSizeLimits, resolvePageSize } from "../../domain/pagination/page-size";
import { Clock, systemClock } from "../../domain/time/clock";
import { IdentityModelRepository, StoredModelVersion } from "../../graph/identity/identity-model.repository";
import { IdentityRepository, IdentityRow } from "../../graph/identity/identity.repository";
import { IdentityRunRepository } from "../../graph/identity/identity-run.repository";
import { IngestError } from "../ingest/ingest.errors";
import { DecisionCaller, DecisionOutcome, IdentityDecisions } from "./identity-decisions";
import { GoldenField, IdentityMatcher } from "./identity-matcher";
import { identityRow, IdentityResolution, toMatchRecord } from "./identity-resolution";
import { BackgroundResolution, IdentityRunner } from "./identity-runner";
import { IdentityError } from "./identity.errors";
import { ErasedKeys } from "../personal-data/erased-keys";

export interface IdentityServiceOptions {
  maxBatchSize: number;
  chunkSize: number;
  paging: PageSizeLimits & { cursorSecret: string };
  /** The most identities `Account.identities` gives per account. */
  accountIdentitiesLimit: number;
  batchLoads: boolean;
}

/** A resolved customer as the API shows it. */
export interface ResolvedCustomerView {
  id: string;
  kind: "PERSON" | "ACCOUNT" | "ORGANIZATION";
  entity: IdentityEntity;
  createdAt: string | null;
  identities: StoredIdentity[];
  links: StoredLink[];
  golden: GoldenField[];
  /** Accounts its contacts work at (how a B2C buyer relates to accounts), and itself when it is an account. */
  accountIds: string[];
  modelVersion: number;
}

export interface DecisionView {
  moved: number;
  resolvedCustomers: ResolvedCustomerView[];
}

export interface ReviewPage {
  pairs: StoredReviewPair[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface IdentityModelView {
  entity: IdentityEntity;
  version: number;
  spec: unknown;
  createdAt: string | null;
  createdBy: string | null;
  note: string | null;
  isDefault: boolean;
}

/**
 * One tenant's identity resolution for one request: upserts of channel identities (resolved incrementally in
 * the same request), runs, resolved customers with evidence and golden records, the review queue, and
 * people's merges, splits and pair decisions.
 */
export class IdentityService {
  private readonly decisions: IdentityDecisions;
  private readonly resolution: IdentityResolution;
  readonly identitiesOfAccount: DataLoader<string, StoredIdentity[]>;
  /** Identities by id for the review queue's pairs: one statement per page. */
  readonly identityById: DataLoader<string, StoredIdentity | null>;

  constructor(
    private readonly tenant: string,
    private readonly identities: IdentityRepository,
    private readonly runs: IdentityRunRepository,
    private readonly models: IdentityModelRepository,
    private readonly matcher: IdentityMatcher,
    private readonly runner: IdentityRunner,
    private readonly background: () => BackgroundResolution,
    private readonly caller: DecisionCaller,
    private readonly options: IdentityServiceOptions,
    private readonly clock: Clock = systemClock,
    /** Refuses identities whose person was erased (issue 15). */
    private readonly erased?: ErasedKeys,
  ) {
    this.decisions = new IdentityDecisions(identities, caller, clock);
    this.resolution = new IdentityResolution(tenant, identities, runs, models, matcher, undefined, clock);
    this.identitiesOfAccount = new DataLoader(
      (ids) => identities.identitiesOfAccounts(ids, options.accountIdentitiesLimit),
      { batch: options.batchLoads },
    );
    this.identityById = new DataLoader((ids) => identities.byIds(ids), { batch: options.batchLoads });
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /**
   * Writes channel identities: each record is checked and normalised on its own (rejections say which and
   * why), the valid ones are written in chunks of one transaction each, and the entity types written are
   * then resolved incrementally against the existing clusters, in the same request.
   */
  async upsert(drafts: readonly IdentityInputDraft[]): Promise<IngestResult> {
    if (drafts.length > this.options.maxBatchSize) {
      throw new IngestError(
        "BATCH_TOO_LARGE",
        `input has ${drafts.length} identities; at most ${this.options.maxBatchSize} per call. Split the batch.`,
      );
    }
    const rejections: RecordRejection[] = [];
    const rows: IdentityRow[] = [];
    const seen = new Map<string, number>();
    drafts.forEach((draft, index) => {
      const externalId = typeof draft?.externalId === "string" ? draft.externalId : null;
      const checked = checkIdentityInput(draft ?? {});
      if (!checked.ok) return void rejections.push({ index, externalId, reason: checked.reason });
      const key = `${checked.input.channel}\u0000${checked.input.externalId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        return void rejections.push({
          index,
          externalId,
          reason: `duplicate of record ${earlier} in this batch (same channel and externalId); send each identity once`,
        });
      }
      const normalised = this.matcher.normalise(checked.input);
      if (!normalised.ok) return void rejections.push({ index, externalId, reason: normalised.errors.join("; ") });
      seen.set(key, index);
      rows.push(identityRow(this.tenant, index, checked.input, normalised));
    });
    const refused =
      this.erased === undefined
        ? new Map<number, string>()
        : await this.erased.refusalsWithChannels(
            "IDENTITY",
            rows.map((row) => ({
              index: row.index,
              scope: row.channel,
              externalId: row.externalId,
              ...identityChannels(row.attributes, row.normalised),
            })),
          );
    for (const [index, reason] of refused) {
      rejections.push({ index, externalId: rows.find((row) => row.index === index)?.externalId ?? null, reason });
    }
    const outcomes: RecordOutcome[] = [];
    const entities = new Set<IdentityEntity>();
    rows.splice(0, rows.length, ...rows.filter((row) => !refused.has(row.index)));
    for (let i = 0; i < rows.length; i += this.options.chunkSize) {
      const chunk = rows.slice(i, i + this.options.chunkSize);
      const written = await this.identities.upsert(chunk, this.now());
      const byIndex = new Map(chunk.map((row) => [row.index, row]));
      for (const w of written) {
        const row = byIndex.get(w.index)!;
        if (w.id === null || w.status === null) {
          rejections.push({
            index: w.index,
            externalId: row.externalId,
            reason:
              `identity "${row.externalId}" of channel "${row.channel}" is stored as a ${w.storedEntity ?? "different"} ` +
              `identity; an identity keeps its entity type (send it with entity ${w.storedEntity ?? "as stored"}, or use another externalId)`,
          });
          continue;
        }
        outcomes.push({ index: w.index, id: w.id, status: w.status });
        if (w.status !== "UNCHANGED") entities.add(row.entity);
      }
    }
    for (const entity of IDENTITY_ENTITIES) {
      if (entities.has(entity)) await this.resolution.incremental(entity, null);
    }
    return summarizeIngest(outcomes, rejections);
  }

  /**
   * INCREMENTAL: enrols new contacts or accounts and resolves the identities that belong to no resolved
   * customer yet, in this request; the run is returned finished. FULL: starts (or resumes) a run in the
   * background and returns it RUNNING; follow it with `identityRun(id)`. While a run of the entity is under
   * way, that run is returned instead of a new one.
   */
  async resolve(entityArg: string, mode: RunMode): Promise<StoredRun> {
    const entity = this.entity(entityArg);
    const started = await this.runs.start(
      { id: newRunId(), entity, mode, actor: this.caller.actor, owner: this.runner.owner },
      this.now(),
    );
    if (!started.started) {
      const running = started.run;
      if (running.mode === "FULL" && this.runner.isOrphaned(running, started.owner, this.clock().getTime())) {
        const taken = await this.runs.takeOver(running.id, started.owner, this.runner.owner, this.now());
        if (taken !== null) this.runner.launch(this.background(), taken);
        return taken ?? running;
      }
      return running;
    }
    if (mode === "FULL") {
      this.runner.launch(this.background(), started.run);
      return started.run;
    }
    try {
      await this.resolution.enrol(entity);
      const outcome = await this.resolution.incremental(entity, started.run.id);
      return (await this.runs.update(
        started.run.id,
        {
          status: "SUCCEEDED",
          total: outcome.considered,
          checkpoint: 1,
          clusters: outcome.clusters,
          links: outcome.links,
          reviewPairs: outcome.reviewPairs,
          modelVersion: outcome.modelVersion,
        },
        this.now(),
      ))!;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.update(started.run.id, { status: "FAILED", error: message.slice(0, 500) }, this.now());
      throw error;
    }
  }

  async run(id: string): Promise<StoredRun> {
    const found = isRunId(id) ? await this.runs.byId(id) : null;
    if (found === null) {
      throw new IdentityError(
        "IDENTITY_RUN_NOT_FOUND",
        `this tenant has no identity resolution run ${id.slice(0, 40)}; take the id from resolveIdentities`,
      );
    }
    return found.run;
  }

  /** A resolved customer (person, account or channel-only organization) with evidence and golden record. */
  async resolvedCustomer(id: string): Promise<ResolvedCustomerView> {
    const row = isResolvedId(id) ? await this.identities.resolvedCustomer(id) : null;
    if (row === null) {
      throw new IdentityError(
        "RESOLVED_CUSTOMER_NOT_FOUND",
        `this tenant has no resolved customer ${id.slice(0, 40)}; resolved customers are people ("per_…"), ` +
          `accounts ("acc_…") or organizations known from channels ("rorg_…"): take the id from an identity's resolvedCustomerId`,
      );
    }
    const model = await this.resolution.model(row.entity);
    const golden = row.identities.length === 0 ? [] : this.matcher.golden(row.identities.map(toMatchRecord), model);
    const accountIds =
      row.kind === "ACCOUNT" ? [row.id, ...row.accountIds.filter((a) => a !== row.id)] : row.accountIds;
    return { ...row, golden, accountIds, modelVersion: model.version };
  }

  async identity(id: string): Promise<StoredIdentity> {
    const [identity] = await this.decisions.found([id], ["id"]);
    return identity!;
  }

  async reviewQueue(
    entityArg: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ReviewPage> {
    const entity = this.entity(entityArg);
    const size = resolvePageSize(first, this.options.paging);
    const scope = { tenant: this.tenant, list: `identityReview:${entity}` };
    const key = after ? decodeCursor(after, scope, this.options.paging.cursorSecret, 2) : null;
    const pairs = await this.identities.reviewPage(
      entity,
      key === null ? null : { probability: Number(key[0]), pairKey: String(key[1]) },
      size + 1,
    );
    const page = pairs.slice(0, size);
    const last = page[page.length - 1];
    return {
      pairs: page,
      hasNextPage: pairs.length > size,
      endCursor: last ? encodeCursor(scope, [last.probability, last.pairKey], this.options.paging.cursorSecret) : null,
    };
  }

  async decide(a: string, b: string, decision: PairDecision, reason: string): Promise<DecisionView> {
    return this.withCustomers(await this.decisions.decide(a, b, decision, reason));
  }

  /** Moves an identity out of its resolved customer (reversible with mergeIdentities). */
  async split(identityId: string, reason: string): Promise<DecisionView> {
    return this.withCustomers(await this.decisions.split(identityId, reason));
  }

  /** Merges the resolved customers of two identities (reversible with splitIdentity). */
  async merge(a: string, b: string, reason: string): Promise<DecisionView> {
    return this.withCustomers(await this.decisions.merge(a, b, reason));
  }

  private async withCustomers(outcome: DecisionOutcome): Promise<DecisionView> {
    const ids = [...new Set(outcome.resolvedIds)];
    const customers: ResolvedCustomerView[] = [];
    for (const id of ids) customers.push(await this.resolvedCustomer(id));
    return { moved: outcome.moved, resolvedCustomers: customers };
  }

  async model(entityArg: string): Promise<IdentityModelView> {
    const entity = this.entity(entityArg);
    const stored: StoredModelVersion | null = await this.models.active(entity);
    if (stored === null) {
      return {
        entity,
        version: 0,
        spec: this.matcher.defaultModel(entity),
        createdAt: null,
        createdBy: null,
        note: "the built-in default; a FULL run trains and stores version 1",
        isDefault: true,
      };
    }
    return { ...stored, spec: JSON.parse(stored.spec) as unknown, isDefault: false };
  }

  private entity(value: string): IdentityEntity {
    if (!(IDENTITY_ENTITIES as readonly string[]).includes(value)) {
      throw new IdentityError(
        "INVALID_IDENTITY_REQUEST",
        `entity "${value.slice(0, 40)}" is not one of ${IDENTITY_ENTITIES.join(", ")}`,
      );
    }
    return value as IdentityEntity;
  }
}
