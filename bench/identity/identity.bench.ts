/**
 * Identity resolution side by side (issue 14): Relata's matcher and Splink 5 (DuckDB backend) on the same
 * data in one go — the Febrl files (../shared/data/febrl) and a generated set of 100,000 person records
 * with Febrl-style corruption (seeded, `generate-people.ts`). For each: F1, precision and recall over
 * record pairs (both scored by the same function against the same truth), seconds from reading the file to
 * clusters, the process's wall time, and its peak memory. Each run is its own process.
 *
 * Splink is installed with pip into a virtualenv under RELATA_HOME (default ~/.relata/venvs/splink-5) on
 * the first run. Printed as Markdown and written to bench/results/identity-latest.md.
 *
 *   npm run bench:identity                    Febrl 1-3 and 100,000 generated records
 *   npm run bench:identity -- --records 20000 a smaller generated set
 *   options: --skip-splink, --only febrl3|generated
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { pairQuality } from "../../domain/identity/evaluate-clusters";
import { DIST_ROOT, REPOSITORY_ROOT, RESULTS_DIR } from "../bench-paths";
import { febrlDirectory } from "./febrl-files";
import { generatePeople, peopleCsv } from "./generate-people";

const SPLINK_REQUIREMENT = "splink>=5,<6";
const SEED = 20_261_202;

interface RunResult {
  f1: number;
  precision: number;
  recall: number;
  seconds: number;
  wallSeconds: number;
  peakMemoryMB: number;
  pairs: number | null;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function relataHome(): string {
  return process.env.RELATA_HOME || join(homedir(), ".relata");
}

/** The virtualenv's python, creating it and installing Splink 5 the first time. */
function splinkPython(): string {
  const venv = join(relataHome(), "venvs", "splink-5");
  const python = join(venv, "bin", "python");
  const ready = existsSync(python) && spawnSync(python, ["-c", "import splink"], { stdio: "ignore" }).status === 0;
  if (ready) return python;
  process.stderr.write(`Creating ${venv} and installing ${SPLINK_REQUIREMENT} (once)…\n`);
  mkdirSync(join(relataHome(), "venvs"), { recursive: true });
  const steps: [string, string[]][] = [
    ["python3", ["-m", "venv", venv]],
    [python, ["-m", "pip", "install", "--quiet", SPLINK_REQUIREMENT]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: "inherit" });
    if (result.status !== 0) {
      throw new Error(`"${command} ${args.join(" ")}" failed (exit ${result.status}); Splink cannot run.`);
    }
  }
  return python;
}

function truthOf(id: string): string {
  const match = /^rec-(\d+)-/.exec(id);
  return match ? match[1] : `unmatched:${id}`;
}

function timed(command: string, args: string[]): { stdout: string; wallSeconds: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`);
  }
  return { stdout: result.stdout, wallSeconds };
}

function runRelata(files: string[]): RunResult {
  const { stdout, wallSeconds } = timed(process.execPath, [
    join(DIST_ROOT, "bench", "identity", "relata-run.js"),
    ...files,
  ]);
  const summary = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>;
  return {
    f1: summary.f1,
    precision: summary.precision,
    recall: summary.recall,
    seconds: summary.seconds,
    wallSeconds,
    peakMemoryMB: summary.peakMemoryMB,
    pairs: summary.pairs,
  };
}

function runSplink(python: string, files: string[], workDir: string): RunResult {
  const out = join(workDir, "splink-clusters.csv");
  const script = join(REPOSITORY_ROOT, "bench", "identity", "splink_run.py");
  const { stdout, wallSeconds } = timed(python, [script, out, ...files]);
  const summary = JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>;
  const rows = parse(readFileSync(out, "utf8"), { columns: true }) as { source: string; id: string; cluster: string }[];
  const clusters = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.cluster}`;
    const member = `${row.source}\u0000${row.id}`;
    const list = clusters.get(key);
    if (list) list.push(member);
    else clusters.set(key, [member]);
  }
  const quality = pairQuality(
    [...clusters.values()],
    (member) => truthOf(member.split("\u0000")[1]),
    files.length === 2 ? (member) => member.split("\u0000")[0] : undefined,
  );
  return {
    f1: quality.f1,
    precision: quality.precision,
    recall: quality.recall,
    seconds: summary.seconds,
    wallSeconds,
    peakMemoryMB: summary.peakMemoryMB,
    pairs: null,
  };
}

function format(x: number, digits: number): string {
  return x.toFixed(digits);
}

function main(): void {
  const args = process.argv.slice(2);
  const records = Number(option(args, "records") ?? "100000");
  const only = option(args, "only");
  const skipSplink = args.includes("--skip-splink");
  const workDir = join(relataHome(), "bench", "identity");
  mkdirSync(workDir, { recursive: true });

  const datasets: { name: string; files: string[] }[] = [];
  const febrl = febrlDirectory(REPOSITORY_ROOT);
  if (febrl) {
    for (const k of [1, 2, 3]) datasets.push({ name: `febrl${k}`, files: [join(febrl, `febrl${k}.csv`)] });
  } else process.stderr.write("Febrl files not found (set RELATA_FEBRL_DIR); running the generated set only.\n");
  const generated = join(workDir, `people-${records}-seed-${SEED}.csv`);
  if (!existsSync(generated)) {
    process.stderr.write(`Generating ${records} records into ${generated}…\n`);
    writeFileSync(generated, peopleCsv(generatePeople({ records, seed: SEED })));
  }
  datasets.push({ name: `generated ${records.toLocaleString("en")}`, files: [generated] });
  const selected = only ? datasets.filter((d) => d.name.startsWith(only)) : datasets;

  const python = skipSplink ? null : splinkPython();
  const lines = [
    "| data | records | matcher | F1 | precision | recall | seconds | wall seconds | peak memory (MB) | pairs compared |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const dataset of selected) {
    const count = dataset.files.reduce((sum, f) => sum + readFileSync(f, "utf8").trim().split("\n").length - 1, 0);
    const results: [string, RunResult][] = [];
    process.stderr.write(`${dataset.name}: Relata…\n`);
    results.push(["Relata", runRelata(dataset.files)]);
    if (python) {
      process.stderr.write(`${dataset.name}: Splink 5…\n`);
      results.push(["Splink 5 (DuckDB)", runSplink(python, dataset.files, workDir)]);
    }
    for (const [matcher, r] of results) {
      const line =
        `| ${dataset.name} | ${count} | ${matcher} | ${format(r.f1, 4)} | ${format(r.precision, 4)} | ` +
        `${format(r.recall, 4)} | ${format(r.seconds, 1)} | ${format(r.wallSeconds, 1)} | ` +
        `${format(r.peakMemoryMB, 0)} | ${r.pairs ?? "—"} |`;
      lines.push(line);
      process.stderr.write(`${line}\n`);
    }
  }
  const table = `${lines.join("\n")}\n`;
  const header =
    `Identity resolution, Relata vs Splink 5 — ${new Date().toISOString()}, node ${process.version}, ` +
    `seed ${SEED}. Command: npm run bench:identity${args.length ? ` -- ${args.join(" ")}` : ""}\n\n`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, "identity-latest.md"), header + table);
  process.stdout.write(header + table);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
