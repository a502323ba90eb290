import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import { pairQuality } from "../domain/identity/evaluate-clusters";
import { IdentityInput } from "../domain/identity/identity";
import { defaultIdentityModel } from "../domain/identity/identity-model";
import { IdentityFieldError, NormalisedIdentity, normaliseIdentity } from "../domain/identity/normalise-identity";
import { resolveIdentities } from "../domain/identity/resolve";
import { columnRoles, rowToIdentity } from "../domain/identity/table-identities";

const USAGE = `Usage: npm run -s identity -- evaluate FILE [FILE2] --truth febrl|column:NAME [--json] [--seed N]
Resolves the person records of one CSV file (deduplication) or of two (linkage: only pairs across the
files count) with Relata's default person model, trained on the file(s) without labels, and prints the
pairs compared, precision, recall and F1 over record pairs (the transitive closure of the clusters against
the truth). Columns are recognised by their names (given_name/first_name, surname/last_name, dob, ...).
--truth febrl: the entity is the number in "rec-N-..." of the id column; column:NAME: the value of column
NAME. The matcher never reads the truth: ids are opaque. With --json the last line is one JSON object
{"pairs","links","precision","recall","f1","seconds"}. Progress goes to stderr.`;

/** What the command prints and its exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface LoadedFile {
  inputs: IdentityInput[];
  truth: string[];
}

function truthReader(truth: string, headers: string[]): ((row: string[], id: string) => string) | string {
  if (truth === "febrl") {
    return (_row, id) => {
      const match = /^rec-(\d+)-/.exec(id);
      return match ? match[1] : `unmatched:${id}`;
    };
  }
  if (truth.startsWith("column:")) {
    const name = truth.slice("column:".length);
    const i = headers.findIndex((h) => h.trim() === name);
    if (i < 0) return `--truth ${truth}: the file has no column "${name}" (columns: ${headers.join(", ")}).`;
    return (row) => (row[i] ?? "").trim();
  }
  return `--truth must be "febrl" or "column:NAME"; received "${truth}".`;
}

function loadFile(path: string, channel: string, truth: string): LoadedFile | string {
  let rows: string[][];
  try {
    rows = parse(readFileSync(path, "utf8"), { trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    return `Cannot read ${path}: ${(error as Error).message}`;
  }
  if (rows.length === 0) return `${path} is empty; expected a header row and records.`;
  const [headers, ...records] = rows;
  const roles = columnRoles(headers);
  if (roles.givenName === undefined && roles.familyName === undefined && roles.fullName === undefined) {
    return `${path}: no name column recognised among ${headers.join(", ")}.`;
  }
  const entityOf = truthReader(truth, headers);
  if (typeof entityOf === "string") return entityOf;
  const inputs = records.map((row, i) => rowToIdentity(row, roles, channel, i + 2));
  return { inputs, truth: inputs.map((input, i) => entityOf(records[i], input.externalId)) };
}

/** Drops the attributes an error names ("attributes.phones[1]", "attributes.dateOfBirth"). */
function withoutFields(input: IdentityInput, errors: IdentityFieldError[]): IdentityInput | null {
  const attributes: Record<string, unknown> = { ...input.attributes };
  for (const { field } of errors) {
    const list = /^attributes\.(\w+)\[(\d+)\]$/.exec(field);
    const scalar = /^attributes\.(\w+)$/.exec(field);
    if (list) {
      const values = [...((attributes[list[1]] as string[]) ?? [])];
      values[Number(list[2])] = "";
      attributes[list[1]] = values;
    } else if (scalar) attributes[scalar[1]] = null;
    else if (field === "attributes.address.country" && input.attributes.address) {
      attributes.address = { ...input.attributes.address, country: null };
    } else return null;
  }
  for (const key of ["emails", "phones"]) {
    if (Array.isArray(attributes[key])) attributes[key] = (attributes[key] as string[]).filter((v) => v !== "");
  }
  return { ...input, attributes: attributes as IdentityInput["attributes"] };
}

/**
 * A table row with a malformed value (a corrupted date, a phone that is not one) is still a record: the
 * bad value is left out, as an integrator would after reading the per-record error.
 */
function normaliseLeniently(input: IdentityInput): { identity: NormalisedIdentity | null; dropped: number } {
  let current: IdentityInput | null = input;
  for (let attempt = 0; attempt < 3 && current; attempt++) {
    const result = normaliseIdentity(current);
    if (result.ok) return { identity: result.identity, dropped: attempt };
    current = withoutFields(current, result.errors);
  }
  return { identity: null, dropped: 0 };
}

