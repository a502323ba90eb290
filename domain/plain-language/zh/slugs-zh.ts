/**
 * Kebab-case slugs (task templates, review types, intents, flags) for Chinese phrases, from a glossary of
 * the words rules use; the corpus scores them softly, so a slug only has to be a sensible name of the
 * phrase. Words outside the glossary are left out; a phrase with none gets the fallback.
 */

const WORDS: readonly (readonly [string, string])[] = [
  ["合规预审", "compliance-pre-review"],
  ["服务质量评审", "service-quality-review"],
  ["预防性维护", "preventive-maintenance"],
  ["上门检修", "onsite-repair"],
  ["上门维修", "onsite-repair"],
  ["派工程师上门", "engineer-visit"],
  ["工程师上门", "engineer-visit"],
  ["教学回访", "teaching-follow-up"],
  ["拜访客户", "customer-visit"],
  ["停运检查", "out-of-service-check"],
  ["远程质控", "remote-qc"],
  ["产线诊断", "line-diagnosis"],
  ["诊断", "diagnosis"],
  ["分析", "analysis"],
  ["丢单", "loss"],
  ["复盘", "retrospective"],
  ["巡检", "inspection"],
  ["欢迎", "welcome"],
  ["冻结", "frozen"],
  ["合同", "contract"],
  ["退货", "returns"],
  ["留存", "retention"],
  ["挽回", "win-back"],
  ["制裁", "sanctions"],
  ["反洗钱", "aml"],
  ["增购机会", "expansion"],
  ["增购", "expansion"],
  ["续约", "renewal"],
  ["清关", "customs"],
  ["改进方案", "improvement-plan"],
  ["改进", "improvement"],
  ["方案", "plan"],
  ["报价", "quote"],
  ["演示", "demo"],
  ["排查原因", "root-cause-analysis"],
  ["排查", "investigation"],
  ["评估", "assessment"],
  ["拜访", "visit"],
  ["回访", "follow-up"],
  ["跟进", "follow-up"],
  ["检修", "repair"],
  ["维修", "repair"],
  ["维护", "maintenance"],
  ["保养", "maintenance"],
  ["培训", "training"],
  ["回款", "collection"],
  ["催收", "collection"],
  ["催款", "collection"],
  ["合规", "compliance"],
  ["风控", "risk"],
  ["风险", "risk"],
  ["预审", "pre-review"],
  ["评审", "review"],
  ["复核", "review"],
  ["审核", "review"],
  ["审查", "review"],
  ["审批", "approval"],
  ["记录", "record"],
  ["变更", "change"],
  ["服务质量", "service-quality"],
  ["质量", "quality"],
  ["批次", "batch"],
  ["调查", "investigation"],
  ["调研", "research"],
  ["沟通", "outreach"],
  ["联系", "outreach"],
  ["电话", "call"],
  ["挽留", "retention"],
  ["流失", "churn"],
  ["意向", "interest"],
  ["检查", "check"],
  ["停运", "out-of-service"],
  ["关注", "watch"],
  ["高风险", "high-risk"],
  ["重点", "priority"],
  ["抄送", "notification"],
  ["抄给", "notification"],
  ["通知", "notification"],
  ["告知", "notification"],
  ["上门校准", "onsite-calibration"],
  ["上门巡检", "onsite-inspection"],
  ["上门排查", "onsite-troubleshooting"],
  ["到场排查", "onsite-troubleshooting"],
  ["到现场排查", "onsite-troubleshooting"],
  ["现场排查", "onsite-troubleshooting"],
  ["上门", "onsite"],
  ["到场", "onsite"],
  ["到现场", "onsite"],
  ["现场", "onsite"],
  ["校准", "calibration"],
  ["质控", "qc"],
  ["重新核验", "reverification"],
  ["重新核实", "reverification"],
  ["核验", "verification"],
  ["核实", "verification"],
  ["核查", "check"],
  ["核对", "check"],
  ["风险排查", "risk-check"],
  ["原因分析", "root-cause-analysis"],
  ["根因分析", "root-cause-analysis"],
  ["根因", "root-cause"],
  ["说明原因", "explanation"],
  ["解释原因", "explanation"],
  ["原因", "cause"],
  ["故障复盘", "incident-retrospective"],
  ["故障", "incident"],
  ["方案演示", "solution-demo"],
  ["解决方案", "solution"],
  ["产品演示", "product-demo"],
  ["产品培训", "product-training"],
  ["功能培训", "feature-training"],
  ["使用培训", "usage-training"],
  ["教师培训", "teacher-training"],
  ["学业辅导", "tutoring"],
  ["辅导", "coaching"],
  ["教练", "coaching"],
  ["教学", "teaching"],
  ["教师", "teacher"],
  ["使用习惯", "usage"],
  ["使用情况", "usage"],
  ["使用", "usage"],
  ["产品", "product"],
  ["功能", "feature"],
  ["干预", "intervention"],
  ["学员", "learner"],
  ["学生", "learner"],
  ["高层拜访", "executive-visit"],
  ["高层", "executive"],
  ["会议", "meeting"],
  ["开会", "meeting"],
  ["会面", "meeting"],
  ["启动会", "kickoff"],
  ["访谈", "interview"],
  ["满意度", "satisfaction"],
  ["问卷", "survey"],
  ["邮件", "email"],
  ["打电话", "call"],
  ["推荐", "referral"],
  ["决策链图", "stakeholder-map"],
  ["决策链", "stakeholder-map"],
  ["关系图", "stakeholder-map"],
  ["更新", "update"],
  ["报告", "report"],
  ["整改", "remediation"],
  ["优化", "optimisation"],
  ["调度", "dispatch"],
  ["补货", "replenishment"],
  ["协调", "coordination"],
  ["升级处理", "escalation"],
  ["处理", "handling"],
  ["预测", "forecast"],
  ["确认", "confirmation"],
  ["主数据", "master-data"],
  ["数据", "data"],
  ["删除", "deletion"],
  ["资质材料", "credential-pack"],
  ["资质", "credential"],
  ["店铺诊断", "store-diagnosis"],
  ["店铺", "store"],
  ["交付", "delivery"],
  ["付款", "payment"],
  ["收款", "collection"],
  ["谈判", "negotiation"],
  ["报价方案", "quote-proposal"],
  ["授信", "credit"],
  ["额度", "credit-limit"],
  ["强化尽调", "enhanced-due-diligence"],
  ["尽职调查", "due-diligence"],
  ["尽调", "due-diligence"],
  ["身份", "identity"],
  ["准入", "admission"],
  ["合作伙伴", "partner"],
  ["协议", "agreement"],
  ["影响", "impact"],
  ["拒付", "chargeback"],
  ["反欺诈", "fraud"],
  ["欺诈", "fraud"],
  ["临床路径", "clinical-pathway"],
  ["随访", "follow-up"],
  ["售后", "after-sales"],
  ["服务", "service"],
  ["召回", "recall"],
  ["热失控", "thermal-runaway"],
  ["热风险", "thermal-risk"],
  ["过热", "overheating"],
  ["电池寿命", "battery-life"],
  ["电池健康", "battery-health"],
  ["电池", "battery"],
  ["充电桩", "charger"],
  ["设备", "equipment"],
  ["重点关注", "close-watch"],
  ["预警", "alert"],
  ["告警", "alert"],
  ["观察", "watch"],
  ["新客户", "new-customer"],
  ["联系人", "contact"],
  ["分析原因", "root-cause-analysis"],
  ["复检", "recheck"],
  ["复查", "recheck"],
  ["梳理决策链", "stakeholder-mapping"],
  ["发货", "shipping"],
  ["激活", "activation"],
  ["计划", "plan"],
  ["跨境", "cross-border"],
  ["采用", "adoption"],
];

