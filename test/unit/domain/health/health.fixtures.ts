import { DAY_MS } from "../../../../ontology/bridge/duration";
import { MappingSpec, RawValue } from "../../../../ontology/model/mapping.model";
import { FieldAggregate } from "../../../../domain/health/field-aggregate";
import { HealthMapping } from "../../../../domain/health/health-tree";

/** 2026-11-01T00:00:00Z: the evaluation time of the fixtures. */
export const AS_OF = Date.UTC(2026, 10, 1);
export const WINDOW_START = AS_OF - 90 * DAY_MS;

/** A NUMBER mapping on a 0..1 field with fixed normalisation, mean over 90 days; override what a test needs. */
export function mappingSpec(overrides: Partial<MappingSpec> = {}): MappingSpec {
  return {
    system: "callcenter",
    field: "csat",
    concept: "core:satisfaction",
    dataType: "NUMBER",
    transform: { kind: "linear" },
    polarity: "HIGHER_IS_BETTER",
    normalization: { kind: "fixed", min: 0, max: 1 },
    aggregation: { kind: "mean", window: "P90D" },
    weight: 1,
    predicate: "exact",
    author: "relata",
    justification: "manual-curation",
    confidence: 1,
    date: "2026-11-01",
    ...overrides,
  };
}

/** A mapping leaf for `concept` keyed `key`; a key "system.field" names its field, others are fields of "test". */
export function leafMapping(key: string, concept: string, weight = 1): HealthMapping {
  const dot = key.indexOf(".");
  const [system, field] = dot > 0 ? [key.slice(0, dot), key.slice(dot + 1)] : ["test", key];
  return { ...mappingSpec({ system, field, concept, weight }), key };
}

/**
 * The sums the database would return for observations given as [days since the window start, value],
 * computed the obvious way; the latest is the observation with the largest day (the last one on ties).
 */
export function aggregateOf(
  mapping: Pick<MappingSpec, "system" | "field">,
  observations: ReadonlyArray<readonly [number, RawValue]>,
): FieldAggregate {
  const numeric = observations.filter(
    (o): o is readonly [number, number] => typeof o[1] === "number" && Number.isFinite(o[1]),
  );
  const latest = observations.reduce<readonly [number, RawValue] | null>(
    (best, o) => (best === null || o[0] >= best[0] ? o : best),
    null,
  );
  return {
    system: mapping.system,
    field: mapping.field,
    from: WINDOW_START,
    count: observations.length,
    numericCount: numeric.length,
    sum: numeric.reduce((s, [, v]) => s + v, 0),
    sumT: numeric.reduce((s, [t]) => s + t, 0),
    sumTT: numeric.reduce((s, [t]) => s + t * t, 0),
    sumTV: numeric.reduce((s, [t, v]) => s + t * v, 0),
    latestValue: latest === null ? null : latest[1],
    latestAt: latest === null ? null : WINDOW_START + latest[0] * DAY_MS,
  };
}
