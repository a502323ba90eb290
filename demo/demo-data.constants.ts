/**
 * The structural constants of the demo data set: industries, segments, regions, source systems, the
 * fixed reference date and the random stream ids. Word lists live in `demo-words.constants.ts`, the
 * signal field catalogue in `signal-fields.catalogue.ts`.
 */
import type { SourceSystemRecord } from "../domain/records";
import type { Weighted } from "./seeded-random";

/**
 * The industries the demo covers, one per built-in ontology pack. `AUTOMOTIVE` includes new-energy
 * vehicle makers and fleets; `ECOMMERCE` is cross-border e-commerce.
 */
export const DEMO_INDUSTRIES = [
  "SAAS",
  "MANUFACTURING",
  "HEALTHCARE",
  "FINANCE",
  "AUTOMOTIVE",
  "ECOMMERCE",
  "EDUCATION",
] as const;
export type DemoIndustry = (typeof DEMO_INDUSTRIES)[number];

export const INDUSTRY_WEIGHTS: readonly Weighted<DemoIndustry>[] = [
  ["SAAS", 20],
  ["MANUFACTURING", 19],
  ["HEALTHCARE", 15],
  ["FINANCE", 12],
  ["AUTOMOTIVE", 12],
  ["ECOMMERCE", 13],
  ["EDUCATION", 9],
];

export const DEMO_SEGMENTS = ["ENTERPRISE", "MID_MARKET", "SMB"] as const;
export type DemoSegment = (typeof DEMO_SEGMENTS)[number];

/**
 * Segment mix. The same for every industry on purpose: the expected signal volume per account (see
 * {@link SEGMENT_ACTIVITY}) is normalised against these weights so the overall mean is exactly
 * `signalsPerAccount`.
 */
export const SEGMENT_WEIGHTS: readonly Weighted<DemoSegment>[] = [
  ["ENTERPRISE", 15],
  ["MID_MARKET", 35],
  ["SMB", 50],
];

/** Annual revenue range per segment, in USD (drawn log-uniformly). */
export const SEGMENT_REVENUE_USD: Readonly<Record<DemoSegment, readonly [number, number]>> = {
  ENTERPRISE: [1_000_000_000, 40_000_000_000],
  MID_MARKET: [50_000_000, 1_000_000_000],
  SMB: [1_000_000, 50_000_000],
};

/** What the account pays the tenant per year, in USD; the base of `arr_usd` and opportunity sizes. */
export const SEGMENT_ARR_USD: Readonly<Record<DemoSegment, readonly [number, number]>> = {
  ENTERPRISE: [250_000, 3_000_000],
  MID_MARKET: [30_000, 250_000],
  SMB: [3_000, 30_000],
};

/** Relative signal volume per segment: big accounts produce more tickets, readings and invoices. */
export const SEGMENT_ACTIVITY: Readonly<Record<DemoSegment, number>> = {
  ENTERPRISE: 2.2,
  MID_MARKET: 1.1,
  SMB: 0.6,
};

/**
 * Buying-committee size per segment (inclusive range). Enterprise averages about seven people, the
 * usual size of a B2B buying committee.
 */
export const SEGMENT_CONTACTS: Readonly<Record<DemoSegment, readonly [number, number]>> = {
  ENTERPRISE: [6, 8],
  MID_MARKET: [3, 5],
  SMB: [1, 3],
};

export const SEGMENT_OPPORTUNITIES: Readonly<Record<DemoSegment, readonly [number, number]>> = {
  ENTERPRISE: [3, 5],
  MID_MARKET: [2, 3],
  SMB: [1, 2],
};

/** Installed assets per segment, for industries that have installed products. */
export const SEGMENT_ASSETS: Readonly<Record<DemoSegment, readonly [number, number]>> = {
  ENTERPRISE: [8, 16],
  MID_MARKET: [3, 8],
  SMB: [1, 3],
};

/** Seats, learners or order volume scale with the customer's size. */
export const SEGMENT_SCALE: Readonly<Record<DemoSegment, readonly [number, number]>> = {
  ENTERPRISE: [800, 6000],
  MID_MARKET: [80, 800],
  SMB: [8, 80],
};

export const DEMO_REGIONS = ["NA", "EMEA", "APAC-CN", "APAC-SEA", "LATAM"] as const;
export type DemoRegion = (typeof DEMO_REGIONS)[number];

