import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PLAYBOOK_STATUSES, PlaybookStatus } from "../../domain/automation/playbook";
import { PlaybookFiringRecord, PlaybookVersionRecord, StoredPlaybook } from "../../domain/automation/stored-playbook";
import { SimulationReport } from "../../services/automation/playbook-simulator";
import { PlaybookStats } from "../../services/automation/playbook.service";
import { enumOf } from "../common/enums";

export const PlaybookStatusEnum = enumOf(PLAYBOOK_STATUSES);
registerEnumType(PlaybookStatusEnum, {
  name: "PlaybookStatus",
  valuesConfig: {
    DRAFT: { description: "Saved, not running." },
    ACTIVE: { description: "Runs on change events committed since it was activated." },
    PAUSED: { description: "Not running; pausedReason says why (a person, or the failure breaker)." },
    RETIRED: { description: "Kept for the record; cannot be changed or activated again." },
  },
});

@ObjectType("Playbook", { description: "A playbook: versioned data the engine runs on the change feed." })
export class PlaybookView {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => PlaybookStatusEnum)
  status!: PlaybookStatus;

  @Field(() => Int)
  currentVersion!: number;

  @Field()
  ownerUserId!: string;

  @Field(() => Int, { description: "Firings in a row whose actions failed; at limits.pauseAfterFailures it pauses." })
  consecutiveFailures!: number;

  @Field(() => String, { nullable: true })
  pausedReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => GraphQLJSON, { description: "The current version's definition (docs/automation.md)." })
  definition!: unknown;

  /** Not a field: the stored playbook, for the field resolvers. */
  stored!: StoredPlaybook;
}

export function toPlaybookView(playbook: StoredPlaybook): PlaybookView {
  return {
    id: playbook.id,
    name: playbook.name,
    status: playbook.status,
    currentVersion: playbook.currentVersion,
    ownerUserId: playbook.ownerUserId,
    consecutiveFailures: playbook.consecutiveFailures,
    pausedReason: playbook.pausedReason,
    createdAt: new Date(playbook.createdAt),
    updatedAt: new Date(playbook.updatedAt),
    definition: playbook.definition,
    stored: playbook,
  };
}

@ObjectType("PlaybookVersion", { description: "A saved version; never changed once saved." })
export class PlaybookVersionView {
  @Field(() => Int)
  version!: number;

  @Field()
  savedAt!: Date;

  @Field()
  savedBy!: string;

  @Field(() => GraphQLJSON)
  definition!: unknown;
}

export function toVersionView(version: PlaybookVersionRecord): PlaybookVersionView {
  return { ...version, savedAt: new Date(version.savedAt) };
}

@ObjectType("PlaybookPage")
export class PlaybookPageView {
  @Field(() => [PlaybookView])
  playbooks!: PlaybookView[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasMore!: boolean;
}

@ObjectType("PlaybookOutcomeCount")
export class PlaybookOutcomeCountView {
  @Field()
  outcome!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType("PlaybookStats", {
  description: "What a playbook did and whether it worked, over its newest 1,000 firings.",
})
export class PlaybookStatsView implements PlaybookStats {
  @Field(() => Int)
  firings!: number;

  @Field(() => [PlaybookOutcomeCountView], { description: "Firings by what the actions side answered." })
  outcomes!: PlaybookOutcomeCountView[];

  @Field(() => Int)
  proposalsConfirmed!: number;

  @Field(() => Int)
  proposalsRejected!: number;

  @Field(() => Int)
  proposalsPending!: number;

  @Field(() => Int, { description: "Tasks and reviews the firings made." })
  tasks!: number;

  @Field(() => Int, { description: "Of them, completed by their due date." })
  tasksCompletedInTime!: number;

  @Field(() => Int)
  feedbackMet!: number;

  @Field(() => Int)
  feedbackPending!: number;

  @Field(() => Int)
  feedbackMissed!: number;

  @Field(() => Float, { nullable: true, description: "feedbackMet / (feedbackMet + feedbackMissed)." })
  successRate!: number | null;
}

@ObjectType("PlaybookFiring", { description: "A firing the engine recorded, and what the actions side answered." })
export class PlaybookFiringView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  playbookId!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: '"account:<id>" or "region:<name>".' })
  subject!: string;

  @Field()
  firedAt!: Date;

  @Field({
    description: "PENDING until the actions side answers; then PROPOSED, EXECUTED, PARTIAL, FAILED or REFUSED.",
  })
  outcome!: string;

  @Field(() => String, { nullable: true })
  outcomeReason!: string | null;

  @Field(() => [ID])
  accountIds!: string[];

  @Field(() => String, { nullable: true, description: "REGION scope: the region." })
  region!: string | null;

  @Field(() => [ID], { description: "The assets whose values moved (REGION scope and trends)." })
  assetIds!: string[];

  @Field(() => [String], { description: "The production batches of those assets." })
  batchCodes!: string[];

  @Field(() => GraphQLJSON, { description: "The trigger's and each condition's outcome with the facts they saw." })
  basis!: unknown;
}

export function toFiringView(firing: PlaybookFiringRecord): PlaybookFiringView {
  return { ...firing, firedAt: new Date(firing.firedAt), basis: JSON.parse(firing.basis) as unknown };
}

@ObjectType("PlaybookFiringPage")
export class PlaybookFiringPageView {
  @Field(() => [PlaybookFiringView])
  firings!: PlaybookFiringView[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasMore!: boolean;
}

@ObjectType("SimulatedFiring")
export class SimulatedFiringView {
  @Field()
  subject!: string;

  @Field()
  at!: Date;

  @Field(() => [ID])
  accountIds!: string[];

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => [ID])
  assetIds!: string[];

  @Field(() => [String])
  batchCodes!: string[];

  @Field(() => GraphQLJSON)
  basis!: unknown;
}

@ObjectType("SimulatedHold", { description: "Where a breaker would have held a firing back." })
export class SimulatedHoldView {
  @Field()
  subject!: string;

  @Field()
  at!: Date;

  @Field()
  breaker!: string;

  @Field()
  reason!: string;
}

@ObjectType("PlaybookSimulation", {
  description: "Where a playbook would have fired in a past period; computed without any side effect.",
})
export class PlaybookSimulationView {
  @Field(() => Int, { nullable: true, description: "The version replayed; null for an inline definition." })
  version!: number | null;

  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int)
  evaluations!: number;

  @Field(() => Int)
  conditionsFailed!: number;

  @Field(() => [SimulatedFiringView])
  firings!: SimulatedFiringView[];

  @Field(() => [SimulatedHoldView])
  held!: SimulatedHoldView[];

  @Field()
  truncated!: boolean;
}

export function toSimulationView(report: SimulationReport & { version: number | null }): PlaybookSimulationView {
  return {
    ...report,
    from: new Date(report.from),
    to: new Date(report.to),
    firings: report.firings.map((f) => ({ ...f, at: new Date(f.at) })),
    held: report.held.map((h) => ({ ...h, at: new Date(h.at) })),
  };
}
