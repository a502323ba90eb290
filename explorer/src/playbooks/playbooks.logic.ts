import type { Lang } from "../i18n/messages";

/** A playbook definition as the API gives it (JSON): only what the page reads. */
interface Definition {
  intent?: string;
  mode?: string;
  trigger?: Record<string, unknown> & { kind?: string };
  conditions?: ReadonlyArray<Record<string, unknown> & { kind?: string }>;
  actions?: ReadonlyArray<Record<string, unknown> & { kind?: string }>;
  feedback?: Record<string, unknown> & { kind?: string };
}

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(", ");
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function signals(selector: unknown, lang: Lang): string {
  const s = (selector ?? {}) as Record<string, unknown>;
  const what = s.concept ? text(s.concept) : s.field ? text(s.field) : lang === "zh" ? "信号" : "signals";
  const equals = s.valueEquals ? ` = ${text(s.valueEquals)}` : "";
  return `${what}${equals}`;
}

/** The trigger in a sentence, in the page's language. Pure. */
export function describeTrigger(trigger: Definition["trigger"], lang: Lang): string {
  if (!trigger) return "–";
  const zh = lang === "zh";
  const scope = trigger.scope === "REGION" ? (zh ? "每个区域" : "per region") : zh ? "每个客户" : "per account";
  switch (trigger.kind) {
    case "EVENT":
      return zh ? `发生事件：${text(trigger.eventTypes)}` : `A change event: ${text(trigger.eventTypes)}`;
    case "SIGNAL_COUNT":
      return zh
        ? `${trigger.withinDays} 天内 ${signals(trigger.signals, lang)} 至少 ${trigger.count} 次（${scope}）`
        : `At least ${trigger.count} × ${signals(trigger.signals, lang)} within ${trigger.withinDays} days (${scope})`;
    case "CONCEPT_THRESHOLD":
      return zh
        ? `${text(trigger.concept)} ${trigger.op === "BELOW" ? "低于" : "高于"} ${text(trigger.value)}（${scope}）`
        : `${text(trigger.concept)} ${trigger.op === "BELOW" ? "falls below" : "rises above"} ${text(trigger.value)} (${scope})`;
    case "CONCEPT_TREND":
      return zh
        ? `${text(trigger.concept)} 在 ${trigger.withinDays} 天内每天${trigger.direction === "FALLING" ? "下降" : "上升"}超过 ${text(trigger.ratePerDay)}（${scope}）`
        : `${text(trigger.concept)} ${trigger.direction === "FALLING" ? "falls" : "rises"} faster than ${text(trigger.ratePerDay)} a day over ${trigger.withinDays} days (${scope})`;
    case "HEALTH_GRADE_CHANGE": {
      const to = trigger.to ? (zh ? `变为 ${text(trigger.to)}` : ` to ${text(trigger.to)}`) : "";
      return zh ? `健康等级${to || "变化"}` : `The health grade changes${to}`;
    }
    default:
      return text(trigger);
  }
}

/** One line per condition or action: its kind and its settings, compactly. Pure. */
export function describeParts(parts: Definition["actions"] | Definition["conditions"]): string[] {
  return (parts ?? []).map((part) => {
    const { kind, ...rest } = part;
    const settings = Object.entries(rest)
      .filter(([, value]) => value !== null && value !== undefined && value !== "")
      .map(([key, value]) => `${key}: ${text(value)}`)
      .join("; ");
    return settings ? `${kind ?? "?"} — ${settings}` : String(kind ?? "?");
  });
}

/** The parts of a definition the page shows, read defensively from the JSON. Pure. */
export function readDefinition(json: unknown): Definition {
  return json !== null && typeof json === "object" ? (json as Definition) : {};
}

/** A success rate (0..1) as a percentage, or "–" before any feedback is in. Pure. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "–" : `${Math.round(rate * 100)}%`;
}
