import { CypherConsole, type ConsoleSummary } from "../../graph/console/cypher-console";
import { describeQueryType } from "../../graph/console/cypher-statement";
import type { CommandIo } from "./command-io";
import { progressTo } from "./command-io";
import { connectForCommand } from "./command-connection";
import { parseCypherArgs } from "./cypher-args";
import { renderTable } from "./result-table";

/** Rows a table keeps in memory; past it the rest are counted, and `--json` streams them all. */
export const TABLE_ROW_LIMIT = 10_000;

/**
 * `npm run db -- cypher "…"`: one statement against the configured Neo4j, read-only unless `--write`.
 * Rows go to stdout (a table, or JSON lines with `--json`); the summary and warnings to stderr.
 */
export async function runCypherCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: CommandIo,
): Promise<number> {
  const command = parseCypherArgs(argv);
  const log = progressTo(io);
  const target = await connectForCommand(env, log);
  try {
    const cypher = await CypherConsole.open(target.connection);
    try {
      let columns: readonly string[] = [];
      const rows: (readonly string[])[] = [];
      const summary = await cypher.run(
        command.statement,
        command.parameters,
        { write: command.write, timeoutMs: command.timeoutMs },
        {
          columns: (keys) => {
            columns = keys;
          },
          row: (row) => {
            if (command.json) io.stdout.write(`${JSON.stringify(row.json)}\n`);
            else if (rows.length < TABLE_ROW_LIMIT) rows.push(row.cells);
          },
        },
      );
      if (!command.json) io.stdout.write(renderTable(columns, rows));
      io.stderr.write(summaryText(summary, command.json ? summary.rows : rows.length));
      return 0;
    } finally {
      await cypher.close();
    }
  } finally {
    await target.release();
  }
}

function summaryText(summary: ConsoleSummary, shown: number): string {
  const lines = [
    `${summary.rows} ${summary.rows === 1 ? "row" : "rows"}; the statement ${describeQueryType(summary.queryType)}.`,
  ];
  if (shown < summary.rows) {
    lines.push(`Showing the first ${shown} rows; add LIMIT, or use --json to stream all of them.`);
  }
  const counters = Object.entries(summary.counters).map(([name, count]) => `${name} ${count}`);
  if (counters.length > 0) lines.push(`Changes: ${counters.join(", ")}.`);
  for (const notification of summary.notifications) lines.push(`Warning: ${notification}`);
  return `${lines.join("\n")}\n`;
}
