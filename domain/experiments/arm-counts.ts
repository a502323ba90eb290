/** The successes out of the units of one arm of an experiment. */
export interface ArmCounts {
  n: number;
  successes: number;
}

/** The two arms of an experiment: control (without the unit) and treatment (with it). */
export interface TwoArms {
  control: ArmCounts;
  treatment: ArmCounts;
}

/** The success rate of an arm; null for an empty arm. */
export function rateOf(arm: ArmCounts): number | null {
  return arm.n === 0 ? null : arm.successes / arm.n;
}
