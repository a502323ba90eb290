/**
 * The shape of the plain-language corpus (issue 12): both halves, checked against the playbook schema, the
 * ontology packs, the change event types and the graph vocabulary the corpus assumes. It checks the corpus
 * only; it never runs a parser, so reading the held-out half here leaks nothing into one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import {
  Assignee,
  PLAYBOOK_MODES,
  PlaybookAction,
  PlaybookCondition,
  PlaybookFeedback,
  PlaybookTrigger,
  SignalSelector,
  TRIGGER_SCOPES,
} from "../../../domain/automation/playbook";
import { CHANGE_TYPES } from "../../../domain/events/change-event";
import { NETWORK_RELATIONSHIPS, ORGANIZATION_KINDS, SIGNAL_SUBJECT_KINDS } from "../../../domain/records";

const ROOT = join(__dirname, "..", "..", "..");
const FIXTURES = join(ROOT, "test", "fixtures", "plain-language");

type Obj = Record<string, unknown>;

interface Entry {
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
  organizations: Array<Named & { kind: string }>;
  webhookEndpoints: Named[];
  accountFields: Record<"industry" | "segment" | "region", Record<string, string[]>>;
  healthGrades: Record<string, string[]>;
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as T;
}

const halves = {
  "held-out": { prefix: "ho-", entries: load<Entry[]>("held-out.json") },
  development: { prefix: "dev-", entries: load<Entry[]>("development.json") },
};
const all = [...halves["held-out"].entries, ...halves.development.entries];
const directory = load<Directory>("directory.json");

const PACKS = join(ROOT, "ontology", "packs");
const conceptIds = new Set(
  readdirSync(PACKS)
    .filter((f) => f.endsWith(".pack.yaml"))
    .flatMap((f) => {
      const pack = parse(readFileSync(join(PACKS, f), "utf8")) as { concepts?: Array<{ id: string }> };
      return (pack.concepts ?? []).map((c) => c.id);
    }),
);

/**
 * The fields each kind may have: typed against the playbook schema, so a field renamed or removed there
 * fails to compile here, and a kind added there must be listed.
 */
type FieldsOf<U extends { kind: string }> = { [K in U["kind"]]: ReadonlyArray<keyof Extract<U, { kind: K }>> };

const TRIGGER_FIELDS: FieldsOf<PlaybookTrigger> = {
  EVENT: ["kind", "eventTypes"],
  SIGNAL_COUNT: ["kind", "signals", "count", "withinDays", "scope"],
  CONCEPT_THRESHOLD: ["kind", "concept", "op", "value", "scope"],
  CONCEPT_TREND: ["kind", "concept", "direction", "ratePerDay", "withinDays", "scope", "minSubjects"],
  HEALTH_GRADE_CHANGE: ["kind", "to", "from", "direction"],
};
const CONDITION_FIELDS: FieldsOf<PlaybookCondition> = {
  ACCOUNT_FIELD: ["kind", "field", "op", "values"],
  HEALTH_GRADE: ["kind", "grades"],
  HEALTH_SCORE: ["kind", "op", "value"],
  HAS_ORGANIZATION: ["kind", "relationship", "organizationKind", "servingRegion"],
  NO_OPEN_TASK: ["kind", "template"],
};
const ACTION_FIELDS: FieldsOf<PlaybookAction> = {
  CREATE_TASK: ["kind", "template", "title", "assignee", "dueInDays"],
  OPEN_REVIEW: ["kind", "reviewType", "title", "assignee", "dueInDays"],
  RAISE_INTENT_SIGNAL: ["kind", "intent", "strength"],
  FLAG_RECORDS: ["kind", "target", "flag", "note"],
  CALL_WEBHOOK: ["kind", "endpointId"],
};
const ASSIGNEE_FIELDS: FieldsOf<Assignee> = {
  ACCOUNT_OWNER: ["kind"],
  USER: ["kind", "userId"],
  ROLE: ["kind", "role"],
  TEAM: ["kind", "teamId"],
  ORGANIZATION: ["kind", "organizationId", "servingRegion", "relationship"],
};
const FEEDBACK_FIELDS: FieldsOf<PlaybookFeedback> = {
  TASK_COMPLETED: ["kind", "withinDays", "template"],
  SIGNAL_OBSERVED: ["kind", "signals", "withinDays"],
  HEALTH_IMPROVED: ["kind", "withinDays"],
};
const SELECTOR_FIELDS: ReadonlyArray<keyof SignalSelector> = ["concept", "field", "valueEquals", "subjectKinds"];
const EXPECTED_FIELDS = ["trigger", "conditions", "actions", "feedback", "mode", "unrecognised"];