/** `identity evaluate`: resolves one or two files and scores the clusters against the truth. */
export function evaluateCommand(args: string[], log: (message: string) => void = () => undefined): CommandResult {
  const fail = (message: string): CommandResult => ({ code: 2, stdout: "", stderr: `${message}\n${USAGE}\n` });
  const option = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = args.filter((a, i) => !a.startsWith("--") && !["--truth", "--seed"].includes(args[i - 1] ?? ""));
  if (files.length < 1 || files.length > 2)
    return fail(`Give one file to deduplicate or two to link; received ${files.length}.`);
  const truth = option("truth");
  if (truth === undefined) return fail("--truth is required (febrl or column:NAME).");
  if (truth !== "febrl" && !truth.startsWith("column:")) {
    return fail(`--truth must be "febrl" or "column:NAME"; received "${truth}".`);
  }
  const seed = Number(option("seed") ?? "1");
  if (!Number.isInteger(seed)) return fail(`--seed must be an integer; received "${option("seed")}".`);
  const json = args.includes("--json");

  const started = process.hrtime.bigint();
  const identities: NormalisedIdentity[] = [];
  const entity = new Map<string, string>();
  const source = new Map<string, string>();
  let rejected = 0;
  let repaired = 0;
  for (const [k, file] of files.entries()) {
    // Two files get distinct channels even when their names are equal.
    const channel = files.length === 2 ? `file${k + 1}-${basename(file)}` : basename(file);
    const loaded = loadFile(file, channel, truth);
    if (typeof loaded === "string") return fail(loaded);
    loaded.inputs.forEach((input, i) => {
      const { identity, dropped } = normaliseLeniently(input);
      if (!identity) {
        rejected++;
        return;
      }
      if (dropped > 0) repaired++;
      if (entity.has(identity.id)) {
        rejected++;
        return;
      }
      identities.push(identity);
      entity.set(identity.id, loaded.truth[i]);
      source.set(identity.id, channel);
    });
    log(`${file}: ${loaded.inputs.length} records`);
  }
  if (repaired > 0 || rejected > 0) log(`${repaired} records with a malformed value left out, ${rejected} rejected`);
  const result = resolveIdentities(identities, defaultIdentityModel("PERSON"), [], {
    seed,
    onProgress: log,
    linkAcrossChannelsOnly: files.length === 2,
  });
  const quality = pairQuality(
    result.clusters,
    (id) => entity.get(id)!,
    files.length === 2 ? (id) => source.get(id)! : undefined,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const summary = {
    pairs: result.stats.comparedPairs,
    links: quality.predictedPairs,
    precision: round(quality.precision),
    recall: round(quality.recall),
    f1: round(quality.f1),
    seconds: Math.round(seconds * 1000) / 1000,
  };
  const lines = [
    `records           ${identities.length}${files.length === 2 ? " (two files, linkage)" : ""}`,
    `pairs compared    ${summary.pairs}`,
    `links predicted   ${summary.links} record pairs (${result.stats.links} direct links, ${result.stats.clusters} clusters)`,
    `true pairs        ${quality.truePairs}`,
    `precision         ${summary.precision}`,
    `recall            ${summary.recall}`,
    `F1                ${summary.f1}`,
    `review queue      ${result.stats.review}`,
    `seconds           ${summary.seconds}`,
  ];
  const stdout = json ? `${lines.join("\n")}\n${JSON.stringify(summary)}\n` : `${lines.join("\n")}\n`;
  return { code: 0, stdout, stderr: "" };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** `npm run identity -- <command>`. */
export function identityCommand(args: string[], log: (message: string) => void = () => undefined): CommandResult {
  const [command, ...rest] = args;
  if (command === undefined || command === "--help" || command === "help") {
    return { code: command === undefined ? 2 : 0, stdout: `${USAGE}\n`, stderr: "" };
  }
  if (command === "evaluate") return evaluateCommand(rest, log);
  return { code: 2, stdout: "", stderr: `Unknown command "${command}".\n${USAGE}\n` };
}

if (require.main === module) {
  const start = Date.now();
  const result = identityCommand(process.argv.slice(2), (message) =>
    process.stderr.write(`[${((Date.now() - start) / 1000).toFixed(1)} s] ${message}\n`),
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
