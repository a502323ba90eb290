/**
 * Ways of talking about the packs' concepts and their values that are not names of the concept (decision
 * 0038), for the plain-language parsers (issue 12). A true synonym of a concept ("seat usage" for licence
 * utilisation, "强检" for calibration compliance) is a SKOS `altLabel` in its pack instead, where imports,
 * exports and the explorer see it too; what is here only makes sense in a sentence: the counted event a
 * measure is made of ("reopened tickets", "a repeat repair", "返修"), a verb phrase ("get on site"), or the
 * noun a categorical value is said with ("three late deliveries": "late" is the value, "deliveries" the
 * concept).
 *
 * The lexicon (`lexicon.ts`) reads these like alternative labels of the concept, in both grammars.
 */

/** Phrases for one concept, per language. */
export interface ConceptPhrases {
  readonly en?: readonly string[];
  readonly zh?: readonly string[];
}

/** Phrases by concept id. Every id must be a concept of the built-in packs (checked by a unit test). */
export const CONCEPT_PHRASES: Readonly<Record<string, ConceptPhrases>> = {
  // A repeat repair (the flag `repeat_repair`) is the counted event of the first-time fix rate.
  "automotive:first-time-fix": {
    en: ["repeat repair", "repeat repairs", "comeback repair", "repeat visit for the same fault"],
    zh: ["返修", "重复维修", "二次维修"],
  },
  "automotive:ota-update-success": { en: ["OTA update", "over-the-air update"] },
  "automotive:battery-fault-codes": { en: ["battery fault", "isolation fault", "insulation fault"] },
  // A reopened ticket (the flag `ticket_reopened`) is the counted event of support quality.
  "core:support-quality": {
    en: [
      "reopened ticket",
      "reopened tickets",
      "ticket reopen",
      "ticket reopens",
      "reopened case",
      "reopens",
      "reopened",
    ],
    zh: ["工单重开", "重开工单", "工单被重开", "工单重新打开", "工单被重新打开", "重新打开的工单"],
  },
  "core:escalations": { en: ["escalated ticket", "escalated case", "escalated issue"] },
  "ecommerce:chargeback-rate": { en: ["chargeback", "disputed payment"] },
  "finance:beneficial-ownership": { en: ["beneficial owner", "UBOs"], zh: ["受益人核实"] },
  "healthcare:readmission-rate": { en: ["readmission"] },
  "healthcare:remote-quality-control": {
    en: ["QC check", "quality-control check", "QC run", "QC test", "QC scan", "phantom scan", "QC"],
  },
  // "If it takes an engineer more than eight hours to get on site": the time to get there is the concept.
  "healthcare:service-response-time": {
    en: ["get on site", "get onsite", "arrive on site", "arrive onsite", "reach the site", "on-site arrival"],
    zh: ["工程师到场", "上门响应"],
  },
  // "three late deliveries": "late" is the value of the delivery status, "deliveries" the concept.
  "manufacturing:delivery-performance": { en: ["delivery", "deliveries"] },
  "manufacturing:unplanned-downtime": {
    en: ["machine breakdown", "breakdown", "unplanned stop", "break down", "breaks down", "broke down"],
  },
  "saas:incident-impact": { en: ["incident", "outage", "Sev1", "P1 incident"] },
};

/** Words for a categorical value of a concept (a key of its lookup table), per language. */
export interface ValuePhrases {
  readonly concept: string;
  /** The value exactly as the lookup table spells it. */
  readonly value: string;
  readonly en?: readonly string[];
  readonly zh?: readonly string[];
}

/**
 * Words for the packs' categorical values beyond the table's own spelling ("LATE" is also "late"): the
 * lexicon adds both. Every value must be a key of a lookup table of its concept (checked by a unit test).
 */
export const VALUE_PHRASES: readonly ValuePhrases[] = [
  {
    concept: "manufacturing:delivery-performance",
    value: "LATE",
    en: ["delayed", "behind schedule", "overdue"],
    zh: ["延迟", "延期", "迟交", "晚到", "延误", "逾期交付"],
  },
  {
    concept: "manufacturing:delivery-performance",
    value: "ON_TIME",
    en: ["on-time", "punctual"],
    zh: ["准时", "按时", "准点"],
  },
  { concept: "manufacturing:delivery-performance", value: "EARLY", en: ["ahead of schedule"], zh: ["提前"] },
  {
    concept: "manufacturing:delivery-performance",
    value: "PARTIAL",
    en: ["partially delivered", "short-shipped"],
    zh: ["部分交付", "部分到货", "不足量"],
  },
  { concept: "finance:kyc-status", value: "VERIFIED", en: ["verified", "cleared"], zh: ["已验证", "已核验", "已通过"] },
  {
    concept: "finance:kyc-status",
    value: "PENDING_REVIEW",
    en: ["pending", "awaiting review", "under review"],
    zh: ["待审核", "待复核", "审核中"],
  },
  {
    concept: "finance:kyc-status",
    value: "EXPIRED",
    en: ["expired", "out of date", "lapsed"],
    zh: ["已过期", "过期", "失效"],
  },
  { concept: "finance:kyc-status", value: "REJECTED", en: ["rejected", "declined"], zh: ["已拒绝", "被拒绝", "拒绝"] },
  { concept: "finance:aml-risk-rating", value: "HIGH", en: ["high risk", "high-risk"], zh: ["高风险"] },
  {
    concept: "finance:aml-risk-rating",
    value: "MEDIUM",
    en: ["medium risk", "medium-risk"],
    zh: ["中风险", "中等风险"],
  },
  { concept: "finance:aml-risk-rating", value: "LOW", en: ["low risk", "low-risk"], zh: ["低风险"] },
  { concept: "finance:due-diligence-level", value: "EDD", zh: ["强化尽调", "强化"] },
  { concept: "finance:due-diligence-level", value: "CDD", zh: ["标准尽调"] },
  { concept: "finance:due-diligence-level", value: "SDD", zh: ["简化尽调"] },
  { concept: "core:customer-sentiment", value: "NEGATIVE", en: ["negative"], zh: ["负面", "消极"] },
  { concept: "core:customer-sentiment", value: "POSITIVE", en: ["positive"], zh: ["正面", "积极"] },
  { concept: "core:customer-sentiment", value: "NEUTRAL", en: ["neutral"], zh: ["中性"] },
  { concept: "core:csat", value: "bad", en: ["bad rating", "unhappy rating", "thumbs down"], zh: ["差评", "不满意"] },
  { concept: "core:csat", value: "good", en: ["good rating", "happy rating", "thumbs up"], zh: ["好评"] },
  {
    concept: "saas:subscription-status",
    value: "past_due",
    en: ["past due", "overdue", "in arrears"],
    zh: ["逾期未付", "欠费"],
  },
  { concept: "saas:subscription-status", value: "canceled", en: ["cancelled", "canceled"], zh: ["已取消"] },
  { concept: "saas:subscription-status", value: "unpaid", en: ["unpaid"], zh: ["未付款"] },
  { concept: "saas:subscription-status", value: "paused", en: ["paused", "on hold"], zh: ["暂停"] },
  {
    concept: "saas:subscription-status",
    value: "trialing",
    en: ["trialing", "trialling", "on trial", "in trial"],
    zh: ["试用", "试用中"],
  },
];
