/**
 * What a language's grammar (issue 12) makes of one sentence, before it becomes a draft: the recognised
 * parts in the playbook schema, the phrases they came from, the phrases it did not understand, and how much
 * of the sentence it understood. `assemble-draft.ts` turns it into a `PlaybookDraft`; the English grammar
 * (`en/parse-en.ts`) and the Chinese one (`zh/parse-zh.ts`) both return it.
 */
import {
  PlaybookAction,
  PlaybookCondition,
  PlaybookFeedback,
  PlaybookMode,
  PlaybookTrigger,
} from "../automation/playbook";
import { DraftTerm } from "./draft";

/** A reading the grammar had to choose between others for (shown as an AMBIGUOUS warning). */
export interface ParseAmbiguity {
  /** The phrase as written. */
  phrase: string;
  /** What was chosen and what else it could mean, in words. */
  message: string;
  /** Index into `actions` when it concerns one action. */
  actionIndex?: number | null;
}

export interface ParsedSentence {
  /** Null when no trigger was recognised. */
  trigger: PlaybookTrigger | null;
  conditions: PlaybookCondition[];
  actions: PlaybookAction[];
  feedback: PlaybookFeedback | null;
  mode: PlaybookMode | null;
  /** The phrases matched to concepts and graph terms. */
  matched: DraftTerm[];
  /** Phrases not understood, as written in the sentence. */
  unrecognised: string[];
  ambiguities: ParseAmbiguity[];
  /**
   * 0..1: the share of the sentence's meaningful text the grammar understood (function words and
   * punctuation aside). Feeds the draft's confidence.
   */
  coverage: number;
  /** A short name for the playbook when the grammar can suggest one (otherwise the draft derives one). */
  name?: string | null;
}

/** A parse that understood nothing: the whole text is named as not understood. */
export function emptyParse(text: string): ParsedSentence {
  const trimmed = text.trim();
  return {
    trigger: null,
    conditions: [],
    actions: [],
    feedback: null,
    mode: null,
    matched: [],
    unrecognised: trimmed === "" ? [] : [trimmed],
    ambiguities: [],
    coverage: 0,
    name: null,
  };
}
