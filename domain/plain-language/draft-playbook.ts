/**
 * `draftPlaybookFromText`: the offline parser's entry point (issue 12). Pure: the caller passes the
 * tenant's vocabulary (`DraftDirectory`) and the ontology packs; nothing here reads the graph. The sentence
 * goes to the English grammar (`en/parse-en.ts`) or the Chinese one (`zh/parse-zh.ts`) by its language;
 * `assemble-draft.ts` makes the draft of what the grammar understood.
 */
import { RolesAllowed } from "../automation/action-permissions";
import { OntologyPack } from "../../ontology/model/ontology.model";
import { assembleDraft, DraftAuthor } from "./assemble-draft";
import { DraftDirectory, DraftLanguage, PlaybookDraft } from "./draft";
import { parseEnglish } from "./en/parse-en";
import { lexiconOf } from "./lexicon";
import { emptyParse, ParsedSentence } from "./parsed-sentence";
import { parseChinese } from "./zh/parse-zh";

export interface DraftContext {
  directory: DraftDirectory;
  packs: readonly OntologyPack[];
  /** The role matrix (the roles that may call an operation), for ROLE_NOT_ALLOWED warnings. */
  rolesAllowed?: RolesAllowed | null;
}

/** Optional: who asks, so the draft can say which of its actions their roles may not have done. */
export interface DraftOptions {
  author?: DraftAuthor | null;
  /** Overrides the context's role matrix. */
  rolesAllowed?: RolesAllowed | null;
}

/** Chinese when the sentence is mostly CJK characters, English otherwise. */
export function detectLanguage(text: string): DraftLanguage {
  const cjk = (text.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk > 0 && cjk * 2 >= latin ? "zh" : "en";
}

/** Turns one English or Chinese sentence into a draft playbook. Never activates anything. */
export function draftPlaybookFromText(
  text: string,
  context: DraftContext,
  language?: DraftLanguage,
  options: DraftOptions = {},
): PlaybookDraft {
  const lang = language ?? detectLanguage(text);
  const lexicon = lexiconOf(context);
  let parsed: ParsedSentence;
  try {
    parsed = lang === "zh" ? parseChinese(text, lexicon) : parseEnglish(text, lexicon);
  } catch (error) {
    // A sentence the grammar trips over still gets a draft: nothing understood, and why.
    parsed = {
      ...emptyParse(text),
      ambiguities: [
        { phrase: text.slice(0, 80), message: `the parser failed on this sentence (${(error as Error).message})` },
      ],
    };
  }
  return assembleDraft(text, lang, parsed, {
    author: options.author ?? null,
    rolesAllowed: options.rolesAllowed ?? context.rolesAllowed ?? null,
  });
}
