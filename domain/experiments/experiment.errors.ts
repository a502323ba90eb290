export type ExperimentErrorCode =
  | "INVALID_EXPERIMENT"
  | "EXPERIMENT_NOT_FOUND"
  | "EXPERIMENT_MPU_NOT_FOUND"
  | "EXPERIMENT_MPU_NOT_PUBLISHED"
  | "EXPERIMENT_NOT_RUNNING"
  | "EXPERIMENT_POPULATION_TOO_LARGE";

/**
 * An MPU experiment request that cannot be carried out as sent (issue 16); the message says what was
 * wrong, where, and what to do.
 */
export class ExperimentError extends Error {
  constructor(
    readonly code: ExperimentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ExperimentError";
  }
}
