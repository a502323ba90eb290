/**
 * `npm run import -- --tenant T --type TYPE FILE`: a CSV or NDJSON file through the bulk upserts, in
 * batches, with a report of rejected rows and a checkpoint to resume from. docs/import-export.md.
 */
import "reflect-metadata";
import { createReadStream, existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createProgressReporter } from "../app/progress";
import { resumePoint } from "../domain/import/import-checkpoint";
import { formatOf, IMPORT_TYPE_NAMES, ImportFormat, isImportType, ImportType } from "../domain/import/import-types";
import { EmptyCells } from "../domain/import/record-coercer";
import { buildRelataSchema } from "../resolvers/build-schema";
import { recordCoercer } from "../resolvers/ingest/record-coercion";
import { batchUpsertFor } from "../services/import/batch-upsert";
import { CheckpointFile } from "../services/import/checkpoint-file";
import { csvRows, ndjsonRows } from "../services/import/file-rows";
import { importFile } from "../services/import/file-import.service";
import { ImportError } from "../services/import/import.errors";
import { ReportFile } from "../services/import/report-file";
import { CommandGraph, GraphCommand, runGraphCommand, tenantOption } from "./command-graph";
import { parseArgs, singleOption } from "./db/command-args";
import { CommandIo, PROCESS_IO, UsageError } from "./db/command-io";

const USAGE = `Usage: npm run import -- --tenant T --type TYPE FILE.csv|FILE.ndjson [options]

  --tenant T          The tenant to import into (required).
  --type TYPE         ${IMPORT_TYPE_NAMES.join(" | ")} (required).
  --report FILE       The report of rejected rows, JSON lines (default: FILE.rejected.jsonl beside the input).
                      Its checkpoint is REPORT.checkpoint.json.
  --batch-size N      Rows per batch and checkpoint (default: RELATA_WRITE_CHUNK_SIZE, at most
                      RELATA_MAX_BATCH_SIZE).
  --empty omit|null   What an empty CSV cell means: omit (default) leaves the field out, null sends null.
  --format csv|ndjson When the extension does not say (.csv, .ndjson, .jsonl).
  --restart           Ignore a checkpoint and start from the first row.

Rows are checked one by one with the API's input rules; a bad row is reported and the others are stored.
An interrupted import (Ctrl-C, the database gone) continues from its last committed batch when run again.
Exit codes: 0 every row stored; 3 finished, some rows rejected (see the report); 1 failed (a broken file,
the database); 2 bad arguments or a header that does not fit the type; 130 stopped by Ctrl-C (resumable).`;

/** Exit code of an import that finished with rejected rows. */
export const EXIT_REJECTED_ROWS = 3;
const EXIT_STOPPED = 130;

interface ImportArgs {
  tenant: string;
  type: ImportType;
  file: string;
  format: ImportFormat;
  report: string;
  batchSize: number | null;
  empty: EmptyCells;
  restart: boolean;
}

function parseImportArgs(argv: readonly string[]): ImportArgs {
  const args = parseArgs("import", argv, {
    flags: ["restart"],
    options: ["tenant", "type", "report", "batch-size", "empty", "format"],
  });
  const tenant = tenantOption(args, "import into");
  const type = singleOption(args, "type");
  if (!isImportType(type)) {
    throw new UsageError(
      type === undefined
        ? `--type is required: one of ${IMPORT_TYPE_NAMES.join(", ")}.`
        : `--type "${type}" is not a record type; use one of ${IMPORT_TYPE_NAMES.join(", ")}.`,
    );
  }
  if (args.positionals.length !== 1) {
    throw new UsageError(`Expected one file to import, but received ${args.positionals.length}.`);
  }
  const file = resolve(args.positionals[0] as string);
  const formatOption = singleOption(args, "format");
  if (formatOption !== undefined && formatOption !== "csv" && formatOption !== "ndjson") {
    throw new UsageError(`--format must be csv or ndjson; received "${formatOption}".`);
  }
  const format = formatOption ?? formatOf(file);
  if (format === null) {
    throw new UsageError(
      `Cannot tell the format of ${file} from its extension; name it .csv or .ndjson, or add --format.`,
    );
  }
  const batchText = singleOption(args, "batch-size");
  const batchSize = batchText === undefined ? null : Number(batchText);
  if (batchSize !== null && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new UsageError(`--batch-size must be a whole number of at least 1; received "${batchText}".`);
  }
  const empty = singleOption(args, "empty") ?? "omit";
  if (empty !== "omit" && empty !== "null") throw new UsageError(`--empty must be omit or null; received "${empty}".`);
  return {
    tenant,
    type,
    file,
    format,
    report: resolve(singleOption(args, "report") ?? `${file}.rejected.jsonl`),
    batchSize,
    empty,
    restart: args.flags.has("restart"),
  };
}

