import { PlaybookDefinition, SignalSelector } from "../automation/playbook";

/** Where in a playbook a concept, field or the health score is read. */
export type PlaybookReadPlace = "trigger" | "conditions" | "feedback";

/** One concept or raw field a playbook definition reads, and where. */
export interface PlaybookRead {
  place: PlaybookReadPlace;
  concept: string | null;
  field: string | null;
}

function fromSelector(selector: SignalSelector, place: PlaybookReadPlace): PlaybookRead[] {
  const reads: PlaybookRead[] = [];
  if (selector.concept) reads.push({ place, concept: selector.concept, field: null });
  if (selector.field) reads.push({ place, concept: null, field: selector.field });
  return reads;
}

/**
 * The concepts and raw source fields a playbook's trigger and feedback read. Conditions read account fields,
 * grades and organizations, not concepts; a trigger or condition on health grades reads health as a whole
 * and is not listed here.
 */
export function playbookReads(definition: PlaybookDefinition): PlaybookRead[] {
  const reads: PlaybookRead[] = [];
  const trigger = definition.trigger;
  switch (trigger.kind) {
    case "SIGNAL_COUNT":
      reads.push(...fromSelector(trigger.signals, "trigger"));
      break;
    case "CONCEPT_THRESHOLD":
    case "CONCEPT_TREND":
      reads.push({ place: "trigger", concept: trigger.concept, field: null });
      break;
    case "EVENT":
    case "HEALTH_GRADE_CHANGE":
      break;
  }
  if (definition.feedback.kind === "SIGNAL_OBSERVED")
    reads.push(...fromSelector(definition.feedback.signals, "feedback"));
  return reads;
}

/**
 * Whether a playbook reads the field `field` (raw, by name) or any of `concepts`; the matching reads.
 * A raw field selector names a field in any source system, so it matches the field of every system.
 */
export function playbookReadsOf(
  definition: PlaybookDefinition,
  concepts: ReadonlySet<string>,
  field: string | null,
): PlaybookRead[] {
  return playbookReads(definition).filter(
    (read) => (read.concept !== null && concepts.has(read.concept)) || (field !== null && read.field === field),
  );
}

/**
 * Where a playbook reads the account's health as a whole (the default model's grade or score): a grade-change
 * trigger or an EVENT trigger on health events, grade or score conditions, a health-improved feedback. Such a
 * playbook depends on every concept the default model rolls up.
 */
export function playbookHealthReads(definition: PlaybookDefinition): PlaybookReadPlace[] {
  const places: PlaybookReadPlace[] = [];
  const trigger = definition.trigger;
  if (
    trigger.kind === "HEALTH_GRADE_CHANGE" ||
    (trigger.kind === "EVENT" && trigger.eventTypes.some((type) => type.startsWith("HEALTH_")))
  ) {
    places.push("trigger");
  }
  if (definition.conditions.some((c) => c.kind === "HEALTH_GRADE" || c.kind === "HEALTH_SCORE"))
    places.push("conditions");
  if (definition.feedback.kind === "HEALTH_IMPROVED") places.push("feedback");
  return places;
}
