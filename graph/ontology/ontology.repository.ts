import neo4j from "neo4j-driver";
import type { MappingSpec } from "../../ontology/model/mapping.model";
import { CursorKey } from "../../domain/pagination/cursor";
import { toFulltextQuery } from "../../domain/search/fulltext-query";
import { CypherExecutor } from "../executor";
import { ChangeOutbox } from "../events/change-outbox";
import { bumpTenantConfig } from "../config/tenant-config";
import { mappingChange, packStoredChange } from "../../domain/events/ontology-changes";
import {
  CONCEPTS_BY_IDS,
  CONCEPTS_OF_ACCOUNTS,
  COUNT_CONCEPTS,
  COUNT_SEARCHED_CONCEPTS,
  FIELD_POPULATION,
  FIELD_POPULATIONS,
  FIELDS_MEASURING,
  HIERARCHY,
  LIST_CONCEPTS,
  MAPPINGS_OF_CONCEPTS,
  MAPPINGS_OF_FIELD,
  ONTOLOGIES,
  PATHS_TO_ROOTS,
  RELATED_CONCEPTS,
  SEARCH_CONCEPTS,
  VERSION_CONTENT,
} from "./ontology-read.queries";
import {
  CLEAR_LINKS,
  CLEAR_PACK_MAPPINGS,
  CREATE_LINKS,
  DELETE_MAPPING,
  REMOVE_DROPPED_CONCEPTS,
  STORE_VERSION,
  UPSERT_CONCEPTS,
  UPSERT_MAPPING,
  UPSERT_MAPPINGS,
} from "./ontology-write.queries";
import {
  ConceptRecord,
  ConceptRelation,
  MappingRecord,
  OntologyRecord,
  PackWrite,
  RelatedConcept,
  toConceptRecord,
  toMappingProps,
  toMappingRecord,
} from "./ontology-records";

/** The scope of the packs shipped with Relata; tenants' own packs and mappings use the tenant id. */
export const BUILT_IN_SCOPE = "_builtin";

/**
 * Ontologies, concepts and mappings, seen from one tenant: the built-in packs plus the tenant's own.
 * Writes go to `scope` (the tenant, or the built-in scope when loading the shipped packs). A tenant's
 * writes append their change events to `outbox`; the built-in packs belong to no tenant and have none.
 */
