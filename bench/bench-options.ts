/**
 * What one benchmark run does: the data set, the load, the rounds. `--quick` is the smoke run that has to
 * finish in under five minutes on a 2-core machine; the default is the full run the README table comes from.
 */
export interface BenchOptions {
  readonly profile: "quick" | "full";
  /** Tenant of the read data set. */
  readonly tenant: string;
  readonly accounts: number;
  readonly signalsPerAccount: number;
  readonly seed: number;
  /** Fixed JVM heap and page cache of the benchmark's Neo4j. */
  readonly heap: string;
  readonly pageCache: string;
  /** Rounds over all variants (A B C A B C ...); medians and min–max are over rounds. */
  readonly rounds: number;
  readonly connections: readonly number[];
  /** Seconds of warm-up per scenario and variant in each round, and of each measured window. */
  readonly warmupSeconds: number;
  readonly windowSeconds: number;
  /** Slow variants get windows of a few requests' worth, up to this long. */
  readonly maxWindowSeconds: number;
  /** Sample inputs rotated over: B1 point lookups, B2 key accounts. */
  readonly samples: { readonly pointLookups: number; readonly keyAccounts: number };
  /** Scenario ids to run (B1, B2, ...; F1/F2 are the floors); all when empty. */
  readonly only: readonly string[];
  /** B2: a denser tenant (many signals per account), so a customer-360 answer holds 150–300 objects. */
  readonly keyAccounts: KeyAccountOptions;
  readonly ingest: IngestOptions;
  readonly healthRecompute: HealthRecomputeOptions;
  /** Reuse this folder (and its seeded Neo4j store) instead of a throw-away one; it is kept afterwards. */
  readonly home: string | null;
  /** Keep the throw-away folder (Neo4j store and logs) after the run. */
  readonly keep: boolean;
}

export interface KeyAccountOptions {
  readonly tenant: string;
  readonly accounts: number;
  readonly signalsPerAccount: number;
  /** How many of an account's latest signals the Customer360 operation asks for. */
  readonly latestSignals: number;
}

/** B6: bulk ingest of generated signals through `ingestSignals` against the raw driver's UNWIND. */
export interface IngestOptions {
  readonly tenant: string;
  readonly accounts: number;
  readonly signalsPerAccount: number;
  readonly batchSizes: readonly number[];
  readonly rounds: number;
}

/** B5B: full health recomputes of the read tenant through Relata, interleaved with the floor aggregation. */
export interface HealthRecomputeOptions {
  /** Rounds of (floor, Relata); at 100,000 accounts one Relata round takes minutes. */
  readonly rounds: number;
}

const QUICK: Omit<BenchOptions, "only" | "home" | "keep"> = {
  profile: "quick",
  tenant: "bench",
  accounts: 2_000,
  signalsPerAccount: 20,
  seed: 42,
  heap: "1g",
  pageCache: "1g",
  rounds: 3,
  connections: [1, 4, 16],
  warmupSeconds: 0.3,
  windowSeconds: 0.6,
  maxWindowSeconds: 2,
  samples: { pointLookups: 16, keyAccounts: 8 },
  keyAccounts: { tenant: "bench-360", accounts: 20, signalsPerAccount: 400, latestSignals: 200 },
  ingest: { tenant: "bench-ingest", accounts: 400, signalsPerAccount: 10, batchSizes: [1_000, 5_000], rounds: 3 },
  healthRecompute: { rounds: 3 },
};

const FULL: Omit<BenchOptions, "only" | "home" | "keep"> = {
  profile: "full",
  tenant: "bench",
  accounts: 100_000,
  signalsPerAccount: 20,
  seed: 42,
  heap: "2g",
  pageCache: "3g",
  rounds: 3,
  connections: [1, 4, 16],
  warmupSeconds: 2,
  windowSeconds: 5,
  maxWindowSeconds: 10,
  samples: { pointLookups: 64, keyAccounts: 16 },
  keyAccounts: { tenant: "bench-360", accounts: 200, signalsPerAccount: 400, latestSignals: 200 },
  ingest: {
    tenant: "bench-ingest",
    accounts: 100_000,
    signalsPerAccount: 10,
    batchSizes: [1_000, 5_000, 20_000],
    rounds: 1,
  },
  healthRecompute: { rounds: 1 },
};

const USAGE = `Usage: npm run bench [-- options]

  --quick               smoke run: 2,000 accounts, 0.6 s windows (under 5 minutes)
  --only B1,B4a,F1      run only these scenarios (B1, B2, B3, B4a, B4b, B5A, B5A-TOP, B5B, B6; F1 = driver RETURN 1, F2 = Apollo)
  --rounds N            rounds over the variants (default 3)
  --window S            seconds per measured window
  --accounts N          size of the read data set (signals: 20 per account)
  --ingest-accounts N   B6 data set size (signals: 10 per account)
  --ingest-rounds N     B6 rounds (each writes every signal twice per batch size and variant)
  --health-rounds N     B5B rounds, each a full health recompute of the read tenant (--only B5B runs just it)
  --home DIR            use DIR for Neo4j and keep it; a data set seeded there before is reused
  --keep                keep the throw-away folder (store and logs) after the run
`;

/** Parses `npm run bench -- ...` arguments; throws with the usage text on anything unknown. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes("--quick");
  let options: BenchOptions = { ...(quick ? QUICK : FULL), only: [], home: null, keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new Error(`${arg} needs a value.\n\n${USAGE}`);
      i += 1;
      return next;
    };
    switch (arg) {
      case "--quick":
        break;
      case "--only":
        options = {
          ...options,
          only: value()
            .split(",")
            .map((s) => s.trim().toUpperCase()),
        };
        break;
      case "--rounds":
        options = { ...options, rounds: positive(arg, value()) };
        break;
      case "--window":
        options = { ...options, windowSeconds: positive(arg, value()) };
        break;
      case "--accounts":
        options = { ...options, accounts: positive(arg, value()) };
        break;
      case "--ingest-accounts":
        options = { ...options, ingest: { ...options.ingest, accounts: positive(arg, value()) } };
        break;
      case "--ingest-rounds":
        options = { ...options, ingest: { ...options.ingest, rounds: positive(arg, value()) } };
        break;
      case "--health-rounds":
        options = { ...options, healthRecompute: { rounds: positive(arg, value()) } };
        break;
      case "--home":
        options = { ...options, home: value() };
        break;
      case "--keep":
        options = { ...options, keep: true };
        break;
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option "${arg}".\n\n${USAGE}`);
    }
  }
  return options;
}

function positive(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; it is "${raw}".`);
  return value;
}

/** Whether a scenario is selected by `--only`. */
export function isSelected(options: BenchOptions, scenarioId: string): boolean {
  return options.only.length === 0 || options.only.includes(scenarioId.toUpperCase());
}
