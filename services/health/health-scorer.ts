import { createHash } from "node:crypto";
import {
  bridgeAggregate,
  emptyAggregate,
  FieldAggregate,
  populationOfLatestValues,
} from "../../domain/health/field-aggregate";
import {
  buildHealthTree,
  HealthConcept,
  HealthMapping,
  HealthTree,
  HealthTreeNode,
  ManualMeasure,
} from "../../domain/health/health-tree";
import { AccountHealthScore, LeafValue, scoreAccount } from "../../domain/health/score-account";
import { LearnedLevelValues } from "../../ontology/bridge/bridge-value";
import { DAY_MS, parseWindow } from "../../ontology/bridge/duration";
import {
  HealthRepository,
  ManualMeasureRecord,
  RecomputeBatchAccount,
  StoredAggregate,
  WindowRequest,
} from "../../graph/health/health.repository";
import { SnapshotScore, snapshotScore } from "../../domain/health/snapshot-score";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { HealthModelVersion } from "./health-model";
import { PopulationCache } from "./population-cache";

/** How many signals each mapping leaf of an on-request explanation lists. */
const EVIDENCE_PER_LEAF = 10;

/** The model version's concept tree and mappings, ready to score with; never changed once built. */
export interface Prepared {
  concepts: HealthConcept[];
  mappings: HealthMapping[];
  windowOf: Map<string, WindowRequest>;
  windows: WindowRequest[];
  /** Mapping key → the level values the model version learned for that category mapping. */
  learnedLevels: Map<string, LearnedLevelValues>;
  /** Concept → the notes the model version adds to it (learned levels). */
  conceptNotes: Record<string, string[]>;
  /**
   * Every detail of the percentile-normalised mappings that shapes their populations, hashed: with the
   * tenant, the key of shared populations. Computed once per prepared version, not once per request.
   */
  populationSignature: string;
}

/**
 * Scores accounts with one health model version: the concept tree below the model's root, the tenant's
 * mappings of those concepts, and per account the aggregates of its signals computed in Cypher (one
 * query per batch of accounts, not one per account). Populations for percentile normalisation are taken
 * from the same batch of aggregates plus any population given by the caller.
 */
export class HealthScorer {
  private prepared: Promise<Prepared> | null = null;
  private readonly sharedTrees = new Map<number, HealthTree>();
  private populationCache: Promise<Map<string, number[]>> | null = null;
  /** The concepts the model version reads reversed, with the sentence the explanation gives. */
  private readonly reversals: Record<string, string>;

  constructor(
    private readonly model: HealthModelVersion,
    private readonly health: HealthRepository,
    private readonly ontology: OntologyRepository,
    /** Populations shared between requests (on-request scores); without it, read once per scorer. */
    private readonly shared: { cache: PopulationCache; tenant: string } | null = null,
    /**
     * Where the concept tree and mappings of this model version come from when they are shared between
     * requests (the process's `HealthConfigCache` entry of the tenant's configuration version).
     */
    private readonly sharedPrepared: ((load: () => Promise<Prepared>) => Promise<Prepared>) | null = null,
  ) {
    this.reversals = Object.fromEntries(
      model.reversedConcepts.map((concept) => [
        concept,
        `model version ${model.version} reverses the declared polarity of ${concept} (learned from outcomes: its ` +
          "higher values went with the bad outcome)",
      ]),
    );
  }

  private prepare(): Promise<Prepared> {
    this.prepared ??= this.sharedPrepared ? this.sharedPrepared(() => this.load()) : this.load();
    return this.prepared;
  }

  /** Reads the concept tree below the model's root and its mappings (two statements). */
  private load(): Promise<Prepared> {
    return (async () => {
      const tree = await this.health.conceptTree(this.model.rootConcept);
      const concepts = tree.map((c) => ({ id: c.id, parts: c.parts, narrower: c.narrower }));
      const perConcept = await this.ontology.mappingsOfConcepts(concepts.map((c) => c.id));
      const mappings: HealthMapping[] = perConcept
        .flat()
        .map((m) => ({ ...m, key: `${m.system}|${m.field}|${m.concept}` }));
      const windowOf = new Map<string, WindowRequest>();
      const windows = new Map<string, WindowRequest>();
      for (const mapping of mappings) {
        const parsed = parseWindow(mapping.aggregation.window);
        const ms =
          this.model.windowDays !== null ? this.model.windowDays * DAY_MS : parsed.ok ? parsed.value : 90 * DAY_MS;
        const key = `${mapping.system}|${mapping.field}|${ms}`;
        const request = windows.get(key) ?? { key, system: mapping.system, field: mapping.field, ms };
        windows.set(key, request);
        windowOf.set(mapping.key, request);
      }
      return {
        concepts,
        mappings,
        windowOf,
        windows: [...windows.values()],
        ...this.learnedLevels(mappings),
        populationSignature: populationSignature(mappings),
      };
    })();
  }

