/**
 * A playbook draft made from a sentence (issue 12): the recognised parts in the playbook schema of
 * `domain/automation/playbook.ts`, what in the sentence they came from, what was not understood, and how
 * sure the parser is. A draft is never a playbook: saving and activating it takes a person.
 */
import {
  PlaybookAction,
  PlaybookCondition,
  PlaybookFeedback,
  PlaybookMode,
  PlaybookTrigger,
} from "../automation/playbook";

export const DRAFT_LANGUAGES = ["en", "zh"] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

/** Where a draft came from: the offline grammar, or an LLM provider's proposal validated against the schema. */
export type DraftSource = "GRAMMAR" | "LLM";

/** What a phrase of the sentence was matched to. */
export type DraftTermKind =
  | "CONCEPT"
  | "PAGE"
  | "FIELD"
  | "EVENT_TYPE"
  | "ACCOUNT_FIELD_VALUE"
  | "HEALTH_GRADE"
  | "USER"
  | "TEAM"
  | "ROLE"
  | "ACCOUNT_OWNER"
  | "ORGANIZATION"
  | "ORGANIZATION_KIND"
  | "WEBHOOK_ENDPOINT";

/** One phrase of the sentence and the ontology concept or graph term it was matched to. */
export interface DraftTerm {
  /** The phrase as written in the sentence. */
  phrase: string;
  kind: DraftTermKind;
  /** The id it resolved to: a concept id, a user's externalId, a team id, a value such as "HEALTHCARE". */
  id: string;
}

/** Why a draft cannot be saved or activated as it stands (for the person reviewing it). */
export interface DraftWarning {
  code: "ROLE_NOT_ALLOWED" | "INCOMPLETE" | "AMBIGUOUS" | "UNRECOGNISED";
  message: string;
  /** Index into `actions` when the warning is about one action. */
  actionIndex?: number | null;
}

export interface PlaybookDraft {
  language: DraftLanguage;
  text: string;
  source: DraftSource;
  /** A suggested name and intent (free text, from the sentence). */
  name: string;
  intent: string;
  /** Null when no trigger was recognised (the draft then carries an INCOMPLETE warning). */
  trigger: PlaybookTrigger | null;
  conditions: PlaybookCondition[];
  actions: PlaybookAction[];
  /** Null when the sentence states no success criterion. */
  feedback: PlaybookFeedback | null;
  /** Null when the sentence neither asks to confirm first nor says "automatically". */
  mode: PlaybookMode | null;
  matched: DraftTerm[];
  /** Phrases the parser did not understand, named rather than guessed. */
  unrecognised: string[];
  /** 0..1: how much of the sentence was understood and how unambiguous the matches were. */
  confidence: number;
  warnings: DraftWarning[];
}

/**
 * The graph vocabulary a parser resolves names against: the tenant's users, teams, roles, partner
 * organizations, webhook endpoints, account field values and health grades, each with the names people
 * call them by. The shape of `test/fixtures/plain-language/directory.json`; in production built from the
 * tenant's graph.
 */
export interface DraftDirectory {
  users: readonly { id: string; names: readonly string[] }[];
  teams: readonly { id: string; names: readonly string[] }[];
  roles: readonly { id: string; names: readonly string[] }[];
  accountOwner: { names: readonly string[] };
  organizations: readonly { id: string; kind: string; names: readonly string[] }[];
  organizationKinds: Readonly<Record<string, readonly string[]>>;
  webhookEndpoints: readonly { id: string; names: readonly string[] }[];
  accountFields: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  healthGrades: Readonly<Record<string, readonly string[]>>;
}
