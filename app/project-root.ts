import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The folder of Relata's package.json, found by walking up from this file: the same from the sources
 * (`app/`, under ts-jest) and from the build (`dist/app/`).
 */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}; is Relata installed whole?`);
  }
}

/** Relata's version, from its package.json. */
export function relataVersion(root: string = projectRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "unknown";
}
