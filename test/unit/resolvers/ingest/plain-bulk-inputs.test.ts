import "reflect-metadata";
import { graphql, GraphQLSchema } from "graphql";
import { buildRelataSchema } from "../../../../resolvers/build-schema";
import { IngestResolver } from "../../../../resolvers/ingest/ingest.resolver";

/** An ingest service that records what each bulk mutation was given. */
function recordingContext() {
  const calls: Array<{ method: string; records: unknown[]; mode: unknown }> = [];
  const result = { created: 0, updated: 0, unchanged: 0, rejected: 0, records: [], rejections: [] };
  const ingest = new Proxy(
    {},
    {
      get: (_target, method: string) => (records: unknown[], mode?: unknown) => {
        calls.push({ method, records, mode });
        return Promise.resolve(result);
      },
    },
  );
  return { calls, contextValue: { principal: { tenant: "t", role: "admin", subject: "s" }, ingest } };
}

const SIGNALS = `mutation ($input: [SignalInput!]!) {
  ingestSignals(input: $input) { created rejected }
}`;

const signal = (recordId: string) => ({
  sourceSystem: "crm",
  recordId,
  field: "usage.logins",
  numberValue: 12,
  observedAt: "2026-03-01T09:30:00Z",
  subject: { kind: "ACCOUNT", externalId: "A-1" },
});

describe("bulk mutations receive their records as GraphQL coerced them (issue 18)", () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildRelataSchema();
  }, 120_000);

  describe("success", () => {
    it("hands the service plain records with only the fields sent, and the default mode", async () => {
      const { calls, contextValue } = recordingContext();
      const result = await graphql({
        schema,
        source: SIGNALS,
        variableValues: { input: [signal("s-1")] },
        contextValue,
      });
      expect(result.errors).toBeUndefined();
      expect(calls).toHaveLength(1);
      const [call] = calls;
      expect(call?.method).toBe("ingestSignals");
      expect(call?.mode).toBe("MERGE");
      const [record] = call?.records as Array<Record<string, unknown>>;
      expect(record).toEqual(signal("s-1"));
      expect(Object.keys(record ?? {}).sort()).toEqual(Object.keys(signal("s-1")).sort());
      expect((record?.subject as object).constructor).toBe(Object);
    });

    it("covers every mutation of the ingest resolver, each with its arguments in order", async () => {
      const { calls, contextValue } = recordingContext();
      const source = `mutation {
        upsertSourceSystems(input: [{ key: "crm", name: "CRM", kind: CRM }]) { created }
        upsertAccounts(input: [], mode: REPLACE) { created }
      }`;
      const result = await graphql({ schema, source, contextValue });
      expect(result.errors).toBeUndefined();
      expect(calls.map((c) => [c.method, c.mode])).toEqual([
        ["upsertSourceSystems", undefined],
        ["upsertAccounts", "REPLACE"],
      ]);
      const mutations = Object.getOwnPropertyNames(IngestResolver.prototype).filter((n) => n !== "constructor");
      expect(mutations).toContain("ingestSignals");
      expect(mutations.every((name) => schema.getMutationType()?.getFields()[name] !== undefined)).toBe(true);
    });
  });

  describe("failure", () => {
    it("still refuses a record of the wrong type before the service runs, naming where it is", async () => {
      const { calls, contextValue } = recordingContext();
      const bad = { ...signal("s-2"), numberValue: "twelve" };
      const result = await graphql({
        schema,
        source: SIGNALS,
        variableValues: { input: [signal("s-1"), bad] },
        contextValue,
      });
      expect(calls).toEqual([]);
      expect(result.errors?.[0]?.message).toMatch(/at "input\[1\]\.numberValue"/);
    });

    it("still checks the caller's role first", async () => {
      const { calls, contextValue } = recordingContext();
      const result = await graphql({
        schema,
        source: SIGNALS,
        variableValues: { input: [signal("s-1")] },
        contextValue: { ...contextValue, principal: { tenant: "t", role: "viewer", subject: "s" } },
      });
      expect(calls).toEqual([]);
      expect(result.errors?.[0]?.message).toMatch(/Your role \(viewer\) may not call ingestSignals/);
    });
  });
});
