import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildRelataSchema } from "../resolvers/build-schema";
import { printRelataSchema } from "../resolvers/print-schema";

/** Writes the SDL the code defines to schema/schema.graphql (committed; a test fails on drift). */
async function main(): Promise<void> {
  const sdl = printRelataSchema(await buildRelataSchema());
  const target = join(__dirname, "..", "..", "schema", "schema.graphql");
  writeFileSync(target, sdl);
  process.stdout.write(`wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
