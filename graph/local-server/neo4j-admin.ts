import { spawn } from "node:child_process";
import * as fs from "node:fs";

import type { Neo4jDistribution } from "./neo4j-distribution";
import { neo4jAdminCommand } from "./neo4j-process";

/** Heap of the admin tool for dumps and loads: they stream the store, so a small heap does. */
const ADMIN_HEAP = "512m";

/** How one admin run reports. */
export interface AdminRunOptions {
  /** A file to feed on standard input (`load --from-stdin`). */
  readonly stdinFile?: string;
  /** Called at 0, 25, 50, 75 and 100 % of the tool's "data: 42.0%" progress. */
  readonly onProgress?: (percent: number) => void;
}

/** How an admin run ended, with the last lines it printed (progress lines left out). */
export interface AdminRunResult {
  readonly ok: boolean;
  /** "exit code 1", "killed by SIGKILL", or how it could not start. */
  readonly outcome: string;
  readonly output: string;
}

/**
 * Runs Neo4j's admin tool without blocking, for commands that take as long as the store is big (database
 * dump and load), reporting their progress.
 */
export function runNeo4jAdminAsync(
  home: string,
  confDir: string,
  distribution: Neo4jDistribution,
  args: readonly string[],
  options: AdminRunOptions = {},
): Promise<AdminRunResult> {
  const { command, args: shellArgs, env } = neo4jAdminCommand(home, confDir, distribution, args, ADMIN_HEAP);
  return new Promise((resolve) => {
    let stdin: number | "ignore" = "ignore";
    if (options.stdinFile !== undefined) {
      try {
        stdin = fs.openSync(options.stdinFile, "r");
      } catch (error) {
        resolve({ ok: false, outcome: `could not open ${options.stdinFile}`, output: (error as Error).message });
        return;
      }
    }
    const child = spawn(command, shellArgs, { cwd: home, env, stdio: [stdin, "pipe", "pipe"] });
    if (typeof stdin === "number") fs.closeSync(stdin);
    const tail: string[] = [];
    let buffered = "";
    let reported = -1;
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split(/\r?\n|\r/);
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const progress = /data:\s*(\d+(?:\.\d+)?)%/.exec(line);
        if (progress) {
          const step = Math.floor(Number(progress[1]) / 25) * 25;
          if (step > reported) {
            reported = step;
            options.onProgress?.(step);
          }
          continue;
        }
        if (line.trim() === "") continue;
        tail.push(line);
        if (tail.length > 30) tail.shift();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("error", (error) => resolve({ ok: false, outcome: `could not start: ${error.message}`, output: "" }));
    child.on("close", (code, signal) => {
      if (buffered.trim() !== "") tail.push(buffered);
      resolve({
        ok: code === 0,
        outcome: signal ? `killed by ${signal}` : `exit code ${code}`,
        output: tail.join("\n"),
      });
    });
  });
}
