import { OPPORTUNITY_STAGES, OpportunityStage } from "../records";
import { MPU_LIMITS, MpuAction, MpuDefinition, SituationTag, VerificationPoint } from "./mpu";
import { AccountSituation } from "./situation-match";

/** One thing that happened on the deal in the capture window. */
export type TimelineItem =
  | { kind: "SIGNAL"; at: string; field: string; value: string | null }
  | { kind: "TASK"; at: string; title: string; template: string; verdict: string | null }
  | { kind: "STAGE"; at: string; from: string | null; to: string };

export interface CaptureInput {
  /** Where it happened, as a label for the proposed title (an account or opportunity name). */
  label: string;
  from: string;
  to: string;
  /** The situation now (industry, segment, buyer roles, grade); the deal stage is taken from the timeline. */
  situation: AccountSituation;
  /** The opportunity's stage at the end of the window; null when no opportunity was named. */
  stageAtEnd: string | null;
  timeline: readonly TimelineItem[];
}

export type CaptureResult = { definition: MpuDefinition; advanced: boolean };

const HOUR_MS = 3_600_000;

function stepOf(item: TimelineItem): MpuAction {
  switch (item.kind) {
    case "SIGNAL":
      return {
        kind: "MANUAL",
        title: `Observed ${item.field}${item.value === null ? "" : ` = ${item.value}`}`.slice(
          0,
          MPU_LIMITS.actionTitleLength,
        ),
        notes: `Captured from a signal at ${item.at}. Describe what you did that led to it.`,
        links: [],
      };
    case "TASK":
      return {
        kind: "MANUAL",
        title: item.title.slice(0, MPU_LIMITS.actionTitleLength),
        notes: `Captured from task ${item.template} completed at ${item.at}${item.verdict === null ? "" : ` (${item.verdict})`}.`,
        links: [],
      };
    case "STAGE":
      return {
        kind: "MANUAL",
        title: `Move the deal ${item.from === null ? "" : `from ${item.from} `}to ${item.to}`,
        notes: `Captured from a stage change at ${item.at}.`,
        links: [],
      };
  }
}

const stageIndex = (stage: string | null) =>
  stage === null ? -1 : (OPPORTUNITY_STAGES as readonly string[]).indexOf(stage);

/**
 * Proposes a draft unit from what happened on a deal: the situation at the start (industry and segment as
 * required tags, the deal stage when the window opened, the buyer roles present, the health grade), the
 * activities in time order as manual steps (at most the step limit: the latest are kept, they led to the
 * outcome), and the outcome as the verification point (the stage reached, within the window's length).
 * `advanced` says whether the deal moved forward (a later stage, or won) in the window.
 */
export function proposeDraft(input: CaptureInput): CaptureResult {
  const timeline = [...input.timeline].sort((a, b) => a.at.localeCompare(b.at));
  const stages = timeline.filter((i): i is Extract<TimelineItem, { kind: "STAGE" }> => i.kind === "STAGE");
  // The stage when the window opened: before its first change, or the one it was created at in the window.
  const first = stages[0];
  const stageAtStart = first === undefined ? input.stageAtEnd : (first.from ?? first.to);
  const situation: SituationTag[] = [];
  const s = input.situation;
  if (s.industry !== null) situation.push({ kind: "INDUSTRY", value: s.industry, required: true });
  if (s.segment !== null) situation.push({ kind: "SEGMENT", value: s.segment, required: true });
  if (stageAtStart !== null && stageAtStart !== "CLOSED_WON" && stageAtStart !== "CLOSED_LOST") {
    situation.push({ kind: "DEAL_STAGE", value: stageAtStart, required: false });
  }
  for (const role of [...new Set(s.buyerRoles)].sort())
    situation.push({ kind: "BUYER_ROLE", value: role, required: false });
  if (s.healthGrade !== null) situation.push({ kind: "HEALTH_GRADE", value: s.healthGrade, required: false });
  const trimmedSituation = situation.slice(0, MPU_LIMITS.tags);
  // A deal created in the window is where it starts, not a step taken.
  const steps = timeline
    .filter((i) => !(i.kind === "STAGE" && i.from === null))
    .map(stepOf)
    .slice(-MPU_LIMITS.actions);
  const windowHours = Math.min(
    MPU_LIMITS.maxHours,
    Math.max(1, Math.ceil((Date.parse(input.to) - Date.parse(input.from)) / HOUR_MS)),
  );
  const end = input.stageAtEnd;
  const advanced =
    end === "CLOSED_WON" || (end !== null && end !== "CLOSED_LOST" && stageIndex(end) > stageIndex(stageAtStart));
  const verifications: VerificationPoint[] = [];
  if (end !== null && end !== "CLOSED_LOST") {
    verifications.push({ kind: "STAGE_REACHED", stage: end as OpportunityStage, withinHours: windowHours });
  } else {
    const lastSignal = [...timeline].reverse().find((i) => i.kind === "SIGNAL");
    if (lastSignal !== undefined && lastSignal.kind === "SIGNAL") {
      verifications.push({ kind: "SIGNAL", field: lastSignal.field, withinHours: windowHours });
    }
  }
  // A unit needs a checkpoint; without an outcome to copy, propose the last one the author must replace.
  if (verifications.length === 0)
    verifications.push({ kind: "SIGNAL", field: "customer_confirmation", withinHours: windowHours });
  return {
    advanced,
    definition: {
      title: `Practice captured from ${input.label}`.slice(0, MPU_LIMITS.titleLength),
      summary: `Proposed from what happened between ${input.from} and ${input.to}; edit the steps, checkpoints and breakers.`,
      situation:
        trimmedSituation.length > 0 ? trimmedSituation : [{ kind: "INDUSTRY", value: "unknown", required: false }],
      actions:
        steps.length > 0
          ? steps
          : [
              {
                kind: "MANUAL",
                title: "Describe the first step",
                notes: "Nothing was recorded in the window.",
                links: [],
              },
            ],
      verifications,
      breakers: [],
    },
  };
}
