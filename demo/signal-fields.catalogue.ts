/**
 * The source fields the demo emits as signals: which system sends them, about which subject, in which
 * unit, for which industries, and how their value follows the account's latent health.
 *
 * Field names are snake_case with the unit in the name where it helps a human (`first_response_minutes`);
 * the `unit` travels with every signal as well. The next feature maps these fields onto ontology concepts,
 * so `conceptHint` and `polarity` say what each field is meant to measure; they are hints for humans
 * writing mappings, not data the generator writes.
 */
import type { SignalSubjectKind } from "../domain/records";
import type { AccountProfile } from "./account-profile.builder";
import { assetAgeYears, type DemoAsset } from "./assets.builder";
import { DEMO_SOURCE_KEYS, type DemoIndustry, type DemoSegment, type DemoSourceKey } from "./demo-data.constants";
import { COMMON_WEB_PAGES, INDUSTRY_WEB_PAGES, REGION_MARKETPLACES, type AssetCategory } from "./demo-words.constants";
import type { SeededRandom } from "./seeded-random";

/** What a value generator knows when it draws one observation. */
export interface SignalValueContext {
  rng: SeededRandom;
  /** The account's latent health at the observation time, with a little per-observation noise. */
  health: number;
  profile: AccountProfile;
  /** The asset observed, for fields whose subject is an asset; otherwise null. */
  asset: DemoAsset | null;
  observedAtMs: number;
}

export type SignalPolarity = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL";

interface SignalFieldBase {
  sourceSystem: DemoSourceKey;
  field: string;
  /** Prefix of the record ids of this field's signals; unique within the source system. */
  recordPrefix: string;
  unit: string | null;
  subject: SignalSubjectKind;
  /** Industries whose accounts emit the field. */
  industries: readonly DemoIndustry[] | "ALL";
  /** For asset subjects: which installed products report the field. */
  assetCategories?: readonly AssetCategory[];
  /** Relative frequency among the fields an account emits. */
  weight: number;
  polarity: SignalPolarity;
  /** The business concept the field is meant to measure, in plain words. */
  conceptHint: string;
}

export interface NumberSignalField extends SignalFieldBase {
  valueType: "number";
  value(context: SignalValueContext): number;
}

export interface StringSignalField extends SignalFieldBase {
  valueType: "string";
  /** Every value the field can take, so mappings can be written exhaustively. */
  values: readonly string[];
  value(context: SignalValueContext): string;
}

export interface BooleanSignalField extends SignalFieldBase {
  valueType: "boolean";
  value(context: SignalValueContext): boolean;
}

/** One source field of the demo data set, with its value generator. */
export type SignalFieldSpec = NumberSignalField | StringSignalField | BooleanSignalField;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const round = (value: number, decimals = 0): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};
/** A percentage with one decimal, clamped to [0, 100]. */
const percent = (rng: SeededRandom, mean: number, spread: number): number =>
  clamp(round(rng.normal(mean, spread), 1), 0, 100);

/** How much more engagement a bigger customer generates (page views, open tickets). */
const SEGMENT_ENGAGEMENT: Readonly<Record<DemoSegment, number>> = {
  ENTERPRISE: 3,
  MID_MARKET: 1.5,
  SMB: 0.6,
};

const ALL_ASSETS: readonly AssetCategory[] = ["MACHINE", "MEDICAL_DEVICE", "VEHICLE", "CHARGER"];

type Severity = "INFO" | "WARNING" | "CRITICAL";

/**
 * Error codes per product category and severity. Vehicle codes follow the OBD-II style of EV battery
 * faults (P0A7F: battery pack deterioration; P0A80: replace battery pack; P0AA6: isolation fault).
 */
const ERROR_CODES: Readonly<Record<AssetCategory, Readonly<Record<Severity, readonly string[]>>>> = {
  MACHINE: { INFO: ["I-101", "I-140"], WARNING: ["W-211", "W-230", "W-245"], CRITICAL: ["E-502", "E-517", "E-530"] },
  MEDICAL_DEVICE: { INFO: ["I-301", "I-305"], WARNING: ["W-310", "W-322"], CRITICAL: ["E-611", "E-640"] },
  VEHICLE: { INFO: ["I-OTA-01"], WARNING: ["P0A7F", "P0AFA"], CRITICAL: ["P0A80", "P0AA6"] },
  CHARGER: { INFO: ["CHG-I001"], WARNING: ["CHG-W210", "CHG-W233"], CRITICAL: ["CHG-E042", "CHG-E077"] },
};
const ALL_ERROR_CODES: readonly string[] = Object.values(ERROR_CODES).flatMap((bySeverity) =>
  Object.values(bySeverity).flat(),
);

