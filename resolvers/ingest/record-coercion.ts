import {
  coerceInputValue,
  getNullableType,
  GraphQLBoolean,
  GraphQLError,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLInt,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";
import { IMPORT_TYPES, ImportType } from "../../domain/import/import-types";
import { RowCoercion, RowProblem } from "../../domain/import/import-row";
import { ColumnKind, ImportColumn, RecordCoercer } from "../../domain/import/record-coercer";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The element type of a bulk mutation's `input` list, e.g. AccountInput for upsertAccounts. */
function bulkInputType(schema: GraphQLSchema, type: ImportType): GraphQLInputObjectType {
  const mutation = schema.getMutationType()?.getFields()[IMPORT_TYPES[type]];
  const input = mutation?.args.find((a) => a.name === "input");
  let t: GraphQLInputType | undefined = input?.type;
  while (t !== undefined && (isNonNullType(t) || isListType(t))) t = t.ofType as GraphQLInputType;
  if (t === undefined || !isInputObjectType(t)) {
    throw new Error(`The schema has no bulk input for ${type} (${IMPORT_TYPES[type]}); this is a defect.`);
  }
  return t;
}

function kindOf(type: GraphQLInputType): ColumnKind {
  const t = getNullableType(type);
  if (isListType(t) || isInputObjectType(t)) return "json";
  if (t === GraphQLFloat || t === GraphQLInt) return "number";
  if (t === GraphQLBoolean) return "boolean";
  return "text";
}

/** The CSV columns of an input type: scalar and enum fields, nested objects dotted, lists as JSON cells. */
function columnsOf(type: GraphQLInputObjectType, prefix = "", required = true): ImportColumn[] {
  return Object.values(type.getFields()).flatMap((field) => {
    const name = `${prefix}${field.name}`;
    const needed = required && isNonNullType(field.type);
    const inner = getNullableType(field.type);
    if (isInputObjectType(inner)) return columnsOf(inner, `${name}.`, needed);
    return [{ name, required: needed, kind: kindOf(field.type) }];
  });
}

/** The field a GraphQL coercion error is about, written the way the columns are. */
function fieldOf(path: ReadonlyArray<string | number>, message: string): string {
  const at = path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? key : `${out}.${key}`),
    "",
  );
  const named = /^Field "([^"]+)"/.exec(message)?.[1];
  if (named === undefined) return at;
  return at === "" ? named : `${at}.${named}`;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined || next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** A cell's text as the input value GraphQL variables would carry; text that is not a number stays text. */
function cellValue(column: ImportColumn, cell: string): { value: unknown } | { problem: RowProblem } {
  switch (column.kind) {
    case "text":
      return { value: cell };
    case "number":
      return { value: NUMBER.test(cell.trim()) ? Number(cell.trim()) : cell };
    case "boolean":
      return { value: /^(true|false)$/i.test(cell.trim()) ? cell.trim().toLowerCase() === "true" : cell };
    case "json":
      try {
        return { value: JSON.parse(cell) as unknown };
      } catch (error) {
        return {
          problem: {
            field: column.name,
            reason: `${column.name} must be JSON, e.g. [{"account":{"externalId":"A-1"},"relationship":"SERVICES"}]; ${(error as Error).message}`,
          },
        };
      }
  }
}

/**
 * The API's rules for one bulk input, applied to one row: GraphQL's own input coercion (types, enums,
 * required fields, unknown fields) against the schema's input type. The record checks of the ingest
 * service (lengths, keys, dates) follow when the rows are sent, as for a GraphQL call.
 */
export function recordCoercer(schema: GraphQLSchema, type: ImportType): RecordCoercer {
  const inputType = bulkInputType(schema, type);
  const columns = columnsOf(inputType);
  const coerce = (value: unknown): RowCoercion => {
    const problems: RowProblem[] = [];
    const record = coerceInputValue(value, inputType, (path, _invalid, error: GraphQLError) => {
      const field = fieldOf(path, error.message);
      // "Field "name" of required type…" names its field already.
      const named = field === "" || error.message.startsWith("Field ");
      problems.push({
        field: field === "" ? null : field,
        reason: named ? error.message : `${field}: ${error.message}`,
      });
    }) as Record<string, unknown> | undefined;
    if (problems.length > 0 || record === undefined) {
      return { ok: false, problems: problems.length > 0 ? problems : [{ field: null, reason: "not a record" }] };
    }
    return { ok: true, record: { ...record } };
  };
  return {
    inputName: inputType.name,
    columns,
    fromCells(header, cells, empty) {
      if (cells.length !== header.length) {
        return {
          ok: false,
          problems: [
            {
              field: null,
              reason: `the row has ${cells.length} cells and the header ${header.length} columns; quote cells that hold commas`,
            },
          ],
        };
      }
      const value: Record<string, unknown> = {};
      const problems: RowProblem[] = [];
      header.forEach((column, i) => {
        const cell = cells[i] as string;
        if (cell === "") {
          if (empty === "null" && !column.required) setPath(value, column.name, null);
          return;
        }
        const converted = cellValue(column, cell);
        if ("problem" in converted) problems.push(converted.problem);
        else setPath(value, column.name, converted.value);
      });
      return problems.length > 0 ? { ok: false, problems } : coerce(value);
    },
    fromJson(value) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return {
          ok: false,
          problems: [{ field: null, reason: `each line must be one JSON object (${inputType.name})` }],
        };
      }
      return coerce(value);
    },
  };
}
