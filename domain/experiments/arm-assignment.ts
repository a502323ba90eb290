import { createHash } from "node:crypto";

export const EXPERIMENT_ARMS = ["CONTROL", "TREATMENT"] as const;
export type ExperimentArm = (typeof EXPERIMENT_ARMS)[number];

/**
 * A unit's position in [0, 1) for an experiment: the first 52 bits of SHA-256 of "experimentId:unitId".
 * Stable (the same pair always lands in the same place, on any machine and in any order of assignment)
 * and independent between experiments (a unit's place in one says nothing about another).
 */
export function assignmentPoint(experimentId: string, unitId: string): number {
  const digest = createHash("sha256").update(`${experimentId}:${unitId}`).digest();
  // 6 bytes = 48 bits, then 4 more from the seventh byte: 52 bits fit a double exactly.
  const high = digest.readUIntBE(0, 6);
  const low = digest[6]! >> 4;
  return (high * 16 + low) / 2 ** 52;
}

/** TREATMENT when the unit's point falls below `split` (the treatment share), else CONTROL. */
export function armOf(experimentId: string, unitId: string, split: number): ExperimentArm {
  return assignmentPoint(experimentId, unitId) < split ? "TREATMENT" : "CONTROL";
}