const DELIVERY_STATUSES = ["ON_TIME", "EARLY", "LATE", "PARTIAL"] as const;
const CALL_SENTIMENTS = ["POSITIVE", "NEUTRAL", "NEGATIVE"] as const;
const KYC_STATUSES = ["VERIFIED", "PENDING_REVIEW", "EXPIRED", "REJECTED"] as const;
const AML_RISK_RATINGS = ["LOW", "MEDIUM", "HIGH"] as const;
const ALL_MARKETPLACES: readonly string[] = [
  ...new Set(Object.values(REGION_MARKETPLACES).flatMap((entries) => entries.map(([channel]) => channel))),
];
const ALL_WEB_PAGES: readonly string[] = [...Object.values(INDUSTRY_WEB_PAGES).flat(), ...COMMON_WEB_PAGES];

/** Orders per day of a seller; scale is the account's size. */
const orderCount = ({ rng, health, profile }: SignalValueContext): number =>
  Math.max(0, Math.round((profile.scale / 4) * (0.2 + 0.8 * health) * rng.between(0.7, 1.3)));
const returnRate = ({ rng, health }: SignalValueContext): number => percent(rng, 3 + 22 * (1 - health), 2);
const reviewRating = ({ rng, health }: SignalValueContext): number =>
  clamp(round(rng.normal(2.6 + 2.3 * health, 0.3), 1), 1, 5);

