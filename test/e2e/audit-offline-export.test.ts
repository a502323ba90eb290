import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAuditCommand } from "../../cli/audit";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { AuditTrail } from "../../graph/audit/audit-trail";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { captureIo } from "./support/command-io";

/**
 * An auditor's copy of the trail: `npm run audit -- export` reads it through the API with a token (paged),
 * `npm run audit -- verify` checks it offline against the keys published at GET /v1/audit/public-key, and a
 * changed line in the copy is found.
 */
let api: TestApi;
let dir: string;
let tenant: string;

function entry(i: number): AuditEntryInput {
  return {
    kind: "ACTION",
    playbookId: i % 2 === 0 ? "pb-even" : "pb-odd",
    playbookVersion: 1,
    ...(i % 3 === 0 ? {} : { firingId: `fir-${i}` }),
    accountIds: [`acc_${i % 3}`],
    userIds: i === 1 ? ["usr_owner"] : [],
    actor: "agent:playbooks",
    payload: { i, action: "CREATE_TASK", note: "höchst 重要" },
  };
}

const env = (role: "analyst" | "viewer") => ({
  RELATA_URL: new URL("/graphql", api.url).href,
  RELATA_TOKEN: api.token(tenant, role),
});

beforeAll(async () => {
  api = await startTestApi({ RELATA_AUDIT_CHECKPOINT_SECONDS: "0" });
  dir = mkdtempSync(join(tmpdir(), "relata-audit-export-"));
  tenant = uniqueTenant("audit-export");
  const executor = api.runtime.database.executor(60_000);
  for (let seq = 1; seq <= 7; seq += 1) {
    await executor.writeSteps("test.audit.append", (run) =>
      new AuditTrail(tenant).append(run, `2026-12-01T00:00:0${seq}.000Z`, [entry(seq)]),
    );
    if (seq === 2 || seq === 5) await api.runtime.auditCheckpoints.runOnce({ force: true, tenant });
  }
  const keys = await fetch(new URL("/v1/audit/public-key", api.url)).then((r) => r.text());
  writeFileSync(join(dir, "keys.json"), keys);
}, 300_000);

afterAll(async () => {
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("an exported audit trail", () => {
  it("is exported page by page through the API and verifies offline against the published keys", async () => {
    const file = join(dir, "trail.ndjson");
    const io = captureIo();
    expect(await runAuditCommand(["export", "--out", file, "--page", "3"], env("analyst"), io)).toBe(0);
    expect(io.err()).toContain("Exported 7 audit records and 2 checkpoints");
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; seq?: number });
    expect(lines.map((l) => l.type)).toEqual(["head", "checkpoint", "checkpoint", ...Array(7).fill("record"), "end"]);
    expect(lines.filter((l) => l.type === "record").map((l) => l.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);

    const check = captureIo();
    expect(await runAuditCommand(["verify", file, "--keys", join(dir, "keys.json")], {}, check)).toBe(0);
    expect(check.out()).toContain(
      `Intact: tenant ${tenant}, 7 records (records 1–7), 2 checkpoints, signed through record 5.`,
    );
    expect(check.out()).not.toContain("No --keys given");
  });

  it("finds a record changed in the copy, and says which", async () => {
    const file = join(dir, "trail.ndjson");
    const tampered = join(dir, "tampered.ndjson");
    writeFileSync(
      tampered,
      readFileSync(file, "utf8").replace('"action\\":\\"CREATE_TASK\\",\\"i\\":4', '"action\\":\\"DELETE\\",\\"i\\":4'),
    );
    expect(readFileSync(tampered, "utf8")).toContain("DELETE");
    const io = captureIo();
    expect(await runAuditCommand(["verify", tampered, "--keys", join(dir, "keys.json")], {}, io)).toBe(1);
    expect(io.out()).toContain("NOT intact");
    expect(io.out()).toMatch(/ALTERED at record 4 \(line \d+\): record 4's content does not match its hash/);
  });

  it("is refused to a viewer, with the API's reason", async () => {
    const io = captureIo();
    expect(await runAuditCommand(["export", "--out", join(dir, "viewer.ndjson")], env("viewer"), io)).toBe(1);
    expect(io.err()).toMatch(/FORBIDDEN/);
  });

  it("says what is wrong with bad arguments and unreadable files", async () => {
    const missingToken = captureIo();
    expect(await runAuditCommand(["export"], { RELATA_URL: new URL("/graphql", api.url).href }, missingToken)).toBe(2);
    expect(missingToken.err()).toContain("RELATA_TOKEN is not set");
    const noFile = captureIo();
    expect(await runAuditCommand(["verify", join(dir, "nope.ndjson")], {}, noFile)).toBe(2);
    expect(noFile.err()).toContain("Cannot read");
    const badPage = captureIo();
    expect(await runAuditCommand(["export", "--page", "0"], env("analyst"), badPage)).toBe(2);
    expect(badPage.err()).toContain("--page must be a whole number from 1 to 10000");
  });
});
