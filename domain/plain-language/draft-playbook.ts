/**
 * `draftPlaybookFromText`: the offline parser's entry point (issue 12). Pure: the caller passes the
 * tenant's vocabulary (`DraftDirectory`) and the ontology packs; nothing here reads the graph.
 */
import { OntologyPack } from "../../ontology/model/ontology.model";
import { DraftDirectory, DraftLanguage, PlaybookDraft } from "./draft";

export interface DraftContext {
  directory: DraftDirectory;
  packs: readonly OntologyPack[];
}

/** Chinese when the sentence is mostly CJK characters, English otherwise. */
export function detectLanguage(text: string): DraftLanguage {
  const cjk = (text.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk > 0 && cjk * 2 >= latin ? "zh" : "en";
}

/**
 * Turns one English or Chinese sentence into a draft playbook. TODO(issue 12): the grammar; until it lands
 * every draft names the whole sentence as not understood.
 */
export function draftPlaybookFromText(text: string, _context: DraftContext, language?: DraftLanguage): PlaybookDraft {
  const lang = language ?? detectLanguage(text);
  return {
    language: lang,
    text,
    source: "GRAMMAR",
    name: text.slice(0, 80),
    intent: text,
    trigger: null,
    conditions: [],
    actions: [],
    feedback: null,
    mode: null,
    matched: [],
    unrecognised: [text],
    confidence: 0,
    warnings: [{ code: "INCOMPLETE", message: "No trigger was recognised in the sentence." }],
  };
}
