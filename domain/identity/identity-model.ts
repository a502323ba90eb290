import { IdentityEntity } from "./identity";

/**
 * How one entity type is resolved (issue 14), as data so that it can be stored, versioned and shown like a
 * health model: deterministic rules, blocking rules, field comparisons with levels, Fellegi–Sunter
 * parameters (m, u, prior), thresholds and golden-record survivorship. JSON-serialisable throughout.
 */
export interface IdentityModelSpec {
  entity: IdentityEntity;
  /** Bumped by whoever changes the rules or retrains; every link records the version that made it. */
  version: number;
  deterministicRules: DeterministicRule[];
  blockingRules: BlockingRule[];
  comparisons: ComparisonSpec[];
  thresholds: {
    /** Pairs whose match probability is at least this are linked. */
    linkAbove: number;
    /** Pairs at or above this and below `linkAbove` go to the review queue. */
    reviewAbove: number;
  };
  /** Cluster-level guard against chaining (see `resolveIdentities`). */
  clustering: ClusteringSpec;
  survivorship: SurvivorshipRule[];
  /** Learned by `trainModel`; `null` until trained (resolution then trains on the records it is given). */
  parameters: ModelParameters | null;
}

/** A field of `NormalisedIdentity` the matcher can read. */
export type IdentityField =
  | "givenName"
  | "familyName"
  | "fullName"
  | "emails"
  | "verifiedEmails"
  | "phones"
  | "verifiedPhones"
  | "houseNumber"
  | "street"
  | "addressExtra"
  | "locality"
  | "region"
  | "postcode"
  | "country"
  | "dateOfBirth"
  | "nationalId"
  | "taxId"
  | "companyName"
  | "domain"
  | "deviceIds";

/**
 * Links two identities outright when they share a value in every listed field ("same verified email"),
 * unless the probabilistic evidence of the other fields is below `unlessWeightBelow` (log2 Bayes factor),
 * which keeps a shared household phone or a typo'd id from merging two different people.
 */
export interface DeterministicRule {
  name: string;
  fields: IdentityField[];
  unlessWeightBelow: number | null;
}

/** How a blocking key is derived from a field's value. */
export type BlockingTransform =
  | { kind: "exact" }
  | { kind: "prefix"; length: number }
  | { kind: "soundex" }
  | { kind: "year" }
  /** Given and family name sorted: catches swapped names. */
  | { kind: "sortedNames" };

/** Pairs agreeing on every part are compared; pairs no rule selects are never compared. */
export interface BlockingRule {
  name: string;
  parts: { field: IdentityField; transform: BlockingTransform }[];
  /** Blocks larger than this (common values) are skipped by this rule; other rules still cover them. */
  maxBlockSize: number;
}

/** One level of a comparison, tested best first; the first level a pair meets is its level. */
export type ComparisonLevel =
  /** Exact agreement; with `andField`, that field must agree exactly too (street and house number). */
  | { kind: "exact"; andField?: IdentityField }
  /** Exact after swapping with another field (given ↔ family name). */
  | { kind: "swapped"; with: IdentityField }
  | { kind: "jaroWinkler"; atLeast: number; andField?: IdentityField }
  /**
   * The compared field disagrees but a correlated one agrees (exactly, or with Jaro–Winkler ≥ `atLeast`):
   * postcode and locality, say, in one comparison, so that one place is not counted twice as evidence.
   */
  | { kind: "otherField"; field: IdentityField; atLeast?: number }
  /** Damerau–Levenshtein distance (adjacent transpositions count 1). */
  | { kind: "editDistance"; atMost: number }
  /** Dates: day and month swapped. */
  | { kind: "dayMonthSwapped" }
  /** Dates: absolute difference in days. */
  | { kind: "withinDays"; days: number }
  /** Numbers (house numbers, amounts): |a-b| ≤ max(absolute, relative·max(|a|,|b|)). */
  | { kind: "numericWithin"; absolute: number; relative: number }
  /** Postcodes and similar: the first `length` characters agree. */
  | { kind: "prefix"; length: number }
  /** Lists (emails, phones): at least one value in common. */
  | { kind: "anyShared" }
  | { kind: "else" };

