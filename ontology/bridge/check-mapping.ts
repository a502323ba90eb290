import { SOURCE_SYSTEM_KEY } from "../../domain/ingest/field-rules";
import {
  DATA_TYPES,
  DataType,
  JUSTIFICATIONS,
  MAPPING_PREDICATES,
  MappingSpec,
  POLARITIES,
  TransformSpec,
} from "../model/mapping.model";
import { LOCAL_ID, PACK_ID } from "../model/ontology.model";
import { aggregationProblems } from "./aggregate";
import { describeValue } from "./format";
import { normalizationProblems } from "./normalize";
import {
  at,
  finiteNumber,
  formatProblem,
  isAbsent,
  isObject,
  located,
  oneOfValues,
  SpecProblem,
  text,
  unknownKeys,
} from "./spec-checks";
import { transformProblems } from "./transform";
import { isKnownUnit, unitConversionProblem, UNITS } from "./units";

/** The keys a mapping may have, in the order ontology/README.md writes them. */
const MAPPING_KEYS = [
  "system",
  "field",
  "concept",
  "dataType",
  "unit",
  "targetUnit",
  "transform",
  "polarity",
  "normalization",
  "aggregation",
  "weight",
  "predicate",
  "author",
  "justification",
  "confidence",
  "date",
  "comment",
] as const satisfies ReadonlyArray<keyof MappingSpec>;

const MAX_NAME_LENGTH = 200;
const MAX_COMMENT_LENGTH = 2_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Every problem of one mapping of a pack, each as "<location>: <message>" under `where`
 * (e.g. `mappings[4].transform.points: x values must increase`). An empty list means `spec` is a valid
 * {@link MappingSpec}. Whether the concept exists is for pack validation, which sees all packs.
 */
export function checkMapping(spec: unknown, where: string): string[] {
  return mappingProblems(spec, where).map(formatProblem);
}

/** Whether `spec` is a valid mapping: {@link checkMapping} finds no problem. */
export function isValidMapping(spec: unknown): spec is MappingSpec {
  return mappingProblems(spec, "").length === 0;
}

/** The problems of {@link checkMapping}, with location and message apart (the shape of a pack problem). */
export function mappingProblems(spec: unknown, where: string): SpecProblem[] {
  if (!isObject(spec)) {
    return [located(where, `must be a mapping with system, field, concept, …; received ${describeValue(spec)}`)];
  }
  const problems: SpecProblem[] = [...unknownKeys(spec, MAPPING_KEYS, where, "a mapping")];
  const add = (found: SpecProblem[]): void => {
    problems.push(...found);
  };

  add(systemKey(spec.system, at(where, "system")));
  add(fieldName(spec.field, at(where, "field")));
  add(conceptId(spec.concept, at(where, "concept")));
  const dataTypeProblems = oneOfValues(spec.dataType, at(where, "dataType"), DATA_TYPES, "data type");
  add(dataTypeProblems);
  const dataType = dataTypeProblems.length === 0 ? (spec.dataType as DataType) : null;

  add(units(spec, where, dataType));

  const aggregation = aggregationProblems(spec.aggregation, at(where, "aggregation"));
  add(aggregation);
  const aggregationKind = aggregation.length === 0 && isObject(spec.aggregation) ? String(spec.aggregation.kind) : null;
  const transform = transformProblems(spec.transform, at(where, "transform"));
  add(transform);
  if (dataType !== null) {
    if (aggregationKind !== null) add(aggregationFitsType(aggregationKind, dataType, spec.field, where));
    if (transform.length === 0) {
      add(transformFitsInput((spec.transform as TransformSpec).kind, dataType, aggregationKind, spec.field, where));
    }
  }

  add(oneOfValues(spec.polarity, at(where, "polarity"), POLARITIES, "polarity"));
  add(normalizationProblems(spec.normalization, at(where, "normalization")));
  add(finiteNumber(spec.weight, at(where, "weight"), true, { test: (w) => w >= 0, expected: "0 or more" }));
  add(oneOfValues(spec.predicate, at(where, "predicate"), MAPPING_PREDICATES, "predicate"));
  add(text(spec.author, at(where, "author"), true, MAX_NAME_LENGTH));
  add(oneOfValues(spec.justification, at(where, "justification"), JUSTIFICATIONS, "justification"));
  add(
    finiteNumber(spec.confidence, at(where, "confidence"), true, {
      test: (c) => c >= 0 && c <= 1,
      expected: "between 0 and 1",
    }),
  );
  add(isoDate(spec.date, at(where, "date")));
  add(comment(spec.comment, at(where, "comment")));
  return problems;
}

function systemKey(value: unknown, where: string): SpecProblem[] {
  if (typeof value === "string" && SOURCE_SYSTEM_KEY.test(value)) return [];
  return [
    located(
      where,
      `must be a source system key of lower-case letters, digits, ".", "_" or "-" (at most 64, e.g. "callcenter"); ` +
        `received ${describeValue(value)}`,
    ),
  ];
}

