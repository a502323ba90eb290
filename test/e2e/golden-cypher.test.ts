import { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateDemoData } from "../../demo/demo-data.generator";
import { nodeId } from "../../domain/ids/node-id";
import { clockStartingAt } from "../../domain/time/clock";
import { StatementStart } from "../../graph/statement-observer";
import {
  AccountByIdDocument,
  AccountsWithContactsAndHealthDocument,
  ContactsPageDocument,
  Customer360Document,
  IngestOutcomeFragment,
  IngestSignalsDocument,
  NodeByIdDocument,
  NodesByIdsDocument,
  UpsertAccountsDocument,
  UpsertAssetsDocument,
  UpsertContactsDocument,
  UpsertOpportunitiesDocument,
  UpsertOrganizationsDocument,
  UpsertSourceSystemsDocument,
} from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/**
 * Golden Cypher of the benchmark's canonical operations (issue 18, decisions 0035 and 0040): B1
 * `AccountById`, B2 `Customer360` and B3 `AccountsWithContactsAndHealth` (with its latest health), and the
 * reads of records on their own: `NodeById`, `NodesByIds` and the `ContactsPage` list, sent over HTTP to
 * the real server and Neo4j.
 * Each request's statements are recorded by a statement observer and compared, text and count, with
 * `test/e2e/golden/<operation>.cypher`: a change to what Cypher an operation sends, or how many round
 * trips it makes, shows up here in review. After an intended change, rerun with `UPDATE_GOLDEN_CYPHER=1`.
 */
const tenant = uniqueTenant("golden-cypher");
const data = generateDemoData({ accounts: 6, signalsPerAccount: 8, seed: 18 });
const GOLDEN = join(__dirname, "golden");
const update = process.env.UPDATE_GOLDEN_CYPHER === "1";

let api: TestApi;
let token: string;
const seen: StatementStart[] = [];

async function ingestAll(): Promise<void> {
  const run = async <TData, TInput>(
    document: TypedDocumentNode<TData, { input: TInput | TInput[] }>,
    input: TInput[],
    key: keyof TData,
  ): Promise<void> => {
    const response = await api.run(document, { input }, { token: api.token(tenant, "integrator") });
    expect(response.body.errors).toBeUndefined();
    expect((response.body.data?.[key] as IngestOutcomeFragment).rejected).toBe(0);
  };
  await run(UpsertSourceSystemsDocument, data.sourceSystems, "upsertSourceSystems");
  await run(UpsertAccountsDocument, [...data.accounts()], "upsertAccounts");
  await run(UpsertContactsDocument, [...data.contacts()], "upsertContacts");
  await run(UpsertOpportunitiesDocument, [...data.opportunities()], "upsertOpportunities");
  await run(UpsertAssetsDocument, [...data.assets()], "upsertAssets");
  await run(UpsertOrganizationsDocument, [...data.organizations()], "upsertOrganizations");
  await run(IngestSignalsDocument, [...data.signals()], "ingestSignals");
}

/** POSTs a canonical operation over HTTP with its operation name, which tags the statements it sends. */
async function send<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  operationName: string,
  variables: TVariables,
  options: { token: string; headers?: Record<string, string> },
): Promise<{ data?: TData | null; errors?: unknown[]; extensions?: Record<string, unknown> }> {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.token}`, ...options.headers },
    body: JSON.stringify({ query: print(document), variables, operationName }),
  });
  return (await response.json()) as { data?: TData | null; errors?: unknown[]; extensions?: Record<string, unknown> };
}

/** The statements `operation` sent while `send` ran, sorted by name (golden text: one block per statement). */
async function statementsOf(operation: string, send: () => Promise<void>): Promise<StatementStart[]> {
  seen.length = 0;
  await send();
  // By name: lists dispatched in the same tick may start in either order.
  return seen
    .filter((statement) => statement.operation === operation)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function golden(statements: readonly StatementStart[]): string {
  return statements.map((s) => `// ${s.name} (${s.mode})\n${(s.text ?? "").trim()}\n`).join("\n");
}

function expectGolden(operation: string, statements: readonly StatementStart[]): void {
  const file = join(GOLDEN, `${operation}.cypher`);
  const text = golden(statements);
  if (update) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, "utf8"));
}

function accountId(index: number): string {
  const account = [...data.accounts()][index]!;
  return nodeId("Account", tenant, account.sourceSystem, account.externalId);
}

function contactId(index: number): string {
  const contact = [...data.contacts()][index]!;
  return nodeId("Contact", tenant, contact.sourceSystem, contact.externalId);
}

function signalId(index: number): string {
  const signal = [...data.signals()][index]!;
  return nodeId("Signal", tenant, signal.sourceSystem, signal.recordId);
}