/** A field comparison: its levels (the last is `else`) and whether exact agreement is weighted by frequency. */
export interface ComparisonSpec {
  /** Name shown in the evidence; usually the field. */
  name: string;
  field: IdentityField;
  levels: ComparisonLevel[];
  /** Term-frequency adjustment: agreeing on a rare value ("zebrowski") counts more than on a common one. */
  termFrequency: boolean;
}

export interface ClusteringSpec {
  /**
   * Two clusters are joined only when the mean match weight (log-odds, prior included) over all pairs
   * across them is at least this: one strong link between two large clusters whose other members disagree
   * does not glue them.
   */
  minMeanCrossWeight: number;
  /** At most this many cross pairs are scored for the check (deterministic sample beyond it). */
  maxCrossPairs: number;
}

export type SurvivorshipStrategy = "mostTrustedSource" | "mostRecent" | "mostFrequent" | "longest";

/** Which value of a golden-record field wins. */
export interface SurvivorshipRule {
  field: IdentityField;
  strategy: SurvivorshipStrategy;
  /** For `mostTrustedSource`: channels, most trusted first; unlisted channels rank last. */
  trustedChannels?: string[];
}

/** Fellegi–Sunter parameters learned by `trainModel`. */
export interface ModelParameters {
  /** Share of compared (blocked) pairs that are matches, from EM. */
  matchShareAmongCompared: number;
  /** Per comparison (same order as `comparisons`): m and u per level. */
  comparisons: { name: string; m: number[]; u: number[] }[];
  /** EM iterations run and whether they converged. */
  iterations: number;
  converged: boolean;
  /** How many random pairs u was estimated from, and how many compared pairs m. */
  randomPairs: number;
  comparedPairs: number;
}

const NAME_LEVELS: ComparisonLevel[] = [
  { kind: "exact" },
  { kind: "editDistance", atMost: 1 },
  { kind: "jaroWinkler", atLeast: 0.92 },
  { kind: "jaroWinkler", atLeast: 0.8 },
  { kind: "else" },
];

const TEXT_LEVELS: ComparisonLevel[] = [
  { kind: "exact" },
  { kind: "jaroWinkler", atLeast: 0.92 },
  { kind: "jaroWinkler", atLeast: 0.8 },
  { kind: "else" },
];

const DATE_LEVELS: ComparisonLevel[] = [
  { kind: "exact" },
  { kind: "editDistance", atMost: 1 },
  { kind: "dayMonthSwapped" },
  { kind: "withinDays", days: 31 },
  { kind: "withinDays", days: 366 },
  { kind: "else" },
];

const ID_LEVELS: ComparisonLevel[] = [{ kind: "exact" }, { kind: "editDistance", atMost: 1 }, { kind: "else" }];

// Street and house number, then postcode and locality, each in one comparison: they are correlated, and
// counting them as independent evidence makes two neighbours look like one person.
const ADDRESS_LEVELS: ComparisonLevel[] = [
  { kind: "exact", andField: "houseNumber" },
  { kind: "jaroWinkler", atLeast: 0.88, andField: "houseNumber" },
  { kind: "exact" },
  { kind: "jaroWinkler", atLeast: 0.88 },
  { kind: "otherField", field: "houseNumber" },
  { kind: "else" },
];

const PLACE_LEVELS: ComparisonLevel[] = [
  { kind: "exact", andField: "locality" },
  { kind: "exact" },
  { kind: "otherField", field: "locality", atLeast: 0.9 },
  { kind: "editDistance", atMost: 1 },
  { kind: "else" },
];

const LIST_LEVELS: ComparisonLevel[] = [{ kind: "anyShared" }, { kind: "else" }];

const DEFAULT_CLUSTERING: ClusteringSpec = { minMeanCrossWeight: 0, maxCrossPairs: 400 };

