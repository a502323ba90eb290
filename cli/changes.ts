/**
 * `npm run changes -- --tenant T [--after CURSOR] [--types A,B] [--limit N] [--out FILE]`: the tenant's
 * change events as NDJSON, exactly as GET /v1/changes streams them (docs/changes.md).
 */
import "reflect-metadata";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import { changesRequest, ChangesRequestError } from "../app/http/changes.route";
import { PaginationError } from "../domain/pagination/pagination.errors";
import { toChangeEventView } from "../resolvers/events/change-event.type";
import { ChangeFeedError } from "../services/events/change-feed.errors";
import { changeStream, ChangeStreamRequest } from "../services/events/change-stream";
import { CommandGraph, runGraphCommand, tenantOption } from "./command-graph";
import { parseArgs, singleOption } from "./db/command-args";
import { CommandIo, PROCESS_IO, UsageError } from "./db/command-io";

const USAGE = `Usage: npm run changes -- --tenant T [--after CURSOR] [--types A,B] [--limit N] [--out FILE]

  --tenant T        The tenant whose change events to read (required).
  --after CURSOR    Start after this cursor (an event's "cursor", or the endCursor of the last line of a
                    previous run); default: the oldest event kept.
  --types A,B       Only these change types (e.g. ACCOUNT_CREATED,ACCOUNT_UPDATED).
  --limit N         At most N events; default: every event up to the newest.
  --out FILE        Write the lines to FILE (default: stdout).

One event per line, then a last line {"end": {"endCursor", "hasMore", "headCursor", "count"}}: resume with
--after <endCursor>. The line format is in docs/changes.md. Exit codes: 0 done; 1 failed (e.g. a cursor
older than retention: re-sync); 2 bad arguments.`;

interface ChangesArgs {
  tenant: string;
  out: string | null;
  request: ChangeStreamRequest;
}

function parseChangesArgs(argv: readonly string[]): ChangesArgs {
  const args = parseArgs("changes", argv, { flags: [], options: ["tenant", "out", "after", "types", "limit"] });
  if (args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}".`);
  const tenant = tenantOption(args, "read the changes of");
  const search = new URLSearchParams();
  for (const name of ["after", "types", "limit"]) {
    const value = singleOption(args, name);
    if (value !== undefined) search.set(name, value);
  }
  try {
    return { tenant, out: singleOption(args, "out") ?? null, request: changesRequest(search) };
  } catch (error) {
    if (error instanceof ChangesRequestError) throw new UsageError(error.message.replace(/Parameter "(\w+)"/, "--$1"));
    throw error;
  }
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** Runs one read of the feed and returns the exit code (0 done, 1 failed, 2 bad arguments). */
export function runChangesCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  return runGraphCommand(
    {
      usage: USAGE,
      parse: parseChangesArgs,
      run: (args, graph, say) => runChanges(args, graph, io, say),
      expected: (error) => (error instanceof ChangeFeedError || error instanceof PaginationError ? 1 : null),
    },
    argv,
    env,
    io,
  );
}

async function runChanges(
  args: ChangesArgs,
  graph: CommandGraph,
  io: CommandIo,
  say: (message: string) => void,
): Promise<number> {
  const feed = graph.context(args.tenant, "viewer", "changes-cli").changes;
  const file = args.out === null ? null : createWriteStream(args.out);
  // process.stdout is a stream too: a slow pipe holds the read back rather than filling memory.
  const sink: Writable | null = file ?? (io.stdout instanceof Writable ? io.stdout : null);
  let summary = "";
  try {
    for await (const chunk of changeStream(feed, args.request, graph.config.maxPageSize)) {
      const text =
        "end" in chunk
          ? `${JSON.stringify({ end: chunk.end })}\n`
          : chunk.events.map((event) => `${JSON.stringify(toChangeEventView(event))}\n`).join("");
      if (sink !== null) await write(sink, text);
      else io.stdout.write(text);
      if ("end" in chunk) {
        summary =
          `Wrote ${chunk.end.count} change events${args.out === null ? "" : ` to ${args.out}`}; resume with ` +
          `--after ${chunk.end.endCursor}${chunk.end.hasMore ? " (more are waiting)" : ""}.`;
      }
    }
  } finally {
    if (file !== null) {
      await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
    }
  }
  say(summary);
  return 0;
}

if (require.main === module) {
  void runChangesCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  });
}
