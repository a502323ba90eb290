import {
  BooleanTransform,
  CategoryTransform,
  LinearTransform,
  LogTransform,
  LookupTransform,
  MAX_CATEGORY_LEVELS,
  OTHER_LEVEL,
  PiecewiseTransform,
  RawValue,
  TRANSFORM_KINDS,
  TransformSpec,
} from "../model/mapping.model";
import { describeValue, formatNumber, showValue } from "./format";
import { Ok, problem, Problem } from "./result";
import {
  at,
  finiteNumber,
  formatProblem,
  isAbsent,
  isObject,
  located,
  oneOfValues,
  SpecProblem,
  unknownKeys,
} from "./spec-checks";

/** A transformed number with the sentence that explains how it was obtained. */
export type TransformResult = (Ok<number> & { note: string }) | Problem;

/** The fields each transform kind accepts, besides `kind`. */
const TRANSFORM_FIELDS = {
  linear: ["scale", "offset"],
  log: ["base", "offset"],
  piecewise: ["points"],
  lookup: ["table", "default"],
  boolean: ["whenTrue", "whenFalse"],
  category: ["levels", "default"],
} as const satisfies Record<TransformSpec["kind"], readonly string[]>;

/**
 * Applies a transform to one (unit-converted) raw value. Numbers go through linear, log and piecewise;
 * categorical strings through lookup and category; booleans, and the strings "true" and "false", through boolean.
 * A missing, mistyped or non-finite value, a value outside what the transform accepts, or an invalid
 * spec is a problem; the result is never NaN or infinite.
 */
export function applyTransform(spec: TransformSpec, value: RawValue | null | undefined): TransformResult {
  // Specs can arrive unchecked (an imported pack, a GraphQL preview), and a bad parameter must not
  // turn into NaN downstream, so the spec is checked on every use; it is a handful of comparisons.
  const specProblems = transformProblems(spec, "transform");
  if (specProblems.length > 0) {
    return problem(`the mapping's transform is invalid: ${specProblems.map(formatProblem).join("; ")}`);
  }
  switch (spec.kind) {
    case "linear":
      return linear(spec, value);
    case "log":
      return logarithm(spec, value);
    case "piecewise":
      return piecewise(spec, value);
    case "lookup":
      return lookup(spec, value);
    case "boolean":
      return booleanValue(spec, value);
    case "category":
      return category(spec, value);
    default:
      return unreachable(spec);
  }
}

/** Every problem of a transform spec, located under `where` (e.g. `mappings[4].transform`). */
export function transformProblems(spec: unknown, where: string): SpecProblem[] {
  if (!isObject(spec)) {
    return [located(where, `must be a transform such as { kind: linear }; received ${describeValue(spec)}`)];
  }
  const kindProblems = oneOfValues(spec.kind, at(where, "kind"), TRANSFORM_KINDS, "transform kind");
  if (kindProblems.length > 0) return kindProblems;
  const kind = spec.kind as TransformSpec["kind"];
  const problems = unknownKeys(spec, ["kind", ...TRANSFORM_FIELDS[kind]], where, `a ${kind} transform`);
  switch (kind) {
    case "linear":
      problems.push(...finiteNumber(spec.scale, at(where, "scale"), false));
      problems.push(...finiteNumber(spec.offset, at(where, "offset"), false));
      break;
    case "log":
      problems.push(
        ...finiteNumber(spec.base, at(where, "base"), false, {
          test: (b) => b > 0 && b !== 1,
          expected: "a positive number other than 1",
        }),
      );
      problems.push(...finiteNumber(spec.offset, at(where, "offset"), false));
      break;
    case "piecewise":
      problems.push(...pointsProblems(spec.points, at(where, "points")));
      break;
    case "lookup":
      problems.push(...tableProblems(spec.table, at(where, "table")));
      problems.push(...finiteNumber(spec.default, at(where, "default"), false));
      break;
    case "boolean":
      problems.push(...finiteNumber(spec.whenTrue, at(where, "whenTrue"), false));
      problems.push(...finiteNumber(spec.whenFalse, at(where, "whenFalse"), false));
      break;
    case "category":
      problems.push(...levelsProblems(spec.levels, at(where, "levels")));
      problems.push(...finiteNumber(spec.default, at(where, "default"), false));
      break;
    default:
      return unreachable(kind);
  }
  return problems;
}

