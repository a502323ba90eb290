import { HealthConfigCache } from "../../../../services/health/health-config-cache";

describe("HealthConfigCache", () => {
  it("shares what was loaded at one configuration version between requests", async () => {
    const cache = new HealthConfigCache();
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.at("t1", "v1").get("model", load)).toBe(1);
    expect(await cache.at("t1", "v1").get("model", load)).toBe(1);
    expect(loads).toBe(1);
  });

  it("loads again when the tenant's configuration version moved on", async () => {
    const cache = new HealthConfigCache();
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await cache.at("t1", "v1").get("model", load);
    expect(await cache.at("t1", "v2").get("model", load)).toBe(2);
    // Back to an older token: what the newer one held is gone too, so nothing stale is served.
    expect(await cache.at("t1", "v1").get("model", load)).toBe(3);
  });

  it("keeps tenants apart", async () => {
    const cache = new HealthConfigCache();
    await cache.at("t1", "v1").get("model", () => Promise.resolve("one"));
    expect(await cache.at("t2", "v1").get("model", () => Promise.resolve("two"))).toBe("two");
    expect(await cache.at("t1", "v1").get("model", () => Promise.resolve("again"))).toBe("one");
  });

  it("does not keep a failed load", async () => {
    const cache = new HealthConfigCache();
    const entry = cache.at("t1", "v1");
    await expect(entry.get("model", () => Promise.reject(new Error("MODEL_NOT_FOUND")))).rejects.toThrow(
      "MODEL_NOT_FOUND",
    );
    expect(await entry.get("model", () => Promise.resolve("found"))).toBe("found");
  });
});
