import { ExperimentPopulation, ExperimentStatus, MpuExperiment } from "../../domain/experiments/experiment";
import { ExperimentOutcomeKind } from "../../domain/experiments/experiment-outcome";
import { OpportunityStage } from "../../domain/records";
import { PlainRow } from "../executor";

const instant = (value: unknown): string => new Date(String(value)).toISOString();
const optionalInstant = (value: unknown): string | null =>
  value === null || value === undefined ? null : instant(value);

function parsePopulation(text: unknown): ExperimentPopulation {
  const parsed = JSON.parse(String(text)) as Partial<ExperimentPopulation>;
  return {
    unit: parsed.unit ?? "ACCOUNT",
    segments: parsed.segments ?? [],
    industries: parsed.industries ?? [],
    regions: parsed.regions ?? [],
    stages: parsed.stages ?? [],
    openOnly: parsed.openOnly ?? false,
  };
}

/** An experiment from the row of `EXPERIMENT_FIELDS`. */
export function toExperiment(row: PlainRow): MpuExperiment {
  return {
    id: String(row.id),
    mpuId: String(row.mpuId),
    status: String(row.status) as ExperimentStatus,
    population: parsePopulation(row.population),
    split: Number(row.split),
    primaryOutcome: {
      kind: String(row.outcomeKind) as ExperimentOutcomeKind,
      stage:
        row.outcomeStage === null || row.outcomeStage === undefined
          ? null
          : (String(row.outcomeStage) as OpportunityStage),
      field: row.outcomeField === null || row.outcomeField === undefined ? null : String(row.outcomeField),
    },
    startedAt: instant(row.startedAt),
    startedBy: String(row.startedBy),
    horizon: instant(row.horizon),
    interimLooks: Array.isArray(row.interimLooks) ? row.interimLooks.map(Number) : [],
    minimumPerArm: Number(row.minimumPerArm),
    stoppedAt: optionalInstant(row.stoppedAt),
    stoppedBy: row.stoppedBy === null || row.stoppedBy === undefined ? null : String(row.stoppedBy),
    controlCount: Number(row.controlCount ?? 0),
    treatmentCount: Number(row.treatmentCount ?? 0),
    excludedCount: Number(row.excludedCount ?? 0),
  };
}
