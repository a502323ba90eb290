/** Pure view logic of the MPU pages (issue 16): which units a view lists, and the sandbox's input. */

export const MPU_VIEWS = ["queue", "mine", "published", "sandbox"] as const;
export type MpuPageView = (typeof MPU_VIEWS)[number];

export function isMpuView(value: string | null): value is MpuPageView {
  return (MPU_VIEWS as readonly string[]).includes(value ?? "");
}

/** The filter of `mpus` a list view reads. Pure. */
export function filterOf(view: Exclude<MpuPageView, "sandbox">): {
  toReview?: boolean;
  author?: string;
  statuses?: Array<"PUBLISHED">;
} {
  switch (view) {
    case "queue":
      return { toReview: true };
    case "mine":
      return { author: "me" };
    case "published":
      return { statuses: ["PUBLISHED"] };
  }
}

/** Who may compose, submit and review units (the role matrix: admins, analysts and reps; reviews also need seniority). */
export function canAuthorMpus(role: string): boolean {
  return role === "admin" || role === "analyst" || role === "rep";
}

/** "2 / 3 approvals · customer confirmed". Pure. */
export function gateSummary(
  gate: { approvals: number; requiredReviews: number; confirmed: boolean },
  words: { approvals: string; confirmed: string; unconfirmed: string },
): string {
  return `${gate.approvals} / ${gate.requiredReviews} ${words.approvals} · ${gate.confirmed ? words.confirmed : words.unconfirmed}`;
}

export const TAG_KINDS = ["INDUSTRY", "SEGMENT", "DEAL_STAGE", "BUYER_ROLE", "HEALTH_GRADE", "CONCEPT"] as const;

/** What the sandbox form holds. */
export interface SandboxForm {
  title: string;
  /** One tag a line, `KIND: value`, a trailing `!` makes it required, e.g. `INDUSTRY: Education!`. */
  tags: string;
  /** One manual step a line, in order. */
  steps: string;
  checkpointKind: "SIGNAL" | "STAGE_REACHED";
  /** The signal's field, or the stage. */
  checkpointValue: string;
  withinHours: number;
}

export interface SandboxTag {
  kind: string;
  value: string;
  required: boolean;
}

/** The tags of the form's lines, and the lines that are not tags. Pure. */
export function parseTagLines(text: string): { tags: SandboxTag[]; bad: string[] } {
  const tags: SandboxTag[] = [];
  const bad: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const match = /^([A-Z_]+)\s*:\s*(.+?)\s*(!?)$/.exec(line);
    if (match === null || !(TAG_KINDS as readonly string[]).includes(match[1]!)) {
      bad.push(line);
      continue;
    }
    tags.push({ kind: match[1]!, value: match[2]!, required: match[3] === "!" });
  }
  return { tags, bad };
}

/** The `MpuInput` the sandbox sends (the API checks it and names every problem). Pure. */
export function mpuInputOf(form: SandboxForm) {
  const steps = form.steps
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const value = form.checkpointValue.trim();
  return {
    title: form.title.trim(),
    situation: parseTagLines(form.tags).tags,
    actions: steps.map((title) => ({ kind: "MANUAL" as const, title })),
    verifications: [
      form.checkpointKind === "SIGNAL"
        ? { kind: "SIGNAL" as const, field: value, withinHours: form.withinHours }
        : { kind: "STAGE_REACHED" as const, stage: value.toUpperCase(), withinHours: form.withinHours },
    ],
  };
}