function personModel(): IdentityModelSpec {
  return {
    entity: "PERSON",
    version: 1,
    deterministicRules: [
      { name: "same verified email", fields: ["verifiedEmails"], unlessWeightBelow: -10 },
      { name: "same verified phone", fields: ["verifiedPhones"], unlessWeightBelow: -10 },
      { name: "same national id", fields: ["nationalId"], unlessWeightBelow: -10 },
      { name: "same tax id", fields: ["taxId"], unlessWeightBelow: -10 },
    ],
    blockingRules: [
      {
        name: "family name and given-name initial",
        parts: [
          { field: "familyName", transform: { kind: "exact" } },
          { field: "givenName", transform: { kind: "prefix", length: 1 } },
        ],
        maxBlockSize: 1_000,
      },
      {
        name: "given name and date of birth",
        parts: [
          { field: "givenName", transform: { kind: "exact" } },
          { field: "dateOfBirth", transform: { kind: "exact" } },
        ],
        maxBlockSize: 1_000,
      },
      {
        name: "family name and date of birth",
        parts: [
          { field: "familyName", transform: { kind: "exact" } },
          { field: "dateOfBirth", transform: { kind: "exact" } },
        ],
        maxBlockSize: 1_000,
      },
      {
        name: "swapped names",
        parts: [{ field: "fullName", transform: { kind: "sortedNames" } }],
        maxBlockSize: 1_000,
      },
      {
        name: "postcode and house number",
        parts: [
          { field: "postcode", transform: { kind: "exact" } },
          { field: "houseNumber", transform: { kind: "exact" } },
        ],
        maxBlockSize: 1_000,
      },
      {
        name: "national id",
        parts: [{ field: "nationalId", transform: { kind: "exact" } }],
        maxBlockSize: 200,
      },
      {
        name: "date of birth and postcode",
        parts: [
          { field: "dateOfBirth", transform: { kind: "exact" } },
          { field: "postcode", transform: { kind: "exact" } },
        ],
        maxBlockSize: 1_000,
      },
      {
        name: "family-name sound, year of birth and locality initial",
        parts: [
          { field: "familyName", transform: { kind: "soundex" } },
          { field: "dateOfBirth", transform: { kind: "year" } },
        ],
        maxBlockSize: 500,
      },
      { name: "email", parts: [{ field: "emails", transform: { kind: "exact" } }], maxBlockSize: 200 },
      { name: "phone", parts: [{ field: "phones", transform: { kind: "exact" } }], maxBlockSize: 200 },
    ],
    comparisons: [
      { name: "givenName", field: "givenName", levels: withSwap(NAME_LEVELS, "familyName"), termFrequency: true },
      { name: "familyName", field: "familyName", levels: withSwap(NAME_LEVELS, "givenName"), termFrequency: true },
      { name: "dateOfBirth", field: "dateOfBirth", levels: DATE_LEVELS, termFrequency: false },
      { name: "nationalId", field: "nationalId", levels: ID_LEVELS, termFrequency: false },
      { name: "address", field: "street", levels: ADDRESS_LEVELS, termFrequency: true },
      { name: "addressExtra", field: "addressExtra", levels: TEXT_LEVELS, termFrequency: true },
      { name: "place", field: "postcode", levels: PLACE_LEVELS, termFrequency: false },
      { name: "emails", field: "emails", levels: LIST_LEVELS, termFrequency: false },
      { name: "phones", field: "phones", levels: LIST_LEVELS, termFrequency: false },
    ],
    thresholds: { linkAbove: 0.9, reviewAbove: 0.5 },
    clustering: DEFAULT_CLUSTERING,
    survivorship: [
      { field: "givenName", strategy: "mostFrequent" },
      { field: "familyName", strategy: "mostFrequent" },
      { field: "fullName", strategy: "longest" },
      { field: "emails", strategy: "mostRecent" },
      { field: "phones", strategy: "mostRecent" },
      { field: "houseNumber", strategy: "mostRecent" },
      { field: "street", strategy: "mostRecent" },
      { field: "addressExtra", strategy: "mostRecent" },
      { field: "locality", strategy: "mostRecent" },
      { field: "region", strategy: "mostRecent" },
      { field: "postcode", strategy: "mostRecent" },
      { field: "country", strategy: "mostRecent" },
      { field: "dateOfBirth", strategy: "mostFrequent" },
      { field: "nationalId", strategy: "mostFrequent" },
      { field: "taxId", strategy: "mostFrequent" },
    ],
    parameters: null,
  };
}

