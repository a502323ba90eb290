import { parseGlobalId, isSourceSystemIdOf } from "../../domain/ids/global-id";
import {
  collectImpact,
  DEFAULT_IMPACT_PER_KIND,
  ImpactAnswer,
  ImpactProvider,
  ImpactSubject,
  ImpactTarget,
  ImpactUsage,
  MAX_IMPACT_PER_KIND,
} from "../../domain/lineage/impact";
import { LineageGraph } from "../../domain/lineage/lineage-graph";
import { LineageError } from "../../domain/lineage/lineage.errors";
import { LineageRegistry } from "../../domain/lineage/lineage-provider";
import { checkLineageTarget, LineageTargetInput } from "../../domain/lineage/lineage-target";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { PackDiff } from "../../ontology/pack/diff-packs";

/** A change of an ontology diff and what it would break. */
export interface ImpactWarning {
  change: string;
  conceptId: string;
  usages: ImpactUsage[];
  message: string;
}

/** The most changes of one diff whose impact is read, and usages listed per kind for each. */
const DIFF_TARGETS = 20;
const DIFF_USAGES_PER_KIND = 20;

const MAPPING_KEY = /^(.+)\/(.+) → (.+)$/;

/**
 * Lineage (what a computed value came from) and impact (what uses a field or concept) for one tenant, through
 * the provider registries built in the context factory: a new kind of value or of user registers a provider
 * there and changes nothing here.
 */
export class LineageService {
  constructor(
    private readonly tenant: string,
    private readonly registry: LineageRegistry,
    private readonly impactProviders: readonly ImpactProvider[],
    private readonly ontology: OntologyRepository,
  ) {}

  async lineage(input: LineageTargetInput): Promise<LineageGraph> {
    const target = checkLineageTarget(input);
    const provider = this.registry.providerFor(target);
    const graph = await provider.lineage(target);
    if (graph === null) {
      throw new LineageError(
        "LINEAGE_TARGET_NOT_FOUND",
        `this tenant has no ${provider.kind.toLowerCase().replace(/_/g, " ")} for "${target.id.slice(0, 40)}"; take ` +
          "ids from what you read (account.id, identity.resolvedCustomerId).",
      );
    }
    return graph;
  }

  /** Everything that uses a source field (a source system's id and a field name) or a concept (its id). */
  async impact(input: { id: string; field?: string | null; first?: number | null }): Promise<ImpactAnswer> {
    const perKind = input.first ?? DEFAULT_IMPACT_PER_KIND;
    if (!Number.isInteger(perKind) || perKind < 1 || perKind > MAX_IMPACT_PER_KIND) {
      throw new LineageError(
        "INVALID_LINEAGE_TARGET",
        `first must be an integer from 1 to ${MAX_IMPACT_PER_KIND} (usages listed per kind); received ${perKind}.`,
      );
    }
    const target = await this.impactTarget(input.id.trim(), input.field?.trim() || null);
    return collectImpact(this.impactProviders, await this.subject(target), perKind);
  }

  /**
   * What the changes of an ontology diff would break: for each removed or changed concept, and the concept of
   * each removed or changed mapping, the models, playbooks (and other registered users) that use it.
   */
  async diffImpact(diff: PackDiff): Promise<ImpactWarning[]> {
    const changes: Array<{ change: string; conceptId: string }> = [
      ...diff.removedConcepts.map((c) => ({ change: `concept ${c} removed`, conceptId: c })),
      ...diff.changedConcepts.map((c) => ({
        change: `concept ${c.key} changed (${c.fields.join(", ")})`,
        conceptId: c.key,
      })),
      ...[...diff.removedMappings, ...diff.changedMappings.map((m) => m.key)].flatMap((key) => {
        const parts = MAPPING_KEY.exec(key);
        if (!parts) return [];
        const removed = diff.removedMappings.includes(key);
        return [{ change: `mapping ${key} ${removed ? "removed" : "changed"}`, conceptId: parts[3]! }];
      }),
    ].slice(0, DIFF_TARGETS);
    const removedMappings = new Set(diff.removedMappings);
    const warnings = await Promise.all(
      changes.map(async ({ change, conceptId }) => {
        const target: ImpactTarget = { kind: "CONCEPT", conceptId };
        const answer = await collectImpact(this.impactProviders, await this.subject(target), DIFF_USAGES_PER_KIND);
        // The diff's own mappings are the change, not what it breaks.
        const usages = answer.usages.filter(
          (u) =>
            u.kind !== "MAPPING" ||
            !removedMappings.has(`${String(u.properties.system)}/${String(u.properties.field)} → ${conceptId}`),
        );
        if (usages.length === 0) return null;
        const kinds = [...new Set(usages.map((u) => u.kind.toLowerCase().replace(/_/g, " ")))];
        return {
          change,
          conceptId,
          usages,
          message: `${change}: ${usages.length} ${kinds.join(", ")} usage(s) read ${conceptId} (${usages
            .slice(0, 3)
            .map((u) => u.label)
            .join("; ")}${usages.length > 3 ? "; …" : ""}); check them before activating this version.`,
        };
      }),
    );
    return warnings.filter((w): w is ImpactWarning => w !== null);
  }

  private async impactTarget(id: string, field: string | null): Promise<ImpactTarget> {
    const ref = parseGlobalId(id, "of.id");
    if (ref.kind === "SourceSystem") {
      if (field === null) {
        throw new LineageError(
          "INVALID_LINEAGE_TARGET",
          `of.field is missing: impact of a source system needs the field ("csat"), e.g. { id: "${id.slice(0, 40)}", field: "csat" }.`,
        );
      }
      if (!isSourceSystemIdOf(this.tenant, ref)) {
        throw new LineageError("LINEAGE_TARGET_NOT_FOUND", `this tenant has no source system "${id.slice(0, 40)}".`);
      }
      return { kind: "FIELD", system: ref.key, field };
    }
    if (ref.kind === "Concept") {
      if (field !== null) {
        throw new LineageError(
          "INVALID_LINEAGE_TARGET",
          `of.field must be empty for a concept; to ask about a source field pass its source system's id ("src_…") and the field.`,
        );
      }
      const [concept] = await this.ontology.conceptsByIds([id]);
      if (!concept)
        throw new LineageError("LINEAGE_TARGET_NOT_FOUND", `this tenant has no concept "${id.slice(0, 80)}".`);
      return { kind: "CONCEPT", conceptId: id };
    }
    throw new LineageError(
      "INVALID_LINEAGE_TARGET",
      `impact reads a source field (a source system's "src_…" id and a field) or a concept ("core:satisfaction"); ` +
        `"${id.slice(0, 40)}" is ${/^[AEIOU]/.test(ref.kind) ? "an" : "a"} ${ref.kind} id.`,
    );
  }

  private async subject(target: ImpactTarget): Promise<ImpactSubject> {
    const mappings =
      target.kind === "FIELD"
        ? (await this.ontology.mappingsOfField(target.system, target.field)).map((m) => m.mapping)
        : ((await this.ontology.mappingsOfConcepts([target.conceptId]))[0] ?? []);
    const direct = target.kind === "FIELD" ? [...new Set(mappings.map((m) => m.concept))].sort() : [target.conceptId];
    const paths = direct.length === 0 ? [] : await this.ontology.pathsToRoots(direct);
    const reach = new Set(direct);
    for (const path of paths.flat()) for (const concept of path) reach.add(concept.id);
    return { target, direct, reach: [...reach].sort(), mappings };
  }
}
