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
  ["复盘", "review"],
  ["巡检", "inspection"],
  ["欢迎", "welcome"],
  ["冻结", "frozen"],
  ["合同", "contract"],
  ["退货", "returns"],
  ["留存", "retention"],
  ["挽回", "retention"],
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
  ["排查原因", "investigation"],
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
  // Only telling someone ("抄送客户经理", "通知服务经理"): the task is the notification.
  ["抄送", "notification"],
  ["抄给", "notification"],
  ["通知", "notification"],
  ["告知", "notification"],
];

/** Slug words that are actions, which English puts after their object. */
const VERBS = new Set([
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
]);

/** A slug for a Chinese phrase, e.g. 清关改进方案 → customs-improvement-plan; `fallback` when no word is known. */
export function slugFor(phrase: string, fallback: string): string {
  const parts: string[] = [];
  let i = 0;
  // "cc 张敏" is 抄送: the word is read as the notification, not kept as a slug word of its own.
  const ascii = (phrase.match(/[A-Za-z][A-Za-z0-9]*/gu) ?? []).filter((w) => !/^cc$/iu.test(w));
  if (/(?<![A-Za-z])cc(?![A-Za-z])/iu.test(phrase)) parts.push("notification");
  while (i < phrase.length) {
    const hit = WORDS.find(([zh]) => phrase.startsWith(zh, i));
    if (hit) {
      parts.push(hit[1]);
      i += hit[0].length;
    } else {
      i += 1;
    }
  }
  // Chinese puts the verb first (评估增购机会), English slugs the object first (expansion-assessment).
  if (parts.length > 1 && VERBS.has(parts[0] ?? "") && !VERBS.has(parts[parts.length - 1] ?? "")) {
    parts.push(parts.shift() as string);
  }
  const words = [...ascii.map((w) => w.toLowerCase()), ...parts];
  const deduped = words.filter((w, k) => words.indexOf(w) === k);
  return deduped.length > 0 ? deduped.join("-") : fallback;
}