/** Region mix per industry; cross-border e-commerce sellers cluster in China and South-East Asia. */
export const REGION_WEIGHTS: Readonly<Record<DemoIndustry, readonly Weighted<DemoRegion>[]>> = {
  SAAS: [
    ["NA", 35],
    ["EMEA", 30],
    ["APAC-CN", 15],
    ["APAC-SEA", 12],
    ["LATAM", 8],
  ],
  MANUFACTURING: [
    ["NA", 20],
    ["EMEA", 30],
    ["APAC-CN", 30],
    ["APAC-SEA", 12],
    ["LATAM", 8],
  ],
  HEALTHCARE: [
    ["NA", 30],
    ["EMEA", 30],
    ["APAC-CN", 22],
    ["APAC-SEA", 10],
    ["LATAM", 8],
  ],
  FINANCE: [
    ["NA", 30],
    ["EMEA", 30],
    ["APAC-CN", 15],
    ["APAC-SEA", 15],
    ["LATAM", 10],
  ],
  AUTOMOTIVE: [
    ["NA", 15],
    ["EMEA", 25],
    ["APAC-CN", 40],
    ["APAC-SEA", 12],
    ["LATAM", 8],
  ],
  ECOMMERCE: [
    ["NA", 12],
    ["EMEA", 13],
    ["APAC-CN", 45],
    ["APAC-SEA", 22],
    ["LATAM", 8],
  ],
  EDUCATION: [
    ["NA", 30],
    ["EMEA", 25],
    ["APAC-CN", 20],
    ["APAC-SEA", 15],
    ["LATAM", 10],
  ],
};

/** Local currency per region and its rough units per USD, for opportunity amounts. */
export const REGION_CURRENCY: Readonly<Record<DemoRegion, readonly [currency: string, perUsd: number]>> = {
  NA: ["USD", 1],
  EMEA: ["EUR", 0.92],
  "APAC-CN": ["CNY", 7.1],
  "APAC-SEA": ["SGD", 1.34],
  LATAM: ["BRL", 5],
};

/** Industries whose customers run installed products that report telemetry. */
export const ASSET_INDUSTRIES: ReadonlySet<DemoIndustry> = new Set<DemoIndustry>([
  "MANUFACTURING",
  "HEALTHCARE",
  "AUTOMOTIVE",
]);

/** One organization of the value network per this many accounts. */
export const ACCOUNTS_PER_ORGANIZATION = 20;

/**
 * Signals are observed during the 365 days before this instant. A fixed date, not "now", so the same
 * seed yields the same timestamps on every run.
 */
export const DEMO_REFERENCE_DATE = "2026-11-01T00:00:00.000Z";
export const DEMO_REFERENCE_TIME_MS = Date.parse(DEMO_REFERENCE_DATE);
export const DEMO_SIGNAL_WINDOW_DAYS = 365;
export const DAY_MS = 86_400_000;

/** Source system keys the generator writes; each record kind names one of these. */
export const DEMO_SOURCE_KEYS = {
  crm: "crm",
  erp: "erp",
  callCenter: "callcenter",
  support: "support",
  iot: "iot",
  mes: "mes",
  finance: "finance",
  kyc: "kyc",
  web: "web",
  product: "product",
  his: "his",
  shop: "shop",
  marketplace: "marketplace",
  lms: "lms",
} as const;
export type DemoSourceKey = (typeof DEMO_SOURCE_KEYS)[keyof typeof DEMO_SOURCE_KEYS];

/**
 * The source systems of the demo tenant. Accounts, contacts and opportunities come from the CRM;
 * installed assets are registered in the IoT platform; partners and suppliers in the ERP.
 */
export const DEMO_SOURCE_SYSTEMS: readonly SourceSystemRecord[] = [
  { key: DEMO_SOURCE_KEYS.crm, name: "Sales CRM", kind: "CRM" },
  { key: DEMO_SOURCE_KEYS.erp, name: "ERP (partners and suppliers)", kind: "ERP" },
  { key: DEMO_SOURCE_KEYS.callCenter, name: "Call Center", kind: "CALL_CENTER" },
  { key: DEMO_SOURCE_KEYS.support, name: "Support Desk", kind: "SUPPORT" },
  { key: DEMO_SOURCE_KEYS.iot, name: "IoT Platform", kind: "IOT" },
  { key: DEMO_SOURCE_KEYS.mes, name: "Manufacturing Execution System", kind: "MES" },
  { key: DEMO_SOURCE_KEYS.finance, name: "Finance and Billing", kind: "FINANCE" },
  { key: DEMO_SOURCE_KEYS.kyc, name: "KYC and AML Compliance", kind: "FINANCE" },
  { key: DEMO_SOURCE_KEYS.web, name: "Web Analytics", kind: "WEB" },
  // In-app telemetry of the tenant's SaaS product; it is web analytics of the logged-in product.
  { key: DEMO_SOURCE_KEYS.product, name: "Product Analytics", kind: "WEB" },
  { key: DEMO_SOURCE_KEYS.his, name: "Hospital Information System", kind: "HIS" },
  { key: DEMO_SOURCE_KEYS.shop, name: "Own Web Shop", kind: "ECOMMERCE" },
  { key: DEMO_SOURCE_KEYS.marketplace, name: "Marketplace Hub", kind: "ECOMMERCE" },
  { key: DEMO_SOURCE_KEYS.lms, name: "Learning Management System", kind: "LMS" },
];

/**
 * Ids of the independent random streams. Each record kind of each account draws from
 * `deriveSeed(seed, stream, accountIndex)`, so kinds can be generated in any order.
 */
export const STREAM = {
  profile: 1,
  names: 2,
  contacts: 3,
  opportunities: 4,
  assets: 5,
  signals: 6,
  outcomes: 7,
  organizations: 8,
} as const;
