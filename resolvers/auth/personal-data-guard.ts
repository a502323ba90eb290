import { defaultFieldResolver, GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from "graphql";
import {
  MaskRule,
  PERSONAL_CATEGORIES,
  PERSONAL_DATA,
  PersonalCategory,
  PersonalJsonKey,
} from "../../domain/personal-data/catalogue";
import { sees } from "../../domain/personal-data/access-policy";
import { changeFieldEntry } from "../../domain/personal-data/mask-change";
import { goldenRecordKey, maskDocument } from "../../domain/personal-data/mask-document";
import { maskValue } from "../../domain/personal-data/mask-value";
import { RequestContext } from "../context";

/** How one field's value is masked for a reader, given its parent object. */
type FieldMask = (
  value: unknown,
  source: Record<string, unknown>,
  context: RequestContext,
  coordinate: string,
) => unknown;

/** A field of the schema that hands out personal data, and how it is masked. */
export interface GuardedField {
  coordinate: string;
  /** Only on parents whose `field` has `value` (`GraphNode.label[kind=Contact]`). */
  when: { field: string; value: string } | null;
  mask: FieldMask;
}

const COORDINATE = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)(?:\[([A-Za-z_]\w*)=([^\]]+)\])?$/;

/** Masks a scalar (or list of scalars) of `category` by `rule`; notes SENSITIVE values handed out in clear. */
function scalarMask(category: PersonalCategory, rule: MaskRule): FieldMask {
  return (value, _source, context, coordinate) => {
    if (value === null || value === undefined) return value;
    if (!sees(context.personalData.access, category)) return maskValue(rule, value);
    if (category === "SENSITIVE") context.personalData.noteSensitive(coordinate);
    return value;
  };
}

/** Masks a JSON document (parsed, or its text) key by key. */
function documentMask(keys: readonly PersonalJsonKey[]): FieldMask {
  return (value, _source, context, coordinate) => {
    if (value === null || value === undefined) return value;
    const access = context.personalData.access;
    if (access.has("SENSITIVE") && keys.some((key) => key.category === "SENSITIVE")) {
      context.personalData.noteSensitive(coordinate);
    }
    if (typeof value === "string") {
      try {
        return JSON.stringify(maskDocument(JSON.parse(value) as unknown, keys, access));
      } catch {
        // Not JSON: nothing declared can be found in it; it is personal as a whole.
        return PERSONAL_CATEGORIES.every((category) => access.has(category)) ? value : null;
      }
    }
    return maskDocument(value, keys, access);
  };
}

function parse(coordinate: string): { type: string; field: string; when: GuardedField["when"] } {
  const match = COORDINATE.exec(coordinate);
  if (!match) {
    throw new Error(
      `The personal-data catalogue exposes "${coordinate}", which is not a field coordinate; write Type.field or ` +
        `Type.field[discriminator=value] in domain/personal-data/catalogue.ts.`,
    );
  }
  const [, type, field, whenField, whenValue] = match as unknown as [string, string, string, string?, string?];
  return { type, field, when: whenField === undefined ? null : { field: whenField, value: whenValue as string } };
}

/**
 * The fields whose values depend on their parent: a golden record field's value (by the field it names),
 * a change event's external id and field values (by the event's record type).
 */
const COMPUTED: readonly GuardedField[] = [
  {
    coordinate: "GoldenRecordField.value",
    when: null,
    mask: (value, source, context, coordinate) => {
      const key = goldenRecordKey(String(source.field));
      return key === undefined ? value : scalarMask(key.category, key.mask)(value, source, context, coordinate);
    },
  },
  {
    coordinate: "ChangeEventView.externalId",
    when: null,
    mask: (value, source, context, coordinate) => {
      const entry = changeFieldEntry(String(source.recordType), "externalId");
      if (entry?.category === undefined) return value;
      return scalarMask(entry.category, entry.mask ?? "NULL")(value, source, context, coordinate);
    },
  },
  {
    coordinate: "ChangeEventView.changes",
    when: null,
    mask: (value, source, context, coordinate) => {
      if (!Array.isArray(value)) return value;
      return value.map((change: { field: string; old: unknown; new: unknown }) => {
        const entry = changeFieldEntry(String(source.recordType), change.field);
        if (entry?.category === undefined) return change;
        const mask = scalarMask(entry.category, entry.mask ?? "NULL");
        const where = `${coordinate}.${change.field}`;
        return {
          ...change,
          old: mask(change.old, source, context, where),
          new: mask(change.new, source, context, where),
        };
      });
    },
  },
];

/** Every field of the schema the catalogue says hands out personal data, with its mask. */
export function guardedFields(): GuardedField[] {
  const out: GuardedField[] = [...COMPUTED];
  for (const entry of PERSONAL_DATA) {
    for (const coordinate of entry.exposedAs ?? []) {
      const { when } = parse(coordinate);
      const mask =
        entry.json !== undefined
          ? documentMask(entry.json)
          : scalarMask(entry.category ?? "SENSITIVE", entry.mask ?? "NULL");
      out.push({ coordinate, when, mask });
    }
    for (const key of entry.json ?? []) {
      for (const coordinate of key.exposedAs ?? []) {
        out.push({ coordinate, when: parse(coordinate).when, mask: scalarMask(key.category, key.mask) });
      }
    }
  }
  return out;
}

/**
 * Enforces field-level access to personal data on a built schema (issue 15, decision 0028): every field
 * the catalogue exposes is wrapped so that its value reaches a reader who may not see its category masked
 * by the declared rule. One enforcement point for every GraphQL path — lists, nested fields, node(id),
 * search, identities and golden records, the change feed and subscriptions — because they all resolve the
 * same object fields. Fields shared by several catalogue entries are masked by each in turn.
 *
 * Throws when the catalogue names a field the schema does not have: a stale entry would mask nothing.
 */
export function enforcePersonalDataAccess(
  schema: GraphQLSchema,
  fields: readonly GuardedField[] = guardedFields(),
): GraphQLSchema {
  for (const guarded of fields) {
    const { type, field } = parse(guarded.coordinate);
    const object = schema.getType(type);
    const definition = object instanceof GraphQLObjectType ? object.getFields()[field] : undefined;
    if (definition === undefined) {
      throw new Error(
        `The personal-data catalogue exposes ${guarded.coordinate}, which the schema does not have; fix exposedAs ` +
          `in domain/personal-data/catalogue.ts (or the computed fields of resolvers/auth/personal-data-guard.ts).`,
      );
    }
    const resolve: GraphQLFieldResolver<unknown, RequestContext> = definition.resolve ?? defaultFieldResolver;
    const coordinate = `${type}.${field}`;
    definition.resolve = (source, args, context, info) => {
      const parent = (source ?? {}) as Record<string, unknown>;
      const result = resolve(source, args, context, info) as unknown;
      if (guarded.when !== null && String(parent[guarded.when.field]) !== guarded.when.value) return result;
      return result instanceof Promise
        ? result.then((value: unknown) => guarded.mask(value, parent, context, coordinate))
        : guarded.mask(result, parent, context, coordinate);
    };
  }
  return schema;
}
