import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { RelataApiError, RelataClient } from "./relata-client";

/** The name and version the MCP server announces. */
export const MCP_SERVER_INFO = { name: "relata", version: "0.1.0" } as const;

/** The most accounts find_accounts returns at once. */
export const MAX_FIND_ACCOUNTS = 50;
/** The most tasks list_tasks returns at once. */
export const MAX_LIST_TASKS = 50;
/** The most contacts customer_360 lists. */
export const MAX_360_CONTACTS = 50;
/** The most explanation lines customer_360 summarises. */
export const MAX_360_EXPLANATION = 12;
/** The longest sentence draft_playbook sends (the API's own limit for draftPlaybookFromText). */
export const MAX_DRAFT_TEXT = 1000;
/** The largest playbook definition save_playbook_draft sends, as JSON characters. */
export const MAX_DEFINITION_JSON = 20_000;

const id = z.string().trim().min(1).max(300);
const cursor = z.string().min(1).max(1000);
const filterValues = z.array(z.string().trim().min(1).max(100)).min(1).max(20);

const FIND_ACCOUNTS = `query McpFindAccounts($filter: AccountFilter, $first: Int, $after: String) {
  accounts(filter: $filter, first: $first, after: $after) {
    edges { node { id name industry region segment annualRevenue owner { externalId name }
      health { score grade lowConfidence } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CUSTOMER_360 = `query McpCustomer360($id: ID!, $contacts: Int!) {
  account(id: $id) {
    id name externalId sourceSystem industry region segment annualRevenue lastUpdatedAt
    owner { externalId name email }
    contacts(first: $contacts) { edges { node { id name title email buyingRole } } pageInfo { hasNextPage } }
    tasks(status: OPEN) { id title kind template dueAt assignee { kind id role } }
    health {
      score grade confidence lowConfidence stored asOf modelId modelVersion
      drivers(top: 5) { conceptId direction impact contribution value }
      explanation { id parentId depth conceptId kind contribution value }
    }
  }
}`;

const MY_TASKS = `query McpMyTasks($status: TaskStatus, $first: Int, $after: String) {
  myTasks(status: $status, first: $first, after: $after) {
    items { id title kind status template dueAt createdAt accountIds assignee { kind id role }
      completedAt completedBy verdict }
    pageInfo { hasNextPage endCursor }
  }
}`;

const COMPLETE_TASK = `mutation McpCompleteTask($id: ID!, $note: String, $verdict: String) {
  completeTask(id: $id, note: $note, verdict: $verdict) {
    id title status completedAt completedBy verdict note
  }
}`;

const DRAFT_PLAYBOOK = `query McpDraftPlaybook($text: String!, $language: DraftLanguage) {
  draftPlaybookFromText(text: $text, language: $language) {
    language source name intent trigger conditions actions feedback mode
    matched { phrase kind id } unrecognised confidence
    warnings { code message actionIndex }
    playbookInput
    llm { model outcome message }
  }
}`;

const SAVE_PLAYBOOK = `mutation McpSavePlaybookDraft($definition: PlaybookInput!) {
  savePlaybook(definition: $definition) { id name status currentVersion ownerUserId createdAt }
}`;

interface DraftAnswer {
  draftPlaybookFromText: { playbookInput: Record<string, unknown> | null; warnings: unknown[]; [key: string]: unknown };
}

interface ExplanationNode {
  id: string;
  parentId: string | null;
  depth: number;
  conceptId: string;
  kind: string;
  contribution: number;
  value: number | null;
}

interface Account360 {
  account: {
    contacts: { edges: Array<{ node: unknown }>; pageInfo: { hasNextPage: boolean } };
    health: { explanation: ExplanationNode[]; [key: string]: unknown } | null;
    [key: string]: unknown;
  } | null;
}

function ok(value: unknown): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value) }] };
}

function failed(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

/** Runs a tool's body: its value as compact JSON, or the API's message as a tool error (never a stack trace). */
async function answer(run: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof RelataApiError) return failed(error.message);
    return failed(`The Relata MCP server could not carry out the call: ${(error as Error).message}`);
  }
}

/** The top of a score's explanation: the concepts nearest the score, by the points they contribute. */
export function explanationSummary(nodes: readonly ExplanationNode[], limit = MAX_360_EXPLANATION) {
  return nodes
    .filter((n) => n.depth <= 1)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, limit)
    .map((n) => ({
      conceptId: n.conceptId,
      kind: n.kind,
      depth: n.depth,
      contribution: n.contribution,
      value: n.value,
    }));
}

/**
 * The Relata MCP server (issue 12, decision 0022): tools for AI agents that call the Relata API with the
 * agent's token. It never touches Neo4j; the API's roles, role cap, limits and audit trail apply to every call.
 */
export function createRelataMcpServer(client: RelataClient): McpServer {
  const server = new McpServer(MCP_SERVER_INFO);

  server.registerTool(
    "find_accounts",
    {
      title: "Find accounts",
      description:
        "Finds accounts of your tenant by name words (prefixes) and industry/region filters; answers id, name, " +
        "industry, region, segment, owner and health score/grade, at most 50 at a time (page with after = endCursor).",
      inputSchema: {
        search: z.string().trim().min(1).max(200).optional().describe("Words the account name must contain"),
        industry: filterValues.optional().describe("Only accounts of these industries (exact values)"),
        region: filterValues.optional().describe("Only accounts of these regions (exact values)"),
        first: z.number().int().min(1).max(MAX_FIND_ACCOUNTS).default(20).describe("How many (1-50)"),
        after: cursor.optional().describe("pageInfo.endCursor of the previous page"),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ search, industry, region, first, after }) =>
      answer(async () => {
        const filter = {
          ...(search === undefined ? {} : { search }),
          ...(industry === undefined ? {} : { industry }),
          ...(region === undefined ? {} : { region }),
        };
        const data = await client.request<{
          accounts: { edges: Array<{ node: unknown }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        }>(FIND_ACCOUNTS, { filter, first, after: after ?? null });
        return {
          accounts: data.accounts.edges.map((e) => e.node),
          hasNextPage: data.accounts.pageInfo.hasNextPage,
          endCursor: data.accounts.pageInfo.endCursor,
        };
      }),
  );

  server.registerTool(
    "customer_360",
    {
      title: "Customer 360",
      description:
        "One account in full: attributes, owner, contacts with buying roles, open tasks, and its health " +
        "(score, grade, confidence, top drivers and a summary of the explanation).",
      inputSchema: { accountId: id.describe("The account's id (from find_accounts)") },
      annotations: { readOnlyHint: true },
    },
    async ({ accountId }) =>
      answer(async () => {
        const data = await client.request<Account360>(CUSTOMER_360, { id: accountId, contacts: MAX_360_CONTACTS });
        const account = data.account;
        if (account === null) {
          throw new RelataApiError(
            `NOT_FOUND: No account with id "${accountId}" in your tenant; find one with find_accounts.`,
          );
        }
        const { contacts, health, ...attributes } = account;
        return {
          ...attributes,
          contacts: contacts.edges.map((e) => e.node),
          moreContacts: contacts.pageInfo.hasNextPage,
          health:
            health === null
              ? null
              : (() => {
                  const { explanation, ...rest } = health;
                  return { ...rest, explanationSummary: explanationSummary(explanation) };
                })(),
        };
      }),
  );

  server.registerTool(
    "list_tasks",
    {
      title: "List my tasks",
      description:
        "Tasks and reviews assigned to the token's user, their teams and roles, newest first; by status " +
        "(OPEN by default), at most 50 at a time.",
      inputSchema: {
        status: z.enum(["OPEN", "DONE", "CANCELLED"]).default("OPEN"),
        first: z.number().int().min(1).max(MAX_LIST_TASKS).default(20),
        after: cursor.optional().describe("pageInfo.endCursor of the previous page"),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ status, first, after }) =>
      answer(async () => {
        const data = await client.request<{
          myTasks: { items: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        }>(MY_TASKS, { status, first, after: after ?? null });
        return {
          tasks: data.myTasks.items,
          hasNextPage: data.myTasks.pageInfo.hasNextPage,
          endCursor: data.myTasks.pageInfo.endCursor,
        };
      }),
  );

  server.registerTool(
    "complete_task",
    {
      title: "Complete a task",
      description:
        "Marks one of your open tasks done, with an optional note and (for reviews) a verdict such as APPROVED. " +
        "Recorded in the audit trail under this agent's name.",
      inputSchema: {
        taskId: id.describe("The task's id (from list_tasks)"),
        note: z.string().max(2000).optional(),
        verdict: z.string().trim().min(1).max(100).optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async ({ taskId, note, verdict }) =>
      answer(async () => {
        const data = await client.request<{ completeTask: unknown }>(COMPLETE_TASK, {
          id: taskId,
          note: note ?? null,
          verdict: verdict ?? null,
        });
        return data.completeTask;
      }),
  );

  server.registerTool(
    "draft_playbook",
    {
      title: "Draft a playbook from a sentence",
      description:
        "Turns an English or Chinese sentence (what should happen, when, for whom) into a draft playbook against " +
        "your tenant's vocabulary: the recognised trigger, conditions and actions, the terms matched, the phrases " +
        "not understood, a confidence, warnings (e.g. ROLE_NOT_ALLOWED, INCOMPLETE) and playbookInput, a " +
        "definition save_playbook_draft accepts (null when incomplete). Saves nothing.",
      inputSchema: {
        text: z.string().trim().min(1).max(MAX_DRAFT_TEXT).describe("The sentence, at most 1,000 characters"),
        language: z.enum(["en", "zh"]).optional().describe("en or zh; detected when left out"),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ text, language }) =>
      answer(async () => {
        const data = await client.request<DraftAnswer>(DRAFT_PLAYBOOK, { text, language: language ?? null });
        return data.draftPlaybookFromText;
      }),
  );

  server.registerTool(
    "save_playbook_draft",
    {
      title: "Save a playbook draft",
      description:
        "Stores a playbook as a DRAFT (it does not run; a person activates it): pass `definition` (a " +
        "draft_playbook answer's playbookInput, reviewed and edited as needed) or `text` (drafted and saved in " +
        "one go when the draft is complete). Needs a role that may save playbooks; the audit trail names this agent.",
      inputSchema: {
        definition: z
          .record(z.string(), z.unknown())
          .optional()
          .describe("A complete playbook definition (draft_playbook's playbookInput)"),
        text: z.string().trim().min(1).max(MAX_DRAFT_TEXT).optional().describe("A sentence to draft and save"),
        language: z.enum(["en", "zh"]).optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async ({ definition, text, language }) =>
      answer(async () => {
        if ((definition === undefined) === (text === undefined)) {
          throw new RelataApiError("BAD_USER_INPUT: Pass either definition or text, not both and not neither.");
        }
        let input: Record<string, unknown>;
        let warnings: unknown[] = [];
        if (definition !== undefined) {
          if (JSON.stringify(definition).length > MAX_DEFINITION_JSON) {
            throw new RelataApiError(
              `BAD_USER_INPUT: definition is larger than ${MAX_DEFINITION_JSON} characters of JSON; a playbook is smaller.`,
            );
          }
          input = definition;
        } else {
          const drafted = (
            await client.request<DraftAnswer>(DRAFT_PLAYBOOK, { text: text!, language: language ?? null })
          ).draftPlaybookFromText;
          if (drafted.playbookInput === null) {
            throw new RelataApiError(
              `INCOMPLETE: The sentence did not give a complete playbook (${JSON.stringify(drafted.warnings)}); ` +
                `call draft_playbook, complete the definition and pass it as definition.`,
            );
          }
          input = drafted.playbookInput;
          warnings = drafted.warnings;
        }
        const data = await client.request<{ savePlaybook: unknown }>(SAVE_PLAYBOOK, { definition: input });
        return { playbook: data.savePlaybook, warnings };
      }),
  );

  return server;
}
