import { randomUUID } from "node:crypto";
import { Clock } from "../../domain/time/clock";
import { nodeId } from "../../domain/ids/node-id";
import { firstProblem, isoDate, oneOf, requiredText, sourceSystemKey } from "../../domain/ingest/field-rules";
import { IngestResult, summarizeIngest } from "../../domain/ingest/ingest-result";
import { validateBatch } from "../../domain/ingest/validate-batch";
import { AccountRef } from "../../domain/records";
import { HealthRepository, ManualMeasureRecord } from "../../graph/health/health.repository";
import { OntologyRepository } from "../../graph/ontology/ontology.repository";
import { HealthError } from "./health.errors";

/** Outcome labels integrators send; CHURNED and DOWNGRADED are the bad outcomes calibration learns from. */
export const OUTCOME_LABELS = ["CHURNED", "RENEWED", "EXPANDED", "DOWNGRADED"] as const;

/** A manual measure to record; its id is given when it is stored. */
export type ManualMeasureRequest = Omit<ManualMeasureRecord, "id">;

/** What people and integrators tell Relata about accounts: outcome labels and manual measures. */
export class OutcomesAndMeasures {
  constructor(
    private readonly health: HealthRepository,
    private readonly ontology: OntologyRepository,
    private readonly clock: Clock,
  ) {}

  /** Records a person's judgement of a concept for an account; it enters scores like a mapped value. */
  async setManualMeasure(input: ManualMeasureRequest) {
    if (!Number.isFinite(input.value) || input.value < 0 || input.value > 1) {
      throw new HealthError("INVALID_MEASURE", `value must be between 0 and 1 (1 = best); received ${input.value}.`);
    }
    if (input.expiresAt !== null && Number.isNaN(Date.parse(input.expiresAt))) {
      throw new HealthError("INVALID_MEASURE", `expiresAt must be an ISO-8601 instant; received "${input.expiresAt}".`);
    }
    const [concept] = await this.ontology.conceptsByIds([input.concept]);
    if (!concept)
      throw new HealthError(
        "INVALID_MEASURE",
        `There is no concept "${input.concept}"; find one with the concepts query.`,
      );
    const id = `mm_${randomUUID()}`;
    const stored = await this.health.setManualMeasure({ id, ...input }, this.clock().toISOString());
    if (!stored) throw new HealthError("ACCOUNT_NOT_FOUND", `There is no account "${input.accountId}" in your tenant.`);
    return { id, ...input };
  }

  /**
   * Stores outcome labels (e.g. CHURNED, RENEWED) on accounts, keyed by account and date: sending the
   * same labels again changes nothing and says so.
   */
  async setOutcomes(
    tenant: string,
    records: ReadonlyArray<{ account: AccountRef; label: string; occurredOn: string }>,
    maxBatch: number,
  ): Promise<IngestResult> {
    if (records.length > maxBatch) {
      throw new HealthError(
        "INVALID_MEASURE",
        `input has ${records.length} outcomes; at most ${maxBatch} are accepted per call.`,
      );
    }
    const { valid, rejections } = validateBatch(records, {
      check: (r) =>
        firstProblem(
          requiredText(r.account?.externalId, "account.externalId", 200),
          sourceSystemKey(r.account?.sourceSystem ?? "crm", "account.sourceSystem"),
          oneOf(r.label, "label", OUTCOME_LABELS, true),
          isoDate(r.occurredOn, "occurredOn") ?? (r.occurredOn ? null : "occurredOn is required"),
        ),
      keyOf: (r) => `${r.account.sourceSystem ?? "crm"}\u0000${r.account.externalId}\u0000${r.occurredOn}`,
      externalIdOf: (r) => r.account?.externalId,
    });
    const rows = valid.map(({ index, record }) => ({
      index,
      accountId: nodeId("Account", tenant, record.account.sourceSystem ?? "crm", record.account.externalId),
      label: record.label,
      occurredOn: record.occurredOn,
    }));
    const stored = rows.length === 0 ? [] : await this.health.setOutcomes(rows, this.clock().toISOString());
    const storedIndexes = new Set(stored.map((s) => s.index));
    const missing = valid
      .filter(({ index }) => !storedIndexes.has(index))
      .map(({ index, record }) => ({
        index,
        externalId: record.account.externalId,
        reason: `account "${record.account.externalId}" from source system "${record.account.sourceSystem ?? "crm"}" does not exist in this tenant`,
      }));
    return summarizeIngest(stored, [...rejections, ...missing]);
  }
}
