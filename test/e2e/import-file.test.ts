import { mkdtempSync, readFileSync, existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_REJECTED_ROWS, runImportCommand } from "../../cli/import";
import { ImportCheckpoint } from "../../domain/import/import-checkpoint";
import { AccountsPageDocument, UpsertAccountsDocument } from "../../schema/generated/graphql";
import { startTestApi, TEST_JWT_SECRET, TestApi, uniqueTenant } from "../support/test-api";
import { captureIo } from "./support/command-io";
import { dataOf } from "./support/responses";

let api: TestApi;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  api = await startTestApi();
  dir = mkdtempSync(join(tmpdir(), "relata-import-"));
  env = { ...process.env, RELATA_JWT_SECRET: TEST_JWT_SECRET, RELATA_HOME: dir, LOG_LEVEL: "silent" };
});

afterAll(async () => {
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function importFile(args: string[], options: { signal?: AbortSignal } = {}) {
  const io = captureIo();
  const code = await runImportCommand(args, env, io, options.signal);
  return { code, err: io.err() };
}

function report(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function accounts(tenant: string) {
  const data = dataOf(
    await api.run(AccountsPageDocument, { first: 100, orderBy: "NAME_ASC" }, { token: api.token(tenant) }),
  );
  return Object.fromEntries(
    data.accounts.edges.map(({ node }) => [
      node.externalId,
      { name: node.name, industry: node.industry, annualRevenue: node.annualRevenue },
    ]),
  );
}

describe("importing a CSV file of accounts", () => {
  const tenant = uniqueTenant("import-csv");
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const csv = Buffer.concat([
    bom,
    Buffer.from(
      [
        "sourceSystem,externalId,name,industry,annualRevenue",
        'crm,A-1,"Acme, Inc.",SaaS,1000',
        'crm,A-2,"北京 ""长城"" 医疗器械有限公司",医疗,2.5e6',
        'crm,A-3,"Two-line\nname",,',
        "crm,A-9,Nine Renamed,Retail,abc",
        "crm,A-5,Five,,-10",
        "crm,,No Id,,",
        "crm,A-7,Seven,Retail",
        "crm,A-8,Eight,Retail,8",
      ].join("\r\n") + "\r\n",
      "utf8",
    ),
  ]);

  it("stores the good rows, reports each bad one with its row, line, field and reason, and exits 3", async () => {
    // A stored account that a bad row names: the row is rejected and the account keeps what it had.
    dataOf(
      await api.run(
        UpsertAccountsDocument,
        { input: [{ sourceSystem: "crm", externalId: "A-9", name: "Nine", industry: "Retail", annualRevenue: 900 }] },
        { token: api.token(tenant, "integrator") },
      ),
    );
    const path = file("accounts.csv", csv);
    const { code, err } = await importFile(["--tenant", tenant, "--type", "accounts", path]);
    expect(code).toBe(EXIT_REJECTED_ROWS);
    expect(err).toContain("8 rows; 4 created, 0 updated, 0 unchanged, 4 rejected.");
    expect(report(`${path}.rejected.jsonl`)).toEqual([
      {
        row: 4,
        line: 6,
        externalId: "A-9",
        field: "annualRevenue",
        reason: 'annualRevenue: Float cannot represent non numeric value: "abc"',
      },
      {
        row: 5,
        line: 7,
        externalId: "A-5",
        field: "annualRevenue",
        reason: "annualRevenue must not be negative; received -10",
      },
      {
        row: 6,
        line: 8,
        externalId: null,
        field: "externalId",
        reason: 'Field "externalId" of required type "String!" was not provided.',
      },
      {
        row: 7,
        line: 9,
        externalId: "A-7",
        field: null,
        reason: "the row has 4 cells and the header 5 columns; quote cells that hold commas",
      },
    ]);
    expect(await accounts(tenant)).toEqual({
      "A-1": { name: "Acme, Inc.", industry: "SaaS", annualRevenue: 1000 },
      "A-2": { name: '北京 "长城" 医疗器械有限公司', industry: "医疗", annualRevenue: 2_500_000 },
      "A-3": { name: "Two-line\nname", industry: null, annualRevenue: null },
      "A-8": { name: "Eight", industry: "Retail", annualRevenue: 8 },
      "A-9": { name: "Nine", industry: "Retail", annualRevenue: 900 },
    });
    expect(existsSync(`${path}.rejected.jsonl.checkpoint.json`)).toBe(false);
  });

  it("recognises the stored rows as unchanged when run again", async () => {
    const path = join(dir, "accounts.csv");
    const { code, err } = await importFile(["--tenant", tenant, "--type", "accounts", path]);
    expect(code).toBe(EXIT_REJECTED_ROWS);
    expect(err).toContain("0 created, 0 updated, 4 unchanged, 4 rejected.");
    expect(report(`${path}.rejected.jsonl`)).toHaveLength(4);
  });
});

describe("importing an NDJSON file of contacts", () => {
  const tenant = uniqueTenant("import-ndjson");

  it("checks each line as GraphQL variables and the record checks would, and stores the others", async () => {
    await importFile([
      "--tenant",
      tenant,
      "--type",
      "accounts",
      file("a.csv", "sourceSystem,externalId,name\ncrm,A-1,Acme\n"),
    ]);
    const lines = [
      { sourceSystem: "crm", externalId: "C-1", name: "王芳", title: "采购经理", account: { externalId: "A-1" } },
      "{not json",
      { sourceSystem: "crm", externalId: "C-3", name: "Bo", account: { externalId: "A-1" }, nickname: "B" },
      { sourceSystem: "crm", externalId: "C-4", name: "Cy", account: { externalId: "A-404" } },
      { sourceSystem: "crm", externalId: "C-5", name: "Di", email: "not-an-address", account: { externalId: "A-1" } },
      { sourceSystem: "crm", externalId: "C-6", name: "Ed", buyingRole: "CHAMPION", account: { externalId: "A-1" } },
    ].map((l) => (typeof l === "string" ? l : JSON.stringify(l)));
    const path = file("contacts.ndjson", `${lines.join("\n")}\n\n`);
    const { code, err } = await importFile([
      "--tenant",
      tenant,
      "--type",
      "contacts",
      "--report",
      join(dir, "c.jsonl"),
      path,
    ]);
    expect(code).toBe(EXIT_REJECTED_ROWS);
    expect(err).toContain("6 rows; 2 created, 0 updated, 0 unchanged, 4 rejected.");
    const rows = report(join(dir, "c.jsonl"));
    expect(rows.map((r) => [r.row, r.line, r.externalId, r.field])).toEqual([
      [2, 2, null, null],
      [3, 3, "C-3", "nickname"],
      [4, 4, "C-4", null],
      [5, 5, "C-5", "email"],
    ]);
    expect(rows[1]?.reason).toBe('Field "nickname" is not defined by type "ContactInput". Did you mean "name"?');
    expect(rows[2]?.reason).toMatch(/^account "A-404" from source system "crm" does not exist in this tenant/);
    const data = await api.post<{
      account: { contacts: { edges: Array<{ node: { name: string; title: string | null } }> } };
    }>(
      `query($id: ID!) { account(id: $id) { contacts(first: 10) { edges { node { name title } } } } }`,
      { id: (await idOf(tenant, "A-1")) as string },
      // An analyst: viewers see contacts' names masked (docs/personal-data.md).
      { token: api.token(tenant, "analyst") },
    );
    expect(
      data.body.data?.account.contacts.edges.map((e) => e.node).sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: "Ed", title: null },
      { name: "王芳", title: "采购经理" },
    ]);
  });
});

async function idOf(tenant: string, externalId: string): Promise<string | undefined> {
  const data = dataOf(await api.run(AccountsPageDocument, { first: 100 }, { token: api.token(tenant) }));
  return data.accounts.edges.find((e) => e.node.externalId === externalId)?.node.id;
}

describe("resuming an import", () => {
  const rows = (ids: number[]) =>
    `sourceSystem,externalId,name\n${ids.map((i) => `crm,R-${i},Resume ${i}`).join("\n")}\n`;

  it("continues after the rows a checkpoint counts as done", async () => {
    const tenant = uniqueTenant("import-resume");
    const path = file("resume.csv", rows([1, 2, 3, 4, 5, 6]));
    const stat = statSync(path);
    const checkpoint: ImportCheckpoint = {
      version: 1,
      tenant,
      type: "accounts",
      file: { path, size: stat.size, mtimeMs: stat.mtimeMs },
      rowsDone: 4,
      reportBytes: 0,
      counts: { created: 4, updated: 0, unchanged: 0, rejected: 0 },
    };
    writeFileSync(`${path}.rejected.jsonl.checkpoint.json`, JSON.stringify(checkpoint));
    const { code, err } = await importFile(["--tenant", tenant, "--type", "accounts", path]);
    expect(code).toBe(0);
    expect(err).toContain("Continuing after row 4");
    expect(err).toContain("6 rows (4 done by an earlier run); 6 created");
    // Rows 1-4 were not sent again: only the checkpoint said they were done.
    expect(Object.keys(await accounts(tenant)).sort()).toEqual(["R-5", "R-6"]);
    expect(existsSync(`${path}.rejected.jsonl.checkpoint.json`)).toBe(false);
  });

  it("stops after the batch in flight when interrupted, and a rerun stores the rest once", async () => {
    const tenant = uniqueTenant("import-stop");
    const path = file(
      "stop.csv",
      `${rows([1, 2, 3])}crm,R-4,Four,extra\n${rows([5, 6]).split("\n").slice(1).join("\n")}`,
    );
    const controller = new AbortController();
    controller.abort();
    const stopped = await importFile(["--tenant", tenant, "--type", "accounts", "--batch-size", "2", path], {
      signal: controller.signal,
    });
    expect(stopped.code).toBe(130);
    expect(stopped.err).toContain("Stopped after row 2.");
    expect(Object.keys(await accounts(tenant)).sort()).toEqual(["R-1", "R-2"]);
    const saved = JSON.parse(readFileSync(`${path}.rejected.jsonl.checkpoint.json`, "utf8")) as ImportCheckpoint;
    expect(saved.rowsDone).toBe(2);

    const rerun = await importFile(["--tenant", tenant, "--type", "accounts", "--batch-size", "2", path]);
    expect(rerun.code).toBe(EXIT_REJECTED_ROWS);
    expect(rerun.err).toContain("6 rows (2 done by an earlier run); 5 created, 0 updated, 0 unchanged, 1 rejected.");
    expect(Object.keys(await accounts(tenant)).sort()).toEqual(["R-1", "R-2", "R-3", "R-5", "R-6"]);
    expect(report(`${path}.rejected.jsonl`).map((r) => r.row)).toEqual([4]);
  });
});

describe("an import that cannot start or go on", () => {
  const tenant = uniqueTenant("import-refused");
  const good = () => file("good.csv", "sourceSystem,externalId,name\ncrm,G-1,Good\n");

  it.each([
    ["without a tenant", () => ["--type", "accounts", good()], /--tenant is required/],
    [
      "with a tenant name that is not one",
      () => ["--tenant", "Acme Corp", "--type", "accounts", good()],
      /is not a tenant name/,
    ],
    [
      "with an unknown type",
      () => ["--tenant", tenant, "--type", "customers", good()],
      /--type "customers" is not a record type; use one of accounts, contacts/,
    ],
    ["without a file", () => ["--tenant", tenant, "--type", "accounts", join(dir, "missing.csv")], /There is no file/],
    [
      "with a file of unknown format",
      () => ["--tenant", tenant, "--type", "accounts", file("x.txt", "a")],
      /name it \.csv or \.ndjson/,
    ],
  ])("refuses to start %s (exit 2)", async (_case, args, message) => {
    const { code, err } = await importFile(args());
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("names an unknown column before storing anything (exit 2)", async () => {
    const path = file("typo.csv", "sourceSystem,externalId,name,revnue\ncrm,T-1,Typo,5\n");
    const { code, err } = await importFile(["--tenant", tenant, "--type", "accounts", path]);
    expect(code).toBe(2);
    expect(err).toContain('Column 4 of the header, "revnue", is not a field of AccountInput');
    expect(await accounts(tenant)).toEqual({});
  });

  it("names a missing required column (exit 2)", async () => {
    const path = file("noname.csv", "sourceSystem,externalId\ncrm,T-1\n");
    const { code, err } = await importFile(["--tenant", tenant, "--type", "accounts", path]);
    expect(code).toBe(2);
    expect(err).toContain("lacks the required column name of AccountInput");
  });

  it("stops at a quote that never closes, naming the line (exit 1)", async () => {
    const path = file("broken.csv", 'sourceSystem,externalId,name\ncrm,B-1,"Broken\n');
    const { code, err } = await importFile(["--tenant", tenant, "--type", "accounts", path]);
    expect(code).toBe(1);
    expect(err).toMatch(/The CSV file is broken at line 2/);
    expect(await accounts(tenant)).toEqual({});
  });
});