const ids = (list: Named[]) => new Set(list.map((n) => n.id));
const userIds = ids(directory.users);
const teamIds = ids(directory.teams);
const roleIds = ids(directory.roles);
const organizationIds = ids(directory.organizations);
const endpointIds = ids(directory.webhookEndpoints);
const grades = new Set(Object.keys(directory.healthGrades));

/** Collects `path: problem` for one entry. */
class Checker {
  readonly problems: string[] = [];

  constructor(private readonly id: string) {}

  fail(path: string, message: string): void {
    this.problems.push(`${this.id} ${path}: ${message}`);
  }

  object(value: unknown, path: string): Obj | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Obj;
    this.fail(path, "must be an object");
    return null;
  }

  /** The object's kind, when it is one of `fields`' kinds, after checking it has no other fields. */
  kind<K extends string>(value: Obj, fields: Record<K, ReadonlyArray<PropertyKey>>, path: string): K | null {
    const kind = value.kind;
    if (typeof kind !== "string" || !(kind in fields)) {
      this.fail(`${path}.kind`, `unknown kind ${JSON.stringify(kind)}; known: ${Object.keys(fields).join(", ")}`);
      return null;
    }
    this.only(value, fields[kind as K], path);
    return kind as K;
  }

  only(value: Obj, allowed: ReadonlyArray<PropertyKey>, path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(`${path}.${key}`, `is not a field here; allowed: ${allowed.join(", ")}`);
    }
  }

  oneOf(value: unknown, allowed: ReadonlyArray<string> | ReadonlySet<string>, path: string, optional = false): void {
    if (optional && value === undefined) return;
    const ok = typeof value === "string" && new Set<string>(allowed).has(value);
    if (!ok) this.fail(path, `${JSON.stringify(value)} is not one of ${[...allowed].join(", ")}`);
  }

  whole(value: unknown, path: string, min: number, max: number, optional = true): void {
    if (optional && value === undefined) return;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `must be a whole number ${min}-${max}, got ${JSON.stringify(value)}`);
    }
  }

  number(value: unknown, path: string, min: number, max: number, optional = true): void {
    if (optional && value === undefined) return;
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
      this.fail(path, `must be a number ${min}-${max}, got ${JSON.stringify(value)}`);
    }
  }

  text(value: unknown, path: string, optional = true): void {
    if (optional && value === undefined) return;
    if (typeof value !== "string" || value.trim() === "") this.fail(path, "must be a non-empty string");
  }

  slug(value: unknown, path: string): void {
    if (value === undefined) return;
    if (typeof value !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)) {
      this.fail(path, `must be a kebab-case slug, got ${JSON.stringify(value)}`);
    }
  }

  list(value: unknown, path: string, nonEmpty: boolean): unknown[] {
    if (!Array.isArray(value) || (nonEmpty && value.length === 0)) {
      this.fail(path, nonEmpty ? "must be a non-empty list" : "must be a list");
      return [];
    }
    return value;
  }

  concept(value: unknown, path: string): void {
    if (typeof value !== "string" || !conceptIds.has(value)) {
      this.fail(path, `${JSON.stringify(value)} is not a concept of ontology/packs`);
    }
  }
}

function checkSelector(c: Checker, value: unknown, path: string): void {
  const s = c.object(value, path);
  if (s === null) return;
  c.only(s, SELECTOR_FIELDS, path);
  if ((s.concept === undefined) === (s.field === undefined)) c.fail(path, "needs a concept or a field, not both");
  if (s.concept !== undefined) c.concept(s.concept, `${path}.concept`);
  c.text(s.field, `${path}.field`);
  c.text(s.valueEquals, `${path}.valueEquals`);
  if (s.subjectKinds !== undefined) {
    c.list(s.subjectKinds, `${path}.subjectKinds`, true).forEach((k, i) =>
      c.oneOf(k, SIGNAL_SUBJECT_KINDS, `${path}.subjectKinds[${i}]`),
    );
  }
}

