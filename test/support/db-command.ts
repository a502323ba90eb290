import { runDbCommand } from "../../cli/db";

/** What one `npm run db -- …` printed and returned. */
export interface DbCommandOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm run db -- <argv>` in this process, as the CLI does, and collects what it prints. `tty` makes
 * stdout look like a terminal.
 */
export async function runDb(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { tty?: boolean } = {},
): Promise<DbCommandOutcome> {
  let stdout = "";
  let stderr = "";
  const code = await runDbCommand(argv, env, {
    stdout: {
      isTTY: options.tty ?? false,
      write: (text: string) => {
        stdout += text;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
  });
  return { code, stdout, stderr };
}
