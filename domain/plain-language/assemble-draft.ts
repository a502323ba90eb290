/**
 * Turns a grammar's {@link ParsedSentence} into the `PlaybookDraft` a person reviews (issue 12): a suggested
 * name and intent, a confidence, and the warnings that say why the draft cannot be saved or activated as
 * it stands — INCOMPLETE (no trigger, no action), AMBIGUOUS (a reading chosen among others),
 * UNRECOGNISED (phrases not understood) and ROLE_NOT_ALLOWED (an action the author's roles may not have
 * done in their name, or an author who may not save playbooks at all).
 */
import { actionRefusal, RolesAllowed } from "../automation/action-permissions";
import { effectiveAllows } from "../auth/role-cap";
import { USER_ROLES, UserRole } from "../records";
import { DraftLanguage, DraftSource, DraftWarning, PlaybookDraft } from "./draft";
import { ParsedSentence } from "./parsed-sentence";

/** The person asking for the draft, as far as rights go. */
export interface DraftAuthor {
  roles: readonly string[];
  /** Their externalId, for the messages; "the author" when not given. */
  userId?: string | null;
}

export interface AssembleOptions {
  author?: DraftAuthor | null;
  /** The role matrix: the roles that may call an operation. Without it no role check is made. */
  rolesAllowed?: RolesAllowed | null;
  source?: DraftSource;
}

/** The operation saving a playbook needs; a draft is only useful to someone who may save it. */
export const SAVE_PLAYBOOK_OPERATION = "Mutation.savePlaybook" as const;

const NAME_LENGTH = 80;

/** A name from the sentence: its first clause, cut at a word boundary. */
export function suggestedName(text: string): string {
  const clean = text.trim().replace(/\s+/g, " ");
  if (clean.length <= NAME_LENGTH) return clean.replace(/[.。!！]+$/u, "");
  const cut = clean.slice(0, NAME_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

function known(roles: readonly string[]): UserRole[] {
  return roles.filter((role): role is UserRole => USER_ROLES.includes(role as UserRole));
}

/**
 * How sure the parser is: the share of the sentence understood, lowered for a missing trigger or action,
 * for each ambiguity and for each phrase not understood.
 */
export function draftConfidence(parsed: ParsedSentence): number {
  let confidence = Math.max(0, Math.min(1, parsed.coverage));
  if (parsed.trigger === null) confidence *= 0.3;
  if (parsed.actions.length === 0) confidence *= 0.5;
  confidence *= 0.9 ** parsed.ambiguities.length;
  confidence *= 0.85 ** parsed.unrecognised.length;
  return Math.round(confidence * 100) / 100;
}

export function assembleDraft(
  text: string,
  language: DraftLanguage,
  parsed: ParsedSentence,
  options: AssembleOptions = {},
): PlaybookDraft {
  const warnings: DraftWarning[] = [];
  if (parsed.trigger === null) {
    warnings.push({
      code: "INCOMPLETE",
      message:
        'No trigger was recognised in the sentence: say what should start the playbook, e.g. "when an ' +
        'account\'s health drops to red" or "if CSAT falls below 3".',
    });
  }
  if (parsed.actions.length === 0) {
    warnings.push({
      code: "INCOMPLETE",
      message:
        'No action was recognised in the sentence: say what should happen, e.g. "create a follow-up task for ' +
        'the account owner" or "open a compliance review".',
    });
  }
  for (const ambiguity of parsed.ambiguities) {
    warnings.push({
      code: "AMBIGUOUS",
      message: `"${ambiguity.phrase}": ${ambiguity.message}`,
      ...(ambiguity.actionIndex === undefined || ambiguity.actionIndex === null
        ? {}
        : { actionIndex: ambiguity.actionIndex }),
    });
  }
  if (parsed.unrecognised.length > 0) {
    warnings.push({
      code: "UNRECOGNISED",
      message:
        `Not understood: ${parsed.unrecognised.map((p) => `"${p}"`).join(", ")}. The draft leaves ` +
        "these out; reword them or add them by hand before saving.",
    });
  }
  const { author, rolesAllowed } = options;
  if (author && rolesAllowed) {
    const who = author.userId ?? "the author";
    const saveRoles = rolesAllowed(SAVE_PLAYBOOK_OPERATION);
    if (!effectiveAllows(known(saveRoles), { tokenRole: null, userRoles: known(author.roles) })) {
      const held = author.roles.length === 0 ? "no roles" : `the roles ${author.roles.join(", ")}`;
      warnings.push({
        code: "ROLE_NOT_ALLOWED",
        message:
          `Saving a playbook needs ${SAVE_PLAYBOOK_OPERATION} (roles: ${saveRoles.join(", ") || "none"}), and ` +
          `${who} has ${held}: ask someone with one of those roles to save this draft.`,
      });
    }
    parsed.actions.forEach((action, actionIndex) => {
      const refusal = actionRefusal(action, { userId: who, roles: author.roles }, who, rolesAllowed);
      if (refusal !== null) warnings.push({ code: "ROLE_NOT_ALLOWED", message: refusal, actionIndex });
    });
  }
  return {
    language,
    text,
    source: options.source ?? "GRAMMAR",
    name: parsed.name ?? suggestedName(text),
    intent: text.trim(),
    trigger: parsed.trigger,
    conditions: parsed.conditions,
    actions: parsed.actions,
    feedback: parsed.feedback,
    mode: parsed.mode,
    matched: parsed.matched,
    unrecognised: parsed.unrecognised,
    confidence: draftConfidence(parsed),
    warnings,
  };
}
