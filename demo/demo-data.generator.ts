/**
 * A deterministic, seeded generator of realistic demo data for Relata: accounts across seven industries
 * with their buying committees, opportunities, installed assets, value network and a year of signals
 * from the source systems they use.
 *
 * Same options, same bytes: every account draws from its own random streams (one per record kind,
 * derived from the seed and the account index), so the records do not depend on which kinds are
 * iterated first or how far. Everything but the source systems is produced lazily, one account at a
 * time, so benchmarks can stream millions of signals through the ingest path in constant memory.
 */
import type {
  AccountRecord,
  AssetRecord,
  ContactRecord,
  OpportunityRecord,
  OrganizationRecord,
  SignalRecord,
  SourceSystemRecord,
} from "../domain/records";
import { buildAccountIdentity, buildAccountRecord } from "./account.builder";
import { buildAccountProfile, type AccountProfile } from "./account-profile.builder";
import { buildAssets } from "./assets.builder";
import { buildContacts } from "./contacts.builder";
import { DEMO_REFERENCE_DATE, DEMO_SOURCE_SYSTEMS, STREAM } from "./demo-data.constants";
import { DemoDataError } from "./demo-data.errors";
import {
  BRAND_FIRST_WORDS,
  BRAND_SECOND_WORDS,
  ORGANIZATION_FIRST_WORDS,
  ORGANIZATION_SECOND_WORDS,
} from "./demo-words.constants";
import { buildOpportunities } from "./opportunities.builder";
import { AccountDirectory, buildOrganization, organizationCount } from "./organizations.builder";
import { buildOutcome, type DemoAccountOutcome } from "./outcomes.builder";
import { buildSignals } from "./signals.builder";
import { UniqueNameBuilder } from "./unique-name.builder";

export type { DemoAccountOutcome, DemoOutcomeKind } from "./outcomes.builder";

export interface DemoDataOptions {
  /** Number of accounts (a non-negative integer). */
  accounts: number;
  /** Average number of signals per account; the exact number varies with segment. Defaults to 100. */
  signalsPerAccount?: number;
  /** Any safe integer. The same seed and options always produce the same records. */
  seed: number;
  /**
   * The instant the data set is "as of" (ISO-8601): signals fall in the year before it, open deals and
   * outcomes after it. Defaults to the fixed {@link DEMO_REFERENCE_DATE}, so tests get the same bytes on any
   * day; `npm start` passes today, so a demo started next year looks the same as one started today.
   */
  referenceDate?: string;
}

/** Exact numbers of records each iterable of a {@link DemoDataSet} produces. */
export interface DemoDataCounts {
  sourceSystems: number;
  accounts: number;
  contacts: number;
  opportunities: number;
  assets: number;
  organizations: number;
  signals: number;
}

/**
 * A generated demo data set. Each method returns a fresh, re-iterable, lazy sequence; iterating one
 * kind never changes another. Account index `i` (0-based) is the account with external id
 * `ACC-<i + 1, six digits>` in the `crm` source system.
 */
export interface DemoDataSet {
  /** The options the set was generated with, defaults filled in. */
  readonly options: Readonly<Required<DemoDataOptions>>;
  /** Signals are observed in the 365 days before this ISO instant. */
  readonly referenceDate: string;
  readonly sourceSystems: SourceSystemRecord[];
  /** Computed from the account profiles without building records; cached after the first read. */
  readonly counts: DemoDataCounts;
  accounts(): Iterable<AccountRecord>;
  /** Buying committees: about seven contacts per enterprise account, one to three per small business. */
  contacts(): Iterable<ContactRecord>;
  opportunities(): Iterable<OpportunityRecord>;
  /** Installed machines, medical devices, vehicles and chargers, registered in the `iot` system. */
  assets(): Iterable<AssetRecord>;
  /** Partners, suppliers, service providers and resellers, in the `erp` system. */
  organizations(): Iterable<OrganizationRecord>;
  /** Signals account by account, each account's oldest first. */
  signals(): Iterable<SignalRecord>;
  /** The ground truth (renewed or churned) per account, for learning health weights. */
  outcomes(): Iterable<DemoAccountOutcome>;
  /** The hidden health in [0, 1] of account `accountIndex` at the reference date. */
  latentHealth(accountIndex: number): number;
}