  /** The level values the model version learned, for the category mappings they were learned for. */
  private learnedLevels(mappings: readonly HealthMapping[]): Pick<Prepared, "learnedLevels" | "conceptNotes"> {
    const learnedLevels = new Map<string, LearnedLevelValues>();
    const conceptNotes: Record<string, string[]> = {};
    const { version, categoryLevels } = this.model;
    for (const mapping of mappings) {
      const learned = Object.hasOwn(categoryLevels, mapping.concept) ? categoryLevels[mapping.concept] : undefined;
      if (learned === undefined || mapping.transform.kind !== "category") continue;
      if (learned.system !== mapping.system || learned.field !== mapping.field) continue;
      learnedLevels.set(mapping.key, {
        values: learned.values,
        other: learned.other,
        source: `model version ${version} learned it from outcomes`,
      });
      conceptNotes[mapping.concept] = [
        `model version ${version} learned the value of each level of ${mapping.system}.${mapping.field} from ` +
          "outcomes (0..1: 1 for the level that went with the good outcome most, 0 for the one that went with " +
          "the bad outcome most)",
      ];
    }
    return { learnedLevels, conceptNotes };
  }

  /**
   * The top-level concepts (children of the root) whose only source is one category mapping: calibration
   * learns one value per level of each, not one weight.
   */
  async topLevelCategories(): Promise<Map<string, HealthMapping>> {
    const prepared = await this.prepare();
    const categories = new Map<string, HealthMapping>();
    for (const child of this.treeFor(prepared, 0, []).root.children) {
      if (child.kind !== "CONCEPT") continue;
      const leaves: HealthTreeNode[] = [];
      const collect = (node: HealthTreeNode): void => {
        if (node.kind === "CONCEPT") node.children.forEach(collect);
        else leaves.push(node);
      };
      collect(child);
      const [only] = leaves;
      if (leaves.length === 1 && only!.kind === "MAPPING" && only!.mapping.transform.kind === "category") {
        categories.set(child.id, only!.mapping);
      }
    }
    return categories;
  }

  /** Whether the model's root concept exists and has anything below it that can carry data. */
  async mappingCount(): Promise<number> {
    return (await this.prepare()).mappings.length;
  }

  /**
   * Scores many accounts, each as of its own time. With `evidence`, every mapping leaf lists the latest
   * signals behind it (one more query per account: use it for single accounts on request).
   */
  async score(
    accounts: ReadonlyArray<{ id: string; asOf: number }>,
    options: { evidence: boolean },
  ): Promise<Map<string, AccountHealthScore>> {
    const prepared = await this.prepare();
    const include = { contacts: this.model.includeContacts, assets: this.model.includeAssets };
    const [aggregates, manual] = await Promise.all([
      this.health.fieldAggregates(accounts, prepared.windows, include),
      this.health.manualMeasures(
        accounts.map((a) => a.id),
        Math.max(...accounts.map((a) => a.asOf)),
      ),
    ]);
    const byAccount = new Map<string, Map<string, StoredAggregate>>();
    for (const agg of aggregates) {
      const map = byAccount.get(agg.accountId) ?? new Map<string, StoredAggregate>();
      map.set(agg.key, agg);
      byAccount.set(agg.accountId, map);
    }
    const populations = await this.populations(prepared);
    const results = new Map<string, AccountHealthScore>();
    const emptyResults = new Map<string, ReturnType<typeof bridgeAggregate>>();
    for (const account of accounts) {
      const measures: ManualMeasure[] = manual.filter((m) => m.accountId === account.id).map(toManualMeasure);
      const tree = this.treeFor(prepared, account.asOf, measures);
      const evidence = options.evidence
        ? await this.health.evidenceSignals(account.id, account.asOf, prepared.windows, include, EVIDENCE_PER_LEAF)
        : null;
      const leafValues = new Map<string, LeafValue>();
      for (const mapping of prepared.mappings) {
        const window = prepared.windowOf.get(mapping.key)!;
        const stored = byAccount.get(account.id)?.get(window.key);
        // Most accounts have no signals for most mapped fields; the answer for an empty window is the same
        // for every account at one as-of time, so it is computed once per batch.
        const emptyKey = `${mapping.key}|${account.asOf}`;
        const population = populations.get(mapping.key);
        const learned = prepared.learnedLevels.get(mapping.key);
        const bridged = stored
          ? bridgeAggregate(mapping, toFieldAggregate(stored, window, account.asOf), population, learned)
          : (emptyResults.get(emptyKey) ??
            emptyResults
              .set(
                emptyKey,
                bridgeAggregate(mapping, toFieldAggregate(undefined, window, account.asOf), population, learned),
              )
              .get(emptyKey)!);
        const signals = evidence?.get(window.key) ?? [];
        leafValues.set(mapping.key, {
          ...bridged,
          evidence: signals.map((s) => ({
            signalId: s.signalId,
            recordId: s.recordId,
            sourceSystem: s.sourceSystem,
            value: s.value,
            observedAt: Date.parse(s.observedAt),
          })),
        });
      }
      results.set(account.id, scoreAccount(tree, leafValues, { bands: this.model.bands }));
    }
    return results;
  }

