import { randomBytes } from "node:crypto";
import { AnalysisMoment, analyseExperiment, ExperimentAnalysis } from "../../domain/experiments/analyse-experiment";
import { armOf } from "../../domain/experiments/arm-assignment";
import { MpuExperiment } from "../../domain/experiments/experiment";
import { experimentAuditEntry, experimentChange } from "../../domain/experiments/experiment-records";
import { ExperimentError } from "../../domain/experiments/experiment.errors";
import {
  EXPERIMENT_LIMITS,
  StartExperimentInput,
  validateStartExperiment,
} from "../../domain/experiments/validate-experiment";
import { Clock } from "../../domain/time/clock";
import { MpuExperimentRepository } from "../../graph/experiments/mpu-experiment.repository";

/** How many experiments `mpuExperiments` lists (newest first): a unit is rarely tested more often. */
export const MAX_EXPERIMENTS_LISTED = 100;

/** Who calls: their audit actor ("user:<sub>" or "agent:<name>") and their user record id, when they are a user. */
export interface ExperimentCaller {
  actor: string;
  userId: string | null;
}

/** An experiment with its report as of now. */
export interface ExperimentReport {
  experiment: MpuExperiment;
  analysis: ExperimentAnalysis;
  horizonPassed: boolean;
  /** The instant the outcomes were observed up to: now, or the horizon once it has passed. */
  observedUntil: string;
}

function notFound(id: string): ExperimentError {
  return new ExperimentError(
    "EXPERIMENT_NOT_FOUND",
    `Your tenant has no MPU experiment "${id.slice(0, 80)}". Check the id (mpuExperiments(mpuId) lists them).`,
  );
}

/**
 * A/B tests of micro-practice units (issue 16, docs/mpu-experiments.md, decision 0030): eligible accounts or
 * opportunities split between the unit and control by stable hashing, their primary outcome observed to a
 * horizon, and a report with the right test, intervals and a plain-language verdict.
 */
export class MpuExperimentService {
  constructor(
    private readonly repository: MpuExperimentRepository,
    private readonly caller: ExperimentCaller,
    private readonly clock: Clock,
  ) {}

  private userIds(): string[] {
    return this.caller.userId === null ? [] : [this.caller.userId];
  }

  /** Validates the design, assigns the eligible units and records the start. */
  async start(input: StartExperimentInput): Promise<MpuExperiment> {
    const now = this.clock();
    const plan = validateStartExperiment(input, now);
    const id = `mpx_${randomBytes(12).toString("base64url")}`;
    const result = await this.repository.start(
      id,
      plan,
      this.caller.actor,
      now.toISOString(),
      EXPERIMENT_LIMITS.maxPopulation,
      (unitIds, eligible) => {
        if (eligible > EXPERIMENT_LIMITS.maxPopulation) {
          return {
            refuse: new ExperimentError(
              "EXPERIMENT_POPULATION_TOO_LARGE",
              `The population has ${eligible} eligible units; an experiment takes at most ` +
                `${EXPERIMENT_LIMITS.maxPopulation}. Narrow it with segments, industries, regions or stages.`,
            ),
          };
        }
        return {
          arms: unitIds.map((unitId) => ({ id: unitId, arm: armOf(id, unitId, plan.split) })),
          audit: (experiment) => experimentAuditEntry(experiment, this.caller.actor, this.userIds()),
          change: (experiment) => experimentChange(experiment, null),
        };
      },
    );
    if ("refused" in result) throw result.refused;
    return result.experiment;
  }

  /** Stops a running experiment: CONCLUDED at or after its horizon, STOPPED before it. */
  async stop(id: string): Promise<MpuExperiment> {
    const now = this.clock();
    const result = await this.repository.stop(id, this.caller.actor, now.toISOString(), (experiment) => {
      if (experiment.status !== "RUNNING") {
        return {
          refuse: new ExperimentError(
            "EXPERIMENT_NOT_RUNNING",
            `MPU experiment "${id.slice(0, 80)}" is already ${experiment.status}; only a RUNNING experiment can be stopped.`,
          ),
        };
      }
      return {
        status: Date.parse(experiment.horizon) <= now.getTime() ? "CONCLUDED" : "STOPPED",
        audit: (stopped) => experimentAuditEntry(stopped, this.caller.actor, this.userIds()),
        change: (stopped) => experimentChange(stopped, "RUNNING"),
      };
    });
    if (result === null) throw notFound(id);
    if ("refused" in result) throw result.refused;
    return result.experiment;
  }

  /**
   * The report as of now (two statements: the experiment, then both arms' counts). A stopped experiment is
   * judged as of its stop; its outcomes are observed up to then.
   */
  async report(id: string): Promise<ExperimentReport> {
    const experiment = await this.repository.get(id);
    if (experiment === null) throw notFound(id);
    const now = this.clock().getTime();
    const start = Date.parse(experiment.startedAt);
    const horizon = Date.parse(experiment.horizon);
    const end = experiment.stoppedAt === null ? now : Math.min(now, Date.parse(experiment.stoppedAt));
    const observedUntil = new Date(Math.min(end, horizon)).toISOString();
    const arms = await this.repository.armCounts(experiment, observedUntil);
    const moment: AnalysisMoment = {
      horizonPassed: end >= horizon,
      elapsedFraction: Math.max(0, Math.min(1, (end - start) / (horizon - start))),
    };
    const analysis = analyseExperiment(
      arms,
      { minimumPerArm: experiment.minimumPerArm, interimLooks: experiment.interimLooks },
      moment,
    );
    return { experiment, analysis, horizonPassed: moment.horizonPassed, observedUntil };
  }

  /** The experiments of one unit, newest first (at most {@link MAX_EXPERIMENTS_LISTED}). */
  list(mpuId: string): Promise<MpuExperiment[]> {
    if (mpuId.length > EXPERIMENT_LIMITS.maxTextLength) {
      throw new ExperimentError(
        "INVALID_EXPERIMENT",
        `mpuId is longer than ${EXPERIMENT_LIMITS.maxTextLength} characters.`,
      );
    }
    return this.repository.listByMpu(mpuId, MAX_EXPERIMENTS_LISTED);
  }
}
