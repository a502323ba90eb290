import neo4j from "neo4j-driver";
import { CypherExecutor, PlainRow } from "../executor";
import { BUILT_IN_SCOPE } from "../ontology/ontology.repository";
import { DRAFT_DIRECTORY, PACK_CONTENTS } from "./draft-directory.queries";

/** How much of a tenant's graph the vocabulary takes at most: enough for real tenants, bounded for large ones. */
export const DIRECTORY_BOUNDS = {
  users: 5_000,
  teams: 1_000,
  organizations: 2_000,
  endpoints: 200,
  /** Distinct values of each account field. */
  values: 500,
} as const;

/** The tenant's graph vocabulary as stored: plain values, before names and synonyms are derived from it. */
export interface DirectoryRows {
  users: Array<{ externalId: string; name: string | null; roles: string[] }>;
  teams: Array<{ id: string; externalId: string | null; name: string | null }>;
  organizations: Array<{ id: string; name: string | null; kind: string | null }>;
  endpoints: Array<{ id: string; url: string | null; description: string | null }>;
  industries: string[];
  segments: string[];
  regions: string[];
  /** The grade names of the tenant's active health models, each model's bands in order (best first). */
  gradeBands: string[][];
  /** The active ontology pack versions the tenant sees: built-in and its own. */
  packs: Array<{ scope: string; pack: string; hash: string }>;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
const objects = (value: unknown): PlainRow[] =>
  Array.isArray(value) ? value.filter((v): v is PlainRow => typeof v === "object" && v !== null) : [];

/** Grade names of stored bands (JSON `[{grade, min}]`); a malformed value counts as no grades. */
function gradesOf(bands: unknown): string[] {
  if (typeof bands !== "string") return [];
  try {
    const parsed = JSON.parse(bands) as unknown;
    return Array.isArray(parsed) ? texts(parsed.map((b) => (b as { grade?: unknown } | null)?.grade)) : [];
  } catch {
    return [];
  }
}

/** One tenant's graph vocabulary for plain-language drafts (issue 12): read in one statement. */
export class DraftDirectoryRepository {
  private readonly scopes: string[];

  constructor(
    private readonly executor: CypherExecutor,
    private readonly tenant: string,
  ) {
    this.scopes = [tenant, BUILT_IN_SCOPE];
  }

  async directory(): Promise<DirectoryRows> {
    const [row] = await this.executor.read(DRAFT_DIRECTORY, {
      tenant: this.tenant,
      scopes: this.scopes,
      maxUsers: neo4j.int(DIRECTORY_BOUNDS.users),
      maxTeams: neo4j.int(DIRECTORY_BOUNDS.teams),
      maxOrganizations: neo4j.int(DIRECTORY_BOUNDS.organizations),
      maxEndpoints: neo4j.int(DIRECTORY_BOUNDS.endpoints),
      maxValues: neo4j.int(DIRECTORY_BOUNDS.values),
    });
    const r = row ?? {};
    return {
      users: objects(r.users).flatMap((u) => {
        const externalId = text(u.externalId);
        return externalId === null ? [] : [{ externalId, name: text(u.name), roles: texts(u.roles) }];
      }),
      teams: objects(r.teams).flatMap((t) => {
        const id = text(t.id);
        return id === null ? [] : [{ id, externalId: text(t.externalId), name: text(t.name) }];
      }),
      organizations: objects(r.organizations).flatMap((o) => {
        const id = text(o.id);
        return id === null ? [] : [{ id, name: text(o.name), kind: text(o.kind) }];
      }),
      endpoints: objects(r.endpoints).flatMap((e) => {
        const id = text(e.id);
        return id === null ? [] : [{ id, url: text(e.url), description: text(e.description) }];
      }),
      industries: texts(r.industries),
      segments: texts(r.segments),
      regions: texts(r.regions),
      gradeBands: (Array.isArray(r.bands) ? r.bands : []).map(gradesOf).filter((g) => g.length > 0),
      packs: objects(r.packs).flatMap((p) => {
        const scope = text(p.scope);
        const pack = text(p.pack);
        const hash = text(p.hash);
        return scope === null || pack === null || hash === null ? [] : [{ scope, pack, hash }];
      }),
    };
  }

  /** The stored contents (canonical JSON) of active pack versions the tenant sees, by content hash. */
  async packContents(hashes: readonly string[]): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.executor.read(PACK_CONTENTS, { scopes: this.scopes, hashes: [...hashes] });
    return new Map(
      rows.flatMap((row) => {
        const hash = text(row.hash);
        const content = text(row.content);
        return hash === null || content === null ? [] : [[hash, content] as const];
      }),
    );
  }
}
