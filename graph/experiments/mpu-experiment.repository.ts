import neo4j from "neo4j-driver";
import { AuditEntryInput } from "../../domain/audit/audit-entry";
import { ExperimentArm } from "../../domain/experiments/arm-assignment";
import { TwoArms } from "../../domain/experiments/arm-counts";
import { ExperimentStatus, MpuExperiment } from "../../domain/experiments/experiment";
import { stagesCountingFor } from "../../domain/experiments/experiment-outcome";
import { ExperimentError } from "../../domain/experiments/experiment.errors";
import { StartExperimentPlan } from "../../domain/experiments/validate-experiment";
import { RecordChange } from "../../domain/events/change-event";
import { AuditTrail } from "../audit/audit-trail";
import { ChangeOutbox } from "../events/change-outbox";
import { CypherExecutor } from "../executor";
import { toExperiment } from "./mpu-experiment-rows";
import {
  ARM_COUNTS,
  ASSIGN_UNITS,
  CREATE_EXPERIMENT,
  ELIGIBLE_UNITS,
  GET_EXPERIMENT,
  LIST_EXPERIMENTS,
  LOCK_EXPERIMENT,
  LOCK_MPU,
  STOP_EXPERIMENT,
} from "./mpu-experiment.queries";

/** Assignments written per statement. */
export const ASSIGNMENT_CHUNK = 5_000;

/** The MPU statuses an experiment may test. */
const TESTABLE = new Set(["PUBLISHED", "VALIDATED"]);

/** What the service decides once it sees the eligible units: the arms, or a refusal. */
export type AssignmentDecision =
  | {
      arms: Array<{ id: string; arm: ExperimentArm }>;
      audit: (experiment: MpuExperiment) => AuditEntryInput;
      change: (experiment: MpuExperiment) => RecordChange;
    }
  | { refuse: ExperimentError };

/** What a stop records, decided by the service from the locked experiment. */
export type StopDecision =
  | {
      status: ExperimentStatus;
      audit: (experiment: MpuExperiment) => AuditEntryInput;
      change: (experiment: MpuExperiment) => RecordChange;
    }
  | { refuse: ExperimentError };

/**
 * One tenant's MPU experiments (issue 16, decision 0030). A start reads the eligible units and writes the
 * experiment, its assignments, its audit record and its change event in ONE transaction; a report reads the
 * experiment and then both arms' counts (two statements).
 */
export class MpuExperimentRepository {
  private readonly audit: AuditTrail;

  constructor(
    private readonly executor: CypherExecutor,
    readonly tenant: string,
    private readonly outbox: ChangeOutbox,
  ) {
    this.audit = new AuditTrail(tenant);
  }

  checkAudit(entry: AuditEntryInput): void {
    this.audit.check([entry]);
  }

  /**
   * Starts experiment `id`: locks the MPU, refuses one that is missing or not PUBLISHED/VALIDATED, reads
   * the eligible units (without those a running experiment of the same MPU holds), lets `decide` assign
   * them (it must be pure: the transaction may be retried), and writes it all.
   */
  async start(
    id: string,
    plan: StartExperimentPlan,
    actor: string,
    now: string,
    maxPopulation: number,
    decide: (unitIds: string[], eligible: number) => AssignmentDecision,
  ): Promise<{ experiment: MpuExperiment } | { refused: ExperimentError }> {
    return this.executor.writeSteps(CREATE_EXPERIMENT.name, async (run) => {
      const [mpu] = await run(LOCK_MPU, { tenant: this.tenant, mpuId: plan.mpuId });
      if (mpu === undefined) {
        return {
          refused: new ExperimentError(
            "EXPERIMENT_MPU_NOT_FOUND",
            `Your tenant has no micro-practice unit "${plan.mpuId.slice(0, 80)}". Check the id (mpus lists them).`,
          ),
        };
      }
      const status = String(mpu.status);
      if (!TESTABLE.has(status)) {
        return {
          refused: new ExperimentError(
            "EXPERIMENT_MPU_NOT_PUBLISHED",
            `Micro-practice unit "${plan.mpuId.slice(0, 80)}" is ${status}: only PUBLISHED or VALIDATED units are ` +
              `tested, since only they are recommended. Publish it first.`,
          ),
        };
      }
      const p = plan.population;
      const [found] = await run(ELIGIBLE_UNITS[p.unit], {
        tenant: this.tenant,
        mpuId: plan.mpuId,
        segments: p.segments,
        industries: p.industries,
        regions: p.regions,
        stages: p.stages,
        openOnly: p.openOnly,
        limit: neo4j.int(maxPopulation),
      });
      const ids = ((found?.ids as unknown[]) ?? []).map(String);
      const eligible = Number(found?.eligible ?? 0);
      const decision = decide(ids, eligible);
      if ("refuse" in decision) return { refused: decision.refuse };
      const treatment = decision.arms.filter((a) => a.arm === "TREATMENT").length;
      const [row] = await run(CREATE_EXPERIMENT, {
        tenant: this.tenant,
        now,
        e: {
          id,
          mpuId: plan.mpuId,
          unitKind: p.unit,
          population: JSON.stringify(p),
          split: plan.split,
          outcomeKind: plan.primaryOutcome.kind,
          outcomeStage: plan.primaryOutcome.stage,
          outcomeField: plan.primaryOutcome.field,
          startedBy: actor,
          horizon: plan.horizon,
          interimLooks: plan.interimLooks,
          minimumPerArm: neo4j.int(plan.minimumPerArm),
          controlCount: neo4j.int(decision.arms.length - treatment),
          treatmentCount: neo4j.int(treatment),
          excludedCount: neo4j.int(Number(found?.excluded ?? 0)),
        },
      });
      for (let at = 0; at < decision.arms.length; at += ASSIGNMENT_CHUNK) {
        await run(ASSIGN_UNITS[p.unit], {
          tenant: this.tenant,
          id,
          now,
          rows: decision.arms.slice(at, at + ASSIGNMENT_CHUNK),
        });
      }
      const experiment = toExperiment(row!);
      await this.audit.append(run, now, [decision.audit(experiment)]);
      await this.outbox.append(run, now, [decision.change(experiment)]);
      return { experiment };
    });
  }

