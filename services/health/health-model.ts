import { GradeBand, gradeBandProblems } from "../../domain/health/grade-bands";

export const MODEL_SCOPES = ["TENANT", "INDUSTRY", "SEGMENT"] as const;
export type ModelScopeKind = (typeof MODEL_SCOPES)[number];

/** What a health model says: which concept tree, with which weights, grades, window and related signals. */
export interface HealthModelSpec {
  name: string;
  scope: { kind: ModelScopeKind; value: string | null };
  rootConcept: string;
  /** Weights that override the ontology's defaults, per concept, relative to its siblings. */
  weights: Record<string, number>;
  bands: GradeBand[];
  /** When set, every mapping reads the signals of this many days; otherwise each mapping's own window. */
  windowDays: number | null;
  /** Whether the signals of the account's contacts and assets count toward it (its own always do). */
  includeContacts: boolean;
  includeAssets: boolean;
  source: "MANUAL" | "CALIBRATED";
  /** For calibrated versions: how the weights were learned (JSON). */
  calibration: Record<string, unknown> | null;
  /**
   * Concepts this version reads reversed (1 − value): calibration with polarity FOLLOW_DATA found that
   * their higher values went with the bad outcome. Sorted. Empty for manual versions.
   */
  reversedConcepts: string[];
  /** Per concept: the values calibration learned for the levels of its category mapping. */
  categoryLevels: Record<string, CategoryLevelValues>;
}

/** The values a calibrated version learned for the levels of one category mapping (0..1, 1 = best). */
export interface CategoryLevelValues {
  /** The mapping they apply to. */
  system: string;
  field: string;
  values: Record<string, number>;
  /** For values that are not a level, when the mapping has a default; else null. */
  other: number | null;
}

export interface HealthModelVersion extends HealthModelSpec {
  modelId: string;
  version: number;
  active: boolean;
  createdAt: string;
}

export const DEFAULT_MODEL_ID = "default";

export const DEFAULT_BANDS: GradeBand[] = [
  { grade: "GREEN", min: 70 },
  { grade: "YELLOW", min: 40 },
  { grade: "RED", min: 0 },
];

/** The model every tenant has until it defines its own: customer health from the core ontology. */
export const DEFAULT_MODEL: HealthModelSpec = {
  name: "Customer health",
  scope: { kind: "TENANT", value: null },
  rootConcept: "core:customer-health",
  weights: {},
  bands: DEFAULT_BANDS,
  windowDays: null,
  includeContacts: true,
  includeAssets: true,
  source: "MANUAL",
  calibration: null,
  reversedConcepts: [],
  categoryLevels: {},
};

const MODEL_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Every problem of a model definition, with where it is. */
export function healthModelProblems(id: string, spec: HealthModelSpec): string[] {
  const problems: string[] = [];
  if (!MODEL_ID.test(id)) problems.push(`id must be 1-63 lower-case letters, digits or "-"; received "${id}"`);
  if (spec.name.trim() === "") problems.push("name must not be empty");
  if (!MODEL_SCOPES.includes(spec.scope.kind)) problems.push(`scope.kind must be one of ${MODEL_SCOPES.join(", ")}`);
  if (spec.scope.kind !== "TENANT" && !spec.scope.value)
    problems.push(`scope.value is required for a ${spec.scope.kind} scope`);
  for (const [concept, weight] of Object.entries(spec.weights)) {
    if (!Number.isFinite(weight) || weight < 0)
      problems.push(`weights["${concept}"] must be a number ≥ 0; received ${weight}`);
  }
  problems.push(...gradeBandProblems(spec.bands));
  if (
    spec.windowDays !== null &&
    (!Number.isInteger(spec.windowDays) || spec.windowDays < 1 || spec.windowDays > 3660)
  ) {
    problems.push(`windowDays must be a whole number of days between 1 and 3660; received ${spec.windowDays}`);
  }
  if (new Set(spec.reversedConcepts).size !== spec.reversedConcepts.length)
    problems.push("reversedConcepts lists a concept more than once");
  for (const [concept, levels] of Object.entries(spec.categoryLevels)) {
    const values = [...Object.values(levels.values), ...(levels.other === null ? [] : [levels.other])];
    if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 1))
      problems.push(`categoryLevels["${concept}"] must hold values from 0 to 1`);
  }
  return problems;
}

/** Node properties of a model version (nested values as JSON text). */
export function toVersionProps(spec: HealthModelSpec): Record<string, unknown> {
  return {
    name: spec.name,
    scopeKind: spec.scope.kind,
    scopeValue: spec.scope.value,
    rootConcept: spec.rootConcept,
    weights: JSON.stringify(spec.weights),
    bands: JSON.stringify(spec.bands),
    windowDays: spec.windowDays,
    includeContacts: spec.includeContacts,
    includeAssets: spec.includeAssets,
    source: spec.source,
    calibration: spec.calibration === null ? null : JSON.stringify(spec.calibration),
    reversedConcepts: JSON.stringify(spec.reversedConcepts),
    categoryLevels: JSON.stringify(spec.categoryLevels),
  };
}

export function fromVersionProps(row: Record<string, unknown>): HealthModelVersion {
  return {
    modelId: String(row.modelId),
    version: Number(row.version),
    active: row.active === true,
    createdAt: new Date(String(row.createdAt)).toISOString(),
    name: String(row.name),
    scope: {
      kind: String(row.scopeKind) as ModelScopeKind,
      value: typeof row.scopeValue === "string" ? row.scopeValue : null,
    },
    rootConcept: String(row.rootConcept),
    weights: JSON.parse(String(row.weights ?? "{}")) as Record<string, number>,
    bands: JSON.parse(String(row.bands ?? "[]")) as GradeBand[],
    windowDays: typeof row.windowDays === "number" ? row.windowDays : null,
    includeContacts: row.includeContacts !== false,
    includeAssets: row.includeAssets !== false,
    source: row.source === "CALIBRATED" ? "CALIBRATED" : "MANUAL",
    calibration: typeof row.calibration === "string" ? (JSON.parse(row.calibration) as Record<string, unknown>) : null,
    // Versions stored before calibration could reverse polarity or learn levels have neither.
    reversedConcepts: JSON.parse(String(row.reversedConcepts ?? "[]")) as string[],
    categoryLevels: JSON.parse(String(row.categoryLevels ?? "{}")) as Record<string, CategoryLevelValues>,
  };
}
