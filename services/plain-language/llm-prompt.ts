import { DraftDirectory, DraftLanguage } from "../../domain/plain-language/draft";
import { OntologyPack } from "../../ontology/model/ontology.model";
import { CHANGE_TYPES } from "../../domain/events/change-event";

/** The most ontology concepts the prompt lists (ids and labels); a prompt stays a few thousand tokens. */
export const PROMPT_MAX_CONCEPTS = 400;
/** The most entries of each vocabulary list the prompt carries. */
export const PROMPT_MAX_ENTRIES = 200;

// The playbook schema of domain/automation/playbook.ts, as the model is asked to answer it. Kept beside
// the code it describes; validatePlaybook is what decides, this only tells the model what it will check.
const SCHEMA = `Answer with ONE JSON object and nothing else:
{
  "name": string (<= 80 chars, in the sentence's language),
  "mode": "SUGGEST" | "AUTO" | null   (AUTO only when the sentence says automatically; null when it does not say),
  "trigger": Trigger,
  "conditions": Condition[],
  "actions": Action[]  (at least one),
  "feedback": Feedback | null  (null when the sentence states no success criterion),
  "unrecognised": string[]  (phrases of the sentence you could not map; never guess ids),
  "confidence": number 0..1
}
Trigger, one of:
  {"kind":"EVENT","eventTypes":[ChangeType...]}
  {"kind":"SIGNAL_COUNT","signals":Selector,"count":1-1000,"withinDays":1-365,"scope":"ACCOUNT"|"REGION"}
  {"kind":"CONCEPT_THRESHOLD","concept":conceptId,"op":"BELOW"|"ABOVE","value":0..1,"scope":"ACCOUNT"|"REGION"}
  {"kind":"CONCEPT_TREND","concept":conceptId,"direction":"FALLING"|"RISING","ratePerDay":>0,"withinDays":1-365,"scope":"ACCOUNT"|"REGION","minSubjects":int|null}
  {"kind":"HEALTH_GRADE_CHANGE","to":[grade...],"from":[grade...],"direction":"DOWN"|"UP"|null}
Selector: {"concept":conceptId|null,"field":rawField|null,"valueEquals":string|null,"subjectKinds":["ACCOUNT"|"CONTACT"|"ASSET"...]}
Condition, one of:
  {"kind":"ACCOUNT_FIELD","field":"industry"|"segment"|"region"|"name","op":"EQUALS"|"IN"|"CONTAINS","values":[string...]}
  {"kind":"HEALTH_GRADE","grades":[grade...]}
  {"kind":"HEALTH_SCORE","op":"BELOW"|"ABOVE","value":0-100}
  {"kind":"HAS_ORGANIZATION","relationship":"PARTNER_OF"|"SUPPLIES"|"SERVICES"|"RESELLS_TO"|null,"organizationKind":"PARTNER"|"SUPPLIER"|"SERVICE_PROVIDER"|"RESELLER"|null,"servingRegion":boolean}
  {"kind":"NO_OPEN_TASK","template":string|null}
Action, one of:
  {"kind":"CREATE_TASK","template":kebab-case,"title":string,"assignee":Assignee,"dueInDays":0-365}
  {"kind":"OPEN_REVIEW","reviewType":kebab-case,"title":string,"assignee":Assignee,"dueInDays":0-365}
  {"kind":"RAISE_INTENT_SIGNAL","intent":kebab-case,"strength":0..1|null}
  {"kind":"FLAG_RECORDS","target":"ACCOUNT"|"ASSET"|"BATCH","flag":kebab-case,"note":string|null}
  {"kind":"CALL_WEBHOOK","endpointId":endpointId}
Assignee, one of: {"kind":"ACCOUNT_OWNER"} {"kind":"USER","userId":userId} {"kind":"ROLE","role":role}
  {"kind":"TEAM","teamId":teamId} {"kind":"ORGANIZATION","organizationId":orgId|null,"servingRegion":boolean,"relationship":string|null}
Feedback, one of: {"kind":"TASK_COMPLETED","withinDays":1-365,"template":string|null}
  {"kind":"SIGNAL_OBSERVED","signals":Selector,"withinDays":1-365} {"kind":"HEALTH_IMPROVED","withinDays":1-365}
Use ONLY ids listed below for users, teams, roles, organizations, endpoints, concepts, grades and field values.`;

const list = <T>(items: readonly T[]): T[] => items.slice(0, PROMPT_MAX_ENTRIES);

/** The tenant's vocabulary and the ontology's concepts, compact, for the system prompt. */
function vocabulary(directory: DraftDirectory, packs: readonly OntologyPack[]): string {
  const concepts = packs
    .flatMap((p) => p.concepts)
    .slice(0, PROMPT_MAX_CONCEPTS)
    .map((c) => [c.id, ...Object.values(c.prefLabel)].join(" | "));
  const entries = (items: readonly { id: string; names: readonly string[] }[]) =>
    list(items).map((i) => `${i.id}: ${i.names.join(", ")}`);
  const values = (byValue: Readonly<Record<string, readonly string[]>>) =>
    list(Object.entries(byValue)).map(([value, names]) => `${value}: ${names.join(", ")}`);
  return JSON.stringify({
    users: entries(directory.users),
    teams: entries(directory.teams),
    roles: entries(directory.roles),
    accountOwner: directory.accountOwner.names,
    organizations: list(directory.organizations).map((o) => `${o.id} (${o.kind}): ${o.names.join(", ")}`),
    webhookEndpoints: entries(directory.webhookEndpoints),
    accountFields: Object.fromEntries(Object.entries(directory.accountFields).map(([f, v]) => [f, values(v)])),
    healthGrades: values(directory.healthGrades),
    changeTypes: CHANGE_TYPES,
    concepts,
  });
}

/** The chat messages asking an OpenAI-compatible model for a playbook draft of one sentence. */
export function draftMessages(
  text: string,
  language: DraftLanguage,
  directory: DraftDirectory,
  packs: readonly OntologyPack[],
): Array<{ role: "system" | "user"; content: string }> {
  return [
    {
      role: "system",
      content:
        "You turn one sentence (English or Chinese) into a draft automation playbook of Relata, a customer " +
        "knowledge graph. A person reviews every draft before it is saved; never invent ids.\n" +
        `${SCHEMA}\nThe tenant's vocabulary (id: names): ${vocabulary(directory, packs)}`,
    },
    { role: "user", content: `Language: ${language}\nSentence: ${text}` },
  ];
}
