import { PlaybookDefinition, PLAYBOOK_MODES, PlaybookMode } from "../../domain/automation/playbook";
import { parsePlaybook } from "../../domain/automation/validate-playbook";
import { DraftDirectory, DraftLanguage } from "../../domain/plain-language/draft";
import { OntologyPack } from "../../ontology/model/ontology.model";
import { completedInput } from "./draft-playbook-input";
import { draftMessages } from "./llm-prompt";

/** An OpenAI-compatible chat endpoint (RELATA_NL_LLM_*, docs/plain-language.md); off when not configured. */
export interface LlmSettings {
  /** The API's base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1; `/chat/completions` is added. */
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
}

/** The most bytes of an answer read; a draft is a few kilobytes. */
export const MAX_LLM_ANSWER_BYTES = 256 * 1024;

/** A model's proposal that passed the playbook schema (and names only ids the tenant has). */
export interface LlmProposal {
  name: string | null;
  mode: PlaybookMode | null;
  trigger: PlaybookDefinition["trigger"];
  conditions: PlaybookDefinition["conditions"];
  actions: PlaybookDefinition["actions"];
  /** Null when the model stated none (the draft's feedback then stays null, as the grammar's would). */
  feedback: PlaybookDefinition["feedback"] | null;
  unrecognised: string[];
  confidence: number | null;
}

/** A proposal, or why there is none, in words fit for the person reviewing the draft (no stack trace). */
export type LlmOutcome = { ok: true; proposal: LlmProposal } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/** The JSON object in a model's message: bare, or in a ```json fence. */
function jsonOf(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  return JSON.parse((fenced?.[1] ?? content).trim()) as unknown;
}

/** Ids a proposal names that the tenant does not have: a model must not invent users, teams or endpoints. */
function unknownIds(
  definition: PlaybookDefinition,
  directory: DraftDirectory,
  packs: readonly OntologyPack[],
): string[] {
  const users = new Set(directory.users.map((u) => u.id));
  const teams = new Set(directory.teams.flatMap((t) => [t.id]));
  const organizations = new Set(directory.organizations.map((o) => o.id));
  const endpoints = new Set(directory.webhookEndpoints.map((e) => e.id));
  const concepts = new Set(packs.flatMap((p) => p.concepts.map((c) => c.id)));
  const problems: string[] = [];
  const concept = (id: string | null | undefined, path: string) => {
    if (id && concepts.size > 0 && !concepts.has(id)) problems.push(`${path}: no concept "${id}"`);
  };
  const t = definition.trigger;
  if (t.kind === "SIGNAL_COUNT") concept(t.signals.concept, "trigger.signals.concept");
  if (t.kind === "CONCEPT_THRESHOLD" || t.kind === "CONCEPT_TREND") concept(t.concept, "trigger.concept");
  definition.actions.forEach((a, i) => {
    const path = `actions[${i}]`;
    if (a.kind === "CALL_WEBHOOK" && !endpoints.has(a.endpointId)) {
      problems.push(`${path}.endpointId: no webhook endpoint "${a.endpointId}"`);
    }
    if (a.kind !== "CREATE_TASK" && a.kind !== "OPEN_REVIEW") return;
    const who = a.assignee;
    if (who.kind === "USER" && !users.has(who.userId))
      problems.push(`${path}.assignee.userId: no user "${who.userId}"`);
    if (who.kind === "TEAM" && !teams.has(who.teamId))
      problems.push(`${path}.assignee.teamId: no team "${who.teamId}"`);
    if (who.kind === "ORGANIZATION" && who.organizationId && !organizations.has(who.organizationId)) {
      problems.push(`${path}.assignee.organizationId: no organization "${who.organizationId}"`);
    }
  });
  return problems;
}