function checkGrades(c: Checker, value: unknown, path: string, optional: boolean): void {
  if (optional && value === undefined) return;
  c.list(value, path, true).forEach((g, i) => c.oneOf(g, grades, `${path}[${i}]`));
}

function checkTrigger(c: Checker, value: unknown): void {
  const t = c.object(value, "trigger");
  if (t === null) return;
  const kind = c.kind(t, TRIGGER_FIELDS, "trigger");
  const scope = () => c.oneOf(t.scope, TRIGGER_SCOPES, "trigger.scope");
  switch (kind) {
    case "EVENT":
      c.list(t.eventTypes, "trigger.eventTypes", true).forEach((e, i) =>
        c.oneOf(e, CHANGE_TYPES, `trigger.eventTypes[${i}]`),
      );
      break;
    case "SIGNAL_COUNT":
      checkSelector(c, t.signals, "trigger.signals");
      c.whole(t.count, "trigger.count", 1, 1000, false);
      c.whole(t.withinDays, "trigger.withinDays", 1, 365);
      scope();
      break;
    case "CONCEPT_THRESHOLD":
      c.concept(t.concept, "trigger.concept");
      c.oneOf(t.op, ["BELOW", "ABOVE"], "trigger.op");
      c.number(t.value, "trigger.value", 0, 1, false);
      scope();
      break;
    case "CONCEPT_TREND":
      c.concept(t.concept, "trigger.concept");
      c.oneOf(t.direction, ["FALLING", "RISING"], "trigger.direction");
      c.number(t.ratePerDay, "trigger.ratePerDay", Number.MIN_VALUE, 1e9, false);
      c.whole(t.withinDays, "trigger.withinDays", 1, 365);
      c.whole(t.minSubjects, "trigger.minSubjects", 1, 10_000);
      scope();
      if (t.minSubjects !== undefined && t.scope !== "REGION") c.fail("trigger.minSubjects", "needs REGION scope");
      break;
    case "HEALTH_GRADE_CHANGE":
      checkGrades(c, t.to, "trigger.to", true);
      checkGrades(c, t.from, "trigger.from", true);
      c.oneOf(t.direction, ["DOWN", "UP"], "trigger.direction", true);
      break;
    case null:
      break;
  }
}

function checkCondition(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  if (o === null) return;
  switch (c.kind(o, CONDITION_FIELDS, path)) {
    case "ACCOUNT_FIELD": {
      c.oneOf(o.field, ["industry", "segment", "region", "name"], `${path}.field`);
      c.oneOf(o.op, ["EQUALS", "IN", "CONTAINS"], `${path}.op`);
      const values = c.list(o.values, `${path}.values`, true);
      if (o.op !== "IN" && values.length !== 1) c.fail(`${path}.values`, `${String(o.op)} takes exactly one value`);
      const known = directory.accountFields[o.field as "industry" | "segment" | "region"];
      values.forEach((v, i) =>
        known === undefined
          ? c.text(v, `${path}.values[${i}]`, false)
          : c.oneOf(v, Object.keys(known), `${path}.values[${i}]`),
      );
      break;
    }
    case "HEALTH_GRADE":
      checkGrades(c, o.grades, `${path}.grades`, false);
      break;
    case "HEALTH_SCORE":
      c.oneOf(o.op, ["BELOW", "ABOVE"], `${path}.op`);
      c.number(o.value, `${path}.value`, 0, 100, false);
      break;
    case "HAS_ORGANIZATION":
      c.oneOf(o.relationship, NETWORK_RELATIONSHIPS, `${path}.relationship`, true);
      c.oneOf(o.organizationKind, ORGANIZATION_KINDS, `${path}.organizationKind`, true);
      if (o.servingRegion !== undefined && typeof o.servingRegion !== "boolean") {
        c.fail(`${path}.servingRegion`, "must be true or false");
      }
      break;
    case "NO_OPEN_TASK":
      c.slug(o.template, `${path}.template`);
      break;
    case null:
      break;
  }
}