function pointsProblems(points: unknown, where: string): SpecProblem[] {
  if (!Array.isArray(points) || points.length < 2) {
    return [located(where, `must list at least two [x, y] points; received ${describeValue(points)}`)];
  }
  const problems: SpecProblem[] = [];
  points.forEach((point: unknown, index) => {
    if (
      !Array.isArray(point) ||
      point.length !== 2 ||
      !point.every((n: unknown) => typeof n === "number" && Number.isFinite(n))
    ) {
      problems.push(located(at(where, index), "must be a pair [x, y] of finite numbers"));
    }
  });
  if (problems.length > 0) return problems;
  const xs = (points as PiecewisePoints).map(([x]) => x);
  if (xs.some((x, i) => i > 0 && x <= xs[i - 1])) {
    problems.push(located(where, `x values must increase; received ${xs.map(formatNumber).join(", ")}`));
  }
  return problems;
}

type PiecewisePoints = PiecewiseTransform["points"];

function tableProblems(table: unknown, where: string): SpecProblem[] {
  if (!isObject(table) || Object.keys(table).length === 0) {
    return [located(where, `must map at least one value to a number; received ${describeValue(table)}`)];
  }
  return Object.entries(table).flatMap(([key, n]) => finiteNumber(n, at(where, key), true));
}

function levelsProblems(levels: unknown, where: string): SpecProblem[] {
  if (!isObject(levels) || Object.keys(levels).length < 2) {
    const count = isObject(levels) ? Object.keys(levels).length : null;
    const received = count === null ? describeValue(levels) : `${count} level${count === 1 ? "" : "s"}`;
    return [
      located(
        where,
        `must map at least two levels to numbers, e.g. { Month-to-month: 0, Two year: 1 }; received ${received}`,
      ),
    ];
  }
  const names = Object.keys(levels);
  const problems: SpecProblem[] = [];
  if (names.length > MAX_CATEGORY_LEVELS) {
    problems.push(
      located(
        where,
        `has ${names.length} levels; at most ${MAX_CATEGORY_LEVELS} are allowed (group rare ones and let default cover them)`,
      ),
    );
  }
  for (const name of names) {
    if (name.trim() === "" || name !== name.trim()) {
      problems.push(located(at(where, name), "must be a level name without leading or trailing spaces"));
    } else if (name === OTHER_LEVEL) {
      problems.push(located(at(where, name), `is reserved for values that are not a level; use default instead`));
    }
    problems.push(...finiteNumber(levels[name], at(where, name), true));
  }
  return problems;
}

function needsNumber(kind: string, value: RawValue | null | undefined): Problem | null {
  if (typeof value === "number" && Number.isFinite(value)) return null;
  return problem(`a ${kind} transform needs a finite number; received ${describeValue(value)}`);
}

function finite(value: number, note: string, what: string): TransformResult {
  if (!Number.isFinite(value)) return problem(`${what} gives a number too large to represent`);
  return { ok: true, value, note };
}

function linear(spec: LinearTransform, value: RawValue | null | undefined): TransformResult {
  const wrong = needsNumber("linear", value);
  if (wrong !== null) return wrong;
  const x = value as number;
  const scale = spec.scale ?? 1;
  const offset = spec.offset ?? 0;
  const result = x * scale + offset;
  if (scale === 1 && offset === 0)
    return { ok: true, value: x, note: `linear transform leaves ${formatNumber(x)} unchanged` };
  const formula =
    formatNumber(x) +
    (scale === 1 ? "" : ` × ${formatNumber(scale)}`) +
    (offset === 0 ? "" : offset > 0 ? ` + ${formatNumber(offset)}` : ` − ${formatNumber(-offset)}`);
  return finite(result, `linear transform: ${formula} = ${formatNumber(result)}`, `linear transform: ${formula}`);
}

function logarithm(spec: LogTransform, value: RawValue | null | undefined): TransformResult {
  const wrong = needsNumber("log", value);
  if (wrong !== null) return wrong;
  const x = value as number;
  const offset = spec.offset ?? 1;
  const argument = x + offset;
  const sum = `${formatNumber(x)} + ${formatNumber(offset)}`;
  if (!(argument > 0)) {
    return problem(`a log transform needs x + offset above 0; received ${sum} = ${formatNumber(argument)}`);
  }
  const base = spec.base ?? Math.E;
  // log10 and log2 are exact on powers of their base, where ln(x)/ln(b) is not (log 1000 / log 10 ≠ 3).
  const result =
    base === Math.E
      ? Math.log(argument)
      : base === 10
        ? Math.log10(argument)
        : base === 2
          ? Math.log2(argument)
          : Math.log(argument) / Math.log(base);
  const name =
    base === Math.E ? "ln" : base === 10 ? "log10" : base === 2 ? "log2" : `log base ${formatNumber(base)} of `;
  return finite(result, `log transform: ${name}(${sum}) = ${formatNumber(result)}`, "log transform");
}

