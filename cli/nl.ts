import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { validatePack } from "../ontology/pack/validate-pack";
import { OntologyPack } from "../ontology/model/ontology.model";
import { DraftDirectory } from "../domain/plain-language/draft";
import { DraftContext, draftPlaybookFromText } from "../domain/plain-language/draft-playbook";

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

const USAGE = `Usage: npm run -s nl -- draft "<sentence>"`;

export function nlCommand(args: string[]): { code: number; stdout: string; stderr: string } {
  const [command, ...rest] = args;
  if (command === "draft" && rest.length > 0) {
    const draft = draftPlaybookFromText(rest.join(" "), loadCorpusContext());
    return { code: 0, stdout: `${JSON.stringify(draft, null, 2)}\n`, stderr: "" };
  }
  return { code: 2, stdout: "", stderr: `${USAGE}\n` };
}

if (require.main === module) {
  const result = nlCommand(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