  /**
   * What a recompute needs to score its batches as of `asOf`: the windows and related signals to
   * aggregate (the read of a batch, `HealthRepository.recomputeBatch`), and a function that scores one
   * account of a batch into what its snapshot stores. The same numbers as {@link score} followed by
   * `conceptContributions` (to the last bit), without the explanation of every leaf a snapshot does not
   * keep: the concept tree, mappings, populations and the values of empty windows are prepared once.
   */
  async forRecompute(asOf: number): Promise<RecomputeScoring> {
    const prepared = await this.prepare();
    const populations = await this.populations(prepared);
    const bands = this.model.bands;
    const byKey = new Map(prepared.mappings.map((m) => [m.key, m]));
    const emptyValues = new Map<string, number | null>();
    const bridged = (mapping: HealthMapping, stored: StoredAggregate | undefined): number | null => {
      const window = prepared.windowOf.get(mapping.key)!;
      const result = bridgeAggregate(
        mapping,
        toFieldAggregate(stored, window, asOf),
        populations.get(mapping.key),
        prepared.learnedLevels.get(mapping.key),
      );
      return result.ok ? result.value : null;
    };
    return {
      windows: prepared.windows,
      include: { contacts: this.model.includeContacts, assets: this.model.includeAssets },
      score: (account: RecomputeBatchAccount): SnapshotScore => {
        const tree = this.treeFor(prepared, asOf, account.measures.map(toManualMeasure));
        return snapshotScore(
          tree,
          (key) => {
            const mapping = byKey.get(key)!;
            const stored = account.aggregates.get(prepared.windowOf.get(key)!.key);
            if (stored !== undefined) return bridged(mapping, stored);
            // Most accounts have no signals for most mapped fields: an empty window's value is the same
            // for every account, so it is bridged once.
            let empty = emptyValues.get(key);
            if (empty === undefined) {
              empty = bridged(mapping, undefined);
              emptyValues.set(key, empty);
            }
            return empty;
          },
          bands,
        );
      },
    };
  }

  private treeFor(prepared: Prepared, asOf: number, manualMeasures: ManualMeasure[]): HealthTree {
    const build = () =>
      buildHealthTree({
        root: this.model.rootConcept,
        concepts: prepared.concepts,
        mappings: prepared.mappings,
        overrides: this.model.weights,
        manualMeasures,
        asOf,
        reversed: this.reversals,
        conceptNotes: prepared.conceptNotes,
      });
    if (manualMeasures.length > 0) return build();
    // Accounts without manual measures share one tree per as-of time.
    const cached = this.sharedTrees.get(asOf) ?? build();
    this.sharedTrees.set(asOf, cached);
    return cached;
  }

  /**
   * Populations for percentile normalisation: every subject's latest value of the field across the
   * tenant, read once per scorer. Taking them from the tenant rather than from a batch keeps scores
   * independent of how accounts are batched, so the same graph always gives the same scores.
   */
  private populations(prepared: Prepared): Promise<Map<string, number[]>> {
    const percentile = prepared.mappings.filter((m) => m.normalization.kind === "percentile");
    const read = async () => {
      const fields = [...new Map(percentile.map((m) => [`${m.system}|${m.field}`, m])).values()].map((m) => ({
        system: m.system,
        field: m.field,
      }));
      const values = await this.ontology.fieldPopulations(fields);
      const out = new Map<string, number[]>();
      for (const mapping of percentile) {
        out.set(mapping.key, populationOfLatestValues(mapping, values.get(`${mapping.system}|${mapping.field}`) ?? []));
      }
      return out;
    };
    // Shared populations are keyed by the tenant and every detail of the mappings that shapes them.
    this.populationCache ??= this.shared
      ? this.shared.cache.get(`${this.shared.tenant}|${prepared.populationSignature}`, read)
      : read();
    return this.populationCache;
  }
}

/** What a recompute scores its batches with: see {@link HealthScorer.forRecompute}. */
export interface RecomputeScoring {
  windows: readonly WindowRequest[];
  include: { contacts: boolean; assets: boolean };
  score(account: RecomputeBatchAccount): SnapshotScore;
}

function toManualMeasure(m: ManualMeasureRecord): ManualMeasure {
  return {
    id: m.id,
    concept: m.concept,
    value: m.value,
    author: m.author,
    comment: m.comment ?? "",
    expiresAt: m.expiresAt ? Date.parse(m.expiresAt) : null,
  };
}

/** The hash of the percentile-normalised mappings, in key order (see {@link Prepared.populationSignature}). */
function populationSignature(mappings: readonly HealthMapping[]): string {
  const percentile = mappings.filter((m) => m.normalization.kind === "percentile");
  return createHash("sha256")
    .update(JSON.stringify([...percentile].sort((a, b) => compare(a.key, b.key))))
    .digest("base64url");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toFieldAggregate(stored: StoredAggregate | undefined, window: WindowRequest, asOf: number): FieldAggregate {
  if (!stored) return emptyAggregate(window.system, window.field, asOf - window.ms);
  return { ...stored, system: window.system, field: window.field };
}

/** A stable id for a score of one account in one run, so a resumed run rewrites instead of adding. */
export function scoreId(runId: string, accountId: string): string {
  return `hs_${createHash("sha256").update(`${runId}\u0000${accountId}`).digest("base64url").slice(0, 22)}`;
}
