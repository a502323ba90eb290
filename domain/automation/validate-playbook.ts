import { CHANGE_TYPES, ChangeType } from "../events/change-event";
import { NETWORK_RELATIONSHIPS, ORGANIZATION_KINDS, SIGNAL_SUBJECT_KINDS } from "../records";
import {
  Assignee,
  PLAYBOOK_MODES,
  PlaybookAction,
  PlaybookCondition,
  PlaybookDefinition,
  PlaybookFeedback,
  PlaybookLimits,
  PlaybookTrigger,
  SignalSelector,
  TRIGGER_SCOPES,
} from "./playbook";

/** Sizes a playbook may have: enough for real playbooks, small enough that one never costs much to evaluate. */
export const PLAYBOOK_LIMITS = {
  nameLength: 200,
  intentLength: 2000,
  idLength: 200,
  textLength: 500,
  noteLength: 1000,
  eventTypes: 20,
  grades: 20,
  values: 50,
  conditions: 20,
  actions: 10,
  maxCount: 1000,
  maxDays: 365,
  maxSubjects: 10_000,
  maxFiringsPerSubject: 1000,
  maxPauseAfterFailures: 100,
} as const;

/** A definition checked field by field: the definition when it is whole, otherwise every problem with its path. */
export type ParsedPlaybook =
  { definition: PlaybookDefinition; problems: [] } | { definition: null; problems: string[] };

type Obj = Record<string, unknown>;

/** Collects problems as `path: what is wrong, got what` while reading an untyped input. */
class Reader {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  object(value: unknown, path: string): Obj | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Obj;
    this.fail(path, `must be an object, got ${show(value)}`);
    return null;
  }

  /** Fields of `value` other than `allowed` (absent and null ones are ignored: GraphQL inputs send nulls). */
  onlyFields(value: Obj, allowed: readonly string[], path: string, what: string): void {
    for (const [key, field] of Object.entries(value)) {
      if (field === null || field === undefined || allowed.includes(key)) continue;
      this.fail(`${path}.${key}`, `is not a field of ${what}; it takes ${allowed.join(", ")}`);
    }
  }

  text(value: unknown, path: string, max: number): string | null {
    if (typeof value !== "string" || value.trim() === "") {
      this.fail(path, `must be a non-empty string of at most ${max} characters, got ${show(value)}`);
      return null;
    }
    if (value.length > max) {
      this.fail(path, `must be at most ${max} characters, got ${value.length}`);
      return null;
    }
    return value;
  }

  optionalText(value: unknown, path: string, max: number): string | null {
    return value === null || value === undefined ? null : this.text(value, path, max);
  }

  whole(value: unknown, path: string, min: number, max: number): number | null {
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `must be a whole number ${min}-${max}, got ${show(value)}`);
      return null;
    }
    return value;
  }

  number(value: unknown, path: string, min: number, max: number, exclusiveMin = false): number | null {
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      value > max ||
      (exclusiveMin ? value <= min : value < min)
    ) {
      this.fail(
        path,
        `must be a number ${exclusiveMin ? "above" : "from"} ${min} ${exclusiveMin ? "up to" : "to"} ${max}, got ${show(value)}`,
      );
      return null;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | null {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(path, `must be one of ${allowed.join(", ")}, got ${show(value)}`);
    return null;
  }

  optionalOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | null {
    return value === null || value === undefined ? null : this.oneOf(value, allowed, path);
  }

  list(value: unknown, path: string, min: number, max: number): unknown[] | null {
    if (!Array.isArray(value)) {
      this.fail(path, `must be a list of ${min}-${max} items, got ${show(value)}`);
      return null;
    }
    if (value.length < min || value.length > max) {
      this.fail(path, `must hold ${min}-${max} items, got ${value.length}`);
      return null;
    }
    return value;
  }

  /** A list of distinct non-empty strings. */
  texts(value: unknown, path: string, min: number, max: number, length: number): string[] | null {
    const items = this.list(value, path, min, max);
    if (items === null) return null;
    const out = items.map((item, i) => this.text(item, `${path}[${i}]`, length));
    if (out.some((item) => item === null)) return null;
    const seen = new Set<string>();
    for (const [i, item] of (out as string[]).entries()) {
      if (seen.has(item)) this.fail(`${path}[${i}]`, `repeats "${item}"`);
      seen.add(item);
    }
    return out as string[];
  }

  optionalBoolean(value: unknown, path: string): boolean | null {
    if (value === null || value === undefined) return null;
    if (typeof value === "boolean") return value;
    this.fail(path, `must be true or false, got ${show(value)}`);
    return null;
  }
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  return String(value);
}

