import {
  PlaybookAction,
  PlaybookDefinition,
  PlaybookFeedback,
  PlaybookLimits,
  PlaybookMode,
} from "../../domain/automation/playbook";
import { parsePlaybook, PLAYBOOK_LIMITS } from "../../domain/automation/validate-playbook";
import { PlaybookDraft } from "../../domain/plain-language/draft";

/** The breakers a drafted playbook gets: one firing per account a month, paused after three failures. */
export const DRAFT_LIMITS: PlaybookLimits = { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 };
/** A drafted playbook proposes; running on its own takes a person who says "automatically". */
export const DRAFT_MODE: PlaybookMode = "SUGGEST";
/** How long a drafted playbook's feedback waits when its tasks state no due date, and for health to improve. */
export const DRAFT_TASK_FEEDBACK_DAYS = 14;
export const DRAFT_HEALTH_FEEDBACK_DAYS = 30;

/**
 * The feedback a draft gets when the sentence states none: its tasks and reviews completed in time (by
 * the latest due date among them), or else the account's health improving within a month.
 */
export function defaultFeedback(actions: readonly PlaybookAction[]): PlaybookFeedback {
  const due = actions.flatMap((a) => (a.kind === "CREATE_TASK" || a.kind === "OPEN_REVIEW" ? [a.dueInDays] : []));
  if (due.length === 0) return { kind: "HEALTH_IMPROVED", withinDays: DRAFT_HEALTH_FEEDBACK_DAYS };
  const latest = Math.max(...due);
  return { kind: "TASK_COMPLETED", withinDays: latest >= 1 ? Math.min(latest, 365) : DRAFT_TASK_FEEDBACK_DAYS };
}

/** Draft parts completed into a whole definition: what the sentence said, and defaults for the rest. */
export interface DraftParts {
  name: string;
  intent: string;
  mode: PlaybookMode | null;
  trigger: unknown;
  conditions: readonly unknown[];
  actions: readonly unknown[];
  feedback: unknown;
}

/** The parts with the defaults filled in, as plain data for {@link parsePlaybook}. */
export function completedInput(parts: DraftParts, ownerUserId: string): Record<string, unknown> {
  const name = parts.name.trim() || parts.intent.trim().slice(0, 80) || "Drafted playbook";
  return {
    name: name.slice(0, PLAYBOOK_LIMITS.nameLength),
    intent: (parts.intent.trim() || name).slice(0, PLAYBOOK_LIMITS.intentLength),
    mode: parts.mode ?? DRAFT_MODE,
    ownerUserId,
    trigger: parts.trigger,
    conditions: [...parts.conditions],
    actions: [...parts.actions],
    feedback: parts.feedback ?? defaultFeedback(parts.actions as PlaybookAction[]),
    limits: { ...DRAFT_LIMITS },
  };
}

/** What a draft lacks to be saved, or the complete definition `savePlaybook` accepts. */
export type DraftCompletion = { input: PlaybookDefinition; problems: [] } | { input: null; problems: string[] };

/**
 * A draft as a complete `savePlaybook` input (owner = the author, mode SUGGEST when the sentence did not
 * say, default feedback and limits), checked by the same validation `savePlaybook` runs; null with the
 * problems when the draft has no trigger or no action, or a part does not validate.
 */
export function draftPlaybookInput(draft: PlaybookDraft, ownerUserId: string): DraftCompletion {
  const missing = [
    ...(draft.trigger === null ? ["trigger: no trigger was recognised"] : []),
    ...(draft.actions.length === 0 ? ["actions: no action was recognised"] : []),
  ];
  if (missing.length > 0) return { input: null, problems: missing };
  const parsed = parsePlaybook(completedInput(draft, ownerUserId));
  return parsed.definition === null
    ? { input: null, problems: parsed.problems }
    : { input: parsed.definition, problems: [] };
}
