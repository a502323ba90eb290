import * as fs from "node:fs";
import * as path from "node:path";

import { RESULTS_DIR } from "../bench-paths";
import type { BenchResult } from "./bench-result";

/**
 * Writes the run's JSON (`bench/results/<time>-<profile>.json`, gitignored) and the Markdown table as
 * `bench/results/latest.md` and `latest-<profile>.md` (committed), so a smoke run never hides the last
 * full table; a run of some scenarios only (`--only`) writes `latest-partial.md` instead. Returns the JSON
 * file's path.
 */
export function writeResults(result: BenchResult, markdown: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, "-");
  const file = path.join(RESULTS_DIR, `${stamp}-${result.options.profile}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  if (result.options.only.length > 0) {
    fs.writeFileSync(path.join(RESULTS_DIR, "latest-partial.md"), markdown);
  } else {
    fs.writeFileSync(path.join(RESULTS_DIR, "latest.md"), markdown);
    fs.writeFileSync(path.join(RESULTS_DIR, `latest-${result.options.profile}.md`), markdown);
  }
  return file;
}
