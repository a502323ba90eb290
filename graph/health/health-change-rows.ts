import { RecordChange } from "../../domain/events/change-event";
import { healthChange } from "../../domain/events/health-changes";
import { manualMeasureChange, MeasureValues, outcomeChange } from "../../domain/events/account-fact-changes";
import { PlainRow } from "../executor";

/**
 * The change events of the health writes, from the rows their statements return (health.queries.ts):
 * the glue between what Cypher reports and the pure event rules in domain/events/.
 */

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** HEALTH_* events of the snapshots a WRITE_SCORES statement created (`fresh`), none for one it met stored. */
export function scoreChanges(
  written: readonly PlainRow[],
  scores: ReadonlyArray<{ accountId: string; props: { score: number | null; grade: string | null } }>,
): RecordChange[] {
  const next = new Map(scores.map((score) => [score.accountId, score.props]));
  return written.flatMap((row): RecordChange[] => {
    const props = next.get(String(row.accountId));
    if (row.fresh !== true || props === undefined) return [];
    const previous = (row.previous as { score: unknown; grade: unknown } | null) ?? null;
    const change = healthChange({
      accountId: String(row.accountId),
      externalId: text(row.externalId),
      sourceSystem: text(row.sourceSystem),
      previous:
        previous === null
          ? null
          : { score: typeof previous.score === "number" ? previous.score : null, grade: text(previous.grade) },
      next: { score: props.score, grade: props.grade },
    });
    return change === null ? [] : [change];
  });
}

/** OUTCOME_RECORDED events of a SET_OUTCOMES statement's rows (none for a label already stored). */
export function outcomeChanges(
  result: readonly PlainRow[],
  rows: ReadonlyArray<{ index: number; accountId: string; label: string; occurredOn: string }>,
): RecordChange[] {
  const byIndex = new Map(rows.map((row) => [row.index, row]));
  return result.flatMap((answer): RecordChange[] => {
    const row = byIndex.get(Number(answer.index));
    if (row === undefined) return [];
    const change = outcomeChange(
      { accountId: row.accountId, externalId: text(answer.externalId), sourceSystem: text(answer.sourceSystem) },
      row,
      text(answer.previous),
    );
    return change === null ? [] : [change];
  });
}

/** The MANUAL_MEASURE_SET event of a SET_MANUAL_MEASURE statement's row, if the measure changed anything. */
export function measureChanges(
  row: PlainRow,
  measure: MeasureValues & { accountId: string; concept: string },
): RecordChange[] {
  const previous = (row.previous as Record<string, unknown> | null) ?? null;
  const change = manualMeasureChange(
    { accountId: measure.accountId, externalId: text(row.externalId), sourceSystem: text(row.sourceSystem) },
    measure.concept,
    {
      id: measure.id,
      value: measure.value,
      author: measure.author,
      comment: measure.comment,
      expiresAt: measure.expiresAt,
    },
    previous === null ? null : toMeasureValues(previous),
  );
  return change === null ? [] : [change];
}

function toMeasureValues(row: Record<string, unknown>): MeasureValues {
  const expiresAt = text(row.expiresAt);
  return {
    id: String(row.id),
    value: Number(row.value),
    author: String(row.author ?? ""),
    comment: text(row.comment),
    expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
  };
}
