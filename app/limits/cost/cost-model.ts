import {
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isCompositeType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from "graphql";
import {
  DEFAULT_LIST_SIZE,
  FIELD_COST_OVERRIDES,
  FieldArguments,
  FieldCostOverride,
  MUTATION_BASE_COST,
} from "./field-costs";

/** How one field of one type is costed. */
export interface FieldCost {
  field: GraphQLField<unknown, unknown>;
  /** The type its objects have, when it returns objects (not for scalars and enums). */
  objectType: GraphQLNamedType | null;
  /** Whether it returns a list. */
  list: boolean;
  /** Whether it has a `first` argument: it is a connection whose lists hold that many items. */
  paged: boolean;
  /** Items assumed when it is a list outside a connection (from its arguments when it reads them). */
  listSize(args: FieldArguments): number;
  /** Whether its cost depends on its arguments (a page size, an expensive option). */
  readsArguments: boolean;
  /** Units added each time it is resolved. */
  extra(args: FieldArguments): number;
}

/**
 * The cost of every field, derived from the schema (lists, connections, mutations) with the explicit
 * overrides of {@link FIELD_COST_OVERRIDES} on top. Introspection lists are sized from this schema (how many
 * types, fields per type, arguments per field on average), so the standard introspection query is cheap and
 * a nested one is not.
 */
export class CostModel {
  private readonly fields = new Map<string, FieldCost | null>();
  private readonly introspectionSizes: Readonly<Record<string, number>>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly overrides: Readonly<Record<string, FieldCostOverride>> = FIELD_COST_OVERRIDES,
  ) {
    this.introspectionSizes = introspectionListSizes(schema);
  }

  /** The cost of `parent.name`, or null when there is no such field (validation reports it). */
  field(parent: GraphQLNamedType, name: string): FieldCost | null {
    const coordinate = `${parent.name}.${name}`;
    let cost = this.fields.get(coordinate);
    if (cost === undefined) {
      cost = this.derive(parent, name, coordinate);
      this.fields.set(coordinate, cost);
    }
    return cost;
  }

  private derive(parent: GraphQLNamedType, name: string, coordinate: string): FieldCost | null {
    const field = this.definition(parent, name);
    if (field === null) return null;
    let type: GraphQLType = field.type;
    let list = false;
    while (isNonNullType(type) || isListType(type)) {
      if (isListType(type)) list = true;
      type = type.ofType;
    }
    const override = this.overrides[coordinate] ?? {};
    const base = parent === this.schema.getMutationType() ? MUTATION_BASE_COST : 0;
    const extra = override.extra;
    const paged = field.args.some((argument) => argument.name === "first");
    const size = override.listSize ?? this.introspectionSizes[coordinate] ?? DEFAULT_LIST_SIZE;
    const sizeFrom = override.listSizeFrom;
    return {
      field,
      objectType: isCompositeType(type) ? type : null,
      list,
      paged,
      readsArguments: paged || typeof extra === "function" || typeof size === "function" || sizeFrom !== undefined,
      listSize:
        sizeFrom === undefined
          ? typeof size === "function"
            ? size
            : () => size
          : (args) => {
              const value = args[sizeFrom];
              // A single value stands for a list of one (input coercion); anything else is refused later.
              return Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1;
            },
      extra: typeof extra === "function" ? (args) => base + extra(args) : () => base + (extra ?? 0),
    };
  }

  private definition(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | null {
    if (parent === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    if (!isObjectType(parent) && !isInterfaceType(parent)) return null;
    return parent.getFields()[name] ?? null;
  }
}

/** Average list sizes of this schema's introspection, at least one each. */
function introspectionListSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let args = 0;
  let inputFields = 0;
  let enumValues = 0;
  let interfaces = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      args += own.reduce((n, field) => n + field.args.length, 0);
      interfaces += type.getInterfaces().length;
    } else if (isInputObjectType(type)) {
      inputFields += Object.keys(type.getFields()).length;
    } else if (isEnumType(type)) {
      enumValues += type.getValues().length;
    }
  }
  const perType = (n: number) => Math.max(1, Math.ceil(n / types.length));
  const directives = schema.getDirectives();
  return {
    "__Schema.types": types.length,
    "__Schema.directives": directives.length,
    "__Type.fields": perType(fields),
    "__Type.inputFields": perType(inputFields),
    "__Type.enumValues": perType(enumValues),
    "__Type.interfaces": perType(interfaces),
    "__Type.possibleTypes": perType(interfaces),
    "__Field.args": Math.max(1, Math.ceil(args / Math.max(1, fields))),
    "__Directive.args": Math.max(1, Math.ceil(directives.reduce((n, d) => n + d.args.length, 0) / directives.length)),
  };
}