const TRIGGER_KINDS = ["EVENT", "SIGNAL_COUNT", "CONCEPT_THRESHOLD", "CONCEPT_TREND", "HEALTH_GRADE_CHANGE"] as const;
const CONDITION_KINDS = ["ACCOUNT_FIELD", "HEALTH_GRADE", "HEALTH_SCORE", "HAS_ORGANIZATION", "NO_OPEN_TASK"] as const;
const ACTION_KINDS = ["CREATE_TASK", "OPEN_REVIEW", "RAISE_INTENT_SIGNAL", "FLAG_RECORDS", "CALL_WEBHOOK"] as const;
const ASSIGNEE_KINDS = ["ACCOUNT_OWNER", "USER", "ROLE", "TEAM", "ORGANIZATION"] as const;
const FEEDBACK_KINDS = ["TASK_COMPLETED", "SIGNAL_OBSERVED", "HEALTH_IMPROVED"] as const;
const L = PLAYBOOK_LIMITS;

function selector(r: Reader, value: unknown, path: string): SignalSelector | null {
  const o = r.object(value, path);
  if (o === null) return null;
  r.onlyFields(o, ["concept", "field", "valueEquals", "subjectKinds"], path, "a signal selector");
  const concept = r.optionalText(o.concept, `${path}.concept`, L.idLength);
  const field = r.optionalText(o.field, `${path}.field`, L.idLength);
  if ((o.concept ?? null) === null && (o.field ?? null) === null) {
    r.fail(path, "needs a concept (preferred: it covers every source system) or a raw field");
  }
  if ((o.concept ?? null) !== null && (o.field ?? null) !== null) {
    r.fail(path, "takes a concept or a field, not both");
  }
  const valueEquals = r.optionalText(o.valueEquals, `${path}.valueEquals`, L.textLength);
  let subjectKinds: SignalSelector["subjectKinds"] = [];
  if (o.subjectKinds !== null && o.subjectKinds !== undefined) {
    const kinds = r.list(o.subjectKinds, `${path}.subjectKinds`, 0, SIGNAL_SUBJECT_KINDS.length);
    subjectKinds = (kinds ?? []).map((k, i) => r.oneOf(k, SIGNAL_SUBJECT_KINDS, `${path}.subjectKinds[${i}]`)!);
  }
  return { concept, field, valueEquals, subjectKinds };
}

function trigger(r: Reader, value: unknown): PlaybookTrigger | null {
  const path = "trigger";
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, TRIGGER_KINDS, `${path}.kind`);
  switch (kind) {
    case "EVENT": {
      r.onlyFields(o, ["kind", "eventTypes"], path, "an EVENT trigger");
      const types = r.texts(o.eventTypes, `${path}.eventTypes`, 1, L.eventTypes, 100);
      const eventTypes = (types ?? []).map((t, i) => r.oneOf(t, CHANGE_TYPES, `${path}.eventTypes[${i}]`));
      return { kind, eventTypes: eventTypes as ChangeType[] };
    }
    case "SIGNAL_COUNT":
      r.onlyFields(o, ["kind", "signals", "count", "withinDays", "scope"], path, "a SIGNAL_COUNT trigger");
      return {
        kind,
        signals: selector(r, o.signals, `${path}.signals`)!,
        count: r.whole(o.count, `${path}.count`, 1, L.maxCount)!,
        withinDays: r.whole(o.withinDays, `${path}.withinDays`, 1, L.maxDays)!,
        scope: r.oneOf(o.scope ?? "ACCOUNT", TRIGGER_SCOPES, `${path}.scope`)!,
      };
    case "CONCEPT_THRESHOLD":
      r.onlyFields(o, ["kind", "concept", "op", "value", "scope"], path, "a CONCEPT_THRESHOLD trigger");
      return {
        kind,
        concept: r.text(o.concept, `${path}.concept`, L.idLength)!,
        op: r.oneOf(o.op, ["BELOW", "ABOVE"] as const, `${path}.op`)!,
        value: r.number(o.value, `${path}.value`, 0, 1)!,
        scope: r.oneOf(o.scope ?? "ACCOUNT", TRIGGER_SCOPES, `${path}.scope`)!,
      };
    case "CONCEPT_TREND":
      r.onlyFields(
        o,
        ["kind", "concept", "direction", "ratePerDay", "withinDays", "scope", "minSubjects"],
        path,
        "a CONCEPT_TREND trigger",
      );
      return {
        kind,
        concept: r.text(o.concept, `${path}.concept`, L.idLength)!,
        direction: r.oneOf(o.direction, ["FALLING", "RISING"] as const, `${path}.direction`)!,
        ratePerDay: r.number(o.ratePerDay, `${path}.ratePerDay`, 0, 1e9, true)!,
        withinDays: r.whole(o.withinDays, `${path}.withinDays`, 1, L.maxDays)!,
        scope: r.oneOf(o.scope ?? "ACCOUNT", TRIGGER_SCOPES, `${path}.scope`)!,
        minSubjects:
          o.minSubjects === null || o.minSubjects === undefined
            ? null
            : r.whole(o.minSubjects, `${path}.minSubjects`, 1, L.maxSubjects),
      };
    case "HEALTH_GRADE_CHANGE": {
      r.onlyFields(o, ["kind", "to", "from", "direction"], path, "a HEALTH_GRADE_CHANGE trigger");
      const out: PlaybookTrigger & { kind: "HEALTH_GRADE_CHANGE" } = { kind };
      if (o.to !== null && o.to !== undefined) out.to = r.texts(o.to, `${path}.to`, 1, L.grades, 50) ?? [];
      if (o.from !== null && o.from !== undefined) out.from = r.texts(o.from, `${path}.from`, 1, L.grades, 50) ?? [];
      out.direction = r.optionalOneOf(o.direction, ["DOWN", "UP"] as const, `${path}.direction`);
      return out;
    }
    default:
      return null;
  }
}

