import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ROLE_MATRIX_DOC, withRoleMatrix } from "../resolvers/auth/role-matrix.markdown";

/** `npm run docs:roles`: prints the role matrix into docs/security.md from the table in code. */
function main(): number {
  const file = resolve(__dirname, "..", "..", ROLE_MATRIX_DOC.file);
  const before = readFileSync(file, "utf8");
  const after = withRoleMatrix(before);
  if (after === before) {
    process.stdout.write(`${ROLE_MATRIX_DOC.file}: the role matrix is up to date.\n`);
    return 0;
  }
  writeFileSync(file, after);
  process.stdout.write(`${ROLE_MATRIX_DOC.file}: role matrix rewritten from resolvers/auth/role-matrix.ts.\n`);
  return 0;
}

process.exitCode = main();
