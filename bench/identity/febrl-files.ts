import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The folder of the Febrl files (`febrl1.csv`…): `RELATA_FEBRL_DIR`, else `shared/data/febrl` beside the
 * repository (or beside its parent, for a worktree one level down). `null` when none is there.
 */
export function febrlDirectory(repositoryRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.RELATA_FEBRL_DIR,
    join(repositoryRoot, "..", "shared", "data", "febrl"),
    join(repositoryRoot, "..", "..", "shared", "data", "febrl"),
  ].filter((c): c is string => typeof c === "string" && c !== "");
  for (const candidate of candidates) {
    if (existsSync(join(candidate, "febrl1.csv"))) return resolve(candidate);
  }
  return null;
}