function condition(r: Reader, value: unknown, path: string): PlaybookCondition | null {
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, CONDITION_KINDS, `${path}.kind`);
  switch (kind) {
    case "ACCOUNT_FIELD": {
      r.onlyFields(o, ["kind", "field", "op", "values"], path, "an ACCOUNT_FIELD condition");
      const op = r.oneOf(o.op, ["EQUALS", "IN", "CONTAINS"] as const, `${path}.op`);
      const values = r.texts(o.values, `${path}.values`, 1, L.values, L.idLength);
      if (op !== "IN" && values !== null && values.length !== 1) {
        r.fail(`${path}.values`, `${op} compares with exactly 1 value, got ${values.length}; use IN for several`);
      }
      return {
        kind,
        field: r.oneOf(o.field, ["industry", "segment", "region", "name"] as const, `${path}.field`)!,
        op: op!,
        values: values ?? [],
      };
    }
    case "HEALTH_GRADE":
      r.onlyFields(o, ["kind", "grades"], path, "a HEALTH_GRADE condition");
      return { kind, grades: r.texts(o.grades, `${path}.grades`, 1, L.grades, 50) ?? [] };
    case "HEALTH_SCORE":
      r.onlyFields(o, ["kind", "op", "value"], path, "a HEALTH_SCORE condition");
      return {
        kind,
        op: r.oneOf(o.op, ["BELOW", "ABOVE"] as const, `${path}.op`)!,
        value: r.number(o.value, `${path}.value`, 0, 100)!,
      };
    case "HAS_ORGANIZATION": {
      r.onlyFields(
        o,
        ["kind", "relationship", "organizationKind", "servingRegion"],
        path,
        "a HAS_ORGANIZATION condition",
      );
      return {
        kind,
        relationship: r.optionalOneOf(o.relationship, NETWORK_RELATIONSHIPS, `${path}.relationship`),
        organizationKind: r.optionalOneOf(o.organizationKind, ORGANIZATION_KINDS, `${path}.organizationKind`),
        servingRegion: r.optionalBoolean(o.servingRegion, `${path}.servingRegion`) ?? false,
      };
    }
    case "NO_OPEN_TASK":
      r.onlyFields(o, ["kind", "template"], path, "a NO_OPEN_TASK condition");
      return { kind, template: r.optionalText(o.template, `${path}.template`, L.idLength) };
    default:
      return null;
  }
}