/** Slug words that are actions (or the work itself), which English puts after their object. */
const HEADS = new Set([
  "assessment",
  "investigation",
  "review",
  "check",
  "visit",
  "repair",
  "training",
  "follow-up",
  "analysis",
  "diagnosis",
  "inspection",
  "calibration",
  "verification",
  "reverification",
  "retrospective",
  "demo",
  "coaching",
  "tutoring",
  "update",
  "explanation",
  "negotiation",
  "interview",
  "handling",
  "escalation",
  "coordination",
  "optimisation",
  "intervention",
  "remediation",
  "confirmation",
  "outreach",
  "call",
  "meeting",
  "research",
  "notification",
  "troubleshooting",
  "maintenance",
  "approval",
  "pre-review",
]);

const isHead = (part: string): boolean => HEADS.has(part) || HEADS.has(part.split("-").slice(-1)[0] ?? "");

/** The glossary, longest Chinese word first, so a compound (上门校准) is read before its parts (上门, 校准). */
const BY_LENGTH = [...WORDS].sort((a, b) => b[0].length - a[0].length);

/**
 * English order: Chinese puts the verb before its object (评估增购机会, 更新决策链图), English slugs the
 * object first (expansion-assessment, stakeholder-map-update); modifiers before the verb (上门 → onsite)
 * stay first.
 */
