import { IdentityEntity, IdentityInput } from "../../domain/identity/identity";
import { MemberState } from "../../domain/identity-graph/assign-resolved";
import { ACCOUNT_CHANNEL, enrolledIdentity } from "../../domain/identity-graph/enrolled-identity";
import { identityContentHash, stableJson } from "../../domain/identity-graph/identity-content-hash";
import { identityId, newResolvedId } from "../../domain/identity-graph/identity-ids";
import { planResolution, PlanChunk } from "../../domain/identity-graph/plan-resolution";
import { StoredIdentity, StoredPairDecision, StoredRun } from "../../domain/identity-graph/stored-identity";
import { Clock, systemClock } from "../../domain/time/clock";
import { IdentityModelRepository } from "../../graph/identity/identity-model.repository";
import { IdentityRepository, IdentityRow } from "../../graph/identity/identity.repository";
import { IdentityRunRepository } from "../../graph/identity/identity-run.repository";
import { IdentityMatcher, MatchDecision, MatchModel, MatchRecord, Normalised } from "./identity-matcher";

export interface ResolutionLimits {
  /** Clusters per write transaction of a run. */
  chunkClusters: number;
  /** The most unresolved identities one incremental pass takes. */
  incrementalBatch: number;
  /** Blocking keys shared by more identities than this are too common to find candidates by. */
  maxKeyFanout: number;
  /** Identities read per page by a full run. */
  readPage: number;
  /**
   * A full run trains and stores a model version only from at least this many identities: EM on a handful
   * of records (and a few labelled pairs) learns noise. Below it, the active model is used as it is (the
   * built-in default estimates its parameters on each call's records).
   */
  minTrainingRecords: number;
}

export const DEFAULT_RESOLUTION_LIMITS: ResolutionLimits = {
  chunkClusters: 500,
  incrementalBatch: 2_000,
  maxKeyFanout: 200,
  readPage: 5_000,
  minTrainingRecords: 1_000,
};

/** What a resolution pass did. */
export interface PassOutcome {
  considered: number;
  clusters: number;
  links: number;
  reviewPairs: number;
  modelVersion: number;
}

/** A stop request for a run (the process is shutting down); checked between chunks. */
export interface StopSignal {
  readonly stopped: boolean;
}

export const toMatchRecord = (identity: StoredIdentity): MatchRecord => ({
  id: identity.id,
  channel: identity.channel,
  normalised: identity.normalised,
  observedAt: identity.observedAt,
  clusterId: identity.resolvedId,
});

const toDecision = (d: StoredPairDecision): MatchDecision => ({ a: d.a, b: d.b, decision: d.decision });

function stateOf(identity: StoredIdentity): MemberState {
  return {
    identityId: identity.id,
    resolvedId: identity.resolvedId,
    resolvedKind: identity.resolvedKind,
    accountId: identity.channel === ACCOUNT_CHANNEL ? identity.recordId : null,
  };
}

/** The row that writes an identity (with its normalised form), or the normaliser's complaints. */
export function identityRow(
  tenant: string,
  index: number,
  input: IdentityInput,
  normalised: Extract<Normalised, { ok: true }>,
  recordId: string | null = null,
): IdentityRow {
  return {
    index,
    id: identityId(tenant, input.channel, input.externalId),
    entity: input.entity,
    channel: input.channel,
    externalId: input.externalId,
    attributes: stableJson(input.attributes),
    normalised: JSON.stringify(normalised.normalised),
    observedAt: input.observedAt ?? null,
    hash: identityContentHash({ entity: input.entity, attributes: input.attributes, observedAt: input.observedAt }),
    keys: normalised.blockingKeys.map((key) => `${input.entity}:${key}`),
    recordId,
  };
}

/**
 * Resolution of one tenant's identities: enrolling contacts and accounts, incremental passes (new identities
 * against existing clusters) and full runs (every identity of an entity, in checkpointed chunks).
 */