/** Checks a model's answer (already JSON) against the playbook schema; the proposal or what is wrong. */
export function proposalOf(answer: unknown, directory: DraftDirectory, packs: readonly OntologyPack[]): LlmOutcome {
  if (!isObject(answer)) return { ok: false, reason: "the answer is not a JSON object" };
  const mode = PLAYBOOK_MODES.includes(answer.mode as PlaybookMode) ? (answer.mode as PlaybookMode) : null;
  const name = typeof answer.name === "string" && answer.name.trim() !== "" ? answer.name.trim().slice(0, 200) : null;
  const feedback = answer.feedback ?? null;
  // The same validation savePlaybook runs, on the model's parts completed with the draft defaults: a
  // problem can only be in what the model wrote.
  const parsed = parsePlaybook(
    completedInput(
      {
        name: name ?? "LLM draft",
        intent: "LLM draft",
        mode,
        trigger: answer.trigger,
        conditions: Array.isArray(answer.conditions)
          ? answer.conditions
          : answer.conditions == null
            ? []
            : [answer.conditions],
        actions: Array.isArray(answer.actions) ? answer.actions : [],
        feedback,
      },
      "author",
    ),
  );
  if (parsed.definition === null) {
    const shown = parsed.problems.slice(0, 5).join("; ");
    return { ok: false, reason: `the answer does not fit the playbook schema (${shown})` };
  }
  const unknown = unknownIds(parsed.definition, directory, packs);
  if (unknown.length > 0) {
    return { ok: false, reason: `the answer names what your tenant does not have (${unknown.slice(0, 5).join("; ")})` };
  }
  const confidence = typeof answer.confidence === "number" && answer.confidence >= 0 && answer.confidence <= 1;
  return {
    ok: true,
    proposal: {
      name,
      mode,
      trigger: parsed.definition.trigger,
      conditions: parsed.definition.conditions,
      actions: parsed.definition.actions,
      feedback: feedback === null ? null : parsed.definition.feedback,
      unrecognised: Array.isArray(answer.unrecognised)
        ? answer.unrecognised.filter((u): u is string => typeof u === "string").slice(0, 50)
        : [],
      confidence: confidence ? (answer.confidence as number) : null,
    },
  };
}

/**
 * Asks an OpenAI-compatible chat endpoint (`POST {url}/chat/completions`) for a draft of one sentence, with
 * the playbook schema and the tenant's vocabulary in the system prompt. Never throws: an HTTP error, a
 * timeout, an answer that is not JSON or does not fit the schema come back as a reason.
 */
export class LlmDraftProvider {
  constructor(
    private readonly settings: LlmSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  get model(): string {
    return this.settings.model;
  }

  async propose(
    text: string,
    language: DraftLanguage,
    directory: DraftDirectory,
    packs: readonly OntologyPack[],
  ): Promise<LlmOutcome> {
    const endpoint = `${this.settings.url.replace(/\/+$/, "")}/chat/completions`;
    let body: string;
    try {
      const response = await this.fetchImpl(endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(this.settings.apiKey === null ? {} : { authorization: `Bearer ${this.settings.apiKey}` }),
        },
        body: JSON.stringify({
          model: this.settings.model,
          temperature: 0,
          response_format: { type: "json_object" },
          messages: draftMessages(text, language, directory, packs),
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        redirect: "error",
      });
      body = await response.text();
      if (!response.ok) return { ok: false, reason: `the provider answered HTTP ${response.status}` };
    } catch (error) {
      const name = (error as Error).name;
      if (name === "TimeoutError" || name === "AbortError") {
        return { ok: false, reason: `the provider did not answer within ${this.settings.timeoutMs} ms` };
      }
      const cause = (error as Error & { cause?: { code?: unknown } }).cause?.code;
      return { ok: false, reason: `the provider could not be reached (${typeof cause === "string" ? cause : name})` };
    }
    if (body.length > MAX_LLM_ANSWER_BYTES) return { ok: false, reason: "the provider's answer is too large" };
    let content: unknown;
    try {
      const envelope = JSON.parse(body) as { choices?: Array<{ message?: { content?: unknown } }> };
      content = envelope.choices?.[0]?.message?.content;
    } catch {
      return { ok: false, reason: "the provider's answer is not a chat completion (not JSON)" };
    }
    if (typeof content !== "string") return { ok: false, reason: "the provider's answer has no message content" };
    let answer: unknown;
    try {
      answer = jsonOf(content);
    } catch {
      return { ok: false, reason: "the model's message is not valid JSON" };
    }
    return proposalOf(answer, directory, packs);
  }
}
