import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runExportCommand } from "../../cli/export";
import { generateDemoData } from "../../demo/demo-data.generator";
import { HealthExportLine } from "../../domain/health/health-export-line";
import { clockStartingAt } from "../../domain/time/clock";
import { loadDemoData } from "../../services/demo/load-demo-data";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { captureIo } from "./support/command-io";

const scored = uniqueTenant("export-scored");
const other = uniqueTenant("export-other");
const data = generateDemoData({ accounts: 12, signalsPerAccount: 30, seed: 5 });
let api: TestApi;
let dir: string;

beforeAll(async () => {
  // Pages of 5: the 12 accounts take three reads, so the cursor is exercised.
  api = await startTestApi(
    { RELATA_MAX_PAGE_SIZE: "5", RELATA_DEFAULT_PAGE_SIZE: "5" },
    { clock: clockStartingAt(data.referenceDate) },
  );
  dir = mkdtempSync(join(tmpdir(), "relata-export-"));
  const context = api.runtime.server.contexts.forPrincipal({ tenant: scored, role: "admin", subject: "test" });
  await loadDemoData(context.ingest, data, { advance: () => {} });
  await context.health.recompute("default", null, false);
  await api.post(
    `mutation($input: [AccountInput!]!) { upsertAccounts(input: $input) { created } }`,
    {
      input: [
        { sourceSystem: "crm", externalId: "O-1", name: "Other One" },
        { sourceSystem: "crm", externalId: "O-2", name: "Other Two" },
      ],
    },
    { token: api.token(other, "integrator") },
  );
});

afterAll(async () => {
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const exportUrl = (query = "") => `${api.url.replace(/\/graphql$/, "")}/v1/exports/health${query}`;

/** Reads an NDJSON response as it arrives, one line at a time. */
async function readLines(response: Response): Promise<HealthExportLine[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const lines: HealthExportLine[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value !== undefined) buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, end)) as HealthExportLine);
      buffer = buffer.slice(end + 1);
    }
    if (done) break;
  }
  expect(buffer).toBe("");
  return lines;
}

async function exportAs(
  token: string | null,
  query = "",
): Promise<{ status: number; type: string | null; lines: HealthExportLine[] }> {
  const response = await fetch(exportUrl(query), {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    return { status: response.status, type: response.headers.get("content-type"), lines: [] };
  }
  return { status: 200, type: response.headers.get("content-type"), lines: await readLines(response) };
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("GET /v1/exports/health", () => {
  it("streams one line per account of the tenant with its latest stored score and concept values", async () => {
    const { status, type, lines } = await exportAs(api.token(scored, "analyst"));
    expect(status).toBe(200);
    expect(type).toBe("application/x-ndjson; charset=utf-8");
    expect(lines).toHaveLength(12);
    expect(lines.map((l) => l.accountId)).toEqual([...lines.map((l) => l.accountId)].sort());
    expect(new Set(lines.map((l) => l.accountId)).size).toBe(12);
    for (const line of lines) {
      expect(line).toMatchObject({ modelId: "default", modelVersion: expect.any(Number), grade: expect.any(String) });
      expect(Object.keys(line.concepts).length).toBeGreaterThan(0);
      expect(Object.values(line.concepts).every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });

  it("gives the same score, grade, confidence, version and time as the account's stored health in GraphQL", async () => {
    const [line] = (await exportAs(api.token(scored))).lines;
    const response = await api.post<{
      account: {
        health: { score: number; grade: string; confidence: number; modelVersion: number; computedAt: string };
      };
    }>(
      `query($id: ID!) { account(id: $id) { health { score grade confidence modelVersion computedAt } } }`,
      { id: line!.accountId },
      { token: api.token(scored) },
    );
    expect(response.body.errors).toBeUndefined();
    const health = response.body.data!.account.health;
    expect({
      score: line!.score,
      grade: line!.grade,
      confidence: line!.confidence,
      modelVersion: line!.modelVersion,
      computedAt: line!.computedAt,
    }).toEqual(health);
  });

  it("exports only the caller's tenant, with nulls for accounts never scored", async () => {
    const { lines } = await exportAs(api.token(other, "viewer"));
    const byExternalId = [...lines].sort((a, b) => a.externalId.localeCompare(b.externalId));
    expect(byExternalId.map((l) => [l.externalId, l.score, l.grade, l.modelVersion, l.concepts])).toEqual([
      ["O-1", null, null, null, {}],
      ["O-2", null, null, null, {}],
    ]);
  });

  it("lets a viewer export, as every role that reads accounts may", async () => {
    const { status, lines } = await exportAs(api.token(scored, "viewer"));
    expect(status).toBe(200);
    expect(lines).toHaveLength(12);
  });

  it("filters by grade and by segment", async () => {
    const all = (await exportAs(api.token(scored))).lines;
    const grade = all[0]!.grade!;
    const byGrade = (await exportAs(api.token(scored), `?grade=${grade}`)).lines;
    expect(byGrade.map((l) => l.accountId)).toEqual(all.filter((l) => l.grade === grade).map((l) => l.accountId));
    const segment = all.find((l) => l.segment !== null)!.segment!;
    const bySegment = (await exportAs(api.token(scored), `?segment=${encodeURIComponent(segment)}`)).lines;
    expect(bySegment.map((l) => l.accountId)).toEqual(all.filter((l) => l.segment === segment).map((l) => l.accountId));
  });
});

describe("GET /v1/exports/health, refused", () => {
  it("refuses a request without a token (401), and with a bad one", async () => {
    const none = await fetch(exportUrl());
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe("UNAUTHENTICATED");
    const bad = await fetch(exportUrl(), { headers: { authorization: "Bearer not.a.token" } });
    expect(bad.status).toBe(401);
    await bad.body?.cancel();
  });

  it("names an unknown parameter (400) and an unknown model (404)", async () => {
    const headers = { authorization: `Bearer ${api.token(scored)}` };
    const unknown = await fetch(exportUrl("?tenant=someone-else"), { headers });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain('Unknown parameter "tenant"');
    const model = await fetch(exportUrl("?modelId=nope"), { headers });
    expect(model.status).toBe(404);
    expect((await errorOf(model)).code).toBe("NOT_FOUND");
  });

  it("answers only GET (405)", async () => {
    const response = await fetch(exportUrl(), {
      method: "POST",
      headers: { authorization: `Bearer ${api.token(scored)}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    await response.body?.cancel();
  });
});

describe("npm run export", () => {
  it("writes the same lines as the HTTP export to a file", async () => {
    const out = join(dir, "health.ndjson");
    const io = captureIo();
    const env = { ...process.env, RELATA_JWT_SECRET: TEST_JWT_SECRET, RELATA_HOME: dir, LOG_LEVEL: "silent" };
    const code = await runExportCommand(["--tenant", scored, "--out", out], env, io);
    expect(code).toBe(0);
    expect(io.err()).toContain("Exported 12 of 12 accounts");
    const fromFile = readFileSync(out, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as HealthExportLine);
    expect(fromFile).toEqual((await exportAs(api.token(scored))).lines);
  });

  it("refuses to run without a tenant (exit 2)", async () => {
    const io = captureIo();
    expect(await runExportCommand(["--out", join(dir, "x.ndjson")], process.env, io)).toBe(2);
    expect(io.err()).toContain("--tenant is required");
  });
});
