import { PopulationCache, Populations } from "../../../../services/health/population-cache";

const populations = (values: number[]): Populations => new Map([["crm|nps", values]]);

describe("PopulationCache", () => {
  it("reads a population once while it is fresh", async () => {
    let now = 0;
    const cache = new PopulationCache(1_000, () => now);
    let reads = 0;
    const load = () => {
      reads += 1;
      return Promise.resolve(populations([reads]));
    };
    expect((await cache.get("acme|crm|nps", load)).get("crm|nps")).toEqual([1]);
    now = 999;
    expect((await cache.get("acme|crm|nps", load)).get("crm|nps")).toEqual([1]);
    expect(reads).toBe(1);
  });

  it("reads it again once it has expired", async () => {
    let now = 0;
    const cache = new PopulationCache(1_000, () => now);
    let reads = 0;
    const load = () => Promise.resolve(populations([++reads]));
    await cache.get("acme|crm|nps", load);
    now = 1_000;
    expect((await cache.get("acme|crm|nps", load)).get("crm|nps")).toEqual([2]);
  });

  it("keeps tenants apart", async () => {
    const cache = new PopulationCache();
    await cache.get("acme|crm|nps", () => Promise.resolve(populations([1])));
    const other = await cache.get("globex|crm|nps", () => Promise.resolve(populations([9])));
    expect(other.get("crm|nps")).toEqual([9]);
  });

  it("does not keep a failed read", async () => {
    const cache = new PopulationCache();
    await expect(cache.get("acme|crm|nps", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await new Promise((resolve) => setImmediate(resolve));
    const retried = await cache.get("acme|crm|nps", () => Promise.resolve(populations([3])));
    expect(retried.get("crm|nps")).toEqual([3]);
  });
});
