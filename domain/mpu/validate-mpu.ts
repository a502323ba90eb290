import { parsePlaybookAction } from "../automation/validate-playbook";
import { Assignee } from "../automation/playbook";
import { BUYING_ROLES, OPPORTUNITY_STAGES, OpportunityStage } from "../records";
import {
  CircuitBreaker,
  MPU_LIMITS as L,
  MpuAction,
  MpuDefinition,
  SITUATION_TAG_KINDS,
  SituationTag,
  VerificationPoint,
} from "./mpu";

type Obj = Record<string, unknown>;

export type ParsedMpu = { definition: MpuDefinition; problems: [] } | { definition: null; problems: string[] };

function show(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === "object" ? "an object" : String(value);
}

/** Collects `path: what is wrong, got what` while reading untyped input (a GraphQL input tree or JSON). */
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

  onlyFields(value: Obj, allowed: readonly string[], path: string, what: string): void {
    for (const [key, field] of Object.entries(value)) {
      if (field === null || field === undefined || allowed.includes(key)) continue;
      this.fail(`${path}.${key}`, `is not a field of ${what}; it takes ${allowed.join(", ")}`);
    }
  }

  text(value: unknown, path: string, max: number): string {
    if (typeof value !== "string" || value.trim() === "") {
      this.fail(path, `must be a non-empty text of at most ${max} characters, got ${show(value)}`);
      return "";
    }
    if (value.trim().length > max) {
      this.fail(path, `must be at most ${max} characters, got ${value.trim().length}`);
      return "";
    }
    return value.trim();
  }

  optionalText(value: unknown, path: string, max: number): string | null {
    return value === null || value === undefined ? null : this.text(value, path, max);
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(path, `must be one of ${allowed.join(", ")}, got ${show(value)}`);
    return allowed[0]!;
  }

  list(value: unknown, path: string, min: number, max: number): unknown[] {
    if (value === null || value === undefined) value = [];
    if (!Array.isArray(value)) {
      this.fail(path, `must be a list of ${min}-${max} items, got ${show(value)}`);
      return [];
    }
    if (value.length < min || value.length > max) {
      this.fail(path, `must hold ${min}-${max} items, got ${value.length}`);
      return [];
    }
    return value;
  }

  hours(value: unknown, path: string): number {
    if (typeof value !== "number" || !Number.isFinite(value) || value < L.minHours || value > L.maxHours) {
      this.fail(
        path,
        `must be a number of hours from ${L.minHours.toFixed(4)} (one minute) to ${L.maxHours}, got ${show(value)}`,
      );
      return 1;
    }
    return value;
  }
}

/** Situation values are compared without case; DEAL_STAGE and BUYER_ROLE take the graph's enum values. */
function tag(r: Reader, value: unknown, path: string): SituationTag {
  const o = r.object(value, path) ?? {};
  r.onlyFields(o, ["kind", "value", "required"], path, "a situation tag");
  const kind = r.oneOf(o.kind, SITUATION_TAG_KINDS, `${path}.kind`);
  let text = r.text(o.value, `${path}.value`, L.tagValueLength);
  if (kind === "DEAL_STAGE") text = r.oneOf(text.toUpperCase(), OPPORTUNITY_STAGES, `${path}.value`);
  if (kind === "BUYER_ROLE") text = r.oneOf(text.toUpperCase(), BUYING_ROLES, `${path}.value`);
  if (o.required !== undefined && o.required !== null && typeof o.required !== "boolean") {
    r.fail(`${path}.required`, `must be true or false, got ${show(o.required)}`);
  }
  return { kind, value: text, required: o.required === true };
}

function link(r: Reader, value: unknown, path: string): string {
  const text = r.text(value, path, L.linkLength);
  if (text !== "" && !/^https?:\/\/\S+$/i.test(text)) {
    r.fail(path, `must be an http(s) link to the attachment, got ${show(text)}`);
  }
  return text;
}

function mpuAction(r: Reader, value: unknown, path: string): MpuAction | null {
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, ["MANUAL", "AUTOMATION"] as const, `${path}.kind`);
  const title = r.text(o.title, `${path}.title`, L.actionTitleLength);
  if (kind === "MANUAL") {
    r.onlyFields(o, ["kind", "title", "notes", "links"], path, "a MANUAL step");
    return {
      kind,
      title,
      notes: r.optionalText(o.notes, `${path}.notes`, L.notesLength),
      links: r.list(o.links, `${path}.links`, 0, L.links).map((l, i) => link(r, l, `${path}.links[${i}]`)),
    };
  }
  r.onlyFields(o, ["kind", "title", "action"], path, "an AUTOMATION step");
  const parsed = parsePlaybookAction(o.action, `${path}.action`);
  for (const problem of parsed.problems) r.problems.push(problem);
  return parsed.action === null ? null : { kind, title, action: parsed.action };
}

