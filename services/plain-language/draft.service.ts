import { ACTION_PERMISSIONS, RolesAllowed } from "../../domain/automation/action-permissions";
import { PlaybookDefinition } from "../../domain/automation/playbook";
import { effectiveAllows } from "../../domain/auth/role-cap";
import { DraftDirectory, DraftLanguage, DraftWarning, PlaybookDraft } from "../../domain/plain-language/draft";
import { DraftContext, draftPlaybookFromText, detectLanguage } from "../../domain/plain-language/draft-playbook";
import { USER_ROLES, UserRole } from "../../domain/records";
import { DraftDirectoryRepository } from "../../graph/plain-language/draft-directory.repository";
import { OntologyPack } from "../../ontology/model/ontology.model";
import { DraftError } from "./draft.errors";
import { draftPlaybookInput } from "./draft-playbook-input";
import { draftVocabulary } from "./draft-vocabulary";
import { LlmDraftProvider } from "./llm-draft-provider";
import { PackCache } from "./pack-cache";

/** The longest sentence drafted: a playbook is said in a sentence or two, not a document. */
export const MAX_DRAFT_TEXT_LENGTH = 1_000;

/** The person asking for a draft, as far as rights go (the request's principal). */
export interface DraftCaller {
  /** Their user's externalId (the token's subject): the drafted playbook's owner. */
  subject: string;
  tokenRole: UserRole;
  /** Their user's roles, when the token names a user of the tenant (the role cap); null otherwise. */
  userRoles: readonly UserRole[] | null;
  /** Whether the subject is a user of the tenant (only a user can own a playbook). */
  isUser: boolean;
}

/** What the parser is told beyond the sentence: who asks, and the role matrix, for ROLE_NOT_ALLOWED warnings. */
export interface DraftParserOptions {
  author?: { roles: readonly string[]; userId?: string | null } | null;
  rolesAllowed?: RolesAllowed | null;
}

/** The offline parser's signature (domain/plain-language/draft-playbook.ts). */
export type DraftParser = (
  text: string,
  context: DraftContext,
  language?: DraftLanguage,
  options?: DraftParserOptions,
) => PlaybookDraft;

/** What became of the LLM provider's proposal for this draft; null when no provider is configured. */
export interface LlmReport {
  model: string;
  /** USED: the draft is the model's (validated) proposal. FALLBACK: the grammar's, for `message`'s reason. */
  outcome: "USED" | "FALLBACK";
  message: string | null;
}

/** A warning the service adds beside the parser's: the LLM provider's fallback. */
export interface ServiceWarning {
  code: DraftWarning["code"] | "LLM_FALLBACK";
  message: string;
  actionIndex?: number | null;
}

export interface DraftResult {
  draft: PlaybookDraft;
  /** The parser's warnings and the service's (role checks it added, the LLM's fallback). */
  warnings: ServiceWarning[];
  /** A complete `savePlaybook` definition, or null when the draft lacks a trigger or an action. */
  playbookInput: PlaybookDefinition | null;
  llm: LlmReport | null;
}

/**
 * The roles to tell the parser the author has: the token's role when the user holds it (or no user caps
 * it), else the user's roles. The service's own check ({@link roleWarnings}) applies the exact role cap.
 */
export function authorRoles(caller: DraftCaller): UserRole[] {
  if (caller.userRoles === null || caller.userRoles.includes(caller.tokenRole)) return [caller.tokenRole];
  return [...caller.userRoles];
}

/**
 * ROLE_NOT_ALLOWED warnings for what the caller may not do, where the parser gave none: save a playbook at
 * all, or have an action carried out in their name (the permission each action kind needs, decision 0022's
 * role matrix and 0018's role cap).
 */
export function roleWarnings(
  draft: Pick<PlaybookDraft, "actions">,
  existing: readonly { code: string; actionIndex?: number | null }[],
  caller: DraftCaller,
  rolesAllowed: RolesAllowed,
): DraftWarning[] {
  const flagged = new Set(existing.filter((w) => w.code === "ROLE_NOT_ALLOWED").map((w) => w.actionIndex ?? null));
  const known = (roles: readonly string[]) => roles.filter((r): r is UserRole => USER_ROLES.includes(r as UserRole));
  const actor = { tokenRole: caller.tokenRole, userRoles: caller.userRoles };
  const held =
    caller.userRoles === null ? `the role ${caller.tokenRole}` : `the roles ${caller.userRoles.join(", ") || "none"}`;
  const warnings: DraftWarning[] = [];
  const saveRoles = known(rolesAllowed("Mutation.savePlaybook"));
  if (!flagged.has(null) && !effectiveAllows(saveRoles, actor)) {
    warnings.push({
      code: "ROLE_NOT_ALLOWED",
      message:
        `Saving a playbook needs the ${saveRoles.join(" or ")} role and you have ${held}: ask someone with ` +
        `one of those roles to save this draft.`,
    });
  }
  draft.actions.forEach((action, actionIndex) => {
    if (flagged.has(actionIndex)) return;
    const operation = ACTION_PERMISSIONS[action.kind];
    const allowed = known(rolesAllowed(operation));
    if (effectiveAllows(allowed, actor)) return;
    warnings.push({
      code: "ROLE_NOT_ALLOWED",
      actionIndex,
      message:
        `${action.kind} needs the permission of ${operation} (roles: ${allowed.join(", ") || "none"}) and you ` +
        `have ${held}: a playbook you own could not do it. Drop the action or ask someone with one of those roles.`,
    });
  });
  return warnings;
}