beforeAll(async () => {
  api = await startTestApi({}, { clock: clockStartingAt(data.referenceDate) });
  token = api.token(tenant, "analyst");
  api.runtime.database.observeStatements({
    started(statement) {
      seen.push(statement);
      return () => undefined;
    },
  });
  await ingestAll();
  // Stored health snapshots, as the benchmark has them; B3 reads the latest one per account.
  const recompute = await api.post(
    "mutation { recomputeHealth { __typename } }",
    {},
    { token: api.token(tenant, "admin") },
  );
  expect(recompute.body.errors).toBeUndefined();
}, 600_000);

afterAll(async () => {
  await api.stop();
});

describe("golden Cypher of the canonical operations", () => {
  it("B1 AccountById: one statement projecting the ten selected properties", async () => {
    const statements = await statementsOf("AccountById", async () => {
      const body = await send(AccountByIdDocument, "AccountById", { id: accountId(0) }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data?.account?.name).toBe([...data.accounts()][0]!.name);
    });
    expect(statements.map((s) => s.name)).toEqual(["account.byIds"]);
    expectGolden("AccountById", statements);
  });

  it("B2 Customer360: two round trips, the account then every nested list in one statement", async () => {
    const statements = await statementsOf("Customer360", async () => {
      const body = await send(Customer360Document, "Customer360", { id: accountId(1), signals: 5 }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data?.account?.signals.edges).toHaveLength(5);
    });
    expect(statements.map((s) => s.name)).toEqual([
      "account.assets+account.contacts+account.network+account.opportunities+account.signals",
      "account.byIds",
    ]);
    expectGolden("Customer360", statements);
  });

  it("B3 AccountsWithContactsAndHealth: the page, the contacts of every account, the latest health", async () => {
    const variables = { first: 4, contacts: 3 };
    // Once untimed: the first health read of a tenant sets up its default model.
    await send(AccountsWithContactsAndHealthDocument, "AccountsWithContactsAndHealth", variables, { token });
    const statements = await statementsOf("AccountsWithContactsAndHealth", async () => {
      const body = await send(AccountsWithContactsAndHealthDocument, "AccountsWithContactsAndHealth", variables, {
        token,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data?.accounts.edges).toHaveLength(4);
    });
    expect(statements.map((s) => s.name)).toEqual(["account.contacts", "account.list.NAME_ASC", "health.latestScores"]);
    expectGolden("AccountsWithContactsAndHealth", statements);
  });

  it("NodeById: one statement, one branch for the kind asked, projecting what its fragments select", async () => {
    const statements = await statementsOf("NodeById", async () => {
      const body = await send(NodeByIdDocument, "NodeById", { id: accountId(3) }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data?.node).toMatchObject({ __typename: "Account", name: [...data.accounts()][3]!.name });
    });
    expect(statements.map((s) => s.name)).toEqual(["node.byIds"]);
    expectGolden("NodeById", statements);
  });

  it("NodesByIds: the records of every kind in one statement, their accounts in one more", async () => {
    const ids = [accountId(4), contactId(0), signalId(0)];
    const statements = await statementsOf("NodesByIds", async () => {
      const body = await send(NodesByIdsDocument, "NodesByIds", { ids }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data?.nodes.map((node) => node?.__typename)).toEqual(["Account", "Contact", "Signal"]);
      const [, contact, signal] = body.data!.nodes;
      expect(contact?.__typename === "Contact" && contact.account?.id).toMatch(/.+/);
      expect(signal?.__typename === "Signal" && signal.subjectId).toMatch(/.+/);
    });
    // The contact's account is read by the account loader (every property), after the nodes.
    expect(statements.map((s) => s.name)).toEqual(["account.byIds", "node.byIds"]);
    expectGolden("NodesByIds", statements);
  });

  it("ContactsPage: the page projects the selected contact properties and follows WORKS_AT for the account", async () => {
    const statements = await statementsOf("ContactsPage", async () => {
      const body = await send(ContactsPageDocument, "ContactsPage", { first: 5 }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data?.contacts.edges).toHaveLength(5);
    });
    expect(statements.map((s) => s.name)).toEqual(["account.byIds", "contact.list", "contact.list.count"]);
    expectGolden("ContactsPage", statements);
  });

  it("reports the same round trips to an admin who asks for them", async () => {
    const statements = await statementsOf("Customer360", async () => {
      const body = await send(
        Customer360Document,
        "Customer360",
        { id: accountId(2), signals: 5 },
        { token: api.token(tenant, "admin"), headers: { "x-relata-debug": "1" } },
      );
      expect(body.errors).toBeUndefined();
      expect((body.extensions?.relata as { cypherQueries: number }).cypherQueries).toBe(2);
    });
    expect(statements).toHaveLength(2);
  });
});
