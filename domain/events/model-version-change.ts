import { RecordChange } from "./change-event";
import { diffFields } from "./field-diff";

/** Version properties stored as JSON text, compared and reported as values. */
const JSON_FIELDS = new Set(["weights", "bands", "reversedConcepts", "categoryLevels"]);
/** Left out of the event: the calibration report is large; `source` says a version was calibrated. */
const LEFT_OUT = new Set(["calibration", "createdAt", "modelId", "version", "tenant"]);

function readable(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (LEFT_OUT.has(key)) continue;
    out[key] = JSON_FIELDS.has(key) && typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

/**
 * HEALTH_MODEL_VERSION_SAVED: a model got a new (active) version. `changes` lists the version (old: the
 * version it replaces as active, null for a new model), then every setting that differs from that version
 * (all of them for a new model), in the order of `props`.
 */
export function modelVersionChange(
  modelId: string,
  version: number,
  props: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, unknown>> | null,
): RecordChange {
  const after = readable(props);
  const before = previous === null ? null : readable(previous);
  const oldVersion = previous === null || previous.version === undefined ? null : Number(previous.version);
  return {
    type: "HEALTH_MODEL_VERSION_SAVED",
    recordId: modelId,
    externalId: null,
    sourceSystem: null,
    changes: [{ field: "version", old: oldVersion, new: version }, ...diffFields(Object.keys(after), before, after)],
  };
}
