import { createHash } from "node:crypto";

import type {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
} from "../../../domain/records";
import { NETWORK_RELATIONSHIPS } from "../../../domain/records";
import { DEMO_INDUSTRIES, DEMO_REFERENCE_TIME_MS, DAY_MS } from "../../../demo/demo-data.constants";
import { generateDemoData, type DemoAccountOutcome, type DemoDataSet } from "../../../demo/demo-data.generator";
import { DemoDataError } from "../../../demo/demo-data.errors";
import { inBatches } from "../../../demo/in-batches.helper";
import { DEMO_SIGNAL_FIELDS } from "../../../demo/signal-fields.catalogue";

interface Collected {
  sourceSystems: SourceSystemRecord[];
  accounts: AccountRecord[];
  contacts: ContactRecord[];
  opportunities: OpportunityRecord[];
  assets: AssetRecord[];
  organizations: OrganizationRecord[];
  signals: SignalRecord[];
  outcomes: DemoAccountOutcome[];
}

function collect(demo: DemoDataSet): Collected {
  return {
    sourceSystems: demo.sourceSystems,
    accounts: [...demo.accounts()],
    contacts: [...demo.contacts()],
    opportunities: [...demo.opportunities()],
    assets: [...demo.assets()],
    organizations: [...demo.organizations()],
    signals: [...demo.signals()],
    outcomes: [...demo.outcomes()],
  };
}

/** A hash over the JSON of every record of every kind, streamed so large sets stay cheap. */
function hashOf(demo: DemoDataSet): string {
  const hash = createHash("sha256");
  const kinds: Iterable<unknown>[] = [
    demo.sourceSystems,
    demo.accounts(),
    demo.contacts(),
    demo.opportunities(),
    demo.assets(),
    demo.organizations(),
    demo.signals(),
    demo.outcomes(),
  ];
  for (const records of kinds) {
    for (const record of records) {
      hash.update(JSON.stringify(record));
      hash.update("\n");
    }
    hash.update("--\n");
  }
  return hash.digest("hex");
}

const countOf = (records: Iterable<unknown>): number => {
  let count = 0;
  for (const _record of records) {
    count += 1;
  }
  return count;
};

const key = (sourceSystem: string | null | undefined, id: string): string => `${sourceSystem ?? ""}|${id}`;

