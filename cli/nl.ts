import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { validatePack } from "../ontology/pack/validate-pack";
import { OntologyPack } from "../ontology/model/ontology.model";
import { DraftDirectory } from "../domain/plain-language/draft";
import { DraftContext, draftPlaybookFromText } from "../domain/plain-language/draft-playbook";
import {
  EntryScore,
  ExpectedDraft,
  scoreDraft,
  ScoreSummary,
  summariseScores,
} from "../domain/plain-language/corpus-score";

/** The repository root, from the sources (tests, ts-node) or from dist/ (the built CLI). */
export const ROOT =
  [join(__dirname, ".."), join(__dirname, "..", "..")].find((dir) => existsSync(join(dir, "ontology", "packs"))) ??
  join(__dirname, "..");

/** The built-in ontology packs, validated as the API loads them (each against the concepts of all). */
export function loadBuiltInPacks(dir: string = join(ROOT, "ontology", "packs")): OntologyPack[] {
  const raws = readdirSync(dir)
    .filter((f) => f.endsWith(".pack.yaml"))
    .sort()
    .map((file) => ({ file, raw: parseYaml(readFileSync(join(dir, file), "utf8")) as Record<string, unknown> }));
  const all = new Map(
    raws.flatMap(({ raw }) =>
      (Array.isArray(raw.concepts) ? (raw.concepts as Array<Record<string, unknown>>) : []).map((c) => [
        String(c.id),
        {
          broader: (c.broader as string[] | undefined) ?? [],
          parts: ((c.parts as Array<{ concept: string }> | undefined) ?? []).map((p) => p.concept),
        },
      ]),
    ),
  );
  const known = {
    has: (id: string) => all.has(id),
    broaderOf: (id: string) => all.get(id)?.broader ?? [],
    partsOf: (id: string) => all.get(id)?.parts ?? [],
  };
  return raws.map(({ file, raw }) => {
    const result = validatePack(raw, known);
    if (!result.ok) throw new Error(`The built-in pack ${file} is invalid: ${result.problems[0]?.message ?? ""}`);
    return result.pack;
  });
}

/** The corpus's directory fixture (the graph vocabulary the corpus assumes). */
export function loadCorpusDirectory(): DraftDirectory {
  return JSON.parse(
    readFileSync(join(ROOT, "test", "fixtures", "plain-language", "directory.json"), "utf8"),
  ) as DraftDirectory;
}

/** The context the corpus is drafted in: the built-in packs and the directory fixture. */
export function loadCorpusContext(): DraftContext {
  return { directory: loadCorpusDirectory(), packs: loadBuiltInPacks() };
}

/** One corpus entry (test/fixtures/plain-language/README.md). */
export interface CorpusEntry {
  id: string;
  lang: "en" | "zh";
  text: string;
  expected: ExpectedDraft;
  notes?: string;
}

/**
 * The corpus files: the development half, later development sets written blind to the parser (the lead's
 * probe sentences, a second set of 40, a third set of 40, a Chinese-only fourth set, development-4, -5 and -6,
 * each 24 English and 24 Chinese sentences, development-7, 16 of each, development-8, 24 of each, and
 * development-9, 16 of each, all kept blind to measure generalisation), and the held-out half, which is only ever
 * reported in aggregate.
 */
export const HALVES = [
  "development",
  "development-probe",
  "development-2",
  "development-3",
  "development-zh-4",
  "development-4",
  "development-5",
  "development-6",
  "development-7",
  "development-8",
  "development-9",
  "held-out",
] as const;
export type Half = (typeof HALVES)[number];

export function loadCorpusHalf(half: Half): CorpusEntry[] {
  return JSON.parse(
    readFileSync(join(ROOT, "test", "fixtures", "plain-language", `${half}.json`), "utf8"),
  ) as CorpusEntry[];
}

/** One entry drafted and scored. */
export interface ScoredEntry {
  entry: CorpusEntry;
  score: EntryScore;
}

/** Drafts every entry of the given entries and scores each. */
export function scoreEntries(entries: readonly CorpusEntry[], context: DraftContext): ScoredEntry[] {
  return entries.map((entry) => {
    const draft = draftPlaybookFromText(entry.text, context, entry.lang);
    return { entry, score: scoreDraft(entry.expected, draft) };
  });
}

