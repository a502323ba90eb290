import type { MappingSpec } from "../../ontology/model/mapping.model";

/** What `impact(of)` asks about: a source field, or a concept. */
export type ImpactTarget = { kind: "FIELD"; system: string; field: string } | { kind: "CONCEPT"; conceptId: string };

/**
 * The target with what the service has read about it once, for every provider: the concepts it measures
 * directly (a field: the concepts its mappings point at; a concept: itself), the concepts those roll up into
 * (ancestors through BROADER and CONTRIBUTES_TO, the direct ones included), and the mappings involved.
 */
export interface ImpactSubject {
  target: ImpactTarget;
  direct: readonly string[];
  reach: readonly string[];
  mappings: ReadonlyArray<MappingSpec & { scope: string; pack: string | null }>;
}

/** One thing that uses the target and would change or break with it. */
export interface ImpactUsage {
  /** MAPPING, HEALTH_MODEL, PLAYBOOK; later VALUE_ANCHOR, MPU, … */
  kind: string;
  id: string;
  label: string;
  version: string | null;
  /** The concept through which it uses the target (null when it reads the target itself). */
  via: string | null;
  /** How it uses it, in plain words: "weights idh:usage 0.3", "reads idh:usage in its trigger". */
  relation: string;
  properties: Readonly<Record<string, unknown>>;
}

/**
 * One kind of thing that can use a field or a concept. Mappings, health models and playbooks are built in;
 * value anchors and MPUs register their own provider where the context is built, like lineage providers.
 */
export interface ImpactProvider {
  readonly kind: string;
  /** Everything of this kind that uses the subject, at most `limit` of them (one more tells it was cut). */
  usages(subject: ImpactSubject, limit: number): Promise<ImpactUsage[]>;
}

export interface ImpactAnswer {
  target: ImpactTarget;
  direct: string[];
  reach: string[];
  usages: ImpactUsage[];
  truncated: boolean;
}

/** The default and largest number of usages one answer lists per kind. */
export const DEFAULT_IMPACT_PER_KIND = 100;
export const MAX_IMPACT_PER_KIND = 500;

/** Every provider's usages of the subject, in registration order, each kind capped at `perKind`. */
export async function collectImpact(
  providers: readonly ImpactProvider[],
  subject: ImpactSubject,
  perKind: number,
): Promise<ImpactAnswer> {
  const lists = await Promise.all(providers.map((p) => p.usages(subject, perKind + 1)));
  let truncated = false;
  const usages = lists.flatMap((list) => {
    if (list.length > perKind) truncated = true;
    return list.slice(0, perKind);
  });
  return {
    target: subject.target,
    direct: [...subject.direct],
    reach: [...subject.reach],
    usages,
    truncated,
  };
}

/** How a target is named in messages and warnings. */
export function describeImpactTarget(target: ImpactTarget): string {
  return target.kind === "FIELD" ? `field ${target.system}.${target.field}` : `concept ${target.conceptId}`;
}
