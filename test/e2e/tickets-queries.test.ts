import {
  AccountsWithTicketsDocument,
  TicketsPageDocument,
  UpsertAccountsDocument,
  UpsertContactsDocument,
  UpsertTicketsDocument,
} from "../../schema/generated/graphql";
import { nodeId } from "../../domain/ids/node-id";
import { Role } from "../../resolvers/context";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf, onlyErrorOf, statementNames } from "./support/responses";

/**
 * Issue 17, reading support tickets: the tenant's list filtered by account, status, category and opened
 * window, paged with cursors; each account's tickets in one round trip per request level; the contact's
 * personal fields masked for readers without access; another tenant sees none of them.
 */
let api: TestApi;
let tenant: string;

const as = (role: Role, t = tenant) => ({ token: api.token(t, role) });
const account = (n: number) => nodeId("Account", tenant, "crm", `A-${n}`);

/** Twelve tickets on three accounts, opened a day apart from 1 October 2026; every third one still open. */
function tickets() {
  return [...Array(12).keys()].map((i) => ({
    sourceSystem: "zendesk",
    externalId: `Z-${String(i).padStart(2, "0")}`,
    account: { externalId: `A-${i % 3}`, sourceSystem: "crm" },
    contact: i === 0 ? { externalId: "C-1", sourceSystem: "crm" } : null,
    category: i % 2 === 0 ? "technical" : "billing",
    priority: "MEDIUM" as const,
    openedAt: new Date(Date.UTC(2026, 9, 1 + i, 8)).toISOString(),
    resolvedAt: i % 3 === 2 ? null : new Date(Date.UTC(2026, 9, 1 + i, 14)).toISOString(),
    assignments: [
      { team: { externalId: "T-L1", sourceSystem: "hr" }, from: new Date(Date.UTC(2026, 9, 1 + i, 8)).toISOString() },
    ],
  }));
}

beforeAll(async () => {
  api = await startTestApi();
  tenant = uniqueTenant("ticket-reads");
  dataOf(
    await api.run(
      UpsertAccountsDocument,
      { input: [0, 1, 2, 3].map((n) => ({ sourceSystem: "crm", externalId: `A-${n}`, name: `Clinic ${n}` })) },
      as("integrator"),
    ),
  );
  dataOf(
    await api.run(
      UpsertContactsDocument,
      {
        input: [
          {
            sourceSystem: "crm",
            externalId: "C-1",
            account: { externalId: "A-0", sourceSystem: "crm" },
            name: "Zoë Åberg",
            email: "zoe.aberg@example.com",
          },
        ],
      },
      as("integrator"),
    ),
  );
  const stored = dataOf(
    await api.run(UpsertTicketsDocument, { input: tickets() as never }, as("integrator")),
  ).upsertTickets;
  expect(stored).toMatchObject({ created: 12, rejected: 0 });
}, 420_000);

afterAll(async () => {
  await api?.stop();
});