function checkAssignee(c: Checker, value: unknown, path: string): void {
  if (value === undefined) return;
  const a = c.object(value, path);
  if (a === null) return;
  switch (c.kind(a, ASSIGNEE_FIELDS, path)) {
    case "USER":
      c.oneOf(a.userId, userIds, `${path}.userId`);
      break;
    case "ROLE":
      c.oneOf(a.role, roleIds, `${path}.role`);
      break;
    case "TEAM":
      c.oneOf(a.teamId, teamIds, `${path}.teamId`);
      break;
    case "ORGANIZATION":
      c.oneOf(a.organizationId, organizationIds, `${path}.organizationId`, true);
      c.oneOf(a.relationship, NETWORK_RELATIONSHIPS, `${path}.relationship`, true);
      if (a.servingRegion !== undefined && a.servingRegion !== true)
        c.fail(`${path}.servingRegion`, "is true or absent");
      if (a.organizationId === undefined && a.servingRegion === undefined && a.relationship === undefined) {
        c.fail(path, "names no organization: give organizationId, servingRegion or relationship");
      }
      break;
    case "ACCOUNT_OWNER":
    case null:
      break;
  }
}

function checkAction(c: Checker, value: unknown, path: string): void {
  const a = c.object(value, path);
  if (a === null) return;
  switch (c.kind(a, ACTION_FIELDS, path)) {
    case "CREATE_TASK":
      c.slug(a.template, `${path}.template`);
      checkAssignee(c, a.assignee, `${path}.assignee`);
      c.whole(a.dueInDays, `${path}.dueInDays`, 0, 365);
      break;
    case "OPEN_REVIEW":
      c.slug(a.reviewType, `${path}.reviewType`);
      checkAssignee(c, a.assignee, `${path}.assignee`);
      c.whole(a.dueInDays, `${path}.dueInDays`, 0, 365);
      break;
    case "RAISE_INTENT_SIGNAL":
      c.slug(a.intent, `${path}.intent`);
      c.number(a.strength, `${path}.strength`, 0, 1);
      break;
    case "FLAG_RECORDS":
      c.oneOf(a.target, ["ACCOUNT", "ASSET", "BATCH"], `${path}.target`);
      c.slug(a.flag, `${path}.flag`);
      break;
    case "CALL_WEBHOOK":
      c.oneOf(a.endpointId, endpointIds, `${path}.endpointId`);
      break;
    case null:
      break;
  }
  if ("title" in a) c.fail(`${path}.title`, "titles are free text and never part of an expected draft");
}

function checkFeedback(c: Checker, value: unknown): void {
  if (value === undefined) return;
  const f = c.object(value, "feedback");
  if (f === null) return;
  const kind = c.kind(f, FEEDBACK_FIELDS, "feedback");
  c.whole(f.withinDays, "feedback.withinDays", 1, 365, false);
  if (kind === "SIGNAL_OBSERVED") checkSelector(c, f.signals, "feedback.signals");
  if (kind === "TASK_COMPLETED") c.slug(f.template, "feedback.template");
}

/** Every problem of one entry, as `id path: problem`. */
function entryProblems(entry: Entry): string[] {
  const c = new Checker(entry.id);
  c.only(entry as unknown as Obj, ["id", "lang", "text", "expected", "notes"], "entry");
  c.oneOf(entry.lang, ["en", "zh"], "lang");
  c.text(entry.text, "text", false);
  c.text(entry.notes, "notes");
  const cjk = /[\u4e00-\u9fff]/.test(entry.text);
  if (entry.lang === "zh" && !cjk) c.fail("text", "a Chinese entry without Chinese characters");
  if (entry.lang === "en" && cjk) c.fail("text", "an English entry with Chinese characters");
  const e = c.object(entry.expected, "expected");
  if (e === null) return c.problems;
  c.only(e, EXPECTED_FIELDS, "expected");
  checkTrigger(c, e.trigger);
  c.list(e.conditions, "conditions", false).forEach((x, i) => checkCondition(c, x, `conditions[${i}]`));
  c.list(e.actions, "actions", true).forEach((x, i) => checkAction(c, x, `actions[${i}]`));
  checkFeedback(c, e.feedback);
  c.oneOf(e.mode, PLAYBOOK_MODES, "mode", true);
  if (e.unrecognised !== undefined) {
    c.list(e.unrecognised, "unrecognised", true).forEach((phrase, i) => {
      if (typeof phrase !== "string" || !entry.text.includes(phrase)) {
        c.fail(`unrecognised[${i}]`, "must be a phrase of the sentence, word for word");
      }
    });
  }
  return c.problems;
}