function verification(r: Reader, value: unknown, path: string): VerificationPoint | null {
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, ["SIGNAL", "STAGE_REACHED", "TASK_OUTCOME"] as const, `${path}.kind`);
  const withinHours = r.hours(o.withinHours, `${path}.withinHours`);
  switch (kind) {
    case "SIGNAL":
      r.onlyFields(o, ["kind", "field", "withinHours"], path, "a SIGNAL checkpoint");
      return { kind, field: r.text(o.field, `${path}.field`, L.fieldLength), withinHours };
    case "STAGE_REACHED":
      r.onlyFields(o, ["kind", "stage", "withinHours"], path, "a STAGE_REACHED checkpoint");
      return { kind, stage: r.oneOf(o.stage, OPPORTUNITY_STAGES, `${path}.stage`), withinHours };
    case "TASK_OUTCOME":
      r.onlyFields(o, ["kind", "template", "verdict", "withinHours"], path, "a TASK_OUTCOME checkpoint");
      return {
        kind,
        template: r.text(o.template, `${path}.template`, L.fieldLength),
        verdict: r.optionalText(o.verdict, `${path}.verdict`, L.fieldLength),
        withinHours,
      };
  }
}

const ASSIGNEE_KINDS = ["ACCOUNT_OWNER", "USER", "ROLE", "TEAM"] as const;

function assignee(r: Reader, value: unknown, path: string): Assignee {
  const o = r.object(value, path) ?? {};
  const kind = r.oneOf(o.kind, ASSIGNEE_KINDS, `${path}.kind`);
  switch (kind) {
    case "ACCOUNT_OWNER":
      r.onlyFields(o, ["kind"], path, "an ACCOUNT_OWNER assignee");
      return { kind };
    case "USER":
      r.onlyFields(o, ["kind", "userId"], path, "a USER assignee");
      return { kind, userId: r.text(o.userId, `${path}.userId`, L.fieldLength) };
    case "ROLE":
      r.onlyFields(o, ["kind", "role"], path, "a ROLE assignee");
      return { kind, role: r.text(o.role, `${path}.role`, 100) };
    case "TEAM":
      r.onlyFields(o, ["kind", "teamId"], path, "a TEAM assignee");
      return { kind, teamId: r.text(o.teamId, `${path}.teamId`, L.fieldLength) };
  }
}

function breaker(r: Reader, value: unknown, path: string): CircuitBreaker | null {
  const o = r.object(value, path);
  if (o === null) return null;
  const kind = r.oneOf(o.kind, ["NO_SIGNAL", "STAGE_REACHED"] as const, `${path}.kind`);
  const title = r.text(o.title, `${path}.title`, L.actionTitleLength);
  const escalateTo = assignee(r, o.escalateTo, `${path}.escalateTo`);
  if (kind === "NO_SIGNAL") {
    r.onlyFields(o, ["kind", "field", "withinHours", "escalateTo", "title"], path, "a NO_SIGNAL breaker");
    return {
      kind,
      field: r.text(o.field, `${path}.field`, L.fieldLength),
      withinHours: r.hours(o.withinHours, `${path}.withinHours`),
      escalateTo,
      title,
    };
  }
  r.onlyFields(o, ["kind", "stage", "escalateTo", "title"], path, "a STAGE_REACHED breaker");
  return { kind, stage: r.oneOf(o.stage, OPPORTUNITY_STAGES, `${path}.stage`) as OpportunityStage, escalateTo, title };
}

/**
 * Reads a unit's definition from untyped input, checking every field (kinds, enum values, sizes, lengths,
 * links, deadlines) and naming every problem with its path, e.g. `verifications[0].withinHours: must be …`.
 */
export function parseMpuDefinition(input: unknown): ParsedMpu {
  const r = new Reader();
  const o = r.object(input, "mpu");
  if (o === null) return { definition: null, problems: r.problems };
  r.onlyFields(o, ["title", "summary", "situation", "actions", "verifications", "breakers"], "mpu", "a unit");
  const title = r.text(o.title, "title", L.titleLength);
  const summary = r.optionalText(o.summary, "summary", L.summaryLength);
  const situation = r.list(o.situation, "situation", 1, L.tags).map((t, i) => tag(r, t, `situation[${i}]`));
  const seen = new Set<string>();
  situation.forEach((t, i) => {
    const key = `${t.kind}:${t.value.toLowerCase()}`;
    if (seen.has(key)) r.fail(`situation[${i}]`, `repeats ${t.kind} "${t.value}"`);
    seen.add(key);
  });
  const actions = r.list(o.actions, "actions", 1, L.actions).map((a, i) => mpuAction(r, a, `actions[${i}]`));
  const verifications = r
    .list(o.verifications, "verifications", 1, L.verifications)
    .map((v, i) => verification(r, v, `verifications[${i}]`));
  const breakers = r.list(o.breakers, "breakers", 0, L.breakers).map((b, i) => breaker(r, b, `breakers[${i}]`));
  if (r.problems.length > 0) return { definition: null, problems: r.problems };
  const definition: MpuDefinition = {
    title,
    summary,
    situation,
    actions: actions as MpuAction[],
    verifications: verifications as VerificationPoint[],
    breakers: breakers as CircuitBreaker[],
  };
  return { definition, problems: [] };
}