function organizationModel(): IdentityModelSpec {
  return {
    entity: "ORGANIZATION",
    version: 1,
    deterministicRules: [
      { name: "same tax id", fields: ["taxId"], unlessWeightBelow: -10 },
      { name: "same domain and company name", fields: ["domain", "companyName"], unlessWeightBelow: -10 },
    ],
    blockingRules: [
      { name: "company name", parts: [{ field: "companyName", transform: { kind: "exact" } }], maxBlockSize: 1_000 },
      {
        name: "company-name sound and postcode",
        parts: [
          { field: "companyName", transform: { kind: "soundex" } },
          { field: "postcode", transform: { kind: "prefix", length: 3 } },
        ],
        maxBlockSize: 1_000,
      },
      { name: "domain", parts: [{ field: "domain", transform: { kind: "exact" } }], maxBlockSize: 200 },
      { name: "tax id", parts: [{ field: "taxId", transform: { kind: "exact" } }], maxBlockSize: 200 },
      {
        name: "postcode and house number",
        parts: [
          { field: "postcode", transform: { kind: "exact" } },
          { field: "houseNumber", transform: { kind: "exact" } },
        ],
        maxBlockSize: 1_000,
      },
      { name: "email", parts: [{ field: "emails", transform: { kind: "exact" } }], maxBlockSize: 200 },
      { name: "phone", parts: [{ field: "phones", transform: { kind: "exact" } }], maxBlockSize: 200 },
    ],
    comparisons: [
      { name: "companyName", field: "companyName", levels: NAME_LEVELS, termFrequency: true },
      { name: "domain", field: "domain", levels: [{ kind: "exact" }, { kind: "else" }], termFrequency: false },
      { name: "taxId", field: "taxId", levels: ID_LEVELS, termFrequency: false },
      { name: "address", field: "street", levels: ADDRESS_LEVELS, termFrequency: true },
      { name: "place", field: "postcode", levels: PLACE_LEVELS, termFrequency: false },
      { name: "country", field: "country", levels: [{ kind: "exact" }, { kind: "else" }], termFrequency: false },
      { name: "emails", field: "emails", levels: LIST_LEVELS, termFrequency: false },
      { name: "phones", field: "phones", levels: LIST_LEVELS, termFrequency: false },
    ],
    thresholds: { linkAbove: 0.9, reviewAbove: 0.5 },
    clustering: DEFAULT_CLUSTERING,
    survivorship: [
      { field: "companyName", strategy: "longest" },
      { field: "domain", strategy: "mostFrequent" },
      { field: "taxId", strategy: "mostFrequent" },
      { field: "emails", strategy: "mostRecent" },
      { field: "phones", strategy: "mostRecent" },
      { field: "houseNumber", strategy: "mostRecent" },
      { field: "street", strategy: "mostRecent" },
      { field: "locality", strategy: "mostRecent" },
      { field: "postcode", strategy: "mostRecent" },
      { field: "country", strategy: "mostRecent" },
    ],
    parameters: null,
  };
}

function withSwap(levels: ComparisonLevel[], other: IdentityField): ComparisonLevel[] {
  return [levels[0], { kind: "swapped", with: other }, ...levels.slice(1)];
}

/** The built-in model of an entity type (untrained: `parameters` is null). A fresh copy each call. */
export function defaultIdentityModel(entity: IdentityEntity): IdentityModelSpec {
  return entity === "PERSON" ? personModel() : organizationModel();
}