function assignee(r: Reader, value: unknown, path: string): Assignee | null {
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, ASSIGNEE_KINDS, `${path}.kind`);
  switch (kind) {
    case "ACCOUNT_OWNER":
      r.onlyFields(o, ["kind"], path, "an ACCOUNT_OWNER assignee");
      return { kind };
    case "USER":
      r.onlyFields(o, ["kind", "userId"], path, "a USER assignee");
      return { kind, userId: r.text(o.userId, `${path}.userId`, L.idLength)! };
    case "ROLE":
      r.onlyFields(o, ["kind", "role"], path, "a ROLE assignee");
      return { kind, role: r.text(o.role, `${path}.role`, 100)! };
    case "TEAM":
      r.onlyFields(o, ["kind", "teamId"], path, "a TEAM assignee");
      return { kind, teamId: r.text(o.teamId, `${path}.teamId`, L.idLength)! };
    case "ORGANIZATION": {
      r.onlyFields(o, ["kind", "organizationId", "servingRegion", "relationship"], path, "an ORGANIZATION assignee");
      const organizationId = r.optionalText(o.organizationId, `${path}.organizationId`, L.idLength);
      const servingRegion = r.optionalBoolean(o.servingRegion, `${path}.servingRegion`) ?? false;
      if ((o.organizationId ?? null) === null && !servingRegion) {
        r.fail(
          path,
          "needs an organizationId, or servingRegion: true for the organization serving the firing's region",
        );
      }
      return {
        kind,
        organizationId,
        servingRegion,
        relationship: r.optionalOneOf(o.relationship, NETWORK_RELATIONSHIPS, `${path}.relationship`),
      };
    }
    default:
      return null;
  }
}

function action(r: Reader, value: unknown, path: string): PlaybookAction | null {
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, ACTION_KINDS, `${path}.kind`);
  switch (kind) {
    case "CREATE_TASK":
      r.onlyFields(o, ["kind", "template", "title", "assignee", "dueInDays"], path, "a CREATE_TASK action");
      return {
        kind,
        template: r.text(o.template, `${path}.template`, L.idLength)!,
        title: r.text(o.title, `${path}.title`, L.textLength)!,
        assignee: assignee(r, o.assignee, `${path}.assignee`)!,
        dueInDays: r.whole(o.dueInDays, `${path}.dueInDays`, 0, L.maxDays)!,
      };
    case "OPEN_REVIEW":
      r.onlyFields(o, ["kind", "reviewType", "title", "assignee", "dueInDays"], path, "an OPEN_REVIEW action");
      return {
        kind,
        reviewType: r.text(o.reviewType, `${path}.reviewType`, 100)!,
        title: r.text(o.title, `${path}.title`, L.textLength)!,
        assignee: assignee(r, o.assignee, `${path}.assignee`)!,
        dueInDays: r.whole(o.dueInDays, `${path}.dueInDays`, 0, L.maxDays)!,
      };
    case "RAISE_INTENT_SIGNAL":
      r.onlyFields(o, ["kind", "intent", "strength"], path, "a RAISE_INTENT_SIGNAL action");
      return {
        kind,
        intent: r.text(o.intent, `${path}.intent`, L.idLength)!,
        strength:
          o.strength === null || o.strength === undefined ? null : r.number(o.strength, `${path}.strength`, 0, 1),
      };
    case "FLAG_RECORDS":
      r.onlyFields(o, ["kind", "target", "flag", "note"], path, "a FLAG_RECORDS action");
      return {
        kind,
        target: r.oneOf(o.target, ["ACCOUNT", "ASSET", "BATCH"] as const, `${path}.target`)!,
        flag: r.text(o.flag, `${path}.flag`, 100)!,
        note: r.optionalText(o.note, `${path}.note`, L.noteLength),
      };
    case "CALL_WEBHOOK":
      r.onlyFields(o, ["kind", "endpointId"], path, "a CALL_WEBHOOK action");
      return { kind, endpointId: r.text(o.endpointId, `${path}.endpointId`, L.idLength)! };
    default:
      return null;
  }
}

function feedback(r: Reader, value: unknown): PlaybookFeedback | null {
  const path = "feedback";
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, FEEDBACK_KINDS, `${path}.kind`);
  const withinDays = () => r.whole(o.withinDays, `${path}.withinDays`, 1, L.maxDays)!;
  switch (kind) {
    case "TASK_COMPLETED":
      r.onlyFields(o, ["kind", "withinDays", "template"], path, "TASK_COMPLETED feedback");
      return { kind, withinDays: withinDays(), template: r.optionalText(o.template, `${path}.template`, L.idLength) };
    case "SIGNAL_OBSERVED":
      r.onlyFields(o, ["kind", "withinDays", "signals"], path, "SIGNAL_OBSERVED feedback");
      return { kind, withinDays: withinDays(), signals: selector(r, o.signals, `${path}.signals`)! };
    case "HEALTH_IMPROVED":
      r.onlyFields(o, ["kind", "withinDays"], path, "HEALTH_IMPROVED feedback");
      return { kind, withinDays: withinDays() };
    default:
      return null;
  }
}

