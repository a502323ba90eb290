import { loadCorpusContext } from "../../cli/nl";
import { PlaybookCondition } from "../../domain/automation/playbook";
import { PlaybookDraft } from "../../domain/plain-language/draft";
import { draftPlaybookFromText } from "../../domain/plain-language/draft-playbook";

/**
 * Builders and the structural check shared by the grammar tests that pin general rules on sentences of our
 * own (grammar-en-general, zh-general): the expected parts of a draft, written short.
 */
const context = loadCorpusContext();

export const draftIn =
  (lang: "en" | "zh") =>
  (text: string): PlaybookDraft =>
    draftPlaybookFromText(text, context, lang);

const accountField =
  (field: "industry" | "segment" | "region") =>
  (value: string): PlaybookCondition => ({ kind: "ACCOUNT_FIELD", field, op: "EQUALS", values: [value] });
export const industry = accountField("industry");
export const segment = accountField("segment");
export const region = accountField("region");

export const owner = { kind: "ACCOUNT_OWNER" } as const;
export const team = (teamId: string) => ({ kind: "TEAM", teamId }) as const;
export const role = (r: string) => ({ kind: "ROLE", role: r }) as const;
export const user = (userId: string) => ({ kind: "USER", userId }) as const;
export const org = (organizationId: string) => ({ kind: "ORGANIZATION", organizationId }) as const;

const action = (kind: string) => (assignee: object, dueInDays?: number) => ({
  kind,
  assignee,
  ...(dueInDays !== undefined ? { dueInDays } : {}),
});
export const task = action("CREATE_TASK");
export const review = action("OPEN_REVIEW");

export interface DraftCase {
  text: string;
  trigger: Record<string, unknown>;
  conditions: PlaybookCondition[];
  actions: Array<Record<string, unknown>>;
  mode?: "SUGGEST" | "AUTO" | null;
  unrecognised?: string[];
}

/**
 * The draft of `c.text` has its trigger (the fields given), its conditions (in order, or in any order),
 * exactly its actions (the fields given), its mode when one is given, and names exactly what it did not
 * understand.
 */
export function expectDraft(
  draft: (text: string) => PlaybookDraft,
  c: DraftCase,
  conditions: "in order" | "any order",
): void {
  const d = draft(c.text);
  expect(d.trigger).toMatchObject(c.trigger);
  if (conditions === "in order") {
    expect(d.conditions).toEqual(c.conditions);
  } else {
    expect(d.conditions).toEqual(expect.arrayContaining(c.conditions));
    expect(d.conditions).toHaveLength(c.conditions.length);
  }
  expect(d.actions).toHaveLength(c.actions.length);
  expect(d.actions).toMatchObject(c.actions);
  if (c.mode !== undefined) expect(d.mode).toBe(c.mode);
  expect(d.unrecognised).toEqual(c.unrecognised ?? []);
}