/** `npm run import`; the exit codes are in USAGE. */
const IMPORT_COMMAND: GraphCommand<ImportArgs> = {
  usage: USAGE,
  parse(argv) {
    const args = parseImportArgs(argv);
    if (!existsSync(args.file) || !statSync(args.file).isFile()) throw new UsageError(`There is no file ${args.file}.`);
    return args;
  },
  run: () => Promise.reject(new Error("runImportCommand supplies run")),
  expected: (error) =>
    error instanceof ImportError ? (error.code === "BROKEN_FILE" || error.code === "INTERRUPTED" ? 1 : 2) : null,
};

/** Runs one import and returns the exit code (see USAGE); `signal` stops it after the batch in flight. */
export function runImportCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = PROCESS_IO,
  signal?: AbortSignal,
): Promise<number> {
  return runGraphCommand(
    { ...IMPORT_COMMAND, run: (args, graph, say) => runImport(args, graph, io, say, signal) },
    argv,
    env,
    io,
  );
}

async function runImport(
  args: ImportArgs,
  graph: CommandGraph,
  io: CommandIo,
  say: (message: string) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  const stat = statSync(args.file);
  const identity = { path: args.file, size: stat.size, mtimeMs: stat.mtimeMs };
  const checkpoints = new CheckpointFile(`${args.report}.checkpoint.json`);
  const { resume, note } = args.restart
    ? { resume: null, note: null }
    : resumePoint(checkpoints.read(), { tenant: args.tenant, type: args.type, file: identity });
  if (note !== null) say(note);
  if (resume !== null) say(`Continuing after row ${resume.rowsDone} (checkpoint ${checkpoints.path}).`);
  const coercer = recordCoercer(await buildRelataSchema(), args.type);
  const context = graph.context(args.tenant, "integrator", "import-cli");
  const { maxBatchSize, writeChunkSize } = graph.config;
  const report = new ReportFile(args.report, resume?.reportBytes ?? 0);
  const input = createReadStream(args.file);
  const progress = createProgressReporter(
    `Importing ${args.type}`,
    stat.size,
    say,
    Boolean((io.stderr as { isTTY?: boolean }).isTTY),
    "bytes",
  );
  let reported = 0;
  try {
    const outcome = await importFile({
      rows: args.format === "csv" ? csvRows(input) : ndjsonRows(input),
      format: args.format,
      coercer,
      upsert: batchUpsertFor(context.ingest, args.type),
      batchSize: Math.min(args.batchSize ?? writeChunkSize, maxBatchSize),
      empty: args.empty,
      resume,
      report,
      signal,
      committed: ({ rowsDone, reportBytes, counts }) => {
        checkpoints.write({
          version: 1,
          tenant: args.tenant,
          type: args.type,
          file: identity,
          rowsDone,
          reportBytes,
          counts,
        });
        progress.advance(`row ${rowsDone}`, input.bytesRead - reported);
        reported = input.bytesRead;
      },
    });
    progress.finish();
    const { created, updated, unchanged, rejected } = outcome.counts;
    const summary =
      `${args.type}: ${outcome.rowsDone} rows${outcome.skipped > 0 ? ` (${outcome.skipped} done by an earlier run)` : ""}; ` +
      `${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected.`;
    if (outcome.stopped) {
      say(`Stopped after row ${outcome.rowsDone}. ${summary} Run the same command again to continue.`);
      return EXIT_STOPPED;
    }
    checkpoints.remove();
    say(summary);
    if (rejected > 0) {
      say(`The rejected rows, with their line, field and reason, are in ${args.report}.`);
      return EXIT_REJECTED_ROWS;
    }
    return 0;
  } finally {
    progress.finish();
    report.close();
    input.destroy();
  }
}

if (require.main === module) {
  const controller = new AbortController();
  process.once("SIGINT", () => {
    process.stderr.write("\nStopping after the batch in flight (Ctrl-C again to stop at once)…\n");
    controller.abort();
  });
  void runImportCommand(process.argv.slice(2), process.env, PROCESS_IO, controller.signal).then((code) => {
    process.exitCode = code;
    // The driver and timers are closed; nothing should keep the process, but a stray handle must not.
    setImmediate(() => process.exit(code));
  });
}