function limits(r: Reader, value: unknown): PlaybookLimits | null {
  const path = "limits";
  const o = r.object(value, path);
  if (o === null) return null;
  r.onlyFields(o, ["maxFiringsPerSubject", "periodDays", "pauseAfterFailures"], path, "limits");
  return {
    maxFiringsPerSubject: r.whole(o.maxFiringsPerSubject, `${path}.maxFiringsPerSubject`, 1, L.maxFiringsPerSubject)!,
    periodDays: r.whole(o.periodDays, `${path}.periodDays`, 1, L.maxDays)!,
    pauseAfterFailures: r.whole(o.pauseAfterFailures, `${path}.pauseAfterFailures`, 1, L.maxPauseAfterFailures)!,
  };
}

/** Checks rules that tie parts of a definition together. */
function crossChecks(r: Reader, definition: PlaybookDefinition): void {
  const t = definition.trigger;
  const regional = "scope" in t && t.scope === "REGION";
  definition.actions.forEach((a, i) => {
    if (a.kind === "FLAG_RECORDS" && a.target !== "ACCOUNT" && !regional && t.kind !== "CONCEPT_TREND") {
      r.fail(
        `actions[${i}].target`,
        `${a.target} records are known only to firings about assets: use a REGION-scoped or CONCEPT_TREND trigger, or target ACCOUNT`,
      );
    }
  });
}

/**
 * Reads a playbook definition from untyped input (a GraphQL input tree or JSON), checking every field:
 * known kinds, ranges, list sizes, string lengths, event types. Every problem names its path, e.g.
 * `trigger.count: must be a whole number 1-1000, got 0`.
 */
export function parsePlaybook(input: unknown): ParsedPlaybook {
  const r = new Reader();
  const o = r.object(input, "definition");
  if (o === null) return { definition: null, problems: r.problems };
  r.onlyFields(
    o,
    ["name", "intent", "mode", "ownerUserId", "trigger", "conditions", "actions", "feedback", "limits"],
    "definition",
    "a playbook definition",
  );
  const name = r.text(o.name, "name", L.nameLength);
  const intent = r.text(o.intent, "intent", L.intentLength);
  const mode = r.oneOf(o.mode, PLAYBOOK_MODES, "mode");
  const ownerUserId = r.text(o.ownerUserId, "ownerUserId", L.idLength);
  const parsedTrigger = trigger(r, o.trigger);
  const conditions = (r.list(o.conditions ?? [], "conditions", 0, L.conditions) ?? []).map((c, i) =>
    condition(r, c, `conditions[${i}]`),
  );
  const actions = (r.list(o.actions, "actions", 1, L.actions) ?? []).map((a, i) => action(r, a, `actions[${i}]`));
  const parsedFeedback = feedback(r, o.feedback);
  const parsedLimits = limits(r, o.limits);
  if (r.problems.length > 0) return { definition: null, problems: r.problems };
  const definition: PlaybookDefinition = {
    name: name!,
    intent: intent!,
    mode: mode!,
    ownerUserId: ownerUserId!,
    trigger: parsedTrigger!,
    conditions: conditions as PlaybookCondition[],
    actions: actions as PlaybookAction[],
    feedback: parsedFeedback!,
    limits: parsedLimits!,
  };
  crossChecks(r, definition);
  if (r.problems.length > 0) return { definition: null, problems: r.problems };
  // Optional fields left out are stored absent, not null: one definition, one serialisation.
  return { definition: withoutNulls(definition), problems: [] };
}

function withoutNulls<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v))) as T;
}

/** Every problem of a playbook definition, with its path; empty when it can be saved. */
export function validatePlaybook(input: unknown): string[] {
  return parsePlaybook(input).problems;
}

/**
 * Reads one action of the playbook action schema on its own (an MPU's automation step, issue 16): the same
 * checks as in a playbook, with problems named under `path`.
 */
export function parsePlaybookAction(
  input: unknown,
  path: string,
): { action: PlaybookAction; problems: [] } | { action: null; problems: string[] } {
  const r = new Reader();
  const parsed = action(r, input, path);
  if (r.problems.length > 0 || parsed === null) return { action: null, problems: r.problems };
  return { action: withoutNulls(parsed), problems: [] };
}