export class IdentityResolution {
  constructor(
    readonly tenant: string,
    private readonly identities: IdentityRepository,
    private readonly runs: IdentityRunRepository,
    private readonly models: IdentityModelRepository,
    private readonly matcher: IdentityMatcher,
    private readonly limits: ResolutionLimits = DEFAULT_RESOLUTION_LIMITS,
    private readonly clock: Clock = systemClock,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** The entity's active model: the latest stored version, or the built-in default (version 0). */
  async model(entity: IdentityEntity): Promise<MatchModel> {
    const stored = await this.models.active(entity);
    if (stored === null) return { version: 0, spec: this.matcher.defaultModel(entity) };
    return { version: stored.version, spec: JSON.parse(stored.spec) as unknown };
  }

  /**
   * Writes contacts (PERSON) or accounts (ORGANIZATION) that are new or changed since their last enrolment
   * as identities of the channels "crm-contact" / "crm-account"; returns how many were written.
   */
  async enrol(entity: IdentityEntity, rounds = 20): Promise<number> {
    let written = 0;
    for (let round = 0; round < rounds; round += 1) {
      const records = await this.identities.recordsToEnrol(entity, 1_000);
      if (records.length === 0) break;
      const rows: IdentityRow[] = [];
      records.forEach((record, index) => {
        let input = enrolledIdentity(record);
        let normalised = this.matcher.normalise(input);
        // A contact's phone that is no phone must not keep the contact out of resolution.
        if (!normalised.ok) {
          input = { ...input, attributes: { ...input.attributes, phones: [] } };
          normalised = this.matcher.normalise(input);
        }
        if (normalised.ok) rows.push(identityRow(this.tenant, index, input, normalised, record.id));
      });
      if (rows.length === 0) break;
      await this.identities.upsert(rows, this.now());
      written += rows.length;
      if (records.length < 1_000) break;
    }
    return written;
  }

  /**
   * Resolves identities that belong to no resolved customer yet (or `ids`) against the clusters of the
   * identities they share a blocking key with; existing clusters are kept unless a new identity joins them.
   */
  async incremental(entity: IdentityEntity, runId: string | null, ids?: readonly string[]): Promise<PassOutcome> {
    const fresh =
      ids === undefined
        ? await this.identities.unresolved(entity, this.limits.incrementalBatch)
        : (await this.identities.byIds(ids)).filter(
            (i): i is StoredIdentity => i !== null && i.entity === entity && i.resolvedId === null,
          );
    const model = await this.model(entity);
    if (fresh.length === 0)
      return { considered: 0, clusters: 0, links: 0, reviewPairs: 0, modelVersion: model.version };
    const freshIds = fresh.map((i) => i.id);
    const candidates = (await this.identities.candidates(entity, freshIds, this.limits.maxKeyFanout)).filter(
      (c) => !freshIds.includes(c.id),
    );
    const all = [...fresh, ...candidates];
    const decisions = await this.identities.decisions(
      entity,
      all.map((i) => i.id),
    );
    const result = this.matcher.resolveIncremental(
      fresh.map(toMatchRecord),
      candidates.map(toMatchRecord),
      model,
      decisions.map(toDecision),
    );
    const states = new Map(all.map((i) => [i.id, stateOf(i)]));
    // Only the clusters a fresh identity is in change; the others are as stored.
    const touched = result.clusters.filter((c) => c.some((id) => freshIds.includes(id)));
    const touchedIds = new Set(touched.flat());
    const touchedStates = new Map([...states].filter(([id]) => touchedIds.has(id) || freshIds.includes(id)));
    const chunks = planResolution(
      {
        clusters: touched,
        links: result.links.filter((l) => touchedIds.has(l.a) && touchedIds.has(l.b)),
        review: result.review.filter((p) => freshIds.includes(p.a) || freshIds.includes(p.b)),
      },
      touchedStates,
      entity,
      () => newResolvedId(entity === "PERSON" ? "person" : "organization"),
      this.limits.chunkClusters,
    );
    let outcome: PassOutcome = {
      considered: fresh.length,
      clusters: 0,
      links: 0,
      reviewPairs: 0,
      modelVersion: model.version,
    };
    for (const chunk of chunks) {
      await this.writeChunk(entity, chunk, runId, model.version, freshIds, false);
      outcome = this.count(outcome, chunk);
    }
    return outcome;
  }

  /**
   * A full run: enrols, reads every identity of the entity, trains the model (a new stored version) unless
   * resuming, resolves, and writes the clusters chunk by chunk, recording the checkpoint after each, so a
   * run taken over after a crash skips the chunks already written.
   */
  async full(run: StoredRun, stop: StopSignal): Promise<StoredRun | null> {
    const entity = run.entity;
    if (run.checkpoint === 0) await this.enrol(entity);
    const records: StoredIdentity[] = [];
    for (let after = ""; ;) {
      const page = await this.identities.page(entity, after, this.limits.readPage);
      records.push(...page);
      if (page.length < this.limits.readPage) break;
      after = page[page.length - 1]!.id;
    }
    await this.runs.update(run.id, { total: records.length }, this.now());
    const decisions = (await this.identities.decisions(entity, null)).map(toDecision);
    const matchRecords = records.map(toMatchRecord);
    let model = await this.model(entity);
    if (run.checkpoint === 0 && run.resumes === 0 && records.length >= this.limits.minTrainingRecords) {
      const trained = this.matcher.train(matchRecords, model, decisions);
      if (trained !== null) {
        const saved = await this.models.save(
          entity,
          JSON.stringify(trained),
          run.actor,
          `trained by run ${run.id}`,
          this.now(),
        );
        model = { version: saved.version, spec: trained };
      }
    }
    await this.runs.update(run.id, { modelVersion: model.version }, this.now());
    const result = this.matcher.resolveAll(matchRecords, model, decisions);
    const states = new Map(records.map((i) => [i.id, stateOf(i)]));
    const chunks = planResolution(
      result,
      states,
      entity,
      () => newResolvedId(entity === "PERSON" ? "person" : "organization"),
      this.limits.chunkClusters,
    );
    let outcome: PassOutcome = {
      considered: records.length,
      clusters: 0,
      links: 0,
      reviewPairs: 0,
      modelVersion: model.version,
    };
    let latest: StoredRun | null = run;
    for (const [i, chunk] of chunks.entries()) {
      outcome = this.count(outcome, chunk);
      if (i < run.checkpoint) continue;
      if (stop.stopped) return latest;
      await this.writeChunk(entity, chunk, run.id, model.version, [], i === 0);
      latest = await this.runs.update(
        run.id,
        { checkpoint: i + 1, clusters: outcome.clusters, links: outcome.links, reviewPairs: outcome.reviewPairs },
        this.now(),
      );
    }
    return this.runs.update(
      run.id,
      {
        status: "SUCCEEDED",
        checkpoint: chunks.length,
        clusters: outcome.clusters,
        links: outcome.links,
        reviewPairs: outcome.reviewPairs,
      },
      this.now(),
    );
  }

  private count(outcome: PassOutcome, chunk: PlanChunk): PassOutcome {
    return {
      ...outcome,
      clusters: outcome.clusters + chunk.clusters,
      links: outcome.links + chunk.links.length,
      reviewPairs: outcome.reviewPairs + chunk.review.length,
    };
  }

  private async writeChunk(
    entity: IdentityEntity,
    chunk: PlanChunk,
    runId: string | null,
    modelVersion: number,
    removeLinksOf: string[],
    startOver: boolean,
  ): Promise<void> {
    await this.identities.applyResolution(
      {
        entity,
        runId,
        decidedBy: "MODEL",
        newPeople: chunk.newPeople,
        newOrganizations: chunk.newOrganizations,
        members: chunk.members,
        removeLinksOf,
        startOver,
        links: chunk.links.map((l) => ({ ...l, modelVersion, runId, actor: null })),
        review: chunk.review.map((p) => ({ ...p, modelVersion })),
        eventType: "IDENTITY_RESOLVED",
        reason: null,
        maybeEmpty: [],
      },
      this.now(),
    );
  }
}
