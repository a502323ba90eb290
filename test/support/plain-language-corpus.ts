/**
 * Shared shape checks of the plain-language corpus files (issue 12): known kinds, concept ids against
 * `ontology/packs/*.pack.yaml`, event types against `CHANGE_TYPES`, ids against `directory.json`, and the
 * completion of an expected draft for `validatePlaybook`. Each corpus file's test adds its own counts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { PLAYBOOK_MODES, TRIGGER_SCOPES } from "../../domain/automation/playbook";
import { CHANGE_TYPES } from "../../domain/events/change-event";
import { ORGANIZATION_KINDS, SIGNAL_SUBJECT_KINDS } from "../../domain/records";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "plain-language");

export type Obj = Record<string, unknown>;

export interface Entry {
  id: string;
  lang: string;
  text: string;
  expected: Obj;
  notes?: string;
}

interface Named {
  id: string;
  names: string[];
}

interface Directory {
  users: Named[];
  teams: Named[];
  roles: Named[];
  organizations: Named[];
  webhookEndpoints: Named[];
  accountFields: Record<"industry" | "segment" | "region", Record<string, string[]>>;
  healthGrades: Record<string, string[]>;
}

const directory = JSON.parse(readFileSync(join(FIXTURES, "directory.json"), "utf8")) as Directory;

const PACKS = join(ROOT, "ontology", "packs");
const conceptIds = new Set(
  readdirSync(PACKS)
    .filter((f) => f.endsWith(".pack.yaml"))
    .flatMap((f) => {
      const pack = parse(readFileSync(join(PACKS, f), "utf8")) as { concepts?: Array<{ id: string }> };
      return (pack.concepts ?? []).map((c) => c.id);
    }),
);

const ids = (list: Named[]) => new Set(list.map((n) => n.id));
const userIds = ids(directory.users);
const teamIds = ids(directory.teams);
const roleIds = ids(directory.roles);
const organizationIds = ids(directory.organizations);
const endpointIds = ids(directory.webhookEndpoints);
const grades = new Set(Object.keys(directory.healthGrades));
const changeTypes = new Set<string>(CHANGE_TYPES);

export const TRIGGER_KINDS = ["EVENT", "SIGNAL_COUNT", "CONCEPT_THRESHOLD", "CONCEPT_TREND", "HEALTH_GRADE_CHANGE"];
export const CONDITION_KINDS = ["ACCOUNT_FIELD", "HEALTH_GRADE", "HEALTH_SCORE", "HAS_ORGANIZATION", "NO_OPEN_TASK"];
export const ACTION_KINDS = ["CREATE_TASK", "OPEN_REVIEW", "RAISE_INTENT_SIGNAL", "FLAG_RECORDS", "CALL_WEBHOOK"];
export const ASSIGNEE_KINDS = ["ACCOUNT_OWNER", "USER", "ROLE", "TEAM", "ORGANIZATION"];
const FEEDBACK_KINDS = ["TASK_COMPLETED", "SIGNAL_OBSERVED", "HEALTH_IMPROVED"];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every problem of one entry, as `id path: problem`. */
export function problemsOf(entry: Entry, options: { ratePerDayOptional?: boolean } = {}): string[] {
  const problems: string[] = [];
  const fail = (path: string, message: string) => problems.push(`${entry.id} ${path}: ${message}`);
  const expect = (ok: boolean, path: string, message: string) => {
    if (!ok) fail(path, message);
  };
  const concept = (value: unknown, path: string) =>
    expect(typeof value === "string" && conceptIds.has(value), path, `${JSON.stringify(value)} is no pack concept`);
  const selector = (s: Obj | undefined, path: string) => {
    if (s === undefined) {
      fail(path, "missing");
      return;
    }
    expect((s.concept === undefined) !== (s.field === undefined), path, "needs a concept or a field");
    if (s.concept !== undefined) concept(s.concept, `${path}.concept`);
    for (const k of (s.subjectKinds as unknown[] | undefined) ?? []) {
      expect((SIGNAL_SUBJECT_KINDS as readonly unknown[]).includes(k), `${path}.subjectKinds`, `unknown ${String(k)}`);
    }
  };
  const gradeList = (value: unknown, path: string) => {
    if (value === undefined) return;
    expect(Array.isArray(value) && value.every((g) => grades.has(g as string)), path, "unknown grade");
  };
  const assignee = (a: Obj | undefined, path: string) => {
    if (a === undefined) return;
    expect(ASSIGNEE_KINDS.includes(a.kind as string), `${path}.kind`, `unknown ${String(a.kind)}`);
    if (a.kind === "USER") expect(userIds.has(a.userId as string), `${path}.userId`, "not in directory");
    if (a.kind === "TEAM") expect(teamIds.has(a.teamId as string), `${path}.teamId`, "not in directory");
    if (a.kind === "ROLE") expect(roleIds.has(a.role as string), `${path}.role`, "not in directory");
    if (a.kind === "ORGANIZATION") {
      if (a.organizationId !== undefined) {
        expect(organizationIds.has(a.organizationId as string), `${path}.organizationId`, "not in directory");
      } else {
        expect(a.servingRegion === true, path, "needs an organizationId or servingRegion");
      }
    }
  };
  const days = (value: unknown, path: string) => {
    if (value === undefined) return;
    expect(typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 365, path, "bad days");
  };

  const x = entry.expected;
  const t = x.trigger as Obj;
  expect(TRIGGER_KINDS.includes(t.kind as string), "trigger.kind", `unknown ${String(t.kind)}`);
  if (t.scope !== undefined) {
    expect((TRIGGER_SCOPES as readonly unknown[]).includes(t.scope), "trigger.scope", "unknown scope");
  }
  switch (t.kind) {
    case "EVENT":
      expect(Array.isArray(t.eventTypes) && t.eventTypes.length > 0, "trigger.eventTypes", "must be a list");
      for (const e of (t.eventTypes as unknown[]) ?? []) {
        expect(changeTypes.has(e as string), "trigger.eventTypes", `${String(e)} is not a CHANGE_TYPE`);
      }
      break;
    case "SIGNAL_COUNT":
      selector(t.signals as Obj, "trigger.signals");
      expect(Number.isInteger(t.count) && (t.count as number) >= 1, "trigger.count", "must be >= 1");
      days(t.withinDays, "trigger.withinDays");
      break;
    case "CONCEPT_THRESHOLD":
      concept(t.concept, "trigger.concept");
      expect(t.op === "BELOW" || t.op === "ABOVE", "trigger.op", "BELOW or ABOVE");
      expect(typeof t.value === "number" && t.value >= 0 && t.value <= 1, "trigger.value", "must be in 0..1");
      break;
    case "CONCEPT_TREND":
      concept(t.concept, "trigger.concept");
      expect(t.direction === "FALLING" || t.direction === "RISING", "trigger.direction", "FALLING or RISING");
      if (t.ratePerDay !== undefined || !options.ratePerDayOptional) {
        expect(typeof t.ratePerDay === "number" && t.ratePerDay > 0, "trigger.ratePerDay", "must be > 0");
      }
      days(t.withinDays, "trigger.withinDays");
      break;
    case "HEALTH_GRADE_CHANGE":
      gradeList(t.to, "trigger.to");
      gradeList(t.from, "trigger.from");
      if (t.direction !== undefined) expect(t.direction === "DOWN" || t.direction === "UP", "trigger.direction", "?");
      break;
  }

  for (const [i, c] of ((x.conditions as Obj[]) ?? []).entries()) {
    const path = `conditions[${i}]`;
    expect(CONDITION_KINDS.includes(c.kind as string), `${path}.kind`, `unknown ${String(c.kind)}`);
    if (c.kind === "ACCOUNT_FIELD" && c.field !== "name") {
      const known = directory.accountFields[c.field as "industry" | "segment" | "region"];
      expect(known !== undefined, `${path}.field`, "unknown account field");
      for (const v of c.values as string[]) expect(known !== undefined && v in known, `${path}.values`, `unknown ${v}`);
      expect(
        c.op === ((c.values as string[]).length === 1 ? "EQUALS" : "IN"),
        `${path}.op`,
        "EQUALS for one, IN for many",
      );
    }
    if (c.kind === "HEALTH_GRADE") gradeList(c.grades, `${path}.grades`);
    if (c.kind === "HEALTH_SCORE") {
      expect(typeof c.value === "number" && c.value >= 0 && c.value <= 100, `${path}.value`, "0..100");
    }
    if (c.kind === "HAS_ORGANIZATION" && c.organizationKind !== undefined) {
      expect((ORGANIZATION_KINDS as readonly unknown[]).includes(c.organizationKind), `${path}.organizationKind`, "?");
    }
    if (c.kind === "NO_OPEN_TASK" && c.template !== undefined) {
      expect(SLUG.test(c.template as string), `${path}.template`, "kebab-case");
    }
  }

  for (const [i, a] of ((x.actions as Obj[]) ?? []).entries()) {
    const path = `actions[${i}]`;
    expect(ACTION_KINDS.includes(a.kind as string), `${path}.kind`, `unknown ${String(a.kind)}`);
    assignee(a.assignee as Obj | undefined, `${path}.assignee`);
    days(a.dueInDays, `${path}.dueInDays`);
    if (a.kind === "CREATE_TASK") expect(a.assignee !== undefined, `${path}.assignee`, "a task needs an assignee");
    if (a.kind === "CALL_WEBHOOK") expect(endpointIds.has(a.endpointId as string), `${path}.endpointId`, "unknown");
    if (a.kind === "FLAG_RECORDS") expect(["ACCOUNT", "ASSET", "BATCH"].includes(a.target as string), path, "target");
    for (const k of ["template", "reviewType", "intent", "flag"]) {
      if (a[k] !== undefined) expect(SLUG.test(a[k] as string), `${path}.${k}`, "kebab-case");
    }
  }

  const f = x.feedback as Obj | undefined;
  if (f !== undefined) {
    expect(FEEDBACK_KINDS.includes(f.kind as string), "feedback.kind", `unknown ${String(f.kind)}`);
    days(f.withinDays, "feedback.withinDays");
    if (f.kind === "SIGNAL_OBSERVED") selector(f.signals as Obj, "feedback.signals");
  }
  if (x.mode !== undefined) expect((PLAYBOOK_MODES as readonly unknown[]).includes(x.mode), "mode", "unknown");
  if (x.unrecognised !== undefined) {
    const u = x.unrecognised as unknown[];
    expect(Array.isArray(u) && u.length > 0 && u.every((p) => typeof p === "string" && p !== ""), "unrecognised", "?");
  }
  for (const key of Object.keys(x)) {
    expect(
      ["trigger", "conditions", "actions", "feedback", "mode", "unrecognised"].includes(key),
      `expected.${key}`,
      "unknown field",
    );
  }
  return problems;
}