/** Per half: all, English, Chinese. */
export interface HalfReport {
  half: Half;
  all: ScoreSummary;
  en: ScoreSummary;
  zh: ScoreSummary;
}

export function reportOf(half: Half, scored: readonly ScoredEntry[]): HalfReport {
  const of = (lang?: string) =>
    summariseScores(scored.filter((s) => lang === undefined || s.entry.lang === lang).map((s) => s.score));
  return { half, all: of(), en: of("en"), zh: of("zh") };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
function line(label: string, s: ScoreSummary): string {
  return (
    `  ${label.padEnd(8)} exact structure ${String(s.exact).padStart(2)}/${String(s.entries).padEnd(2)} ` +
    `${pct(s.accuracy).padStart(6)}   slug agreement ${s.slugsAgreeing}/${s.slugs} ${pct(s.slugAgreement)}`
  );
}

const USAGE = `Usage:
  npm run -s nl -- evaluate [--json] [--verbose]
      [--half development|development-probe|development-2|development-3|development-zh-4|development-4|development-5|development-6|development-7|development-8|development-9|held-out]
      Drafts every corpus sentence and prints exact-structure accuracy per set and language, and slug
      agreement. --verbose lists what differs, for the development sets only (never for the held-out half).
  npm run -s nl -- draft "<sentence>"
      Prints the draft of one sentence as JSON (against the built-in packs and the corpus directory).`;

export function nlCommand(args: string[]): { code: number; stdout: string; stderr: string } {
  const [command, ...rest] = args;
  if (command === "draft" && rest.length > 0) {
    const draft = draftPlaybookFromText(rest.join(" "), loadCorpusContext());
    return { code: 0, stdout: `${JSON.stringify(draft, null, 2)}\n`, stderr: "" };
  }
  if (command === "evaluate") {
    const context = loadCorpusContext();
    const halfArg = rest.indexOf("--half");
    const only = halfArg >= 0 ? rest[halfArg + 1] : undefined;
    if (only !== undefined && !(HALVES as readonly string[]).includes(only)) {
      return {
        code: 2,
        stdout: "",
        stderr: `--half must be one of ${HALVES.join(", ")}; received "${only}".\n${USAGE}\n`,
      };
    }
    const halves = HALVES.filter((h) => only === undefined || h === only);
    const results = halves.map((half) => ({ half, scored: scoreEntries(loadCorpusHalf(half), context) }));
    const reports = results.map(({ half, scored }) => reportOf(half, scored));
    const verbose = rest.includes("--verbose");
    if (rest.includes("--json")) {
      const development = results.filter((r) => r.half !== "held-out");
      const out = {
        halves: reports,
        ...(verbose
          ? {
              development: development
                .flatMap((r) => r.scored)
                .map(({ entry, score }) => ({
                  id: entry.id,
                  lang: entry.lang,
                  exact: score.exact,
                  differences: score.differences,
                  slugs: score.slugs,
                })),
            }
          : {}),
      };
      return { code: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: "" };
    }
    const lines: string[] = [];
    for (const report of reports) {
      lines.push(`${report.half}:`, line("all", report.all), line("en", report.en), line("zh", report.zh));
    }
    const development = results.filter((r) => r.half !== "held-out").flatMap((r) => r.scored);
    if (verbose && development.length > 0) {
      lines.push("", "development entries that differ:");
      for (const { entry, score } of development) {
        const slugs = score.slugs.filter((s) => !s.agrees);
        if (score.exact && slugs.length === 0) continue;
        lines.push(`  ${entry.id} (${entry.lang})${score.exact ? " exact" : ""}: ${entry.text}`);
        score.differences.forEach((d) => lines.push(`      ${d}`));
        slugs.forEach((s) =>
          lines.push(`      slug ${s.where}: expected ${s.expected}, drafted ${s.actual ?? "none"}`),
        );
      }
    }
    return { code: 0, stdout: `${lines.join("\n")}\n`, stderr: "" };
  }
  return { code: 2, stdout: "", stderr: `${USAGE}\n` };
}

if (require.main === module) {
  const result = nlCommand(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
