import { CypherExecutor } from "../../graph/executor";
import { UpsertAccountsDocument, UpsertTeamsDocument, UpsertTicketsDocument } from "../../schema/generated/graphql";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";
import { dataOf } from "./support/responses";

/**
 * Issue 17: support tickets through the bulk ingest, with their assignment history stored as holds, bad
 * records rejected one by one, and a resend of the same tickets changing nothing.
 */
let api: TestApi;
let executor: CypherExecutor;
let tenant: string;

const integrator = () => ({ token: api.token(tenant, "integrator") });

const ticket = (externalId: string, extra: Record<string, unknown> = {}) => ({
  sourceSystem: "zendesk",
  externalId,
  account: { externalId: "A-1", sourceSystem: "crm" },
  category: "technical",
  priority: "HIGH" as const,
  openedAt: "2026-10-05T08:00:00Z",
  firstResponseAt: "2026-10-05T09:00:00Z",
  resolvedAt: "2026-10-06T08:00:00Z",
  assignments: [
    { team: { externalId: "T-L1", sourceSystem: "hr" }, from: "2026-10-05T08:00:00Z" },
    { team: { externalId: "T-TECH", sourceSystem: "hr" }, from: "2026-10-05T12:00:00Z" },
  ],
  ...extra,
});

beforeAll(async () => {
  api = await startTestApi();
  executor = api.runtime.database.executor(60_000);
  tenant = uniqueTenant("tickets");
  dataOf(
    await api.run(
      UpsertAccountsDocument,
      { input: [{ sourceSystem: "crm", externalId: "A-1", name: "Acme", segment: "Key Account" }] },
      integrator(),
    ),
  );
  dataOf(
    await api.run(
      UpsertTeamsDocument,
      {
        input: [
          { sourceSystem: "hr", externalId: "T-L1", name: "First line" },
          { sourceSystem: "hr", externalId: "T-TECH", name: "Technical" },
        ],
      },
      integrator(),
    ),
  );
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe("upsertTickets", () => {
  it("stores tickets with their durations and holds, and rejects bad records one by one", async () => {
    const result = dataOf(
      await api.run(
        UpsertTicketsDocument,
        {
          input: [
            ticket("Z-1"),
            ticket("Z-2", { resolvedAt: "2026-10-04T08:00:00Z" }),
            ticket("Z-3", { account: { externalId: "NOPE", sourceSystem: "crm" } }),
            ticket("Z-4", { assignments: [{ from: "2026-10-05T08:00:00Z" }] }),
            ticket("Z-5", { resolvedAt: null }),
          ],
        },
        integrator(),
      ),
    ).upsertTickets;
    expect(result).toMatchObject({ created: 2, rejected: 3 });
    expect(result.rejections.map((r) => [r.index, r.externalId])).toEqual([
      [1, "Z-2"],
      [2, "Z-3"],
      [3, "Z-4"],
    ]);
    expect(result.rejections[0]!.reason).toMatch(/resolvedAt .* is before openedAt/);
    expect(result.rejections[1]!.reason).toMatch(/account "NOPE" from source system "crm" does not exist/);
    expect(result.rejections[2]!.reason).toMatch(/assignments\[0\] must name exactly one holder/);
    expect(result.records[0]!.id).toMatch(/^tkt_/);

    const rows = await executor.read(
      {
        name: "test.tickets.holds",
        text: `MATCH (t:Ticket {tenant: $tenant, externalId: 'Z-1'})-[:FOR_ACCOUNT]->(a:Account)
MATCH (t)-[:HELD]->(h:TicketHold)-[:HELD_BY]->(team:Team)
RETURN t.resolutionHours AS resolution, t.firstResponseHours AS firstResponse, a.name AS account,
  h.seq AS seq, team.name AS team, h.hours AS hours ORDER BY seq`,
      },
      { tenant },
    );
    expect(rows).toEqual([
      { resolution: 24, firstResponse: 1, account: "Acme", seq: 0, team: "First line", hours: 4 },
      { resolution: 24, firstResponse: 1, account: "Acme", seq: 1, team: "Technical", hours: 20 },
    ]);
  });

  it("changes nothing when the same tickets are sent again, and keeps the history a partial update leaves out", async () => {
    const again = dataOf(await api.run(UpsertTicketsDocument, { input: [ticket("Z-1")] }, integrator())).upsertTickets;
    expect(again).toMatchObject({ unchanged: 1, created: 0, updated: 0 });
    const partial = dataOf(
      await api.run(
        UpsertTicketsDocument,
        {
          input: [
            {
              sourceSystem: "zendesk",
              externalId: "Z-5",
              account: { externalId: "A-1", sourceSystem: "crm" },
              openedAt: "2026-10-05T08:00:00Z",
              resolvedAt: "2026-10-05T18:00:00Z",
            },
          ],
        },
        integrator(),
      ),
    ).upsertTickets;
    expect(partial).toMatchObject({ updated: 1 });
    const rows = await executor.read(
      {
        name: "test.tickets.partial",
        text: `MATCH (t:Ticket {tenant: $tenant, externalId: 'Z-5'})-[:HELD]->(h:TicketHold)
RETURN t.resolutionHours AS resolution, t.category AS category, h.hours AS hours ORDER BY h.seq`,
      },
      { tenant },
    );
    expect(rows).toEqual([
      { resolution: 10, category: "technical", hours: 4 },
      { resolution: 10, category: "technical", hours: 6 },
    ]);
  });
});