function englishOrder(parts: readonly string[]): string[] {
  let last = -1;
  for (let k = parts.length - 1; k >= 0; k -= 1) {
    if (isHead(parts[k] ?? "")) {
      last = k;
      break;
    }
  }
  if (last < 0 || last === parts.length - 1) return [...parts];
  let run = last;
  while (run > 0 && isHead(parts[run - 1] ?? "")) run -= 1;
  return [...parts.slice(0, run), ...parts.slice(last + 1), ...parts.slice(run, last + 1)];
}

/** A slug for a Chinese phrase, e.g. 清关改进方案 → customs-improvement-plan; `fallback` when no word is known. */
export function slugFor(phrase: string, fallback: string): string {
  const parts: string[] = [];
  let i = 0;
  // "cc 张敏" is 抄送: the word is read as the notification, not kept as a slug word of its own.
  const ascii = (phrase.match(/[A-Za-z0-9][A-Za-z0-9]*/gu) ?? [])
    .filter((w) => /[A-Za-z]/u.test(w) && !/^cc$/iu.test(w))
    .map((w) => w.toLowerCase());
  if (/(?<![A-Za-z])cc(?![A-Za-z])/iu.test(phrase)) parts.push("notification");
  while (i < phrase.length) {
    const hit = BY_LENGTH.find(([zh]) => phrase.startsWith(zh, i));
    if (hit) {
      parts.push(hit[1]);
      i += hit[0].length;
    } else {
      i += 1;
    }
  }
  // "派工程师上门维修": the engineer sent on site to repair is an on-site repair.
  const k = parts.indexOf("engineer-visit");
  if (k >= 0 && parts.slice(k + 1).some(isHead)) parts[k] = "onsite";
  // "48小时内上门": on site alone is a visit there.
  if (parts[parts.length - 1] === "onsite") parts.push("visit");
  // A word said twice (跟进 … 回访) is one.
  const deduped = [...ascii, ...englishOrder(parts)].filter((w, n, list) => list.indexOf(w) === n);
  return deduped.length > 0 ? deduped.join("-") : fallback;
}

/** A review type: the slug of what is reviewed, ending in "review" ("contract" → "contract-review"). */
export function reviewSlugFor(phrase: string): string {
  const slug = slugFor(phrase, "review");
  return /(?:^|-)(?:review|pre-review|approval|retrospective)$/u.test(slug) ? slug : `${slug}-review`;
}

/** Intents that are kinds of intent themselves (churn risk, win-back, renewal), named without "-interest". */
const INTENT_KINDS = /(?:^|-)(?:risk|win-back|retention|renewal|expansion|service|intent|churn|upsell|referral)$/u;

/** An intent signal's name: a topic of interest ("battery-health-interest"), or a kind of intent as it is. */
export function intentSlugFor(topic: string, fallback: string): string {
  const slug = slugFor(topic, fallback);
  if (slug === "buying") return "buying-intent";
  return INTENT_KINDS.test(slug) || slug.endsWith("-interest") ? slug : `${slug}-interest`;
}

/** A flag's name: "待巡检" is pending inspection, else the slug of its words. */
export function flagSlugFor(name: string, fallback: string): string {
  const pending = /^(?:待|等待|需要|需)(.+)$/u.exec(name.trim());
  if (pending?.[1]) {
    const rest = slugFor(pending[1], "");
    if (rest) return `pending-${rest}`;
  }
  return slugFor(name, fallback);
}