describe("tickets", () => {
  it("lists an account's open tickets, most recently opened first, with a total", async () => {
    const page = dataOf(
      await api.run(TicketsPageDocument, { filter: { accountIds: [account(2)], status: "OPEN" } }, as("viewer")),
    ).tickets;
    // Account 2 holds tickets 2, 5, 8, 11; open are those with i % 3 = 2: all four.
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((e) => e.node.externalId)).toEqual(["Z-11", "Z-08", "Z-05", "Z-02"]);
    expect(page.edges.every((e) => e.node.status === "OPEN" && e.node.resolvedAt === null)).toBe(true);
    expect(page.edges[0]!.node.account).toEqual({ id: account(2), name: "Clinic 2" });
  });

  it("filters resolved tickets by category and an opened window (start included, end excluded)", async () => {
    const page = dataOf(
      await api.run(
        TicketsPageDocument,
        {
          filter: {
            status: "RESOLVED",
            categories: ["technical"],
            openedFrom: "2026-10-01T08:00:00Z",
            openedTo: "2026-10-07T08:00:00Z",
          },
        },
        as("analyst"),
      ),
    ).tickets;
    // Opened in the window: tickets 0–5; technical: 0, 2, 4; resolved: 0 and 4.
    expect(page.edges.map((e) => e.node.externalId)).toEqual(["Z-04", "Z-00"]);
    expect(page.edges[1]!.node).toMatchObject({ resolutionHours: 6, holds: [{ holderKind: "TEAM", hours: 6 }] });
  });

  it("pages through every ticket with cursors, each once, in order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: {
        pageInfo: { hasNextPage: boolean; endCursor?: string | null };
        edges: Array<{ node: { externalId: string } }>;
      } = dataOf(await api.run(TicketsPageDocument, { first: 5, after }, as("viewer"))).tickets;
      seen.push(...page.edges.map((e) => e.node.externalId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual([...Array(12).keys()].reverse().map((i) => `Z-${String(i).padStart(2, "0")}`));
  });

  it("reads the tickets of every account of a page in one statement", async () => {
    const response = await api.run(
      AccountsWithTicketsDocument,
      { first: 10, ticketsFirst: 2, status: "RESOLVED" },
      // The statement log is an admin's debug view.
      { ...as("admin"), headers: { "x-relata-debug": "1" } },
    );
    const accounts = dataOf(response).accounts.edges.map((e) => e.node);
    const byName = new Map(accounts.map((a) => [a.name, a.tickets]));
    expect(byName.get("Clinic 0")!.edges.map((e) => e.node.externalId)).toEqual(["Z-09", "Z-06"]);
    expect(byName.get("Clinic 0")!.totalCount).toBe(4);
    expect(byName.get("Clinic 0")!.pageInfo.hasNextPage).toBe(true);
    expect(byName.get("Clinic 2")!.totalCount).toBe(0);
    expect(byName.get("Clinic 3")!.edges).toEqual([]);
    expect(statementNames(response).filter((name) => name.includes("account.tickets"))).toHaveLength(1);
  });

  it("masks the contact's personal fields for a viewer and shows them to an admin", async () => {
    const filter = { accountIds: [account(0)], categories: ["technical"], openedTo: "2026-10-02T00:00:00Z" };
    const viewer = dataOf(await api.run(TicketsPageDocument, { filter }, as("viewer"))).tickets.edges[0]!.node;
    const admin = dataOf(await api.run(TicketsPageDocument, { filter }, as("admin"))).tickets.edges[0]!.node;
    expect(admin.contact).toMatchObject({ name: "Zoë Åberg", email: "zoe.aberg@example.com" });
    expect(viewer.contact!.id).toBe(admin.contact!.id);
    expect(viewer.contact!.email).not.toBe("zoe.aberg@example.com");
    expect(viewer.contact!.name).not.toBe("Zoë Åberg");
  });
});

describe("ticket refusals and isolation", () => {
  it("shows another tenant none of the tickets", async () => {
    const other = uniqueTenant("ticket-reads-other");
    const page = dataOf(await api.run(TicketsPageDocument, {}, as("admin", other))).tickets;
    expect(page).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("refuses an opened window that ends before it starts, naming both ends", async () => {
    const error = onlyErrorOf(
      await api.run(
        TicketsPageDocument,
        { filter: { openedFrom: "2026-10-05T00:00:00Z", openedTo: "2026-10-01T00:00:00Z" } },
        as("viewer"),
      ),
      200,
    );
    expect(error.extensions!.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/filter\.openedFrom \(2026-10-05T00:00:00\.000Z\) must be before filter\.openedTo/);
  });

  it("refuses an account id of another kind", async () => {
    const error = onlyErrorOf(
      await api.run(TicketsPageDocument, { filter: { accountIds: ["con_AAAAAAAAAAAAAAAAAAAAAA"] } }, as("viewer")),
      200,
    );
    expect(error.extensions!.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/filter\.accountIds\[0\]/);
  });
});