describe("generateDemoData", () => {
  describe("determinism", () => {
    it("produces byte-identical records for the same options", () => {
      const options = { accounts: 60, seed: 7 };
      expect(hashOf(generateDemoData(options))).toBe(hashOf(generateDemoData(options)));
    });

    it("produces different records for a different seed", () => {
      expect(hashOf(generateDemoData({ accounts: 60, seed: 7 }))).not.toBe(
        hashOf(generateDemoData({ accounts: 60, seed: 8 })),
      );
    });

    it("produces different signals for a different signalsPerAccount", () => {
      expect(hashOf(generateDemoData({ accounts: 20, seed: 7, signalsPerAccount: 10 }))).not.toBe(
        hashOf(generateDemoData({ accounts: 20, seed: 7, signalsPerAccount: 11 })),
      );
    });

    it("does not depend on which kinds are iterated first, or how far", () => {
      const signalsFirst = generateDemoData({ accounts: 40, seed: 3 });
      countOf(signalsFirst.signals());
      countOf(signalsFirst.organizations());
      const contactsAfterSignals = JSON.stringify([...signalsFirst.contacts()]);
      const fresh = generateDemoData({ accounts: 40, seed: 3 });
      expect(JSON.stringify([...fresh.contacts()])).toBe(contactsAfterSignals);
    });

    it("gives an account the same records whatever the size of the data set", () => {
      const small = collect(generateDemoData({ accounts: 30, seed: 5 }));
      const large = collect(generateDemoData({ accounts: 90, seed: 5 }));
      const ofFirstThirty = <T extends { externalId: string }>(records: T[]): T[] =>
        records.filter((record) => Number(record.externalId.slice(4, 10)) <= 30);
      expect(large.accounts.slice(0, 30)).toEqual(small.accounts);
      expect(ofFirstThirty(large.contacts)).toEqual(small.contacts);
      expect(ofFirstThirty(large.assets)).toEqual(small.assets);
      expect(large.signals.slice(0, small.signals.length)).toEqual(small.signals);
    });

    it("restarts a sequence each time it is iterated", () => {
      const demo = generateDemoData({ accounts: 10, seed: 1 });
      const signals = demo.signals();
      expect(JSON.stringify([...signals])).toBe(JSON.stringify([...signals]));
    });
  });

  describe("counts", () => {
    it("match what the iterables produce", () => {
      const demo = generateDemoData({ accounts: 200, seed: 42 });
      expect(demo.counts).toEqual({
        sourceSystems: demo.sourceSystems.length,
        accounts: countOf(demo.accounts()),
        contacts: countOf(demo.contacts()),
        opportunities: countOf(demo.opportunities()),
        assets: countOf(demo.assets()),
        organizations: countOf(demo.organizations()),
        signals: countOf(demo.signals()),
      });
    });

    it("average about signalsPerAccount signals per account", () => {
      const { counts } = generateDemoData({ accounts: 1000, seed: 42 });
      expect(counts.signals / counts.accounts).toBeGreaterThan(90);
      expect(counts.signals / counts.accounts).toBeLessThan(110);
      const sparse = generateDemoData({ accounts: 1000, seed: 42, signalsPerAccount: 20 }).counts;
      expect(sparse.signals / sparse.accounts).toBeGreaterThan(18);
      expect(sparse.signals / sparse.accounts).toBeLessThan(22);
    });

    it("has about one organization per twenty accounts and two to three opportunities per account", () => {
      const { counts } = generateDemoData({ accounts: 1000, seed: 42 });
      expect(counts.organizations).toBe(50);
      expect(counts.opportunities / counts.accounts).toBeGreaterThan(2);
      expect(counts.opportunities / counts.accounts).toBeLessThan(3);
    });

    it("are all zero but the source systems for an empty data set", () => {
      const demo = generateDemoData({ accounts: 0, seed: 1 });
      expect(demo.counts).toEqual({
        sourceSystems: demo.sourceSystems.length,
        accounts: 0,
        contacts: 0,
        opportunities: 0,
        assets: 0,
        organizations: 0,
        signals: 0,
      });
      expect(countOf(demo.organizations())).toBe(0);
    });
  });

  describe("integrity", () => {
    const data = collect(generateDemoData({ accounts: 200, seed: 42 }));
    const systems = new Set(data.sourceSystems.map((system) => system.key));
    const accounts = new Set(data.accounts.map((record) => key(record.sourceSystem, record.externalId)));
    const contacts = new Set(data.contacts.map((record) => key(record.sourceSystem, record.externalId)));
    const assets = new Set(data.assets.map((record) => key(record.sourceSystem, record.externalId)));

    it("keys every record by a known source system", () => {
      const records = [
        ...data.accounts,
        ...data.contacts,
        ...data.opportunities,
        ...data.assets,
        ...data.organizations,
        ...data.signals,
      ];
      const unknown = records.filter((record) => !systems.has(record.sourceSystem));
      expect(unknown).toEqual([]);
      expect(new Set(data.sourceSystems.map((system) => system.kind)).size).toBeGreaterThanOrEqual(10);
    });

    it("resolves every account reference of contacts, opportunities, assets and organizations", () => {
      const references = [
        ...data.contacts.map((record) =>
          key(record.account.sourceSystem ?? record.sourceSystem, record.account.externalId),
        ),
        ...data.opportunities.map((record) =>
          key(record.account.sourceSystem ?? record.sourceSystem, record.account.externalId),
        ),
        ...data.assets.map((record) =>
          key(record.account.sourceSystem ?? record.sourceSystem, record.account.externalId),
        ),
        ...data.organizations.flatMap((record) =>
          record.links.map((link) => key(link.account.sourceSystem ?? record.sourceSystem, link.account.externalId)),
        ),
      ];
      const unresolved = references.filter((reference) => !accounts.has(reference));
      expect(unresolved).toEqual([]);
    });

    it("resolves every signal subject", () => {
      const known = { ACCOUNT: accounts, CONTACT: contacts, ASSET: assets };
      const unresolved = data.signals.filter(
        (signal) =>
          !known[signal.subject.kind].has(
            key(signal.subject.sourceSystem ?? signal.sourceSystem, signal.subject.externalId),
          ),
      );
      expect(unresolved).toEqual([]);
    });

    it("keeps ids unique per source system", () => {
      const ids = [
        ...data.accounts,
        ...data.contacts,
        ...data.opportunities,
        ...data.assets,
        ...data.organizations,
      ].map((record) => key(record.sourceSystem, record.externalId));
      expect(new Set(ids).size).toBe(ids.length);
      const recordIds = data.signals.map((signal) => key(signal.sourceSystem, signal.recordId));
      expect(new Set(recordIds).size).toBe(recordIds.length);
      expect(new Set(data.sourceSystems.map((system) => system.key)).size).toBe(data.sourceSystems.length);
    });

    it("sets exactly one value field on every signal, matching the catalogue's type and unit", () => {
      const catalogue = new Map(DEMO_SIGNAL_FIELDS.map((spec) => [key(spec.sourceSystem, spec.field), spec]));
      // Collected rather than asserted one by one: 20,000 expect() calls would dominate the run time.
      const problems: string[] = [];
      for (const signal of data.signals) {
        const values = [signal.numberValue, signal.stringValue, signal.booleanValue].filter(
          (value) => value !== null && value !== undefined,
        );
        const spec = catalogue.get(key(signal.sourceSystem, signal.field));
        const value = values[0];
        if (values.length !== 1) {
          problems.push(`${signal.recordId}: ${values.length} value fields set`);
        } else if (spec === undefined) {
          problems.push(`${signal.recordId}: ${signal.sourceSystem}.${signal.field} is not in the catalogue`);
        } else if (typeof value !== spec.valueType) {
          problems.push(`${signal.recordId}: ${typeof value} value, catalogue says ${spec.valueType}`);
        } else if ((signal.unit ?? null) !== spec.unit || signal.subject.kind !== spec.subject) {
          problems.push(
            `${signal.recordId}: unit ${String(signal.unit)} / subject ${signal.subject.kind} differ from the catalogue`,
          );
        } else if (spec.valueType === "string" && !spec.values.includes(String(value))) {
          problems.push(`${signal.recordId}: ${String(value)} is not a listed value of ${spec.field}`);
        } else if (typeof value === "number" && !Number.isFinite(value)) {
          problems.push(`${signal.recordId}: ${value} is not finite`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("time-stamps signals in the 365 days before the reference date, each account's oldest first", () => {
      const problems: string[] = [];
      let previous = { account: "", time: 0 };
      for (const signal of data.signals) {
        const time = Date.parse(signal.observedAt);
        if (time >= DEMO_REFERENCE_TIME_MS || time < DEMO_REFERENCE_TIME_MS - 365 * DAY_MS) {
          problems.push(`${signal.recordId} observed at ${signal.observedAt}, outside the window`);
        }
        const account = signal.recordId.split("-").slice(-2, -1)[0] ?? "";
        if (account === previous.account && time < previous.time) {
          problems.push(`${signal.recordId} is older than the signal before it`);
        }
        previous = { account, time };
      }
      expect(problems).toEqual([]);
    });

    it("gives accounts unique names, the three segments and the five regions", () => {
      expect(new Set(data.accounts.map((record) => record.name)).size).toBe(data.accounts.length);
      expect(new Set(data.accounts.map((record) => record.segment))).toEqual(
        new Set(["ENTERPRISE", "MID_MARKET", "SMB"]),
      );
      expect(new Set(data.accounts.map((record) => record.region))).toEqual(
        new Set(["NA", "EMEA", "APAC-CN", "APAC-SEA", "LATAM"]),
      );
    });

    it("covers all seven industries at 200 accounts", () => {
      expect(new Set(data.accounts.map((record) => record.industry))).toEqual(new Set(DEMO_INDUSTRIES));
    });

    it("keeps annual revenue consistent with the segment", () => {
      const ranges = { ENTERPRISE: [1e9, 4e10], MID_MARKET: [5e7, 1e9], SMB: [1e6, 5e7] } as const;
      for (const account of data.accounts) {
        const [min, max] = ranges[account.segment as keyof typeof ranges];
        expect(account.annualRevenue).toBeGreaterThanOrEqual(min * 0.99);
        expect(account.annualRevenue).toBeLessThanOrEqual(max * 1.01);
      }
    });

    it("gives enterprise accounts a buying committee of about seven with distinct roles", () => {
      const byAccount = new Map<string, ContactRecord[]>();
      for (const contact of data.contacts) {
        byAccount.set(contact.account.externalId, [...(byAccount.get(contact.account.externalId) ?? []), contact]);
      }
      const enterprises = data.accounts.filter((account) => account.segment === "ENTERPRISE");
      const sizes = enterprises.map((account) => byAccount.get(account.externalId)?.length ?? 0);
      const average = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
      expect(average).toBeGreaterThan(6.5);
      expect(average).toBeLessThan(7.5);
      for (const account of enterprises) {
        const roles = (byAccount.get(account.externalId) ?? []).map((contact) => contact.buyingRole);
        expect(new Set(roles).size).toBe(roles.length);
        expect(roles).toContain("DECISION_MAKER");
      }
      for (const account of data.accounts.filter((record) => record.segment === "SMB")) {
        expect(byAccount.get(account.externalId)?.length ?? 0).toBeLessThanOrEqual(3);
      }
    });

    it("registers assets only for industries with installed products", () => {
      const industryOf = new Map(data.accounts.map((account) => [account.externalId, account.industry]));
      const industries = new Set(data.assets.map((asset) => industryOf.get(asset.account.externalId)));
      expect(industries).toEqual(new Set(["MANUFACTURING", "HEALTHCARE", "AUTOMOTIVE"]));
      for (const asset of data.assets) {
        expect(asset.serialNumber).toBeTruthy();
        expect(asset.model).toBeTruthy();
        expect(asset.installedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });

    it("links each organization to several accounts of its own region", () => {
      const regionOf = new Map(data.accounts.map((account) => [account.externalId, account.region]));
      for (const organization of data.organizations) {
        expect(organization.links.length).toBeGreaterThanOrEqual(1);
        const linked = organization.links.map((link) => link.account.externalId);
        expect(new Set(linked).size).toBe(linked.length);
        for (const link of organization.links) {
          expect(regionOf.get(link.account.externalId)).toBe(organization.region);
          expect(NETWORK_RELATIONSHIPS).toContain(link.relationship);
        }
      }
      const average =
        data.organizations.reduce((sum, organization) => sum + organization.links.length, 0) /
        data.organizations.length;
      expect(average).toBeGreaterThan(3);
    });
  });

  describe("latent health", () => {
    const demo = generateDemoData({ accounts: 400, seed: 42 });
    const health = Array.from({ length: 400 }, (_, index) => demo.latentHealth(index));
    const accountSignals = [...demo.signals()].filter((signal) => signal.subject.kind === "ACCOUNT");

    const meanBy = (field: string, predicate: (accountHealth: number) => boolean): number => {
      let sum = 0;
      let count = 0;
      for (const signal of accountSignals) {
        if (signal.field !== field) {
          continue;
        }
        const accountIndex = Number(signal.subject.externalId.slice(4)) - 1;
        if (predicate(health[accountIndex] ?? 0)) {
          sum += signal.numberValue ?? 0;
          count += 1;
        }
      }
      return sum / count;
    };

    it("lies in [0, 1] and agrees with the outcomes", () => {
      for (const outcome of demo.outcomes()) {
        expect(outcome.latentHealth).toBe(health[outcome.accountIndex]);
        expect(outcome.latentHealth).toBeGreaterThanOrEqual(0);
        expect(outcome.latentHealth).toBeLessThanOrEqual(1);
      }
    });

    it("makes healthy accounts score higher CSAT and renewal rate and respond faster", () => {
      const healthy = (value: number): boolean => value > 0.75;
      const unhealthy = (value: number): boolean => value < 0.45;
      expect(meanBy("csat_score", healthy)).toBeGreaterThan(meanBy("csat_score", unhealthy) + 1);
      expect(meanBy("renewal_rate_pct", healthy)).toBeGreaterThan(meanBy("renewal_rate_pct", unhealthy) + 10);
      expect(meanBy("first_response_minutes", healthy)).toBeLessThan(meanBy("first_response_minutes", unhealthy));
    });

    it("makes unhealthy accounts churn more often", () => {
      const outcomes = [...demo.outcomes()];
      const churnRate = (predicate: (value: number) => boolean): number => {
        const group = outcomes.filter((outcome) => predicate(outcome.latentHealth));
        return group.filter((outcome) => outcome.outcome === "CHURNED").length / group.length;
      };
      expect(churnRate((value) => value < 0.45)).toBeGreaterThan(churnRate((value) => value > 0.75) + 0.2);
    });

    it("rejects an account index outside the data set", () => {
      expect(() => demo.latentHealth(400)).toThrow(DemoDataError);
      expect(() => demo.latentHealth(-1)).toThrow(/account index in \[0, 399\]/);
    });
  });

  describe("laziness", () => {
    it("streams 20,000 accounts' records without building anything else", () => {
      const demo = generateDemoData({ accounts: 20_000, seed: 42 });
      const names = new Set<string>();
      for (const account of demo.accounts()) {
        names.add(account.name);
      }
      expect(names.size).toBe(20_000);
    });

    it("yields the first signals of a 10-million-signal set without generating the rest", () => {
      const demo = generateDemoData({ accounts: 100_000, seed: 42, signalsPerAccount: 100 });
      const first = [];
      for (const signal of demo.signals()) {
        first.push(signal);
        if (first.length === 5) {
          break;
        }
      }
      expect(first).toHaveLength(5);
    });

    it("can be consumed in batches", () => {
      const demo = generateDemoData({ accounts: 30, seed: 2 });
      const batches = [...inBatches(demo.signals(), 500)];
      expect(batches.slice(0, -1).every((batch) => batch.length === 500)).toBe(true);
      expect(batches.reduce((sum, batch) => sum + batch.length, 0)).toBe(demo.counts.signals);
    });
  });

  describe("reference date (issue 19: a demo started next year looks the same)", () => {
    const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

    it("defaults to the fixed reference date, so tests get the same bytes on any day", () => {
      expect(generateDemoData({ accounts: 3, seed: 1 }).referenceDate).toBe(
        new Date(DEMO_REFERENCE_TIME_MS).toISOString(),
      );
    });

    it("moves every time stamp by the same offset and nothing else", () => {
      const base = generateDemoData({ accounts: 25, seed: 9 });
      const later = generateDemoData({ accounts: 25, seed: 9, referenceDate: "2027-11-01" });
      const offset = Date.parse("2027-11-01") - DEMO_REFERENCE_TIME_MS;
      expect(later.referenceDate).toBe("2027-11-01T00:00:00.000Z");
      expect([...later.signals()]).toEqual(
        [...base.signals()].map((s) => ({ ...s, observedAt: shift(s.observedAt, offset) })),
      );
      expect([...later.accounts()]).toEqual([...base.accounts()]);
      expect([...later.outcomes()].map((o) => o.outcome)).toEqual([...base.outcomes()].map((o) => o.outcome));
      expect([...later.outcomes()].map((o) => o.decidedOn)).toEqual(
        [...base.outcomes()].map((o) => shift(`${o.decidedOn}T00:00:00Z`, offset).slice(0, 10)),
      );
    });
  });

  describe("invalid options", () => {
    it.each([
      [{ accounts: -1, seed: 1 }, /accounts to be a non-negative integer/],
      [{ accounts: 1.5, seed: 1 }, /accounts to be a non-negative integer/],
      [{ accounts: 10, seed: 0.5 }, /seed to be a safe integer/],
      [{ accounts: 10, seed: Number.NaN }, /seed to be a safe integer/],
      [{ accounts: 10, seed: 1, signalsPerAccount: -3 }, /signalsPerAccount to be a non-negative number/],
      [{ accounts: 10, seed: 1, referenceDate: "next tuesday" }, /referenceDate to be an ISO-8601 date/],
      [{ accounts: 10, seed: 1, referenceDate: "2026-13-45" }, /referenceDate to be an ISO-8601 date/],
    ])("rejects %j", (options, message) => {
      expect(() => generateDemoData(options)).toThrow(message);
      expect(() => generateDemoData(options)).toThrow(DemoDataError);
    });
  });
});
