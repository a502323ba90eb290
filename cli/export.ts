/**
 * `npm run export -- --tenant T [--out FILE]`: accounts with their latest health scores and concept values,
 * as NDJSON, through the same service as GET /v1/exports/health. docs/import-export.md.
 */
import "reflect-metadata";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import { createProgressReporter } from "../app/progress";
import { DEFAULT_MODEL_ID } from "../services/health/health-model";
import { HealthExportRequest } from "../services/export/health-export.service";
import { HealthError } from "../services/health/health.errors";
import { CommandGraph, runGraphCommand, tenantOption } from "./command-graph";
import { parseArgs, singleOption } from "./db/command-args";
import { CommandIo, PROCESS_IO, UsageError } from "./db/command-io";

const USAGE = `Usage: npm run export -- --tenant T [--out FILE] [options]

  --tenant T        The tenant to export (required).
  --out FILE        Write the lines to FILE (default: stdout).
  --model ID        The health model whose latest scores are exported (default: "${DEFAULT_MODEL_ID}").
  --industry V, --segment V, --region V
                    Only accounts with exactly this value.
  --grade G         Only accounts whose latest score has this grade (e.g. RED).

One JSON object per line and account: its keys and attributes, the model and version, score, grade,
confidence, computedAt, asOf, and "concepts" (concept id → value). The line format is in
docs/import-export.md. Exit codes: 0 done; 1 failed; 2 bad arguments.`;

interface ExportArgs {
  tenant: string;
  out: string | null;
  request: HealthExportRequest;
}

function parseExportArgs(argv: readonly string[]): ExportArgs {
  const args = parseArgs("export", argv, {
    flags: [],
    options: ["tenant", "out", "model", "industry", "segment", "region", "grade"],
  });
  if (args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}".`);
  const tenant = tenantOption(args, "export");
  return {
    tenant,
    out: singleOption(args, "out") ?? null,
    request: {
      modelId: singleOption(args, "model") ?? DEFAULT_MODEL_ID,
      filter: {
        industry: singleOption(args, "industry") ?? null,
        segment: singleOption(args, "segment") ?? null,
        region: singleOption(args, "region") ?? null,
      },
      grade: singleOption(args, "grade") ?? null,
    },
  };
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** Runs one export and returns the exit code (0 done, 1 failed, 2 bad arguments). */
export function runExportCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  return runGraphCommand(
    {
      usage: USAGE,
      parse: parseExportArgs,
      run: (args, graph, say) => runExport(args, graph, io, say),
      expected: (error) => (error instanceof HealthError ? 1 : null),
    },
    argv,
    env,
    io,
  );
}

async function runExport(
  args: ExportArgs,
  graph: CommandGraph,
  io: CommandIo,
  say: (message: string) => void,
): Promise<number> {
  const service = graph.context(args.tenant, "viewer", "export-cli").healthExport;
  await service.assertModel(args.request.modelId);
  const total = await service.count(args.request);
  const progress = createProgressReporter(
    `Exporting ${args.tenant}`,
    total,
    say,
    Boolean((io.stderr as { isTTY?: boolean }).isTTY),
    "accounts",
  );
  const file = args.out === null ? null : createWriteStream(args.out);
  // process.stdout is a stream too: a slow pipe holds the export back rather than filling memory.
  const sink: Writable | null = file ?? (io.stdout instanceof Writable ? io.stdout : null);
  let lines = 0;
  try {
    for await (const page of service.pages(args.request)) {
      const text = page.lines.map((line) => `${JSON.stringify(line)}\n`).join("");
      if (sink !== null) await write(sink, text);
      else io.stdout.write(text);
      lines += page.lines.length;
      progress.advance("accounts", page.scanned);
    }
  } finally {
    progress.finish();
    if (file !== null) {
      await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
  }
  say(`Exported ${lines} of ${total} accounts${args.out === null ? "" : ` to ${args.out}`}.`);
  return 0;
}

if (require.main === module) {
  void runExportCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  });
}
