import { createHash } from "node:crypto";
import { Clock, systemClock } from "../../domain/time/clock";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { checkMapping } from "../../ontology/bridge/check-mapping";
import type { MappingSpec } from "../../ontology/model/mapping.model";
import { compareVersions, OntologyPack, PackNote, PackProblem, PackResult } from "../../ontology/model/ontology.model";
import { canonicalPack, diffPacks, PackDiff } from "../../ontology/pack/diff-packs";
import { parsePack } from "../../ontology/pack/parse-pack";
import { KnownConcepts, validatePack } from "../../ontology/pack/validate-pack";
import { exportSkosTurtle } from "../../ontology/skos/export-skos";
import { importSkosRdfXml, importSkosTurtle } from "../../ontology/skos/import-skos";
import { packRows } from "../../graph/ontology/ontology-records";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { OntologyError } from "./ontology.errors";

export type OntologyFormat = "PACK" | "SKOS_TURTLE" | "SKOS_RDF_XML";

export type ImportStatus = "IMPORTED" | "STORED" | "UNCHANGED" | "REJECTED";

export interface ImportOutcome {
  status: ImportStatus;
  pack: string | null;
  version: string | null;
  problems: PackProblem[];
  /** What the import assumed or left out without failing (a defaulted version, links it could not keep). */
  notes: PackNote[];
  /** What the import changed against the pack's previously active version (null for a new pack). */
  diff: PackDiff | null;
}

/** The folder of the packs shipped with Relata, from the sources (tests) or from dist/ (the built server). */
export const BUILT_IN_PACKS_DIR =
  [join(__dirname, "..", "..", "ontology", "packs"), join(__dirname, "..", "..", "..", "ontology", "packs")].find(
    (dir) => existsSync(join(dir, "..", "README.md")),
  ) ?? join(__dirname, "..", "..", "ontology", "packs");

function hashOf(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

function knownFrom(entries: Array<{ id: string; broader: string[]; parts: string[] }>): KnownConcepts {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    has: (id) => byId.has(id),
    broaderOf: (id) => byId.get(id)?.broader ?? [],
    partsOf: (id) => byId.get(id)?.parts ?? [],
  };
}

/**
 * Imports, exports and versions ontology packs, and edits mappings. Every import is validated as a whole
 * against the graph before anything is written; a rejected import leaves the graph unchanged.
 */
export class OntologyService {
  constructor(
    private readonly repository: OntologyRepository,
    /** True for the service that loads the shipped packs; tenants may not replace built-in packs. */
    private readonly writesBuiltIn = false,
    private readonly clock: Clock = systemClock,
  ) {}

  async importOntology(format: OntologyFormat, content: string): Promise<ImportOutcome> {
    const hierarchy = await this.repository.hierarchy();
    const known = knownFrom(hierarchy);
    const parsed: PackResult =
      format === "PACK"
        ? parsePack(content, known)
        : format === "SKOS_TURTLE"
          ? importSkosTurtle(content, known, await this.packOfIri())
          : await importSkosRdfXml(content, known, await this.packOfIri());
    const notes = [...(parsed.notes ?? [])];
    if (!parsed.ok) {
      return { status: "REJECTED", pack: null, version: null, problems: parsed.problems, notes, diff: null };
    }
    const pack = parsed.pack;
    const ontologies = await this.repository.ontologies();
    const existing = ontologies.find((o) => o.pack === pack.pack);
    if (existing?.builtIn && !this.writesBuiltIn) {
      const problem = {
        where: "pack",
        message:
          `"${pack.pack}" is a built-in pack; give your pack another id (e.g. "${pack.pack}-custom")` +
          (format === "PACK" ? "" : " with dcterms:identifier"),
      };
      return { ...this.rejected(pack, [problem]), notes };
    }
    return { ...(await this.store(pack, existing?.version ?? null)), notes };
  }