/** A corpus file of test/fixtures/plain-language. */
export function loadCorpus(file: string): Entry[] {
  return JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Entry[];
}

/**
 * The expected draft as a whole definition: what the corpus leaves unjudged (titles, windows, deadlines,
 * mode, feedback, limits, owner) filled with the defaults a draft's `playbookInput` would carry.
 */
export function completed(entry: Entry): unknown {
  const x = entry.expected;
  const t = x.trigger as Obj;
  const trigger =
    t.kind === "SIGNAL_COUNT" && t.withinDays === undefined
      ? { ...t, withinDays: 30 }
      : t.kind === "CONCEPT_TREND" && t.ratePerDay === undefined
        ? { ...t, ratePerDay: 1 }
        : t;
  const actions = ((x.actions as Obj[]) ?? []).map((a) =>
    a.kind === "CREATE_TASK" || a.kind === "OPEN_REVIEW"
      ? { title: String(a.template ?? a.reviewType), dueInDays: 7, ...a }
      : a,
  );
  return {
    name: entry.id,
    intent: entry.text,
    mode: x.mode ?? "SUGGEST",
    ownerUserId: "u-li-wei",
    trigger,
    conditions: x.conditions ?? [],
    actions,
    feedback: x.feedback ?? { kind: "TASK_COMPLETED", withinDays: 7 },
    limits: { maxFiringsPerSubject: 1, periodDays: 30, pauseAfterFailures: 3 },
  };
}
