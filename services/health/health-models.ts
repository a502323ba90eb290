import { Clock } from "../../domain/time/clock";
import { HealthRepository } from "../../graph/health/health.repository";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import {
  DEFAULT_MODEL,
  DEFAULT_MODEL_ID,
  fromVersionProps,
  healthModelProblems,
  HealthModelSpec,
  HealthModelVersion,
  toVersionProps,
} from "./health-model";
import { HealthError } from "./health.errors";

/** The tenant's health models and their versions; the default model is created on first use. */
export class HealthModels {
  constructor(
    private readonly health: HealthRepository,
    private readonly ontology: OntologyRepository,
    private readonly clock: Clock,
  ) {}

  /** Every version of every model. */
  async all(): Promise<HealthModelVersion[]> {
    await this.ensureDefaultModel();
    return (await this.health.modelVersions(null)).map(fromVersionProps);
  }

  /** The active version of a model (or a named version). */
  async get(modelId: string, version: number | null = null): Promise<HealthModelVersion> {
    if (modelId === DEFAULT_MODEL_ID) await this.ensureDefaultModel();
    const versions = (await this.health.modelVersions(modelId)).map(fromVersionProps);
    const found = version === null ? versions.find((v) => v.active) : versions.find((v) => v.version === version);
    if (!found) {
      throw new HealthError(
        "MODEL_NOT_FOUND",
        `There is no health model "${modelId}"${version === null ? "" : ` version ${version}`}; list them with healthModels.`,
      );
    }
    return found;
  }

  async versions(modelId: string): Promise<HealthModelVersion[]> {
    return (await this.health.modelVersions(modelId)).map(fromVersionProps);
  }

  /** Creates a model, or a new version of it; scores computed earlier keep pointing at their version. */
  async define(modelId: string, spec: HealthModelSpec): Promise<HealthModelVersion> {
    const problems = healthModelProblems(modelId, spec);
    const [root] = await this.ontology.conceptsByIds([spec.rootConcept]);
    if (!root) problems.push(`rootConcept "${spec.rootConcept}" is not a concept; find one with the concepts query`);
    if (problems.length > 0)
      throw new HealthError("INVALID_MODEL", `The health model is invalid: ${problems.join("; ")}.`);
    const version = await this.health.saveModelVersion(modelId, toVersionProps(spec), this.clock().toISOString());
    return this.get(modelId, version);
  }

  private async ensureDefaultModel(): Promise<void> {
    const existing = await this.health.modelVersions(DEFAULT_MODEL_ID);
    if (existing.length === 0)
      await this.health.saveModelVersion(DEFAULT_MODEL_ID, toVersionProps(DEFAULT_MODEL), this.clock().toISOString());
  }
}
