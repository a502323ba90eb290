import { AuditEntryInput } from "../audit/audit-entry";
import { RecordChange } from "../events/change-event";
import { ExperimentStatus, MpuExperiment } from "./experiment";

const RECORDED_AS = {
  RUNNING: "MPU_EXPERIMENT_STARTED",
  STOPPED: "MPU_EXPERIMENT_STOPPED",
  CONCLUDED: "MPU_EXPERIMENT_CONCLUDED",
} as const satisfies Record<ExperimentStatus, string>;

/**
 * The audit record of an experiment's state change: its design and arm sizes (ids and numbers, never
 * personal values). Accounts are not listed: an experiment concerns thousands of them.
 */
export function experimentAuditEntry(
  experiment: MpuExperiment,
  actor: string,
  userIds: readonly string[],
): AuditEntryInput {
  return {
    kind: RECORDED_AS[experiment.status],
    accountIds: [],
    userIds,
    actor,
    payload: {
      experimentId: experiment.id,
      mpuId: experiment.mpuId,
      status: experiment.status,
      unit: experiment.population.unit,
      population: experiment.population,
      split: experiment.split,
      primaryOutcome: experiment.primaryOutcome,
      horizon: experiment.horizon,
      interimLooks: experiment.interimLooks,
      minimumPerArm: experiment.minimumPerArm,
      controlCount: experiment.controlCount,
      treatmentCount: experiment.treatmentCount,
      excludedCount: experiment.excludedCount,
    },
  };
}

/** The change event of an experiment's state change: its status before and after. */
export function experimentChange(experiment: MpuExperiment, previous: ExperimentStatus | null): RecordChange {
  return {
    type: RECORDED_AS[experiment.status],
    recordId: experiment.id,
    externalId: null,
    sourceSystem: null,
    changes: [
      { field: "status", old: previous, new: experiment.status },
      ...(previous === null
        ? [
            { field: "mpuId", old: null, new: experiment.mpuId },
            { field: "controlCount", old: null, new: experiment.controlCount },
            { field: "treatmentCount", old: null, new: experiment.treatmentCount },
          ]
        : []),
    ],
  };
}
