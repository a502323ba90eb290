import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { ACCOUNT_OWNED_LABELS, DELETABLE_LABELS } from "../../../graph/common/deleted-labels";
import { deleteQuery, purgeQuery, restoreQuery } from "../../../graph/deletion/deletion.queries";

// Issue 11: no mutation edits or deletes audit records, and deletion and purge never reach them.

const AUDIT_LABELS = /Audit(Record|Head|Ref|Checkpoint)/;

describe("the audit trail is append-only", () => {
  it("has no mutation that names the audit trail or its records", () => {
    const schema = buildSchema(readFileSync(join(__dirname, "../../../schema/schema.graphql"), "utf8"));
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(0);
    expect(mutations.filter((name) => /audit|checkpoint/i.test(name))).toEqual([]);
    // Nor one that returns them.
    const returning = Object.values(schema.getMutationType()!.getFields()).filter((field) =>
      /Audit/.test(String(field.type)),
    );
    expect(returning.map((field) => field.name)).toEqual([]);
  });

  it("keeps audit labels out of deletion, restore and purge", () => {
    for (const label of [...DELETABLE_LABELS, ...ACCOUNT_OWNED_LABELS]) expect(label).not.toMatch(AUDIT_LABELS);
    const texts = [
      ...DELETABLE_LABELS.flatMap((label) => [deleteQuery(label).text, restoreQuery(label).text]),
      ...[...DELETABLE_LABELS, ...ACCOUNT_OWNED_LABELS].map((label) => purgeQuery(label).text),
    ];
    for (const text of texts) expect(text).not.toMatch(AUDIT_LABELS);
  });
});
