import { SubjectUser } from "../../../../graph/auth/user-roles.reader";
import { UserRoleCache } from "../../../../services/auth/user-role-cache";

function source(users: Record<string, SubjectUser>) {
  const reads: string[] = [];
  return {
    reads,
    users,
    fail: false,
    async userOf(tenant: string, externalId: string) {
      reads.push(`${tenant}/${externalId}`);
      if (this.fail) throw new Error("database unavailable");
      return this.users[`${tenant}/${externalId}`] ?? null;
    },
  };
}

describe("UserRoleCache", () => {
  let now = 0;
  const options = { ttlMs: 5000, maxEntries: 2, now: () => now };
  beforeEach(() => {
    now = 0;
  });

  it("reads a subject once per TTL, the absence of a user included", async () => {
    const db = source({ "t/lena": { id: "usr_1", roles: ["viewer"] } });
    const cache = new UserRoleCache(db, options);
    expect(await cache.lookup("t", "lena")).toEqual({ id: "usr_1", roles: ["viewer"] });
    expect(await cache.lookup("t", "svc")).toBeNull();
    now = 4999;
    await cache.lookup("t", "lena");
    await cache.lookup("t", "svc");
    expect(db.reads).toEqual(["t/lena", "t/svc"]);
    now = 5000;
    await cache.lookup("t", "lena");
    expect(db.reads).toEqual(["t/lena", "t/svc", "t/lena"]);
  });

  it("shares one read between concurrent lookups of a subject", async () => {
    const db = source({});
    const cache = new UserRoleCache(db, options);
    await Promise.all([cache.lookup("t", "a"), cache.lookup("t", "a"), cache.lookup("t", "a")]);
    expect(db.reads).toEqual(["t/a"]);
  });

  it("keeps tenants apart", async () => {
    const db = source({ "t1/lena": { id: "usr_1", roles: ["admin"] } });
    const cache = new UserRoleCache(db, options);
    expect(await cache.lookup("t1", "lena")).not.toBeNull();
    expect(await cache.lookup("t2", "lena")).toBeNull();
  });

  it("forgets a tenant's answers when its users were written here", async () => {
    const db = source({});
    const cache = new UserRoleCache(db, options);
    expect(await cache.lookup("t", "lena")).toBeNull();
    db.users["t/lena"] = { id: "usr_1", roles: ["analyst"] };
    cache.forgetTenant("t");
    expect(await cache.lookup("t", "lena")).toEqual({ id: "usr_1", roles: ["analyst"] });
  });

  it("falls back to the last answer when a read fails, and throws when there is none", async () => {
    const db = source({ "t/lena": { id: "usr_1", roles: ["viewer"] } });
    const cache = new UserRoleCache(db, options);
    await cache.lookup("t", "lena");
    db.fail = true;
    now = 10_000;
    expect(await cache.lookup("t", "lena")).toEqual({ id: "usr_1", roles: ["viewer"] });
    await expect(cache.lookup("t", "other")).rejects.toThrow("database unavailable");
  });

  it("holds at most maxEntries subjects, dropping the oldest", async () => {
    const db = source({});
    const cache = new UserRoleCache(db, options);
    await cache.lookup("t", "a");
    await cache.lookup("t", "b");
    await cache.lookup("t", "c");
    await cache.lookup("t", "b");
    await cache.lookup("t", "a");
    expect(db.reads).toEqual(["t/a", "t/b", "t/c", "t/a"]);
  });
});