  /** Loads the packs shipped in `dir` into the built-in scope; re-loading unchanged packs writes nothing. */
  async loadBuiltInPacks(
    dir: string = BUILT_IN_PACKS_DIR,
    log: (m: string) => void = () => {},
  ): Promise<ImportOutcome[]> {
    if (!existsSync(dir)) throw new Error(`The built-in ontology packs are missing: ${dir} does not exist.`);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".pack.yaml"))
      .sort();
    const raws = files.map((file) => ({
      file,
      raw: parseYaml(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>,
    }));
    // Packs refer to each other (industries to core, matches both ways), so each is checked against all.
    const all = raws.flatMap(({ raw }) =>
      (Array.isArray(raw.concepts) ? raw.concepts : []).map((c: Record<string, unknown>) => ({
        id: String(c.id),
        broader: (c.broader as string[] | undefined) ?? [],
        parts: ((c.parts as Array<{ concept: string }> | undefined) ?? []).map((p) => p.concept),
      })),
    );
    const ontologies = await this.repository.ontologies();
    const outcomes: ImportOutcome[] = [];
    const written: OntologyPack[] = [];
    for (const { file, raw } of raws) {
      const result = validatePack(raw, knownFrom(all));
      if (!result.ok) {
        const shown = result.problems
          .slice(0, 20)
          .map((p) => `  ${p.where}: ${p.message}`)
          .join("\n");
        throw new Error(`The built-in pack ${file} is invalid:\n${shown}`);
      }
      const outcome = await this.store(
        result.pack,
        ontologies.find((o) => o.pack === result.pack.pack)?.version ?? null,
      );
      if (outcome.status === "IMPORTED") written.push(result.pack);
      log(`ontology pack ${result.pack.pack} ${result.pack.version}: ${outcome.status.toLowerCase()}`);
      outcomes.push(outcome);
    }
    // Links into packs loaded later in the same run are created now that every concept exists.
    const now = this.clock().toISOString();
    for (const pack of written) await this.repository.relink(pack.pack, packRows(pack).links, now);
    return outcomes;
  }

  async exportOntology(pack: string, version: string | null, format: OntologyFormat): Promise<string> {
    if (format === "SKOS_RDF_XML") {
      throw new OntologyError(
        "INVALID_VALUE",
        "Packs are exported as PACK (YAML) or SKOS_TURTLE; RDF/XML is read on import only. Export SKOS_TURTLE, " +
          "which any RDF tool converts to RDF/XML.",
      );
    }
    const stored = await this.repository.versionContent(pack, version);
    if (!stored) {
      throw new OntologyError(
        "ONTOLOGY_NOT_FOUND",
        `There is no pack "${pack}"${version ? ` in version ${version}` : ""}; list them with the ontologies query.`,
      );
    }
    const content = JSON.parse(stored.content) as OntologyPack;
    if (format === "PACK") return stringifyYaml(content, { lineWidth: 0 });
    const namespaces = new Map((await this.repository.ontologies()).map((o) => [o.pack, o.namespace]));
    return exportSkosTurtle(content, (p) => namespaces.get(p));
  }

  /** Like {@link diff}, with versions written "pack@version" when no pack is given. */
  async diffVersions(pack: string | null, from: string, to: string): Promise<PackDiff> {
    if (pack !== null) return this.diff(pack, from, to);
    const [fromPack, fromVersion] = from.split("@");
    const [toPack, toVersion] = to.split("@");
    if (!fromPack || !fromVersion || !toVersion || fromPack !== toPack) {
      throw new OntologyError(
        "INVALID_VALUE",
        `Without pack, write both versions as "pack@version" of the same pack (e.g. "core@1.0.0"); ` +
          `received "${from}" and "${to}".`,
      );
    }
    return this.diff(fromPack, fromVersion, toVersion);
  }

  async diff(pack: string, from: string, to: string): Promise<PackDiff> {
    const [a, b] = await Promise.all([
      this.repository.versionContent(pack, from),
      this.repository.versionContent(pack, to),
    ]);
    for (const [wanted, found] of [
      [from, a],
      [to, b],
    ] as const) {
      if (!found) {
        throw new OntologyError(
          "ONTOLOGY_NOT_FOUND",
          `Pack "${pack}" has no version ${wanted}; see ontologies { versions }.`,
        );
      }
    }
    return diffPacks(JSON.parse(a!.content) as OntologyPack, JSON.parse(b!.content) as OntologyPack);
  }

  /** Validates and stores a tenant mapping; `date` (when the mapping took effect) defaults to today. */
  async upsertMapping(input: unknown): Promise<MappingSpec> {
    if (input !== null && typeof input === "object" && (input as { date?: unknown }).date == null) {
      input = { ...input, date: this.clock().toISOString().slice(0, 10) };
    }
    const problems = checkMapping(input, "input");
    if (problems.length > 0)
      throw new OntologyError("INVALID_MAPPING", `The mapping is invalid: ${problems.join("; ")}.`);
    const mapping = input as MappingSpec;
    const stored = await this.repository.upsertMapping(mapping, this.clock().toISOString());
    if (!stored) {
      throw new OntologyError(
        "CONCEPT_NOT_FOUND",
        `There is no concept "${mapping.concept}"; find one with the concepts query.`,
      );
    }
    return mapping;
  }

  async deleteMapping(system: string, field: string, concept: string): Promise<void> {
    const deleted = await this.repository.deleteMapping(system, field, concept, this.clock().toISOString());
    if (deleted === 0) {
      throw new OntologyError(
        "MAPPING_NOT_FOUND",
        `Your tenant has no mapping ${system}/${field} → ${concept}. Built-in mappings cannot be deleted; ` +
          `override them by mapping the field yourself with upsertMapping.`,
      );
    }
  }

  private async packOfIri() {
    const ontologies = await this.repository.ontologies();
    return (iri: string) => {
      const match = ontologies.find((o) => o.namespace && iri.startsWith(o.namespace));
      return match ? { pack: match.pack, namespace: match.namespace } : undefined;
    };
  }

  private rejected(pack: OntologyPack, problems: PackProblem[]): ImportOutcome {
    return { status: "REJECTED", pack: pack.pack, version: pack.version, problems, notes: [], diff: null };
  }

  private async store(pack: OntologyPack, activeVersion: string | null): Promise<ImportOutcome> {
    const content = canonicalPack(pack);
    const hash = hashOf(content);
    const same = await this.repository.versionContent(pack.pack, pack.version);
    if (same && hashOf(same.content) === hash) {
      return { status: "UNCHANGED", pack: pack.pack, version: pack.version, problems: [], notes: [], diff: null };
    }
    if (same) {
      return this.rejected(pack, [
        {
          where: "version",
          message: `version ${pack.version} of "${pack.pack}" is already stored with different content; raise the version`,
        },
      ]);
    }
    const activate = activeVersion === null || compareVersions(pack.version, activeVersion) > 0;
    const previous = activeVersion ? await this.repository.versionContent(pack.pack, activeVersion) : null;
    await this.repository.storePack({ pack, content, hash, activate, ...packRows(pack) }, this.clock().toISOString());
    return {
      status: activate ? "IMPORTED" : "STORED",
      pack: pack.pack,
      version: pack.version,
      problems: [],
      notes: [],
      diff: previous ? diffPacks(JSON.parse(previous.content) as OntologyPack, pack) : null,
    };
  }
}