export const DEFAULT_SIGNALS_PER_ACCOUNT = 100;

/** A sequence that starts over each time it is iterated. */
function reiterable<T>(produce: () => Generator<T>): Iterable<T> {
  return { [Symbol.iterator]: produce };
}

function validateOptions(options: DemoDataOptions): Required<DemoDataOptions> {
  const { accounts, seed } = options;
  const signalsPerAccount = options.signalsPerAccount ?? DEFAULT_SIGNALS_PER_ACCOUNT;
  if (!Number.isSafeInteger(accounts) || accounts < 0) {
    throw new DemoDataError(
      "INVALID_DEMO_DATA_OPTIONS",
      `Expected accounts to be a non-negative integer, received ${String(accounts)}. Pass e.g. { accounts: 1000 }.`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new DemoDataError(
      "INVALID_DEMO_DATA_OPTIONS",
      `Expected seed to be a safe integer, received ${String(seed)}. Pass e.g. { seed: 42 }.`,
    );
  }
  if (!Number.isFinite(signalsPerAccount) || signalsPerAccount < 0) {
    throw new DemoDataError(
      "INVALID_DEMO_DATA_OPTIONS",
      `Expected signalsPerAccount to be a non-negative number, received ${String(signalsPerAccount)}.`,
    );
  }
  const referenceDate = options.referenceDate ?? DEMO_REFERENCE_DATE;
  if (
    !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(referenceDate) ||
    !Number.isFinite(Date.parse(referenceDate))
  ) {
    throw new DemoDataError(
      "INVALID_DEMO_DATA_OPTIONS",
      `Expected referenceDate to be an ISO-8601 date or instant, received ${String(referenceDate)}. Pass e.g. "2026-11-01".`,
    );
  }
  return { accounts, seed, signalsPerAccount, referenceDate };
}

class SeededDemoDataSet implements DemoDataSet {
  readonly referenceDate: string;
  private readonly referenceMs: number;
  private readonly seed: number;
  private readonly accountNames: UniqueNameBuilder;
  private readonly organizationNames: UniqueNameBuilder;
  private cachedCounts: DemoDataCounts | null = null;
  private cachedDirectory: AccountDirectory | null = null;

  constructor(readonly options: Readonly<Required<DemoDataOptions>>) {
    // deriveSeed accepts any safe integer, so negative and > 32-bit seeds keep all their bits.
    this.seed = options.seed;
    this.referenceMs = Date.parse(options.referenceDate);
    this.referenceDate = new Date(this.referenceMs).toISOString();
    this.accountNames = new UniqueNameBuilder(BRAND_FIRST_WORDS, BRAND_SECOND_WORDS, this.seed, STREAM.names);
    this.organizationNames = new UniqueNameBuilder(
      ORGANIZATION_FIRST_WORDS,
      ORGANIZATION_SECOND_WORDS,
      this.seed,
      STREAM.organizations,
    );
  }

  get sourceSystems(): SourceSystemRecord[] {
    return DEMO_SOURCE_SYSTEMS.map((system) => ({ ...system }));
  }

  get counts(): DemoDataCounts {
    if (this.cachedCounts === null) {
      const counts: DemoDataCounts = {
        sourceSystems: DEMO_SOURCE_SYSTEMS.length,
        accounts: this.options.accounts,
        contacts: 0,
        opportunities: 0,
        assets: 0,
        organizations: organizationCount(this.options.accounts),
        signals: 0,
      };
      for (const profile of this.profiles()) {
        counts.contacts += profile.contactCount;
        counts.opportunities += profile.opportunityCount;
        counts.assets += profile.assetCount;
        counts.signals += profile.signalCount;
      }
      this.cachedCounts = counts;
    }
    return { ...this.cachedCounts };
  }

  accounts(): Iterable<AccountRecord> {
    return reiterable(() => this.generateAccounts());
  }

  contacts(): Iterable<ContactRecord> {
    return reiterable(() => this.generateContacts());
  }

  opportunities(): Iterable<OpportunityRecord> {
    return reiterable(() => this.generateOpportunities());
  }

  assets(): Iterable<AssetRecord> {
    return reiterable(() => this.generateAssets());
  }

  organizations(): Iterable<OrganizationRecord> {
    return reiterable(() => this.generateOrganizations());
  }

  signals(): Iterable<SignalRecord> {
    return reiterable(() => this.generateSignals());
  }

  outcomes(): Iterable<DemoAccountOutcome> {
    return reiterable(() => this.generateOutcomes());
  }

  latentHealth(accountIndex: number): number {
    if (!Number.isInteger(accountIndex) || accountIndex < 0 || accountIndex >= this.options.accounts) {
      throw new DemoDataError(
        "ACCOUNT_INDEX_OUT_OF_RANGE",
        `Expected an account index in [0, ${this.options.accounts - 1}], received ${String(accountIndex)}.`,
      );
    }
    return this.profile(accountIndex).healthEnd;
  }

  private profile(index: number): AccountProfile {
    return buildAccountProfile(this.seed, this.options.signalsPerAccount, index, this.referenceMs);
  }

  private *profiles(): Generator<AccountProfile> {
    for (let index = 0; index < this.options.accounts; index += 1) {
      yield this.profile(index);
    }
  }

  private *generateAccounts(): Generator<AccountRecord> {
    for (const profile of this.profiles()) {
      yield buildAccountRecord(profile, buildAccountIdentity(this.seed, profile, this.accountNames));
    }
  }

  private *generateContacts(): Generator<ContactRecord> {
    for (const profile of this.profiles()) {
      yield* buildContacts(this.seed, profile, buildAccountIdentity(this.seed, profile, this.accountNames));
    }
  }

  private *generateOpportunities(): Generator<OpportunityRecord> {
    for (const profile of this.profiles()) {
      yield* buildOpportunities(this.seed, profile, buildAccountIdentity(this.seed, profile, this.accountNames));
    }
  }

  private *generateAssets(): Generator<AssetRecord> {
    for (const profile of this.profiles()) {
      for (const asset of buildAssets(this.seed, profile)) {
        yield asset.record;
      }
    }
  }

  private *generateOrganizations(): Generator<OrganizationRecord> {
    const total = organizationCount(this.options.accounts);
    if (total === 0) {
      return;
    }
    const directory = this.directory();
    const profileOf = (index: number): AccountProfile => this.profile(index);
    for (let index = 0; index < total; index += 1) {
      yield buildOrganization(this.seed, index, this.options.accounts, directory, profileOf, this.organizationNames);
    }
  }

  private *generateSignals(): Generator<SignalRecord> {
    for (const profile of this.profiles()) {
      yield* buildSignals(this.seed, profile);
    }
  }

  private *generateOutcomes(): Generator<DemoAccountOutcome> {
    for (const profile of this.profiles()) {
      yield buildOutcome(this.seed, profile);
    }
  }

  /** Built on first use: organizations need to know which accounts share a region and industry. */
  private directory(): AccountDirectory {
    this.cachedDirectory ??= new AccountDirectory(this.profiles());
    return this.cachedDirectory;
  }
}

/**
 * Generates a demo data set. Nothing is built until a sequence is iterated.
 *
 * @example
 * const demo = generateDemoData({ accounts: 1000, seed: 42 });
 * for (const rows of inBatches(demo.signals(), 5000)) await ingestSignals(rows);
 *
 * @throws DemoDataError `INVALID_DEMO_DATA_OPTIONS` for a negative or fractional account count, a seed
 * that is not a safe integer, or a negative `signalsPerAccount`.
 */
export function generateDemoData(options: DemoDataOptions): DemoDataSet {
  return new SeededDemoDataSet(validateOptions(options));
}