  /** Writes assignments again (idempotent: existing ones keep their arm); returns how many the rows name. */
  async assign(
    experiment: MpuExperiment,
    rows: Array<{ id: string; arm: ExperimentArm }>,
    now: string,
  ): Promise<number> {
    const [row] = await this.executor.write(ASSIGN_UNITS[experiment.population.unit], {
      tenant: this.tenant,
      id: experiment.id,
      now,
      rows,
    });
    return Number(row?.assigned ?? 0);
  }

  async get(id: string): Promise<MpuExperiment | null> {
    const [row] = await this.executor.read(GET_EXPERIMENT, { tenant: this.tenant, id });
    return row === undefined ? null : toExperiment(row);
  }

  async listByMpu(mpuId: string, limit: number): Promise<MpuExperiment[]> {
    const rows = await this.executor.read(LIST_EXPERIMENTS, { tenant: this.tenant, mpuId, limit: neo4j.int(limit) });
    return rows.map(toExperiment);
  }

  /** Units and successes per arm, the outcome observed from the start until `now` or the horizon. One statement. */
  async armCounts(experiment: MpuExperiment, now: string): Promise<TwoArms> {
    const outcome = experiment.primaryOutcome;
    const stages =
      outcome.kind === "OPPORTUNITY_WON"
        ? ["CLOSED_WON"]
        : outcome.kind === "STAGE_REACHED" && outcome.stage !== null
          ? stagesCountingFor(outcome.stage)
          : [];
    const rows = await this.executor.read(ARM_COUNTS[outcome.kind][experiment.population.unit], {
      tenant: this.tenant,
      id: experiment.id,
      now,
      stages,
      field: outcome.field,
    });
    const arms: TwoArms = { control: { n: 0, successes: 0 }, treatment: { n: 0, successes: 0 } };
    for (const row of rows) {
      const counts = { n: Number(row.n), successes: Number(row.successes) };
      if (row.arm === "TREATMENT") arms.treatment = counts;
      else if (row.arm === "CONTROL") arms.control = counts;
    }
    return arms;
  }

  /** Locks the experiment, lets `decide` stop it or refuse, and records the stop with its audit record and event. */
  async stop(
    id: string,
    actor: string,
    now: string,
    decide: (experiment: MpuExperiment) => StopDecision,
  ): Promise<{ experiment: MpuExperiment } | { refused: ExperimentError } | null> {
    return this.executor.writeSteps(STOP_EXPERIMENT.name, async (run) => {
      const [locked] = await run(LOCK_EXPERIMENT, { tenant: this.tenant, id });
      if (locked === undefined) return null;
      const decision = decide(toExperiment(locked));
      if ("refuse" in decision) return { refused: decision.refuse };
      const [row] = await run(STOP_EXPERIMENT, { tenant: this.tenant, id, now, actor, status: decision.status });
      const experiment = toExperiment(row!);
      await this.audit.append(run, now, [decision.audit(experiment)]);
      await this.outbox.append(run, now, [decision.change(experiment)]);
      return { experiment };
    });
  }
}
