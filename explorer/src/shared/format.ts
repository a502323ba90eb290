import type { Lang } from "../i18n/messages";

/** A 0..100 score to one decimal ("72.4"), or "–". Pure. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || Number.isNaN(score) ? "–" : score.toFixed(1);
}

/** A number with the language's grouping. Pure. */
export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(value);
}

/** The day of an ISO instant ("2026-03-04"), or "–". Pure. */
export function formatDay(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : "–";
}

/** A signed contribution ("+0.12", "−0.05"). Pure. */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const text = Math.abs(value).toFixed(3);
  return value < 0 ? `−${text}` : `+${text}`;
}