/** The field catalogue. Order matters only for readability; selection is by weight. */
export const DEMO_SIGNAL_FIELDS: readonly SignalFieldSpec[] = [
  // Call center: every industry.
  {
    sourceSystem: DEMO_SOURCE_KEYS.callCenter,
    field: "csat_score",
    recordPrefix: "CC-S",
    unit: "score_1_5",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "satisfaction",
    value: ({ rng, health }) => clamp(Math.round(rng.normal(1.6 + 3.2 * health, 0.7)), 1, 5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.callCenter,
    field: "first_response_minutes",
    recordPrefix: "CC-T",
    unit: "minutes",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 4,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "support responsiveness",
    value: ({ rng, health }) => Math.max(1, Math.round((10 + 300 * (1 - health) ** 2) * rng.between(0.5, 1.6))),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.callCenter,
    field: "ticket_reopened",
    recordPrefix: "CC-R",
    unit: null,
    valueType: "boolean",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "support quality",
    value: ({ rng, health }) => rng.chance(0.04 + 0.4 * (1 - health)),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.callCenter,
    field: "call_sentiment",
    recordPrefix: "CC-A",
    unit: null,
    valueType: "string",
    values: CALL_SENTIMENTS,
    subject: "CONTACT",
    industries: "ALL",
    weight: 2,
    polarity: "NEUTRAL",
    conceptHint: "satisfaction (POSITIVE is good, NEGATIVE bad)",
    value: ({ rng, health }) =>
      rng.weighted<string>([
        ["POSITIVE", 0.2 + 0.7 * health],
        ["NEUTRAL", 0.35],
        ["NEGATIVE", 0.05 + 0.6 * (1 - health)],
      ]),
  },

  // Support desk: every industry.
  {
    sourceSystem: DEMO_SOURCE_KEYS.support,
    field: "resolution_hours",
    recordPrefix: "SUP-T",
    unit: "hours",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "support",
    value: ({ rng, health }) => Math.max(0.5, round((2 + 70 * (1 - health) ** 2) * rng.between(0.5, 1.5), 1)),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.support,
    field: "sla_breached",
    recordPrefix: "SUP-B",
    unit: null,
    valueType: "boolean",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 2,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "support",
    value: ({ rng, health }) => rng.chance(0.03 + 0.45 * (1 - health) ** 2),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.support,
    field: "open_tickets",
    recordPrefix: "SUP-O",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 2,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "support load",
    value: ({ rng, health, profile }) =>
      Math.max(0, Math.round(rng.normal(12 * (1 - health) * SEGMENT_ENGAGEMENT[profile.segment], 1.5))),
  },

  // Finance and billing: every industry.
  {
    sourceSystem: DEMO_SOURCE_KEYS.finance,
    field: "renewal_rate_pct",
    recordPrefix: "FIN-R",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 2,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "commercial (renewal)",
    value: ({ rng, health }) => percent(rng, 55 + 45 * health, 5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.finance,
    field: "days_sales_outstanding",
    recordPrefix: "FIN-D",
    unit: "days",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 2,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "commercial (payment behaviour)",
    value: ({ rng, health }) => Math.max(5, Math.round(rng.normal(95 - 65 * health, 8))),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.finance,
    field: "invoice_overdue",
    recordPrefix: "FIN-I",
    unit: null,
    valueType: "boolean",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 2,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "commercial (payment behaviour)",
    value: ({ rng, health }) => rng.chance(0.03 + 0.5 * (1 - health) ** 2),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.finance,
    field: "arr_usd",
    recordPrefix: "FIN-A",
    unit: "USD",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 1,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "commercial (recurring revenue)",
    value: ({ rng, health, profile }) =>
      Math.round((profile.arrUsd * (0.75 + 0.5 * health) * rng.between(0.97, 1.03)) / 100) * 100,
  },

  // Web analytics: every industry.
  {
    sourceSystem: DEMO_SOURCE_KEYS.web,
    field: "page_views",
    recordPrefix: "WEB-P",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 3,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "engagement",
    value: ({ rng, health, profile }) =>
      Math.max(0, Math.round(rng.normal((10 + 120 * health) * SEGMENT_ENGAGEMENT[profile.segment], 8))),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.web,
    field: "pricing_page_visits",
    recordPrefix: "WEB-R",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: "ALL",
    weight: 2,
    polarity: "NEUTRAL",
    conceptHint: "buying intent",
    value: ({ rng, health }) => Math.floor(rng.between(0, 2 + 4 * health)),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.web,
    field: "session_minutes",
    recordPrefix: "WEB-S",
    unit: "minutes",
    valueType: "number",
    subject: "CONTACT",
    industries: "ALL",
    weight: 3,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "engagement",
    value: ({ rng, health }) => Math.max(0.2, round(rng.normal(1.5 + 14 * health, 2.5), 1)),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.web,
    field: "viewed_page",
    recordPrefix: "WEB-V",
    unit: null,
    valueType: "string",
    values: ALL_WEB_PAGES,
    subject: "CONTACT",
    industries: "ALL",
    weight: 3,
    polarity: "NEUTRAL",
    conceptHint: "buying intent (which solution a person researches)",
    value: ({ rng, profile }) =>
      rng.chance(0.7) ? rng.pick(INDUSTRY_WEB_PAGES[profile.industry]) : rng.pick(COMMON_WEB_PAGES),
  },

  // SaaS product analytics.
  {
    sourceSystem: DEMO_SOURCE_KEYS.product,
    field: "weekly_active_users",
    recordPrefix: "PRD-W",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["SAAS"],
    weight: 6,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "adoption",
    value: ({ rng, health, profile }) =>
      Math.max(1, Math.round(profile.scale * clamp(rng.normal(0.2 + 0.7 * health, 0.05), 0.01, 1))),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.product,
    field: "feature_adoption_pct",
    recordPrefix: "PRD-F",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["SAAS"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "adoption",
    value: ({ rng, health }) => percent(rng, 10 + 75 * health, 5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.product,
    field: "license_utilization_pct",
    recordPrefix: "PRD-L",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["SAAS"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "adoption",
    value: ({ rng, health }) => percent(rng, 25 + 72 * health, 6),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.product,
    field: "nps_score",
    recordPrefix: "PRD-N",
    unit: "score_0_10",
    valueType: "number",
    subject: "CONTACT",
    industries: ["SAAS"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "satisfaction (one respondent's 0-10 recommendation score)",
    value: ({ rng, health }) => clamp(Math.round(rng.normal(2.5 + 7.5 * health, 1.4)), 0, 10),
  },

  // Manufacturing execution: manufacturers and vehicle makers.
  {
    sourceSystem: DEMO_SOURCE_KEYS.mes,
    field: "oee_availability_pct",
    recordPrefix: "MES-A",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["MANUFACTURING", "AUTOMOTIVE"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "OEE availability",
    value: ({ rng, health }) => percent(rng, 68 + 27 * health, 3),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.mes,
    field: "oee_performance_pct",
    recordPrefix: "MES-P",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["MANUFACTURING", "AUTOMOTIVE"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "OEE performance",
    value: ({ rng, health }) => percent(rng, 62 + 32 * health, 3.5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.mes,
    field: "oee_quality_pct",
    recordPrefix: "MES-Q",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["MANUFACTURING", "AUTOMOTIVE"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "OEE quality",
    value: ({ rng, health }) => percent(rng, 90 + 9.5 * health, 1.2),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.mes,
    field: "delivery_status",
    recordPrefix: "MES-D",
    unit: null,
    valueType: "string",
    values: DELIVERY_STATUSES,
    subject: "ACCOUNT",
    industries: ["MANUFACTURING", "AUTOMOTIVE"],
    weight: 5,
    polarity: "NEUTRAL",
    conceptHint: "delivery reliability (ON_TIME and EARLY are good, LATE and PARTIAL bad)",
    value: ({ rng, health }) =>
      rng.weighted<string>([
        ["ON_TIME", 0.45 + 0.5 * health],
        ["EARLY", 0.06],
        ["LATE", 0.05 + 0.4 * (1 - health)],
        ["PARTIAL", 0.03 + 0.12 * (1 - health)],
      ]),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.mes,
    field: "scrap_rate_pct",
    recordPrefix: "MES-S",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["MANUFACTURING", "AUTOMOTIVE"],
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "production quality",
    value: ({ rng, health }) => clamp(round(rng.normal(0.3 + 7 * (1 - health) ** 2, 0.4), 2), 0, 100),
  },

  // IoT telemetry about installed assets.
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "uptime_pct",
    recordPrefix: "IOT-U",
    unit: "percent",
    valueType: "number",
    subject: "ASSET",
    industries: ["MANUFACTURING", "HEALTHCARE", "AUTOMOTIVE"],
    assetCategories: ALL_ASSETS,
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "reliability",
    value: ({ rng, health }) => clamp(round(rng.normal(91 + 8.8 * health, 1.2), 2), 0, 100),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "mtbf_hours",
    recordPrefix: "IOT-M",
    unit: "hours",
    valueType: "number",
    subject: "ASSET",
    industries: ["MANUFACTURING", "HEALTHCARE", "AUTOMOTIVE"],
    assetCategories: ["MACHINE", "MEDICAL_DEVICE", "CHARGER"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "reliability (mean time between failures)",
    value: ({ rng, health }) => Math.max(24, Math.round((300 + 3500 * health) * rng.between(0.8, 1.2))),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "error_code",
    recordPrefix: "IOT-E",
    unit: null,
    valueType: "string",
    values: ALL_ERROR_CODES,
    subject: "ASSET",
    industries: ["MANUFACTURING", "HEALTHCARE", "AUTOMOTIVE"],
    assetCategories: ALL_ASSETS,
    weight: 4,
    polarity: "NEUTRAL",
    conceptHint: "reliability (I- codes are informational, W- and P0A7F/P0AFA warnings, E-, P0A80, P0AA6 critical)",
    value: ({ rng, health, asset }) => {
      const codes = ERROR_CODES[asset?.category ?? "MACHINE"];
      const severity = rng.weighted<Severity>([
        ["INFO", 0.3 + 0.6 * health],
        ["WARNING", 0.25],
        ["CRITICAL", 0.02 + 0.4 * (1 - health)],
      ]);
      return rng.pick(codes[severity]);
    },
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "battery_soh_pct",
    recordPrefix: "IOT-B",
    unit: "percent",
    valueType: "number",
    subject: "ASSET",
    industries: ["AUTOMOTIVE"],
    assetCategories: ["VEHICLE"],
    weight: 6,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "battery health (state of health)",
    value: ({ rng, health, asset, observedAtMs }) => {
      if (asset === null) {
        return 100;
      }
      // Capacity fade grows with age and usage; unhealthy fleets (poor charging discipline, a weak cell
      // batch) fade several times faster than healthy ones.
      const fadePerYear = (1.2 + 4 * (1 - health)) * asset.usage;
      return clamp(round(100 - assetAgeYears(asset, observedAtMs) * fadePerYear + rng.normal(0, 0.4), 1), 50, 100);
    },
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "odometer_km",
    recordPrefix: "IOT-O",
    unit: "km",
    valueType: "number",
    subject: "ASSET",
    industries: ["AUTOMOTIVE"],
    assetCategories: ["VEHICLE"],
    weight: 3,
    polarity: "NEUTRAL",
    conceptHint: "usage",
    // No noise: an odometer only goes up.
    value: ({ asset, observedAtMs }) =>
      asset === null ? 0 : Math.round(assetAgeYears(asset, observedAtMs) * 25_000 * asset.usage),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "vibration_mm_s",
    recordPrefix: "IOT-V",
    unit: "mm_per_s",
    valueType: "number",
    subject: "ASSET",
    industries: ["MANUFACTURING"],
    assetCategories: ["MACHINE"],
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "reliability (machine condition)",
    value: ({ rng, health }) => Math.max(0.3, round(rng.normal(1.2 + 6 * (1 - health) ** 2, 0.4), 2)),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.iot,
    field: "qc_check_passed",
    recordPrefix: "IOT-Q",
    unit: null,
    valueType: "boolean",
    subject: "ASSET",
    industries: ["HEALTHCARE"],
    assetCategories: ["MEDICAL_DEVICE"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "remote quality control",
    value: ({ rng, health }) => rng.chance(0.75 + 0.24 * health),
  },

  // Hospital information system.
  {
    sourceSystem: DEMO_SOURCE_KEYS.his,
    field: "pathway_milestones_completed_pct",
    recordPrefix: "HIS-P",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["HEALTHCARE"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "clinical pathway",
    value: ({ rng, health }) => percent(rng, 52 + 45 * health, 4),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.his,
    field: "followup_rate_pct",
    recordPrefix: "HIS-F",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["HEALTHCARE"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "patient follow-up",
    value: ({ rng, health }) => percent(rng, 38 + 55 * health, 5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.his,
    field: "readmission_rate_pct",
    recordPrefix: "HIS-R",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["HEALTHCARE"],
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "clinical outcome",
    value: ({ rng, health }) => percent(rng, 4 + 14 * (1 - health), 1.5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.his,
    field: "equipment_service_overdue",
    recordPrefix: "HIS-E",
    unit: null,
    valueType: "boolean",
    subject: "ASSET",
    industries: ["HEALTHCARE"],
    assetCategories: ["MEDICAL_DEVICE"],
    weight: 4,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "equipment service",
    value: ({ rng, health }) => rng.chance(0.03 + 0.4 * (1 - health) ** 2),
  },

  // KYC and AML compliance of banks' and insurers' corporate clients.
  {
    sourceSystem: DEMO_SOURCE_KEYS.kyc,
    field: "kyc_status",
    recordPrefix: "KYC-S",
    unit: null,
    valueType: "string",
    values: KYC_STATUSES,
    subject: "ACCOUNT",
    industries: ["FINANCE"],
    weight: 4,
    polarity: "NEUTRAL",
    conceptHint: "KYC completeness (VERIFIED is good; EXPIRED and REJECTED are risks)",
    value: ({ rng, health }) =>
      rng.weighted<string>([
        ["VERIFIED", 0.5 + 0.45 * health],
        ["PENDING_REVIEW", 0.1 + 0.15 * (1 - health)],
        ["EXPIRED", 0.02 + 0.2 * (1 - health)],
        ["REJECTED", 0.01 + 0.04 * (1 - health)],
      ]),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.kyc,
    field: "aml_risk_rating",
    recordPrefix: "KYC-A",
    unit: null,
    valueType: "string",
    values: AML_RISK_RATINGS,
    subject: "ACCOUNT",
    industries: ["FINANCE"],
    weight: 3,
    polarity: "NEUTRAL",
    conceptHint: "KYC risk (LOW is good, HIGH bad)",
    value: ({ rng, health }) =>
      rng.weighted<string>([
        ["LOW", 0.3 + 0.5 * health],
        ["MEDIUM", 0.3],
        ["HIGH", 0.03 + 0.3 * (1 - health)],
      ]),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.kyc,
    field: "beneficial_owners_verified",
    recordPrefix: "KYC-B",
    unit: null,
    valueType: "boolean",
    subject: "ACCOUNT",
    industries: ["FINANCE"],
    weight: 3,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "KYC completeness",
    value: ({ rng, health }) => rng.chance(0.7 + 0.28 * health),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.kyc,
    field: "sanctions_screening_hit",
    recordPrefix: "KYC-H",
    unit: null,
    valueType: "boolean",
    subject: "ACCOUNT",
    industries: ["FINANCE"],
    weight: 2,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "KYC risk",
    value: ({ rng, health }) => rng.chance(0.005 + 0.04 * (1 - health)),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.kyc,
    field: "days_since_kyc_review",
    recordPrefix: "KYC-D",
    unit: "days",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["FINANCE"],
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "KYC freshness",
    value: ({ rng, health }) => Math.max(1, Math.round(rng.normal(40 + 500 * (1 - health), 40))),
  },

  // Own web shop of cross-border sellers.
  {
    sourceSystem: DEMO_SOURCE_KEYS.shop,
    field: "order_count",
    recordPrefix: "SHOP-O",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "commercial (orders per day)",
    value: orderCount,
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.shop,
    field: "return_rate_pct",
    recordPrefix: "SHOP-R",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 4,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "returns",
    value: returnRate,
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.shop,
    field: "review_rating",
    recordPrefix: "SHOP-V",
    unit: "score_1_5",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "satisfaction",
    value: reviewRating,
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.shop,
    field: "gmv_usd",
    recordPrefix: "SHOP-G",
    unit: "USD",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 3,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "commercial (gross merchandise value per day)",
    value: (context) => Math.round(orderCount(context) * context.rng.between(30, 90)),
  },

  // Marketplaces of cross-border sellers.
  {
    sourceSystem: DEMO_SOURCE_KEYS.marketplace,
    field: "channel",
    recordPrefix: "MKT-C",
    unit: null,
    valueType: "string",
    values: ALL_MARKETPLACES,
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 4,
    polarity: "NEUTRAL",
    conceptHint: "channel mix",
    value: ({ rng, profile }) => rng.weighted(REGION_MARKETPLACES[profile.region]),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.marketplace,
    field: "order_count",
    recordPrefix: "MKT-O",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "commercial (orders per day)",
    value: orderCount,
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.marketplace,
    field: "return_rate_pct",
    recordPrefix: "MKT-R",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 3,
    polarity: "LOWER_IS_BETTER",
    conceptHint: "returns",
    value: returnRate,
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.marketplace,
    field: "review_rating",
    recordPrefix: "MKT-V",
    unit: "score_1_5",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["ECOMMERCE"],
    weight: 3,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "satisfaction",
    value: reviewRating,
  },

  // Learning management system of schools and universities.
  {
    sourceSystem: DEMO_SOURCE_KEYS.lms,
    field: "course_completion_pct",
    recordPrefix: "LMS-C",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["EDUCATION"],
    weight: 6,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "course completion",
    value: ({ rng, health }) => percent(rng, 25 + 68 * health, 5),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.lms,
    field: "active_learners",
    recordPrefix: "LMS-A",
    unit: "count",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["EDUCATION"],
    weight: 5,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "adoption",
    value: ({ rng, health, profile }) =>
      Math.max(1, Math.round(profile.scale * (0.2 + 0.7 * health) * rng.between(0.9, 1.1))),
  },
  {
    sourceSystem: DEMO_SOURCE_KEYS.lms,
    field: "avg_assessment_score_pct",
    recordPrefix: "LMS-S",
    unit: "percent",
    valueType: "number",
    subject: "ACCOUNT",
    industries: ["EDUCATION"],
    weight: 4,
    polarity: "HIGHER_IS_BETTER",
    conceptHint: "learning outcome",
    value: ({ rng, health }) => percent(rng, 52 + 40 * health, 4),
  },
];
