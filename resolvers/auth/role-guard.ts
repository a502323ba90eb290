import { defaultFieldResolver, GraphQLObjectType, GraphQLSchema } from "graphql";
import { Principal, ROLES } from "../context";
import { AccessDeniedError } from "./access.errors";
import { accessDenial, GuardedType, ROLE_MATRIX, RoleMatrix, rolesFor, userCapDenial } from "./role-matrix";

function rootOf(schema: GraphQLSchema, type: GuardedType): GraphQLObjectType | null | undefined {
  return type === "Query" ? schema.getQueryType() : schema.getMutationType();
}

/**
 * Enforces the role matrix on a built schema: every root field that is not open to every role (so every
 * mutation, listed or not) checks the caller's role, capped by the roles of the user the token names,
 * before its resolver runs, and refuses with FORBIDDEN and the roles it needs. Fields open to everyone are
 * left untouched, so reads pay nothing (a user with no roles at all is refused when the request starts).
 *
 * Throws when the matrix names a field the schema does not have: a stale entry is a defect, not a rule.
 */
export function enforceRoleMatrix(schema: GraphQLSchema, matrix: RoleMatrix = ROLE_MATRIX): GraphQLSchema {
  for (const key of Object.keys(matrix)) {
    const [type, field] = key.split(".") as [GuardedType, string];
    if (!rootOf(schema, type)?.getFields()[field]) {
      throw new Error(
        `The role matrix names ${key}, which the schema does not have; fix or remove the entry in ` +
          `resolvers/auth/role-matrix.ts.`,
      );
    }
  }
  for (const type of ["Query", "Mutation"] as const) {
    for (const field of Object.values(rootOf(schema, type)?.getFields() ?? {})) {
      const allowed = rolesFor(type, field.name, matrix);
      if (ROLES.every((role) => allowed.includes(role))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { principal: Principal }, info) => {
        const role = context.principal.role;
        if (!allowed.includes(role)) {
          throw new AccessDeniedError(accessDenial(role, type, field.name, matrix) as string);
        }
        // The token's role allows it; a token naming a user is capped by that user's roles (decision 0018).
        const capped = userCapDenial(context.principal, field.name, allowed);
        if (capped !== null) throw new AccessDeniedError(capped);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