function piecewise(spec: PiecewiseTransform, value: RawValue | null | undefined): TransformResult {
  const wrong = needsNumber("piecewise", value);
  if (wrong !== null) return wrong;
  const x = value as number;
  const points = spec.points;
  const first = points[0];
  const last = points[points.length - 1];
  const show = ([px, py]: readonly [number, number]): string => `(${formatNumber(px)}, ${formatNumber(py)})`;
  // Outside the points the end values hold: the points are thresholds, beyond which nothing changes.
  if (x <= first[0]) {
    const note = `piecewise transform: ${formatNumber(x)} is at or below the first point ${show(first)}, so ${formatNumber(first[1])}`;
    return { ok: true, value: first[1], note };
  }
  if (x >= last[0]) {
    const note = `piecewise transform: ${formatNumber(x)} is at or above the last point ${show(last)}, so ${formatNumber(last[1])}`;
    return { ok: true, value: last[1], note };
  }
  const upper = points.findIndex(([px]) => px >= x);
  const [x0, y0] = points[upper - 1];
  const [x1, y1] = points[upper];
  // Halving before subtracting keeps extreme but finite points from overflowing; the weighted sum
  // then stays between y0 and y1, so the result is always finite.
  const t = (x / 2 - x0 / 2) / (x1 / 2 - x0 / 2);
  const result = Math.min(Math.max((1 - t) * y0 + t * y1, Math.min(y0, y1)), Math.max(y0, y1));
  const note =
    `piecewise transform: ${formatNumber(x)} lies between ${show(points[upper - 1])} and ` +
    `${show(points[upper])}, interpolated to ${formatNumber(result)}`;
  return { ok: true, value: result, note };
}

function lookup(spec: LookupTransform, value: RawValue | null | undefined): TransformResult {
  if (typeof value !== "string") {
    return problem(`a lookup transform needs a text value; received ${describeValue(value)}`);
  }
  const shown = showValue(value);
  // Own keys only: "constructor" or "toString" must not find Object.prototype's members.
  if (Object.hasOwn(spec.table, value)) {
    const result = spec.table[value];
    return { ok: true, value: result, note: `lookup transform: ${shown} → ${formatNumber(result)}` };
  }
  if (!isAbsent(spec.default)) {
    return {
      ok: true,
      value: spec.default,
      note: `lookup transform: ${shown} is not in the table, so the default ${formatNumber(spec.default)}`,
    };
  }
  const known = Object.keys(spec.table).sort();
  const listed = known.length > 10 ? `${known.slice(0, 10).join(", ")}, …` : known.join(", ");
  return problem(`${shown} is not in the lookup table (known values: ${listed}) and the mapping has no default`);
}

function category(spec: CategoryTransform, value: RawValue | null | undefined): TransformResult {
  if (typeof value !== "string") {
    return problem(`a category transform needs a text value; received ${describeValue(value)}`);
  }
  const shown = showValue(value);
  const names = Object.keys(spec.levels);
  if (Object.hasOwn(spec.levels, value)) {
    const result = spec.levels[value];
    const place = `level ${names.indexOf(value) + 1} of ${names.length}`;
    return { ok: true, value: result, note: `category transform: ${shown} (${place}) → ${formatNumber(result)}` };
  }
  if (!isAbsent(spec.default)) {
    return {
      ok: true,
      value: spec.default,
      note: `category transform: ${shown} is not one of the ${names.length} levels, so the default ${formatNumber(spec.default)}`,
    };
  }
  const known = [...names].sort();
  const listed = known.length > 10 ? `${known.slice(0, 10).join(", ")}, …` : known.join(", ");
  return problem(
    `${shown} is not a level of the category (levels: ${listed}) and the mapping has no default; ` +
      "add it to levels or set default",
  );
}

function booleanValue(spec: BooleanTransform, value: RawValue | null | undefined): TransformResult {
  const truth = typeof value === "boolean" ? value : typeof value === "string" ? parseBooleanText(value) : null;
  if (truth === null) {
    return problem(`a boolean transform needs true, false, "true" or "false"; received ${describeValue(value)}`);
  }
  const result = truth ? (spec.whenTrue ?? 1) : (spec.whenFalse ?? 0);
  return {
    ok: true,
    value: result,
    note: `boolean transform: ${showValue(value as RawValue)} → ${formatNumber(result)}`,
  };
}

/** "true" and "false" in any case and with surrounding spaces, as CSV exports and forms write them. */
function parseBooleanText(text: string): boolean | null {
  const normal = text.trim().toLowerCase();
  return normal === "true" ? true : normal === "false" ? false : null;
}

function unreachable(value: never): never {
  throw new Error(`unhandled transform kind ${JSON.stringify(value)}`);
}