describe("the plain-language corpus (issue 12)", () => {
  it("has 60 entries, 30 in each half", () => {
    expect(all).toHaveLength(60);
    expect(halves["held-out"].entries).toHaveLength(30);
    expect(halves.development.entries).toHaveLength(30);
  });

  it.each(Object.entries(halves))("has as many Chinese as English sentences in the %s half", (_name, half) => {
    expect(half.entries.filter((e) => e.lang === "zh")).toHaveLength(15);
    expect(half.entries.filter((e) => e.lang === "en")).toHaveLength(15);
  });

  it.each(Object.entries(halves))("numbers the %s half's ids with its own prefix", (_name, half) => {
    const pattern = new RegExp(`^${half.prefix}\\d{2}$`);
    expect(half.entries.map((e) => e.id).filter((id) => !pattern.test(id))).toEqual([]);
  });

  it("uses every id once", () => {
    const seen = all.map((e) => e.id);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("has no sentence in both halves", () => {
    const heldOut = new Set(halves["held-out"].entries.map((e) => e.text.trim()));
    expect(halves.development.entries.filter((e) => heldOut.has(e.text.trim())).map((e) => e.id)).toEqual([]);
  });

  it("expects drafts in the playbook schema, with real concepts, event types and graph names", () => {
    expect(all.flatMap(entryProblems)).toEqual([]);
  });

  it("would report a made-up concept, event type, kind, assignee and phrase", () => {
    const bad: Entry = {
      id: "x-01",
      lang: "en",
      text: "a sentence",
      expected: {
        trigger: { kind: "CONCEPT_TREND", concept: "core:happiness", direction: "DOWN", ratePerDay: 1 },
        conditions: [{ kind: "ACCOUNT_FIELD", field: "industry", op: "EQUALS", values: ["Hospitals"] }],
        actions: [
          { kind: "SEND_EMAIL" },
          { kind: "CREATE_TASK", title: "t", assignee: { kind: "USER", userId: "u-nobody" } },
          { kind: "CALL_WEBHOOK", endpointId: "wh-nowhere" },
        ],
        feedback: { kind: "SIGNAL_OBSERVED", withinDays: 7, signals: { concept: "core:nps", field: "nps" } },
        unrecognised: ["not in the sentence"],
        mode: "MANUAL",
      },
    };
    const eventBad: Entry = {
      ...bad,
      id: "x-02",
      expected: { ...bad.expected, trigger: { kind: "EVENT", eventTypes: ["DEAL_WON"] } },
    };
    const paths = [...entryProblems(bad), ...entryProblems(eventBad)].map((p) => p.split(":")[0]);
    expect(paths).toEqual([
      "x-01 trigger.concept",
      "x-01 trigger.direction",
      "x-01 trigger.scope",
      "x-01 conditions[0].values[0]",
      "x-01 actions[0].kind",
      "x-01 actions[1].assignee.userId",
      "x-01 actions[1].title",
      "x-01 actions[2].endpointId",
      "x-01 feedback.signals",
      "x-01 mode",
      "x-01 unrecognised[0]",
      "x-02 trigger.eventTypes[0]",
      "x-02 conditions[0].values[0]",
      "x-02 actions[0].kind",
      "x-02 actions[1].assignee.userId",
      "x-02 actions[1].title",
      "x-02 actions[2].endpointId",
      "x-02 feedback.signals",
      "x-02 mode",
      "x-02 unrecognised[0]",
    ]);
  });

  it("covers every trigger and action kind in each half", () => {
    for (const half of Object.values(halves)) {
      const triggers = new Set(half.entries.map((e) => (e.expected.trigger as Obj).kind));
      const actions = new Set(half.entries.flatMap((e) => (e.expected.actions as Obj[]).map((a) => a.kind)));
      expect([...triggers].sort()).toEqual(Object.keys(TRIGGER_FIELDS).sort());
      expect([...actions].sort()).toEqual(Object.keys(ACTION_FIELDS).sort());
    }
  });
});