function fieldName(value: unknown, where: string): SpecProblem[] {
  const problems = text(value, where, true, MAX_NAME_LENGTH);
  // Integrators send field names verbatim; "csat_score " would never match a record's "csat_score".
  if (problems.length === 0 && typeof value === "string" && value !== value.trim()) {
    return [located(where, `must not start or end with spaces; received ${JSON.stringify(value)}`)];
  }
  return problems;
}

function conceptId(value: unknown, where: string): SpecProblem[] {
  const [pack, local, extra] = typeof value === "string" ? value.split(":") : [];
  if (pack !== undefined && PACK_ID.test(pack) && local !== undefined && LOCAL_ID.test(local) && extra === undefined) {
    return [];
  }
  return [
    located(
      where,
      `must be a concept id "<pack>:<local-id>", e.g. "core:satisfaction"; received ${describeValue(value)}`,
    ),
  ];
}

function units(spec: Record<string, unknown>, where: string, dataType: DataType | null): SpecProblem[] {
  const { unit, targetUnit } = spec;
  if (dataType === "STRING" || dataType === "BOOLEAN") {
    // Units measure quantities; a category or a flag has none, and a stray unit hints at a wrong dataType.
    return (["unit", "targetUnit"] as const)
      .filter((key) => !isAbsent(spec[key]))
      .map((key) => located(at(where, key), `omit it for ${dataType} fields; units apply to NUMBER fields only`));
  }
  const problems: SpecProblem[] = [];
  const known = (value: unknown, key: "unit" | "targetUnit"): boolean => {
    if (isAbsent(value)) return false;
    if (isKnownUnit(value)) return true;
    const shown = typeof value === "string" ? JSON.stringify(value) : describeValue(value);
    problems.push(located(at(where, key), `unknown unit ${shown}; known units are ${UNITS.join(", ")}`));
    return false;
  };
  const unitKnown = known(unit, "unit");
  const targetKnown = known(targetUnit, "targetUnit");
  if (!isAbsent(targetUnit) && isAbsent(unit)) {
    problems.push(
      located(at(where, "targetUnit"), "needs unit: say which unit the field is in so it can be converted"),
    );
  }
  if (unitKnown && targetKnown) {
    const incompatible = unitConversionProblem(unit as string, targetUnit as string);
    if (incompatible !== null) problems.push(located(at(where, "targetUnit"), incompatible));
  }
  return problems;
}

/** Mean, sum and trend do arithmetic on the values, so the field must hold numbers. */
function aggregationFitsType(kind: string, dataType: DataType, field: unknown, where: string): SpecProblem[] {
  if (dataType === "NUMBER" || kind === "latest" || kind === "count") return [];
  return [
    located(
      at(at(where, "aggregation"), "kind"),
      `${kind} needs NUMBER values, but ${showField(field)} is a ${dataType}; use latest or count`,
    ),
  ];
}

/** The transform must accept what reaches it: the field's values, or the number a count or trend yields. */
function transformFitsInput(
  kind: TransformSpec["kind"],
  dataType: DataType,
  aggregationKind: string | null,
  field: unknown,
  where: string,
): SpecProblem[] {
  const numericAggregate = aggregationKind === "count" || aggregationKind === "trend";
  const input: DataType = numericAggregate ? "NUMBER" : dataType;
  const accepts: Record<TransformSpec["kind"], readonly DataType[]> = {
    linear: ["NUMBER"],
    log: ["NUMBER"],
    piecewise: ["NUMBER"],
    lookup: ["STRING"],
    boolean: ["BOOLEAN", "STRING"],
    category: ["STRING"],
  };
  if (accepts[kind].includes(input)) return [];
  const fitting = (Object.keys(accepts) as Array<TransformSpec["kind"]>).filter((k) => accepts[k].includes(input));
  const source = numericAggregate
    ? `a ${aggregationKind} aggregation yields a NUMBER`
    : `${showField(field)} is a ${dataType}`;
  return [
    located(
      at(at(where, "transform"), "kind"),
      `a ${kind} transform takes ${accepts[kind].join(" or ")} values, but ${source}; use ${fitting.join(", ")}`,
    ),
  ];
}

function isoDate(value: unknown, where: string): SpecProblem[] {
  if (value instanceof Date) {
    // YAML 1.1 parsers turn an unquoted 2026-11-25 into a timestamp; the pack format wants the text.
    return [located(where, `must be a date written YYYY-MM-DD; received a date object (quote the date in YAML)`)];
  }
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match !== null) {
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return [];
    return [located(where, `is not a calendar date; received ${JSON.stringify(value)}`)];
  }
  return [located(where, `must be a date written YYYY-MM-DD; received ${describeValue(value)}`)];
}

function comment(value: unknown, where: string): SpecProblem[] {
  if (isAbsent(value)) return [];
  if (typeof value !== "string") return [located(where, `must be text; received ${describeValue(value)}`)];
  if (value.length > MAX_COMMENT_LENGTH) {
    return [located(where, `is ${value.length} characters long; at most ${MAX_COMMENT_LENGTH} are allowed`)];
  }
  return [];
}

function showField(field: unknown): string {
  return typeof field === "string" && field !== "" ? field : "the field";
}