/**
 * Plain-language drafts for one tenant and caller (issue 12): reads the tenant's vocabulary from the graph
 * (one statement, plus the ontology packs it has not parsed yet), runs the offline parser with the caller's
 * roles, asks the LLM provider when one is configured (its proposal validated like savePlaybook validates,
 * the grammar's draft kept on any failure), and completes the draft into a savePlaybook input. Saves and
 * activates nothing.
 */
export class DraftService {
  constructor(
    private readonly repository: DraftDirectoryRepository,
    private readonly packCache: PackCache,
    private readonly caller: DraftCaller,
    private readonly rolesAllowed: RolesAllowed,
    private readonly llm: LlmDraftProvider | null = null,
    private readonly parser: DraftParser = draftPlaybookFromText,
  ) {}

  /** The tenant's vocabulary and ontology packs, as the parser gets them. */
  async context(): Promise<{ directory: DraftDirectory; packs: OntologyPack[] }> {
    const rows = await this.repository.directory();
    const missing = [...new Set(rows.packs.map((p) => p.hash))].filter(
      (hash) => this.packCache.get(hash) === undefined,
    );
    if (missing.length > 0) {
      for (const [hash, content] of await this.repository.packContents(missing)) {
        this.packCache.set(hash, JSON.parse(content) as OntologyPack);
      }
    }
    const packs = rows.packs.flatMap((p) => {
      const pack = this.packCache.get(p.hash);
      return pack === undefined ? [] : [pack];
    });
    return { directory: draftVocabulary(rows, packs), packs };
  }

  async draft(text: string, language: DraftLanguage | null): Promise<DraftResult> {
    const sentence = checkedText(text);
    const lang = language ?? detectLanguage(sentence);
    const { directory, packs } = await this.context();
    const grammar = this.parser(sentence, { directory, packs }, lang, {
      author: { roles: authorRoles(this.caller), userId: this.caller.subject },
      rolesAllowed: this.rolesAllowed,
    });
    let draft = grammar;
    let llm: LlmReport | null = null;
    if (this.llm !== null) {
      const outcome = await this.llm.propose(sentence, lang, directory, packs);
      if (outcome.ok) {
        const p = outcome.proposal;
        draft = {
          ...grammar,
          source: "LLM",
          name: p.name ?? grammar.name,
          trigger: p.trigger,
          conditions: [...p.conditions],
          actions: [...p.actions],
          feedback: p.feedback,
          mode: p.mode,
          unrecognised: p.unrecognised,
          confidence: p.confidence ?? grammar.confidence,
          // The grammar's warnings were about its own reading; the model's draft is checked afresh below.
          warnings: [],
        };
        llm = { model: this.llm.model, outcome: "USED", message: null };
      } else {
        llm = { model: this.llm.model, outcome: "FALLBACK", message: outcome.reason };
      }
    }
    const warnings: ServiceWarning[] = [...draft.warnings];
    warnings.push(...roleWarnings(draft, warnings, this.caller, this.rolesAllowed));
    if (llm?.outcome === "FALLBACK") {
      warnings.push({
        code: "LLM_FALLBACK",
        message: `The LLM provider (${llm.model}) gave no usable draft: ${llm.message}. This is the built-in parser's draft.`,
      });
    }
    const completion = draftPlaybookInput(draft, this.caller.subject);
    if (completion.input === null && draft.trigger !== null && draft.actions.length > 0) {
      warnings.push({
        code: "INCOMPLETE",
        message: `The draft cannot be saved as it stands: ${completion.problems.slice(0, 5).join("; ")}.`,
      });
    }
    if (completion.input !== null && !this.caller.isUser) {
      warnings.push({
        code: "INCOMPLETE",
        message:
          `Your token names no user of the tenant ("${this.caller.subject}"), and a playbook acts for its owner: ` +
          `set playbookInput.ownerUserId to a user before saving.`,
      });
    }
    return {
      draft: { ...draft, warnings: warnings.filter(isDraftWarning) },
      warnings,
      playbookInput: completion.input,
      llm,
    };
  }
}

function isDraftWarning(warning: ServiceWarning): warning is DraftWarning {
  return warning.code !== "LLM_FALLBACK";
}

/** The sentence, trimmed; refused when empty or longer than {@link MAX_DRAFT_TEXT_LENGTH}. */
function checkedText(text: string): string {
  const sentence = text.trim();
  if (sentence === "") {
    throw new DraftError("DRAFT_TEXT_EMPTY", "text is empty: write the sentence the playbook should follow.");
  }
  if (sentence.length > MAX_DRAFT_TEXT_LENGTH) {
    throw new DraftError(
      "DRAFT_TEXT_TOO_LONG",
      `text is ${sentence.length} characters long; a draft is made of at most ${MAX_DRAFT_TEXT_LENGTH}. ` +
        `Say what should happen in a sentence or two, and draft one playbook at a time.`,
    );
  }
  return sentence;
}