export class OntologyRepository {
  private readonly scopes: string[];

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
    private readonly scope: string = tenant,
    private readonly outbox: ChangeOutbox | null = null,
  ) {
    this.scopes = [...new Set([tenant, BUILT_IN_SCOPE, scope])];
  }

  private params(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { tenant: this.tenant, scopes: this.scopes, scope: this.scope, ...extra };
  }

  async ontologies(): Promise<OntologyRecord[]> {
    const rows = await this.executor.read(ONTOLOGIES, this.params());
    return rows.map((row) => {
      const o = row.ontology as Record<string, unknown>;
      return {
        pack: String(o.pack),
        scope: String(o.scope),
        version: String(o.version),
        title: JSON.parse(String(o.title ?? "{}")) as Record<string, string>,
        namespace: String(o.namespace ?? ""),
        builtIn: o.scope === BUILT_IN_SCOPE,
        conceptCount: Number(o.conceptCount ?? 0),
        mappingCount: Number(o.mappingCount ?? 0),
        versions: (row.versions as string[]) ?? [],
      };
    });
  }

  /** The stored content (canonical JSON) of a pack version, or of its active version when `version` is null. */
  async versionContent(
    pack: string,
    version: string | null,
  ): Promise<{ version: string; content: string; scope: string } | null> {
    const rows = await this.executor.read(VERSION_CONTENT, this.params({ pack, version: version ?? null }));
    const row = rows.find((r) => r.scope === this.tenant) ?? rows[0];
    return row ? { version: String(row.version), content: String(row.content), scope: String(row.scope) } : null;
  }

  /** Stores a pack version and, when `activate`, makes it the live graph of the pack; one transaction. */
  async storePack(write: PackWrite, now: string): Promise<void> {
    const { pack } = write;
    const base = this.params({ pack: pack.pack, version: pack.version, now });
    const statements = [
      {
        query: STORE_VERSION,
        params: {
          ...base,
          content: write.content,
          hash: write.hash,
          activate: write.activate,
          title: JSON.stringify(pack.title),
          namespace: pack.namespace,
          builtIn: this.scope === BUILT_IN_SCOPE,
          conceptCount: neo4j.int(pack.concepts.length),
          mappingCount: neo4j.int(pack.mappings.length),
        },
      },
    ];
    if (write.activate) {
      statements.push(
        { query: REMOVE_DROPPED_CONCEPTS, params: { ...base, ids: pack.concepts.map((c) => c.id) } as never },
        { query: UPSERT_CONCEPTS, params: { ...base, concepts: write.concepts } as never },
        { query: CLEAR_LINKS, params: base as never },
        { query: CREATE_LINKS, params: { ...base, links: write.links } as never },
        { query: CLEAR_PACK_MAPPINGS, params: base as never },
        {
          query: UPSERT_MAPPINGS,
          params: {
            ...base,
            mappings: pack.mappings.map((m) => ({
              system: m.system,
              field: m.field,
              concept: m.concept,
              props: { ...toMappingProps(m), pack: pack.pack },
            })),
          } as never,
        },
      );
    }
    // A fixed name: it labels metrics and spans, and a pack id is tenant data.
    await this.executor.writeSteps("ontology.store", async (run) => {
      const [stored] = await run(statements[0]!.query, statements[0]!.params);
      for (const { query, params } of statements.slice(1)) await run(query, params);
      const previous =
        (stored?.previous as { version: string; conceptCount: unknown; mappingCount: unknown } | null) ?? null;
      const change = packStoredChange(
        pack.pack,
        { version: pack.version, conceptCount: pack.concepts.length, mappingCount: pack.mappings.length },
        previous === null
          ? null
          : {
              version: String(previous.version),
              conceptCount: Number(previous.conceptCount ?? 0),
              mappingCount: Number(previous.mappingCount ?? 0),
            },
        write.activate,
      );
      await this.outbox?.append(run, now, [change]);
      if (write.activate) await bumpTenantConfig(run, this.scope, now);
    });
  }

  /** Re-creates a pack's links, for links to packs that were loaded after it. */
  async relink(pack: string, links: PackWrite["links"], now: string): Promise<void> {
    await this.executor.writeSteps(CREATE_LINKS.name, async (run) => {
      await run(CREATE_LINKS, this.params({ pack, links, now }));
      await bumpTenantConfig(run, this.scope, now);
    });
  }

  /** Creates or replaces one of the tenant's mappings, with its MAPPING_SET event; false without the concept. */
  async upsertMapping(mapping: MappingSpec, now: string): Promise<boolean> {
    const { system, field, concept } = mapping;
    return this.executor.writeSteps(UPSERT_MAPPING.name, async (run) => {
      const [row] = await run(
        UPSERT_MAPPING,
        this.params({ now, system, field, concept, props: toMappingProps(mapping) }),
      );
      if (row === undefined) return false;
      const change = mappingChange(
        { system, field, concept },
        (row.before as Record<string, unknown> | null) ?? null,
        row.after as Record<string, unknown>,
      );
      await this.outbox?.append(run, now, change === null ? [] : [change]);
      if (change !== null) await bumpTenantConfig(run, this.scope, now);
      return true;
    });
  }

  /** Deletes one of the tenant's mappings, with its MAPPING_REMOVED event; how many were deleted. */
  async deleteMapping(system: string, field: string, concept: string, now: string): Promise<number> {
    return this.executor.writeSteps(DELETE_MAPPING.name, async (run) => {
      const [row] = await run(DELETE_MAPPING, this.params({ system, field, concept }));
      const removed = (row?.removed as Array<Record<string, unknown>> | undefined) ?? [];
      const changes = removed.flatMap((before) => mappingChange({ system, field, concept }, before, null) ?? []);
      await this.outbox?.append(run, now, changes);
      if (Number(row?.deleted ?? 0) > 0) await bumpTenantConfig(run, this.scope, now);
      return Number(row?.deleted ?? 0);
    });
  }

  async conceptsByIds(ids: readonly string[]): Promise<Array<ConceptRecord | null>> {
    const rows = await this.executor.read(CONCEPTS_BY_IDS, this.params({ ids: [...ids] }));
    const byId = new Map<string, ConceptRecord>();
    for (const row of rows) {
      const concept = toConceptRecord(row.concept as Record<string, unknown>);
      // A tenant's own concept wins over a built-in one with the same id.
      if (!byId.has(concept.id) || concept.scope === this.tenant) byId.set(concept.id, concept);
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One page of concepts; `withTotal` also counts every concept the search and pack filter let through. */
  async concepts(request: {
    search: string | null;
    pack: string | null;
    first: number;
    after: CursorKey | null;
    withTotal?: boolean;
  }) {
    const typed = request.search?.trim() ? request.search : null;
    const search = typed === null ? null : toFulltextQuery(typed);
    if (typed !== null && search === null) {
      return { items: [], hasNextPage: false, totalCount: request.withTotal ? 0 : null };
    }
    const filter = { search, pack: request.pack ?? null };
    const [rows, total] = await Promise.all([
      this.executor.read(
        search ? SEARCH_CONCEPTS : LIST_CONCEPTS,
        this.params({
          ...filter,
          after: request.after ? [...request.after] : null,
          limit: neo4j.int(request.first + 1),
        }),
      ),
      request.withTotal
        ? this.executor.read(search ? COUNT_SEARCHED_CONCEPTS : COUNT_CONCEPTS, this.params(filter))
        : Promise.resolve(null),
    ]);
    return {
      items: rows.slice(0, request.first).map((row) => ({
        node: toConceptRecord(row.concept as Record<string, unknown>),
        sortKey: row.sortKey as Array<string | number | null>,
      })),
      hasNextPage: rows.length > request.first,
      totalCount: total === null ? null : Number(total[0]?.total ?? 0),
    };
  }

  /** Related concepts of many concepts in one round trip, aligned with `ids`. */
  async related(ids: readonly string[], relation: ConceptRelation): Promise<RelatedConcept[][]> {
    const rows = await this.executor.read(RELATED_CONCEPTS[relation]!, this.params({ ids: [...ids] }));
    const byId = new Map<string, RelatedConcept[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      byId.get(String(row.id))?.push({
        concept: toConceptRecord(row.concept as Record<string, unknown>),
        weight: typeof row.weight === "number" ? row.weight : null,
        kind: String(row.kind),
      });
    }
    return ids.map((id) => byId.get(id) ?? []);
  }

  async mappingsOfConcepts(ids: readonly string[]): Promise<MappingRecord[][]> {
    const rows = await this.executor.read(MAPPINGS_OF_CONCEPTS, this.params({ ids: [...ids] }));
    const byId = new Map<string, MappingRecord[]>(ids.map((id) => [id, []]));
    for (const row of rows) byId.get(String(row.id))?.push(toMappingRecord(row.mapping as Record<string, unknown>));
    return ids.map((id) => byId.get(id) ?? []);
  }

  async mappingsOfField(
    system: string,
    field: string,
  ): Promise<Array<{ mapping: MappingRecord; concept: ConceptRecord }>> {
    const rows = await this.executor.read(MAPPINGS_OF_FIELD, this.params({ system, field }));
    return rows.map((row) => ({
      mapping: toMappingRecord(row.mapping as Record<string, unknown>),
      concept: toConceptRecord(row.concept as Record<string, unknown>),
    }));
  }

  async pathsToRoots(ids: readonly string[]): Promise<ConceptRecord[][][]> {
    const rows = await this.executor.read(PATHS_TO_ROOTS, this.params({ ids: [...ids] }));
    const byId = new Map<string, ConceptRecord[][]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      byId.get(String(row.id))?.push((row.path as Array<Record<string, unknown>>).map(toConceptRecord));
    }
    return ids.map((id) => byId.get(id) ?? []);
  }

  async fieldsMeasuring(
    conceptId: string,
  ): Promise<Array<{ mapping: MappingRecord; path: ConceptRecord[]; depth: number }>> {
    const rows = await this.executor.read(FIELDS_MEASURING, this.params({ conceptId }));
    return rows.map((row) => ({
      mapping: toMappingRecord(row.mapping as Record<string, unknown>),
      path: (row.path as Array<Record<string, unknown>>).map(toConceptRecord),
      depth: Number(row.depth),
    }));
  }

  async conceptsOfAccounts(accountIds: readonly string[]) {
    const rows = await this.executor.read(CONCEPTS_OF_ACCOUNTS, this.params({ ids: [...accountIds] }));
    type Entry = {
      concept: ConceptRecord;
      sources: Array<{ system: string; field: string; signals: number; latestObservedAt: string }>;
    };
    const byId = new Map<string, Entry[]>(accountIds.map((id) => [id, []]));
    for (const row of rows) {
      byId.get(String(row.id))?.push({
        concept: toConceptRecord(row.concept as Record<string, unknown>),
        sources: (row.sources as Entry["sources"]).map((s) => ({
          ...s,
          latestObservedAt: new Date(s.latestObservedAt).toISOString(),
        })),
      });
    }
    return accountIds.map((id) => byId.get(id) ?? []);
  }

  /** Every visible concept's id, pack, broader concepts and parts. */
  async hierarchy(): Promise<Array<{ id: string; pack: string; broader: string[]; parts: string[] }>> {
    const rows = await this.executor.read(HIERARCHY, this.params());
    return rows.map((row) => ({
      id: String(row.id),
      pack: String(row.pack),
      broader: row.broader as string[],
      parts: row.parts as string[],
    }));
  }

  /** The populations of many fields in one round trip, keyed "system|field". */
  async fieldPopulations(fields: ReadonlyArray<{ system: string; field: string }>): Promise<Map<string, number[]>> {
    if (fields.length === 0) return new Map();
    const rows = await this.executor.read(FIELD_POPULATIONS, this.params({ fields: [...fields] }));
    return new Map(
      rows.map((row) => [`${String(row.system)}|${String(row.field)}`, (row.values as unknown[]).map(Number)]),
    );
  }

  async fieldPopulation(system: string, field: string): Promise<number[]> {
    const rows = await this.executor.read(FIELD_POPULATION, this.params({ system, field }));
    return rows.map((row) => Number(row.value));
  }
}
