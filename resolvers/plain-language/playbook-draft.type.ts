import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { PlaybookMode } from "../../domain/automation/playbook";
import { DRAFT_LANGUAGES, DraftLanguage, DraftSource, DraftTermKind } from "../../domain/plain-language/draft";
import { DraftResult } from "../../services/plain-language/draft.service";
import { PlaybookModeEnum } from "../automation/playbook.input";
import { enumOf } from "../common/enums";

export const DraftLanguageEnum = enumOf(DRAFT_LANGUAGES);
registerEnumType(DraftLanguageEnum, {
  name: "DraftLanguage",
  description: "The language of a sentence: en (English) or zh (Chinese). Detected when left out.",
});

export const DraftSourceEnum = enumOf(["GRAMMAR", "LLM"] as const);
registerEnumType(DraftSourceEnum, {
  name: "DraftSource",
  valuesConfig: {
    GRAMMAR: { description: "The built-in offline parser's draft." },
    LLM: { description: "The configured LLM provider's proposal, validated against the playbook schema." },
  },
});

@ObjectType("DraftTerm", { description: "A phrase of the sentence and the ontology concept or graph term it matched." })
export class DraftTermView {
  @Field({ description: "The phrase as written in the sentence." })
  phrase!: string;

  @Field(() => String, {
    description:
      "CONCEPT, PAGE, FIELD, EVENT_TYPE, ACCOUNT_FIELD_VALUE, HEALTH_GRADE, USER, TEAM, ROLE, ACCOUNT_OWNER, " +
      "ORGANIZATION, ORGANIZATION_KIND or WEBHOOK_ENDPOINT.",
  })
  kind!: DraftTermKind;

  @Field({
    description: 'What it resolved to: a concept id, a user\'s externalId, a team id, a value such as "HEALTHCARE".',
  })
  id!: string;
}

@ObjectType("DraftWarning", { description: "Why a draft cannot be saved or activated as it stands." })
export class DraftWarningView {
  @Field({
    description:
      "ROLE_NOT_ALLOWED (your roles may not save it, or have an action done), INCOMPLETE (no trigger or action, " +
      "or a part does not validate), AMBIGUOUS, UNRECOGNISED, or LLM_FALLBACK (the LLM provider gave no usable " +
      "draft; the built-in parser's is shown).",
  })
  code!: string;

  @Field()
  message!: string;

  @Field(() => Int, { nullable: true, description: "The action the warning is about (index into actions)." })
  actionIndex!: number | null;
}

@ObjectType("DraftLlmReport", { description: "What became of the LLM provider's proposal." })
export class DraftLlmReportView {
  @Field()
  model!: string;

  @Field({ description: "USED: the draft is the model's validated proposal. FALLBACK: the parser's draft." })
  outcome!: string;

  @Field(() => String, { nullable: true, description: "FALLBACK: what went wrong." })
  message!: string | null;
}

@ObjectType("PlaybookDraft", {
  description:
    "A playbook drafted from a sentence (docs/plain-language.md). Never saved or activated: a person reviews " +
    "it and saves playbookInput with savePlaybook (it starts as DRAFT).",
})
export class PlaybookDraftView {
  @Field(() => DraftLanguageEnum)
  language!: DraftLanguage;

  @Field()
  text!: string;

  @Field(() => DraftSourceEnum)
  source!: DraftSource;

  @Field({ description: "A suggested name, from the sentence." })
  name!: string;

  @Field({ description: "What the playbook is for, in the author's words." })
  intent!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "The trigger (docs/automation.md); null: none recognised." })
  trigger!: unknown;

  @Field(() => GraphQLJSON, { description: "The conditions, a list (docs/automation.md)." })
  conditions!: unknown;

  @Field(() => GraphQLJSON, { description: "The actions, a list (docs/automation.md)." })
  actions!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: "The feedback; null when the sentence states none." })
  feedback!: unknown;

  @Field(() => PlaybookModeEnum, { nullable: true, description: "Null when the sentence does not say." })
  mode!: PlaybookMode | null;

  @Field(() => [DraftTermView])
  matched!: DraftTermView[];

  @Field(() => [String], { description: "Phrases not understood, named rather than guessed." })
  unrecognised!: string[];

  @Field(() => Float, { description: "0..1: how much was understood, how unambiguously." })
  confidence!: number;

  @Field(() => [DraftWarningView])
  warnings!: DraftWarningView[];

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      "A complete definition for savePlaybook(definition:): owner = you, mode SUGGEST unless the sentence " +
      "says otherwise, default feedback and limits. Null when the draft has no trigger or no action.",
  })
  playbookInput!: unknown;

  @Field(() => DraftLlmReportView, { nullable: true, description: "Null when no LLM provider is configured." })
  llm!: DraftLlmReportView | null;
}

export function toPlaybookDraftView(result: DraftResult): PlaybookDraftView {
  const { draft } = result;
  return {
    language: draft.language,
    text: draft.text,
    source: draft.source,
    name: draft.name,
    intent: draft.intent,
    trigger: draft.trigger,
    conditions: draft.conditions,
    actions: draft.actions,
    feedback: draft.feedback,
    mode: draft.mode,
    matched: draft.matched.map((m) => ({ ...m })),
    unrecognised: [...draft.unrecognised],
    confidence: draft.confidence,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, actionIndex: w.actionIndex ?? null })),
    playbookInput: result.playbookInput,
    llm: result.llm,
  };
}
