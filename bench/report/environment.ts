import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { REPOSITORY_ROOT } from "../bench-paths";

/** Where and with what a run was made. */
export interface BenchEnvironment {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly loadAverageAtStart: readonly number[];
  readonly os: string;
  readonly node: string;
  readonly neo4j: {
    readonly version: string;
    readonly edition: string;
    readonly heap: string;
    readonly pageCache: string;
  };
  readonly apoc: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly gitCommit: string;
  /** Files changed against the commit when the run was made. */
  readonly gitDirty: boolean;
  readonly dataset: Readonly<Record<string, unknown>>;
}

export function cpuModel(): string {
  try {
    const line = fs
      .readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1]?.trim() ?? "unknown";
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? "unknown";
}

export function gitState(): { commit: string; dirty: boolean } {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: REPOSITORY_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    return { commit: git("rev-parse", "HEAD"), dirty: git("status", "--porcelain").length > 0 };
  } catch {
    return { commit: "unknown", dirty: false };
  }
}

/** Installed versions of the packages that are measured or measure. */
export function packageVersions(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      try {
        const file = path.join(REPOSITORY_ROOT, "node_modules", name, "package.json");
        return [name, (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version];
      } catch {
        return [name, "missing"];
      }
    }),
  );
}
