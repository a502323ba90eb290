import { PERSONAL_DATA_ROLES } from "../../domain/personal-data/access-policy";
import { PERSONAL_CATEGORIES } from "../../domain/personal-data/catalogue";
import { ROLES } from "../context";
import { GuardedType, HTTP_ROUTE_ROLES, ROLE_MATRIX, RoleMatrix, UNLISTED } from "./role-matrix";

/** The markers around the generated table in docs/security.md. */
export const ROLE_MATRIX_DOC = {
  file: "docs/security.md",
  start: "<!-- role-matrix:start — generated from resolvers/auth/role-matrix.ts by `npm run docs:roles` -->",
  end: "<!-- role-matrix:end -->",
} as const;

const KIND: Record<GuardedType, string> = { Query: "query", Mutation: "mutation" };

function table(rows: string[][]): string {
  const widths = (rows[0] as string[]).map((_, i) => Math.max(3, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(" | ")} |`;
  const [header, ...body] = rows as [string[], ...string[][]];
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/**
 * The role matrix as a Markdown table (operation × role), in prettier's layout, between the markers:
 * every entry in table order, the HTTP routes outside GraphQL, who reads each category of personal data in
 * clear, then what unlisted queries and mutations allow.
 */
export function roleMatrixMarkdown(matrix: RoleMatrix = ROLE_MATRIX): string {
  const mark = (allowed: readonly string[]) => ROLES.map((role) => (allowed.includes(role) ? "yes" : "no"));
  const rows = [
    ["Operation", ...ROLES],
    ...Object.entries(matrix).map(([key, roles]) => {
      const [type, field] = key.split(".") as [GuardedType, string];
      return [`\`${field}\` (${KIND[type]})`, ...mark(roles)];
    }),
    ...Object.entries(HTTP_ROUTE_ROLES).map(([route, roles]) => [`\`${route}\` (HTTP)`, ...mark(roles)]),
    // Field-level access (decision 0028): who reads each category of personal data in clear; others masked.
    ...PERSONAL_CATEGORIES.map((category) => [
      `personal data: ${category} in clear`,
      ...mark(PERSONAL_DATA_ROLES[category]),
    ]),
    ["every other query", ...mark(UNLISTED.Query)],
    ["a mutation missing from the table", ...mark(UNLISTED.Mutation)],
  ];
  return `${ROLE_MATRIX_DOC.start}\n\n${table(rows)}\n\n${ROLE_MATRIX_DOC.end}`;
}

/** Replaces the generated block of a document with `block`; throws when the markers are missing. */
export function withRoleMatrix(document: string, block: string = roleMatrixMarkdown()): string {
  const start = document.indexOf(ROLE_MATRIX_DOC.start);
  const end = document.indexOf(ROLE_MATRIX_DOC.end);
  if (start < 0 || end < start) {
    throw new Error(
      `${ROLE_MATRIX_DOC.file} has no role-matrix markers; put "${ROLE_MATRIX_DOC.start}" and ` +
        `"${ROLE_MATRIX_DOC.end}" where the table belongs.`,
    );
  }
  return document.slice(0, start) + block + document.slice(end + ROLE_MATRIX_DOC.end.length);
}
