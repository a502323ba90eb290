import { generateDemoData } from "../../demo/demo-data.generator";
import { LoadTotals, loadDemoData, totalRecords } from "../../services/demo/load-demo-data";
import { startTestApi, TestApi, uniqueTenant } from "../support/test-api";

/** The demo loader writes several batches at once; the graph must end up exactly as with one at a time. */
const tenant = uniqueTenant("demo-load");
const data = generateDemoData({ accounts: 24, signalsPerAccount: 20, seed: 3 });
let api: TestApi;
let first: LoadTotals;
const advanced: number[] = [];

const context = () => api.runtime.server.contexts.forPrincipal({ tenant, role: "admin", subject: "test" });

beforeAll(async () => {
  api = await startTestApi();
  first = await loadDemoData(context().ingest, data, { advance: (_kind, n) => advanced.push(n) }, 150, 3);
}, 180_000);

afterAll(async () => {
  await api.stop();
});

describe("loadDemoData with several batches in flight", () => {
  it("stores every record once and reports progress for each", () => {
    expect(first).toMatchObject({ created: totalRecords(data), updated: 0, unchanged: 0, rejected: 0 });
    expect(advanced.reduce((a, b) => a + b, 0)).toBe(totalRecords(data));
  });

  it("finds every record unchanged when loaded again", async () => {
    const again = await loadDemoData(context().ingest, data, { advance: () => {} }, 150, 3);
    expect(again).toMatchObject({ created: 0, updated: 0, rejected: 0, unchanged: totalRecords(data) });
  });

  it("leaves as many accounts as the generator made", async () => {
    const response = await api.post<{ accounts: { totalCount: number } }>(
      `{ accounts(first: 1) { totalCount } }`,
      {},
      { token: api.token(tenant, "viewer") },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.accounts.totalCount).toBe(data.counts.accounts);
  });
});
