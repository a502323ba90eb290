import "reflect-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildRelataSchema } from "../../resolvers/build-schema";
import { printRelataSchema } from "../../resolvers/print-schema";

describe("the committed schema", () => {
  it("matches what the resolvers define (run `npm run schema:emit` after changing the API)", async () => {
    const committed = readFileSync(join(__dirname, "..", "..", "schema", "schema.graphql"), "utf8");
    expect(printRelataSchema(await buildRelataSchema())).toBe(committed);
  });
});
